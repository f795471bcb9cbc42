"""Quantities: the numbers in a report, read as intervals.

A report never says "exactly 480.000 km". It says "480 km", "at least six", "almost 200,000",
"dozens", "half a million". crosscheck reads each wording as a closed interval ``[low, high]`` of
plausible values (``high`` may be ``math.inf``) together with a unit, the exact wording, and one
sentence — the *reading* — that says how the wording became the interval. Two figures disagree only
when their intervals do not overlap, and the readings are what a finding's explanation quotes.

The rules, in brief (the full tables are :data:`WORDINGS` and :data:`UNITS`, rendered into
``docs/quantities.md`` by ``crosscheck.docgen``):

* **Units.** Lengths, areas, masses, durations and percentages are *measured* (:data:`UNITS`)
  and convert exactly (sizes are fractions) within their dimension. Anything else is a *count* of
  some noun (``person`` by default, because casualty and displacement figures count people far
  more often than anything else). A count only compares with a count of the same noun; two
  dimensions never compare: mixing them raises :class:`UnitError`.
* **Implied precision.** A measured figure is always rounded to its last significant digit:
  ``480 km`` is ``[475, 485]``, ``62 miles`` is ``[61.5, 62.5]``, ``1.5 km`` is ``[1.45, 1.55]``.
  A lone leading 1 (``10``, ``100``, ``1 million``) makes the next digit significant too. A count
  is exact (``34`` soldiers are 34) unless it is a round figure ending in two or more zeros
  (``5,000``, ``1.5 million``, ``a hundred``); then it carries the same precision.
* **Fractions** ("a half", "two thirds", "2 1/4", "⅔", "one and a half million") are known to a
  tenth of their fractional part, so "half a million" reads like 500,000 and "one and a half
  million" like 1.5 million.
* **Qualifiers** ("at least", "more than", "nearly", "about", "or so", "N+", ...) act on the figure
  ``N`` as written, not on its precision interval — except "about", which is never narrower than
  the bare figure would have been. Intervals are closed; for a count "more than 100" is
  ``[101, ∞)``.
* **Ranges** in every form ("X to Y", "X-Y", "between X and Y", "from X to Y", "X~Y", ...) are one
  law: a floor and a ceiling, each read as written, ``[X, Y]`` — like "at least X and at most Y".
* **Vague sizes** ("a dozen", "dozens", "hundreds of thousands", "several", ...) map to fixed
  intervals; a qualifier in front of one acts on its nominal figure where it has one.
* **Comparing.** :meth:`Quantity.overlaps` converts both sides to one unit and treats bounds
  within one part in a billion as touching, so rounding in a unit conversion never creates a
  disagreement.

Wording that cannot be read raises :class:`QuantityError`, whose message quotes the wording,
names the word that could not be read and, for a near miss, suggests the word meant. Nothing is
silently dropped. This module does no I/O.
"""

from __future__ import annotations

import difflib
import enum
import functools
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping
from fractions import Fraction
from typing import Final, TypeVar

import attrs

from crosscheck.errors import CrosscheckError

__all__ = [
    "NUMBER_WORDS",
    "TENS_WORDS",
    "UNITS",
    "WORDINGS",
    "Dimension",
    "Quantity",
    "QuantityError",
    "Unit",
    "UnitError",
    "Wording",
    "canonical_unit",
    "whole_number",
]


LARGEST_FIGURE: Final = 1e15
"""A figure this large or larger is no figure a report gives: a wording of more than fifteen
digits is refused, as an explicit bound is."""

LONGEST_WORDING: Final = 200
"""The most characters a figure's wording may have: a report gives a figure in a few words, and
a bound keeps every reading fast."""


class QuantityError(CrosscheckError, ValueError):
    """Wording that cannot be read as a quantity."""


class UnitError(CrosscheckError, ValueError):
    """Units of different dimensions (or different counted nouns) were mixed."""


class Dimension(enum.Enum):
    """What a unit measures; only quantities of one dimension compare."""

    COUNT = "count"
    LENGTH = "length"
    AREA = "area"
    MASS = "mass"
    DURATION = "duration"
    PERCENTAGE = "percentage"


# -- units -------------------------------------------------------------------------------------


@attrs.frozen
class Unit:
    """A measured unit: its canonical spelling, what it measures, its exact size in the base unit
    of its dimension (the unit whose size is 1), and every spelling the reader accepts for it."""

    name: str
    dimension: Dimension
    size: Fraction
    spellings: tuple[str, ...]


def _plurals(*words: str) -> tuple[str, ...]:
    return tuple(spelling for word in words for spelling in (word, f"{word}s"))


_MILE: Final = Fraction("1.609344")
_YEAR_IN_DAYS: Final = Fraction("365.2425")
_L, _A, _M = Dimension.LENGTH, Dimension.AREA, Dimension.MASS
_D, _P = Dimension.DURATION, Dimension.PERCENTAGE

UNITS: Final[tuple[Unit, ...]] = (
    Unit("km", _L, Fraction(1), ("km", "kms", *_plurals("kilometre", "kilometer"))),
    Unit("m", _L, Fraction(1, 10**3), ("m", *_plurals("metre", "meter"))),
    Unit("dm", _L, Fraction(1, 10**4), ("dm", *_plurals("decimetre", "decimeter"))),
    Unit("cm", _L, Fraction(1, 10**5), ("cm", *_plurals("centimetre", "centimeter"))),
    Unit("mm", _L, Fraction(1, 10**6), ("mm", *_plurals("millimetre", "millimeter"))),
    Unit("mi", _L, _MILE, ("mi", *_plurals("mile"))),
    Unit("nmi", _L, Fraction("1.852"), ("nmi", *_plurals("nautical mile"))),
    Unit("yd", _L, Fraction("0.0009144"), ("yd", "yds", *_plurals("yard"))),
    Unit("ft", _L, Fraction("0.0003048"), ("ft", "foot", "feet")),
    Unit("in", _L, Fraction("0.0000254"), ("in", "inch", "inches")),
    Unit("km²", _A, Fraction(1), ("km²", "km2", "sq km", "sq. km", "square km",
                                  *_plurals("square kilometre", "square kilometer"))),
    Unit("m²", _A, Fraction(1, 10**6), ("m²", "m2", "sq m", "sq. m",
                                        *_plurals("square metre", "square meter"))),
    Unit("mi²", _A, _MILE**2, ("mi²", "mi2", "sq mi", "sq. mi", *_plurals("square mile"))),
    Unit("ha", _A, Fraction(1, 100), ("ha", *_plurals("hectare"))),
    Unit("acre", _A, Fraction("0.0040468564224"), _plurals("acre")),
    Unit("kg", _M, Fraction(1), ("kg", "kgs", *_plurals("kilo", "kilogram", "kilogramme"))),
    Unit("g", _M, Fraction(1, 1000), ("g", *_plurals("gram", "gramme"))),
    Unit("t", _M, Fraction(1000), ("t", *_plurals("tonne", "metric ton"))),
    Unit("lb", _M, Fraction("0.45359237"), ("lb", "lbs", *_plurals("pound"))),
    Unit("minute", _D, Fraction(1, 24 * 60), ("min", "mins", *_plurals("minute"))),
    Unit("hour", _D, Fraction(1, 24), ("hr", "hrs", *_plurals("hour"))),
    Unit("day", _D, Fraction(1), _plurals("day")),
    Unit("week", _D, Fraction(7), _plurals("week")),
    Unit("month", _D, _YEAR_IN_DAYS / 12, _plurals("month")),
    Unit("year", _D, _YEAR_IN_DAYS, _plurals("year")),
    Unit("decade", _D, 10 * _YEAR_IN_DAYS, _plurals("decade")),
    Unit("percent", _P, Fraction(1), ("%", "percent", "per cent", "pct")),
)  # fmt: skip
"""Every measured unit, with its exact size: 1 mi = 1.609344 km, 1 year = 12 months = 365.2425
days, and so on. The base unit of each dimension (size 1) is the one comparisons convert to."""

_PERSON: Final = ("person", "persons", "people")

_UNIT_ALIASES: Final[dict[str, str]] = {
    **{spelling: u.name for u in UNITS for spelling in u.spellings},
    **dict.fromkeys(_PERSON, "person"),
}
_DIMENSION_OF: Final[dict[str, Dimension]] = {u.name: u.dimension for u in UNITS}
_SIZE: Final[dict[str, Fraction]] = {u.name: u.size for u in UNITS}
_BASE_UNIT: Final[dict[Dimension, str]] = {u.dimension: u.name for u in UNITS if u.size == 1}

# Tokens: a few abbreviations with a dot, fractions like 1/4, numerals (with their separators),
# words, and any other single character ("%", "~", "+", "½", "²").
_TOKEN: Final = re.compile(
    r"approx\.|ca\.|sq\.|[0-9]+/[0-9]+|[0-9]+(?:[.,][0-9]+)*|\.[0-9]+|[a-z]+|\S"
)
_DASHES: Final = str.maketrans(dict.fromkeys("‐‑‒–—−", "-"))


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower().translate(_DASHES))


