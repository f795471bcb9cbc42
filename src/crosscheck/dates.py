"""Dates as inclusive spans of days, resolved against the date a report was published.

A report says "on Monday", "since December" or "in the past two weeks"; what those words mean
depends on when the report appeared. `DateSpan.parse` turns one such wording into an inclusive
range of days and keeps three things next to it: the exact wording, the *anchor* it was resolved
against (the report's publication date) and a one-sentence *reading* saying which rule applied.
Explanations can then say "'Monday' in a report of Thu 2020-02-06 -> 2020-02-03".

The rules, in the order a fact-checker needs them:

* **Precision first.** A span that is too narrow makes two sources look as if they speak of
  different days when they may not; crosscheck would then miss that they are about the same thing,
  or cry wolf about a contradiction. When a wording is vague, its span is generous: "the past few
  days" is the whole week before the report, "in recent weeks" six weeks, "last Monday" both
  Mondays it could mean. Every width is chosen in one place below and listed in docs/dates.md.
* **Nothing written in the past tense ends after the report.** A year is inferred as the latest
  one that fits on or before the anchor ("October 9" in a report of 2019-10-30 is 2019-10-09,
  "December" in a report of 2020-02-06 is December 2019), and a span that would run past the
  anchor is cut off there ("this month", "December" read in December, "2020" read in March
  2020).
* **Only a few wordings look ahead**: "tomorrow", "next <weekday>" (the first such day strictly
  after the anchor), and a date given in full that lies after the anchor ("March 5, 2020" in a
  report of 2020-03-03). `DateSpan.is_forward` says so. A bare weekday is always read backwards:
  "on Thursday" is the latest Thursday on or before the anchor, the same day included.
* **A weekday next to a date must agree with it**: "Monday, March 2" is checked after the date
  is resolved, and a mismatch is a `DateError` naming both.
* **The anchor is kept only when it mattered.** A wording that names its dates in full and lies
  on or before the report ("2020-03-02", "April 2019", "by 2016") has no anchor; everything
  inferred, relative, cut off or looking ahead records it.

Wording is read case-insensitively, ignoring surrounding white space, trailing punctuation and a
leading "on", "in", "during", "early on", "late on" or "as of". Anything else is a `DateError`
that quotes the wording and lists the accepted forms.
"""

from __future__ import annotations

import contextvars
import datetime
import functools
import math
import re
from collections.abc import Callable
from typing import Final

import attrs
from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta

from crosscheck.quantity import NUMBER_WORDS

__all__ = ["DateError", "DateSpan", "WeekdayMismatchError"]


_AHEAD: contextvars.ContextVar[bool] = contextvars.ContextVar("ahead", default=False)
"""Whether the wording being read looks ahead (see `DateSpan.parse`)."""


class DateError(ValueError):
    """Wording that cannot be read as a date, or that contradicts itself."""


class WeekdayMismatchError(DateError):
    """A weekday written next to a date that falls on another weekday ("Monday, March 3").

    `span` is the date the wording names, read without its weekday.
    """

    def __init__(self, message: str, span: DateSpan) -> None:
        super().__init__(message)
        self.span = span


# -- vocabulary ------------------------------------------------------------------------------

_MONTH_NAMES: Final = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_MONTHS: Final[dict[str, int]] = {
    **{name.lower(): number for number, name in enumerate(_MONTH_NAMES, start=1)},
    **{name[:3].lower(): number for number, name in enumerate(_MONTH_NAMES, start=1)},
    "sept": 9,
}
_WEEKDAY_NAMES: Final = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)
_WEEKDAYS: Final[dict[str, int]] = {
    **{name.lower(): number for number, name in enumerate(_WEEKDAY_NAMES)},
    **{name[:3].lower(): number for number, name in enumerate(_WEEKDAY_NAMES)},
    "tues": 1,
    "thur": 3,
    "thurs": 3,
}
_DATEUTIL_WEEKDAYS: Final = (MO, TU, WE, TH, FR, SA, SU)
_NUMBERS: Final[dict[str, int]] = {
    "a": 1,
    **{word: number for word, number in NUMBER_WORDS.items() if 1 <= number <= 12},
}

