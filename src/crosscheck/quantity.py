"""Quantities: the numbers in a report, read as intervals.

A report never says "exactly 480.000 km". It says "480 km", "at least six", "almost 200,000",
"dozens". crosscheck reads each wording as a closed interval ``[low, high]`` of plausible values
(``high`` may be ``math.inf``) together with a unit, the exact wording, and one sentence — the
*reading* — that says how the wording became the interval. Two figures disagree only when their
intervals do not overlap, and the readings are what a finding's explanation quotes.

The rules, in brief (the full table is :data:`WORDINGS`, mirrored in ``docs/quantities.md``):

* **Units.** Lengths (``km``, ``mi``, ``m``) and durations (``day``, ``week``, ``month``,
  ``year``) are measured and convert into one another within their dimension. Anything else is a
  *count* of some noun (``person`` by default, because casualty and displacement figures count
  people far more often than anything else). A count only compares with a count of the same noun,
  and never with a length or a duration: mixing them raises :class:`UnitError`.
* **Implied precision.** A measured figure is always rounded to its last significant digit:
  ``480 km`` is ``[475, 485]``, ``62 miles`` is ``[61.5, 62.5]``, ``30 km`` is ``[25, 35]``,
  ``1.5 km`` is ``[1.45, 1.55]``. A lone leading 1 (``10``, ``100``, ``1 million``) makes the next
  digit significant too, because "100 km" is how one writes a figure known to a few per cent, not
  to ±50 km. A count is exact (``34`` soldiers are 34) unless it is a round figure ending in two or
  more zeros (``5,000``, ``200,000``, ``1.5 million``, ``a hundred``); then it carries the same
  precision as a measured figure. Count bounds are whole numbers (low rounded up, high down).
* **Qualifiers** ("at least", "more than", "nearly", "about", ranges, ...) act on the figure ``N``
  as written, not on its precision interval — except "about", which is never narrower than the
  bare figure would have been. Intervals are closed: "more than 30 km" is ``[30, ∞)``, since the
  open end matters at a single point; for a count "more than 100" is ``[101, ∞)``.
* **Vague sizes** ("a dozen", "dozens", "hundreds of thousands", "several", "a number of", ...)
  map to fixed intervals; a qualifier in front of one acts on its nominal figure where it has one
  ("more than a dozen" is ``[13, ∞)``).
* **Comparing.** :meth:`Quantity.overlaps` converts both sides to one unit and treats bounds
  within one part in a billion as touching, so rounding in a unit conversion never creates a
  disagreement.

Wording that cannot be read — no number, a reversed range, an unknown trailing word — raises
:class:`QuantityError`, whose message quotes the wording and says what was expected. Nothing is
silently dropped. This module does no I/O.
"""

from __future__ import annotations

import enum
import functools
import math
import re
from collections.abc import Mapping
from fractions import Fraction
from typing import Final, TypeVar

import attrs

__all__ = [
    "NUMBER_WORDS",
    "WORDINGS",
    "Dimension",
    "Quantity",
    "QuantityError",
    "UnitError",
    "Wording",
    "canonical_unit",
]


class QuantityError(ValueError):
    """Wording that cannot be read as a quantity."""


class UnitError(ValueError):
    """Units of different dimensions (or different counted nouns) were mixed."""


class Dimension(enum.Enum):
    """What a unit measures; only quantities of one dimension compare."""

    COUNT = "count"
    LENGTH = "length"
    DURATION = "duration"


# -- units -------------------------------------------------------------------------------------

_UNIT_ALIASES: Final[dict[str, str]] = {
    **dict.fromkeys(("km", "kms", "kilometre", "kilometres", "kilometer", "kilometers"), "km"),
    **dict.fromkeys(("mi", "mile", "miles"), "mi"),
    **dict.fromkeys(("m", "metre", "metres", "meter", "meters"), "m"),
    **dict.fromkeys(("day", "days"), "day"),
    **dict.fromkeys(("week", "weeks"), "week"),
    **dict.fromkeys(("month", "months"), "month"),
    **dict.fromkeys(("year", "years"), "year"),
    **dict.fromkeys(("person", "persons", "people"), "person"),
}

_DIMENSION_OF: Final[dict[str, Dimension]] = {
    "km": Dimension.LENGTH,
    "mi": Dimension.LENGTH,
    "m": Dimension.LENGTH,
    "day": Dimension.DURATION,
    "week": Dimension.DURATION,
    "month": Dimension.DURATION,
    "year": Dimension.DURATION,
}

_YEAR_IN_DAYS: Final = Fraction("365.2425")

# Size of each measured unit in its dimension's base unit (km, day), as exact fractions so that a
# conversion rounds only once and month → year is exactly 1/12.
_SIZE: Final[dict[str, Fraction]] = {
    "km": Fraction(1),
    "mi": Fraction("1.609344"),
    "m": Fraction(1, 1000),
    "day": Fraction(1),
    "week": Fraction(7),
    "month": _YEAR_IN_DAYS / 12,
    "year": _YEAR_IN_DAYS,
}

