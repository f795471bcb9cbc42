"""Quantities: wordings from reports read as intervals, compared across units."""

from __future__ import annotations

import doctest
import math
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crosscheck import quantity
from crosscheck.quantity import (
    WORDINGS,
    Dimension,
    Quantity,
    QuantityError,
    UnitError,
    Wording,
    canonical_unit,
)

DOCS = Path(__file__).parent.parent / "docs" / "quantities.md"
INF = math.inf

# -- strategies (kept free of test helpers so they can move to crosscheck.testing) --------------

UNITS: dict[Dimension, tuple[str, ...]] = {
    Dimension.COUNT: ("person", "soldier", "drone"),
    Dimension.LENGTH: ("km", "mi", "m"),
    Dimension.DURATION: ("day", "week", "month", "year"),
}


def units(dimension: Dimension | None = None) -> st.SearchStrategy[str]:
    """Canonical units, of *dimension* if given."""
    dimensions = list(UNITS) if dimension is None else [dimension]
    return st.sampled_from([unit for d in dimensions for unit in UNITS[d]])


@st.composite
def _bounds(draw: st.DrawFn, count: bool) -> tuple[float, float]:
    if count:
        low: float = draw(st.integers(0, 10**9))
        width: float = draw(st.integers(0, 10**9))
    else:
        low = draw(st.floats(0, 1e9, allow_nan=False))
        width = draw(st.floats(0, 1e9, allow_nan=False))
    high = INF if draw(st.booleans()) and draw(st.booleans()) else low + width
    return low, high


@st.composite
def quantities(
    draw: st.DrawFn, dimension: Dimension | None = None, unit: str | None = None
) -> Quantity:
    """Quantities with arbitrary bounds (sometimes unbounded above), of one dimension or unit."""
    if unit is None:
        unit = draw(units(dimension))
    measured = UNITS[Dimension.LENGTH] + UNITS[Dimension.DURATION]
    low, high = draw(_bounds(canonical_unit(unit) not in measured))
    return Quantity.interval(low, high, unit)


@st.composite
def comparable_pairs(draw: st.DrawFn) -> tuple[Quantity, Quantity]:
    """Two quantities that can be compared: same dimension, and the same noun if counts."""
    dimension = draw(st.sampled_from(list(Dimension)))
    if dimension is Dimension.COUNT:
        noun = draw(units(dimension))
        return draw(quantities(unit=noun)), draw(quantities(unit=noun))
    return draw(quantities(dimension)), draw(quantities(dimension))


_ONES: tuple[str, ...] = (
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
    "ten",
)
_ONES += ("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen")
_ONES += ("eighteen", "nineteen")
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def number_words(n: int) -> str:
    """Spell 0 <= n < 10**9 in English words, hyphenating twenty-three."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10] + ("" if n % 10 == 0 else f"-{_ONES[n % 10]}")
    if n < 1000:
        rest = "" if n % 100 == 0 else f" and {number_words(n % 100)}"
        return f"{_ONES[n // 100]} hundred{rest}"
    for scale, name in ((10**6, "million"), (10**3, "thousand")):
        if n >= scale:
            rest = "" if n % scale == 0 else f" {number_words(n % scale)}"
            return f"{number_words(n // scale)} {name}{rest}"
    raise AssertionError(n)  # pragma: no cover


QUALIFIERS = (
    "at least",
    "no fewer than",
    "no less than",
    "more than",
    "over",
    "upwards of",
    "at most",
    "up to",
    "no more than",
    "fewer than",
    "less than",
    "under",
    "almost",
    "nearly",
    "just under",
    "close to",
    "about",
    "around",
    "some",
    "roughly",
    "approximately",
    "approx.",
    "an estimated",
)
STRICT = {"more than", "over", "upwards of", "fewer than", "less than", "under"}


@st.composite
def wordings(draw: st.DrawFn) -> tuple[str, int, str | None]:
    """Readable wordings "<qualifier> <figure> <unit>", with the figure's value and qualifier."""
    n = draw(st.integers(1, 10**8))
    figure = draw(st.sampled_from([str(n), f"{n:,}", number_words(n)]))
    qualifier = draw(st.none() | st.sampled_from(QUALIFIERS))
    unit = draw(st.sampled_from(["", " km", "km", " miles", " years", "-month", " people"]))
    if not figure[-1].isdigit():
        unit = unit.replace("km", " km")
    text = f"{qualifier or ''} {figure}{unit}".strip()
    return draw(st.sampled_from([text, text.upper(), f"  {text}  "])), n, qualifier