_UNITS: Final[dict[str, relativedelta]] = {
    "day": relativedelta(days=1),
    "week": relativedelta(weeks=1),
    "month": relativedelta(months=1),
    "year": relativedelta(years=1),
}

# Leading words that do not change the meaning ("on Monday", "as of late December").
_PREFIXES: Final = ("early on ", "late on ", "as of ", "during ", "on ", "in ")

# Thirds of a month (first and last day; None is the month's end) and of a year (first month).
_PART_WORDS: Final[dict[str, int]] = {
    "early": 0,
    "beginning": 0,
    "start": 0,
    "mid": 1,
    "middle": 1,
    "late": 2,
    "end": 2,
}
_MONTH_THIRDS: Final = ((1, 10), (11, 20), (21, None))
_MONTH_THIRD_NAMES: Final = (
    "the early third (days 1–10)",
    "the middle third (days 11–20)",
    "the late third (day 21 to the month's end)",
)
_YEAR_THIRD_NAMES: Final = ("January–April", "May–August", "September–December")

# How far back a vague count of units reaches: "the past few days", "in recent weeks".
_VAGUE_WIDTHS: Final[dict[str, tuple[relativedelta, str]]] = {
    "hour": (relativedelta(days=1), "1 day"),
    "day": (relativedelta(days=7), "7 days"),
    "week": (relativedelta(weeks=6), "6 weeks"),
    "month": (relativedelta(months=6), "6 months"),
    "year": (relativedelta(years=10), "10 years"),
}

_HINT: Final = (
    "expected a date ('March 2', '2020-03-02'), a month ('April 2019'), a weekday ('on Monday') "
    "or a relative phrase ('last week', 'since December')"
)
_SHORT_WEEKDAYS: Final = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _alternatives(words: dict[str, int]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_MONTH: Final = rf"(?P<month>{_alternatives(_MONTHS)})\.?"
_WEEKDAY: Final = rf"(?P<weekday>{_alternatives(_WEEKDAYS)})\.?"
_DAY: Final = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_TIME_OF_DAY: Final = r"(?: (?:morning|afternoon|evening|night))?"
_COUNT: Final = rf"(?P<count>\d+|a few|few|several|{_alternatives(_NUMBERS)})"

_ISO_DAY: Final = re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})")
_ISO_MONTH: Final = re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})")
_MONTH_DAY: Final = re.compile(rf"{_MONTH} {_DAY}(?:,? (?P<year>\d{{4}}))?")
_DAY_MONTH: Final = re.compile(rf"{_DAY} {_MONTH},?(?: (?P<year>\d{{4}}))?")
_WEEKDAY_DATE: Final = re.compile(rf"{_WEEKDAY},? (?P<rest>.+)")
_BARE_WEEKDAY: Final = re.compile(
    rf"(?:(?:early|late) )?(?P<which>next |last )?{_WEEKDAY}{_TIME_OF_DAY}"
)
_RELATIVE_DAY: Final = re.compile(rf"(?P<word>today|yesterday|tomorrow){_TIME_OF_DAY}")
_PART: Final = re.compile(
    r"(?:the (?P<noun>beginning|start|middle|end) of |(?P<adjective>early|mid|late)[- ])"
    r"(?P<rest>.+)"
)
_NAMED_MONTH: Final = re.compile(rf"{_MONTH}(?:,? (?P<year>\d{{4}}|last year|this year))?")
_LAST_NAMED_MONTH: Final = re.compile(rf"last {_MONTH}")
_YEAR: Final = re.compile(r"\d{4}")
_ROLLING: Final = re.compile(
    rf"(?:over |within )?(?:the )?(?:past|last) (?:{_COUNT} )?(?P<unit>hour|day|week|month|year)s?"
)
_RECENT: Final = re.compile(r"recent (?P<unit>hour|day|week|month|year)s")


# -- the span --------------------------------------------------------------------------------


def _a_day(_: object, attribute: attrs.Attribute[datetime.date], value: object) -> None:
    """Accept plain dates only: a datetime would not compare with the dates around it."""
    if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
        raise TypeError(f"{attribute.name} must be a datetime.date, not {value!r}")