_BASE_UNIT: Final[dict[Dimension, str]] = {Dimension.LENGTH: "km", Dimension.DURATION: "day"}


def canonical_unit(unit: str) -> str:
    """Return the canonical spelling of *unit*.

    Known units collapse to one spelling ("kilometres" → "km", "miles" → "mi", "years" → "year",
    "people" → "person"); any other noun is a counted noun and is only lower-cased and stripped
    (it is not singularised: "soldiers" stays "soldiers").
    """
    key = " ".join(unit.split()).lower()
    if not key:
        msg = "a unit must be a noun such as 'km', 'year' or 'soldier', not an empty string"
        raise ValueError(msg)
    return _UNIT_ALIASES.get(key, key)


def _dimension_of(unit: str) -> Dimension:
    return _DIMENSION_OF.get(unit, Dimension.COUNT)


# -- formatting --------------------------------------------------------------------------------


def _fmt(x: float | Fraction) -> str:
    """Format a bound for people: integers plainly, others to six significant digits."""
    if isinstance(x, float) and math.isinf(x):
        return "∞" if x > 0 else "-∞"
    if x == int(x):
        return str(int(x))
    digits = max(0, 5 - math.floor(math.log10(abs(float(x)))))
    return f"{float(x):.{digits}f}".rstrip("0").rstrip(".")


def _fmt_interval(low: float | Fraction, high: float | Fraction) -> str:
    opening = "(" if isinstance(low, float) and math.isinf(low) else "["
    closing = ")" if isinstance(high, float) and math.isinf(high) else "]"
    return f"{opening}{_fmt(low)}, {_fmt(high)}{closing}"


# -- the wording table -------------------------------------------------------------------------


@attrs.frozen
class Wording:
    """One row of the wording table: how a kind of wording becomes an interval, and why.

    ``pattern`` lists the accepted phrasings (``N`` stands for a figure), ``example`` is a wording
    that :meth:`Quantity.parse` reads as ``interval`` (unit ``person`` unless the interval names
    another), and ``reason`` is the justification a fact-checker can quote.
    """

    pattern: str
    example: str
    interval: str
    reason: str