# -- the wording table --------------------------------------------------------------------------

_INTERVAL = re.compile(r"\[(?P<low>[\d.]+), (?P<high>[\d.]+|∞)[\])](?: (?P<unit>\w+))?")


def stated(row: Wording) -> tuple[float, float, str]:
    """The bounds and unit a table row states, e.g. "[6, ∞)" → (6, inf, "person")."""
    match = _INTERVAL.fullmatch(row.interval)
    assert match is not None, row.interval
    high = INF if match["high"] == "∞" else float(match["high"])
    return float(match["low"]), high, match["unit"] or "person"


@pytest.mark.parametrize("row", WORDINGS, ids=lambda row: row.pattern)
def test_every_wording_row_example_reads_as_its_stated_interval(row: Wording) -> None:
    """Each row's example parses to exactly the interval the row states."""
    q = Quantity.parse(row.example)
    assert (q.low, q.high, q.unit) == pytest.approx(stated(row))


def test_every_phrase_the_parser_knows_is_in_the_wording_table() -> None:
    """No qualifier or vague size is recognised without a documented row."""
    patterns = " · ".join(row.pattern for row in WORDINGS)
    for phrase in (*quantity._QUALIFIERS, *quantity._VAGUE):
        assert re.search(rf"(?<![\w.]){re.escape(phrase)}(?![\w])", patterns), phrase


def test_the_test_qualifier_list_matches_the_parser() -> None:
    """The qualifiers the property tests draw from are exactly the ones the parser knows."""
    assert set(QUALIFIERS) == set(quantity._QUALIFIERS)


@pytest.mark.parametrize("row", WORDINGS, ids=lambda row: row.pattern)
def test_docs_mirror_every_wording_row(row: Wording) -> None:
    """docs/quantities.md carries each row of WORDINGS verbatim as a table line."""
    line = f"| {row.pattern} | {row.example} | {row.interval} | {row.reason} |"
    assert line in DOCS.read_text(encoding="utf-8").splitlines()


def test_the_examples_in_the_docs_run() -> None:
    """Every >>> example in docs/quantities.md gives the output shown."""
    result = doctest.testfile(str(DOCS), module_relative=False, encoding="utf-8")
    assert result.attempted > 0
    assert result.failed == 0


# -- worked examples from the seed articles ----------------------------------------------------

WORKED = [
    ("480 km", 475, 485, "km"),
    ("270 miles", 265, 275, "mi"),
    ("30 km", 25, 35, "km"),
    ("19 miles", 18.5, 19.5, "mi"),
    ("440km", 435, 445, "km"),
    ("120km", 115, 125, "km"),
    ("30km-deep", 25, 35, "km"),
    ("100 km", 95, 105, "km"),
    ("62 miles", 61.5, 62.5, "mi"),
    ("1.5 km", 1.45, 1.55, "km"),
    ("at least six", 6, INF, "person"),
    ("a dozen", 10, 14, "person"),
    ("almost 200,000", 180000, 200000, "person"),
    ("about 5,000", 4500, 5500, "person"),
    ("more than one hundred", 101, INF, "person"),
    ("more than a hundred", 101, INF, "person"),
    ("dozens", 24, 99, "person"),
    ("dozens of", 24, 99, "person"),
    ("34", 34, 34, "person"),
    ("13", 13, 13, "person"),
    ("480", 480, 480, "person"),
    ("seven", 7, 7, "person"),
    ("three", 3, 3, "person"),
    ("23", 23, 23, "person"),
    ("nearly a million", 900000, 1000000, "person"),
    ("nearly 1 million", 900000, 1000000, "person"),
    ("nearly 1 million people", 900000, 1000000, "person"),
    ("some 3 million", 2500000, 3500000, "person"),
    ("more than 400,000", 400001, INF, "person"),
    ("200,000", 150000, 250000, "person"),
    ("400,000", 350000, 450000, "person"),
    ("5,000", 4500, 5500, "person"),
    ("1.5 million", 1450000, 1550000, "person"),
    ("3 million", 2500000, 3500000, "person"),
    ("nearly nine years", 8.1, 9, "year"),
    ("nearly nine-year-long", 8.1, 9, "year"),
    ("nine years", 8.5, 9.5, "year"),
    ("20 years", 15, 25, "year"),
    ("nearly 20 years", 18, 20, "year"),
    ("103 months", 102.5, 103.5, "month"),
    ("103-month", 102.5, 103.5, "month"),
    ("a 103-month", 102.5, 103.5, "month"),
    ("a large number of", 10, INF, "person"),
    ("a number of", 2, INF, "person"),
    ("hundreds of thousands", 200000, 999999, "person"),
    ("millions", 2e6, 999999999, "person"),
    ("thousands of", 2000, 9999, "person"),
    ("several", 3, 9, "person"),
    ("more than a dozen", 13, INF, "person"),
    ("two", 2, 2, "person"),
    ("five", 5, 5, "person"),
    ("eight", 8, 8, "person"),
    ("four", 4, 4, "person"),
    ("15 km", 14.5, 15.5, "km"),
]


