"""Generate the parts of docs/ that mirror tables in code, so the two never drift apart.

Run `python -m crosscheck.docgen docs` to rewrite them; a test fails when they are stale.
Each generated part sits between `<!-- NAME:start -->` and `<!-- NAME:end -->` markers.
"""

from __future__ import annotations

import decimal
import re
import sys
from collections.abc import Callable, Iterable, Mapping
from fractions import Fraction
from pathlib import Path

from crosscheck.dates import DATE_WORDINGS
from crosscheck.model import MODALITIES, PREDICATES, Modality
from crosscheck.quantity import UNITS, WORDINGS
from crosscheck.registry import Rule, load_rules

__all__ = [
    "GENERATED",
    "builtin_rules",
    "date_wordings",
    "quantity_wordings",
    "regenerate",
    "rules_reference",
    "units",
]


def _table(header: tuple[str, str], rows: Mapping[str, str] | Mapping[Modality, str]) -> str:
    lines = [f"| {header[0]} | {header[1]} |", "| --- | --- |"]
    lines += [f"| `{key}` | {value} |" for key, value in rows.items()]
    return "\n".join(lines)


def builtin_rules() -> tuple[Rule, ...]:
    """crosscheck's own rules, as registered (any installed plugin's rules are left out)."""
    return tuple(r for r in load_rules() if r.check.__module__.startswith("crosscheck."))


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def rules_reference(rules: Iterable[Rule]) -> str:
    """The rules reference: an index table, then one section per rule with its documentation.

    Each rule's docstring becomes its section; the docstring's dash-underlined headings become
    third-level headings.
    """
    ordered = sorted(rules, key=lambda r: r.code)
    if not ordered:
        return "No rules are registered."
    lines = ["| code | name | severity | lifecycle | summary |", "| --- | --- | --- | --- | --- |"]
    lines += [
        f"| [{r.code}](#{r.code.lower()}) | `{r.name}` | {r.severity.value} | "
        f"{r.lifecycle.value} | {_cell(r.summary)} |"
        for r in ordered
    ]
    for r in ordered:
        doc = re.sub(r"^(\S[^\n]*)\n-+$", r"### \1", r.doc, flags=re.MULTILINE)
        lines += ["", f"## {r.code}", "", f"`{r.name}` · {r.severity.value} · {r.lifecycle.value}"]
        lines += ["", doc]
    return "\n".join(lines)


def _markdown(header: tuple[str, ...], rows: Iterable[Iterable[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    lines += ["| " + " | ".join(_cell(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def quantity_wordings() -> str:
    """`crosscheck.quantity.WORDINGS`: how each kind of figure wording becomes an interval."""
    rows = ((w.pattern, w.example, w.interval, w.reason) for w in WORDINGS)
    return _markdown(("Wording", "Example", "Interval", "Why"), rows)


def _exact(x: Fraction) -> str:
    """A unit's exact size: a terminating decimal, or else a fraction."""
    denominator = x.denominator
    for prime in (2, 5):
        while denominator % prime == 0:
            denominator //= prime
    if denominator != 1:
        return f"{x.numerator}/{x.denominator}"
    return format(decimal.Decimal(x.numerator) / decimal.Decimal(x.denominator), "f")


def units() -> str:
    """`crosscheck.quantity.UNITS`: each measured unit, its size in its dimension's base unit
    (the one of size 1) and the spellings read as it; then the counted nouns."""
    bases = {u.dimension: u.name for u in UNITS if u.size == 1}
    rows = [
        (f"`{u.name}`", u.dimension.value,
         "1 (the base unit)" if u.size == 1 else f"{_exact(u.size)} {bases[u.dimension]}",
         ", ".join(u.spellings))
        for u in UNITS
    ]  # fmt: skip
    nouns = "person, persons, people; any noun given as the unit (soldier, drone, town)"
    rows.append(("`person`, or any other noun", "count", "—", nouns))
    return _markdown(("Unit", "Measures", "Size", "Spellings accepted"), rows)


def date_wordings() -> str:
    """`crosscheck.dates.DATE_WORDINGS`: a table per group of forms, each with an example, the
    report date it is read against and the days it reads as."""
    sections = []
    groups = dict.fromkeys(row.group for row in DATE_WORDINGS)
    for group in groups:
        rows = []
        for row in (r for r in DATE_WORDINGS if r.group == group):
            notes = [f"{row.anchor:%a} {row.anchor.isoformat()}"]
            notes += ["a plan"] if row.ahead else []
            notes += [f"{row.numeric.value} declared"] if row.numeric is not None else []
            rows.append((row.form, f"“{row.example}” ({', '.join(notes)})", row.days, row.why))
        table = _markdown(("Wording", "Example (report of)", "Span", "Why this width"), rows)
        sections.append(f"### {group}\n\n{table}")
    return "\n\n".join(sections)


GENERATED: Mapping[tuple[str, str], Callable[[], str]] = {
    ("model.md", "predicates"): lambda: _table(("predicate", "meaning"), PREDICATES),
    ("model.md", "modalities"): lambda: _table(("modality", "meaning"), MODALITIES),
    ("rules.md", "rules"): lambda: rules_reference(builtin_rules()),
    ("quantities.md", "wordings"): quantity_wordings,
    ("quantities.md", "units"): units,
    ("dates.md", "wordings"): date_wordings,
}
"""Each generated part: (file in docs/, marker name) → its content."""


def regenerate(text: str, name: str, content: str) -> str:
    """Return `text` with the part between NAME's markers replaced by `content`."""
    pattern = re.compile(rf"(<!-- {name}:start -->\n).*?(<!-- {name}:end -->)", re.DOTALL)
    if not pattern.search(text):
        raise ValueError(f"no <!-- {name}:start --> … <!-- {name}:end --> markers")
    return pattern.sub(lambda match: match[1] + content + "\n" + match[2], text)


def main(docs: Path) -> None:
    """Rewrite every generated part under the docs folder `docs`."""
    for (file, name), render in GENERATED.items():
        path = docs / file
        path.write_text(
            regenerate(path.read_text(encoding="utf-8"), name, render()), encoding="utf-8"
        )


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs"))
