"""Generate the parts of docs/ that mirror tables in code, so the two never drift apart.

Run `python -m crosscheck.docgen docs` to rewrite them; a test fails when they are stale.
Each generated part sits between `<!-- NAME:start -->` and `<!-- NAME:end -->` markers.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from crosscheck.model import MODALITIES, PREDICATES, Modality
from crosscheck.registry import Rule, load_rules

__all__ = ["GENERATED", "builtin_rules", "regenerate", "rules_reference"]


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


GENERATED: Mapping[tuple[str, str], Callable[[], str]] = {
    ("model.md", "predicates"): lambda: _table(("predicate", "meaning"), PREDICATES),
    ("model.md", "modalities"): lambda: _table(("modality", "meaning"), MODALITIES),
    ("rules.md", "rules"): lambda: rules_reference(builtin_rules()),
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