@pytest.mark.parametrize(("text", "low", "high", "unit"), WORKED, ids=[w[0] for w in WORKED])
def test_worked_example_reads_as_its_interval(
    text: str, low: float, high: float, unit: str
) -> None:
    """Wordings taken from the seed articles read as the documented intervals."""
    q = Quantity.parse(text)
    assert (q.low, q.high, q.unit) == pytest.approx((low, high, unit))
    assert q.text == text


COMPARISONS = [
    ("480 km", "270 miles", False),
    ("30 km", "19 miles", True),
    ("440km", "480 km", False),
    ("100 km", "62 miles", True),
    ("100 km", "75 miles", False),
    ("120km", "440km", False),
    ("dozens", "34", True),
    ("nearly nine years", "103 months", True),
    ("nearly nine years", "a 103-month", True),
    ("nearly a million", "nearly 1 million", True),
    ("almost 200,000", "about 5,000", False),
    ("a number of", "400,000", True),
    ("a dozen", "13", True),
    ("a dozen", "34", False),
    ("several", "a dozen", False),
    ("at least six", "seven", True),
    ("three", "two", False),
    ("more than 400,000", "hundreds of thousands", True),
]


@pytest.mark.parametrize(
    ("a", "b", "expected"), COMPARISONS, ids=[f"{a}~{b}" for a, b, _ in COMPARISONS]
)
def test_worked_pair_overlaps_as_expected_in_either_order(a: str, b: str, expected: bool) -> None:
    """Figures from the seeds agree or disagree as a careful reader would judge."""
    qa, qb = Quantity.parse(a), Quantity.parse(b)
    assert qa.overlaps(qb) is expected
    assert qb.overlaps(qa) is expected


def test_270_miles_in_km_falls_short_of_480_km() -> None:
    """The seed's "480 km (270 miles)" is inconsistent: 270 miles is 426.5–442.6 km."""
    km = Quantity.parse("270 miles").to("km")
    assert (km.low, km.high) == pytest.approx((265 * 1.609344, 275 * 1.609344))
    assert km.high < Quantity.parse("480 km").low


# -- qualifiers ---------------------------------------------------------------------------------

