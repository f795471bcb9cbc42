"""Every rule against its case file: real sentences it must flag, and look-alikes it must not.

tests/rules/CODE.toml holds one rule's cases. Each case is a small dataset — reports with their
claims, over the actors and places of tests/rules/world.toml — and `flagged`, the cited claim
ids of each finding the rule must produce (an empty list: the rule must stay quiet). A case's
report text defaults to its claims' quotes, one per line. Each case is written out and loaded
with `crosscheck.load`, so it passes every load check a curated dataset does.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from crosscheck import Severity, check, load
from crosscheck.registry import SECTIONS, load_rules

CASES = Path(__file__).parent / "rules"
WORLD = tomllib.loads((CASES / "world.toml").read_text(encoding="utf-8"))
RULES = {r.code: r for r in load_rules()}


def cases() -> list[Any]:
    found = []
    for path in sorted(CASES.glob("[A-Z]*.toml")):
        for case in tomllib.loads(path.read_text(encoding="utf-8"))["cases"]:
            found.append(pytest.param(path.stem, case, id=f"{path.stem}: {case['name']}"))
    return found


def write_case(case: dict[str, Any], root: Path) -> Path:
    """Lay out one case as a dataset folder under `root`."""
    root.mkdir()
    (root / "actors.toml").write_text(
        tomli_w.dumps({"actors": WORLD["actors"] + case.get("actors", [])})
    )
    (root / "places.toml").write_text(
        tomli_w.dumps({"places": WORLD["places"] + case.get("places", [])})
    )
    (root / "reports").mkdir()
    for report in case["reports"]:
        claims = report.get("claims", [])
        text = report.get("text") or "\n".join(claim["quote"] for claim in claims)
        header = {k: v for k, v in report.items() if k not in {"id", "text", "claims"}}
        header.setdefault("title", report["id"])
        document = {"report": header, "claims": claims}
        (root / "reports" / f"{report['id']}.toml").write_text(tomli_w.dumps(document))
        (root / "reports" / f"{report['id']}.txt").write_text(text, encoding="utf-8")
    return root


@pytest.mark.parametrize(("code", "case"), cases())
def test_rule_case(code: str, case: dict[str, Any], tmp_path: Path) -> None:
    """The rule flags exactly the claim groups its case lists, at the stated severity."""
    dataset = load(write_case(case, tmp_path / "dataset"))
    findings = check(dataset, select=[code], preview=True)
    assert sorted([c.id for c in f.claims] for f in findings) == sorted(
        sorted(group) for group in case["flagged"]
    )
    if "severity" in case:
        assert {f.severity for f in findings} == {Severity(case["severity"])}
    for finding in findings:
        assert finding.message.endswith(".")
        assert finding.explanation


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_rule_has_documentation_and_cases(code: str) -> None:
    """Each rule documents every section and has a case it flags and a case it does not."""
    rule = RULES[code]
    assert all(rule.section(section) for section in SECTIONS), code
    path = CASES / f"{code}.toml"
    assert path.exists(), f"{code} has no case file {path.name}"
    expectations = [case["flagged"] for case in tomllib.loads(path.read_text())["cases"]]
    assert any(expectations), f"{code} has no case it flags"
    assert any(not flagged for flagged in expectations), f"{code} has no case it passes"