def _an_optional_day(
    _: object, attribute: attrs.Attribute[datetime.date | None], value: object
) -> None:
    if value is not None and (
        isinstance(value, datetime.datetime) or not isinstance(value, datetime.date)
    ):
        raise TypeError(f"{attribute.name} must be a datetime.date or None, not {value!r}")


@attrs.frozen
class DateSpan:
    """An inclusive range of days, with the wording it came from and the date it was read against.

    >>> span = DateSpan.parse("on Monday", anchor=datetime.date(2020, 2, 6))
    >>> str(span)
    '2020-02-03 (‘on Monday’, report of Thu 2020-02-06)'
    """

    start: datetime.date = attrs.field(validator=_a_day)
    """First day, inclusive; `datetime.date.min` when unbounded below ("by 2016")."""
    end: datetime.date = attrs.field(validator=_a_day)
    """Last day, inclusive."""
    text: str = attrs.field(validator=attrs.validators.instance_of(str))
    """The wording as written, without surrounding white space, e.g. "on Monday"."""
    anchor: datetime.date | None = attrs.field(validator=_an_optional_day)
    """The report date the wording was resolved against; None when that date played no part."""
    reading: str = attrs.field(validator=attrs.validators.instance_of(str))
    """One sentence on how the wording became the span."""

    @end.validator
    def _check_order(self, _: attrs.Attribute[datetime.date], end: datetime.date) -> None:
        if end < self.start:
            raise DateError(f"a date span cannot end ({end}) before it starts ({self.start})")

    @classmethod
    def parse(cls, text: str, anchor: datetime.date, *, ahead: bool = False) -> DateSpan:
        """Read `text` as it was meant in a report published on `anchor`.

        With `ahead` — for a plan or an announcement — a weekday or a date without a year
        is the first such day on or after the anchor, not the latest before it.

        Raises `DateError` when the wording cannot be read; a weekday that contradicts its date
        raises the subclass `WeekdayMismatchError`, which still carries the date as `span`.

        >>> str(DateSpan.parse("since December", anchor=datetime.date(2020, 2, 6)))
        '2019-12-01 – 2020-02-06 (‘since December’, report of Thu 2020-02-06)'
        """
        if isinstance(anchor, datetime.datetime):
            raise TypeError(f"the anchor must be a datetime.date, not {anchor!r}")
        return _parse(text.strip(), anchor, ahead)

    @classmethod
    def _parse(cls, wording: str, anchor: datetime.date, ahead: bool) -> DateSpan:
        token = _AHEAD.set(ahead)
        try:
            raw = _resolve(wording, anchor, wording)
        except _MismatchError as mismatch:
            span = cls._checked(mismatch.raw, wording, anchor)
            raise WeekdayMismatchError(str(mismatch), span) from None
        finally:
            _AHEAD.reset(token)
        return cls._checked(raw, wording, anchor)

    @classmethod
    def _checked(cls, raw: _Raw, wording: str, anchor: datetime.date) -> DateSpan:
        """The span of a resolution, cut off at the anchor unless the wording looks ahead."""
        if raw.looks_ahead(anchor):
            reading = raw.reading
            if not raw.forward:
                reading += "; it lies after the anchor, so the wording looks ahead"
            return cls(raw.start, raw.end, wording, anchor, reading)
        if raw.end > anchor:
            return cls(raw.start, anchor, wording, anchor, f"{raw.reading}, cut off at the anchor")
        return cls(raw.start, raw.end, wording, anchor if raw.relative else None, raw.reading)

    @classmethod
    def of(cls, start: datetime.date, end: datetime.date | None = None, text: str = "") -> DateSpan:
        """A span a curator gives explicitly: one day, or `start` to `end` inclusive."""
        return cls(start, start if end is None else end, text, None, "explicit span")

    @property
    def explicit(self) -> bool:
        """Whether the span is a curator's (`DateSpan.of`), not read from the wording."""
        return self.reading == "explicit span"

    def overlaps(self, other: DateSpan) -> bool:
        """Whether the two spans share at least one day."""
        return self.start <= other.end and other.start <= self.end

    def contains(self, day: datetime.date) -> bool:
        """Whether `day` lies within the span, ends included."""
        return self.start <= day <= self.end

    @property
    def is_forward(self) -> bool:
        """Whether the wording looks ahead of its anchor ("tomorrow", "next Thursday")."""
        return self.anchor is not None and self.end > self.anchor

    @property
    def days(self) -> str:
        """The days alone, for messages: "2020-02-03", "2020-02-01 – 2020-02-10", "… – 2016"."""
        if self.start == self.end:
            return self.start.isoformat()
        start = "…" if self.start == datetime.date.min else self.start.isoformat()
        return f"{start} – {self.end.isoformat()}"

    def __str__(self) -> str:
        days = self.days
        notes = [f"‘{self.text}’"] if self.text else []
        if self.anchor is not None:
            weekday = _SHORT_WEEKDAYS[self.anchor.weekday()]
            notes.append(f"report of {weekday} {self.anchor.isoformat()}")
        return f"{days} ({', '.join(notes)})" if notes else days


