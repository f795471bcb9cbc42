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
  Mondays it could mean, "a month ago" the day a month back give or take a week. Every form and
  width is one row of `DATE_WORDINGS`, which docs/dates.md renders.
* **Nothing written in the past tense ends after the report.** A year is inferred as the latest
  one that fits on or before the anchor ("October 9" in a report of 2019-10-30 is 2019-10-09,
  "December" in a report of 2020-02-06 is December 2019), and a span that would run past the
  anchor is cut off there ("this month", "December" read in December, "2020" read in March
  2020).
* **Only some wordings look ahead**: those that say so ("tomorrow", "next week", "in two weeks",
  "within the next 3 days", "later this month"), and those that name days after the anchor in
  full ("March 5, 2020" in a report of 2020-03-03, "from 4 to 22 this month" read on the 7th).
  `DateSpan.is_forward` says so. A bare weekday is always read backwards: "on Thursday" is the
  latest Thursday on or before the anchor, the same day included.
* **A weekday next to a date must agree with it**: "Monday, March 2" and "Thursday the 21st" are
  checked after the date is resolved, and a mismatch is a `WeekdayMismatchError` naming both.
* **An all-numeric date is never guessed.** "21/04/2016" can only be day-first and is read so;
  "04/05/2016" is 4 May or 5 April. Unless the report declares its order (`NumericDates`), an
  ambiguous form is read as both readings and the days between, and the reading says so.
* **The anchor is kept only when it mattered.** A wording that names its dates in full and lies
  on or before the report ("2020-03-02", "April 2019", "by 2016") has no anchor; everything
  inferred, relative, cut off or looking ahead records it.

Wording is read case-insensitively, ignoring surrounding white space, trailing punctuation and a
leading "on", "in", "at", "during", "early on", "late on", "as of" or a time of day ("before
dawn on", "in the early hours of", "midday"). Anything else is a `DateError`
that quotes the wording and, where it can, the word that could not be read.

`DateSpan.parse_relative` reads a wording counted from another claim's date instead of the
report's ("two days later", "the day before").
"""

from __future__ import annotations

import calendar
import datetime
import difflib
import enum
import functools
import math
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Final

import attrs
from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta

from crosscheck.errors import CrosscheckError
from crosscheck.quantity import NUMBER_WORDS, TENS_WORDS, whole_number

__all__ = [
    "DATE_WORDINGS",
    "DateError",
    "DateSpan",
    "DateWording",
    "NumericDates",
    "WeekdayMismatchError",
]


class NumericDates(enum.StrEnum):
    """The order of day and month in an all-numeric date such as "04/05/2016".

    A report declares it (`numeric_dates` in its [report] table); `DateSpan.parse(...,
    numeric=...)` reads with it. Year-first
    forms ("2016-04-05", "2016/4/5") are always year, month, day and need no declaration.
    """

    DAY_FIRST = "day-first"
    """21/04/2016 is 21 April 2016: most of the world."""
    MONTH_FIRST = "month-first"
    """04/21/2016 is 21 April 2016: the United States and some wire services."""


@attrs.frozen
class _At:
    """How a wording is being read, handed down every step of its reading."""

    wording: str
    """The wording as written, for messages."""
    ahead: bool = False
    """Whether it looks ahead (see `DateSpan.parse`)."""
    numeric: NumericDates | None = None
    """The report's declared order of numeric dates, if any (see `DateSpan.parse`)."""
    in_range: bool = False
    """Whether one side of a range is being read (a side is never itself a range)."""


class DateError(CrosscheckError, ValueError):
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
    "weds": 2,
    "thur": 3,
    "thurs": 3,
}
_DATEUTIL_WEEKDAYS: Final = (MO, TU, WE, TH, FR, SA, SU)
_SHORT_WEEKDAYS: Final = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

_SMALL: Final[dict[str, int]] = dict(NUMBER_WORDS)  # zero to nineteen
_TENS: Final[Mapping[str, int]] = TENS_WORDS
_ORDINAL_WORDS: Final[dict[str, int]] = {
    word: number
    for number, word in enumerate(
        [
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
            "thirteenth",
            "fourteenth",
            "fifteenth",
            "sixteenth",
            "seventeenth",
            "eighteenth",
            "nineteenth",
        ],
        start=1,
    )
} | {"twentieth": 20, "thirtieth": 30}


def _day_words() -> dict[str, int]:
    """Days of a month in words: "second", "twenty-first", "twenty one", "thirty"."""
    words = {w: n for w, n in (*_SMALL.items(), *_ORDINAL_WORDS.items()) if 1 <= n <= 30}
    words |= {"twenty": 20, "thirty": 30}
    units = [(w, n) for w, n in (*_SMALL.items(), *_ORDINAL_WORDS.items()) if 1 <= n <= 9]
    for tens_word, tens in (("twenty", 20), ("thirty", 30)):
        for unit_word, unit in units:
            if tens + unit <= 31:
                for joint in (" ", "-"):
                    words[f"{tens_word}{joint}{unit_word}"] = tens + unit
    return words


_DAY_WORDS: Final = _day_words()
_ORDINALS: Final[dict[str, int]] = {
    **{w: n for w, n in _ORDINAL_WORDS.items() if n <= 5},
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
    "5th": 5,
    "last": -1,
}

# Leading words that do not change the meaning ("on Monday", "as of late December").
_PREFIXES: Final = (
    "early on ", "late on ", "earlier on ", "later on ", "as of ", "during ", "on ", "in ",
    "at ", "before dawn ", "at dawn ", "dawn ", "around dawn ", "shortly before dawn ",
    "at midday ", "midday ", "around midday ", "at noon ", "noon ", "shortly after midnight ",
    "just after midnight ", "after midnight ", "the early hours of ", "the small hours of ",
    "early hours of ", "the early morning of ",
)  # fmt: skip
"""Leading words that do not change the day ("on Monday", "as of late December", "before dawn
on Friday", "in the early hours of Sunday"): a time of day within the day named."""

# The parts of a period: 0 early, 1 mid, 2 late. A month or a year splits into thirds, the
# coarsest split that still tells "early February" from "late February" and covers every day
# once (a span within crosscheck.engine.MAX_INCIDENT_DAYS is one possible incident); a week
# into overlapping Monday–Wednesday, Tuesday–Friday and Thursday–Sunday; a decade or a century
# into thirds that share their boundary years.
_PART_WORDS: Final[dict[str, int]] = {
    "early": 0,
    "beginning": 0,
    "start": 0,
    "mid": 1,
    "middle": 1,
    "late": 2,
    "end": 2,
}
_PART_NAMES: Final[dict[str, tuple[str, str, str]]] = {
    "month": (
        "the early third (days 1–10)",
        "the middle third (days 11–20)",
        "the late third (day 21 to the month's end)",
    ),
    "year": ("January–April", "May–August", "September–December"),
    "week": ("Monday–Wednesday", "Tuesday–Friday", "Thursday–Sunday"),
    "decade": ("its years 0–3", "its years 3–6", "its years 6–9"),
    "century": ("its years 0–33", "its years 33–66", "its years 66–99"),
}

# How far back a vague count of units reaches: "the past few days", "in recent weeks"; the
# same widths reach forward for "in the coming days".
_VAGUE_WIDTHS: Final[dict[str, tuple[relativedelta, str]]] = {
    "hour": (relativedelta(days=1), "1 day"),
    "day": (relativedelta(days=7), "7 days"),
    "business day": (relativedelta(days=9), "9 days"),
    "week": (relativedelta(weeks=6), "6 weeks"),
    "fortnight": (relativedelta(weeks=8), "8 weeks"),
    "month": (relativedelta(months=6), "6 months"),
    "year": (relativedelta(years=10), "10 years"),
    "decade": (relativedelta(years=30), "30 years"),
}

# How many units a vague count may be: "a few days ago", "weeks later" (bare plurals).
_VAGUE_COUNTS: Final[dict[str, tuple[int, int]]] = {
    "a few": (2, 5),
    "few": (2, 5),
    "several": (3, 9),
    "a couple of": (2, 3),
    "a couple": (2, 3),
    "couple of": (2, 3),
}
_PLURAL_COUNTS: Final[dict[str, tuple[int, int]]] = {
    "hour": (1, 24),
    "day": (2, 7),
    "business day": (2, 7),
    "week": (2, 6),
    "fortnight": (2, 4),
    "month": (2, 6),
    "year": (2, 10),
    "decade": (2, 5),
}

_Delta = tuple[int, int, int]
"""A length of time as years, months and days: cheap to add up, applied once."""

_UNITS: Final[dict[str, _Delta]] = {
    "hour": (0, 0, 0),  # counted in whole days, see _amount
    "day": (0, 0, 1),
    "business day": (0, 0, 1),
    "week": (0, 0, 7),
    "fortnight": (0, 0, 14),
    "month": (0, 1, 0),
    "year": (1, 0, 0),
    "decade": (10, 0, 0),
}

# A count of units back or ahead ("a month ago", "in two weeks", "three weeks later") names
# one day only as precisely as its unit: the margin either side of it, by the smallest unit.
_MARGINS: Final[dict[str, tuple[_Delta, str]]] = {
    "hour": ((0, 0, 0), ""),
    "day": ((0, 0, 0), ""),
    "business day": ((0, 0, 0), ""),
    "week": ((0, 0, 1), "give or take a day"),
    "fortnight": ((0, 0, 1), "give or take a day"),
    "month": ((0, 0, 7), "give or take a week"),
    "year": ((0, 1, 0), "give or take a month"),
    "decade": ((1, 0, 0), "give or take a year"),
}


def _plus(day: datetime.date, delta: _Delta, sign: int = 1) -> datetime.date:
    """`day` moved by `delta` (back for `sign` -1); unbounded days stay unbounded."""
    if day in (datetime.date.min, datetime.date.max):
        return day
    years, months, days = delta
    try:
        if years or months:
            day += relativedelta(years=sign * years, months=sign * months)
        return day + datetime.timedelta(days=sign * days)
    except (OverflowError, ValueError):
        raise DateError(f"{day.isoformat()} moved by {delta} lies outside the calendar") from None


def _sum(a: _Delta, b: _Delta, sign: int = 1) -> _Delta:
    return (a[0] + sign * b[0], a[1] + sign * b[1], a[2] + sign * b[2])


_HINT: Final = (
    "expected a date ('March 2', '2020-03-02'), a month ('April 2019'), a weekday ('on Monday') "
    "or a relative phrase ('last week', 'since December')"
)
_RELATIVE_HINT: Final = (
    "expected a wording counted from another claim's date, such as 'two days later', "
    "'the next day', 'the same day', 'the day before' or 'a week earlier'"
)