WORDINGS: Final[tuple[Wording, ...]] = (
    Wording(
        "N (a count)",
        "23",
        "[23, 23]",
        "A count that does not end in two zeros is exact: a reporter who writes 23 soldiers means "
        "23.",
    ),
    Wording(
        "N (a round count: ends in two or more zeros)",
        "200,000",
        "[150000, 250000]",
        "A round count is rounded: it means ± half its last significant digit (here the hundred "
        "thousands, ±50,000). A lone leading 1 makes the next digit significant too: 100 is "
        "[95, 105].",
    ),
    Wording(
        "N thousand · N million · N billion",
        "1.5 million",
        "[1450000, 1550000]",
        "A scale word multiplies the figure; the precision is that of the last digit written, so "
        "1.5 million is ±50,000 and 3 million ±500,000.",
    ),
    Wording(
        "N unit (a length or a duration)",
        "480 km",
        "[475, 485] km",
        "A measured figure is always rounded to its last significant digit: 480 km is 475–485 km, "
        "62 miles is 61.5–62.5 miles, 30 km is 25–35 km, 1.5 km is 1.45–1.55 km.",
    ),
    Wording(
        "number words: one … ninety-nine, hundred, thousand, million",
        "seven",
        "[7, 7]",
        "A number word reads exactly like the figure it spells, precision included; 'a' or 'an' "
        "before hundred, thousand or million means one, so 'a hundred' is read like 100; 'a' "
        "or 'an' alone, or before a unit, counts one ('a Turkish drone' is one drone).",
    ),
    Wording(
        "a N-unit (adjective form)",
        "a 103-month",
        "[102.5, 103.5] month",
        "The adjective form reads like the plain figure: a leading article is ignored, as are "
        "'-long', '-deep' and '-wide' after the unit (a nine-year-long war, a 30km-deep zone).",
    ),
    Wording(
        "at least N · no fewer than N · no less than N",
        "at least six",
        "[6, ∞)",
        "A floor with no ceiling: the true figure may be any larger number.",
    ),
    Wording(
        "more than N · over N · upwards of N",
        "more than one hundred",
        "[101, ∞)",
        "Strictly above N: for a count the next whole number up; for a length or a duration N "
        "itself, since intervals are closed and the open end matters at one point only.",
    ),
    Wording(
        "at most N · up to N · no more than N",
        "up to 30 km",
        "[0, 30] km",
        "A ceiling with no floor.",
    ),
    Wording(
        "fewer than N · less than N · under N",
        "fewer than 20",
        "[0, 19]",
        "Strictly below N: for a count the next whole number down; for a length or a duration N "
        "itself.",
    ),
    Wording(
        "almost N · nearly N · just under N · close to N",
        "almost 200,000",
        "[180000, 200000]",
        "Just below N: within 10% under it (for a count at least one under it); N itself is "
        "allowed.",
    ),
    Wording(
        "about N · around N · some N · roughly N · approximately N · approx. N · an estimated N",
        "about 5,000",
        "[4500, 5500]",
        "N ± 10% (for a count at least ±1, so 'about seven' is 6–8), and never narrower than "
        "the precision the bare figure already has: 'about 200,000' is [150000, 250000].",
    ),
    Wording(
        "between N and M · from N to M · N to M · N-M · N–M",
        "between 5 and 7",
        "[5, 7]",
        "Both ends included, each at its own precision, so '5–7 km' is [4.5, 7.5] km. A scale "
        "word on the upper end carries to a smaller lower end: '1.5 to 2 million'. A range whose "
        "ends are reversed is an error.",
    ),
    Wording(
        "a dozen",
        "a dozen",
        "[10, 14]",
        "Twelve, loosely: reporters write 'a dozen' for anything from ten to fourteen.",
    ),
    Wording(
        "dozens (of)",
        "dozens of",
        "[24, 99]",
        "At least two dozen, and fewer than would be called 'hundreds'.",
    ),
    Wording(
        "scores (of)",
        "scores of",
        "[40, 199]",
        "A score is twenty, so at least two score; the ceiling is generous because 'scores' is "
        "used loosely for figures past a hundred.",
    ),
    Wording(
        "hundreds (of)",
        "hundreds",
        "[200, 999]",
        "At least two hundred, and fewer than would be called 'thousands'.",
    ),
    Wording(
        "thousands (of)",
        "thousands of",
        "[2000, 9999]",
        "At least two thousand, and fewer than would be called 'tens of thousands'.",
    ),
    Wording(
        "tens of thousands (of)",
        "tens of thousands",
        "[20000, 99999]",
        "At least twenty thousand, and fewer than would be called 'hundreds of thousands'.",
    ),
    Wording(
        "hundreds of thousands (of)",
        "hundreds of thousands",
        "[200000, 999999]",
        "At least two hundred thousand, and fewer than would be called 'millions'.",
    ),
    Wording(
        "millions (of)",
        "millions",
        "[2000000, 999999999]",
        "At least two million, and fewer than a billion.",
    ),
    Wording(
        "several",
        "several",
        "[3, 9]",
        "More than a couple, and fewer than would be called 'a dozen' or 'dozens'.",
    ),
    Wording(
        "a few",
        "a few",
        "[2, 5]",
        "A small number, more than one; rarely used for more than five.",
    ),
    Wording(
        "a couple (of)",
        "a couple of",
        "[2, 3]",
        "Two, loosely; sometimes three.",
    ),
    Wording(
        "a handful (of)",
        "a handful of",
        "[2, 6]",
        "A small number that could be counted on one hand, loosely.",
    ),
    Wording(
        "several · a few · a couple · a handful + dozen · hundred · thousand · million",
        "several hundred",
        "[300, 900]",
        "The small vague size times the scale: 'several hundred' is 3–9 hundreds, 'a few "
        "thousand' 2,000–5,000, 'several dozen' 36–108.",
    ),
    Wording(
        "a number of",
        "a number of",
        "[2, ∞)",
        "Says 'more than one' and nothing about magnitude, so it never conflicts with a larger "
        "figure.",
    ),
    Wording(
        "a large number of · many",
        "a large number of",
        "[10, ∞)",
        "Says 'a lot' without a ceiling: at least ten.",
    ),
    Wording(
        "qualifier + vague size",
        "more than a dozen",
        "[13, ∞)",
        "A qualifier acts on the nominal figure of 'a dozen' (12) or 'a couple' (2). Other vague "
        "sizes have none: 'at least', 'more than' keep their lower bound, 'at most', 'up to', "
        "'fewer than' their upper bound, 'about' leaves them as they are, and 'nearly' is refused.",
    ),
)


# -- parser tables (every phrase here is documented in a WORDINGS row) --------------------------


class _Rule(enum.Enum):
    AT_LEAST = "at least"
    MORE_THAN = "more than"
    AT_MOST = "at most"
    FEWER_THAN = "fewer than"
    NEARLY = "nearly"
    ABOUT = "about"


_QUALIFIERS: Final[dict[str, _Rule]] = {
    "at least": _Rule.AT_LEAST,
    "no fewer than": _Rule.AT_LEAST,
    "no less than": _Rule.AT_LEAST,
    "more than": _Rule.MORE_THAN,
    "over": _Rule.MORE_THAN,
    "upwards of": _Rule.MORE_THAN,
    "at most": _Rule.AT_MOST,
    "up to": _Rule.AT_MOST,
    "no more than": _Rule.AT_MOST,
    "fewer than": _Rule.FEWER_THAN,
    "less than": _Rule.FEWER_THAN,
    "under": _Rule.FEWER_THAN,
    "almost": _Rule.NEARLY,
    "nearly": _Rule.NEARLY,
    "just under": _Rule.NEARLY,
    "close to": _Rule.NEARLY,
    "about": _Rule.ABOUT,
    "around": _Rule.ABOUT,
    "some": _Rule.ABOUT,
    "roughly": _Rule.ABOUT,
    "approximately": _Rule.ABOUT,
    "approx.": _Rule.ABOUT,
    "an estimated": _Rule.ABOUT,
}