# -- resolution ------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1 << 16)
def _parse(wording: str, anchor: datetime.date, ahead: bool) -> DateSpan:
    """`DateSpan.parse`, remembered: a bulk claim set reads the same few wordings ("yesterday",
    "on Monday") against the same few hundred report dates, and shares the immutable spans."""
    return DateSpan._parse(wording, anchor, ahead)


@attrs.frozen
class _Raw:
    """A resolution before it is checked against the anchor."""

    start: datetime.date
    end: datetime.date
    reading: str
    relative: bool
    """Whether the anchor was needed to find the span."""
    forward: bool = False
    """Whether the wording itself looks ahead ("tomorrow", "by next Monday")."""

    def looks_ahead(self, anchor: datetime.date) -> bool:
        return self.forward or self.start > anchor


_Handler = Callable[[str, datetime.date, str], _Raw | None]


class _MismatchError(DateError):
    """A weekday that contradicts its date, found while resolving; carries the resolution."""

    def __init__(self, message: str, raw: _Raw) -> None:
        super().__init__(message)
        self.raw = raw


def _normalise(wording: str) -> str:
    words = " ".join(wording.lower().replace("–", "-").replace("—", "-").split())
    words = words.rstrip(".,;:!?").rstrip()
    stripped = True
    while stripped:
        stripped = False
        for prefix in _PREFIXES:
            if words.startswith(prefix):
                words, stripped = words[len(prefix) :], True
    return words


def _resolve(words: str, anchor: datetime.date, wording: str) -> _Raw:
    """Try each form in turn; `wording` is the original text, for messages."""
    words = _normalise(words)
    try:
        for handler in _HANDLERS:
            raw = handler(words, anchor, wording)
            if raw is not None:
                return raw
    except DateError:
        raise
    except (OverflowError, ValueError) as error:
        raise DateError(f"'{wording}' lies outside the calendar's range ({error})") from None
    raise DateError(f"cannot read '{wording}' as a date: {_HINT}")


def _day(year: int, month: int, day: int, wording: str) -> datetime.date:
    """The date, or a DateError saying why there is none."""
    if year < datetime.MINYEAR:
        raise DateError(f"'{wording}' is not a real date: there is no year {year}")
    if not 1 <= month <= 12:
        raise DateError(f"'{wording}' is not a real date: there is no month {month}")
    try:
        return datetime.date(year, month, day)
    except ValueError:
        raise DateError(
            f"'{wording}' is not a real date: {_MONTH_NAMES[month - 1]} {year} has no day {day}"
        ) from None


def _month_end(first: datetime.date) -> datetime.date:
    return first + relativedelta(day=31)


def _month_third(first: datetime.date, part: int) -> tuple[datetime.date, datetime.date]:
    low, high = _MONTH_THIRDS[part]
    start = first + relativedelta(day=low)
    return start, _month_end(first) if high is None else first + relativedelta(day=high)


def _year_third(year: int, part: int) -> tuple[datetime.date, datetime.date]:
    start = datetime.date(year, 1, 1) + relativedelta(months=4 * part)
    return start, start + relativedelta(months=4, days=-1)