_UNIT_PHRASES: Final[dict[str, str]] = {
    " ".join(_tokens(spelling)): name for spelling, name in _UNIT_ALIASES.items()
}
"""Each spelling of a unit as the reader sees it: a phrase of tokens ("sq . km", "km ²")."""


def canonical_unit(unit: str) -> str:
    """Return the canonical spelling of *unit*.

    Known units collapse to one spelling ("kilometres" → "km", "sq mi" → "mi²", "per cent" →
    "percent", "people" → "person"); any other noun is a counted noun and is only lower-cased and
    stripped (it is not singularised: "soldiers" stays "soldiers").
    """
    key = " ".join(unit.split()).lower()
    if not key:
        msg = "a unit must be a noun such as 'km', 'year' or 'soldier', not an empty string"
        raise ValueError(msg)
    known = _UNIT_ALIASES.get(key)
    if known is None and not key.isalpha():
        known = _UNIT_PHRASES.get(" ".join(_tokens(key)))
    return known or key


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

    ``pattern`` lists the accepted phrasings (``N`` and ``M`` stand for figures), ``example`` is a
    wording that :meth:`Quantity.parse` reads as ``interval`` (unit ``person`` unless the interval
    names another), and ``reason`` is the justification a fact-checker can quote.
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
        "digits: 1,234,567 · 1 234 567 · 40 000 · 12,34,567 (Indian grouping) · 4.8 · .5",
        "40 000",
        "[35000, 45000]",
        "Digits may be grouped by commas, by spaces (also narrow ones) or in lakhs; a decimal "
        "may start with its point. A decimal comma (5,00) is refused, since 1,300 would be "
        "ambiguous.",
    ),
    Wording(
        "N thousand · N million · N billion · N trillion · N lakh · N crore · N lakh crore",
        "1.5 million",
        "[1450000, 1550000]",
        "A scale word multiplies the figure; the precision is that of the last digit written, so "
        "1.5 million is ±50,000 and 3 million ±500,000. A lakh is 100,000 and a crore 10 million.",
    ),
    Wording(
        "Nk · Nm · Nmn · Nmln · Nmil · Nb · Nbn · Nbln · Ntn · Ntln · Ntrn (after digits)",
        "3.6bn",
        "[3550000000, 3650000000]",
        "An abbreviated scale word reads like the word: 5k is 5,000, 3.6bn is 3.6 billion. 'm' "
        "after digits is million for a count (unit='person', the noun counted) and metres for a "
        "length (unit='m' or 'km', or written '500m-long'); with no unit given it is refused, "
        "since it could be either.",
    ),
    Wording(
        "N unit (a measured figure: a length, area, mass, duration or percentage)",
        "480 km",
        "[475, 485] km",
        "A measured figure is always rounded to its last significant digit: 480 km is 475–485 km, "
        "62 miles is 61.5–62.5 miles, 30 km is 25–35 km, 1.5 km is 1.45–1.55 km.",
    ),
    Wording(
        "N% · N per cent · N percent · N pct",
        "40%",
        "[35, 45] percent",
        "A percentage is a measured figure of its own dimension: it is rounded like any other, "
        "and it never compares with a count or a length.",
    ),
    Wording(
        "N unit M unit (a compound measure: 5 ft 2 in · 5 feet and 2 inches · 2 hours 30 minutes)",
        "5 ft 2 in",
        "[5.125, 5.20833] ft",
        "The parts add up in the first unit, and the precision is that of the last part: "
        "5 ft 2 in is 5 ft plus 1.5–2.5 inches.",
    ),
    Wording(
        "number words: zero · nought · one … nineteen · twenty … ninety-nine · hundred · "
        "thousand · million · billion · trillion · lakh · crore · 'and' · 'point'",
        "one hundred and twenty",
        "[120, 120]",
        "A number word reads exactly like the figure it spells, precision included ('two thousand "
        "and five', 'nineteen hundred', 'two point five'); 'a' or 'an' before hundred, thousand "
        "or million means one, so 'a hundred' is read like 100; 'a' or 'an' alone, or before a "
        "unit, counts one ('a Turkish drone' is one drone).",
    ),
    Wording(
        "a N-unit (adjective form)",
        "a 103-month",
        "[102.5, 103.5] month",
        "The adjective form reads like the plain figure: a leading article is ignored, as are "
        "'-long', '-deep', '-wide', '-high' and '-tall' after the unit (a nine-year-long war, a "
        "30km-deep zone).",
    ),
    Wording(
        "fractions: a half · half · a third · two thirds · a quarter · three quarters · "
        "N fifths … N hundredths · 1/4 · ⅔ · N over M · N in M · N out of M · a third of",
        "two thirds of a mile",
        "[0.6, 0.733333] mi",
        "A fraction is known to a tenth of itself: 'two thirds' is 0.6–0.733 and 'a half' "
        "0.45–0.55. 'One in three' is the fraction 1/3. As a count a fraction must come to a "
        "whole number; as a share in percent (unit='percent') it is read as the percentage it "
        "is: 'nearly a third' is 30–33.3 percent.",
    ),
    Wording(
        "mixed numbers: 2 1/4 · 2½ · one and a half · five and a quarter · forty two and a third",
        "2 1/4 miles",
        "[2.225, 2.275] mi",
        "Only the fraction is uncertain, to a tenth of itself: '2 1/4' is 2.225–2.275 and 'ten "
        "and a half' 10.45–10.55.",
    ),
    Wording(
        "N unit and a half · N unit and a quarter · N unit and three quarters · N unit and a third",
        "a year and a half",
        "[1.45, 1.55] year",
        "The fraction after the unit adds to the figure, as in 'one and a half years'.",
    ),
    Wording(
        "fraction + scale: half a million · a quarter of a million · one and a half million · "
        "a million and a half · two thirds of a million",
        "half a million",
        "[450000, 550000]",
        "The fraction multiplies the scale word and keeps its precision, so 'half a million' "
        "reads like 500,000 and 'one and a half million' like 1.5 million; after 'a million' "
        "the fraction is of a million ('three million and a quarter' is 3.25 million).",
    ),
    Wording(
        "exactly N · precisely N · equal to N · equals N · equals to N · equaling N · "
        "equaling to N · equalling N",
        "exactly 5,000",
        "[5000, 5000]",
        "The writer says the figure is not rounded, so the implied precision is dropped.",
    ),
    Wording(
        "at least N · no fewer than N · no less than N · not fewer than N · not less than N · "
        "a minimum of N · N or more · N and more · N or greater · N or above · N or over · "
        "N or higher · N and above · N and over · N and up · N+ · N plus · N-plus · ≥ N · >= N · "
        "greater than or equal to N · more than or equal to N · equal to or more than N · "
        "equal to or greater than N · N or greater than · N or more than · "
        "at least or equal to N · "
        "bigger or equal than N · greater or equal than N · higher or equal than N · "
        "larger or equal than N · more than N or equal to",
        "at least six",
        "[6, ∞)",
        "A floor with no ceiling: the true figure may be any larger number. 'Equal to N or more' "
        "and 'more than N or equal to' read the same.",
    ),
    Wording(
        "more than N · over N · upwards of N · upward of N · greater than N · larger than N · "
        "bigger than N · higher than N · above N · exceeding N · exceeds N · exceed N · "
        "surpassing N · surpass N · in excess of N · well over N · well above N · "
        "well in excess of N · > N",
        "more than one hundred",
        "[101, ∞)",
        "Strictly above N: for a count the next whole number up; for a measured figure N itself, "
        "since intervals are closed and the open end matters at one point only. 'Well over' "
        "says no more about how far over, so it reads the same.",
    ),
    Wording(
        "at most N · up to N · within N · no more than N · not more than N · as many as N · "
        "a maximum of N · N or less · N or fewer · N or below · N or under · N or lower · "
        "N and below · N and under · ≤ N · <= N · less than or equal to N · "
        "fewer than or equal to N · equal to or less than N · equal to or fewer than N · "
        "smaller or equal than N · less or equal than N · lower or equal than N · "
        "less than N or equal",
        "up to 30 km",
        "[0, 30] km",
        "A ceiling with no floor. 'As many as N' is a ceiling too: reporters use it for the "
        "largest figure anyone gives ('as many as 500 may have died'), which the true figure "
        "may reach but need not be near, so a smaller, firmer figure never contradicts it.",
    ),
    Wording(
        "fewer than N · less than N · under N · below N · smaller than N · lower than N · "
        "well under N · well below N · < N",
        "fewer than 20",
        "[0, 19]",
        "Strictly below N: for a count the next whole number down; for a measured figure N itself.",
    ),
    Wording(
        "almost N · nearly N · just under N · just below N · close to N · just shy of N · "
        "a little under N · a little less than N · slightly under N · slightly less than N · "
        "not quite N",
        "almost 200,000",
        "[180000, 200000]",
        "Just below N: within 10% under it (for a count at least one under it); N itself is "
        "allowed.",
    ),
    Wording(
        "just over N · just above N · just more than N · a little over N · a little more than N "
        "· slightly over N · slightly more than N · slightly above N",
        "just over 100",
        "[101, 110]",
        "Just above N: within 10% over it (for a count at least one over it, and strictly over).",
    ),
    Wording(
        "about N · around N · some N · roughly N · approximately N · approx. N · an estimated N · "
        "estimated N · circa N · ca. N · in the region of N · ~N · more or less N · "
        "N more or less · N or so · N or thereabouts",
        "about 5,000",
        "[4500, 5500]",
        "N ± 10% (for a count at least ±1, so 'about seven' is 6–8), and never narrower than "
        "the precision the bare figure already has: 'about 200,000' is [150000, 250000].",
    ),
    Wording(
        "N-odd · N odd",
        "forty-odd",
        "[40, 50]",
        "N and some more, up to the next step of its last significant digit: 'forty-odd' is "
        "40–50, '300-odd' 300–400.",
    ),
    Wording(
        "between N and M · from N to M · N to M · N-M · N–M · N~M · N through M · N or M",
        "between 50 and 100",
        "[50, 100]",
        "Every range form is one law: a floor and a ceiling, both included and each read as "
        "written, like 'at least N and at most M' — a writer who gives both ends has stated the "
        "uncertainty already. The upper end's scale — a scale word, or groups of three zeros — "
        "carries to a lower end that is smaller than its figure: 'two to three million', "
        "'1.5 to 2 million', '20-30,000' (20,000 to 30,000; but '50-1,000' is 50 to 1,000). A "
        "range whose ends are reversed is an error.",
    ),
    Wording(
        "a floor and a ceiling: more than N and less than M · above N but below M · "
        "at least N, at most M · no more than M and no less than N",
        "more than 10 and fewer than 40",
        "[11, 39]",
        "Two bounds joined by 'and', 'but' or a comma both hold, so the interval is where they "
        "meet; one must be a floor and the other a ceiling.",
    ),
    Wording(
        "a dozen",
        "a dozen",
        "[10, 14]",
        "Twelve, loosely: reporters write 'a dozen' for anything from ten to fourteen.",
    ),
    Wording(
        "N dozen · half a dozen · N dozens",
        "two dozen",
        "[20, 28]",
        "N times a dozen, as loosely: 10N to 14N, with 12N as the figure a qualifier acts on "
        "('nearly two dozen' is [22, 24]).",
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
        "[2000000, 9999999]",
        "At least two million, and fewer than would be called 'tens of millions'.",
    ),
    Wording(
        "tens of millions (of) · hundreds of millions (of)",
        "tens of millions",
        "[20000000, 99999999]",
        "As for thousands: at least twenty million, and fewer than would be called 'hundreds of "
        "millions'; hundreds of millions are 200 million to a billion.",
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
        "thousand' 2,000–5,000, 'several dozen' 36–108, 'several hundred thousand' "
        "300,000–900,000.",
    ),
    Wording(
        "a number of",
        "a number of",
        "[2, ∞)",
        "Says 'more than one' and nothing about magnitude, so it never conflicts with a larger "
        "figure.",
    ),
    Wording(
        "some (alone) · at least some",
        "some",
        "[1, ∞)",
        "Without a figure, 'some' says only that there were any.",
    ),
    Wording(
        "a large number of · many · numerous",
        "a large number of",
        "[10, ∞)",
        "Says 'a lot' without a ceiling: at least ten.",
    ),
    Wording(
        "vague size + more: dozens more · hundreds more",
        "dozens more",
        "[24, 99]",
        "'More' says the figure is of additional ones; the figure itself is the vague size.",
    ),
    Wording(
        "N, if not M · N if not M",
        "dozens, if not hundreds",
        "[24, 999]",
        "The first figure, perhaps as high as the second: from the first's floor to the "
        "second's ceiling.",
    ),
    Wording(
        "qualifier + vague size",
        "more than a dozen",
        "[13, ∞)",
        "A qualifier acts on the nominal figure of 'a dozen' (12), 'N dozen' (12N) or 'a couple' "
        "(2), before or after it ('a dozen or so', 'a dozen or more'). Other vague sizes have "
        "none: 'at least', 'more than' keep their lower bound, 'at most', 'up to', 'fewer than' "
        "their upper bound, 'about' leaves them as they are, and 'nearly', 'just over', "
        "'exactly' are refused.",
    ),
)


