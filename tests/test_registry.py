"""Declaring, discovering and selecting rules."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from crosscheck.engine import Context
from crosscheck.findings import Severity, Violation
from crosscheck.registry import Lifecycle, RuleError, load_rules, rule, select_rules

DOC = """Flags nothing, for tests.

What it flags
-------------
Nothing.

Why it matters
--------------
It does not.

Flagged
-------
Nothing is.

Not flagged
-----------
Everything.
"""


def quiet(context: Context) -> Iterator[Violation]:
    return iter(())


quiet.__doc__ = DOC


def test_a_rule_takes_its_documentation_from_its_docstring() -> None:
    """The decorator keeps the docstring; `summary` is its first line, sections are readable."""
    declared = rule("TST001", "test.quiet", Severity.INFO)(quiet)
    assert declared.summary == "Flags nothing, for tests."
    assert declared.section("Why it matters") == "It does not."
    assert declared.family == "TST"
    assert declared.lifecycle is Lifecycle.STABLE


@pytest.mark.parametrize(
    ("code", "name", "message"),
    [
        ("Q1", "test.quiet", "must be 2–5 capitals and 3 digits"),
        ("TST001", "Quiet", "must be dotted lower-case words"),
    ],
)
def test_badly_named_rules_are_refused(code: str, name: str, message: str) -> None:
    """Codes and names follow the linter conventions, or declaring the rule fails."""
    with pytest.raises(RuleError, match=message):
        rule(code, name, Severity.INFO)(quiet)


def test_a_rule_without_its_docstring_sections_is_refused() -> None:
    """A rule must document what it flags, why, and a flagged and a passing example."""

    def undocumented(context: Context) -> Iterator[Violation]:
        """Only a summary."""
        return iter(())

    with pytest.raises(RuleError, match="lacks docstring sections: What it flags"):
        rule("TST002", "test.undocumented", Severity.INFO)(undocumented)


def test_built_in_rules_load_through_the_entry_point_group() -> None:
    """The built-in rules come from the crosscheck.rules entry points, sorted by code."""
    codes = [r.code for r in load_rules()]
    assert codes == sorted(codes)
    assert {"QTY001", "CTL001", "DAT001", "ATT001"} <= set(codes)


def test_an_empty_group_loads_no_rules() -> None:
    """A group nobody registered in gives no rules rather than failing."""
    assert load_rules("crosscheck.no-such-group") == ()


def test_selection_by_name_prefix_stops_at_a_dot() -> None:
    """'quantity' selects quantity.* rules, but 'quant' names no rule at a dot boundary."""
    rules = load_rules()
    assert all(r.name.startswith("quantity.") for r in select_rules(rules, ["quantity"]))
    with pytest.raises(RuleError, match="no rule matches 'quant'"):
        select_rules(rules, ["quant"])