def _calendar_day(words: str, anchor: datetime.date, wording: str) -> _Raw | None:
    """A day named by the calendar: ISO, "March 2", "2 March 2020", "Jan. 12"."""
    if match := _ISO_DAY.fullmatch(words):
        year, month, day = (int(match[group]) for group in ("year", "month", "day"))
        date = _day(year, month, day, wording)
        return _Raw(date, date, "ISO date", False)
    match = _MONTH_DAY.fullmatch(words) or _DAY_MONTH.fullmatch(words)
    if match is None:
        return None
    month, day = _MONTHS[match["month"]], int(match["day"])
    name = f"{_MONTH_NAMES[month - 1]} {day}"
    if match["year"] is not None:
        date = _day(int(match["year"]), month, day, wording)
        return _Raw(date, date, f"date '{name}, {date.year}' with its year", False)
    if not _is_day_of_some_year(month, day):
        raise DateError(
            f"'{wording}' is not a real date: {_MONTH_NAMES[month - 1]} has no day {day}"
        )
    if _AHEAD.get():
        for year in (anchor.year, anchor.year + 1):
            if (
                _is_day_of_year(year, month, day)
                and (date := datetime.date(year, month, day)) >= anchor
            ):
                reading = f"date '{name}' without a year, looking ahead: the first {name} on or "
                return _Raw(date, date, reading + "after the anchor", True, forward=date > anchor)
    for year in (anchor.year, anchor.year - 1):
        if (
            _is_day_of_year(year, month, day)
            and (date := datetime.date(year, month, day)) <= anchor
        ):
            reading = f"date '{name}' without a year: the latest {name} on or before the anchor"
            return _Raw(date, date, reading, True)
    raise DateError(
        f"'{wording}' gives no year, and no {name} falls in the year up to the report date "
        f"{anchor.isoformat()}; write the year"
    )


def _is_day_of_year(year: int, month: int, day: int) -> bool:
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def _is_day_of_some_year(month: int, day: int) -> bool:
    return _is_day_of_year(2000, month, day)  # a leap year: every day any year can have


def _weekday_date(words: str, anchor: datetime.date, wording: str) -> _Raw | None:
    """ "Monday, March 2": the date, checked against the weekday written next to it."""
    match = _WEEKDAY_DATE.fullmatch(words)
    if match is None:
        return None
    raw = _calendar_day(match["rest"], anchor, wording)
    if raw is None:
        return None
    said = _WEEKDAYS[match["weekday"]]
    if raw.start.weekday() != said:
        actual = _WEEKDAY_NAMES[raw.start.weekday()]
        message = (
            f"'{wording}' says {_WEEKDAY_NAMES[said]}, but {raw.start.isoformat()} is a {actual}"
        )
        raise _MismatchError(message, attrs.evolve(raw, reading=f"{raw.reading}; {message}"))
    reading = f"{raw.reading}, and it is a {_WEEKDAY_NAMES[said]} as the wording says"
    return attrs.evolve(raw, reading=reading)


def _weekday(words: str, anchor: datetime.date, _: str) -> _Raw | None:
    """ "Wednesday", "next Thursday", "last Monday"."""
    match = _BARE_WEEKDAY.fullmatch(words)
    if match is None:
        return None
    number = _WEEKDAYS[match["weekday"]]
    name, weekday = _WEEKDAY_NAMES[number], _DATEUTIL_WEEKDAYS[number]
    if match["which"] == "next ":
        date = anchor + relativedelta(days=+1, weekday=weekday(+1))
        reading = f"'next {name}': the first {name} after the anchor"
        return _Raw(date, date, reading, True, forward=True)
    if match["which"] == "last ":
        # Said on a Wednesday, "last Monday" is two days back to most readers and nine to some.
        date = anchor + relativedelta(days=-1, weekday=weekday(-1))
        reading = (
            f"'last {name}': either the latest {name} before the anchor or the one a week "
            "earlier, so both and the days between"
        )
        return _Raw(date - relativedelta(weeks=1), date, reading, True)
    if _AHEAD.get():
        date = anchor + relativedelta(weekday=weekday(+1))
        reading = f"weekday '{name}', looking ahead: the first {name} on or after the anchor"
        return _Raw(date, date, reading, True, forward=date > anchor)
    date = anchor + relativedelta(weekday=weekday(-1))
    reading = f"weekday '{name}': the latest {name} on or before the anchor"
    return _Raw(date, date, reading, True)


