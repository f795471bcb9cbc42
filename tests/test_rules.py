"""Every rule against its case file: real sentences it must flag, and look-alikes it must not.

tests/rules/CODE.toml holds one rule's cases over the actors and places of tests/rules/world.toml;
the format and the runner are `crosscheck.testing.cases` (public, so a plugin tests its rules the
same way). Every case runs against every rule: another rule firing on it fails the case unless
the case lists that rule in `also`.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from crosscheck import testing
from crosscheck.registry import SECTIONS, load_rules
from crosscheck.testing import RuleCase, check_case, read_cases

CASES = Path(__file__).parent / "rules"
WORLD = tomllib.loads((CASES / "world.toml").read_text(encoding="utf-8"))
RULES = {r.code: r for r in load_rules()}


def write_case(case: dict[str, Any], root: Path) -> Path:
    """Lay out one case table over tests/rules/world.toml as a dataset folder under `root`."""
    return testing.write_case(case, root, WORLD)


@pytest.mark.parametrize("case", read_cases(CASES), ids=str)
def test_rule_case(case: RuleCase, tmp_path: Path) -> None:
    """The rule flags exactly the claim groups its case lists, at the stated severity, and no
    other rule fires unless the case allows it."""
    assert check_case(case, tmp_path / "dataset") == []


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


def _variant(code: str, **changes: Any) -> RuleCase:
    """The first case of tests/rules/QTY001.toml, under another code or with other fields."""
    import attrs

    first = next(case for case in read_cases(CASES) if case.code == "QTY001")
    return attrs.evolve(first, code=code, **changes)


def test_a_case_file_for_no_registered_rule_fails_saying_so(tmp_path: Path) -> None:
    assert check_case(_variant("QTY01"), tmp_path / "d") == [
        "QTY01 is no registered rule (did you mean 'QTY001'?)"
    ]


def test_an_also_naming_no_rule_or_a_rule_that_did_not_fire_fails(tmp_path: Path) -> None:
    assert check_case(_variant("QTY001", also=frozenset({"ZZZ9"})), tmp_path / "a") == [
        "also names ZZZ9, which is no registered rule"
    ]
    assert check_case(_variant("QTY001", also=frozenset({"PLC001"})), tmp_path / "b") == [
        "also lists PLC001, which did not fire (remove it)"
    ]