# -- parser tables (every phrase here is documented in a WORDINGS row) --------------------------


class _Rule(enum.Enum):
    AT_LEAST = "at least"
    MORE_THAN = "more than"
    AT_MOST = "at most"
    FEWER_THAN = "fewer than"
    NEARLY = "nearly"
    JUST_OVER = "just over"
    ABOUT = "about"
    EXACTLY = "exactly"


_FLOORS: Final = frozenset({_Rule.AT_LEAST, _Rule.MORE_THAN})
_CEILINGS: Final = frozenset({_Rule.AT_MOST, _Rule.FEWER_THAN})

_QUALIFIER_PHRASES: Final[dict[_Rule, tuple[str, ...]]] = {
    _Rule.AT_LEAST: (
        "at least", "no fewer than", "no less than", "not fewer than", "not less than",
        "a minimum of", "≥", ">=", "greater than or equal to", "more than or equal to",
        "equal to or more than", "equal to or greater than", "at least or equal to",
        "bigger or equal than", "greater or equal than", "higher or equal than",
        "larger or equal than",
    ),
    _Rule.MORE_THAN: (
        "more than", "over", "upwards of", "upward of", "greater than", "larger than",
        "bigger than", "higher than", "above", "exceeding", "exceeds", "exceed", "surpassing",
        "surpass", "in excess of", "well over", "well above", "well in excess of", ">",
    ),
    _Rule.AT_MOST: (
        "at most", "up to", "no more than", "not more than", "as many as", "a maximum of", "≤",
        "within",
        "<=", "less than or equal to", "fewer than or equal to", "equal to or less than",
        "equal to or fewer than", "smaller or equal than", "less or equal than",
        "lower or equal than",
    ),
    _Rule.FEWER_THAN: (
        "fewer than", "less than", "under", "below", "smaller than", "lower than", "well under",
        "well below", "<",
    ),
    _Rule.NEARLY: (
        "almost", "nearly", "just under", "just below", "close to", "just shy of",
        "a little under", "a little less than", "slightly under", "slightly less than",
        "not quite",
    ),
    _Rule.JUST_OVER: (
        "just over", "just above", "just more than", "a little over", "a little more than",
        "slightly over", "slightly more than", "slightly above",
    ),
    _Rule.ABOUT: (
        "about", "around", "some", "roughly", "approximately", "approx.", "an estimated",
        "estimated", "circa", "ca.", "in the region of", "~", "more or less",
    ),
    _Rule.EXACTLY: ("exactly", "precisely", "equal to", "equals", "equals to", "equaling",
                    "equaling to", "equalling"),
}  # fmt: skip

_QUALIFIERS: Final[dict[str, _Rule]] = {
    phrase: rule for rule, phrases in _QUALIFIER_PHRASES.items() for phrase in phrases
}
"""Qualifiers written before a figure, as written."""

_OR_EQUAL: Final = "or equal"
_TRAILING: Final[dict[str, _Rule | str]] = {
    **dict.fromkeys(
        ("or more", "and more", "or greater", "or greater than", "or more than", "or above",
         "or over", "or higher", "and above", "and over", "and up", "+", "plus", "-plus"),
        _Rule.AT_LEAST,
    ),
    **dict.fromkeys(
        ("or less", "or fewer", "or below", "or under", "or lower", "and below", "and under"),
        _Rule.AT_MOST,
    ),
    **dict.fromkeys(("or so", "more or less", "or thereabouts"), _Rule.ABOUT),
    **dict.fromkeys(("or equal", "or equal to"), _OR_EQUAL),
}  # fmt: skip
"""Qualifiers written after a figure; "or equal (to)" only turns a strict bound before it into
an inclusive one ("more than 5000 or equal to")."""

_ODD: Final = {"odd": "-odd", "- odd": "-odd"}


def _phrases(table: Mapping[str, _T]) -> dict[str, tuple[str, _T]]:
    """*table* keyed by its phrases as token sequences, each with its phrase as written."""
    return {" ".join(_tokens(phrase)): (phrase, value) for phrase, value in table.items()}


@attrs.frozen
class _Vague:
    low: Fraction
    high: Fraction | None  # None: no ceiling
    nominal: Fraction | None = None  # the figure a qualifier acts on, where there is one

    def times(self, factor: Fraction) -> _Vague:
        return _Vague(
            self.low * factor,
            None if self.high is None else self.high * factor,
            None if self.nominal is None else self.nominal * factor,
        )


def _vague(low: int, high: int | None, nominal: int | None = None) -> _Vague:
    return _Vague(Fraction(low), None if high is None else Fraction(high),
                  None if nominal is None else Fraction(nominal))  # fmt: skip