def _relative_day(words: str, anchor: datetime.date, _: str) -> _Raw | None:
    """ "today", "yesterday", "tomorrow", "last night", "the day before yesterday"."""
    if match := _RELATIVE_DAY.fullmatch(words):
        word = match["word"]
        if word == "tomorrow":
            tomorrow = anchor + relativedelta(days=1)
            return _Raw(tomorrow, tomorrow, "'tomorrow': the day after the anchor", True, True)
        if word == "yesterday":
            yesterday = anchor - relativedelta(days=1)
            return _Raw(yesterday, yesterday, "'yesterday': the day before the anchor", True)
        return _Raw(anchor, anchor, "'today': the anchor itself", True)
    if words in {"this morning", "this afternoon", "this evening", "tonight"}:
        return _Raw(anchor, anchor, f"'{words}': the anchor itself", True)
    if words in {"last night", "overnight"}:
        reading = f"'{words}': the night before the anchor, so that day and the anchor"
        return _Raw(anchor - relativedelta(days=1), anchor, reading, True)
    if words == "the day before yesterday":
        day = anchor - relativedelta(days=2)
        return _Raw(day, day, "'the day before yesterday': two days before the anchor", True)
    return None


def _week(words: str, anchor: datetime.date, _: str) -> _Raw | None:
    """ "this week", "earlier this week", "last week" (weeks run Monday to Sunday)."""
    monday = anchor + relativedelta(weekday=MO(-1))
    if words in {"this week", "earlier this week"}:
        reading = f"'{words}': from the Monday of the anchor's week to the anchor"
        return _Raw(monday, anchor, reading, True)
    if words == "last week":
        reading = "'last week': the calendar week (Monday to Sunday) before the anchor's"
        return _Raw(monday - relativedelta(weeks=1), monday - relativedelta(days=1), reading, True)
    return None


def _period(
    words: str, anchor: datetime.date, wording: str, part: int | None = None
) -> _Raw | None:
    """A month or a year, whole or one of its thirds (`part` 0, 1, 2: early, mid, late)."""
    said = words
    if words.startswith("earlier ") and part is None:
        words = words.removeprefix("earlier ")
        if words not in {"this month", "this year"}:
            return None
    third = "" if part is None else f"{_MONTH_THIRD_NAMES[part]} of "

    def month_span(first: datetime.date, what: str, relative: bool) -> _Raw:
        start, end = (first, _month_end(first)) if part is None else _month_third(first, part)
        return _Raw(start, end, f"{third}{what}", relative)

    if match := _NAMED_MONTH.fullmatch(words):
        number = _MONTHS[match["month"]]
        name, year = _MONTH_NAMES[number - 1], match["year"]
        if year is None:
            first = datetime.date(anchor.year, number, 1)
            begins = first if part is None else _month_third(first, part)[0]
            if begins > anchor:
                first -= relativedelta(years=1)
            what = "month " if part is None else "third "
            rule = f"the latest {name} whose {what}began on or before the anchor"
            return month_span(first, f"month '{name}' without a year: {rule}", True)
        if year == "last year":
            first = datetime.date(anchor.year - 1, number, 1)
            return month_span(
                first, f"'{name} last year': {name} of the year before the anchor's", True
            )
        if year == "this year":
            first = datetime.date(anchor.year, number, 1)
            return month_span(first, f"'{name} this year': {name} of the anchor's year", True)
        return month_span(_day(int(year), number, 1, wording), f"the month {name} {year}", False)
    if match := _LAST_NAMED_MONTH.fullmatch(words):
        number = _MONTHS[match["month"]]
        name = _MONTH_NAMES[number - 1]
        first = datetime.date(anchor.year, number, 1)
        if number >= anchor.month:
            first -= relativedelta(years=1)
        rule = f"the latest {name} that ended before the anchor's month"
        return month_span(first, f"'last {name}': {rule}", True)
    if match := _ISO_MONTH.fullmatch(words):
        year, number = int(match["year"]), int(match["month"])
        return month_span(_day(year, number, 1, wording), "ISO month", False)
    this_month = datetime.date(anchor.year, anchor.month, 1)
    if words == "this month":
        return month_span(this_month, f"'{said}': the anchor's calendar month", True)
    if words == "last month":
        first = this_month - relativedelta(months=1)
        return month_span(first, "'last month': the calendar month before the anchor's", True)

    def year_span(number: int, what: str, relative: bool) -> _Raw:
        if part is None:
            start, end = datetime.date(number, 1, 1), datetime.date(number, 12, 31)
            return _Raw(start, end, what, relative)
        start, end = _year_third(number, part)
        return _Raw(start, end, f"{_YEAR_THIRD_NAMES[part]} of {what}", relative)

    if _YEAR.fullmatch(words):
        if int(words) < datetime.MINYEAR:
            raise DateError(f"'{wording}' is not a real date: there is no year {words}")
        return year_span(int(words), f"the year {words}", False)
    if words == "this year":
        return year_span(anchor.year, f"'{said}': the anchor's calendar year", True)
    if words == "last year":
        return year_span(
            anchor.year - 1, "'last year': the calendar year before the anchor's", True
        )
    return None


