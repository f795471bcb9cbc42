"""Rule case files: the sentences a rule must flag and the look-alikes it must leave alone.

A folder of case files holds one ``CODE.toml`` per rule and, optionally, ``world.toml``: the
actors and places every case may use. Each ``[[cases]]`` entry of a case file is a small
dataset — its ``[[cases.reports]]``, each with its ``[[cases.reports.claims]]`` as in a report
file, and optionally its own ``[[cases.actors]]`` and ``[[cases.places]]`` — and what the rule
must make of it:

``name``
    What the case shows, in a sentence.
``flagged``
    The cited claim ids of each finding the rule must produce; ``[]`` means it must stay quiet.
``severity`` (optional)
    The severity every one of those findings must have.
``message`` (optional)
    Text every one of those findings' messages must contain.
``window`` (optional)
    A sameness window, ``{ days = 1, km = 10 }``, the case is checked with (see
    `crosscheck.sameness.Window`; ``match-days`` and ``match-km`` in a project's settings).
``also`` (optional)
    The other rules that may fire on the case too. Every case runs against every rule, so an
    overlap (two rules reporting one disagreement) or a rule firing on another rule's look-alike
    is a failure unless the case lists it.

A report's text defaults to its claims' quotes, one per line, and its title to its id. Each case
is written out as a dataset folder and loaded with `crosscheck.load`, so it passes every check a
curated dataset does. crosscheck's own rules are tested this way (``tests/rules/``), and a
plugin's rules can be too::

    from crosscheck.testing import check_case, read_cases

    @pytest.mark.parametrize("case", read_cases(Path("tests/cases")), ids=str)
    def test_rule_case(case, tmp_path):
        assert check_case(case, tmp_path / "dataset") == []

This module reads and writes files, and is for tests; the engine never imports it.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
import tomli_w

from crosscheck.engine import check
from crosscheck.findings import Severity
from crosscheck.loading import load
from crosscheck.names import did_you_mean
from crosscheck.registry import Rule, load_rules
from crosscheck.sameness import Window

__all__ = ["RuleCase", "check_case", "read_cases", "write_case"]

WORLD_FILE = "world.toml"


@attrs.frozen
class RuleCase:
    """One case of one rule's case file."""

    code: str
    """The rule the case is for: its file's name (``QTY001.toml``)."""
    name: str
    flagged: tuple[tuple[str, ...], ...]
    """The claim ids each expected finding cites, each sorted; empty when none is expected."""
    document: Mapping[str, Any] = attrs.field(repr=False)
    """The case as written: its reports, and any actors and places of its own."""
    world: Mapping[str, Any] = attrs.field(repr=False, factory=dict)
    """The actors and places of the folder's world.toml."""
    severity: Severity | None = None
    message: str | None = None
    also: frozenset[str] = frozenset()
    window: Window | None = None

    def __str__(self) -> str:
        return f"{self.code}: {self.name}"


def read_cases(folder: Path) -> list[RuleCase]:
    """Every case of every ``CODE.toml`` in `folder`, in file and then case order."""
    world_path = folder / WORLD_FILE
    world = tomllib.loads(world_path.read_text(encoding="utf-8")) if world_path.exists() else {}
    found = []
    for path in sorted(folder.glob("[A-Z]*.toml")):
        for case in tomllib.loads(path.read_text(encoding="utf-8"))["cases"]:
            found.append(
                RuleCase(
                    code=path.stem,
                    name=case["name"],
                    flagged=tuple(sorted(tuple(sorted(group)) for group in case["flagged"])),
                    document=case,
                    world=world,
                    severity=Severity(case["severity"]) if "severity" in case else None,
                    message=case.get("message"),
                    also=frozenset(case.get("also", ())),
                    window=_window(case.get("window")),
                )
            )
    return found


def _window(table: Mapping[str, Any] | None) -> Window | None:
    if table is None:
        return None
    km = table.get("km")
    return Window(int(table.get("days", 0)), None if km is None else float(km))


def write_case(
    case: RuleCase | Mapping[str, Any], root: Path, world: Mapping[str, Any] | None = None
) -> Path:
    """Lay out one case (a `RuleCase`, or a case table as written) as a dataset folder at
    `root`, which must not exist yet; return it."""
    if isinstance(case, RuleCase):
        document, world = case.document, case.world
    else:
        document, world = case, world or {}
    root.mkdir()
    for table, file in (("actors", "actors.toml"), ("places", "places.toml")):
        entries = [*world.get(table, []), *document.get(table, [])]
        (root / file).write_text(tomli_w.dumps({table: entries}), encoding="utf-8")
    (root / "reports").mkdir()
    for report in document["reports"]:
        claims = report.get("claims", [])
        text = report.get("text") or "\n".join(claim["quote"] for claim in claims)
        header = {k: v for k, v in report.items() if k not in {"id", "text", "claims"}}
        header.setdefault("title", report["id"])
        written = tomli_w.dumps({"report": header, "claims": claims})
        (root / "reports" / f"{report['id']}.toml").write_text(written, encoding="utf-8")
        (root / "reports" / f"{report['id']}.txt").write_text(text, encoding="utf-8")
    return root


def check_case(case: RuleCase, root: Path, rules: Sequence[Rule] | None = None) -> list[str]:
    """Run every rule (`rules`, or every registered one, preview rules included) on `case`
    written at `root`; return what the case expected and did not get, one line each — an empty
    list when it passes."""
    chosen = tuple(load_rules() if rules is None else rules)
    codes = {rule.code for rule in chosen}
    if case.code not in codes:
        hint = did_you_mean(case.code, codes) or "add the rule to its module's RULES"
        return [f"{case.code} is no registered rule ({hint})"]
    unknown = sorted(case.also - codes)
    if unknown:
        return [f"also names {', '.join(unknown)}, which is no registered rule"]
    findings = check(load(write_case(case, root)), rules=chosen, preview=True, window=case.window)
    own = [f for f in findings if f.code == case.code]
    failures = []
    got = tuple(sorted(tuple(sorted(c.id for c in f.claims)) for f in own))
    if got != case.flagged:
        failures.append(f"{case.code} flagged {_groups(got)}, expected {_groups(case.flagged)}")
    if case.severity is not None and (severities := {f.severity for f in own} - {case.severity}):
        failures.append(f"severity {', '.join(sorted(s.value for s in severities))}, expected "
                        f"{case.severity.value}")  # fmt: skip
    if case.message is not None:
        failures += [f"message {f.message!r} lacks {case.message!r}" for f in own
                     if case.message not in f.message]  # fmt: skip
    failures += [f"message {f.message!r} does not end with a full stop" for f in own
                 if not f.message.endswith(".")]  # fmt: skip
    failures += [f"{f.code} has no explanation" for f in own if not f.explanation]
    others = sorted({f.code for f in findings} - {case.code} - case.also)
    failures += [
        f"{code} fired too ({next(f.message for f in findings if f.code == code)}); list it in "
        "the case's also if it is right"
        for code in others
    ]
    fired = {f.code for f in findings}
    failures += [f"also lists {code}, which did not fire (remove it)"
                 for code in sorted(case.also - fired)]  # fmt: skip
    return failures


def _groups(groups: Iterable[Sequence[str]]) -> str:
    return "[" + ", ".join("[" + ", ".join(group) + "]" for group in groups) + "]"