_VAGUE: Final[dict[str, _Vague]] = {
    "a dozen": _vague(10, 14, nominal=12),
    "dozens": _vague(24, 99),
    "scores": _vague(40, 199),
    "hundreds": _vague(200, 999),
    "thousands": _vague(2000, 9999),
    "tens of thousands": _vague(20000, 99999),
    "hundreds of thousands": _vague(200000, 999999),
    "millions": _vague(2000000, 9999999),
    "tens of millions": _vague(20000000, 99999999),
    "hundreds of millions": _vague(200000000, 999999999),
    "several": _vague(3, 9),
    "a few": _vague(2, 5),
    "a couple": _vague(2, 3, nominal=2),
    "a handful": _vague(2, 6),
    "a number of": _vague(2, None),
    "a large number of": _vague(10, None),
    "many": _vague(10, None),
    "numerous": _vague(10, None),
    "some": _vague(1, None),
}
_A_DOZEN: Final = _VAGUE["a dozen"]
_DOZENS: Final = frozenset({"dozen", "dozens", "doz", "dozs", "dz", "dzs"})

_MULTIPLIABLE: Final = frozenset({"several", "a few", "a couple", "a handful"})
"""Small vague sizes that a following scale word multiplies: "several hundred"."""
_MULTIPLIERS: Final[dict[str, int]] = {
    "dozen": 12, "hundred": 100, "thousand": 1000, "million": 10**6,
    "hundreds": 100, "thousands": 1000, "millions": 10**6,  # "several thousands"
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
_UNITS_WORDS: Final[dict[str, int]] = {**_SMALL, "nought": 0, "naught": 0}
_TENS: Final[dict[str, int]] = {
    word: 10 * n
    for n, word in enumerate(
        ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"), 2
    )
}
TENS_WORDS: Final[Mapping[str, int]] = _TENS
"""The tens in words, twenty to ninety (shared with `crosscheck.dates`)."""
_SCALES: Final[dict[str, int]] = {
    "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
    "lakh": 10**5, "lakhs": 10**5, "crore": 10**7, "crores": 10**7,
}  # fmt: skip
_ABBREVIATIONS: Final[dict[str, int]] = {
    "k": 10**3, "mn": 10**6, "mln": 10**6, "mil": 10**6, "b": 10**9, "bn": 10**9,
    "bln": 10**9, "tn": 10**12, "tln": 10**12, "trn": 10**12,
}  # fmt: skip
"""Scale words abbreviated after digits ("5k", "3.6bn"); "m" is million or metres (see
`_Reader.m_is_million`)."""

_SCALE_NAMES: Final = {10**3: "thousand", 10**6: "million", 10**9: "billion", 10**12: "trillion"}

_ORDINAL_WORDS: Final[dict[str, int]] = {
    "half": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
    "thousandth": 10**3, "millionth": 10**6, "billionth": 10**9, "trillionth": 10**12,
}  # fmt: skip
_DENOMINATORS: Final[dict[str, int]] = {
    **_ORDINAL_WORDS,
    **{f"{word}s": n for word, n in _ORDINAL_WORDS.items() if word != "half"},
    "halves": 2,
}
_GLYPHS: Final[dict[str, Fraction]] = {
    glyph: Fraction(unicodedata.numeric(glyph)).limit_denominator(10)
    for glyph in "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒"
}
_NUMBER_WORDS: Final = frozenset({*_UNITS_WORDS, *_TENS, *_SCALES, "hundred"})
_ARTICLES: Final = frozenset({"a", "an", "the"})
_ADJECTIVES: Final = frozenset({"long", "deep", "wide", "high", "tall"})

_NUMERAL: Final = re.compile(
    r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,2}(?:,[0-9]{2})+,[0-9]{3}|[0-9]+)(?:\.[0-9]+)?"
    r"|\.[0-9]+"
)

_EXPECTED: Final = (
    "expected a number, optionally with a qualifier such as 'at least' or a vague size such as "
    "'dozens'"
)

_T = TypeVar("_T")

_QUALIFIER_TOKENS: Final = _phrases(_QUALIFIERS)
_TRAILING_TOKENS: Final = _phrases(_TRAILING)
_VAGUE_TOKENS: Final = _phrases(_VAGUE)
_ODD_TOKENS: Final = _phrases(_ODD)
_LONGEST: Final = max(len(p.split()) for p in (*_QUALIFIER_TOKENS, *_UNIT_PHRASES))

_LEADING_WORDS: Final = sorted(
    {*_QUALIFIERS, *_VAGUE, *_NUMBER_WORDS, *_TENS, *_DENOMINATORS, "between", "from"}
)
"""What may start a wording: the vocabulary a misspelt first word is matched against."""


def _is_numeral(token: str | None) -> bool:
    """Whether *token* is digits (not a fraction such as 1/4)."""
    if token is None:
        return False
    return (token[0].isdecimal() and "/" not in token) or (
        token[0] == "." and token[1:2].isdecimal()
    )


def _close(word: str, vocabulary: Iterable[str]) -> str | None:
    """The word of *vocabulary* that *word* is most likely a misspelling of, if any."""
    matches = difflib.get_close_matches(word, list(vocabulary), n=1, cutoff=0.8)
    return matches[0] if matches else None


# -- reading figures -----------------------------------------------------------------------------


@attrs.frozen
class _Figure:
    """A figure as written: its value and its precision (the bare reading is value ± place/2)."""

    value: Fraction
    place: Fraction  # the place of its last significant digit, or twice a fraction's margin
    written: str
    scale: int = 1  # 1, or the scale word's multiplier ("1.5 million" → 10**6)
    lone_one: bool = False  # the only significant digit is a 1, so the next digit counts too
    step: Fraction | None = None  # the place of its last significant digit as written (N-odd)
    fraction: bool = False  # a fraction: known to a tenth of its fractional part
    note: str | None = None  # how it was read, where the reading should say so

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
        step = place * scale
        lone_one = significant == "1"
        if lone_one:
            place /= 10
        return cls(Fraction(digits) * scale, place * scale, written, scale, lone_one, step)

    @classmethod
    def fractional(cls, value: Fraction, part: Fraction, written: str) -> _Figure:
        """A figure with a fractional *part*, known to a tenth of that part."""
        return cls(value, abs(part) / 5, written, fraction=True)

    def as_percentage(self) -> _Figure:
        """A fraction of a whole as the percentage it is: 'two thirds' of unit percent is
        66.7, known to the same tenth of itself."""
        return attrs.evolve(
            self,
            value=self.value * 100,
            place=self.place * 100,
            step=None if self.step is None else self.step * 100,
            note=f"the fraction {self.written} as a percentage (× 100)",
        )

    def rescaled(self, scale: int) -> _Figure:
        return attrs.evolve(
            self,
            value=self.value * scale,
            place=self.place * scale,
            scale=scale,
            step=None if self.step is None else self.step * scale,
        )


@attrs.frozen
class _Card:
    """A cardinal number read from words and digits, with what a fraction after it needs."""

    figure: _Figure
    top: int = 1  # the largest scale word in it (1 if none)
    ends: int = 1  # the scale word it ends with ("three million"), else 1
    head: Fraction | None = None  # with a trailing "and N": the value before it ...
    tail: Fraction | None = None  # ... and N ...
    per: int = 1  # ... and the scale word just before "and N" ("two million and three"), else 1


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


def _whole_count_error(figure: _Figure) -> _ProblemError:
    return _ProblemError(f"a count must be a whole number, and {figure.written} is not")


def _precision(figure: _Figure, count: bool) -> tuple[_Span, str]:
    """The interval a bare figure stands for, and how."""
    value = figure.value
    kind = "round count" if count else "measured figure"
    half = figure.place / 2
    written = f"'{figure.written}' (one)" if figure.written in _ARTICLES else figure.written
    shown = written if figure.note is None else f"{written} ({figure.note})"
    if figure.fraction:
        low, high = max(Fraction(0), value - half), value + half
        if count and math.ceil(low) > math.floor(high):
            raise _whole_count_error(figure)
        kind = "count" if count else "measured figure"
        return (
            _Span(low, high),
            f"{kind} {shown}: a fraction is known to a tenth of itself → ±{_fmt(half)}",
        )
    if count:
        if value.denominator != 1:
            raise _whole_count_error(figure)
        if value == 0 or value % 100 != 0:
            return _Span(value, value), f"{shown} is a bare count, read as exact"
    if figure.step is None:  # a compound measure
        why = "its last part sets the precision"
    elif figure.lone_one:
        why = f"a lone leading 1 makes the next digit significant, the {_place_name(figure.place)}"
    else:
        why = f"last significant digit is in the {_place_name(figure.place)}"
    return (
        _Span(max(Fraction(0), value - half), value + half),
        f"{kind} {shown}: {why} → ±{_fmt(half)}",
    )


class _ProblemError(Exception):
    """Raised inside the parser; :meth:`Quantity.parse` turns it into a QuantityError."""