@attrs.frozen
class _Vague:
    low: int
    high: int | None  # None: no ceiling
    nominal: int | None = None  # the figure a qualifier acts on, where there is one


_VAGUE: Final[dict[str, _Vague]] = {
    "a dozen": _Vague(10, 14, nominal=12),
    "dozens": _Vague(24, 99),
    "scores": _Vague(40, 199),
    "hundreds": _Vague(200, 999),
    "thousands": _Vague(2000, 9999),
    "tens of thousands": _Vague(20000, 99999),
    "hundreds of thousands": _Vague(200000, 999999),
    "millions": _Vague(2000000, 999999999),
    "several": _Vague(3, 9),
    "a few": _Vague(2, 5),
    "a couple": _Vague(2, 3, nominal=2),
    "a handful": _Vague(2, 6),
    "a number of": _Vague(2, None),
    "a large number of": _Vague(10, None),
    "many": _Vague(10, None),
}

_MULTIPLIABLE: Final = frozenset({"several", "a few", "a couple", "a handful"})
"""Small vague sizes that a following scale word multiplies: "several hundred"."""
_MULTIPLIERS: Final[dict[str, int]] = {
    "dozen": 12, "hundred": 100, "thousand": 1000, "million": 10**6,
}  # fmt: skip

_DIGIT_WORDS: Final = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
)
_TEEN_WORDS: Final = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen")
_SMALL: Final[dict[str, int]] = {
    word: n
    for n, word in enumerate((*_DIGIT_WORDS, *_TEEN_WORDS, "seventeen", "eighteen", "nineteen"))
}
NUMBER_WORDS: Final[Mapping[str, int]] = _SMALL
"""The number words zero to nineteen and their values (shared with `crosscheck.dates`)."""
_TENS: Final[dict[str, int]] = {
    word: 10 * n
    for n, word in enumerate(
        ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"), 2
    )
}
_SCALES: Final[dict[str, int]] = {"thousand": 10**3, "million": 10**6, "billion": 10**9}
_NUMBER_WORDS: Final = frozenset({*_SMALL, *_TENS, *_SCALES, "hundred"})
_ARTICLES: Final = frozenset({"a", "an", "the"})
_ADJECTIVES: Final = frozenset({"long", "deep", "wide"})

_TOKEN: Final = re.compile(r"approx\.|\d[\d,.]*|[a-z]+|-|\S")
_NUMERAL: Final = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
_DASHES: Final = str.maketrans(dict.fromkeys("‐‑‒–—−", "-"))

_EXPECTED: Final = (
    "expected a number, optionally with a qualifier such as 'at least' or a vague size such as "
    "'dozens'"
)


# -- reading figures -----------------------------------------------------------------------------


@attrs.frozen
class _Figure:
    """A figure as written: its value, and the place of its last significant digit."""

    value: Fraction
    place: Fraction
    written: str
    scale: int  # 1, or the scale word's multiplier ("1.5 million" → 10**6)
    lone_one: bool  # the only significant digit is a 1, so the next digit counts too

    @classmethod
    def from_numeral(cls, numeral: str, scale: int, written: str) -> _Figure:
        digits = numeral.replace(",", "")
        if "." in digits:
            whole, fraction = digits.split(".")
            place = Fraction(1, 10 ** len(fraction))
            significant = (whole + fraction).lstrip("0")
        else:
            trimmed = digits.rstrip("0")
            place = Fraction(10 ** (len(digits) - len(trimmed))) if trimmed else Fraction(1)
            significant = trimmed.lstrip("0")
        lone_one = significant == "1"
        if lone_one:
            place /= 10
        return cls(Fraction(digits) * scale, place * scale, written, scale, lone_one)

    @classmethod
    def from_words(cls, value: int, written: str) -> _Figure:
        return cls.from_numeral(str(value), 1, written)

    def rescaled(self, scale: int) -> _Figure:
        return attrs.evolve(self, value=self.value * scale, place=self.place * scale, scale=scale)


def _place_name(place: Fraction) -> str:
    exponent = round(math.log10(place))
    names = {
        -3: "thousandths",
        -2: "hundredths",
        -1: "tenths",
        0: "units",
        1: "tens",
        2: "hundreds",
        3: "thousands",
        4: "tens of thousands",
        5: "hundreds of thousands",
        6: "millions",
        7: "tens of millions",
        8: "hundreds of millions",
        9: "billions",
    }
    return names.get(exponent, f"10^{exponent}s")


@attrs.frozen
class _Span:
    """An interval under construction, with exact bounds (``None`` for no ceiling)."""

    low: Fraction
    high: Fraction | None


def _precision(figure: _Figure, count: bool) -> tuple[_Span, str]:
    """The interval a bare figure stands for, and how."""
    value = figure.value
    if count:
        if value.denominator != 1:
            msg = f"a count must be a whole number, and {figure.written} is not"
            raise _ProblemError(msg)
        if value == 0 or value % 100 != 0:
            return _Span(value, value), f"{figure.written} is a bare count, read as exact"
    half = figure.place / 2
    why = (
        "a lone leading 1 makes the next digit significant, the "
        if figure.lone_one
        else "last significant digit is in the "
    )
    kind = "round count" if count else "measured figure"
    return (
        _Span(max(Fraction(0), value - half), value + half),
        f"{kind} {figure.written}: {why}{_place_name(figure.place)} → ±{_fmt(half)}",
    )


