"""The one base of every error crosscheck raises on purpose.

Catch `CrosscheckError` to handle anything crosscheck refuses, whatever part raised it:

* `crosscheck.loading.DatasetError` — a dataset with problems, each one line (`Problem`);
* `crosscheck.dates.DateError` (and `WeekdayMismatchError`) — a date wording that cannot be read;
* `crosscheck.quantity.QuantityError` — a figure's wording that cannot be read;
* `crosscheck.quantity.UnitError` — figures of different dimensions or counted nouns compared;
* `crosscheck.registry.RuleError` — a rule (built-in or a plugin's) declared wrongly, or one
  that failed while checking.

The readers' errors are also `ValueError`s, as a bad value passed to them is. This module
imports nothing, so every other module can import it.
"""

from __future__ import annotations

__all__ = ["CrosscheckError"]


class CrosscheckError(Exception):
    """An error crosscheck raises on purpose: its message is one line meant for the user."""