# Every qualifier applied to "40" (a count) and to "40 km" (a measure, implied precision ±5).
QUALIFIED: dict[str, tuple[tuple[float, float], tuple[float, float]]] = {
    "at least": ((40, INF), (40, INF)),
    "no fewer than": ((40, INF), (40, INF)),
    "no less than": ((40, INF), (40, INF)),
    "more than": ((41, INF), (40, INF)),
    "over": ((41, INF), (40, INF)),
    "upwards of": ((41, INF), (40, INF)),
    "at most": ((0, 40), (0, 40)),
    "up to": ((0, 40), (0, 40)),
    "no more than": ((0, 40), (0, 40)),
    "fewer than": ((0, 39), (0, 40)),
    "less than": ((0, 39), (0, 40)),
    "under": ((0, 39), (0, 40)),
    "almost": ((36, 40), (36, 40)),
    "nearly": ((36, 40), (36, 40)),
    "just under": ((36, 40), (36, 40)),
    "close to": ((36, 40), (36, 40)),
    "about": ((36, 44), (35, 45)),
    "around": ((36, 44), (35, 45)),
    "some": ((36, 44), (35, 45)),
    "roughly": ((36, 44), (35, 45)),
    "approximately": ((36, 44), (35, 45)),
    "approx.": ((36, 44), (35, 45)),
    "an estimated": ((36, 44), (35, 45)),
}


@pytest.mark.parametrize("phrase", sorted(QUALIFIED))
def test_qualifier_maps_a_count_and_a_measure_to_its_documented_interval(phrase: str) -> None:
    """Each qualifier acts on N; strict bounds step by one only for counts."""
    count, measure = QUALIFIED[phrase]
    q = Quantity.parse(f"{phrase} 40")
    assert (q.low, q.high) == count
    q = Quantity.parse(f"{phrase} 40 km")
    assert (q.low, q.high) == pytest.approx(measure)


def test_the_qualifier_table_covers_every_qualifier() -> None:
    """QUALIFIED above is exhaustive, so every phrase is pinned by a test."""
    assert set(QUALIFIED) == set(QUALIFIERS)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("about seven", 6, 8),
        ("nearly five", 4, 5),
        ("about 200,000", 150000, 250000),
        ("about a dozen", 10, 14),
        ("nearly a dozen", 11, 12),
        ("more than a couple of", 3, INF),
        ("at least dozens", 24, INF),
        ("up to thousands", 0, 9999),
        ("some dozens of", 24, 99),
        ("under 1", 0, 0),
    ],
)
def test_qualifier_margins_and_vague_sizes_combine_as_documented(
    text: str, low: float, high: float
) -> None:
    """Counts get at least ±1 from 'about'/'nearly'; vague sizes take qualifiers sensibly."""
    q = Quantity.parse(text)
    assert (q.low, q.high) == (low, high)


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("between 5 and 7", 5, 7, "person"),
        ("5-7", 5, 7, "person"),
        ("5–7", 5, 7, "person"),
        ("5 to 7", 5, 7, "person"),
        ("from 5 to 7", 5, 7, "person"),
        ("five-seven", 5, 7, "person"),
        ("5–7 km", 4.5, 7.5, "km"),
        ("between 5 km and 7 km", 4.5, 7.5, "km"),
        ("between 100 and 200", 95, 250, "person"),
        ("between one hundred and five hundred", 95, 550, "person"),
        ("1.5 to 2 million", 1450000, 2500000, "person"),
        ("500 to 2 million", 450, 2500000, "person"),
    ],
)
def test_range_spans_both_ends_at_their_own_precision(
    text: str, low: float, high: float, unit: str
) -> None:
    """A range includes both ends, each widened by its implied precision."""
    q = Quantity.parse(text)
    assert (q.low, q.high, q.unit) == pytest.approx((low, high, unit))


# -- figures and precision ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("twenty-three", 23),
        ("twenty three", 23),
        ("ninety-nine", 99),
        ("one hundred and five", 105),
        ("a thousand", 1000),
        ("two million five hundred thousand", 2500000),
        ("1,234,567", 1234567),
        ("0.5 million", 500000),
    ],
)
def test_figures_in_words_and_numerals_read_as_their_value(text: str, value: int) -> None:
    """Number words, separators, decimals and scale words give the figure's value."""
    assert Quantity.parse(f"at least {text}").low == value


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("a hundred", 95, 105),
        ("one hundred", 95, 105),
        ("100", 95, 105),
        ("two hundred thousand", 150000, 250000),
        ("1,500", 1450, 1550),
        ("1,050", 1050, 1050),
        ("20", 20, 20),
        ("1 million", 950000, 1050000),
    ],
)
def test_round_counts_carry_precision_however_they_are_spelled(
    text: str, low: float, high: float
) -> None:
    """A count ending in two zeros is ± half its last significant place, in words or digits."""
    q = Quantity.parse(text)
    assert (q.low, q.high) == (low, high)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [("10 km", 9.5, 10.5), ("1 km", 0.95, 1.05), ("1.50 km", 1.495, 1.505), ("0 km", 0, 0.5)],
)
def test_a_lone_leading_one_makes_the_next_digit_significant(
    text: str, low: float, high: float
) -> None:
    """10, 100 and 1 are read to the next digit; written trailing decimals are significant."""
    q = Quantity.parse(text)
    assert (q.low, q.high) == pytest.approx((low, high))