class _ProblemError(Exception):
    """Raised inside the parser; :meth:`Quantity.parse` turns it into a QuantityError."""


_T = TypeVar("_T")


class _Reader:
    """A cursor over the tokens of one wording."""

    __slots__ = ("pos", "tokens")

    def __init__(self, tokens: list[str]) -> None:
        self.tokens = tokens
        self.pos = 0

    def peek(self, ahead: int = 0) -> str | None:
        i = self.pos + ahead
        return self.tokens[i] if i < len(self.tokens) else None

    def take(self) -> str:
        token = self.tokens[self.pos]
        self.pos += 1
        return token

    def take_if(self, *words: str) -> bool:
        if self.peek() in words:
            self.pos += 1
            return True
        return False

    def take_phrase(self, phrases: dict[str, _T]) -> tuple[str, _T] | None:
        """Take the longest phrase of *phrases* that starts here."""
        for length in range(min(4, len(self.tokens) - self.pos), 0, -1):
            phrase = " ".join(self.tokens[self.pos : self.pos + length])
            if phrase in phrases:
                self.pos += length
                return phrase, phrases[phrase]
        return None

    def written(self, start: int) -> str:
        return " ".join(self.tokens[start : self.pos]).replace(" - ", "-")

    @property
    def done(self) -> bool:
        return self.pos >= len(self.tokens)

    def starts_figure(self, ahead: int = 0) -> bool:
        token = self.peek(ahead)
        if token is None:
            return False
        if token[0].isdigit() or token in _SMALL or token in _TENS:
            return True
        return token in ("a", "an") and self._counts_one(ahead)

    def _counts_one(self, ahead: int = 0) -> bool:
        """Whether an article at `ahead` is a number: before a scale word, a unit, or nothing."""
        following = self.peek(ahead + 1)
        return following in ("hundred", *_SCALES) or following is None or (
            following in _UNIT_ALIASES)  # fmt: skip

    def read_figure(self, *, and_joins: bool = True) -> _Figure | None:
        start = self.pos
        token = self.peek()
        if token is None:
            return None
        if token[0].isdigit():
            if not _NUMERAL.fullmatch(token):
                msg = f"{token!r} is not a well-formed number (write 200,000 or 1.5)"
                raise _ProblemError(msg)
            self.take()
            scale = _SCALES[self.take()] if self.peek() in _SCALES else 1
            return _Figure.from_numeral(token, scale, self.written(start))
        value = self._read_words(and_joins=and_joins)
        if value is None:
            return None
        return _Figure.from_words(value, self.written(start))

    def _read_small(self) -> int | None:
        token = self.peek()
        if token in _SMALL:
            self.take()
            return _SMALL[token]
        if token in _TENS:
            self.take()
            value = _TENS[token]
            if self.peek() == "-" and _SMALL.get(self.peek(1) or "", 0) in range(1, 10):
                self.pos += 1
            if _SMALL.get(self.peek() or "", 0) in range(1, 10):
                value += _SMALL[self.take()]
            return value
        if token in ("a", "an") and self._counts_one():
            self.take()
            return 1
        return None

    def _read_group(self, *, and_joins: bool) -> int | None:
        value = self._read_small()
        if value is None:
            return None
        if self.peek() == "hundred":
            self.take()
            value *= 100
            if and_joins and self.peek() == "and" and self.peek(1) in (*_SMALL, *_TENS):
                self.take()
            rest = self._read_small()
            value += rest or 0
        return value

    def _read_words(self, *, and_joins: bool) -> int | None:
        group = self._read_group(and_joins=and_joins)
        if group is None:
            return None
        total, last_scale = 0, math.inf
        while self.peek() in _SCALES:
            scale = _SCALES[self.take()]
            if scale >= last_scale:
                msg = "the number words are out of order"
                raise _ProblemError(msg)
            total, last_scale = total + group * scale, scale
            group = self._read_group(and_joins=and_joins) or 0
            if group == 0 and self.peek() in _SCALES:
                msg = "the number words are out of order"
                raise _ProblemError(msg)
        return total + group

    def read_unit(self, *, hyphen_ok: bool) -> str | None:
        """Read a known unit word as written, and any '-long' after it.

        With *hyphen_ok*, a length or duration may be joined by a hyphen ("103-month").
        """
        ahead = 1 if hyphen_ok and self.peek() == "-" else 0
        word = self.peek(ahead)
        if word is None or word not in _UNIT_ALIASES:
            return None
        if ahead and _UNIT_ALIASES[word] not in _DIMENSION_OF:
            return None
        self.pos += ahead + 1
        if self.peek() == "-" and self.peek(1) in _ADJECTIVES:
            self.pos += 2
        return word


# -- computing intervals -------------------------------------------------------------------------


