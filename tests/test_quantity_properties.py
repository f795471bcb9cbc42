"""Quantities: the laws every reading obeys, checked on generated wordings."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crosscheck.quantity import UNITS, Dimension, Quantity, whole_number

# -- a small speller, independent of the reader ---------------------------------------------------

_UNDER_TWENTY = (
    *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    *("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen"),
    *("eighteen", "nineteen"),
)
_TENS_WORDS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
               "ninety")  # fmt: skip


def spell(n: int, *, hyphen: bool = True, conjunction: bool = True) -> str:
    """English words for 0 <= n < 1,000,000: "two thousand and five", "forty-two"."""
    if n < 20:
        return _UNDER_TWENTY[n]
    if n < 100:
        tens, units = divmod(n, 10)
        joint = "-" if hyphen else " "
        return _TENS_WORDS[tens] + (f"{joint}{_UNDER_TWENTY[units]}" if units else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        words = f"{_UNDER_TWENTY[hundreds]} hundred"
        if rest:
            words += (" and " if conjunction else " ") + spell(rest, hyphen=hyphen)
        return words
    thousands, rest = divmod(n, 1000)
    words = f"{spell(thousands, hyphen=hyphen, conjunction=conjunction)} thousand"
    if rest:
        joint = " and " if conjunction and rest < 100 else " "
        words += joint + spell(rest, hyphen=hyphen, conjunction=conjunction)
    return words


@given(st.integers(0, 999_999), st.booleans(), st.booleans())
def test_number_words_read_as_the_number_they_spell(
    n: int, hyphen: bool, conjunction: bool
) -> None:
    """Any number below a million, spelt out, reads as that number ("exactly" drops precision),
    and a bare spelt count that is not round reads exactly."""
    words = spell(n, hyphen=hyphen, conjunction=conjunction)
    q = Quantity.parse(f"exactly {words}")
    assert (q.low, q.high) == (n, n)
    bare = Quantity.parse(words)
    assert bare.contains(n)
    if n % 100 or n == 0:
        assert (bare.low, bare.high) == (n, n)


# -- ranges: one law for every form ---------------------------------------------------------------

RANGE_FORMS = (
    "{x} to {y}",
    "{x}-{y}",
    "{x}–{y}",
    "{x} - {y}",
    "between {x} and {y}",
    "from {x} to {y}",
    "{x}~{y}",
    "{x} through {y}",
    "{x} or {y}",
)


@st.composite
def written(draw: st.DrawFn, n: int) -> str:
    """*n* as a reporter might write it: digits, digits with commas, or words below a hundred."""
    choices = [str(n), f"{n:,}"]
    if n < 100:
        choices.append(spell(n))
    return draw(st.sampled_from(choices))


@given(st.data(), st.sampled_from(["", " km", " miles", " years", " per cent", " hectares"]))
def test_every_range_form_of_the_same_bounds_reads_the_same_interval(
    data: st.DataObject, unit: str
) -> None:
    """'X to Y', 'X-Y', 'between X and Y', 'from X to Y', 'X~Y' … all read [X, Y] as written."""
    low = data.draw(st.integers(0, 10**6))
    high = data.draw(st.integers(low, 10**6))
    x, y = data.draw(written(low)), data.draw(written(high))
    readings = {
        (q.low, q.high, q.unit)
        for form in RANGE_FORMS
        for q in [Quantity.parse(form.format(x=x, y=y) + unit)]
    }
    assert len(readings) == 1
    ((got_low, got_high, _),) = readings
    assert (got_low, got_high) == (carried(low, x, y, high), high)


def carried(low: int, x: str, y: str, high: int) -> int:
    """The lower end as read: in the scale of the upper one's groups of zeros ("20-30,000" is
    20,000 to 30,000) when it is written plainly and is still below the upper end so scaled."""
    groups = 0
    while y.endswith(",000" * (groups + 1)):
        groups += 1
    scale = 1000**groups
    if scale > 1 and "," not in x and low * scale <= high:
        return int(low * scale)
    return low


@given(
    st.integers(1, 99),
    st.integers(1, 99),
    st.sampled_from([("hundred", 100), ("thousand", 1000), ("million", 10**6)]),
    st.sampled_from(RANGE_FORMS),
)
def test_a_scale_word_on_the_upper_end_carries_to_a_smaller_lower_end(
    a: int, b: int, scale: tuple[str, int], form: str
) -> None:
    """'two to three million' is [2 million, 3 million] in every range form."""
    low, high = sorted((a, b))
    word, size = scale
    q = Quantity.parse(form.format(x=spell(low), y=f"{spell(high)} {word}"))
    assert (q.low, q.high) == (low * size, high * size)


@given(st.decimals(0, 1000, places=1), st.decimals(0, 1000, places=2))
def test_a_range_of_decimals_reads_its_ends_as_written(a: object, b: object) -> None:
    """Decimal ends keep their written value, in every form."""
    low, high = sorted([float(str(a)), float(str(b))])
    shown = [f"{low:g}", f"{high:g}"]
    for form in RANGE_FORMS:
        q = Quantity.parse(form.format(x=shown[0], y=shown[1]) + " km")
        assert (q.low, q.high) == pytest.approx((float(shown[0]), float(shown[1])))


# -- conversions ----------------------------------------------------------------------------------

MEASURED = {
    d: [u.name for u in UNITS if u.dimension is d] for d in Dimension if d is not Dimension.COUNT
}


@st.composite
def same_dimension_units(draw: st.DrawFn) -> tuple[str, str]:
    dimension = draw(st.sampled_from(sorted(MEASURED, key=lambda d: d.value)))
    return draw(st.sampled_from(MEASURED[dimension])), draw(st.sampled_from(MEASURED[dimension]))


BOUND = st.just(0.0) | st.floats(1e-6, 1e9)
"""Bounds of figures: none, or positive and far from the floats' underflow."""