def test_count_bounds_are_whole_numbers() -> None:
    """Low bounds of counts round up and high bounds round down."""
    q = Quantity.parse("nearly 13")
    assert (q.low, q.high) == (12, 13)


def test_reading_explains_the_round_figure_rule() -> None:
    """The reading names the significant place and the margin."""
    reading = Quantity.parse("480 km").reading
    assert "tens" in reading
    assert "±5" in reading
    assert reading.endswith("[475, 485] km")


def test_reading_names_the_qualifier_and_its_alias() -> None:
    """A synonym's reading says which rule it was read as, and what N was."""
    reading = Quantity.parse("no fewer than six").reading
    assert "'no fewer than' reads as 'at least'" in reading
    assert "N = 6 ('six')" in reading


def test_whitespace_and_case_are_tolerated_and_the_text_kept_verbatim() -> None:
    """Surrounding spaces and capitals do not matter; text keeps the wording as given."""
    q = Quantity.parse("  At Least SIX ")
    assert (q.low, q.high) == (6, INF)
    assert q.text == "  At Least SIX "


# -- units ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spelling", "canonical"),
    [
        ("kilometres", "km"),
        ("kilometers", "km"),
        ("KM", "km"),
        ("miles", "mi"),
        ("mile", "mi"),
        ("mi", "mi"),
        ("metres", "m"),
        ("meters", "m"),
        ("days", "day"),
        ("weeks", "week"),
        ("months", "month"),
        ("years", "year"),
        ("people", "person"),
        (" Soldier ", "soldier"),
        ("soldiers", "soldiers"),
        ("Border  Town", "border town"),
    ],
)
def test_canonical_unit_collapses_known_spellings_only(spelling: str, canonical: str) -> None:
    """Known units get one spelling; other nouns are only lower-cased and stripped."""
    assert canonical_unit(spelling) == canonical


def test_canonical_unit_refuses_an_empty_unit() -> None:
    """An empty unit is a ValueError, not a silent default."""
    with pytest.raises(ValueError, match="empty"):
        canonical_unit("  ")


@pytest.mark.parametrize(
    ("unit", "dimension"),
    [
        ("km", Dimension.LENGTH),
        ("mi", Dimension.LENGTH),
        ("m", Dimension.LENGTH),
        ("day", Dimension.DURATION),
        ("week", Dimension.DURATION),
        ("month", Dimension.DURATION),
        ("year", Dimension.DURATION),
        ("person", Dimension.COUNT),
        ("drone", Dimension.COUNT),
    ],
)
def test_dimension_follows_the_unit(unit: str, dimension: Dimension) -> None:
    """Lengths and durations are known units; every other noun is counted."""
    assert Quantity.parse("5", unit=unit).dimension is dimension


def test_bare_counts_count_people_by_default() -> None:
    """Without a unit in the wording or the call, the counted noun is "person"."""
    assert Quantity.parse("34").unit == "person"


def test_the_given_unit_applies_when_the_wording_has_none() -> None:
    """The unit argument supplies the counted noun or measure."""
    assert Quantity.parse("34", unit="Soldier").unit == "soldier"
    q = Quantity.parse("480", unit="kilometres")
    assert (q.low, q.high, q.unit) == (475, 485, "km")


def test_a_unit_in_the_wording_may_repeat_the_given_unit() -> None:
    """A wording unit that agrees with the given one (in any spelling) is accepted."""
    assert Quantity.parse("480 km", unit="kilometres").unit == "km"
    assert Quantity.parse("34 soldiers", unit="soldier").unit == "soldier"
    assert Quantity.parse("many drones", unit="drone").unit == "drone"