def _qualify(rule: _Rule, n: Fraction, named: str, bare: _Span, count: bool) -> tuple[_Span, str]:
    """Apply *rule* to the figure *n* (as written: *named*), whose bare reading is *bare*."""
    with_n = f"with N = {named}"
    if rule is _Rule.AT_LEAST:
        return _Span(n, None), f"'at least N' → [N, ∞) {with_n}"
    if rule is _Rule.MORE_THAN:
        if count:
            return _Span(n + 1, None), f"'more than N' → [N+1, ∞) for a count, {with_n}"
        return _Span(n, None), f"'more than N' → [N, ∞) for a measure (closed), {with_n}"
    if rule is _Rule.AT_MOST:
        return _Span(Fraction(0), n), f"'at most N' → [0, N] {with_n}"
    if rule is _Rule.FEWER_THAN:
        if count:
            return _Span(Fraction(0), n - 1), f"'fewer than N' → [0, N-1] for a count, {with_n}"
        return _Span(Fraction(0), n), f"'fewer than N' → [0, N] for a measure (closed), {with_n}"
    margin = n / 10
    tenth = "10% of N"
    if count and margin < 1:
        margin, tenth = Fraction(1), "10% of N, but at least 1 for a count"
    if rule is _Rule.NEARLY:
        return (
            _Span(max(Fraction(0), n - margin), n),
            f"'nearly N' → [N - m, N], m = {tenth}, {with_n}: m = {_fmt(margin)}",
        )
    assert bare.high is not None
    low, high = min(n - margin, bare.low), max(n + margin, bare.high)
    how = f"'about N' → N ± m, m = {tenth}, {with_n}: m = {_fmt(margin)}"
    if (low, high) != (n - margin, n + margin):
        how += f", widened to the bare figure's precision {_fmt_interval(bare.low, bare.high)}"
    return _Span(max(Fraction(0), low), high), how


def _qualify_vague(rule: _Rule, phrase: str, vague: _Vague) -> tuple[_Span, str]:
    """Apply *rule* to a vague size without a nominal figure."""
    size = f"vague size '{phrase}' {_fmt_interval(vague.low, _inf(vague.high))}"
    low = Fraction(vague.low)
    high = None if vague.high is None else Fraction(vague.high)
    if rule in (_Rule.AT_LEAST, _Rule.MORE_THAN):
        return _Span(low, None), f"'{rule.value}' + {size}: keep its lower bound"
    if rule in (_Rule.AT_MOST, _Rule.FEWER_THAN):
        return _Span(Fraction(0), high), f"'{rule.value}' + {size}: keep its upper bound"
    if rule is _Rule.ABOUT:
        return _Span(low, high), f"'about' + {size}: already approximate, left as it is"
    msg = f"'nearly' needs a figure, and '{phrase}' has none"
    raise _ProblemError(msg)


def _inf(x: Fraction | int | None) -> Fraction | float:
    return math.inf if x is None else Fraction(x)


# -- the quantity --------------------------------------------------------------------------------


def _not_nan(_instance: object, attribute: attrs.Attribute[float], value: float) -> None:
    if math.isnan(value):
        msg = f"{attribute.name} must be a number, not NaN"
        raise ValueError(msg)