def _alternatives(words: Iterable[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


_MONTH: Final = rf"(?P<month>{_alternatives(_MONTHS)})\.?"
_WEEKDAY: Final = rf"(?P<weekday>{_alternatives(_WEEKDAYS)})\.?"
_DAY_TOKEN: Final = rf"\d{{1,2}}(?:st|nd|rd|th)?|{_alternatives(_DAY_WORDS)}"
_DAY: Final = rf"(?P<day>{_DAY_TOKEN})"
_TIME_OF_DAY: Final = r"(?: (?:morning|afternoon|evening|night))?"
_NUMBER_WORD: Final = _alternatives([*_SMALL, *_TENS, "hundred", "thousand"])
_COUNT: Final = (
    rf"\d+|{_alternatives(_VAGUE_COUNTS)}|an|a|"
    rf"(?:{_NUMBER_WORD})(?:(?:[ -]|\s+and\s+)(?:{_NUMBER_WORD}))*"
)
_UNIT: Final = r"business day|working day|fortnight|decade|hour|day|week|month|year"


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
    """Last day, inclusive; `datetime.date.max` when unbounded above."""
    text: str = attrs.field(validator=attrs.validators.instance_of(str))
    """The wording as written, without surrounding white space, e.g. "on Monday"."""
    anchor: datetime.date | None = attrs.field(validator=_an_optional_day)
    """The report date the wording was resolved against; None when that date played no part."""
    reading: str = attrs.field(validator=attrs.validators.instance_of(str))
    """One sentence on how the wording became the span."""

    @end.validator
    def _check_order(self, _: attrs.Attribute[datetime.date], end: datetime.date) -> None:
        if end < self.start:
            raise DateError(
                f"expected a span that ends on or after its start, found start "
                f"{self.start} and end {end} (give the earlier day as start)"
            )

    @classmethod
    def parse(
        cls,
        text: str,
        anchor: datetime.date,
        *,
        ahead: bool = False,
        numeric: NumericDates | None = None,
    ) -> DateSpan:
        """Read `text` as it was meant in a report published on `anchor`.

        With `ahead` — for a plan or an announcement — a weekday, a weekend or a date without a
        year is the first such day on or after the anchor, not the latest before it.

        `numeric` is the report's declared order of all-numeric dates ("04/05/2016"). With
        None, a form that is a real date one way only is read that way, and one that is real
        both ways is read as both and the days between; with an order declared, a form real
        only the other way is an error.

        Raises `DateError` when the wording cannot be read; a weekday that contradicts its date
        raises the subclass `WeekdayMismatchError`, which still carries the date as `span`.

        >>> str(DateSpan.parse("since December", anchor=datetime.date(2020, 2, 6)))
        '2019-12-01 – 2020-02-06 (‘since December’, report of Thu 2020-02-06)'
        """
        if isinstance(anchor, datetime.datetime):
            raise TypeError(f"the anchor must be a datetime.date, not {anchor!r}")
        if numeric is not None and not isinstance(numeric, NumericDates):
            raise TypeError(f"numeric must be a NumericDates or None, not {numeric!r}")
        return _parse(_short(text), anchor, ahead, numeric)

    @classmethod
    def parse_relative(cls, text: str, base: DateSpan, *, after: bool) -> DateSpan:
        """Read `text` counted from another claim's span `base`, not from a report's date.

        With `after`, the wording counts forward from `base` ("two days later", "the next day",
        "a week after"); without, back ("the day before", "two days earlier"). Wordings without
        a direction ("that day", "the same day") are the base's days either way. The base span
        is shifted as a whole: "two days later" than 2020-03-02 – 2020-03-04 is 2020-03-04 –
        2020-03-06. A vague count ("days later") is generous, as in `parse`.

        The result has no anchor; its reading names the base's days. Raises `DateError` when
        the wording cannot be read, or when its direction contradicts `after`.

        >>> base = DateSpan.of(datetime.date(2020, 3, 2))
        >>> DateSpan.parse_relative("two days later", base, after=True).days
        '2020-03-04'
        """
        if not isinstance(base, DateSpan):
            raise TypeError(f"base must be a DateSpan, not {base!r}")
        return _parse_relative(_short(text), base, after)

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
        end = "…" if self.end == datetime.date.max else self.end.isoformat()
        return f"{start} – {end}"

    def __str__(self) -> str:
        days = self.days
        notes = [f"‘{self.text}’"] if self.text else []
        if self.anchor is not None:
            weekday = _SHORT_WEEKDAYS[self.anchor.weekday()]
            notes.append(f"report of {weekday} {self.anchor.isoformat()}")
        return f"{days} ({', '.join(notes)})" if notes else days


# -- resolution ------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1 << 16)
def _parse(
    wording: str, anchor: datetime.date, ahead: bool, numeric: NumericDates | None
) -> DateSpan:
    """`DateSpan.parse`, remembered: a bulk claim set reads the same few wordings ("yesterday",
    "on Monday") against the same few hundred report dates, and shares the immutable spans."""
    try:
        raw = _resolve(wording, anchor, _At(wording, ahead, numeric))
    except _MismatchError as mismatch:
        span = _span(mismatch.raw, wording, anchor)
        raise WeekdayMismatchError(str(mismatch), span) from None
    return _span(raw, wording, anchor)


def _span(raw: _Raw, wording: str, anchor: datetime.date) -> DateSpan:
    """The span of a resolution, cut off at the anchor unless the wording looks ahead."""
    if raw.looks_ahead(anchor):
        reading = raw.reading
        if not raw.forward:
            reading += "; it lies after the anchor, so the wording looks ahead"
        return DateSpan(raw.start, raw.end, wording, anchor, reading)
    if raw.end > anchor:
        reading = f"{raw.reading}, cut off at the anchor"
        return DateSpan(raw.start, anchor, wording, anchor, reading)
    return DateSpan(raw.start, raw.end, wording, anchor if raw.relative else None, raw.reading)


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


_Handler = Callable[[str, datetime.date, _At], _Raw | None]


class _MismatchError(DateError):
    """A weekday that contradicts its date, found while resolving; carries the resolution."""

    def __init__(self, message: str, raw: _Raw) -> None:
        super().__init__(message)
        self.raw = raw


LONGEST_WORDING: Final = 200
"""The most characters a date wording may have: a report dates a claim in a few words, and a
bound keeps every reading fast however a wording nests."""


def _short(text: str) -> str:
    """`text` without surrounding white space, or a DateError when it is too long to be a date."""
    wording = text.strip()
    if len(wording) > LONGEST_WORDING:
        raise DateError(
            f"'{wording[:40]}…' is {len(wording)} characters long, too long for a date wording "
            f"(at most {LONGEST_WORDING}); give the words the report dates the claim with"
        )
    return wording


def _normalise(wording: str) -> str:
    words = " ".join(wording.lower().split())
    if not words.isalpha():
        words = words.replace("–", "-").replace("—", "-").replace("’", "'").replace(" ,", ",")
        words = words.rstrip(".,;:!?").rstrip()
    if "tmrw" in words:
        words = re.sub(r"\btmrw\b", "tomorrow", words)
    if words.startswith("this past "):  # "this past week": the past week, "… weekend": the last
        rest = words.removeprefix("this past ")
        words = "last weekend" if rest == "weekend" else f"the past {rest}"
    stripped = True
    while stripped:
        stripped = False
        for prefix in _PREFIXES:
            if words.startswith(prefix):
                if prefix == "in " and _amount(words[3:]) is not None:
                    return f"{words[3:]} from now"  # "in two weeks": a count ahead, not a span
                words, stripped = words[len(prefix) :], True
    return words


def _read(words: str, anchor: datetime.date, at: _At) -> _Raw | None:
    """The first form that reads `words` (already normalised), or None."""
    try:
        for handler in _HANDLERS:
            raw = handler(words, anchor, at)
            if raw is not None:
                return raw
    except DateError:
        raise
    except (OverflowError, ValueError) as error:
        raise DateError(f"'{at.wording}' lies outside the calendar's range ({error})") from None
    return None


def _resolve(words: str, anchor: datetime.date, at: _At) -> _Raw:
    """Try each form in turn (`at.wording` is the original text, for messages)."""
    raw = _read(_normalise(words), anchor, at)
    if raw is None:
        raise DateError(f"cannot read '{at.wording}' as a date: {_diagnose(words, anchor, at)}")
    return raw


def _day(year: int, month: int, day: int, wording: str) -> datetime.date:
    """The date, or a DateError saying why there is none."""
    if not datetime.MINYEAR <= year <= datetime.MAXYEAR:
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
    return first.replace(day=calendar.monthrange(first.year, first.month)[1])


def _is_day_of_year(year: int, month: int, day: int) -> bool:
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def _is_day_of_some_year(month: int, day: int) -> bool:
    return _is_day_of_year(2000, month, day)  # a leap year: every day any year can have


def _monday(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=day.weekday())


def _on_or_before(day: datetime.date, weekday: int, strictly: bool = False) -> datetime.date:
    """The latest `weekday` on or before `day` (strictly before, with `strictly`)."""
    back = (day.weekday() - weekday - strictly) % 7 + strictly
    return day - datetime.timedelta(days=back)


def _on_or_after(day: datetime.date, weekday: int, strictly: bool = False) -> datetime.date:
    """The first `weekday` on or after `day` (strictly after, with `strictly`)."""
    ahead = (weekday - day.weekday() - strictly) % 7 + strictly
    return day + datetime.timedelta(days=ahead)


# -- numbers in words ------------------------------------------------------------------------


def _cardinal(text: str) -> int | None:
    """A whole number written in digits or English words ("twenty one", "two thousand and
    eighteen"), or None; read by `crosscheck.quantity.whole_number`."""
    return int(text) if text.isascii() and text.isdigit() else whole_number(text)


def _year_words(text: str) -> int | None:
    """A year in words: "two thousand and eighteen", "nineteen seventy eight", "nineteen zero
    one", "nineteen hundred" — a whole number, or the hundreds and the rest said apart."""
    if any(character.isdigit() for character in text):
        return None  # digits are read as digits ("10-11 January" is no year 1011)
    if (number := _cardinal(text)) is not None and number >= 1000:
        return number
    tokens = [t for t in re.split(r"[\s-]+", text.strip()) if t]
    for cut in range(1, len(tokens)):
        high, rest = whole_number(" ".join(tokens[:cut])), tokens[cut:]
        if high is None or not 10 <= high <= 99:
            continue
        if len(rest) == 2 and rest[0] in {"oh", "zero", "o"}:
            low = whole_number(rest[1])
            return high * 100 + low if low is not None and 1 <= low <= 9 else None
        low = whole_number(" ".join(rest))
        if low is not None and 10 <= low <= 99:
            return high * 100 + low
    return None


def _year_value(text: str) -> int | None:
    """A year written after a month or a day: four digits or words."""
    text = text.strip()
    if re.fullmatch(r"\d{4}", text):
        return int(text)
    return _year_words(text)


def _day_value(text: str) -> int:
    text = text.strip()
    if text in _DAY_WORDS:
        return _DAY_WORDS[text]
    return int(re.sub(r"(st|nd|rd|th)$", "", text))


# -- calendar days ---------------------------------------------------------------------------


@attrs.frozen
class _Parts:
    """A day as named, before its month or year are inferred."""

    day: int
    month: int | None = None
    year: int | None = None
    month_offset: int | None = None
    """The month counted from the anchor's ("20th of next month": +1)."""
    weekday: int | None = None

    @property
    def yearless(self) -> bool:
        return self.year is None and self.month_offset is None


_DAY_MONTH_RE: Final = re.compile(
    rf"(?:the )?{_DAY}(?:\.?\s*(?:of |in )?|-){_MONTH}(?:(?:-|,?\s*(?:of )?)(?P<year>.+))?"
)
_MONTH_DAY_RE: Final = re.compile(rf"{_MONTH}(?: the |[\s./-]*){_DAY}(?:,?\s*(?P<year>.+))?")
_RELATIVE_MONTH: Final = {
    "this": 0,
    "the current": 0,
    "current": 0,
    "next": 1,
    "the next": 1,
    "last": -1,
    "previous": -1,
    "the previous": -1,
}
_DAY_OF_MONTH_RE: Final = re.compile(
    rf"(?:the )?{_DAY}(?: of| in)? (?P<which>{_alternatives(_RELATIVE_MONTH)}) month"
)
_THE_DAY_RE: Final = re.compile(rf"the {_DAY}|(?P<suffixed>\d{{1,2}}(?:st|nd|rd|th))")
_WEEKDAY_PREFIX_RE: Final = re.compile(rf"{_WEEKDAY},?\s+(?P<rest>.+)")


def _parts(words: str) -> _Parts | None:
    """A day named by the calendar ("March 2", "2nd of March 2020", "the 27th", "Thursday the
    21st", "20th of next month"), not yet resolved."""
    if (match := _WEEKDAY_PREFIX_RE.fullmatch(words)) and (inner := _plain_parts(match["rest"])):
        return attrs.evolve(inner, weekday=_WEEKDAYS[match["weekday"]])
    return _plain_parts(words)


def _plain_parts(words: str) -> _Parts | None:
    for pattern in (_DAY_MONTH_RE, _MONTH_DAY_RE):
        if match := pattern.fullmatch(words):
            year = None
            if match["year"] is not None:
                year = _year_value(match["year"])
                if year is None:
                    continue
            return _Parts(_day_value(match["day"]), _MONTHS[match["month"]], year)
    if match := _DAY_OF_MONTH_RE.fullmatch(words):
        return _Parts(_day_value(match["day"]), month_offset=_RELATIVE_MONTH[match["which"]])
    if match := _THE_DAY_RE.fullmatch(words):
        return _Parts(_day_value(match["day"] or match["suffixed"]))
    return None


def _ordinal(number: int) -> str:
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def _resolve_parts(parts: _Parts, anchor: datetime.date, at: _At) -> _Raw:
    """The day `parts` names, its year (and month) inferred from the anchor, its weekday
    checked."""
    day = parts.day
    if parts.month_offset is not None:
        first = datetime.date(anchor.year, anchor.month, 1) + relativedelta(
            months=parts.month_offset
        )
        which = {0: "the anchor's month", 1: "the month after the anchor's"}.get(
            parts.month_offset, "the month before the anchor's"
        )
        date = _day(first.year, first.month, day, at.wording)
        raw = _Raw(date, date, f"the {_ordinal(day)} of {which}", True)
    elif parts.month is not None:
        raw = _month_day(parts.month, day, parts.year, anchor, at)
    else:
        raw = _nth_of_a_month(day, anchor, at)
    return _checked_weekday(raw, parts.weekday, at.wording)


def _month_day(month: int, day: int, year: int | None, anchor: datetime.date, at: _At) -> _Raw:
    name = f"{_MONTH_NAMES[month - 1]} {day}"
    if year is not None:
        date = _day(year, month, day, at.wording)
        return _Raw(date, date, f"date '{name}, {date.year}' with its year", False)
    if not _is_day_of_some_year(month, day):
        raise DateError(
            f"'{at.wording}' is not a real date: {_MONTH_NAMES[month - 1]} has no day {day}"
        )
    if at.ahead:
        for candidate in (anchor.year, anchor.year + 1):
            if (
                _is_day_of_year(candidate, month, day)
                and (date := datetime.date(candidate, month, day)) >= anchor
            ):
                reading = f"date '{name}' without a year, looking ahead: the first {name} on or "
                return _Raw(date, date, reading + "after the anchor", True, forward=date > anchor)
    for candidate in (anchor.year, anchor.year - 1):
        if (
            _is_day_of_year(candidate, month, day)
            and (date := datetime.date(candidate, month, day)) <= anchor
        ):
            reading = f"date '{name}' without a year: the latest {name} on or before the anchor"
            return _Raw(date, date, reading, True)
    raise DateError(
        f"'{at.wording}' gives no year, and no {name} falls in the year up to the report date "
        f"{anchor.isoformat()}; write the year"
    )


def _nth_of_a_month(day: int, anchor: datetime.date, at: _At) -> _Raw:
    """ "the 27th": the latest 27th on or before the anchor (looking ahead, the first after)."""
    if not 1 <= day <= 31:
        raise DateError(f"'{at.wording}' is not a real date: no month has a day {day}")
    first = datetime.date(anchor.year, anchor.month, 1)
    step = 1 if at.ahead else -1
    for months in range(13):
        month = first + relativedelta(months=step * months)
        if _is_day_of_year(month.year, month.month, day):
            date = month.replace(day=day)
            if (date >= anchor) if step > 0 else (date <= anchor):
                if step > 0:
                    reading = f"the {_ordinal(day)} without a month, looking ahead: the first "
                    reading += f"{_ordinal(day)} on or after the anchor"
                    return _Raw(date, date, reading, True, forward=date > anchor)
                reading = f"the {_ordinal(day)} without a month: the latest {_ordinal(day)} on or "
                return _Raw(date, date, reading + "before the anchor", True)
    raise DateError(
        f"'{at.wording}' is not a real date: no month has a day {day}"
    )  # pragma: no cover


def _checked_weekday(raw: _Raw, weekday: int | None, wording: str) -> _Raw:
    if weekday is None:
        return raw
    if raw.start.weekday() != weekday:
        actual = _WEEKDAY_NAMES[raw.start.weekday()]
        message = (
            f"'{wording}' says {_WEEKDAY_NAMES[weekday]}, but {raw.start.isoformat()} is a {actual}"
        )
        raise _MismatchError(message, attrs.evolve(raw, reading=f"{raw.reading}; {message}"))
    reading = f"{raw.reading}, and it is a {_WEEKDAY_NAMES[weekday]} as the wording says"
    return attrs.evolve(raw, reading=reading)


def _calendar_day(words: str, anchor: datetime.date, at: _At) -> _Raw | None:
    """A day named by the calendar: "March 2", "2 March 2020", "Jan. 12", "the second of
    August", "Thursday the 21st", "Monday, March 2", "20th of next month"."""
    parts = _parts(words)
    return None if parts is None else _resolve_parts(parts, anchor, at)


# -- numeric dates ---------------------------------------------------------------------------

_YMD_RE: Final = re.compile(
    rf"(?P<year>\d{{4}})\s*(?P<sep>[-/.])\s*(?:(?P<month>\d{{1,2}})|"
    rf"(?P<name>{_alternatives(_MONTHS)}))"
    r"\s*(?P=sep)\s*(?P<day>\d{1,2})"
)
_YM_RE: Final = re.compile(r"(?P<year>\d{4})\s*[-/.]\s*(?P<month>\d{1,2})")
_MY_RE: Final = re.compile(r"(?P<month>\d{1,2})\s*[-/.]\s*(?P<year>\d{4})")
_DMY_RE: Final = re.compile(
    r"(?P<a>\d{1,2})(?P<sep>[-/.])(?P<b>\d{1,2})(?:(?P=sep)|,\s*)(?P<year>\d{4}|\d{2})"
)
_DM_RE: Final = re.compile(r"(?P<a>\d{1,2})(?P<sep>[-/.])(?P<b>\d{1,2})")


def _two_digit_year(digits: str, anchor: datetime.date) -> int:
    """The latest year ending in `digits` that is at most ten years after the anchor."""
    latest = anchor.year + 10
    return latest - (latest - int(digits)) % 100


def _numeric(words: str, anchor: datetime.date, at: _At) -> _Raw | None:
    """All-numeric dates: year first ("2016-04-21", "2016/4/21", "2019-sep-1"), or day and
    month in the report's declared order ("21/04/2016", "21.04.16", "22/04")."""
    if match := _YMD_RE.fullmatch(words):
        month = int(match["month"]) if match["month"] else _MONTHS[match["name"]]
        date = _day(int(match["year"]), month, int(match["day"]), at.wording)
        iso = re.fullmatch(r"\d{4}-\d{2}-\d{2}", words) is not None
        return _Raw(date, date, "ISO date" if iso else "numeric date, year first", False)
    match = _DMY_RE.fullmatch(words) or _DM_RE.fullmatch(words)
    if match is None:
        return None
    year: int | None = None
    relative, note = True, ""  # a year inferred from the anchor, unless written in full
    if (digits := match.groupdict().get("year")) is not None:
        if len(digits) == 2:
            year = _two_digit_year(digits, anchor)
            note = (
                f"; '{digits}' is {year}, the latest year ending in {digits} up to ten years "
                "after the anchor"
            )
        else:
            year, relative = int(digits), False
    a, b = int(match["a"]), int(match["b"])
    readings: dict[NumericDates, _Raw | DateError] = {}
    for order, (day, month) in (
        (NumericDates.DAY_FIRST, (a, b)),
        (NumericDates.MONTH_FIRST, (b, a)),
    ):
        readings[order] = _numeric_reading(day, month, year, anchor, at)
    return _numeric_law(readings, anchor, at, words, relative, note)


def _numeric_reading(
    day: int, month: int, year: int | None, anchor: datetime.date, at: _At
) -> _Raw | DateError:
    if not 1 <= month <= 12:
        return DateError(f"there is no month {month}")
    try:
        if year is None:
            return _month_day(month, day, None, anchor, at)
        date = _day(year, month, day, at.wording)
    except DateError as error:
        return error
    return _Raw(date, date, "", False)


def _said(raw: _Raw) -> str:
    return f"{raw.start.day} {_MONTH_NAMES[raw.start.month - 1]}"


def _why(error: DateError, wording: str) -> str:
    return str(error).removeprefix(f"'{wording}' is not a real date: ")


def _numeric_law(
    readings: dict[NumericDates, _Raw | DateError],
    anchor: datetime.date,
    at: _At,
    said: str,
    relative: bool,
    note: str,
) -> _Raw:
    """Day-first or month-first, by the declared order; never a silent guess."""
    day_first, month_first = readings[NumericDates.DAY_FIRST], readings[NumericDates.MONTH_FIRST]
    declared = at.numeric

    def read(raw: _Raw, how: str) -> _Raw:
        tail = "; " + raw.reading if raw.reading else ""
        reading = f"numeric date {how}: {_said(raw)}{tail}{note}"
        return _Raw(raw.start, raw.end, reading, relative, raw.forward)

    if isinstance(day_first, _Raw) and isinstance(month_first, _Raw):
        if day_first.start == month_first.start:
            return read(day_first, "that reads the same day-first and month-first")
        if declared is NumericDates.DAY_FIRST:
            return read(day_first, "day-first, as the report declares")
        if declared is NumericDates.MONTH_FIRST:
            return read(month_first, "month-first, as the report declares")
        first, last = sorted((day_first, month_first), key=lambda r: r.start)
        reading = (
            f"{said} is {_said(day_first)} day-first or {_said(month_first)} month-first; "
            "read as both and the days between; declare the report's numeric_dates to "
            f"read one{note}"
        )
        return _Raw(first.start, last.end, reading, relative, last.forward or last.start > anchor)
    if isinstance(day_first, _Raw):
        assert isinstance(month_first, DateError)
        if declared is NumericDates.MONTH_FIRST:
            raise DateError(
                f"'{at.wording}' is not a real date month-first, the report's declared order "
                f"({_why(month_first, at.wording)}); it would be {_said(day_first)} day-first"
            )
        if declared is NumericDates.DAY_FIRST:
            return read(day_first, "day-first, as the report declares")
        return read(day_first, "day-first, the only order in which it is a real date")
    if isinstance(month_first, _Raw):
        assert isinstance(day_first, DateError)
        if declared is NumericDates.DAY_FIRST:
            raise DateError(
                f"'{at.wording}' is not a real date day-first, the report's declared order "
                f"({_why(day_first, at.wording)}); it would be {_said(month_first)} month-first"
            )
        if declared is NumericDates.MONTH_FIRST:
            return read(month_first, "month-first, as the report declares")
        return read(month_first, "month-first, the only order in which it is a real date")
    if declared is NumericDates.MONTH_FIRST:
        raise DateError(f"'{at.wording}' is not a real date: {_why(month_first, at.wording)}")
    if declared is NumericDates.DAY_FIRST:
        raise DateError(f"'{at.wording}' is not a real date: {_why(day_first, at.wording)}")
    raise DateError(
        f"'{at.wording}' is not a real date day-first ({_why(day_first, at.wording)}) nor "
        f"month-first ({_why(month_first, at.wording)})"
    )


# -- weekdays, weeks and weekends ------------------------------------------------------------

_BARE_WEEKDAY_RE: Final = re.compile(
    rf"(?:(?:early|late) )?(?P<which>next |last |this |coming |this coming |this past |past )?"
    rf"{_WEEKDAY}{_TIME_OF_DAY}"
)


def _relative(unit: str, *usage: Mapping[str, int]) -> dict[str, int]:
    """The words that place a calendar `unit` counted from the report's own (0 this one, -1 the
    one before, 1 the one after, …): "this U", "the current U", "last U", "the previous U" and
    "next U" for every unit, and the phrases of `usage` ("{}" standing for the unit) as
    reporters use them with that unit."""
    words = {f"this {unit}": 0, f"the current {unit}": 0, f"last {unit}": -1,
             f"the previous {unit}": -1, f"next {unit}": 1}  # fmt: skip
    for phrases in usage:
        words |= {phrase.format(unit): offset for phrase, offset in phrases.items()}
    return words


_SPOKEN: Final[Mapping[str, int]] = {
    "current {}": 0, "previous {}": -1, "the coming {}": 1, "coming {}": 1,
    "the upcoming {}": 1, "upcoming {}": 1,
}  # fmt: skip
"""How reporters also name the week, month or year before and after the report's."""
_AFTER_NEXT: Final[Mapping[str, int]] = {"the {} after next": 2, "the {} after the next": 2}

_WEEK_WORDS: Final[dict[str, int]] = _relative("week", _SPOKEN, {"the {} after next": 2})
_WEEK: Final = rf"(?P<week>{_alternatives(_WEEK_WORDS)})"
_WEEK_THEN_WEEKDAY_RE: Final = re.compile(rf"{_WEEK}(?:,| on)? {_WEEKDAY}{_TIME_OF_DAY}")
_WEEKDAY_THEN_WEEK_RE: Final = re.compile(rf"{_WEEKDAY}{_TIME_OF_DAY},?(?: of)? {_WEEK}")
_WEEKDAYS_OF_WEEK_RE: Final = re.compile(
    rf"{_WEEK},? (?:between|from) (?P<first>{_alternatives(_WEEKDAYS)})\.? "
    rf"(?:and|to|till|until|through|thru|-) (?P<last>{_alternatives(_WEEKDAYS)})\.?"
)
_NTH_WEEKDAYS_RE: Final = re.compile(
    rf"(?P<count>\d+|{_alternatives(w for w in _SMALL if _SMALL[w] > 0)}|a|an) "
    rf"(?P<weekday>{_alternatives(_WEEKDAYS)})s? (?P<how>from now|ago|from today|hence)"
)


def _weekday(words: str, anchor: datetime.date, at: _At) -> _Raw | None:
    """ "Wednesday", "next Thursday", "last Monday", "this Friday"."""
    match = _BARE_WEEKDAY_RE.fullmatch(words)
    if match is None:
        return None
    number = _WEEKDAYS[match["weekday"]]
    name = _WEEKDAY_NAMES[number]
    which = (match["which"] or "").strip()
    monday = _monday(anchor)
    if which in {"next", "coming", "this coming"}:
        # Said on a Monday, "next Sunday" is the coming one to some readers, a week later to
        # others: the first such day after the anchor, and the one in next calendar week.
        first = _on_or_after(anchor, number, strictly=True)
        weeks = monday + datetime.timedelta(weeks=1, days=number)
        if which != "next" or first == weeks:
            reading = f"'{which} {name}': the first {name} after the anchor"
            if which == "next":
                reading += ", which is also the one in the calendar week after the anchor's"
            return _Raw(first, first, reading, True, forward=True)
        reading = (
            f"'next {name}': either the first {name} after the anchor or the one in the calendar "
            "week after the anchor's, so both and the days between"
        )
        return _Raw(first, weeks, reading, True, forward=True)
    if which in {"last", "past", "this past"}:
        latest = _on_or_before(anchor, number, strictly=True)
        weeks = monday - datetime.timedelta(weeks=1) + datetime.timedelta(days=number)
        if which != "last" or latest == weeks:
            reading = f"'{which} {name}': the latest {name} before the anchor"
            if which == "last":
                reading += ", which is also the one in the calendar week before the anchor's"
            return _Raw(latest, latest, reading, True)
        # Said on a Wednesday, "last Monday" is two days back to most readers and nine to some.
        reading = (
            f"'last {name}': either the latest {name} before the anchor or the one in the "
            "calendar week before the anchor's, so both and the days between"
        )
        return _Raw(weeks, latest, reading, True)
    if which == "this":
        date = monday + datetime.timedelta(days=number)
        reading = f"'this {name}': the {name} of the anchor's calendar week (Monday to Sunday)"
        return _Raw(date, date, reading, True)
    if at.ahead:
        date = _on_or_after(anchor, number)
        reading = f"weekday '{name}', looking ahead: the first {name} on or after the anchor"
        return _Raw(date, date, reading, True, forward=date > anchor)
    date = _on_or_before(anchor, number)
    reading = f"weekday '{name}': the latest {name} on or before the anchor"
    return _Raw(date, date, reading, True)


def _week_monday(which: str, anchor: datetime.date) -> tuple[datetime.date, str]:
    offset = _WEEK_WORDS[which]
    described = {
        0: "the anchor's calendar week",
        1: "the calendar week after the anchor's",
        -1: "the calendar week before the anchor's",
        2: "the calendar week after next",
    }[offset]
    return _monday(anchor) + datetime.timedelta(weeks=offset), described


def _weekday_of_week(words: str, anchor: datetime.date, _: _At) -> _Raw | None:
    """ "next week on Friday", "Tuesday next week", "this week Friday", "next week between
    Wednesday and Friday", "two Sundays from now"."""
    if match := (_WEEK_THEN_WEEKDAY_RE.fullmatch(words) or _WEEKDAY_THEN_WEEK_RE.fullmatch(words)):
        monday, described = _week_monday(match["week"], anchor)
        number = _WEEKDAYS[match["weekday"]]
        date = monday + datetime.timedelta(days=number)
        reading = f"the {_WEEKDAY_NAMES[number]} of {described}"
        return _Raw(date, date, reading, True, forward=date > anchor)
    if match := _WEEKDAYS_OF_WEEK_RE.fullmatch(words):
        monday, described = _week_monday(match["week"], anchor)
        first, last = _WEEKDAYS[match["first"]], _WEEKDAYS[match["last"]]
        if last < first:
            raise DateError(
                f"'{words}' runs backwards: {_WEEKDAY_NAMES[last]} comes before "
                f"{_WEEKDAY_NAMES[first]} in a week"
            )
        start, end = (monday + datetime.timedelta(days=n) for n in (first, last))
        reading = f"{_WEEKDAY_NAMES[first]} to {_WEEKDAY_NAMES[last]} of {described}"
        return _Raw(start, end, reading, True, forward=end > anchor)
    if match := _NTH_WEEKDAYS_RE.fullmatch(words):
        count = _cardinal(match["count"]) if match["count"] not in {"a", "an"} else 1
        if not count:
            return None
        number = _WEEKDAYS[match["weekday"]]
        name = _WEEKDAY_NAMES[number]
        if match["how"] == "ago":
            date = anchor + relativedelta(days=-1, weekday=_DATEUTIL_WEEKDAYS[number](-count))
            reading = f"the {_ordinal(count)} {name} before the anchor"
            return _Raw(date, date, reading, True)
        date = anchor + relativedelta(days=+1, weekday=_DATEUTIL_WEEKDAYS[number](+count))
        reading = f"the {_ordinal(count)} {name} after the anchor"
        return _Raw(date, date, reading, True, forward=True)
    return None


def _relative_day(words: str, anchor: datetime.date, _: _At) -> _Raw | None:
    """ "today", "yesterday", "tomorrow", "last night", "the day before yesterday"."""
    one = datetime.timedelta(days=1)
    match = re.fullmatch(rf"(?P<word>today|yesterday|tomorrow){_TIME_OF_DAY}", words)
    if match:
        word = match["word"]
        if word == "tomorrow":
            return _Raw(
                anchor + one, anchor + one, "'tomorrow': the day after the anchor", True, True
            )
        if word == "yesterday":
            return _Raw(anchor - one, anchor - one, "'yesterday': the day before the anchor", True)
        return _Raw(anchor, anchor, "'today': the anchor itself", True)
    if words in {
        "this morning",
        "this afternoon",
        "this evening",
        "tonight",
        "this day",
        "earlier today",
        "later today",
        "now",
        "right now",
    }:
        return _Raw(anchor, anchor, f"'{words}': the anchor itself", True)
    if words in {"last night", "overnight"}:
        reading = f"'{words}': the night before the anchor, so that day and the anchor"
        return _Raw(anchor - one, anchor, reading, True)
    if words == "the day before yesterday":
        return _Raw(
            anchor - 2 * one, anchor - 2 * one, f"'{words}': two days before the anchor", True
        )
    if words == "the day after tomorrow":
        day = anchor + 2 * one
        return _Raw(day, day, f"'{words}': two days after the anchor", True, forward=True)
    return None


_WEEKEND_RE: Final = re.compile(
    r"(?P<which>over the |at the |the |this past |the past |this |last |the previous |previous "
    r"|next |the coming |coming |the )?weekend(?P<after> after (?:the )?next)?"
)


def _weekend(words: str, anchor: datetime.date, at: _At) -> _Raw | None:
    """ "over the weekend", "this weekend", "last weekend", "next weekend"."""
    match = _WEEKEND_RE.fullmatch(words)
    if match is None:
        return None
    which = (match["which"] or "").strip()
    saturday = _monday(anchor) + datetime.timedelta(days=5)
    one = datetime.timedelta(days=1)
    if match["after"]:
        if which not in {"the", ""}:
            return None
        start = saturday + datetime.timedelta(weeks=2)
        reading = "'the weekend after next': the weekend of the calendar week after next"
        return _Raw(start, start + one, reading, True, forward=True)
    if which == "this":
        if at.ahead or saturday <= anchor:
            reading = "'this weekend': the Saturday and Sunday of the anchor's calendar week"
            return _Raw(saturday, saturday + one, reading, True)
        before = saturday - datetime.timedelta(weeks=1)
        reading = (
            "'this weekend' in a report of a weekday: the weekend just past or the one to come; "
            "said of what happened, the one just past"
        )
        return _Raw(before, before + one, reading, True)
    if which in {"last", "the previous", "previous"}:
        start = saturday - datetime.timedelta(weeks=1)
        reading = f"'{which} weekend': the weekend of the calendar week before the anchor's"
        return _Raw(start, start + one, reading, True)
    if which in {"next", "the coming", "coming"}:
        first = _on_or_after(anchor, 5, strictly=True)
        weeks = saturday + datetime.timedelta(weeks=1)
        if which != "next" or first == weeks:
            reading = f"'{which} weekend': the first weekend after the anchor"
            return _Raw(first, first + one, reading, True, forward=True)
        reading = (
            "'next weekend': either the first weekend after the anchor or the one of the calendar "
            "week after the anchor's, so both and the days between"
        )
        return _Raw(first, weeks + one, reading, True, forward=True)
    if at.ahead:
        start = _on_or_after(anchor - datetime.timedelta(days=1), 5)
        reading = (
            f"'{words}', looking ahead: the first Saturday and Sunday that end on or after the "
            "anchor"
        )
        return _Raw(start, start + one, reading, True, forward=start + one > anchor)
    start = _on_or_before(anchor, 5)
    reading = f"'{words}': the latest Saturday and Sunday that began on or before the anchor"
    return _Raw(start, start + one, reading, True)


# -- months, years and longer periods --------------------------------------------------------

_NAMED_MONTH_RE: Final = re.compile(rf"{_MONTH}(?:,?\s*(?:of )?(?P<year>.+))?")
_YEAR_MONTH_RE: Final = re.compile(rf"(?P<year>\d{{4}}),?\s*{_MONTH}")
_WHICH_MONTH_RE: Final = re.compile(rf"(?P<which>last|this|next) {_MONTH}")
_YEAR_RE: Final = re.compile(r"(?:(?:the )?year )?(?P<year>\d{4})|(?:the )?year (?P<short>\d{1,3})")
_RELATIVE_YEARS: Final[dict[str, int]] = _relative("year", _SPOKEN, _AFTER_NEXT, {"the {}": 0})
_RELATIVE_MONTHS: Final[dict[str, int]] = _relative("month", _SPOKEN, _AFTER_NEXT, {"the {}": 0})
_RELATIVE_WEEKS: Final[dict[str, int]] = {**_WEEK_WORDS, "the week": 0}
_REST_RE: Final = re.compile(
    r"(?:(?:the )?rest (?:of )?(?:the |this |current |the current )?|later (?:this|in the) )"
    r"(?P<unit>week|month|year)"
)
_EARLIER_RE: Final = re.compile(r"earlier (?:this|in the) (?P<unit>week|month|year)")
_QUARTER_WORDS: Final[dict[str, int]] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
}
_QUARTER_RE: Final = re.compile(
    rf"(?:(?P<before>\d{{4}}),? ?)?(?:the )?(?:q(?P<q>[1-4])|"
    rf"(?P<qword>{_alternatives(_QUARTER_WORDS)}) quarter)"
    r"(?:,? (?:of )?(?P<after>.+))?"
)
_HALF_RE: Final = re.compile(
    r"(?:(?P<before>\d{4}),? ?)?(?:the )?(?:h(?P<h>[12])|(?P<hword>first|second|1st|2nd) half)"
    r"(?:,? (?:of )?(?P<after>.+))?"
)
_RELATIVE_QUARTERS: Final[dict[str, int]] = _relative(
    "quarter", {"the last {}": -1, "previous {}": -1, "the next {}": 1, "the coming {}": 1}
)
_DECADE_WORDS: Final[dict[str, int]] = {
    "tens": 10,
    "twenties": 20,
    "thirties": 30,
    "forties": 40,
    "fifties": 50,
    "sixties": 60,
    "seventies": 70,
    "eighties": 80,
    "nineties": 90,
}
_CENTURY_WORDS: Final[dict[str, int]] = {
    "eighteen": 1800,
    "nineteen": 1900,
    "twenty": 2000,
    "two thousand and": 2000,
    "two thousand": 2000,
}
_DECADE_DIGITS_RE: Final = re.compile(r"(?:the )?(?P<decade>\d{3}0)'?s")
_DECADE_SHORT_RE: Final = re.compile(r"(?:the )?'?(?P<decade>\d0)'?s")
_DECADE_WORD_RE: Final = re.compile(
    rf"(?:the )?(?:(?P<century>{_alternatives(_CENTURY_WORDS)})[ -])?"
    rf"(?P<word>{_alternatives(_DECADE_WORDS)})"
)
_RELATIVE_DECADES: Final[dict[str, int]] = _relative(
    "decade", {"previous {}": -1, "the next {}": 1, "the coming {}": 1}
)
_CENTURY_RE: Final = re.compile(
    rf"(?:the )?(?P<n>\d{{1,2}}(?:st|nd|rd|th)|{_alternatives(_DAY_WORDS)}) century"
)
_RELATIVE_CENTURIES: Final[dict[str, int]] = _relative(
    "century", {"the last {}": -1, "the next {}": 1}
)


@attrs.frozen
class _Period:
    """A period named by its unit, before a part of it is taken."""

    start: datetime.date
    end: datetime.date
    unit: str
    what: str
    relative: bool
    yearless: bool = False
    """Named without a year: the latest such period whose part began on or before the anchor."""
    forward: bool = False


def _split(
    unit: str, start: datetime.date, end: datetime.date, part: int
) -> tuple[datetime.date, datetime.date] | None:
    """Part `part` (0 early, 1 mid, 2 late) of a period."""
    if unit == "month":
        low, high = ((1, 10), (11, 20), (21, None))[part]
        return start.replace(day=low), end if high is None else start.replace(day=high)
    if unit == "year":
        low, high = ((1, 4), (5, 8), (9, 12))[part]
        first = start.replace(month=low)
        return first, _month_end(start.replace(month=high))
    if unit == "week":
        low, high = ((0, 2), (1, 4), (3, 6))[part]
        return start + datetime.timedelta(days=low), start + datetime.timedelta(days=high)
    if unit in {"decade", "century"}:
        length = 10 if unit == "decade" else 100
        third = length // 3
        low, high = ((0, third), (third, 2 * third), (2 * third, length - 1))[part]
        return start.replace(year=start.year + low), datetime.date(start.year + high, 12, 31)
    return None


def _named_period(words: str, anchor: datetime.date, at: _At) -> _Period | None:
    """A month, a year, a week, a quarter, a half, a decade or a century, whole."""
    if match := _NAMED_MONTH_RE.fullmatch(words):
        number = _MONTHS[match["month"]]
        name, year_words = _MONTH_NAMES[number - 1], match["year"]
        if year_words is None:
            first = datetime.date(anchor.year, number, 1)
            what = (
                f"month '{name}' without a year: the latest {name} whose {{part}}began on or "
                "before the anchor"
            )
            return _Period(first, _month_end(first), "month", what, True, yearless=True)
        if year_words in _RELATIVE_YEARS:
            offset = _RELATIVE_YEARS[year_words]
            first = datetime.date(anchor.year + offset, number, 1)
            which = {
                0: "the anchor's year",
                -1: "the year before the anchor's",
                1: "the year after the anchor's",
            }.get(offset, "the year after next")
            return _Period(
                first, _month_end(first), "month", f"'{name} {year_words}': {name} of {which}", True
            )
        year = _year_value(year_words)
        if year is None:
            return None
        first = _day(year, number, 1, at.wording)
        return _Period(first, _month_end(first), "month", f"the month {name} {year}", False)
    if match := _YEAR_MONTH_RE.fullmatch(words):
        number = _MONTHS[match["month"]]
        first = _day(int(match["year"]), number, 1, at.wording)
        return _Period(
            first,
            _month_end(first),
            "month",
            f"the month {_MONTH_NAMES[number - 1]} {first.year}",
            False,
        )
    if match := _WHICH_MONTH_RE.fullmatch(words):
        number = _MONTHS[match["month"]]
        name = _MONTH_NAMES[number - 1]
        first = datetime.date(anchor.year, number, 1)
        if match["which"] == "last":
            if number >= anchor.month:
                first -= relativedelta(years=1)
            rule = f"'last {name}': the latest {name} that ended before the anchor's month"
        elif match["which"] == "next":
            if number <= anchor.month:
                first += relativedelta(years=1)
            rule = f"'next {name}': the first {name} after the anchor's month"
        else:
            rule = f"'this {name}': {name} of the anchor's year"
        return _Period(first, _month_end(first), "month", rule, True)
    if match := (_YM_RE.fullmatch(words) or _MY_RE.fullmatch(words)):
        first = _day(int(match["year"]), int(match["month"]), 1, at.wording)
        iso = re.fullmatch(r"\d{4}-\d{2}", words) is not None
        return _Period(
            first,
            _month_end(first),
            "month",
            "ISO month" if iso else f"numeric month {_MONTH_NAMES[first.month - 1]} {first.year}",
            False,
        )
    this_month = datetime.date(anchor.year, anchor.month, 1)
    if words in _RELATIVE_MONTHS:
        offset = _RELATIVE_MONTHS[words]
        first = this_month + relativedelta(months=offset)
        what = {
            0: "the anchor's calendar month",
            -1: "the calendar month before the anchor's",
            1: "the calendar month after the anchor's",
        }.get(offset, "the calendar month after next")
        return _Period(
            first, _month_end(first), "month", f"'{words}': {what}", True, forward=offset > 0
        )
    if match := _YEAR_RE.fullmatch(words):
        year = int(match["year"] or match["short"])
        if year < datetime.MINYEAR:
            raise DateError(f"'{at.wording}' is not a real date: there is no year {year}")
        return _Period(
            datetime.date(year, 1, 1),
            datetime.date(year, 12, 31),
            "year",
            f"the year {year}",
            False,
        )
    if (year := _standalone_year_words(words)) is not None:
        return _Period(
            datetime.date(year, 1, 1),
            datetime.date(year, 12, 31),
            "year",
            f"the year {year}, in words",
            False,
        )
    if words in _RELATIVE_YEARS:
        offset = _RELATIVE_YEARS[words]
        year = anchor.year + offset
        what = {
            0: "the anchor's calendar year",
            -1: "the calendar year before the anchor's",
            1: "the calendar year after the anchor's",
        }.get(offset, "the calendar year after next")
        return _Period(
            datetime.date(year, 1, 1),
            datetime.date(year, 12, 31),
            "year",
            f"'{words}': {what}",
            True,
            forward=offset > 0,
        )
    if words in _RELATIVE_WEEKS:
        monday, described = _week_monday("this week" if words == "the week" else words, anchor)
        return _Period(
            monday,
            monday + datetime.timedelta(days=6),
            "week",
            f"'{words}': {described}, Monday to Sunday",
            True,
            forward=monday > anchor,
        )
    if match := _QUARTER_RE.fullmatch(words):
        number = int(match["q"]) if match["q"] else _QUARTER_WORDS[match["qword"]]
        return _quarter_or_half(match, number, 3, f"Q{number}", anchor, at)
    if match := _HALF_RE.fullmatch(words):
        number = int(match["h"]) if match["h"] else (1 if match["hword"] in {"first", "1st"} else 2)
        return _quarter_or_half(match, number, 6, f"H{number}", anchor, at)
    if words in _RELATIVE_QUARTERS:
        offset = _RELATIVE_QUARTERS[words]
        first = datetime.date(anchor.year, 3 * ((anchor.month - 1) // 3) + 1, 1) + relativedelta(
            months=3 * offset
        )
        return _Period(
            first,
            _month_end(first + relativedelta(months=2)),
            "quarter",
            f"'{words}': calendar quarter {offset:+d} from the anchor's",
            True,
            forward=offset > 0,
        )
    decade = _decade(words, anchor)
    if decade is not None:
        return decade
    if match := _CENTURY_RE.fullmatch(words):
        token = match["n"]
        n = _DAY_WORDS.get(token) or int(re.sub(r"\D", "", token))
        if n < 1:
            return None
        start = datetime.date(max(1, (n - 1) * 100), 1, 1)
        return _Period(
            start,
            datetime.date((n - 1) * 100 + 99, 12, 31),
            "century",
            f"the {_ordinal(n)} century, years {(n - 1) * 100}–{(n - 1) * 100 + 99}",
            False,
        )
    if words in _RELATIVE_CENTURIES:
        offset = _RELATIVE_CENTURIES[words]
        first_year = anchor.year - anchor.year % 100 + 100 * offset
        return _Period(
            datetime.date(max(1, first_year), 1, 1),
            datetime.date(first_year + 99, 12, 31),
            "century",
            f"'{words}': the years {first_year}–{first_year + 99}",
            True,
            forward=offset > 0,
        )
    return None


def _standalone_year_words(words: str) -> int | None:
    """A year written alone in words ("nineteen twenty eight"), or after "year" ("year two
    hundred and sixty seven"); a bare small number is never a year."""
    if match := re.fullmatch(r"(?:the )?year (?P<n>.+)", words):
        return _cardinal(match["n"]) or None
    if not re.fullmatch(r"[a-z -]+", words):
        return None
    return _year_words(words)


def _quarter_or_half(
    match: re.Match[str], number: int, months: int, name: str, anchor: datetime.date, at: _At
) -> _Period | None:
    before, after = match["before"], match["after"]
    first_month = months * (number - 1) + 1
    label = "quarter" if months == 3 else "half"

    def period(first: datetime.date, what: str, relative: bool) -> _Period:
        last = _month_end(first + relativedelta(months=months - 1))
        return _Period(first, last, label, what, relative)

    if before and after:
        return None
    year = int(before) if before else _year_value(after) if after else None
    if year is not None:
        return period(_day(year, first_month, 1, at.wording), f"{name} {year}", False)
    if after:
        if after not in _RELATIVE_YEARS:
            return None
        year = anchor.year + _RELATIVE_YEARS[after]
        return period(datetime.date(year, first_month, 1), f"'{name} {after}': {name} {year}", True)
    first = datetime.date(anchor.year, first_month, 1)
    if first > anchor and not at.ahead:
        first -= relativedelta(years=1)
    what = f"{name} without a year: the latest {name} that began on or before the anchor"
    return period(first, what, True)


def _decade(words: str, anchor: datetime.date) -> _Period | None:
    def period(first_year: int, what: str, relative: bool) -> _Period:
        return _Period(
            datetime.date(max(1, first_year), 1, 1),
            datetime.date(first_year + 9, 12, 31),
            "decade",
            what,
            relative,
        )

    def latest(digits: int, said: str) -> _Period:
        first_year = anchor.year - anchor.year % 100 + digits
        if first_year > anchor.year:
            first_year -= 100
        return period(
            first_year,
            f"the decade '{said}' without a century: the latest {first_year}s begun by the anchor",
            True,
        )

    if match := _DECADE_DIGITS_RE.fullmatch(words):
        first_year = int(match["decade"])
        return period(first_year, f"the decade {first_year}–{first_year + 9}", False)
    if match := _DECADE_SHORT_RE.fullmatch(words):
        return latest(int(match["decade"]), words)
    if words in {"the noughties", "noughties", "the two thousands", "the 2000s"}:
        return period(2000, f"'{words}': the decade 2000–2009", False)
    if match := _DECADE_WORD_RE.fullmatch(words):
        digits = _DECADE_WORDS[match["word"]]
        if match["century"]:
            first_year = _CENTURY_WORDS[match["century"]] + digits
            return period(first_year, f"the decade {first_year}–{first_year + 9}, in words", False)
        if digits == 10:
            return None  # "the tens" alone is not a decade anyone names
        return latest(digits, words)
    if words in _RELATIVE_DECADES:
        offset = _RELATIVE_DECADES[words]
        first_year = anchor.year - anchor.year % 10 + 10 * offset
        what = f"'{words}': the calendar decade {first_year}–{first_year + 9}"
        return attrs.evolve(period(first_year, what, True), forward=offset > 0)
    return None


def _period(words: str, anchor: datetime.date, at: _At, part: int | None = None) -> _Raw | None:
    """A period whole, or one of its parts (`part` 0, 1, 2: early, mid, late)."""
    rest = _REST_RE.fullmatch(words)
    if rest and part is None:
        unit = rest["unit"]
        whole = _named_period(f"this {unit}", anchor, at)
        assert whole is not None
        reading = f"'{words}': from the anchor to the end of its calendar {unit}"
        return _Raw(anchor, whole.end, reading, True, forward=True)
    earlier = _EARLIER_RE.fullmatch(words)
    if earlier and part is None:
        unit = earlier["unit"]
        whole = _named_period(f"this {unit}", anchor, at)
        assert whole is not None
        reading = f"'{words}': from the start of the anchor's calendar {unit} to the anchor"
        return _Raw(whole.start, anchor, reading, True)
    period = _named_period(words, anchor, at)
    if period is None or (part is None and words in {"the week", "the month", "the year"}):
        return None
    if part is None:
        if period.yearless and period.start > anchor:
            period = _a_year_earlier(period)
        what = period.what.replace("{part}", "month ")
        return _Raw(period.start, period.end, what, period.relative, period.forward)
    split = _split(period.unit, period.start, period.end, part)
    if split is None:
        return None
    if period.yearless and split[0] > anchor and not at.ahead:
        period = _a_year_earlier(period)
        split = _split(period.unit, period.start, period.end, part)
        assert split is not None
    start, end = split
    name = _PART_NAMES[period.unit][part]
    what = period.what.replace("{part}", "third ")
    return _Raw(start, end, f"{name} of {what}", period.relative, period.forward)


def _a_year_earlier(period: _Period) -> _Period:
    first = period.start.replace(year=period.start.year - 1)
    return attrs.evolve(period, start=first, end=_month_end(first))


_PART_RE: Final = re.compile(
    r"(?:(?:the )?(?P<noun>beginning|start|middle|end) of |(?:the )?(?P<adjective>early|mid|"
    r"late)(?:[- ]|(?=\d))"
    r"(?:in )?)(?P<rest>.+)"
)


def _part(words: str, anchor: datetime.date, at: _At) -> _Raw | None:
    """ "the beginning of February", "mid-February", "late last year", "early next week"."""
    match = _PART_RE.fullmatch(words)
    if match is None:
        return None
    part = _PART_WORDS[match["noun"] or match["adjective"]]
    return _period(match["rest"], anchor, at, part)


def _whole_period(words: str, anchor: datetime.date, at: _At) -> _Raw | None:
    return _period(words, anchor, at)


# -- weeks of months and years ---------------------------------------------------------------

_WEEK_OF_RE: Final = re.compile(
    rf"(?:the )?(?P<n>{_alternatives(_ORDINALS)}) week (?:of |in )?(?P<rest>.+)"
)
_ISO_WEEK_RE: Final = re.compile(r"(?:the )?week (?P<n>\d{1,2})(?:,? (?:of )?(?P<year>\d{4}))?")
_WEEK_CONTAINING_RE: Final = re.compile(r"(?:the )?(?P<what>week|month) of (?P<rest>.+)")
_WEEK_FROM_RE: Final = re.compile(
    r"(?:the week (?:commencing|starting|beginning)(?: on| from)?|w/c) (?P<rest>.+)"
)


def _week_of(words: str, anchor: datetime.date, at: _At) -> _Raw | None:
    """ "the first week of February", "the last week of 2015", "week 10", "the week of the
    18th", "the week commencing February 4"."""
    if match := _WEEK_OF_RE.fullmatch(words):
        period = _named_period(match["rest"], anchor, at)
        if period is None or period.unit not in {"month", "year"}:
            return None
        if period.yearless and not at.ahead and period.start > anchor:
            first = period.start - relativedelta(years=1)
            period = attrs.evolve(period, start=first, end=_month_end(first))
        n = _ORDINALS[match["n"]]
        start, end = _nth_week(period.start, period.end, n)
        which = "last" if n == -1 else _ORDINAL_WORDS_BY_NUMBER[n]
        what = period.what.replace("{part}", "month ")
        reading = (
            f"the {which} week of {what}: both its {which} seven days and its {which} Monday-to-"
            "Sunday week with four or more of its days, from the earlier start to the later end"
        )
        return _Raw(start, end, reading, period.relative, period.forward)
    if match := _ISO_WEEK_RE.fullmatch(words):
        n = int(match["n"])
        year = int(match["year"]) if match["year"] else anchor.isocalendar()[0]
        try:
            monday = datetime.date.fromisocalendar(year, n, 1)
        except ValueError:
            raise DateError(
                f"'{at.wording}' is not a real date: {year} has no ISO week {n}"
            ) from None
        reading = f"ISO week {n} of {year}" + ("" if match["year"] else ", the anchor's year")
        return _Raw(monday, monday + datetime.timedelta(days=6), reading, not match["year"])
    if match := _WEEK_FROM_RE.fullmatch(words):
        inner = _side(match["rest"], anchor, at)
        if inner is None:
            return None
        end = inner.start + datetime.timedelta(days=6)
        reading = f"the seven days from {inner.reading}"
        return _Raw(
            inner.start, end, reading, inner.relative, inner.looks_ahead(anchor) or end > anchor
        )
    if match := _WEEK_CONTAINING_RE.fullmatch(words):
        inner = _side(match["rest"], anchor, at)
        if inner is None or inner.start != inner.end:
            return None
        if match["what"] == "week":
            start = _monday(inner.start)
            end = start + datetime.timedelta(days=6)
        else:
            start = inner.start.replace(day=1)
            end = _month_end(start)
        reading = f"the calendar {match['what']} of {inner.reading}"
        return _Raw(start, end, reading, inner.relative, inner.looks_ahead(anchor))
    return None


_ORDINAL_WORDS_BY_NUMBER: Final = {n: w for w, n in _ORDINAL_WORDS.items()}


def _nth_week(
    first: datetime.date, last: datetime.date, n: int
) -> tuple[datetime.date, datetime.date]:
    """The n-th (or, for -1, the last) week of a month or year, read both ways."""
    week = datetime.timedelta(weeks=1)
    if n == -1:
        days = (last - datetime.timedelta(days=6), last)
        thursday = last - datetime.timedelta(days=(last.weekday() - 3) % 7)
    else:
        days = (first + (n - 1) * week, first + (n - 1) * week + datetime.timedelta(days=6))
        thursday = first + datetime.timedelta(days=(3 - first.weekday()) % 7) + (n - 1) * week
    monday = thursday - datetime.timedelta(days=3)
    return min(days[0], monday), max(days[1], monday + datetime.timedelta(days=6))


_NTH_WEEKDAY_RE: Final = re.compile(
    rf"(?:the )?(?P<n>{_alternatives(_ORDINALS)}) {_WEEKDAY}(?: (?:of|in) (?P<rest>.+))?"
)


def _nth_weekday(words: str, anchor: datetime.date, at: _At) -> _Raw | None:
    """ "the first Friday of July", "the second Monday of next month", "third Tuesday"."""
    match = _NTH_WEEKDAY_RE.fullmatch(words)
    if match is None:
        return None
    n, number = _ORDINALS[match["n"]], _WEEKDAYS[match["weekday"]]
    name = _WEEKDAY_NAMES[number]
    which = "last" if n == -1 else _ORDINAL_WORDS_BY_NUMBER[n]

    def in_month(first: datetime.date) -> datetime.date | None:
        if n == -1:
            day = _month_end(first) + relativedelta(weekday=_DATEUTIL_WEEKDAYS[number](-1))
        else:
            day = first + relativedelta(weekday=_DATEUTIL_WEEKDAYS[number](+n))
        return day if day.month == first.month else None

    if match["rest"] is None:
        first, step, scope = datetime.date(anchor.year, anchor.month, 1), 1, "month"
    else:
        period = _named_period(match["rest"], anchor, at)
        if period is None or period.unit != "month":
            return None
        if not period.yearless:
            day = in_month(period.start)
            if day is None:
                raise DateError(
                    f"'{at.wording}' is not a real date: {_MONTH_NAMES[period.start.month - 1]} "
                    f"{period.start.year} has no {which} {name}"
                )
            what = period.what.replace("{part}", "month ")
            return _Raw(day, day, f"the {which} {name} of {what}", period.relative, day > anchor)
        first, step, scope = period.start, 12, _MONTH_NAMES[period.start.month - 1]
    # Without a year (or a month): the latest such day on or before the anchor, in the
    # anchor's month or the one before (in this year's month or last year's).
    for _ in range(2):
        day = in_month(first)
        if day is not None and day <= anchor:
            reading = f"the {which} {name} of a {scope}: the latest on or before the anchor"
            return _Raw(day, day, reading, True)
        first -= relativedelta(months=step)
    raise DateError(
        f"'{at.wording}' is not a real date: no {which} {name} of a {scope} falls in the "
        f"{'two months' if step == 1 else 'year'} up to the report date {anchor.isoformat()}"
    )


# -- counted from the report -----------------------------------------------------------------


@attrs.frozen
class _Amount:
    """A count of units: "two weeks", "1 month and 21 days", "a few days", "weeks"."""

    low: _Delta
    """The least it may be."""
    high: _Delta
    """The most it may be (the same as `low` for an exact count)."""
    unit: str
    """The smallest unit named."""
    said: str
    vague: bool
    count: int | None = None
    """The number of units, when one unit is counted exactly."""

    @property
    def margin(self) -> tuple[_Delta, str]:
        return ((0, 0, 0), "") if self.vague else _MARGINS[self.unit]


_AMOUNT_PART_RE: Final = re.compile(
    rf"(?:(?P<count>{_COUNT})\s*)?(?P<unit>{_UNIT})(?P<plural>s)?\b"
)
_UNIT_ORDER: Final = ("hour", "business day", "day", "week", "fortnight", "month", "year", "decade")


def _amount(text: str) -> _Amount | None:
    """A count of units ("two weeks", "2 years 1 month 21 days", "a few days"), or None."""
    pos, parts = 0, []
    text = text.strip()
    while pos < len(text):
        match = _AMOUNT_PART_RE.match(text, pos)
        if match is None:
            return None
        parts.append(match)
        pos = match.end()
        if separator := re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s+").match(text, pos):
            pos = separator.end()
    if not parts:
        return None
    low, high = (0, 0, 0), (0, 0, 0)
    units, said = [], []
    vague = False
    count_of: int | None = None
    for match in parts:
        unit = "business day" if match["unit"] == "working day" else match["unit"]
        units.append(unit)
        word = match["count"]
        if word in _VAGUE_COUNTS or (word is None and match["plural"]):
            if len(parts) > 1:
                return None
            least, most = _VAGUE_COUNTS[word] if word else _PLURAL_COUNTS[unit]
            vague = True
            said.append(f"{word} {unit}s" if word else f"{unit}s")
        else:
            number = 1 if word is None or word in {"a", "an"} else _cardinal(word)
            if number is None or number < 1:
                return None
            least = most = number
            count_of = None if word is None else number  # "the past week": no count
            plural = "s" if number != 1 else ""
            said.append(f"{word} {unit}{plural}" if word else unit)
        if unit == "hour":
            low = _sum(low, (0, 0, least // 24))
            high = _sum(high, (0, 0, math.ceil(most / 24)))
        else:
            years, months, days = _UNITS[unit]
            low = _sum(low, (years * least, months * least, days * least))
            high = _sum(high, (years * most, months * most, days * most))
    smallest = min(units, key=_UNIT_ORDER.index)
    if "business day" in units and len(units) > 1:
        return None
    if smallest == "hour" and not vague:
        vague = low != high  # a part of a day: either of two days
    return _Amount(
        low, high, smallest, " ".join(said), vague, count_of if len(parts) == 1 else None
    )


def _business_days(day: datetime.date, count: int, step: int) -> datetime.date:
    while count:
        day += datetime.timedelta(days=step)
        if day.weekday() < 5:
            count -= 1
    return day


def _counted_day(
    reference: datetime.date, amount: _Amount, sign: int
) -> tuple[datetime.date, datetime.date]:
    """The days `amount` away from `reference` (forward for `sign` 1), with their margin."""
    if amount.unit == "business day" and amount.count is not None:
        day = _business_days(reference, amount.count, sign)
        return day, day
    margin = amount.margin[0]
    if sign > 0:
        return _plus(reference, _sum(amount.low, margin, -1)), _plus(
            reference, _sum(amount.high, margin)
        )
    return _plus(reference, _sum(amount.high, margin), -1), _plus(
        reference, _sum(amount.low, margin, -1), -1
    )


_REFERENCES: Final = {
    "today": 0,
    "now": 0,
    "tomorrow": 1,
    "yesterday": -1,
}
_AGO_RE: Final = re.compile(r"(?P<amount>.+?) (?P<how>ago|back)")
_AHEAD_RE: Final = re.compile(
    r"(?P<amount>.+?) (?P<how>from now|hence|in the future|later than today|from today)"
)
_FROM_RE: Final = re.compile(
    r"(?P<amount>.+?) (?P<how>from|after|before) (?P<reference>today|tomorrow|yesterday|now)"
)
_BOUNDED_RE: Final = re.compile(
    r"(?P<how>more than|less than|within|under|over) (?P<amount>.+?) "
    r"(?P<direction>from|after|before) (?P<reference>today|tomorrow|yesterday|now)"
)
_WITHIN_RE: Final = re.compile(r"within (?:the )?(?:next |upcoming |coming )?(?P<amount>.+)")
_NEXT_RE: Final = re.compile(r"(?:the )?(?:next|coming|upcoming) (?P<amount>.+)")
_ROLLING_RE: Final = re.compile(
    r"(?:over |within |for )?(?:the )?(?:past|last|previous|recent) (?P<amount>.+)"
)
_COUNTED_NOT_ROLLING_RE: Final = re.compile(
    r"(?:the )?(?:previous|preceding) (?:day|morning|night|evening|week|weekend|month|year)"
)
""""The previous day" is the day before another event, not the day before the report."""
_RECENT_RE: Final = re.compile(r"recent (?P<unit>hour|day|week|month|year|decade)s")
_FOR_FROM_RE: Final = re.compile(
    r"(?:for )?(?P<amount>.+?),? (?:starting from|starting on|beginning on|beginning from|starting"
    r"|beginning|from) (?P<rest>.+)"
)


def _counted(words: str, anchor: datetime.date, at: _At) -> _Raw | None:
    """A count of units back or ahead from the report: "two days ago", "in two weeks", "two
    days from tomorrow", "within the next 3 days", "more than 2 weeks before today"."""
    one = datetime.timedelta(days=1)
    if (match := _AGO_RE.fullmatch(words)) and (amount := _amount(match["amount"])):
        start, end = _counted_day(anchor, amount, -1)
        return _Raw(start, end, _count_reading(amount, "before", "the anchor"), True)
    if (match := _AHEAD_RE.fullmatch(words)) and (amount := _amount(match["amount"])):
        if match["how"] in {"hence", "in the future"}:
            end = _plus(anchor, amount.high)
            reading = (
                f"the next {amount.said}: from the day after the anchor to {amount.said} after it"
            )
            return _Raw(anchor + one, end, reading, True, forward=True)
        start, end = _counted_day(anchor, amount, +1)
        return _Raw(start, end, _count_reading(amount, "after", "the anchor"), True, forward=True)
    if (match := _FROM_RE.fullmatch(words)) and (amount := _amount(match["amount"])):
        reference = anchor + _REFERENCES[match["reference"]] * one
        sign = -1 if match["how"] == "before" else 1
        start, end = _counted_day(reference, amount, sign)
        where = match["reference"] if match["reference"] != "now" else "the anchor"
        reading = _count_reading(
            amount, "before" if sign < 0 else "after", f"{where} ({reference.isoformat()})"
        )
        return _Raw(start, end, reading, True, forward=end > anchor)
    if (match := _BOUNDED_RE.fullmatch(words)) and (amount := _amount(match["amount"])):
        reference = anchor + _REFERENCES[match["reference"]] * one
        how, back = match["how"], match["direction"] == "before"
        if how in {"more than", "over"}:
            if back:
                end = _plus(reference, amount.low, -1)
                return _Raw(
                    datetime.date.min,
                    end,
                    f"more than {amount.said} before {reference.isoformat()}: any day up to "
                    f"{end.isoformat()}",
                    True,
                )
            start = _plus(reference, amount.low)
            return _Raw(
                start,
                datetime.date.max,
                f"more than {amount.said} after {reference.isoformat()}: any day from "
                f"{start.isoformat()}",
                True,
                forward=True,
            )
        if back:
            start = _plus(reference, amount.high, -1)
            return _Raw(
                start, reference, f"{how} {amount.said} before {reference.isoformat()}", True
            )
        end = _plus(reference, amount.high) - (one if how in {"less than", "under"} else 0 * one)
        return _Raw(
            reference,
            max(reference, end),
            f"{how} {amount.said} after {reference.isoformat()}",
            True,
            forward=True,
        )
    if (match := _WITHIN_RE.fullmatch(words)) and (amount := _amount(match["amount"])):
        if words.startswith(("within the past", "within the last")):
            return None
        reading = f"'{words}': from the anchor to {amount.said} after it"
        return _Raw(anchor, _plus(anchor, amount.high), reading, True, forward=True)
    if (match := _NEXT_RE.fullmatch(words)) and (amount := _amount(match["amount"])):
        if amount.count is None and not amount.vague and len(amount.said.split()) == 1:
            return None  # "next week": a calendar week, read as a period
        reading = f"the next {amount.said}: from the day after the anchor to {amount.said} after it"
        if amount.unit == "decade" and not amount.vague:
            first_year = anchor.year - anchor.year % 10 + 10
            last = datetime.date(first_year + 10 * (amount.count or 1) - 1, 12, 31)
            reading = f"the next {amount.said}: the calendar decades from {first_year}"
            return _Raw(datetime.date(first_year, 1, 1), last, reading, True, forward=True)
        if amount.vague:
            width, described = _VAGUE_WIDTHS.get(amount.unit, _VAGUE_WIDTHS["day"])
            reading = (
                f"a vague number of coming {amount.unit}s, read generously as the {described} "
                "after the anchor"
            )
            return _Raw(anchor + one, anchor + width, reading, True, forward=True)
        return _Raw(anchor + one, _plus(anchor, amount.high), reading, True, forward=True)
    if match := re.fullmatch(
        r"(?:the )?(?:(?:coming|next few) (?P<unit>day|week|month|year)s|"
        r"(?P<ahead>day|week|month|year)s ahead)",
        words,
    ):
        unit = match["unit"] or match["ahead"]
        width, described = _VAGUE_WIDTHS[unit]
        reading = (
            f"a vague number of coming {unit}s, read generously as the {described} after the anchor"
        )
        return _Raw(anchor + one, anchor + width, reading, True, forward=True)
    if (match := _FOR_FROM_RE.fullmatch(words)) and (amount := _amount(match["amount"])):
        inner = _side(match["rest"], anchor, at)
        if inner is None or amount.vague:
            return None
        end = _plus(inner.start, amount.high) - one
        reading = f"{amount.said} from {inner.reading}"
        return _Raw(
            inner.start,
            max(inner.start, end),
            reading,
            inner.relative,
            inner.looks_ahead(anchor) or end > anchor,
        )
    return None


def _count_reading(amount: _Amount, direction: str, reference: str) -> str:
    margin = amount.margin[1]
    if amount.vague:
        return f"a vague count, {amount.said} {direction} {reference}, read generously"
    tail = f", {margin}" if margin else ""
    return f"{amount.said} {direction} {reference}{tail}"


def _rolling(words: str, anchor: datetime.date, _: _At) -> _Raw | None:
    """ "the past two weeks", "over the past few days", "in recent weeks", "the past 24 hours",
    "the last two decades"."""
    match = _ROLLING_RE.fullmatch(words) or _RECENT_RE.fullmatch(words)
    if match is None or _COUNTED_NOT_ROLLING_RE.fullmatch(words):
        return None
    if "unit" in match.groupdict():
        amount = _amount(f"{match['unit']}s")
    else:
        amount = _amount(match["amount"])
    if amount is None:
        return None
    unit = amount.unit
    single = amount.count is None and not amount.vague
    if single and words.startswith(("last ", "previous ")) and unit not in {"day", "hour"}:
        return None  # "last week" is a calendar week, read as a period
    if amount.vague and (amount.count is None or unit != "hour"):
        width, described = _VAGUE_WIDTHS[unit]
        reading = f"a vague number of past {unit}s, read generously as the {described} before"
        return _Raw(anchor - width, anchor, f"{reading} the anchor", True)
    start = _plus(anchor, amount.high, -1)
    if unit == "business day" and amount.count is not None:
        start = _business_days(anchor, amount.count, -1)
    what = amount.said if not single or unit == "hour" else f"1 {unit}"
    reading = f"the past {what}: from {what} before the anchor to the anchor"
    if unit == "decade":
        decades = amount.count or 1
        calendar = datetime.date(anchor.year - anchor.year % 10 - 10 * decades, 1, 1)
        if calendar < start:
            start = calendar
            reading += f", reaching back to the start of the calendar decade {calendar.year}s"
    return _Raw(start, anchor, reading, True)


# -- since, by and ranges --------------------------------------------------------------------


def _since(words: str, anchor: datetime.date, at: _At) -> _Raw | None:
    """ "since December", "since 2011": from the start of what follows to the anchor."""
    if not words.startswith("since "):
        return None
    rest = words.removeprefix("since ")
    inner = _resolve(rest, anchor, at)
    if inner.looks_ahead(anchor):
        raise DateError(
            f"'{at.wording}' starts after the report date {anchor.isoformat()}: "
            "'since' needs a time on or before it"
        )
    reading = f"'since' + {inner.reading} → from its start to the anchor"
    return _Raw(inner.start, anchor, reading, True)


def _by(words: str, anchor: datetime.date, at: _At) -> _Raw | None:
    """ "by 2016": any time up to the end of what follows."""
    if not words.startswith("by "):
        return None
    rest = words.removeprefix("by ")
    inner = _resolve(rest, anchor, at)
    reading = f"'by' + {inner.reading} → any time up to its end"
    return _Raw(datetime.date.min, inner.end, reading, inner.relative, inner.looks_ahead(anchor))


def _side(words: str, anchor: datetime.date, at: _At) -> _Raw | None:
    """One side of a range, or what a "week of" names: any wording but a range."""
    return _read(words, anchor, attrs.evolve(at, in_range=True))


_CONNECTOR_RE: Final = re.compile(r"\s+(?:to|till|til|until|through|thru|and)\s+|\s+-\s+|-")
_BARE_DAY_RE: Final = re.compile(rf"(?:the )?(?P<day>{_DAY_TOKEN})")
_MONTH_FIRST_RANGE_RE: Final = re.compile(
    rf"{_MONTH},?\s+(?:between\s+)?(?P<first>{_DAY_TOKEN})\s*(?:-|to|till|until|through|thru|"
    rf"and)\s*"
    rf"(?P<last>{_DAY_TOKEN})(?:,?\s*(?P<year>.+))?"
)


def _range(words: str, anchor: datetime.date, at: _At) -> _Raw | None:
    """ "27-28 February", "between 26 and 28 February", "from March 3 to March 9", "January
    12, 2016 - 01/22/2016", "2014-2018", "today till tomorrow"."""
    if at.in_range:
        return None
    body = re.sub(r"^(?:from|between) ", "", words)
    if match := _MONTH_FIRST_RANGE_RE.fullmatch(body):
        year = f" {match['year']}" if match["year"] else ""
        return _join(match["first"], f"{match['last']} {match['month']}{year}", anchor, at)
    splits = sorted(
        _CONNECTOR_RE.finditer(body),
        key=lambda m: (m[0].strip() == "-", m[0] == "-", m.start()),
    )
    error: DateError | None = None
    for connector in splits:  # "Monday and Tuesday" too: both days, and any between them
        left, right = body[: connector.start()], body[connector.end() :]
        try:
            raw = _join(left, right, anchor, at)
        except _MismatchError:
            raise
        except DateError as problem:
            error = error or problem
            continue
        if raw is not None:
            return raw
    if error is not None:
        raise error
    return None


def _join(left: str, right: str, anchor: datetime.date, at: _At) -> _Raw | None:
    """The range from `left` to `right`; a side without a month or a year takes the other's."""
    mismatches: list[_MismatchError] = []

    def settle(parts: _Parts) -> _Raw:
        try:
            return _resolve_parts(parts, anchor, at)
        except _MismatchError as problem:
            mismatches.append(problem)
            return problem.raw

    left_parts = _parts(left)
    if left_parts is None and (match := _BARE_DAY_RE.fullmatch(left)):
        left_parts = _Parts(_day_value(match["day"]))
    right_parts = _parts(right)
    if right_parts is None and (match := _BARE_DAY_RE.fullmatch(right)):
        if left_parts is None or left_parts.month is None:
            return None
        right_parts = attrs.evolve(left_parts, day=_day_value(match["day"]), weekday=None)
    if right_parts is not None:
        last = settle(right_parts)
    elif (side := _side(right, anchor, at)) is not None:
        last = side
    else:
        return None
    bare = left_parts is not None and left_parts.month is None and left_parts.month_offset is None
    if left_parts is not None and (bare or left_parts.yearless):
        end = last.start
        if bare:
            filled = attrs.evolve(left_parts, month=end.month, year=end.year)
            how = "takes its month and year from the last"
        else:
            assert left_parts.month is not None
            filled = attrs.evolve(left_parts, year=end.year - (left_parts.month > end.month))
            how = "takes its year from the last"
        first = settle(filled)
        reading = f"a range of days ending with {last.reading}; its first day '{left}' {how}"
    else:
        if left_parts is not None:
            first = settle(left_parts)
        elif (side := _side(left, anchor, at)) is not None:
            first = side
        else:
            return None
        if right_parts is not None and right_parts.yearless and last.end < first.start:
            # "between now and November 15": the first such day after the start.
            assert right_parts.month is not None
            year = first.start.year
            if (right_parts.month, right_parts.day) < (first.start.month, first.start.day):
                year += 1
            last = settle(attrs.evolve(right_parts, year=year))
            last = attrs.evolve(last, reading=f"{last.reading}, the first on or after the start")
        reading = f"a range of days from {first.reading} to {last.reading}"
    if first.start > last.end:
        raise DateError(
            f"'{at.wording}' runs backwards: it starts on {first.start.isoformat()} and ends on "
            f"{last.end.isoformat()}; write the earlier day first"
        )
    relative = first.relative or last.relative
    raw = _Raw(first.start, last.end, reading, relative, last.looks_ahead(anchor))
    if mismatches:
        message = str(mismatches[0])
        raise _MismatchError(message, attrs.evolve(raw, reading=f"{raw.reading}; {message}"))
    return raw


_NIGHT_RE: Final = re.compile(
    r"(?:late )?(?:(?:the )?night of (?P<of>.+)|(?P<before>.+) night(?: into (?P<into>.+))?)"
)


def _night(words: str, anchor: datetime.date, at: _At) -> _Raw | None:
    """A night runs past midnight: "Thursday night", "the night of 24 February" and "Saturday
    night into Sunday" are that day and the next; "overnight into Friday" the day before and
    Friday; a bare "overnight Saturday", which reporters use for either night, both nights."""
    if words in {"last night", "overnight", "tonight"}:
        return None  # relative to the report: `_relative_day`
    if match := _NIGHT_RE.fullmatch(words):
        named = match["of"] or match["before"]
        if named.endswith((" night", " morning", " evening")) or named in {"last", "the"}:
            return None
        day = _single_day(named, anchor, at)
        if day is None:
            return None
        end = day.end + datetime.timedelta(days=1)
        if match["into"] is not None:
            into = _single_day(match["into"], anchor, at)
            if into is None:
                return None
            end = max(end, into.end)
        reading = f"the night of {day.reading}: that day and the early hours of the next"
        return _Raw(day.start, end, reading, day.relative, day.forward)
    if (match := re.fullmatch(r"overnight (?:(?P<first>.+?) )?into (?P<into>.+)", words)) or (
        match := re.fullmatch(r"overnight (?P<named>.+)", words)
    ):
        groups = match.groupdict()
        if (named := groups.get("named")) is not None:
            day = _single_day(named, anchor, at)
            if day is None:
                return None
            start, end = day.start - datetime.timedelta(days=1), day.end + datetime.timedelta(1)
            reading = (f"overnight {day.reading}: the night before it or the night after, so "
                       "the day before, the day and the day after")  # fmt: skip
            return _Raw(start, end, reading, day.relative, day.forward)
        into = _single_day(groups["into"], anchor, at)
        if into is None:
            return None
        first = groups.get("first")
        start_day = _single_day(first, anchor, at) if first else None
        start = into.start - datetime.timedelta(days=1) if start_day is None else start_day.start
        reading = f"overnight into {into.reading}: the night before it, so the day before and it"
        return _Raw(min(start, into.start), into.end, reading, into.relative, into.forward)
    return None


def _single_day(words: str, anchor: datetime.date, at: _At) -> _Raw | None:
    """What `words` name, when it is one day ("Thursday", "24 February"), or None."""
    try:
        raw = _read(_normalise(words), anchor, at)
    except DateError:
        return None
    if raw is None or raw.start != raw.end:
        return None
    return raw


_HANDLERS: Final[tuple[_Handler, ...]] = (
    _night,
    _weekday,
    _relative_day,
    _since,
    _by,
    _calendar_day,
    _numeric,
    _whole_period,
    _part,
    _weekday_of_week,
    _weekend,
    _rolling,
    _counted,
    _week_of,
    _nth_weekday,
    _range,
)


# -- pointing at the word --------------------------------------------------------------------

_CLAIM_RELATIVE_RE: Final = re.compile(
    r"(?:the )?(?:next|following|previous|preceding|same) (?:day|morning|night|evening|week|"
    r"weekend|month|year)|that (?:day|morning|night|evening|week|weekend|month|year)|"
    r"the day (?:after|before)|the eve|later that day|(?:.+ )?(?:later|earlier|afterwards?|"
    r"previously)|.+ (?:after|before|prior|on)"
)
_UNITISH_RE: Final = re.compile(
    rf"(?:(?:the )?(?:past|last|next|coming|previous) |within |in )?(?:{_COUNT}) (?P<word>[a-z]+)"
    r"(?: (?:ago|later|earlier|from now|hence|before|after))?"
)
_KNOWN_WORDS: Final = frozenset(
    {*_MONTHS, *_WEEKDAYS, *_SMALL, *_TENS, *_ORDINAL_WORDS, "the", "of", "and", "a", "an"}
)


def _diagnose(wording: str, anchor: datetime.date, at: _At) -> str:
    """What in an unreadable wording could not be read, or the list of accepted forms (its
    parts are read the way `at` reads the whole)."""
    words = _normalise(wording)
    if not words:
        return _HINT
    if re.fullmatch(r"\d{1,2}", words):
        return (
            f"'{words}' is a bare number: write the day as 'the {_ordinal(int(words))}' or with "
            f"its month ('{words} March')"
        )
    if _CLAIM_RELATIVE_RE.fullmatch(words):
        return (
            "it counts from another claim's date, not the report's: give it relative to that "
            "claim (see docs/format.md)"
        )
    if match := _UNITISH_RE.fullmatch(words):
        word = match["word"]
        if word.rstrip("s") not in _UNIT.split("|") and word not in _KNOWN_WORDS:
            units = ["day", "week", "fortnight", "month", "year", "decade", "hour"]
            close = difflib.get_close_matches(word.rstrip("s"), units, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            return f"'{word}' is not a unit of time (days, weeks, months, years){hint}"
    tokens = wording.split()
    for cut in (1, 2):
        if len(tokens) <= cut:
            break
        for kept, dropped, where in (
            (tokens[cut:], tokens[:cut], "before"),
            (tokens[:-cut], tokens[-cut:], "after"),
        ):
            rest = " ".join(kept)
            try:
                found = _read(_normalise(rest), anchor, attrs.evolve(at, wording=rest))
            except DateError:
                found = None
            if found is not None:
                extra = " ".join(dropped)
                return f"'{extra}' {where} '{rest}' is not part of a date; leave it out"
    beside = re.fullmatch(
        r"(?P<a>[a-z]+)\.? \d{1,2}(?:st|nd|rd|th)?(?:,? \d{4})?|"
        r"\d{1,2}(?:st|nd|rd|th)? (?:of )?(?P<b>[a-z]+)\.?(?:,? \d{4})?",
        words,
    )
    if beside and (token := beside["a"] or beside["b"]) not in _KNOWN_WORDS:
        close = difflib.get_close_matches(token, list(_MONTHS), n=1, cutoff=0.6)
        hint = f"; did you mean '{close[0]}'?" if close else ""
        return f"'{token}' is not a month name{hint}"
    for token in re.findall(r"[a-z]+", words):
        if token in _KNOWN_WORDS or len(token) < 4:
            continue
        close = difflib.get_close_matches(token, [*_MONTHS, *_WEEKDAYS], n=1, cutoff=0.8)
        if close:
            kind = "month" if close[0] in _MONTHS else "weekday"
            return f"'{token}' is not a {kind} name; did you mean '{close[0]}'?"
    return _HINT


# -- counted from another claim --------------------------------------------------------------


@functools.lru_cache(maxsize=1 << 14)
def _parse_relative(text: str, base: DateSpan, after: bool) -> DateSpan:
    words = _normalise(text)
    if (period := _same_period(words, base)) is not None:
        start, end, reading = period
        return DateSpan(start, end, text, None, reading)
    shift = _relative_shift(words)
    if shift is None:
        raise DateError(
            f"cannot read '{text}' as a date counted from another claim: {_RELATIVE_HINT}"
        )
    low, high, direction, said = shift
    if direction is not None and direction != after:
        counts = "forward" if direction else "back"
        other = "after" if after else "before"
        raise DateError(
            f"'{text}' counts {counts}, but it is given as {other} the claim it is counted from "
            f"({base.days}); write {'after' if direction else 'before'} instead"
        )
    sign = 1 if after else -1
    if sign > 0:
        start, end = _plus(base.start, low), _plus(base.end, high)
    else:
        start, end = _plus(base.start, high, -1), _plus(base.end, low, -1)
    if direction is None:
        reading = f"{said} {base.days}"
    else:
        reading = f"{said} {'after' if after else 'before'} {base.days}"
    return DateSpan(start, max(start, end), text, None, reading)


_SAME_PERIOD: Final = re.compile(
    r"(?:(?:later|earlier) )?(?:the )?(?:same|that) (?P<unit>week|"
    r"weekend|month|year)"
)


def _same_period(words: str, base: DateSpan) -> tuple[datetime.date, datetime.date, str] | None:
    """ "the same week", "that month", "that weekend": the calendar week (Monday to Sunday),
    weekend, month or year the base's days fall in — no direction, whichever way it is given."""
    match = _SAME_PERIOD.fullmatch(words)
    if match is None:
        return None
    unit = match["unit"]
    if unit == "week":
        start = base.start + relativedelta(weekday=MO(-1))
        end = base.end + relativedelta(weekday=SU(+1))
    elif unit == "weekend":
        start = base.start + relativedelta(weekday=SA(-1) if base.start.weekday() == 6 else SA)
        end = base.end + relativedelta(weekday=SU(+1))
        end = max(end, start + relativedelta(days=1))
    elif unit == "month":
        start, end = base.start + relativedelta(day=1), base.end + relativedelta(day=31)
    else:
        start = datetime.date(base.start.year, 1, 1)
        end = datetime.date(base.end.year, 12, 31)
    what = "calendar week (Monday to Sunday)" if unit == "week" else unit
    return start, end, f"the {what} of {base.days}"


_SAME_DAYS: Final = frozenset(
    {
        "that day",
        "the same day",
        "same day",
        "that night",
        "that morning",
        "that evening",
        "later that day",
        "earlier that day",
        "the same night",
    }
)
_RELATIVE_UNITS: Final[dict[str, _Delta]] = {
    "day": (0, 0, 1),
    "morning": (0, 0, 1),
    "night": (0, 0, 1),
    "evening": (0, 0, 1),
    "week": (0, 0, 7),
    "month": (0, 1, 0),
    "year": (1, 0, 0),
}
_AFTER_WORDS: Final = ("later", "after", "afterwards", "afterward", "on")
_BEFORE_WORDS: Final = ("earlier", "before", "prior", "previously", "back")


def _relative_shift(words: str) -> tuple[_Delta, _Delta, bool | None, str] | None:
    """How far a claim-relative wording moves its base: least, most, direction (True forward,
    None neither), and how to say it."""
    none = (0, 0, 0)
    if words in _SAME_DAYS:
        return none, none, None, "the same days as"
    if match := re.fullmatch(
        r"(?:the )?(?P<which>next|following|subsequent) (?P<unit>day|morning|night|evening|week|"
        r"month|year)",
        words,
    ):
        unit = _RELATIVE_UNITS[match["unit"]]
        return unit, unit, True, f"the {match['unit']} after, one {match['unit']}"
    if match := re.fullmatch(
        r"(?:the )?(?P<which>previous|preceding|prior) (?P<unit>day|morning|night|evening|week|"
        r"month|year)",
        words,
    ):
        unit = _RELATIVE_UNITS[match["unit"]]
        return unit, unit, False, f"the {match['unit']} before, one {match['unit']}"
    if match := re.fullmatch(
        r"(?:the )?(?P<unit>day|night|morning|evening|week|month|year) (?P<how>after|before)", words
    ):
        unit = _RELATIVE_UNITS[match["unit"]]
        return unit, unit, match["how"] == "after", f"one {match['unit']}"
    if words in {"the eve", "on the eve"}:
        day = _RELATIVE_UNITS["day"]
        return day, day, False, "the day"
    if match := re.fullmatch(
        rf"(?P<amount>.+?) (?P<how>{'|'.join((*_AFTER_WORDS, *_BEFORE_WORDS))})", words
    ):
        amount = _amount(match["amount"])
        if amount is None or amount.unit == "business day":
            return None
        margin, note = amount.margin
        direction = match["how"] in _AFTER_WORDS
        said = amount.said if not note else f"{amount.said} ({note})"
        return _sum(amount.low, margin, -1), _sum(amount.high, margin), direction, said
    return None


# -- the table of wordings -------------------------------------------------------------------


@attrs.frozen
class DateWording:
    """One form the reader knows, with an example a test reads exactly as the row says."""

    group: str
    """The section of docs/dates.md the row belongs to."""
    form: str
    """The form, with *placeholders* in italics."""
    example: str
    anchor: datetime.date
    """The report date the example is read against."""
    days: str
    """What the example reads as (`DateSpan.days`)."""
    why: str
    """The reason for the width, as a fact-checker would quote it."""
    ahead: bool = False
    """Whether the example is read as a plan (`DateSpan.parse(..., ahead=True)`)."""
    numeric: NumericDates | None = None
    """The numeric date order the example is read with."""


def _row(
    group: str,
    form: str,
    example: str,
    anchor: str,
    days: str,
    why: str,
    *,
    ahead: bool = False,
    numeric: NumericDates | None = None,
) -> DateWording:
    return DateWording(
        group, form, example, datetime.date.fromisoformat(anchor), days, why, ahead, numeric
    )


_CALENDAR = "Calendar dates"
_NUMERIC_GROUP = "All-numeric dates"
_PARTS = "Parts of months, years and weeks"
_WEEKDAYS_GROUP = "Weekdays and weekends"
_RELATIVE = "Days, weeks, months and years relative to the report"
_COUNTS = "Counts of time back or ahead"
_STRETCHES = "Stretches of time reaching back or ahead"
_RANGES = "Ranges of days"
_LONG = "Quarters, halves, decades and centuries"
_SINCE = "Since and by"

DATE_WORDINGS: Final[tuple[DateWording, ...]] = (
    # calendar dates
    _row(_CALENDAR, "ISO day *YYYY-MM-DD*", "2020-02-27", "2020-03-03", "2020-02-27", "Exact."),
    _row(
        _CALENDAR,
        "Year",
        "in 2011",
        "2020-03-03",
        "2011-01-01 – 2011-12-31",
        "The whole year: the wording says no more.",
    ),
    _row(
        _CALENDAR,
        "Year in words",
        "nineteen ninety nine",
        "2020-03-03",
        "1999-01-01 – 1999-12-31",
        "As the year in digits.",
    ),
    _row(
        _CALENDAR,
        "Month and year",
        "in April 2019",
        "2020-03-03",
        "2019-04-01 – 2019-04-30",
        "The whole month.",
    ),
    _row(_CALENDAR, "", "2019 April", "2020-03-03", "2019-04-01 – 2019-04-30", ""),
    _row(_CALENDAR, "Day, month and year", "March 2, 2020", "2020-03-03", "2020-03-02", "Exact."),
    _row(_CALENDAR, "", "2 March 2020", "2020-03-03", "2020-03-02", ""),
    _row(
        _CALENDAR,
        "",
        "the second of March, two thousand and twenty",
        "2020-03-03",
        "2020-03-02",
        "Days and years may be written in words.",
    ),
    _row(
        _CALENDAR,
        "Day and month, no year",
        "October 9",
        "2020-02-27",
        "2019-10-09",
        "The latest October 9 on or before the report: a report tells of what has happened. It is "
        "never more than a year back.",
    ),
    _row(
        _CALENDAR,
        "",
        "Jan. 12",
        "2020-03-03",
        "2020-01-12",
        "Month names may be abbreviated, with or without a dot.",
    ),
    _row(
        _CALENDAR,
        "",
        "2nd of March",
        "2020-03-03",
        "2020-03-02",
        "Ordinal endings and 'of' are read.",
    ),
    _row(_CALENDAR, "", "August the second", "2020-09-01", "2020-08-02", ""),
    _row(
        _CALENDAR,
        "",
        "May twenty-first",
        "2020-06-01",
        "2020-05-21",
        "Ordinal and cardinal words from one to thirty-one.",
    ),
    _row(
        _CALENDAR,
        "The *N*th, no month",
        "the 27th",
        "2020-03-03",
        "2020-02-27",
        "The latest 27th on or before the report.",
    ),
    _row(_CALENDAR, "", "on the 3rd", "2020-03-03", "2020-03-03", "The report's own day counts."),
    _row(
        _CALENDAR,
        "The *N*th of this / next / last month",
        "the 20th of last month",
        "2020-03-03",
        "2020-02-20",
        "The month counted from the report's.",
    ),
    _row(
        _CALENDAR,
        "Weekday, date",
        "Monday, March 2",
        "2020-03-03",
        "2020-03-02",
        "The date decides; the weekday is checked (see below).",
    ),
    _row(
        _CALENDAR,
        "Weekday the *N*th",
        "Thursday the 27th",
        "2020-03-03",
        "2020-02-27",
        "The latest 27th, checked to be a Thursday.",
    ),
    _row(
        _CALENDAR,
        "Month without a year",
        "in December",
        "2020-02-27",
        "2019-12-01 – 2019-12-31",
        "The latest December whose first day is on or before the report.",
    ),
    _row(
        _CALENDAR,
        "",
        "December",
        "2019-12-15",
        "2019-12-01 – 2019-12-15",
        "The current month, cut off at the report.",
    ),
    _row(
        _CALENDAR,
        "Month last / this / next year",
        "December last year",
        "2020-02-27",
        "2019-12-01 – 2019-12-31",
        "",
    ),
    _row(
        _CALENDAR,
        "last *month*",
        "last December",
        "2020-02-27",
        "2019-12-01 – 2019-12-31",
        "The latest December that ended before the report's month.",
    ),
    _row(
        _CALENDAR,
        "this *month*",
        "this January",
        "2020-03-03",
        "2020-01-01 – 2020-01-31",
        "The month of the report's year.",
    ),
    _row(
        _CALENDAR,
        "next *month*",
        "next June",
        "2020-03-03",
        "2020-06-01 – 2020-06-30",
        "The first June after the report's month; looks ahead.",
    ),
    # numeric dates
    _row(
        _NUMERIC_GROUP,
        "Year first, any separator",
        "2016/04/21",
        "2020-03-03",
        "2016-04-21",
        "Year, month, day: never ambiguous.",
    ),
    _row(_NUMERIC_GROUP, "", "2019-sep-1", "2020-03-03", "2019-09-01", ""),
    _row(
        _NUMERIC_GROUP,
        "Numeric month",
        "2015/3",
        "2020-03-03",
        "2015-03-01 – 2015-03-31",
        "Year and month, either way round.",
    ),
    _row(_NUMERIC_GROUP, "", "11/2016", "2020-03-03", "2016-11-01 – 2016-11-30", ""),
    _row(
        _NUMERIC_GROUP,
        "Day and month, only day-first",
        "21/04/2016",
        "2020-03-03",
        "2016-04-21",
        "There is no month 21: only day-first is a date.",
    ),
    _row(
        _NUMERIC_GROUP,
        "",
        "21.04.2016",
        "2020-03-03",
        "2016-04-21",
        "Slashes, dots and dashes alike.",
    ),
    _row(
        _NUMERIC_GROUP,
        "Two-digit year",
        "05/05/71",
        "2020-03-03",
        "1971-05-05",
        "The latest year ending in 71 up to ten years after the report.",
    ),
    _row(
        _NUMERIC_GROUP,
        "Ambiguous, no order declared",
        "04/05/2016",
        "2020-03-03",
        "2016-04-05 – 2016-05-04",
        "4 May or 5 April: both and the days between, never a guess.",
    ),
    _row(
        _NUMERIC_GROUP,
        "Ambiguous, day-first declared",
        "04/05/2016",
        "2020-03-03",
        "2016-05-04",
        "The report's declared order (numeric_dates) decides.",
        numeric=NumericDates.DAY_FIRST,
    ),
    _row(
        _NUMERIC_GROUP,
        "Real only month-first",
        "04/21/2016",
        "2020-03-03",
        "2016-04-21",
        "There is no month 21, so it is read month-first and says so; with day-first declared "
        "it is an error.",
    ),
    _row(
        _NUMERIC_GROUP,
        "Day and month, no year",
        "22/04",
        "2020-03-03",
        "2019-04-22",
        "The year is inferred as for 'April 22'.",
    ),
    # parts
    _row(
        _PARTS,
        "early / mid / late *month*",
        "mid-February",
        "2020-02-27",
        "2020-02-11 – 2020-02-20",
        "A month splits into thirds: early is days 1–10, mid 11–20, late 21 to the month's end. "
        "Every day belongs to one part.",
    ),
    _row(
        _PARTS,
        "",
        "early February",
        "2020-02-27",
        "2020-02-01 – 2020-02-10",
        "Thirds are the coarsest split that still tells early from late February; crosscheck "
        "reads a span of eleven days or fewer (the late third of a 31-day month) as one possible "
        "incident.",
    ),
    _row(
        _PARTS,
        "the beginning / start / middle / end of *month*",
        "the end of February",
        "2020-03-03",
        "2020-02-21 – 2020-02-29",
        "'The beginning of' means early, 'the middle of' mid, 'the end of' late; to the month's "
        "real end (a leap year here).",
    ),
    _row(
        _PARTS,
        "part of a month, no year",
        "late March",
        "2020-03-03",
        "2019-03-21 – 2019-03-31",
        "The latest late March that had begun by the report: late March 2020 had not.",
    ),
    _row(
        _PARTS,
        "part of last year's month",
        "as of late December last year",
        "2020-02-27",
        "2019-12-21 – 2019-12-31",
        "",
    ),
    _row(
        _PARTS,
        "part of last / this / next month",
        "late last month",
        "2020-03-03",
        "2020-02-21 – 2020-02-29",
        "",
    ),
    _row(_PARTS, "", "early next month", "2020-03-03", "2020-04-01 – 2020-04-10", "Looks ahead."),
    _row(
        _PARTS,
        "part of a year",
        "early 2019",
        "2020-03-03",
        "2019-01-01 – 2019-04-30",
        "A year splits the same way: early is January–April, mid May–August, late "
        "September–December.",
    ),
    _row(_PARTS, "", "the end of last year", "2020-03-03", "2019-09-01 – 2019-12-31", ""),
    _row(
        _PARTS,
        "",
        "since the start of the year",
        "2020-03-03",
        "2020-01-01 – 2020-03-03",
        "'The year' is the report's.",
    ),
    _row(
        _PARTS,
        "part of a week",
        "late last week",
        "2020-03-04",
        "2020-02-27 – 2020-03-01",
        "Early is Monday–Wednesday, mid Tuesday–Friday, late Thursday–Sunday.",
    ),
    _row(
        _PARTS,
        "the *N*th / last week of *month* or *year*",
        "the first week of February",
        "2020-03-03",
        "2020-02-01 – 2020-02-09",
        "Both the first seven days and the first Monday-to-Sunday week with four or more of the "
        "month's days.",
    ),
    _row(_PARTS, "", "the last week of 2015", "2020-03-03", "2015-12-25 – 2016-01-03", ""),
    _row(
        _PARTS,
        "week *N*",
        "week 10",
        "2020-03-12",
        "2020-03-02 – 2020-03-08",
        "The ISO week of the report's year; looks ahead when it is after the report.",
    ),
    _row(
        _PARTS,
        "the week of *day*",
        "the week of the 18th",
        "2020-03-03",
        "2020-02-17 – 2020-02-23",
        "The Monday-to-Sunday week holding the day.",
    ),
    _row(
        _PARTS,
        "the week commencing *day*",
        "the week commencing February 4",
        "2020-03-03",
        "2020-02-04 – 2020-02-10",
        "Seven days from the day.",
    ),
    # weekdays
    _row(
        _WEEKDAYS_GROUP,
        "*Weekday*",
        "on Wednesday",
        "2020-02-27",
        "2020-02-26",
        "The latest Wednesday on or before the report.",
    ),
    _row(
        _WEEKDAYS_GROUP,
        "",
        "Thursday",
        "2020-02-27",
        "2020-02-27",
        "The report's own day counts: 'on Thursday' in a Thursday report is that day.",
    ),
    _row(
        _WEEKDAYS_GROUP,
        "",
        "Early on Thursday",
        "2020-02-27",
        "2020-02-27",
        "The time of day narrows nothing at day resolution ('before dawn on', 'in the early "
        "hours of', 'midday', 'shortly after midnight on' alike).",
    ),
    _row(
        _WEEKDAYS_GROUP,
        "*day* night · the night of *day* · *day* night into *day*",
        "Tuesday night",
        "2020-02-27",
        "2020-02-25 – 2020-02-26",
        "A night runs past midnight: one outlet dates it by its evening, another by its morning, "
        "so both days.",
    ),
    _row(
        _WEEKDAYS_GROUP,
        "overnight into *day* · overnight *day*",
        "overnight into Wednesday",
        "2020-02-27",
        "2020-02-25 – 2020-02-26",
        "The night before the day named; a bare 'overnight Wednesday' is used for either night, "
        "so it is the day before, the day and the day after.",
    ),
    _row(
        _WEEKDAYS_GROUP,
        "last *weekday*",
        "last Monday",
        "2020-02-27",
        "2020-02-17 – 2020-02-24",
        "Readers differ: the latest Monday before the report, or the Monday of the week before. "
        "The span covers both.",
    ),
    _row(
        _WEEKDAYS_GROUP,
        "",
        "last Sunday",
        "2020-02-24",
        "2020-02-23",
        "Said on a Monday, both readings are yesterday.",
    ),
    _row(
        _WEEKDAYS_GROUP,
        "next *weekday*",
        "next Thursday",
        "2020-03-03",
        "2020-03-05 – 2020-03-12",
        "The first Thursday after the report or the one of next week: both. Looks ahead.",
    ),
    _row(
        _WEEKDAYS_GROUP,
        "this *weekday*",
        "this Friday",
        "2020-03-02",
        "2020-03-06",
        "The Friday of the report's Monday-to-Sunday week; looks ahead here.",
    ),
    _row(
        _WEEKDAYS_GROUP,
        "*weekday* of this / last / next week",
        "Tuesday next week",
        "2020-03-03",
        "2020-03-10",
        "",
    ),
    _row(
        _WEEKDAYS_GROUP,
        "",
        "this week from Tuesday to Thursday",
        "2020-03-03",
        "2020-03-03 – 2020-03-05",
        "A stated last day after the report looks ahead.",
    ),
    _row(
        _WEEKDAYS_GROUP,
        "the *N*th *weekday* of *month*",
        "the first Friday of February",
        "2020-03-03",
        "2020-02-07",
        "",
    ),
    _row(
        _WEEKDAYS_GROUP,
        "over / at the weekend",
        "over the weekend",
        "2020-03-03",
        "2020-02-29 – 2020-03-01",
        "The latest Saturday and Sunday that began by the report.",
    ),
    _row(
        _WEEKDAYS_GROUP,
        "",
        "over the weekend",
        "2020-03-01",
        "2020-02-29 – 2020-03-01",
        "Said on a Sunday: that weekend.",
    ),
    _row(
        _WEEKDAYS_GROUP,
        "this weekend",
        "this weekend",
        "2020-03-03",
        "2020-02-29 – 2020-03-01",
        "Said of what happened in a weekday's report, the weekend just past (a past claim cannot "
        "be about the coming one); in a plan, the weekend of the report's week.",
    ),
    _row(
        _WEEKDAYS_GROUP,
        "",
        "this weekend",
        "2020-03-03",
        "2020-03-07 – 2020-03-08",
        "Read as a plan: the weekend of the report's week.",
        ahead=True,
    ),
    _row(
        _WEEKDAYS_GROUP,
        "last weekend",
        "last weekend",
        "2020-03-03",
        "2020-02-29 – 2020-03-01",
        "The weekend of the week before the report's.",
    ),
    _row(
        _WEEKDAYS_GROUP,
        "next weekend",
        "next weekend",
        "2020-03-03",
        "2020-03-07 – 2020-03-15",
        "The coming weekend or the one after: both. Looks ahead.",
    ),
    # relative to the report
    _row(
        _RELATIVE,
        "today, this morning / afternoon / evening, tonight, this day, earlier today",
        "today",
        "2020-02-27",
        "2020-02-27",
        "",
    ),
    _row(_RELATIVE, "yesterday", "yesterday", "2020-02-27", "2020-02-26", ""),
    _row(
        _RELATIVE,
        "the day before yesterday",
        "the day before yesterday",
        "2020-02-27",
        "2020-02-25",
        "",
    ),
    _row(
        _RELATIVE,
        "last night, overnight",
        "overnight",
        "2020-02-27",
        "2020-02-26 – 2020-02-27",
        "A night spans two dates.",
    ),
    _row(_RELATIVE, "tomorrow", "tomorrow", "2019-10-29", "2019-10-30", "Looks ahead."),
    _row(
        _RELATIVE,
        "the day after tomorrow",
        "the day after tomorrow",
        "2020-02-27",
        "2020-02-29",
        "Looks ahead.",
    ),
    _row(
        _RELATIVE,
        "this week, earlier this week",
        "this week",
        "2020-02-27",
        "2020-02-24 – 2020-02-27",
        "From Monday to the report; weeks run Monday to Sunday.",
    ),
    _row(
        _RELATIVE,
        "last week",
        "last week",
        "2020-02-27",
        "2020-02-17 – 2020-02-23",
        "The previous calendar week.",
    ),
    _row(
        _RELATIVE,
        "next week, the coming week",
        "next week",
        "2020-02-27",
        "2020-03-02 – 2020-03-08",
        "The next calendar week; looks ahead.",
    ),
    _row(
        _RELATIVE,
        "the week after next",
        "the week after next",
        "2020-02-27",
        "2020-03-09 – 2020-03-15",
        "Looks ahead.",
    ),
    _row(
        _RELATIVE,
        "later this week, the rest of the week",
        "later this week",
        "2020-02-27",
        "2020-02-27 – 2020-03-01",
        "From the report to Sunday; looks ahead.",
    ),
    _row(
        _RELATIVE,
        "this month, earlier this month",
        "earlier this month",
        "2020-02-27",
        "2020-02-01 – 2020-02-27",
        "From the 1st to the report: 'earlier' does not say how much earlier.",
    ),
    _row(
        _RELATIVE,
        "last month",
        "last month",
        "2020-02-27",
        "2020-01-01 – 2020-01-31",
        "The previous calendar month.",
    ),
    _row(
        _RELATIVE,
        "next month, the month after next",
        "next month",
        "2020-02-27",
        "2020-03-01 – 2020-03-31",
        "Looks ahead.",
    ),
    _row(
        _RELATIVE,
        "later this month, the rest of the month",
        "later this month",
        "2020-02-27",
        "2020-02-27 – 2020-02-29",
        "Looks ahead.",
    ),
    _row(
        _RELATIVE,
        "this year, earlier this year",
        "this year",
        "2020-02-27",
        "2020-01-01 – 2020-02-27",
        "",
    ),
    _row(
        _RELATIVE,
        "last year",
        "last year",
        "2020-02-27",
        "2019-01-01 – 2019-12-31",
        "The previous calendar year.",
    ),
    _row(
        _RELATIVE, "next year", "next year", "2020-02-27", "2021-01-01 – 2021-12-31", "Looks ahead."
    ),
    # counts
    _row(
        _COUNTS,
        "*N* days ago",
        "two days ago",
        "2020-02-27",
        "2020-02-25",
        "A count of days is exact.",
    ),
    _row(
        _COUNTS,
        "*N* weeks ago",
        "a fortnight ago",
        "2020-02-27",
        "2020-02-12 – 2020-02-14",
        "The day that many weeks back, give or take a day.",
    ),
    _row(
        _COUNTS,
        "*N* months ago",
        "a month ago",
        "2020-02-27",
        "2020-01-20 – 2020-02-03",
        "The day that many months back, give or take a week: reporters round to months.",
    ),
    _row(
        _COUNTS,
        "*N* years ago",
        "two years ago",
        "2020-02-27",
        "2018-01-27 – 2018-03-27",
        "The day that many years back, give or take a month.",
    ),
    _row(
        _COUNTS,
        "several units",
        "1 month and 21 days ago",
        "2017-11-23",
        "2017-10-02",
        "Summed; as precise as the smallest unit.",
    ),
    _row(
        _COUNTS,
        "a few / several *units* ago",
        "a few days ago",
        "2020-02-27",
        "2020-02-22 – 2020-02-25",
        "'A few' is 2–5, 'several' 3–9, a bare plural 2–7 days (2–6 weeks or months).",
    ),
    _row(
        _COUNTS,
        "in *N* units, *N* units from now",
        "in two weeks",
        "2020-02-27",
        "2020-03-11 – 2020-03-13",
        "As for 'ago', ahead; looks ahead.",
    ),
    _row(_COUNTS, "", "three days from now", "2020-02-27", "2020-03-01", ""),
    _row(
        _COUNTS,
        "*N* units from / before / after today, tomorrow, yesterday",
        "two days before yesterday",
        "2020-02-27",
        "2020-02-24",
        "",
    ),
    _row(
        _COUNTS,
        "in *N* business days",
        "in four business days",
        "2020-02-27",
        "2020-03-04",
        "Monday to Friday only.",
    ),
    _row(
        _COUNTS,
        "*N* *weekday*s from now",
        "two Sundays from now",
        "2020-02-27",
        "2020-03-08",
        "Looks ahead.",
    ),
    _row(
        _COUNTS,
        "more / less than *N* units before / after today",
        "more than two weeks before today",
        "2020-02-27",
        "… – 2020-02-13",
        "Open on its far side.",
    ),
    # stretches
    _row(
        _STRETCHES,
        "(over / in) the past / last *N* days, weeks, months, years",
        "the past two weeks",
        "2020-02-27",
        "2020-02-13 – 2020-02-27",
        "From *N* units before the report to the report, both days included: one day wider than "
        "*N* units, so an event on the boundary day is not lost.",
    ),
    _row(
        _STRETCHES,
        "this past week · this past month · this past weekend",
        "this past week",
        "2020-02-27",
        "2020-02-20 – 2020-02-27",
        "As 'the past week'; 'this past weekend' is 'last weekend'.",
    ),
    _row(
        _STRETCHES,
        "the past *N* hours",
        "the past 24 hours",
        "2020-02-27",
        "2020-02-26 – 2020-02-27",
        "Rounded up to whole days: 24 hours reach into the day before.",
    ),
    _row(
        _STRETCHES,
        "the past week / month (no number)",
        "the past week",
        "2020-02-27",
        "2020-02-20 – 2020-02-27",
        "One unit. 'The past week' is a rolling week; 'last week' without 'the' is the calendar "
        "week.",
    ),
    _row(
        _STRETCHES,
        "the past few / several days",
        "over the past few days",
        "2020-02-27",
        "2020-02-20 – 2020-02-27",
        "7 days. 'A few' is usually 2–5; a whole week keeps every reasonable reading inside.",
    ),
    _row(
        _STRETCHES,
        "the past weeks, in recent weeks",
        "in recent weeks",
        "2020-02-27",
        "2020-01-16 – 2020-02-27",
        "6 weeks. Reporters use 'recent weeks' for a month or more.",
    ),
    _row(
        _STRETCHES,
        "the past months, in recent months",
        "in recent months",
        "2020-02-27",
        "2019-08-27 – 2020-02-27",
        "6 months, on the same reasoning.",
    ),
    _row(
        _STRETCHES,
        "the past years, in recent years",
        "in recent years",
        "2020-02-27",
        "2010-02-27 – 2020-02-27",
        "10 years: 'recent years' in a long war can mean its whole course.",
    ),
    _row(
        _STRETCHES,
        "the past *N* decades",
        "the past two decades",
        "2020-02-27",
        "2000-01-01 – 2020-02-27",
        "Back to the start of the calendar decade as well: 'the past two decades' is often the "
        "2000s and 2010s.",
    ),
    _row(
        _STRETCHES,
        "the next *N* units",
        "the next three days",
        "2020-02-27",
        "2020-02-28 – 2020-03-01",
        "From the day after the report; looks ahead.",
    ),
    _row(
        _STRETCHES,
        "within (the next) *N* units",
        "within the next 3 days",
        "2020-02-27",
        "2020-02-27 – 2020-03-01",
        "From the report; looks ahead.",
    ),
    _row(
        _STRETCHES,
        "in the coming days / weeks / months",
        "in the coming days",
        "2020-02-27",
        "2020-02-28 – 2020-03-05",
        "7 days, 6 weeks, 6 months, as for the past; looks ahead.",
    ),
    _row(
        _STRETCHES,
        "for *N* units from *day*",
        "a week starting tomorrow",
        "2020-02-27",
        "2020-02-28 – 2020-03-05",
        "Looks ahead.",
    ),
    # ranges
    _row(
        _RANGES,
        "*day*-*day* *month* (any dash)",
        "27-28 February",
        "2020-03-03",
        "2020-02-27 – 2020-02-28",
        "The first day takes the month (and year) of the last.",
    ),
    _row(
        _RANGES,
        "between *day* and *day* *month*",
        "between 27 and 28 February",
        "2020-03-03",
        "2020-02-27 – 2020-02-28",
        "",
    ),
    _row(
        _RANGES,
        "*day* and *day* · *month* and *month*",
        "Monday and Tuesday",
        "2020-03-04",
        "2020-03-02 – 2020-03-03",
        "Both, and any days between them: a span is one stretch of days.",
    ),
    _row(
        _RANGES,
        "from *day* to *day*",
        "from March 3 to March 9",
        "2020-03-12",
        "2020-03-03 – 2020-03-09",
        "A year inferred so that the range has ended by the report.",
    ),
    _row(_RANGES, "", "February 26 to March 2", "2020-03-03", "2020-02-26 – 2020-03-02", ""),
    _row(_RANGES, "", "from 4 to 22 January 1995", "2020-03-03", "1995-01-04 – 1995-01-22", ""),
    _row(
        _RANGES,
        "",
        "from 4 to 22 this month",
        "2020-03-07",
        "2020-03-04 – 2020-03-22",
        "A stated last day after the report looks ahead.",
    ),
    _row(
        _RANGES,
        "mixed forms",
        "January 12, 2016 - 22/01/2016",
        "2020-03-03",
        "2016-01-12 – 2016-01-22",
        "",
    ),
    _row(_RANGES, "years", "2014-2018", "2020-03-03", "2014-01-01 – 2018-12-31", ""),
    _row(
        _RANGES,
        "relative sides",
        "from 2019-08-01 to today",
        "2019-10-14",
        "2019-08-01 – 2019-10-14",
        "",
    ),
    # long periods
    _row(
        _LONG,
        "Q*N*, the *N*th quarter",
        "the third quarter of 2019",
        "2020-03-03",
        "2019-07-01 – 2019-09-30",
        "",
    ),
    _row(
        _LONG,
        "",
        "Q3",
        "2020-03-03",
        "2019-07-01 – 2019-09-30",
        "Without a year: the latest that began by the report.",
    ),
    _row(
        _LONG,
        "H*N*, the first / second half",
        "the first half of 2019",
        "2020-03-03",
        "2019-01-01 – 2019-06-30",
        "",
    ),
    _row(_LONG, "decades", "the 1990s", "2020-03-03", "1990-01-01 – 1999-12-31", ""),
    _row(
        _LONG,
        "",
        "the '70s",
        "2020-03-03",
        "1970-01-01 – 1979-12-31",
        "Without a century: the latest begun by the report.",
    ),
    _row(_LONG, "", "the seventies", "2020-03-03", "1970-01-01 – 1979-12-31", ""),
    _row(
        _LONG,
        "centuries",
        "the 19th century",
        "2020-03-03",
        "1800-01-01 – 1899-12-31",
        "The years …00–…99, as commonly meant.",
    ),
    # since and by
    _row(
        _SINCE,
        "since *X*",
        "Since December",
        "2020-03-03",
        "2019-12-01 – 2020-03-03",
        "From the first day of *X* to the report. *X* is any wording on this page that does not "
        "look ahead.",
    ),
    _row(
        _SINCE, "", "since the beginning of February", "2020-02-27", "2020-02-01 – 2020-02-27", ""
    ),
    _row(
        _SINCE,
        "by *X*",
        "by 2016",
        "2020-03-03",
        "… – 2016-12-31",
        "Any time up to the last day of *X*: the wording gives no start, so the span is unbounded "
        "below (shown as '…').",
    ),
)
"""Every form `DateSpan.parse` reads, with an example and the reason for its width."""