@pytest.mark.parametrize(
    ("text", "unit", "fragment"),
    [
        ("480 km", "mi", "the wording says 'km' but the unit given is 'mi'"),
        ("480 km", "soldier", "the wording says 'km'"),
        ("10 people", "civilian", "the wording says 'people'"),
        ("5 km to 7 mi", None, "two units"),
    ],
)
def test_a_unit_in_the_wording_must_not_contradict_the_given_unit(
    text: str, unit: str | None, fragment: str
) -> None:
    """Conflicting units are refused rather than one silently winning."""
    with pytest.raises(QuantityError, match=re.escape(fragment)):
        Quantity.parse(text, unit=unit)


def test_an_unknown_counted_noun_in_the_wording_asks_for_the_unit_argument() -> None:
    """Words that are not units are never dropped; the error says how to give the noun."""
    with pytest.raises(QuantityError) as caught:
        Quantity.parse("34 soldiers")
    assert "'34 soldiers'" in str(caught.value)
    assert 'unit="soldiers"' in str(caught.value)


# -- errors -----------------------------------------------------------------------------------

BAD = [
    "",
    "   ",
    "seventy-ish",
    "garbage",
    "km",
    "at least",
    "between 7 and 5",
    "7-5",
    "between 5",
    "2.5",
    "5,00",
    "1.5.3",
    "about 5-7",
    "nearly dozens",
    "fewer than zero",
    "seven seven",
    "two thousand million",
    "480 km long",
    "480 km km",
    "a million thousand",
    "5 - people",
    "$5",
    "5%",
    "-5",
]


@pytest.mark.parametrize("text", BAD)
def test_unreadable_wording_raises_quantity_error_quoting_it(text: str) -> None:
    """Every refusal is a QuantityError whose message quotes the wording."""
    with pytest.raises(QuantityError) as caught:
        Quantity.parse(text)
    assert str(caught.value).startswith(f"cannot read {text!r} as a quantity: ")


def test_the_default_error_says_what_was_expected() -> None:
    """Wording without a figure gets the generic hint about numbers, qualifiers and sizes."""
    with pytest.raises(QuantityError) as caught:
        Quantity.parse("seventy-ish")
    assert str(caught.value) == (
        "cannot read 'seventy-ish' as a quantity: expected a number, optionally with a "
        "qualifier such as 'at least' or a vague size such as 'dozens'"
    )


def test_a_reversed_range_is_refused_with_a_hint() -> None:
    """A range must run from the smaller end to the larger."""
    with pytest.raises(QuantityError, match="runs backwards"):
        Quantity.parse("between 7 and 5")


def test_quantity_errors_and_unit_errors_are_value_errors() -> None:
    """Callers that catch ValueError catch both."""
    assert issubclass(QuantityError, ValueError)
    assert issubclass(UnitError, ValueError)


# -- the Quantity object ------------------------------------------------------------------------


def test_interval_is_a_curators_explicit_interval() -> None:
    """Quantity.interval takes bounds as given and says so in its reading."""
    q = Quantity.interval(5, 7, "Soldiers", "five to seven")
    assert (q.low, q.high, q.unit, q.text) == (5, 7, "soldiers", "five to seven")
    assert q.reading.startswith("curator's interval")


@pytest.mark.parametrize(("low", "high"), [(7, 5), (math.nan, 5), (5, math.nan)])
def test_interval_refuses_reversed_or_nan_bounds(low: float, high: float) -> None:
    """low must not exceed high and neither may be NaN."""
    with pytest.raises(QuantityError):
        Quantity.interval(low, high)


@pytest.mark.parametrize(("low", "high"), [(7, 5), (math.nan, 5), (5, math.nan)])
def test_the_validators_guard_direct_construction(low: float, high: float) -> None:
    """The attrs validators enforce low <= high and no NaN on any construction."""
    with pytest.raises(ValueError, match=r"NaN|exceed"):
        Quantity(low, high, "km")


