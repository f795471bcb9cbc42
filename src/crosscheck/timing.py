"""When a claim was stated, as opposed to when the thing it tells of happened.

Every claim has a *statement time*: its `as_of` when the curator gave one ("by evening the toll
had risen to 50"), otherwise its report's publication — a moment when the report carries a time
(`published = 2022-04-08T16:20:00+03:00`), a day when it does not. Tolls of harm are judged by
it: a later, higher figure is an update, a later, lower one a disagreement.

Statement times are sets of moments on one time line: a moment is a point, a day (or a span of
days) runs from its first midnight to the midnight after its last day. A day without a time is
read in one reference time zone per dataset — the UTC offset most of its timed statements carry,
or UTC when none has one — so that "8 April" and "2022-04-08T16:20+03:00" fall on the same day.
One statement is *before* another when every moment of the first precedes every moment of the
second; two statements of the same day, one or both without a time, may have come in either
order. Two statements are *simultaneous* when they are the same moment, or the same statement of
one report (two figures a report gives as of its publication, or as of one `as_of`).

"Before" is a strict partial order (an interval order): transitive, and never both ways.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable

import attrs

from crosscheck.dates import DateSpan
from crosscheck.model import Claim, Report

__all__ = ["Stated", "reference_zone", "stated"]

_DAY = datetime.timedelta(days=1)


@attrs.frozen
class Stated:
    """A claim's statement time: a moment, or the days from `start` (inclusive) to `end`
    (exclusive), with where it came from."""

    start: datetime.datetime
    """Aware; the moment itself, or the first midnight."""
    end: datetime.datetime
    """Aware; the moment itself, or the midnight after the last day."""
    moment: bool
    """A point in time (True) or a span of days."""
    statement: str
    """Which statement it is: the report's id and, with an `as_of`, its wording. Two claims of
    one statement were stated together."""
    reading: str
    """How it was found, for explanations: "2022-04-08 16:20 +03:00 (report's publication)"."""

    def before(self, other: Stated) -> bool:
        """Whether every moment of this statement comes before every moment of `other`."""
        return self.end < other.start if self.moment else self.end <= other.start

    def simultaneous(self, other: Stated) -> bool:
        """Whether the two are one moment, or one statement of one report."""
        if self.moment and other.moment:
            return self.start == other.start
        return self.statement == other.statement and (self.start, self.end) == (
            other.start,
            other.end,
        )

    @property
    def label(self) -> str:
        """Short, for messages: "2022-04-08 16:20 +03:00", "2022-04-08", "2022-04-08 – 04-10"."""
        if self.moment:
            return _moment(self.start)
        first, last = self.start.date(), (self.end - _DAY).date()
        return first.isoformat() if first == last else f"{first} – {last}"


def _moment(at: datetime.datetime) -> str:
    offset = at.strftime("%z")
    return f"{at:%Y-%m-%d %H:%M} {offset[:3]}:{offset[3:]}"


def _midnight(day: datetime.date, zone: datetime.tzinfo) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(), tzinfo=zone)


_FIRST = datetime.date(datetime.MINYEAR, 1, 2)
_LAST = datetime.date.max - 2 * _DAY
"""Days are clamped to these, so no moment falls off the calendar in any time zone."""


def _days(span: DateSpan, zone: datetime.tzinfo) -> tuple[datetime.datetime, datetime.datetime]:
    first, last = max(span.start, _FIRST), min(span.end, _LAST)
    return _midnight(first, zone), _midnight(last, zone) + _DAY


def reference_zone(reports: Iterable[Report], claims: Iterable[Claim]) -> datetime.tzinfo:
    """The time zone days without a time are read in: the UTC offset most timed statements of
    the dataset carry (the smaller one on a tie), or UTC."""
    offsets: Counter[datetime.timedelta] = Counter()
    for report in reports:
        if report.published_at is not None and (offset := report.published_at.utcoffset()):
            offsets[offset] += 1
        elif report.published_at is not None:
            offsets[datetime.timedelta(0)] += 1
    for claim in claims:
        if isinstance(claim.as_of, datetime.datetime):
            offsets[claim.as_of.utcoffset() or datetime.timedelta(0)] += 1
    if not offsets:
        return datetime.UTC
    best = min(offsets, key=lambda offset: (-offsets[offset], offset))
    return datetime.timezone(best)


def stated(claim: Claim, report: Report, zone: datetime.tzinfo) -> Stated:
    """The statement time of `claim`, published in `report`; days are read in `zone`."""
    as_of = claim.as_of
    if isinstance(as_of, datetime.datetime):
        return Stated(as_of, as_of, True, f"{report.id} as of {as_of.isoformat()}",
                      f"{_moment(as_of)} (its as_of)")  # fmt: skip
    if isinstance(as_of, DateSpan):
        start, end = _days(as_of, zone)
        return Stated(start, end, False, f"{report.id} as of {as_of.text or as_of}",
                      f"{as_of} (its as_of)")  # fmt: skip
    if report.published_at is not None:
        at = report.published_at
        return Stated(at, at, True, report.id, f"{_moment(at)} (its report's publication)")
    start = _midnight(report.published, zone)
    return Stated(start, start + _DAY, False, report.id,
                  f"{report.published} (its report's day)")  # fmt: skip
