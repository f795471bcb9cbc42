"""When a claim was stated, as opposed to when the thing it tells of happened.

Every claim has a *statement time*: its `as_of` when the curator gave one ("by evening the toll
had risen to 50"), otherwise its report's publication — a moment when the report carries a time
(`published = 2022-04-08T16:20:00+03:00`), a day when it does not.

A day without a time is a calendar day in a zone nobody wrote down: the outlet's, the source's.
Against another such day it is compared as a date (8 April comes before 9 April). Against a
moment it is read as widely as any time zone allows — from its midnight at UTC+14 to the
midnight after it at UTC−12 — so a moment comes before it or after it only when it does so
wherever the day was counted. No result depends on which other reports a dataset holds.

One statement is *before* another when every moment of the first precedes every moment of the
second; two statements of one day, one or both without a time, may have come in either order.
"Before" is a strict partial order: never both ways, and transitive (a day before a moment
before a day is a day before that day). Two statements are *simultaneous* when they are the
same moment, or the same statement: two claims of one report stated as of its publication, or
two claims of one report from one source as of the same `as_of` days. Two sources quoted by one
report "on Friday" may have spoken hours apart.
"""

from __future__ import annotations

import datetime
import functools

import attrs

from crosscheck.dates import DateSpan
from crosscheck.model import Claim, Report

__all__ = ["Stated", "day_bounds", "stated"]

_DAY = datetime.timedelta(days=1)
_EARLIEST = datetime.timezone(datetime.timedelta(hours=14))
"""The first zone to start a day."""
_LATEST = datetime.timezone(datetime.timedelta(hours=-12))
"""The last zone to end a day."""


@attrs.frozen
class Stated:
    """A claim's statement time: a moment, or whole days, with where it came from."""

    start: datetime.datetime
    """Aware; the moment itself, or the first moment the first day began anywhere."""
    end: datetime.datetime
    """Aware; the moment itself, or the moment the last day had ended everywhere."""
    days: tuple[datetime.date, datetime.date] | None
    """The first and last day of a statement of days; None for a moment."""
    statement: str
    """Which statement it is: the report's id, and with an `as_of` its source and days. Two
    claims of one statement were stated together."""
    origin: str
    """Where it was found: "its report's day", "its report's publication", "its as_of"."""
    wording: str = ""
    """An `as_of` span as written and read, when it came from one."""

    @property
    def reading(self) -> str:
        """How it was found, for explanations: "2022-04-08 16:20 +03:00 (its report's
        publication)"."""
        return f"{self.wording or self.label} ({self.origin})"

    @property
    def first_day(self) -> datetime.date:
        """The first day of the statement (a moment's own date where it was stated)."""
        return self.days[0] if self.days is not None else self.start.date()

    @property
    def moment(self) -> bool:
        """Whether it is a point in time rather than days."""
        return self.days is None

    def before(self, other: Stated) -> bool:
        """Whether every moment of this statement comes before every moment of `other`."""
        if self.days is not None and other.days is not None:
            return self.days[1] < other.days[0]
        return self.end < other.start if self.moment else self.end <= other.start

    def simultaneous(self, other: Stated) -> bool:
        """Whether the two are one moment, or one statement (see the module)."""
        if self.days is None and other.days is None:
            return self.start == other.start
        if self.days is None or other.days is None:
            return False
        return self.statement == other.statement and self.days == other.days

    @property
    def order(self) -> tuple[datetime.datetime, datetime.datetime]:
        """A sort key consistent with `before`: what comes before sorts first."""
        return (self.start, self.end)

    @property
    def label(self) -> str:
        """Short, for messages: "2022-04-08 16:20 +03:00", "2022-04-08", "2022-04-08 – 04-10"."""
        if self.days is None:
            return _moment(self.start)
        return DateSpan.of(*self.days).days


def _moment(at: datetime.datetime) -> str:
    offset = at.strftime("%z")
    return f"{at:%Y-%m-%d %H:%M} {offset[:3]}:{offset[3:]}"


_FIRST = datetime.date(datetime.MINYEAR, 1, 2)
_LAST = datetime.date.max - 2 * _DAY
"""Days are clamped to these, so no moment falls off the calendar in any time zone."""


@functools.lru_cache(maxsize=1 << 14)
def day_bounds(
    first: datetime.date, last: datetime.date
) -> tuple[datetime.datetime, datetime.datetime]:
    """The moments days without a time may cover: from the first day's midnight at UTC+14 to
    the midnight after the last day at UTC−12."""
    first, last = max(first, _FIRST), min(last, _LAST)
    start = datetime.datetime.combine(first, datetime.time(), tzinfo=_EARLIEST)
    end = datetime.datetime.combine(last, datetime.time(), tzinfo=_LATEST) + _DAY
    return start, end


def _days(
    first: datetime.date, last: datetime.date, statement: str, origin: str, wording: str = ""
) -> Stated:
    start, end = day_bounds(first, last)
    return Stated(start, end, (first, last), statement, origin, wording)


def stated(claim: Claim, report: Report, source: str) -> Stated:
    """The statement time of `claim`, published in `report`, from `source` (its resolved id)."""
    as_of = claim.as_of
    if isinstance(as_of, datetime.datetime):
        return Stated(as_of, as_of, None, f"{report.id} as of {as_of.isoformat()}", _AS_OF)
    if isinstance(as_of, DateSpan):
        return _days(as_of.start, as_of.end, f"{report.id} as of {as_of.days} from {source}",
                     _AS_OF, str(as_of))  # fmt: skip
    if report.published_at is not None:
        at = report.published_at
        return Stated(at, at, None, report.id, "its report's publication")
    return _days(report.published, report.published, report.id, "its report's day")


_AS_OF = "its as_of"
