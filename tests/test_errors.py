"""One base class for every error crosscheck raises on purpose."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from pathlib import Path

import pytest

import crosscheck
from conftest import RULE_SECTIONS
from crosscheck.engine import Context
from crosscheck.errors import CrosscheckError
from crosscheck.findings import Violation


def test_every_error_crosscheck_raises_derives_from_one_base(tmp_path: Path) -> None:
    from crosscheck.registry import RuleError

    with pytest.raises(CrosscheckError):
        crosscheck.DateSpan.parse("the other day", datetime.date(2020, 3, 3))
    with pytest.raises(CrosscheckError):
        crosscheck.Quantity.parse("seventy-ish")
    with pytest.raises(CrosscheckError):
        crosscheck.Quantity.parse("5 km").overlaps(crosscheck.Quantity.parse("5"))
    with pytest.raises(CrosscheckError):
        crosscheck.load(tmp_path / "nothing-here")
    assert issubclass(RuleError, CrosscheckError)


def test_the_readers_errors_are_still_value_errors() -> None:
    """Code written before the base class, catching ValueError, keeps working."""
    assert issubclass(crosscheck.DateError, ValueError)
    assert issubclass(crosscheck.QuantityError, ValueError)
    assert issubclass(crosscheck.UnitError, ValueError)
    assert crosscheck.CrosscheckError is CrosscheckError


def test_a_failing_rule_is_named_from_library_calls_too(mini: Path) -> None:
    """`crosscheck.check` reports a rule's bug with its code and name, the cause attached."""
    import pickle

    from crosscheck.findings import Severity
    from crosscheck.registry import RuleFailedError, rule

    def fails(context: Context) -> Iterator[Violation]:
        yield from ()
        raise KeyError("oops")

    fails.__doc__ = "Always fails." + RULE_SECTIONS
    broken = rule("EXA999", "example.broken", Severity.INFO)(fails)

    with pytest.raises(
        RuleFailedError, match=r"rule EXA999 \(example.broken\) failed: KeyError"
    ) as caught:
        crosscheck.check(crosscheck.load(mini), rules=[broken])
    assert isinstance(caught.value.__cause__, KeyError)
    assert isinstance(caught.value, CrosscheckError)
    again = pickle.loads(pickle.dumps(caught.value))
    assert str(again) == str(caught.value)