@given(same_dimension_units(), BOUND, BOUND, st.booleans())
def test_converting_there_and_back_holds_the_bounds(
    units: tuple[str, str], a: float, b: float, unbounded: bool
) -> None:
    """q.to(u).to(q.unit) returns q's bounds within one part in a billion, for every unit."""
    start, via = units
    low, high = sorted([a, b])
    q = Quantity.interval(low, math.inf if unbounded else high, start)
    back = q.to(via).to(start)
    assert back.low == pytest.approx(q.low, rel=1e-9, abs=0)
    assert back.high == pytest.approx(q.high, rel=1e-9, abs=0)


@given(same_dimension_units(), st.integers(1, 10**6))
def test_a_read_figure_overlaps_itself_in_any_unit_of_its_dimension(
    units: tuple[str, str], n: int
) -> None:
    """Converting one side of a comparison never separates a figure from itself."""
    start, via = units
    q = Quantity.parse(f"{n:,}", unit=start)
    assert q.to(via).overlaps(q)
    assert q.overlaps(q.to(via))


# -- qualifiers and N -----------------------------------------------------------------------------

ABOUT = ("about {n}", "around {n}", "some {n}", "roughly {n}", "approximately {n}",
         "an estimated {n}", "circa {n}", "~{n}", "more or less {n}", "{n} or so",
         "{n}, more or less", "{n} or thereabouts")  # fmt: skip


@st.composite
def figures(draw: st.DrawFn) -> tuple[str, int]:
    n = draw(st.integers(0, 10**7))
    choices = [str(n), f"{n:,}"]
    if n < 10**6:
        choices.append(spell(n))
    return draw(st.sampled_from(choices)), n


@given(figures(), st.sampled_from(ABOUT), st.sampled_from(["", " km", " years", "%", " kg"]))
def test_about_n_always_holds_n(figure: tuple[str, int], phrase: str, unit: str) -> None:
    """Every approximator reads an interval that holds N and the bare figure's interval."""
    text, n = figure
    q = Quantity.parse(phrase.format(n=text + unit))
    bare = Quantity.parse(text + unit)
    assert q.contains(n)
    assert q.low <= bare.low
    assert bare.high <= q.high


# phrase → how its interval holds or bounds N, for a count and for a measure
BOUNDS = {
    "at least {n}": "floor",
    "{n} or more": "floor",
    "{n}+": "floor",
    "more than {n}": "strict floor",
    "above {n}": "strict floor",
    "> {n}": "strict floor",
    "at most {n}": "ceiling",
    "up to {n}": "ceiling",
    "as many as {n}": "ceiling",
    "{n} or fewer": "ceiling",
    "fewer than {n}": "strict ceiling",
    "below {n}": "strict ceiling",
    "nearly {n}": "just below",
    "almost {n}": "just below",
    "just over {n}": "just above",
    "exactly {n}": "exact",
}


@given(figures(), st.sampled_from(sorted(BOUNDS)), st.booleans())
def test_a_qualifier_holds_or_bounds_n_as_documented(
    figure: tuple[str, int], phrase: str, measured: bool
) -> None:
    """Floors start at N (one past it for a strict count), ceilings end there, 'nearly' ends at N
    within 10% below it, 'just over' starts at N within 10% above it, 'exactly' is N."""
    text, n = figure
    kind = BOUNDS[phrase]
    if kind.startswith("strict ceiling") and n == 0 and not measured:
        return  # "fewer than zero" people is refused
    q = Quantity.parse(phrase.format(n=text + (" km" if measured else "")))
    step = 0 if measured else 1
    margin = max(n / 10, 0 if measured else 1)
    expected = {
        "floor": (q.low == n and q.high == math.inf),
        "strict floor": (q.low == n + step and q.high == math.inf),
        "ceiling": (q.low == 0 and q.high == n),
        "strict ceiling": (q.low == 0 and q.high == n - step),
        "just below": (q.high == n and q.low >= n - margin - 1e-9),
        "just above": (q.low >= n and q.high <= n + margin + 1e-9 and q.low <= q.high),
        "exact": (q.low == q.high == n),
    }
    assert expected[kind], (phrase, text, q)


@given(st.integers(0, 999_999))
def test_whole_number_reads_every_number_spelled_in_words_or_digits(n: int) -> None:
    """The one reader of number words, which the date reader shares, reads n in any spelling."""
    assert whole_number(spell(n)) == n
    assert whole_number(f"{n:,}") == n