@attrs.frozen
class Quantity:
    """A figure from a report as a closed interval ``[low, high]`` of a unit.

    ``high`` is ``math.inf`` where the wording sets no ceiling. ``text`` is the wording exactly as
    given and ``reading`` one sentence of how it became the interval, for explanations.
    """

    low: float = attrs.field(converter=float, validator=_not_nan)
    high: float = attrs.field(converter=float, validator=_not_nan)
    unit: str = attrs.field(converter=canonical_unit)
    text: str = ""
    reading: str = ""

    @high.validator
    def _check_order(self, _attribute: attrs.Attribute[float], high: float) -> None:
        if self.low > high:
            msg = f"low must not exceed high, but {_fmt_interval(self.low, high)} does"
            raise ValueError(msg)

    @classmethod
    def parse(cls, text: str, unit: str | None = None) -> Quantity:
        """Read *text* ("at least six", "480 km", "dozens") as a quantity.

        A unit in the wording wins; *unit* (default ``"person"``) is used when the wording has
        none, and must not contradict it. A counted noun in the wording is accepted only when it
        is *unit* (or its plural with "-s"/"-es"). Raises :class:`QuantityError`, quoting the
        wording, when it cannot be read.
        """
        try:
            return _parse(text, unit)
        except _ProblemError as problem:
            msg = f"cannot read {text!r} as a quantity: {problem}"
            raise QuantityError(msg) from None

    @classmethod
    def _parse(cls, text: str, unit: str | None) -> Quantity:
        given = None
        if unit is not None:
            try:
                given = canonical_unit(unit)
            except ValueError as error:
                raise _ProblemError(str(error)) from None
        tokens = _TOKEN.findall(text.lower().translate(_DASHES))
        if not tokens:
            msg = f"the wording is empty; {_EXPECTED}"
            raise _ProblemError(msg)
        reader = _Reader(tokens)

        qualifier = reader.take_phrase(_QUALIFIERS)
        vague = None
        figure: _Figure | None = None
        upper: _Figure | None = None
        units: list[str] = []

        bracket = reader.peek() if reader.peek() in ("between", "from") else None
        if bracket is None:
            vague = reader.take_phrase(_VAGUE)
            multiplied = vague is not None and vague[0] in _MULTIPLIABLE
            if multiplied and reader.peek() == "of" and reader.peek(1) in _MULTIPLIERS:
                reader.take()  # "a couple of hundred"
            if vague is not None and multiplied and reader.peek() in _MULTIPLIERS:
                word = reader.take()
                times = _MULTIPLIERS[word]
                size = vague[1]
                vague = (
                    f"{vague[0]} {word}",
                    _Vague(size.low * times, None if size.high is None else size.high * times,
                           None if size.nominal is None else size.nominal * times),
                )  # fmt: skip
            if vague is not None:
                reader.take_if("of")
        if vague is None:
            if reader.peek() in _ARTICLES and not reader.starts_figure():
                reader.pos += 1  # "a 103-month": the article belongs to the noun phrase
            if bracket is not None:
                reader.take()
            figure = reader.read_figure(and_joins=bracket != "between")
            if figure is None:
                raise _ProblemError(_EXPECTED)
            units.extend(filter(None, [reader.read_unit(hyphen_ok=True)]))
            joiners = {"between": ("and",), "from": ("to",)}.get(bracket or "", ("-", "to"))
            if reader.peek() in joiners and reader.starts_figure(1):
                reader.take()
                upper = reader.read_figure()
            elif bracket is not None:
                msg = f"'{bracket} N' must be followed by '{joiners[0]} M'"
                raise _ProblemError(msg)
        if upper is not None or not units:
            units.extend(filter(None, [reader.read_unit(hyphen_ok=vague is None)]))
        if not reader.done:
            units.append(_trailing_noun(reader, given, after_unit=bool(units)))

        if len({canonical_unit(word) for word in units}) > 1:
            msg = f"the wording gives two units, {units[0]!r} and {units[-1]!r}"
            raise _ProblemError(msg)
        said = canonical_unit(units[0]) if units else None
        if said is not None and given is not None and said != given:
            msg = f"the wording says {units[0]!r} but the unit given is {given!r}"
            raise _ProblemError(msg)
        final_unit = said or given or "person"
        count = _dimension_of(final_unit) is Dimension.COUNT

        span, reading = cls._interval(qualifier, vague, figure, upper, count)
        if count:
            span = _Span(
                Fraction(math.ceil(span.low)),
                None if span.high is None else Fraction(math.floor(span.high)),
            )
        if span.high is not None and span.low > span.high:
            msg = f"it leaves no possible value ({_fmt_interval(span.low, span.high)})"
            raise _ProblemError(msg)
        low, high = float(span.low), _inf(span.high)
        reading = f"{reading} → {_fmt_interval(low, high)} {final_unit}"
        return cls(low, float(high), final_unit, text, reading)

    @staticmethod
    def _interval(
        qualifier: tuple[str, _Rule] | None,
        vague: tuple[str, _Vague] | None,
        figure: _Figure | None,
        upper: _Figure | None,
        count: bool,
    ) -> tuple[_Span, str]:
        said, rule = (None, None) if qualifier is None else qualifier
        if vague is not None:
            phrase, size = vague
            if rule is None:
                return (
                    _Span(Fraction(size.low), None if size.high is None else Fraction(size.high)),
                    f"vague size '{phrase}' (see the wording table)",
                )
            if size.nominal is None:
                span, how = _qualify_vague(rule, phrase, size)
            else:
                n = Fraction(size.nominal)
                bare = _Span(Fraction(size.low), Fraction(size.high or size.nominal))
                span, how = _qualify(rule, n, f"{size.nominal} ('{phrase}')", bare, count)
            return span, _as(said, rule) + how
        assert figure is not None
        if upper is not None:
            if rule is not None:
                msg = f"a range takes no qualifier such as {said!r}"
                raise _ProblemError(msg)
            if upper.scale > 1 and figure.scale == 1 and figure.value <= upper.value / upper.scale:
                figure = figure.rescaled(upper.scale)
            if figure.value > upper.value:
                msg = (
                    f"the range runs backwards: {figure.written} is more than {upper.written}; "
                    "write the smaller end first"
                )
                raise _ProblemError(msg)
            low_end, _ = _precision(figure, count)
            high_end, _ = _precision(upper, count)
            return (
                _Span(low_end.low, high_end.high),
                f"range {figure.written} to {upper.written}: both ends included, "
                "each at its own precision",
            )
        bare, how = _precision(figure, count)
        if rule is None:
            return bare, how
        shown = _fmt(figure.value)
        named = shown if figure.written == shown else f"{shown} ('{figure.written}')"
        span, how = _qualify(rule, figure.value, named, bare, count)
        return span, _as(said, rule) + how

    @classmethod
    def interval(cls, low: float, high: float, unit: str = "person", text: str = "") -> Quantity:
        """A curator's explicit interval, for figures no wording captures."""
        if math.isnan(low) or math.isnan(high) or low > high:
            msg = f"a curator's interval needs low <= high, got [{low}, {high}]"
            raise QuantityError(msg)
        unit = canonical_unit(unit)
        return cls(low, high, unit, text, f"curator's interval {_fmt_interval(low, high)} {unit}")

    @property
    def curated(self) -> bool:
        """Whether the interval is a curator's (`Quantity.interval`), not read from the text."""
        return self.reading.startswith("curator's interval")

    @property
    def dimension(self) -> Dimension:
        """What the unit measures: a count, a length or a duration."""
        return _dimension_of(self.unit)

    def contains(self, x: float) -> bool:
        """Whether *x* lies within the interval, bounds included."""
        return self.low <= x <= self.high

    def overlaps(self, other: Quantity) -> bool:
        """Whether the two intervals share a value, once in one unit.

        Symmetric. Bounds within one part in a billion count as touching, so conversion rounding
        never separates two figures. Raises :class:`UnitError` across dimensions or counted nouns.
        """
        a, b = self, other
        if a.unit != b.unit:
            _check_comparable(a, b.unit, b)
            base = _BASE_UNIT[a.dimension]
            a, b = a.to(base), b.to(base)
        return _at_most(a.low, b.high) and _at_most(b.low, a.high)

    def above(self, other: Quantity) -> bool:
        """Whether every value of this interval lies above every value of *other* (in one
        unit; touching bounds, within conversion rounding, do not count as above).

        Raises :class:`UnitError` across dimensions or counted nouns.
        """
        a, b = self, other
        if a.unit != b.unit:
            _check_comparable(a, b.unit, b)
            base = _BASE_UNIT[a.dimension]
            a, b = a.to(base), b.to(base)
        return not _at_most(a.low, b.high)

    def to(self, unit: str) -> Quantity:
        """The same quantity in *unit*; the reading records the conversion.

        Raises :class:`UnitError` when *unit* is of another dimension or another counted noun.
        """
        target = canonical_unit(unit)
        if target == self.unit:
            return self
        _check_comparable(self, target, None)
        ratio = _SIZE[self.unit] / _SIZE[target]
        low, high = _scale(self.low, ratio), _scale(self.high, ratio)
        reading = (
            f"{self.reading}; converted at 1 {self.unit} = {float(ratio):.10g} {target}: "
            f"{_fmt_interval(self.low, self.high)} {self.unit} → {_fmt_interval(low, high)} "
            f"{target}"
        )
        return Quantity(low, high, target, self.text, reading)

    def __str__(self) -> str:
        shown = f"{_fmt_interval(self.low, self.high)} {self.unit}"
        return f"{shown} (‘{self.text}’)" if self.text else shown