def test_quantity_is_frozen() -> None:
    """Quantities are immutable."""
    q = Quantity.parse("seven")
    with pytest.raises(AttributeError):
        q.low = 3  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("480 km", "[475, 485] km (‘480 km’)"),
        ("at least six", "[6, ∞) person (‘at least six’)"),
        ("1.5 km", "[1.45, 1.55] km (‘1.5 km’)"),
    ],
)
def test_str_shows_interval_unit_and_wording(text: str, shown: str) -> None:
    """str() is the interval, the unit and the quoted wording."""
    assert str(Quantity.parse(text)) == shown


def test_str_of_an_interval_without_wording_has_no_quote() -> None:
    """A curator's interval without text prints just the interval and unit."""
    assert str(Quantity.interval(5, 7)) == "[5, 7] person"


def test_contains_includes_both_bounds() -> None:
    """Intervals are closed."""
    q = Quantity.parse("480 km")
    assert q.contains(475)
    assert q.contains(485)
    assert not q.contains(485.01)


def test_to_converts_and_records_the_conversion_in_the_reading() -> None:
    """to() keeps the wording and appends the factor and the converted interval."""
    q = Quantity.parse("270 miles")
    km = q.to("kilometres")
    assert km.unit == "km"
    assert km.text == q.text
    assert km.reading.startswith(q.reading + "; converted at 1 mi = 1.609344 km")
    assert km.reading.endswith("→ [426.476, 442.57] km")


def test_to_the_same_unit_is_the_same_quantity() -> None:
    """Converting to the unit a quantity already has changes nothing."""
    q = Quantity.parse("480 km")
    assert q.to("kilometers") is q


@pytest.mark.parametrize(
    ("text", "unit", "low", "high"),
    [
        ("2 weeks", "day", 10.5, 17.5),
        ("nine years", "month", 102, 114),
        ("103 months", "year", 102.5 / 12, 103.5 / 12),
        ("1 year", "day", 0.95 * 365.2425, 1.05 * 365.2425),
        ("5,000 m", "km", 4.5, 5.5),
    ],
)
def test_durations_and_lengths_convert_with_the_documented_factors(
    text: str, unit: str, low: float, high: float
) -> None:
    """week = 7 days, year = 12 months = 365.2425 days, mile = 1.609344 km, m = 1/1000 km."""
    q = Quantity.parse(text).to(unit)
    assert (q.low, q.high) == pytest.approx((low, high), rel=1e-12)


@pytest.mark.parametrize(("text", "unit"), [("480 km", "year"), ("34", "km"), ("9 years", "mi")])
def test_to_refuses_another_dimension(text: str, unit: str) -> None:
    """A length never becomes a duration or a count."""
    with pytest.raises(UnitError, match="cannot convert"):
        Quantity.parse(text).to(unit)


def test_to_refuses_another_counted_noun() -> None:
    """A count of soldiers is not a count of people; the message names both."""
    with pytest.raises(UnitError, match="'soldier' is not a count of 'person'"):
        Quantity.parse("34", unit="soldier").to("person")


def test_overlaps_refuses_a_count_against_a_length() -> None:
    """Comparing a count with a length is a UnitError naming both quantities."""
    with pytest.raises(UnitError, match=r"\[475, 485\] km .* \[34, 34\] person"):
        Quantity.parse("480 km").overlaps(Quantity.parse("34"))


def test_overlaps_refuses_different_counted_nouns() -> None:
    """Counts only compare when they count the same noun."""
    with pytest.raises(UnitError, match="count the same noun"):
        Quantity.parse("34", unit="soldier").overlaps(Quantity.parse("34", unit="drone"))


def test_overlaps_treats_conversion_rounding_as_touching() -> None:
    """Bounds that differ only by float rounding still overlap."""
    mile = Quantity.interval(0, 1, "mi")
    km = Quantity.interval(1.609344 * (1 + 1e-12), 2, "km")
    assert mile.overlaps(km)
    assert km.overlaps(mile)


# -- properties ---------------------------------------------------------------------------------


@given(comparable_pairs())
def test_overlaps_is_symmetric(pair: tuple[Quantity, Quantity]) -> None:
    """a overlaps b exactly when b overlaps a."""
    a, b = pair
    assert a.overlaps(b) is b.overlaps(a)