def _part(words: str, anchor: datetime.date, wording: str) -> _Raw | None:
    """ "the beginning of February", "mid-February", "late December last year", "early 2019"."""
    match = _PART.fullmatch(words)
    if match is None:
        return None
    part = _PART_WORDS[match["noun"] or match["adjective"]]
    return _period(match["rest"], anchor, wording, part)


def _whole_period(words: str, anchor: datetime.date, wording: str) -> _Raw | None:
    return _period(words, anchor, wording)


def _rolling(words: str, anchor: datetime.date, _: str) -> _Raw | None:
    """ "the past two weeks", "over the past few days", "in recent weeks", "the past 24 hours"."""
    match = _ROLLING.fullmatch(words) or _RECENT.fullmatch(words)
    if match is None:
        return None
    unit = match["unit"]
    count = match.groupdict().get("count")
    plural = words.endswith("s")
    if count is None and words.startswith("last "):
        return None  # "last week" is a calendar week, read by _week and _period
    if count in {"a few", "few", "several"} or (count is None and plural):
        width, described = _VAGUE_WIDTHS[unit]
        reading = f"a vague number of past {unit}s, read generously as the {described} before"
        return _Raw(anchor - width, anchor, f"{reading} the anchor", True)
    number = 1 if count is None else _NUMBERS.get(count) or int(count)
    if number < 1:
        return None
    if unit == "hour":
        span, what = relativedelta(days=math.ceil(number / 24)), f"{number} hours"
    else:
        span = _UNITS[unit] * number
        what = f"{number} {unit}{'s' if number > 1 else ''}"
    reading = f"the past {what}: from {what} before the anchor to the anchor"
    return _Raw(anchor - span, anchor, reading, True)


def _since(words: str, anchor: datetime.date, wording: str) -> _Raw | None:
    """ "since December", "since 2011": from the start of what follows to the anchor."""
    if not words.startswith("since "):
        return None
    rest = words.removeprefix("since ")
    inner = _resolve(rest, anchor, wording)
    if inner.looks_ahead(anchor):
        raise DateError(
            f"'{wording}' starts after the report date {anchor.isoformat()}: "
            "'since' needs a time on or before it"
        )
    reading = f"'since' + {inner.reading} → from its start to the anchor"
    return _Raw(inner.start, anchor, reading, True)


def _by(words: str, anchor: datetime.date, wording: str) -> _Raw | None:
    """ "by 2016": any time up to the end of what follows."""
    if not words.startswith("by "):
        return None
    rest = words.removeprefix("by ")
    inner = _resolve(rest, anchor, wording)
    reading = f"'by' + {inner.reading} → any time up to its end"
    return _Raw(datetime.date.min, inner.end, reading, inner.relative, inner.looks_ahead(anchor))


_HANDLERS: Final[tuple[_Handler, ...]] = (
    _since,
    _by,
    _calendar_day,
    _weekday_date,
    _weekday,
    _relative_day,
    _week,
    _whole_period,
    _part,
    _rolling,
)