@functools.lru_cache(maxsize=1 << 14)
def _parse(text: str, unit: str | None) -> Quantity:
    """`Quantity.parse`, remembered: bulk claim sets repeat a few thousand wordings, and sharing
    the (immutable) result also shares its memory."""
    return Quantity._parse(text, unit)


def _as(said: str | None, rule: _Rule) -> str:
    return "" if said == rule.value else f"'{said}' reads as '{rule.value}'; "


def _trailing_noun(reader: _Reader, given: str | None, *, after_unit: bool) -> str:
    """The counted noun that ends a wording, if it is the given unit; else a _ProblemError."""
    rest = reader.tokens[reader.pos :]
    noun = " ".join(rest)
    if not after_unit and given is not None and _dimension_of(given) is Dimension.COUNT:
        plurals = {given, f"{given}s", f"{given}es"}
        if noun in plurals:
            return given
    if not all(token.isalpha() and token not in _NUMBER_WORDS for token in rest):
        raise _ProblemError(_EXPECTED)
    if after_unit:
        msg = f"{noun!r} after the unit is not understood; leave it out of the wording"
        raise _ProblemError(msg)
    known = ", ".join(sorted(set(_UNIT_ALIASES.values())))
    msg = (
        f"{noun!r} is not a unit crosscheck knows ({known}); give the counted noun as the "
        f'unit, e.g. unit="{noun}", and leave it out of the wording'
    )
    raise _ProblemError(msg)


def _scale(x: float, ratio: Fraction) -> float:
    return x if math.isinf(x) or x == 0 else float(Fraction(x) * ratio)


def _at_most(x: float, y: float) -> bool:
    return x <= y or math.isclose(x, y, rel_tol=1e-9)


def _check_comparable(q: Quantity, unit: str, other: Quantity | None) -> None:
    """Raise UnitError unless *q* can be compared with (``other``) or converted to *unit*."""
    theirs = _dimension_of(unit)
    action = f"compare {q} with {other}" if other is not None else f"convert {q} to {unit!r}"
    if q.dimension is not theirs:
        msg = f"cannot {action}: a {q.dimension.value} is not a {theirs.value}"
        raise UnitError(msg)
    if q.dimension is Dimension.COUNT:
        msg = (
            f"cannot {action}: a count of {q.unit!r} is not a count of {unit!r}; "
            "count the same noun on both sides"
        )
        raise UnitError(msg)