class _Reader:
    """A cursor over the tokens of one wording, and the unit the caller gave."""

    __slots__ = ("given", "pos", "tokens")

    def __init__(self, tokens: list[str], given: str | None) -> None:
        self.tokens = tokens
        self.given = given
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

    def phrase_at(self, phrases: Mapping[str, _T], ahead: int = 0) -> tuple[int, _T] | None:
        """The longest phrase of *phrases* that starts *ahead* tokens on: its length and value."""
        start = self.pos + ahead
        for length in range(min(_LONGEST, len(self.tokens) - start), 0, -1):
            phrase = " ".join(self.tokens[start : start + length])
            if phrase in phrases:
                return length, phrases[phrase]
        return None

    def take_phrase(self, phrases: Mapping[str, _T]) -> _T | None:
        """Take the longest phrase of *phrases* that starts here, and return its value."""
        found = self.phrase_at(phrases)
        if found is None:
            return None
        self.pos += found[0]
        return found[1]

    def written(self, start: int, end: int | None = None) -> str:
        tokens = self.tokens[start : self.pos if end is None else end]
        return re.sub(r" ?- ?", "-", " ".join(tokens))

    @property
    def done(self) -> bool:
        return self.pos >= len(self.tokens)

    # -- what comes next

    def starts_figure(self, ahead: int = 0) -> bool:
        token = self.peek(ahead)
        if token is None:
            return False
        if token[0].isdecimal() or _is_numeral(token):
            return True
        if token in _UNITS_WORDS or token in _TENS or token in _GLYPHS:
            return True
        if token in ("half", "quarter", "hundred"):
            return True
        return token in ("a", "an") and self._counts_one(ahead)

    def _counts_one(self, ahead: int = 0) -> bool:
        """Whether an article at `ahead` is a number: before a scale word, a fraction, a unit
        (or the counted noun given), or nothing."""
        following = self.peek(ahead + 1)
        if following is None or following == "hundred" or following in _SCALES:
            return True
        if following == self.given and self.peek(ahead + 2) is None:
            return True  # "a drone", with unit="drone"
        return following in _DENOMINATORS or self.phrase_at(_UNIT_PHRASES, ahead + 1) is not None

    def m_is_million(self) -> bool:
        """Whether an "m" right after digits is million rather than metres: it is metres for a
        length (the unit given is one, or "-long"/"-deep"/… follows) and in m², million for a
        count given as the unit; with no unit given it is either, and never guessed."""
        if self.given is not None and _dimension_of(self.given) in (Dimension.LENGTH, _A):
            return False
        following = self.peek(1)
        if following in ("²", "2"):
            return False
        if following == "-" and self.peek(2) in _ADJECTIVES:
            return False
        if self.given is None and following is not None and following.isalpha():
            return True  # "2m people": a counted noun follows
        if self.given is None:
            msg = (
                "'m' after the figure is metres or million; give the unit: unit = \"m\" for "
                'metres, or the counted noun (unit = "person") for millions'
            )
            raise _ProblemError(msg)
        return True

    # -- numbers

    def _read_numeral(self) -> Fraction:
        """A numeral token, with any space-separated groups of three digits after it."""
        token = self.take()
        if not _NUMERAL.fullmatch(token):
            msg = f"{token!r} is not a well-formed number (write 200,000 or 1.5)"
            raise _ProblemError(msg)
        if re.fullmatch(r"[0-9]{1,3}", token):
            while (nxt := self.peek()) is not None and re.fullmatch(r"[0-9]{3}(\.[0-9]+)?", nxt):
                token += self.take()
                if "." in token:
                    break
        return Fraction(token.replace(",", ""))

    def _read_small(self, *, numerals: bool = True) -> Fraction | None:
        """A number below a hundred in words ("seventy-one"), or a numeral, or "a" before a
        scale word."""
        token = self.peek()
        if token is None:
            return None
        if _is_numeral(token):
            return self._read_numeral() if numerals else None
        if token in _UNITS_WORDS:
            self.take()
            return Fraction(_UNITS_WORDS[token])
        if token in _TENS:
            self.take()
            value = _TENS[token]
            if self.peek() == "-" and _SMALL.get(self.peek(1) or "", 0) in range(1, 10):
                self.pos += 1
            if _SMALL.get(self.peek() or "", 0) in range(1, 10):
                value += _SMALL[self.take()]
            return Fraction(value)
        if token in ("a", "an") and (self.peek(1) == "hundred" or self.peek(1) in _SCALES):
            self.take()
            return Fraction(1)
        return None

    def _small_follows(self, ahead: int) -> bool:
        token = self.peek(ahead)
        return token is not None and (token in _UNITS_WORDS or token in _TENS or _is_numeral(token))

    def _read_group(self, *, and_joins: bool, first: bool) -> tuple[Fraction, Fraction | None]:
        """A number below a thousand ("three hundred and five"); with the value before a
        trailing "and N", if it has one. Returns (0, None) when there is none."""
        value = self._read_small()
        if value is None:
            if not (first and self.peek() == "hundred"):
                return Fraction(0), None
            value = Fraction(1)  # "hundred thousand"
        head = None
        if self.peek() == "hundred":
            self.take()
            value *= 100
            joined = and_joins and self.peek() == "and" and self._small_follows(1)
            if joined:
                self.take()
            rest = self._read_small()
            if rest is not None:
                if joined:
                    head = value
                value += rest
            elif joined:
                self.pos -= 1
        return value, head

    def take_scale(self) -> int | None:
        if self.peek() in ("lakh", "lakhs") and self.peek(1) in ("crore", "crores"):
            self.pos += 2
            return 10**12
        token = self.peek()
        if token in _SCALES:
            self.take()
            return _SCALES[token]
        return None

    def read_cardinal(self, *, and_joins: bool) -> _Card | None:
        """A whole number in digits, words or both ("1.5 million", "two thousand and five",
        "4 thousand 3 hundred"), with a decimal in words ("two point five")."""
        start = self.pos
        token = self.peek()
        if token is None:
            return None
        if not (
            self._small_follows(0)
            or token == "hundred"
            or (token in ("a", "an") and (self.peek(1) == "hundred" or self.peek(1) in _SCALES))
        ):
            return None
        value, head = self._read_group(and_joins=and_joins, first=True)
        total, top, last, per = Fraction(0), 1, 0, 1
        before_tail: Fraction | None = None if head is None else head
        tail: Fraction | None = None if head is None else value - head
        while (scale := self.take_scale()) is not None:
            if last and scale >= last:
                msg = "the number words are out of order"
                raise _ProblemError(msg)
            total, top, last = total + value * scale, max(top, scale), scale
            before_tail = tail = None
            joined = and_joins and self.peek() == "and" and self._small_follows(1)
            if joined:
                self.take()
            value, head = self._read_group(and_joins=and_joins, first=False)
            if joined and value == 0:
                self.pos -= 1
            elif joined:
                before_tail, tail, per = total, value, scale
            elif head is not None:
                before_tail, tail, per = total + head, value - head, 1
            if value == 0 and self.peek() in _SCALES:
                msg = "the number words are out of order"
                raise _ProblemError(msg)
        ends = last if last and value == 0 else 1
        value += total
        consumed = self.tokens[start : self.pos]
        numeral_tokens = [t for t in consumed if _is_numeral(t)]
        words = len(consumed) - len(numeral_tokens)
        written = self.written(start)
        if (
            numeral_tokens
            and all(map(_is_numeral, consumed[: len(consumed) - words]))
            and (words == 0 or (words == 1 and (consumed[-1] == "hundred" or last)))
        ):
            multiplier, note = 1, None
            if words == 1:
                multiplier = 100 if consumed[-1] == "hundred" else last
            elif (abbreviation := self.peek()) in _ABBREVIATIONS or (
                abbreviation == "m" and self.m_is_million()
            ):
                self.take()
                multiplier = _ABBREVIATIONS.get(abbreviation or "", 10**6)
                top = last = multiplier
                written += abbreviation or ""
                note = f"'{abbreviation}' after digits is {_SCALE_NAMES[multiplier]}"
            figure = _Figure.from_numeral("".join(numeral_tokens), multiplier, written)
            ends = multiplier if multiplier >= 1000 else 1
            return _Card(attrs.evolve(figure, note=note), max(top, ends), ends)
        if not numeral_tokens and self.peek() == "point" and self._point_follows():
            self.take()
            digits = ""
            while (digit := self._read_small(numerals=False)) is not None:
                digits += str(digit)
            scale = self.take_scale() if not last else None
            numeral = f"{value}.{digits}"
            figure = _Figure.from_numeral(numeral, scale or 1, self.written(start))
            return _Card(figure, scale or top, scale or 1)
        if value.denominator != 1:
            msg = f"{written!r} mixes a decimal into a longer number; write it in digits"
            raise _ProblemError(msg)
        figure = _Figure.from_numeral(str(value.numerator), 1, written)
        return _Card(figure, top, ends, before_tail, tail, per)

    def _point_follows(self) -> bool:
        token = self.peek(1)
        return token is not None and (token in _UNITS_WORDS or token in _TENS)

    def take_denominator(self) -> int | None:
        ahead = 1 if self.peek() == "-" else 0
        token = self.peek(ahead)
        if token in _DENOMINATORS:
            self.pos += ahead + 1
            return _DENOMINATORS[token]
        return None

    def _take_bare_fraction(self) -> Fraction | None:
        """A fraction without a numerator in words: "½", "3/4", "half", "quarter"."""
        token = self.peek()
        if token in _GLYPHS:
            self.take()
            return _GLYPHS[token]
        if token is not None and re.fullmatch(r"[0-9]+/[0-9]+", token):
            numerator, denominator = token.split("/")
            if int(denominator) == 0:
                msg = f"{token!r} divides by zero"
                raise _ProblemError(msg)
            self.take()
            return Fraction(int(numerator), int(denominator))
        if token in ("half", "quarter"):
            self.take()
            return Fraction(1, _DENOMINATORS[token])
        if token in ("a", "an") and self.peek(1) in _DENOMINATORS:
            self.pos += 2
            return Fraction(1, _DENOMINATORS[self.tokens[self.pos - 1]])
        return None

    def read_figure(self, *, and_joins: bool = True) -> _Figure | None:
        """A figure: a cardinal, a fraction, a mixed number, a ratio, any with a scale word."""
        start = self.pos
        card = self.read_cardinal(and_joins=and_joins)
        if card is None:
            part = self._take_bare_fraction()
            if part is not None:
                return self._scaled_fraction(start, Fraction(0), part)
            return self._read_article_one(start)
        whole = card.figure.value
        denominator = self.take_denominator()
        if denominator is not None:
            if card.tail is not None and card.head is not None and card.tail < denominator:
                part = card.tail / denominator  # "one hundred and three quarters": 100 + 3/4
                return self._scaled_fraction(start, card.head, part, card.top, card.per)
            return self._scaled_fraction(start, Fraction(0), whole / denominator)
        token = self.peek()
        if token is not None and (token in _GLYPHS or re.fullmatch(r"[0-9]+/[0-9]+", token)):
            part = self._take_bare_fraction()
            assert part is not None
            return self._scaled_fraction(start, whole, part, card.top)
        if token == "and":
            part = self._and_fraction()
            if part is not None:
                return self._scaled_fraction(start, whole, part, card.top, card.ends)
        joint = {"over": 1, "in": 1, "out": 2 if self.peek(1) == "of" else 0}.get(token or "", 0)
        if joint and self.starts_figure(joint) and self.peek(joint) not in ("a", "an"):
            self.pos += joint  # "one in three", "two out of five", "1 over 3"
            below = self.read_cardinal(and_joins=True)
            if below is None or below.figure.value == 0:
                msg = f"{self.written(start)!r} is not a ratio of two whole numbers"
                raise _ProblemError(msg)
            value = whole / below.figure.value
            return _Figure.fractional(value, value, self.written(start))
        return card.figure

    def _read_article_one(self, start: int) -> _Figure | None:
        if self.peek() in ("a", "an") and self._counts_one():
            self.take()
            return _Figure.from_numeral("1", 1, self.written(start))
        return None

    def _and_fraction(self) -> Fraction | None:
        """ "and a half", "and three fifths" after a whole number, if that is what follows."""
        save = self.pos
        self.take()  # "and"
        numerator: Fraction | None
        if self.peek() in ("a", "an"):
            self.take()
            numerator = Fraction(1)
        else:
            numerator = self._read_small(numerals=False)
        denominator = self.take_denominator() if numerator is not None else None
        if numerator is None or denominator is None:
            self.pos = save
            return None
        return numerator / denominator

    def _scaled_fraction(
        self, start: int, whole: Fraction, part: Fraction, top: int = 1, per: int = 1
    ) -> _Figure:
        """A figure with a fractional *part*, and any scale word after it: "half a million",
        "two thirds of a million", "one and a half million". *top* is the largest scale word in
        the whole number before it, and *per* the scale word the fraction is of when none
        follows ("a million and a half")."""
        save = self.pos
        took_of = self.take_if("of")
        took_article = self.take_if("a", "an")
        scale = self.take_scale()
        if scale is not None:
            if top <= scale:  # "five and a half million", "half a million"
                whole *= scale
            part *= scale  # and "one billion and a half million": 10**9 + 10**6 / 2
        else:
            keep = (took_article and (self.peek() in _DOZENS or self._unit_here())) or (
                took_of and not took_article and self.done
            )
            if not keep:
                self.pos = save
            written = self.written(start, self.pos if self.peek() in _DOZENS else save)
            part *= per  # "three million and a quarter"
            return _Figure.fractional(whole + part, part, written)
        return _Figure.fractional(whole + part, part, self.written(start))

    def _unit_here(self) -> bool:
        return self.phrase_at(_UNIT_PHRASES) is not None

    def read_unit(self, *, hyphen_ok: bool) -> str | None:
        """Read a known unit as written, and any '-long' after it.

        With *hyphen_ok*, a measured unit may be joined by a hyphen ("103-month").
        """
        ahead = 1 if hyphen_ok and self.peek() == "-" else 0
        found = self.phrase_at(_UNIT_PHRASES, ahead)
        if found is None:
            return None
        length, name = found
        if ahead and name not in _DIMENSION_OF:
            return None
        start = self.pos + ahead
        self.pos += ahead + length
        word = " ".join(self.tokens[start : self.pos])
        if self.peek() == "-" and self.peek(1) in _ADJECTIVES:
            self.pos += 2
        return word


