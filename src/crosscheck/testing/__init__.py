"""What crosscheck offers your own tests: rule case files and hypothesis strategies.

Rule cases (`crosscheck.testing.cases`) — the sentences a rule must flag and the look-alikes it
must leave alone, in the case-file format crosscheck's own rules are tested with::

    from crosscheck.testing import check_case, read_cases

    @pytest.mark.parametrize("case", read_cases(Path("tests/cases")), ids=str)
    def test_rule_case(case, tmp_path):
        assert check_case(case, tmp_path / "dataset") == []

Hypothesis strategies (`crosscheck.testing.strategies`, which needs hypothesis: ``pip install
crosscheck[testing]``) for quantities, date spans and whole valid datasets::

    from hypothesis import given
    from crosscheck.testing import datasets

    @given(datasets())
    def test_my_rule_never_raises(dataset):
        my_rule(dataset)

Each name is imported from its module the first time it is used, so the case runner needs no
hypothesis.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from crosscheck import _lazy_exports

if TYPE_CHECKING:
    from crosscheck.testing.cases import RuleCase, check_case, read_cases, write_case
    from crosscheck.testing.strategies import (
        QUANTITY_WORDINGS,
        WHEN_WORDINGS,
        datasets,
        date_spans,
        quantities,
    )

_EXPORTS = {
    "crosscheck.testing.cases": ("RuleCase", "check_case", "read_cases", "write_case"),
    "crosscheck.testing.strategies": (
        "QUANTITY_WORDINGS",
        "WHEN_WORDINGS",
        "datasets",
        "date_spans",
        "quantities",
    ),
}
__getattr__, __dir__ = _lazy_exports(__name__, globals(), _EXPORTS)

__all__ = [
    "QUANTITY_WORDINGS",
    "WHEN_WORDINGS",
    "RuleCase",
    "check_case",
    "datasets",
    "date_spans",
    "quantities",
    "read_cases",
    "write_case",
]
