"""One base class for every error crosscheck raises on purpose."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

import crosscheck
from crosscheck.errors import CrosscheckError


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