# -- computing intervals -------------------------------------------------------------------------


def _margin(n: Fraction, count: bool) -> tuple[Fraction, str]:
    margin = n / 10
    if count and margin < 1:
        return Fraction(1), "10% of N, but at least 1 for a count"
    return margin, "10% of N"


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
    if rule is _Rule.EXACTLY:
        return _Span(n, n), f"'exactly N' → [N, N], no implied precision, {with_n}"
    margin, tenth = _margin(n, count)
    if rule is _Rule.NEARLY:
        return (
            _Span(max(Fraction(0), n - margin), n),
            f"'nearly N' → [N - m, N], m = {tenth}, {with_n}: m = {_fmt(margin)}",
        )
    if rule is _Rule.JUST_OVER:
        low, strict = (n + 1, "N+1") if count else (n, "N")
        return (
            _Span(min(low, n + margin), n + margin),
            f"'just over N' → [{strict}, N + m], m = {tenth}, {with_n}: m = {_fmt(margin)}",
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
    low, high = vague.low, vague.high
    if rule in _FLOORS:
        return _Span(low, None), f"'{rule.value}' + {size}: keep its lower bound"
    if rule in _CEILINGS:
        return _Span(Fraction(0), high), f"'{rule.value}' + {size}: keep its upper bound"
    if rule is _Rule.ABOUT:
        return _Span(low, high), f"'about' + {size}: already approximate, left as it is"
    msg = f"'{rule.value}' needs a figure, and '{phrase}' has none"
    raise _ProblemError(msg)


def _inf(x: Fraction | int | None) -> Fraction | float:
    return math.inf if x is None else Fraction(x)


def _as(said: str, rule: _Rule) -> str:
    return "" if said == rule.value else f"'{said}' reads as '{rule.value}'; "


@attrs.define
class _Term:
    """One bound or figure of a wording, as read: "more than 10", "a dozen or so", "5–7 km"."""

    qualifier: tuple[str, _Rule] | None = None
    trailing: tuple[str, _Rule | str] | None = None
    vague: tuple[str, _Vague] | None = None
    figure: _Figure | None = None
    upper: _Figure | None = None
    odd: bool = False
    more: bool = False
    units: list[str] = attrs.Factory(list)

    def rule(self) -> tuple[str, _Rule] | None:
        """The one qualifier in effect, from the phrases before and after the figure."""
        lead, trail = self.qualifier, self.trailing
        if trail is None:
            return lead
        said, after = trail
        if lead is None:
            if isinstance(after, str):
                msg = f"{said!r} needs 'more than' or 'less than' before the figure"
                raise _ProblemError(msg)
            return said, after
        if isinstance(after, str):
            widened = {_Rule.MORE_THAN: _Rule.AT_LEAST, _Rule.FEWER_THAN: _Rule.AT_MOST}
            if lead[1] in widened:
                return f"{lead[0]} … {said}", widened[lead[1]]
        elif lead[1] is _Rule.EXACTLY and after in (_Rule.AT_LEAST, _Rule.AT_MOST):
            return f"{lead[0]} … {said}", after
        msg = f"the wording has two qualifiers, {lead[0]!r} and {said!r}; keep one"
        raise _ProblemError(msg)

    def interval(self, count: bool) -> tuple[_Span, str]:
        qualifier = self.rule()
        if self.vague is not None:
            span, how = self._vague_interval(qualifier, *self.vague, count)
            if self.more:
                how += "; 'more' says they are additional ones"
            return span, how
        figure = self.figure
        assert figure is not None
        if self.upper is not None:
            if qualifier is not None:
                msg = f"a range takes no qualifier such as {qualifier[0]!r}"
                raise _ProblemError(msg)
            return _range(figure, self.upper)
        if self.odd:
            if qualifier is not None or figure.step is None:
                msg = f"'-odd' follows a plain figure, not {figure.written!r}"
                raise _ProblemError(msg)
            return (
                _Span(figure.value, figure.value + figure.step),
                f"'N-odd' → [N, N + p], p = the step of N's last significant digit, with N = "
                f"{figure.written}: p = {_fmt(figure.step)}",
            )
        bare, how = _precision(figure, count)
        if qualifier is None:
            return bare, how
        said, rule = qualifier
        shown = _fmt(figure.value)
        named = shown if figure.written == shown else f"{shown} ('{figure.written}')"
        span, how = _qualify(rule, figure.value, named, bare, count)
        return span, _as(said, rule) + how

    @staticmethod
    def _vague_interval(
        qualifier: tuple[str, _Rule] | None, phrase: str, size: _Vague, count: bool
    ) -> tuple[_Span, str]:
        if qualifier is None:
            return (
                _Span(size.low, size.high),
                f"vague size '{phrase}' (see the wording table)",
            )
        said, rule = qualifier
        if size.nominal is None:
            span, how = _qualify_vague(rule, phrase, size)
        else:
            bare = _Span(size.low, size.high or size.nominal)
            named = f"{_fmt(size.nominal)} ('{phrase}')"
            span, how = _qualify(rule, size.nominal, named, bare, count)
        return span, _as(said, rule) + how


def _scale_of(upper: _Figure) -> int:
    """The scale the upper end of a range is written in, which a smaller lower end shares: its
    scale word ("three million", "six hundred", "3.6m"), or its groups of three zeros
    ("30,000")."""
    if upper.scale > 1:
        return upper.scale
    last = upper.written.split()[-1] if upper.written else ""
    if last == "hundred" or last in _SCALES:
        return 100 if last == "hundred" else _SCALES[last]
    if match := re.fullmatch(r"\d{1,3}((?:,000)+)", upper.written):
        return int(1000 ** (len(match[1]) // 4))
    return 1


def _range(figure: _Figure, upper: _Figure) -> tuple[_Span, str]:
    """'X to Y' in any of its forms: [X, Y], both ends as written; a lower end smaller than the
    upper one's figure is in its scale ("two to three million", "20-30,000")."""
    scale = _scale_of(upper)
    carried = (
        scale > 1
        and figure.scale == 1
        and "," not in figure.written
        and figure.value * scale <= upper.value
    )
    if carried:
        figure = figure.rescaled(scale)
    if figure.value > upper.value:
        msg = (
            f"the range runs backwards: {figure.written} is more than {upper.written}; "
            "write the smaller end first"
        )
        raise _ProblemError(msg)
    carry = f"; {figure.written} is in the scale of {upper.written}" if carried else ""
    return (
        _Span(figure.value, upper.value),
        f"range {figure.written} to {upper.written}: a floor and a ceiling, both included and "
        f"read as written{carry}",
    )


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
        is *unit* (or its plural with "-s"/"-es"). "m" right after digits is million for a count
        given as *unit* ("3.6m" with ``unit="person"`` is 3.6 million people), metres for a length
        (``unit="m"``), and refused with no unit given.
        Raises :class:`QuantityError`, quoting the wording and naming the word it could not
        read, when it cannot be read.
        """
        if len(text) > LONGEST_WORDING:
            msg = (
                f"cannot read {text[:40] + '…'!r} as a quantity: it is {len(text)} characters "
                f"long, too long for a figure's wording (at most {LONGEST_WORDING})"
            )
            raise QuantityError(msg)
        try:
            found = _parse(text, unit)
        except _ProblemError as problem:
            msg = f"cannot read {text!r} as a quantity: {problem}"
            raise QuantityError(msg) from None
        except (OverflowError, ValueError) as error:
            if isinstance(error, QuantityError | UnitError):
                raise
            msg = (
                f"cannot read {text!r} as a quantity: its figure is too large or too precise to "
                f"compare ({error})"
            )
            raise QuantityError(msg) from None
        if found.low >= LARGEST_FIGURE or LARGEST_FIGURE <= found.high < math.inf:
            msg = (f"cannot read {text!r} as a quantity: its figure has more than fifteen digits, "
                   "more than any report gives (write the figure as the report does)")  # fmt: skip
            raise QuantityError(msg)
        return found

    @classmethod
    def interval(cls, low: float, high: float, unit: str = "person", text: str = "") -> Quantity:
        """A curator's explicit interval, for figures no wording captures."""
        if math.isnan(low) or math.isnan(high) or low > high:
            msg = (f"expected low at most high, found low = {low:g} and high = {high:g} (give "
                   "the lower bound as low)")  # fmt: skip
            raise QuantityError(msg)
        unit = canonical_unit(unit)
        return cls(low, high, unit, text, f"curator's interval {_fmt_interval(low, high)} {unit}")

    @property
    def curated(self) -> bool:
        """Whether the interval is a curator's (`Quantity.interval`), not read from the text."""
        return self.reading.startswith("curator's interval")

    @property
    def dimension(self) -> Dimension:
        """What the unit measures: a count, a length, an area, a mass, a duration or a
        percentage."""
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


def whole_number(text: str) -> int | None:
    """The whole number `text` spells exactly, in digits or words ("21", "twenty-one", "two
    thousand and eighteen", "a hundred"), or None: the one reader of number words, shared by
    the date reader ("twenty-one days ago")."""
    tokens = _tokens(text)
    if not tokens:
        return None
    reader = _Reader(tokens, None)
    try:
        card = reader.read_cardinal(and_joins=True)
    except _ProblemError:
        return None
    if card is None or not reader.done or card.figure.value.denominator != 1:
        return None
    return int(card.figure.value)


@functools.lru_cache(maxsize=1 << 14)
def _parse(text: str, unit: str | None) -> Quantity:
    """`Quantity.parse`, remembered: bulk claim sets repeat a few thousand wordings, and sharing
    the (immutable) result also shares its memory."""
    return _read(text, unit)


def _read(text: str, unit: str | None) -> Quantity:
    """Read `text` as `Quantity.parse` documents, raising `_ProblemError` when it cannot."""
    given = None
    if unit is not None:
        try:
            given = canonical_unit(unit)
        except ValueError as error:
            raise _ProblemError(str(error)) from None
    tokens = _tokens(text)
    if not tokens:
        msg = f"the wording is empty; {_EXPECTED}"
        raise _ProblemError(msg)
    reader = _Reader(tokens, given)
    terms = [_read_term(reader)]
    joiner = reader.pos
    reader.take_if(",")
    if reader.take_if("if") and reader.take_if("not"):
        hedge = reader.written(joiner)  # "dozens, if not hundreds"
        terms.append(_read_term(reader))
    else:
        hedge = None
        reader.pos = joiner
    if hedge is None and reader.take_if(",", "and", "but"):
        reader.take_if("and", "but")
        if reader.phrase_at(_QUALIFIER_TOKENS) is not None:
            terms.append(_read_term(reader))
        else:
            reader.pos = joiner
    units = [word for term in terms for word in term.units]
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
    if final_unit == "percent" and said is None:
        for term in terms:  # "nearly a third", "one in four" of a share given in percent
            if term.figure is not None and term.figure.fraction and term.figure.value <= 1:
                term.figure = term.figure.as_percentage()
            if term.upper is not None and term.upper.fraction and term.upper.value <= 1:
                term.upper = term.upper.as_percentage()

    span, reading = terms[0].interval(count)
    if hedge is not None:
        span, reading = _if_not(terms, span, reading, count)
    elif len(terms) > 1:
        span, reading = _both(terms, span, reading, count)
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
    return Quantity(low, float(high), final_unit, text, reading)


# -- reading one term ----------------------------------------------------------------------------


def _read_vague(reader: _Reader) -> tuple[str, _Vague] | None:
    start = reader.pos
    found = reader.take_phrase(_VAGUE_TOKENS)
    if found is None:
        return None
    phrase, size = found
    if phrase in _MULTIPLIABLE:
        if reader.peek() == "of" and reader.peek(1) in _MULTIPLIERS:
            reader.take()  # "a couple of hundred"
        if reader.peek() in _MULTIPLIERS:
            words = [reader.take()]
            while reader.peek() in _MULTIPLIERS and _MULTIPLIERS[reader.peek() or ""] > 100:
                words.append(reader.take())  # "several hundred thousand"
            factor = math.prod(_MULTIPLIERS[word] for word in words)
            return f"{phrase} {' '.join(words)}", size.times(Fraction(factor))
    if phrase == "some" and (reader.starts_figure() or reader.peek() in _ARTICLES):
        reader.pos = start  # "some 3 million": the qualifier
        return None
    return phrase, size


def _read_term(reader: _Reader) -> _Term:
    term = _Term()
    start = reader.pos
    term.qualifier = reader.take_phrase(_QUALIFIER_TOKENS)
    bracket = reader.peek() if reader.peek() in ("between", "from") else None
    if bracket is None:
        term.vague = _read_vague(reader)
        alone = not reader.starts_figure() and reader.peek() not in _ARTICLES
        if term.vague is None and term.qualifier == ("some", _Rule.ABOUT) and alone:
            term.qualifier, term.vague = None, ("some", _VAGUE["some"])  # "some", "some people"
    if term.vague is None:
        if reader.peek() in _ARTICLES and not reader.starts_figure():
            reader.pos += 1  # "a 103-month": the article belongs to the noun phrase
        if bracket is not None:
            reader.take()
        figure = reader.read_figure(and_joins=bracket != "between")
        if figure is None:
            raise _unreadable_start(reader, start, term.qualifier)
        if bracket is None and reader.peek() in _DOZENS:
            reader.take()  # "two dozen", "half a dozen"
            term.vague = f"{figure.written} dozen", _A_DOZEN.times(figure.value)
        else:
            term.figure = figure
            _read_measure(reader, term, compound=bracket is None)
            if term.units:
                _read_unit_fraction(reader, term, figure)
            term.odd = bracket is None and reader.take_phrase(_ODD_TOKENS) is not None
            joiners = {"between": ("and",), "from": ("to",)}.get(
                bracket or "", ("-", "to", "~", "through", "or"))  # fmt: skip
            if reader.peek() in joiners and reader.starts_figure(1):
                reader.take()
                term.upper = reader.read_figure()
                if term.upper is None:  # pragma: no cover - starts_figure said otherwise
                    raise _ProblemError(_EXPECTED)
                _read_measure(reader, term, compound=False)
            elif bracket is not None:
                msg = f"'{bracket} N' must be followed by '{joiners[0]} M'"
                raise _ProblemError(msg)
    while True:  # units, trailing qualifiers, "more" and "of", in any order
        before = reader.pos
        if not term.units:
            term.units.extend(filter(None, [reader.read_unit(hyphen_ok=term.vague is None)]))
        if term.trailing is None and not _second_bound_follows(reader):
            comma = reader.pos
            reader.take_if(",")
            term.trailing = reader.take_phrase(_TRAILING_TOKENS)
            if term.trailing is None or reader.starts_figure():
                term.trailing, reader.pos = None, comma  # "… and below a half": a second bound
        if term.vague is not None and not term.more and reader.take_if("more"):
            term.more = True
        if term.vague is not None:
            reader.take_if("of")
        if reader.pos == before:
            return term


_UNIT_FRACTIONS: Final[dict[str, Fraction]] = {
    "and a half": Fraction(1, 2), "and a quarter": Fraction(1, 4),
    "and three quarters": Fraction(3, 4), "and a third": Fraction(1, 3),
}  # fmt: skip
_UNIT_FRACTION_TOKENS: Final = _phrases(_UNIT_FRACTIONS)


def _read_unit_fraction(reader: _Reader, term: _Term, figure: _Figure) -> None:
    """ "a year and a half", "two hours and a quarter": the fraction after the unit adds to the
    figure, which is then known to a tenth of that fraction."""
    found = reader.take_phrase(_UNIT_FRACTION_TOKENS)
    if found is None:
        return
    said, part = found
    written = f"{figure.written} {term.units[0]} {said}"
    term.figure = _Figure.fractional(figure.value + part, part, written)


def _second_bound_follows(reader: _Reader) -> bool:
    """Whether "and"/"but" here starts a second qualified figure ("… and below 40")."""
    if reader.peek() not in ("and", "but"):
        return False
    found = reader.phrase_at(_QUALIFIER_TOKENS, 1)
    return found is not None and reader.starts_figure(1 + found[0])


def _read_measure(reader: _Reader, term: _Term, *, compound: bool) -> None:
    """The unit after a figure, and a compound measure's second part ("5 ft 2 in")."""
    unit = reader.read_unit(hyphen_ok=True)
    if unit is None:
        return
    term.units.append(unit)
    first = canonical_unit(unit)
    if not compound or first not in _DIMENSION_OF:
        return
    save = reader.pos
    reader.take_if("and")
    if reader.starts_figure():
        second = reader.read_figure()
        unit2 = reader.read_unit(hyphen_ok=False)
        name = None if unit2 is None else canonical_unit(unit2)
        figure = term.figure
        if (
            second is not None
            and name is not None
            and figure is not None
            and _dimension_of(name) is _dimension_of(first)
            and _SIZE[name] < _SIZE[first]
        ):
            ratio = _SIZE[name] / _SIZE[first]
            term.figure = _Figure(
                figure.value + second.value * ratio,
                second.place * ratio,
                f"{figure.written} {unit} {second.written} {unit2}",
                fraction=second.fraction,
            )  # fmt: skip
            return
    reader.pos = save


def _if_not(terms: list[_Term], first: _Span, reading: str, count: bool) -> tuple[_Span, str]:
    """ "Dozens, if not hundreds": the first figure, perhaps as high as the second — from the
    first's floor to the second's ceiling."""
    second, how = terms[1].interval(count)
    if second.low < first.low:
        msg = "'if not' must raise the figure: write the smaller one first"
        raise _ProblemError(msg)
    span = _Span(first.low, second.high)
    return span, f"{reading}, 'if not' {how}: from the first's floor to the second's ceiling"


def _both(terms: list[_Term], first: _Span, reading: str, count: bool) -> tuple[_Span, str]:
    """Two bounds that both hold, a floor and a ceiling: the interval where they meet."""
    second, how = terms[1].interval(count)
    rules = [term.rule() for term in terms]
    kinds = {rule is not None and rule[1] in _FLOORS for rule in rules}
    if any(rule is None or rule[1] not in _FLOORS | _CEILINGS for rule in rules) or len(kinds) < 2:
        said = " and ".join(repr(rule[0]) if rule else "a bare figure" for rule in rules)
        msg = f"{said} do not make a floor and a ceiling"
        raise _ProblemError(msg)
    highs = [span.high for span in (first, second) if span.high is not None]
    span = _Span(max(first.low, second.low), min(highs) if highs else None)
    return span, f"{reading}, and {how}: both hold"


def _unreadable_start(
    reader: _Reader, start: int, qualifier: tuple[str, _Rule] | None
) -> _ProblemError:
    """The error for a wording in which no figure or vague size could be found."""
    if qualifier is not None and reader.done:
        after = _EXPECTED.removeprefix("expected ")
        return _ProblemError(f"{qualifier[0]!r} must be followed by {after}")
    stop = reader.pos
    while stop < len(reader.tokens) and not reader.starts_figure(stop - reader.pos):
        stop += 1
    phrase = reader.written(reader.pos, stop) or reader.written(reader.pos)
    first = reader.peek()
    if first in ("-", "minus", "negative") and stop < len(reader.tokens):
        msg = f"{phrase!r} makes the figure negative, and a figure in a report never is"
        return _ProblemError(msg)
    if reader.phrase_at(_UNIT_PHRASES) is not None:
        return _ProblemError(f"{phrase!r} is a unit, and needs a figure before it; {_EXPECTED}")
    known = "is not a qualifier or a unit crosscheck knows"
    suggestion = _close(phrase, _LEADING_WORDS)
    if suggestion is not None:
        return _ProblemError(f"{phrase!r} {known} (did you mean {suggestion!r}?)")
    return _ProblemError(f"{phrase!r} {known}; {_EXPECTED}")


_TRAILING_WORDS: Final = frozenset(
    {"or", "and", "plus", "odd", "ish", "-", "+", ",", "more", "less", "so"}
)


def _trailing_noun(reader: _Reader, given: str | None, *, after_unit: bool) -> str:
    """The counted noun that ends a wording, if it is the given unit; else a _ProblemError
    naming what could not be read."""
    rest = reader.tokens[reader.pos :]
    noun = reader.written(reader.pos, len(reader.tokens))
    if not after_unit and given is not None and _dimension_of(given) is Dimension.COUNT:
        plurals = {given, f"{given}s", f"{given}es"}
        if noun in plurals:
            return given
    before = _close(noun, _QUALIFIERS)
    if rest[0] in _TRAILING_WORDS or _close(noun, _TRAILING) is not None or before is not None:
        suggestion = _close(noun, _TRAILING) or _close(noun, _ODD.values())
        if suggestion is not None:
            hint = f" (did you mean {suggestion!r}?)"
        elif before is not None:
            hint = f" (did you mean {before!r}, before the figure?)"
        else:
            hint = "; after a figure it knows 'or so', 'or more', 'or less', '+' and '-odd'"
        msg = f"{noun!r} after the figure is not a qualifier or a unit crosscheck knows{hint}"
        raise _ProblemError(msg)
    if not all(token.isalpha() and token not in _NUMBER_WORDS for token in rest):
        msg = f"{noun!r} after the figure is not understood; {_EXPECTED}"
        raise _ProblemError(msg)
    if after_unit:
        msg = f"{noun!r} after the unit is not understood; leave it out of the wording"
        raise _ProblemError(msg)
    suggestion = _close(noun, [s for s in _UNIT_ALIASES if len(s) > 2])
    if suggestion is not None:
        msg = f"{noun!r} is not a unit crosscheck knows (did you mean {suggestion!r}?)"
        raise _ProblemError(msg)
    known = ", ".join(sorted({*_DIMENSION_OF, "person"}))
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