@given(quantities(), st.floats(allow_nan=False))
def test_contains_agrees_with_the_bounds(q: Quantity, x: float) -> None:
    """contains(x) is low <= x <= high."""
    assert q.contains(x) is (q.low <= x <= q.high)


@pytest.mark.parametrize(
    ("start", "via"),
    [("km", "mi"), ("mi", "m"), ("day", "year"), ("month", "year"), ("week", "month")],
)
@given(data=st.data())
def test_conversion_round_trips(start: str, via: str, data: st.DataObject) -> None:
    """Converting there and back returns the bounds within one part in a billion."""
    q = data.draw(quantities(unit=start))
    back = q.to(via).to(start)
    assert back.low == pytest.approx(q.low, rel=1e-9)
    assert back.high == pytest.approx(q.high, rel=1e-9)


@given(comparable_pairs(), st.data())
def test_converting_both_sides_never_changes_overlaps(
    pair: tuple[Quantity, Quantity], data: st.DataObject
) -> None:
    """Whether two quantities overlap does not depend on the unit they are compared in."""
    a, b = pair
    unit = data.draw(units(a.dimension)) if a.dimension is not Dimension.COUNT else a.unit
    assert a.to(unit).overlaps(b.to(unit)) is a.overlaps(b)


@given(quantities(Dimension.COUNT), quantities(Dimension.LENGTH))
def test_overlaps_raises_unit_error_for_count_against_length(
    count: Quantity, length: Quantity
) -> None:
    """A count and a length never compare, in either order."""
    with pytest.raises(UnitError):
        count.overlaps(length)
    with pytest.raises(UnitError):
        length.overlaps(count)


@given(wordings())
def test_readable_wordings_parse_to_ordered_intervals(drawn: tuple[str, int, str | None]) -> None:
    """Any qualifier, figure and unit combination reads as a low <= high interval."""
    text, n, qualifier = drawn
    q = Quantity.parse(text)
    assert q.low <= q.high
    if qualifier not in STRICT:
        assert q.contains(n)


@given(st.text(max_size=40))
def test_parse_never_returns_low_above_high_nor_raises_anything_else(text: str) -> None:
    """Arbitrary text either reads as an ordered interval or raises QuantityError."""
    try:
        q: Quantity | str = Quantity.parse(text)
    except QuantityError as error:
        q = str(error)
    if isinstance(q, str):
        assert q.startswith(f"cannot read {text!r} as a quantity: ")
    else:
        assert q.low <= q.high


@given(st.integers(1, 999_999_999).filter(lambda n: n % 100 != 0))
def test_number_words_read_as_the_figure_they_spell(n: int) -> None:
    """Spelled-out counts that are not round read exactly."""
    q = Quantity.parse(number_words(n))
    assert (q.low, q.high) == (n, n)


@given(st.integers(0, 10**9), st.sampled_from(["", "km", "year"]))
def test_a_bare_figure_contains_itself(n: int, unit: str) -> None:
    """The implied precision always surrounds the figure as written."""
    q = Quantity.parse(f"{n:,} {unit}")
    assert q.contains(n)


@pytest.mark.parametrize(
    ("wording", "low", "high"),
    [
        ("several hundred", 300, 900),
        ("a few thousand", 2000, 5000),
        ("several dozen", 36, 108),
        ("a couple of hundred", 200, 300),
        ("more than several hundred", 300, math.inf),
    ],
)
def test_a_scale_word_multiplies_a_small_vague_size(wording: str, low: float, high: float) -> None:
    """'several hundred' is several hundreds: the vague size's bounds times the scale."""
    quantity = Quantity.parse(wording)
    assert (quantity.low, quantity.high) == (low, high)


def test_one_wording_is_read_once_and_its_reading_shared() -> None:
    """Bulk claim sets repeat wordings: equal wordings share one immutable reading, a unit
    still tells two readings apart, and an unreadable wording fails every time."""
    assert Quantity.parse("at least 20") is Quantity.parse("at least 20")
    assert Quantity.parse("480", unit="km") != Quantity.parse("480")
    for _ in range(2):
        with pytest.raises(QuantityError):
            Quantity.parse("a great many")
