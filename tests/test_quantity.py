"""Quantities: wordings from reports read as intervals, compared across units."""

from __future__ import annotations

import doctest
import math
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crosscheck import docgen, quantity
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
    Dimension.LENGTH: ("km", "mi", "m", "cm", "mm", "ft", "yd", "in", "nmi"),
    Dimension.AREA: ("km²", "m²", "mi²", "ha", "acre"),
    Dimension.MASS: ("kg", "g", "t", "lb"),
    Dimension.DURATION: ("minute", "hour", "day", "week", "month", "year"),
    Dimension.PERCENTAGE: ("percent",),
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
    measured = {u for d, us in UNITS.items() if d is not Dimension.COUNT for u in us}
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


# Every qualifier written before a figure, by the rule it reads as (kept apart from the parser's
# own table, so that a phrase added or moved there must be added here too).
QUALIFIER_RULES: dict[str, tuple[str, ...]] = {
    "at least": (
        "at least", "no fewer than", "no less than", "not fewer than", "not less than",
        "a minimum of", "≥", ">=", "greater than or equal to", "more than or equal to",
        "equal to or more than", "equal to or greater than", "at least or equal to",
        "bigger or equal than", "greater or equal than", "higher or equal than",
        "larger or equal than",
    ),
    "more than": (
        "more than", "over", "upwards of", "upward of", "greater than", "larger than",
        "bigger than", "higher than", "above", "exceeding", "exceeds", "exceed", "surpassing",
        "surpass", "in excess of", "well over", "well above", "well in excess of", ">",
    ),
    "at most": (
        "at most", "up to", "within", "no more than", "not more than", "as many as", "a maximum of",
        "≤",
        "<=", "less than or equal to", "fewer than or equal to", "equal to or less than",
        "equal to or fewer than", "smaller or equal than", "less or equal than",
        "lower or equal than",
    ),
    "fewer than": (
        "fewer than", "less than", "under", "below", "smaller than", "lower than", "well under",
        "well below", "<",
    ),
    "nearly": (
        "almost", "nearly", "just under", "just below", "close to", "just shy of",
        "a little under", "a little less than", "slightly under", "slightly less than",
        "not quite",
    ),
    "just over": (
        "just over", "just above", "just more than", "a little over", "a little more than",
        "slightly over", "slightly more than", "slightly above",
    ),
    "about": (
        "about", "around", "some", "roughly", "approximately", "approx.", "an estimated",
        "estimated", "circa", "ca.", "in the region of", "~", "more or less",
    ),
    "exactly": (
        "exactly", "precisely", "equal to", "equals", "equals to", "equaling", "equaling to",
        "equalling",
    ),
}  # fmt: skip
QUALIFIERS = tuple(phrase for phrases in QUALIFIER_RULES.values() for phrase in phrases)
STRICT = {*QUALIFIER_RULES["more than"], *QUALIFIER_RULES["fewer than"],
          *QUALIFIER_RULES["just over"]}  # fmt: skip


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
        assert re.search(rf"(?<![\w.]){re.escape(phrase)}(?![a-z])", patterns), phrase


def test_the_test_qualifier_list_matches_the_parser() -> None:
    """The qualifiers the property tests draw from are exactly the ones the parser knows."""
    assert set(QUALIFIERS) == set(quantity._QUALIFIERS)


@pytest.mark.parametrize("row", WORDINGS, ids=lambda row: row.pattern)
def test_docs_mirror_every_wording_row(row: Wording) -> None:
    """docs/quantities.md carries each row of WORDINGS verbatim as a table line."""
    line = f"| {row.pattern} | {row.example} | {row.interval} | {row.reason} |"
    assert line in DOCS.read_text(encoding="utf-8").splitlines()


def test_every_trailing_qualifier_is_in_the_wording_table() -> None:
    """Qualifiers written after a figure ("or so", "+") are documented as 'N or so', 'N+'."""
    patterns = " · ".join(row.pattern for row in WORDINGS)
    for phrase in quantity._TRAILING:
        assert re.search(rf"N ?{re.escape(phrase)}(?![\w])", patterns), phrase


def test_the_units_table_in_the_docs_lists_every_unit_and_its_size() -> None:
    """Each measured unit has a row in the generated units table, with its exact size."""
    table = docgen.units()
    assert table in DOCS.read_text(encoding="utf-8")
    for unit in quantity.UNITS:
        assert f"| `{unit.name}` | {unit.dimension.value} |" in table
    assert "| `mi` | length | 1.609344 km |" in table
    assert "| `minute` | duration | 1/1440 day |" in table


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
    ("millions", 2e6, 9999999, "person"),
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
RULE_INTERVALS: dict[str, tuple[tuple[float, float], tuple[float, float]]] = {
    "at least": ((40, INF), (40, INF)),
    "more than": ((41, INF), (40, INF)),
    "at most": ((0, 40), (0, 40)),
    "fewer than": ((0, 39), (0, 40)),
    "nearly": ((36, 40), (36, 40)),
    "just over": ((41, 44), (40, 44)),
    "about": ((36, 44), (35, 45)),
    "exactly": ((40, 40), (40, 40)),
}
QUALIFIED = {
    phrase: RULE_INTERVALS[rule] for rule, phrases in QUALIFIER_RULES.items() for phrase in phrases
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
        ("five or six", 5, 6, "person"),
        ("5~7", 5, 7, "person"),
        ("5 through 7", 5, 7, "person"),
        ("5–7 km", 5, 7, "km"),
        ("between 5 km and 7 km", 5, 7, "km"),
        ("between 100 and 200", 100, 200, "person"),
        ("50 to 100", 50, 100, "person"),
        ("between one hundred and five hundred", 100, 500, "person"),
        ("from one thousand to one thousand and five hundred", 1000, 1500, "person"),
        ("1.5 to 2 million", 1500000, 2000000, "person"),
        ("500 to 2 million", 500, 2000000, "person"),
        ("5k-20k", 5000, 20000, "person"),
        ("between a quarter and a half", 0.25, 0.5, "km"),
    ],
)
def test_every_range_form_is_a_floor_and_a_ceiling_read_as_written(
    text: str, low: float, high: float, unit: str
) -> None:
    """A range includes both ends as written: the writer has given the uncertainty."""
    q = Quantity.parse(text, unit if unit != "person" else None)
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


def test_an_article_before_the_given_noun_counts_one() -> None:
    """'a drone' with unit='drone' is one drone, as 'a' alone is."""
    q = Quantity.parse("a drone", unit="drone")
    assert (q.low, q.high, q.unit) == (1, 1, "drone")


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
    "-5",
    "minus five",
    "approximatley 50",
    "50 or thereabout",
    "50 more",
    "a half",
    "two and a half",
    "at least",
    "or so",
    "more than 5 and more than 7",
    "forty-odd or so",
    "some 5-7",
    "1/0 km",
    "exactly dozens",
    "just over hundreds",
]


@pytest.mark.parametrize("text", BAD)
def test_unreadable_wording_raises_quantity_error_quoting_it(text: str) -> None:
    """Every refusal is a QuantityError whose message quotes the wording."""
    with pytest.raises(QuantityError) as caught:
        Quantity.parse(text)
    assert str(caught.value).startswith(f"cannot read {text!r} as a quantity: ")


def test_the_default_error_names_the_word_and_says_what_was_expected() -> None:
    """Wording without a figure names its first word and gets the generic hint."""
    with pytest.raises(QuantityError) as caught:
        Quantity.parse("garbage")
    assert str(caught.value) == (
        "cannot read 'garbage' as a quantity: 'garbage' is not a qualifier or a unit crosscheck "
        "knows; expected a number, optionally with a qualifier such as 'at least' or a vague "
        "size such as 'dozens'"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("approximatley 50", "'approximatley' is not a qualifier or a unit crosscheck knows "
                             "(did you mean 'approximately'?)"),
        ("at lest 6", "'at lest' is not a qualifier or a unit crosscheck knows "
                      "(did you mean 'at least'?)"),
        ("a dozen or soo", "'or soo' after the figure is not a qualifier or a unit crosscheck "
                           "knows (did you mean 'or so'?)"),
        ("seventy-ish", "'-ish' after the figure is not a qualifier or a unit crosscheck knows; "
                        "after a figure it knows 'or so', 'or more', 'or less', '+' and '-odd'"),
        ("40 kilomtres", "'kilomtres' is not a unit crosscheck knows (did you mean "
                         "'kilometres'?)"),
        ("km", "'km' is a unit, and needs a figure before it"),
        ("at least", "'at least' must be followed by a number"),
        ("-5", "'-' makes the figure negative, and a figure in a report never is"),
        ("a half", "a count must be a whole number, and a half is not"),
    ],
)  # fmt: skip
def test_an_unreadable_wording_names_the_word_it_could_not_read(text: str, message: str) -> None:
    """The error points at the word, and suggests the word meant when it is a near miss."""
    with pytest.raises(QuantityError) as caught:
        Quantity.parse(text)
    assert message in str(caught.value)


@pytest.mark.parametrize("text", ["50 or soo", "a dozen or thereabout", "50 approximatly"])
def test_a_misspelt_qualifier_is_never_suggested_as_a_unit(text: str) -> None:
    """A word after a figure that is not a unit is not offered as a counted noun either when it
    looks like a qualifier."""
    with pytest.raises(QuantityError) as caught:
        Quantity.parse(text)
    assert "unit=" not in str(caught.value)


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
        ("5,000 metres", "km", 4.5, 5.5),
        ("36 hours", "day", 35.5 / 24, 36.5 / 24),
        ("95 minutes", "hour", 94.5 / 60, 95.5 / 60),
        ("5 ft", "m", 4.5 * 0.3048, 5.5 * 0.3048),
        ("12 nautical miles", "km", 11.5 * 1.852, 12.5 * 1.852),
        ("40 hectares", "km²", 0.35, 0.45),
        ("4 sq mi", "km²", 3.5 * 1.609344**2, 4.5 * 1.609344**2),
        ("20 tonnes", "kg", 15000, 25000),
        ("11 lb", "kg", 10.5 * 0.45359237, 11.5 * 0.45359237),
    ],
)
def test_durations_and_lengths_convert_with_the_documented_factors(
    text: str, unit: str, low: float, high: float
) -> None:
    """week = 7 days, year = 12 months = 365.2425 days, mile = 1.609344 km, m = 1/1000 km."""
    q = Quantity.parse(text).to(unit)
    assert (q.low, q.high) == pytest.approx((low, high), rel=1e-12)


@pytest.mark.parametrize(
    ("text", "unit"),
    [("480 km", "year"), ("34", "km"), ("9 years", "mi"), ("40%", "person"), ("5 kg", "km"),
     ("5 ha", "km"), ("24 hours", "percent"), ("40 percent", "km²")],
)  # fmt: skip
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


# -- approximators, intensifiers and bounds after the figure -------------------------------------


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("a dozen or so", 10, 14),
        ("50 or so", 45, 55),
        ("40 people or so", 36, 44),
        ("30, more or less", 27, 33),
        ("more or less 30", 27, 33),
        ("nearly two dozen", 22, 24),
        ("more than a dozen", 13, INF),
        ("a dozen or more", 12, INF),
        ("as many as 500", 0, 500),
        ("upwards of 200", 201, INF),
        ("100,000+", 100000, INF),
        ("50-plus", 50, INF),
        ("500 or more", 500, INF),
        ("500 and above", 500, INF),
        ("5,000 or fewer", 0, 5000),
        ("forty-odd", 40, 50),
        ("300-odd", 300, 400),
        ("dozens more", 24, 99),
        ("hundreds more", 200, 999),
        ("well over 100", 101, INF),
        ("just over 100", 101, 110),
        ("a little over 50", 51, 55),
        ("just over five", 6, 6),
        ("at least some", 1, INF),
        ("some", 1, INF),
        ("> 10", 11, INF),
        (">10", 11, INF),
        ("≥ 30", 30, INF),
        ("< = 100", 0, 100),
        ("exceeding 150", 151, INF),
        ("above 170", 171, INF),
        ("below 170", 0, 169),
        ("in excess of 300", 301, INF),
        ("exactly 5,000", 5000, 5000),
        ("equal to 5000 or less", 0, 5000),
        ("more than 5000 or equal to", 5000, INF),
        ("less than 5000 or equal", 0, 5000),
        ("no more than 50 and no less than 20", 20, 50),
        ("more than 10 and fewer than 40", 11, 39),
        ("above 1000 but below 1500", 1001, 1499),
        ("at least 20, at most 100", 20, 100),
    ],
)
def test_approximators_intensifiers_and_bounds_read_as_documented(
    text: str, low: float, high: float
) -> None:
    """Qualifiers before or after the figure, and two bounds together, act on N as written."""
    q = Quantity.parse(text)
    assert (q.low, q.high) == (low, high)


def test_as_many_as_is_a_ceiling_that_a_smaller_firmer_figure_never_contradicts() -> None:
    """'As many as 500' is an upper figure: 'at least 120' agrees with it, '600' does not."""
    q = Quantity.parse("as many as 500")
    assert q.overlaps(Quantity.parse("at least 120"))
    assert q.overlaps(Quantity.parse("12"))
    assert not q.overlaps(Quantity.parse("more than 600"))


@pytest.mark.parametrize(
    "text",
    ["more than 5 and more than 7", "at most 5 and fewer than 9", "about 5 and at most 9",
     "at least 50 and at most 20", "some 5-7", "forty-odd or so", "at least 5 or more"],
)  # fmt: skip
def test_two_bounds_must_be_a_floor_and_a_ceiling_that_meet(text: str) -> None:
    """Two floors, two ceilings, a non-bound, an empty meeting or two qualifiers are refused."""
    with pytest.raises(QuantityError):
        Quantity.parse(text)


# -- fractions, scale words and number words -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("half a million", 450000, 550000, "person"),
        ("a quarter of a million", 225000, 275000, "person"),
        ("one and a half million", 1450000, 1550000, "person"),
        ("a million and a half", 1450000, 1550000, "person"),
        ("three million and a quarter", 3225000, 3275000, "person"),
        ("two thirds of a million", 600000, 733333, "person"),
        ("1.5 million", 1450000, 1550000, "person"),
        ("3.6m people", 3550000, 3650000, "person"),
        ("3.6bn", 3.55e9, 3.65e9, "person"),
        ("5k", 4500, 5500, "person"),
        ("2.5 mln", 2450000, 2550000, "person"),
        ("13 lakh", 1250000, 1350000, "person"),
        ("half a dozen", 5, 7, "person"),
        ("two dozen", 20, 28, "person"),
        ("a half", 0.45, 0.55, "km"),
        ("two thirds", 0.6, 0.2 / 3 + 2 / 3, "km"),
        ("1/4", 0.225, 0.275, "km"),
        ("2 1/4", 2.225, 2.275, "km"),
        ("2½", 2.45, 2.55, "km"),
        ("⅔", 0.6, 0.2 / 3 + 2 / 3, "km"),
        ("three quarters", 0.675, 0.825, "km"),
        ("a third of", 0.3, 1 / 3 + 1 / 30, "km"),
        ("one in three", 0.3, 1 / 3 + 1 / 30, "km"),
        ("two out of five", 0.36, 0.44, "km"),
        ("ten and a half", 10.45, 10.55, "km"),
        ("two point five", 2.45, 2.55, "km"),
        ("half a mile", 0.45, 0.55, "mi"),
    ],
)
def test_fractions_and_scale_words_read_as_documented(
    text: str, low: float, high: float, unit: str
) -> None:
    """A fraction is known to a tenth of itself; a scale word multiplies it and the figure."""
    q = Quantity.parse(text, None if unit == "person" else unit)
    assert (q.low, q.high, q.unit) == pytest.approx((low, high, unit))


def test_half_a_million_reads_like_the_round_figure_it_stands_for() -> None:
    """'Half a million' is 500,000 and 'one and a half million' is 1.5 million, precision too."""
    assert Quantity.parse("half a million").low == Quantity.parse("500,000").low
    assert Quantity.parse("half a million").high == Quantity.parse("500,000").high
    one_and_a_half = Quantity.parse("one and a half million")
    assert (one_and_a_half.low, one_and_a_half.high) == (1450000, 1550000)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("one hundred and twenty", 120),
        ("twenty-one", 21),
        ("two thousand and five", 2005),
        ("nineteen hundred", 1900),
        ("three hundred thousand", 300000),
        ("a hundred and fifty", 150),
        ("1 million", 10**6),
        ("ten thousand", 10000),
        ("hundred thousand", 100000),
        ("ninety-five hundred", 9500),
        ("3 hundred and 21", 321),
        ("4 thousand 3 hundred", 4300),
        ("two thousand and two hundred", 2200),
        ("twenty-one trillion and three hundred", 21 * 10**12 + 300),
        ("6 crore and two hundred", 60000200),
        ("three lakh crore", 3 * 10**12),
        ("1 234 567", 1234567),
        ("40\u202f000", 40000),
        ("12,34,567", 1234567),
        ("nought", 0),
    ],
)
def test_number_words_in_full_read_as_the_figure_they_spell(text: str, value: int) -> None:
    """Words, digits mixed with words, 'and', spaced digits and Indian grouping give the value."""
    assert Quantity.parse(f"exactly {text}").low == value


# -- "m": million or metres ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "unit", "low", "high", "read_unit"),
    [
        ("3.6m", "person", 3550000, 3650000, "person"),
        ("3.6m", "soldier", 3550000, 3650000, "soldier"),
        ("2m people", None, 1500000, 2500000, "person"),
        ("3.6m", "m", 3.55, 3.65, "m"),
        ("1.8m", "metres", 1.75, 1.85, "m"),
        ("a 500m-long", None, 450, 550, "m"),
        ("50 m²", None, 45, 55, "m²"),
        ("500 metres", None, 450, 550, "m"),
        ("7.62mm", None, 7.615, 7.625, "mm"),
    ],
)
def test_m_after_digits_is_million_for_a_count_and_metres_for_a_length(
    text: str, unit: str | None, low: float, high: float, read_unit: str
) -> None:
    """The unit decides: counted it is million, measured as a length metres."""
    q = Quantity.parse(text, unit)
    assert (q.low, q.high, q.unit) == pytest.approx((low, high, read_unit))


def test_m_after_digits_with_no_unit_given_is_never_guessed() -> None:
    """'3.6m' alone is 3.6 million people or 3.6 metres: the curator is asked which."""
    with pytest.raises(QuantityError, match=r"metres or million; give the unit"):
        Quantity.parse("3.6m")


def test_m_with_a_length_in_another_unit_is_refused_not_guessed() -> None:
    """'500m' given as km is metres contradicting the unit given, which is an error."""
    with pytest.raises(QuantityError, match="the wording says 'm' but the unit given is 'km'"):
        Quantity.parse("500m", unit="km")


# -- units of every dimension --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("5 feet", 4.5, 5.5, "ft"),
        ("3-inch", 2.5, 3.5, "in"),
        ("a 2.5-mile", 2.45, 2.55, "mi"),
        ("776-foot", 775.5, 776.5, "ft"),
        ("12 nautical miles", 11.5, 12.5, "nmi"),
        ("300 yards", 250, 350, "yd"),
        ("15 cm", 14.5, 15.5, "cm"),
        ("5 sq km", 4.5, 5.5, "km²"),
        ("5 km²", 4.5, 5.5, "km²"),
        ("5 square kilometres", 4.5, 5.5, "km²"),
        ("3 sq mi", 2.5, 3.5, "mi²"),
        ("40 hectares", 35, 45, "ha"),
        ("25 m²", 24.5, 25.5, "m²"),
        ("2 tonnes", 1.5, 2.5, "t"),
        ("5 kg", 4.5, 5.5, "kg"),
        ("8 pounds", 7.5, 8.5, "lb"),
        ("40%", 35, 45, "percent"),
        ("40 per cent", 35, 45, "percent"),
        ("about 62 percent", 55.8, 68.2, "percent"),
        ("24 hours", 23.5, 24.5, "hour"),
        ("45 minutes", 44.5, 45.5, "minute"),
        ("5 ft 2 in", 5 + 1.5 / 12, 5 + 2.5 / 12, "ft"),
        ("5 feet and 2 inches", 5 + 1.5 / 12, 5 + 2.5 / 12, "ft"),
        ("2 hours 30 minutes", 2 + 25 / 60, 2 + 35 / 60, "hour"),
    ],
)
def test_lengths_areas_masses_percentages_and_durations_are_measured(
    text: str, low: float, high: float, unit: str
) -> None:
    """Every measured unit reads with implied precision; a compound adds its parts."""
    q = Quantity.parse(text)
    assert (q.low, q.high, q.unit) == pytest.approx((low, high, unit))


@pytest.mark.parametrize(
    ("spelling", "canonical"),
    [("sq. km", "km²"), ("km2", "km²"), ("Square Miles", "mi²"), ("hectares", "ha"),
     ("per cent", "percent"), ("%", "percent"), ("tonnes", "t"), ("lbs", "lb"),
     ("hrs", "hour"), ("nautical miles", "nmi"), ("feet", "ft"), ("inches", "in")],
)  # fmt: skip
def test_canonical_unit_knows_every_new_spelling(spelling: str, canonical: str) -> None:
    """Each accepted spelling of a unit collapses to its canonical name."""
    assert canonical_unit(spelling) == canonical


@pytest.mark.parametrize(
    ("a", "b"),
    [("40%", "40"), ("5 ha", "5 km"), ("5 kg", "5 km"), ("24 hours", "24 kg"),
     ("40%", "40 km²"), ("5 t", "5 days")],
)  # fmt: skip
def test_new_dimensions_never_compare_with_others(a: str, b: str) -> None:
    """A percentage, an area, a mass and a duration are each their own dimension."""
    with pytest.raises(UnitError):
        Quantity.parse(a).overlaps(Quantity.parse(b))
    with pytest.raises(UnitError):
        Quantity.parse(b).overlaps(Quantity.parse(a))


def test_units_of_one_new_dimension_compare_after_conversion() -> None:
    """Hectares and square kilometres, tonnes and kilograms, hours and days compare."""
    assert Quantity.parse("100 hectares").overlaps(Quantity.parse("1 km²"))
    assert Quantity.parse("2 tonnes").overlaps(Quantity.parse("2,000 kg"))
    assert Quantity.parse("48 hours").overlaps(Quantity.parse("two days"))
    assert not Quantity.parse("48 hours").overlaps(Quantity.parse("five days"))


def test_every_unit_has_an_exact_size_and_its_dimension_a_base_unit() -> None:
    """Sizes are fractions, so conversions round only once; each dimension has one base."""
    for unit in quantity.UNITS:
        assert unit.size > 0
        assert canonical_unit(unit.name) == unit.name
        assert all(canonical_unit(s) == unit.name for s in unit.spellings)
    bases = {u.dimension: u.name for u in quantity.UNITS if u.size == 1}
    assert set(bases) == set(Dimension) - {Dimension.COUNT}


@pytest.mark.parametrize(
    ("text", "unit", "low", "high", "read_unit"),
    [
        ("nearly a third", "percent", 30, 33.3333, "percent"),
        ("one in four", "percent", 22.5, 27.5, "percent"),
        ("more than half", "percent", 50, math.inf, "percent"),
        ("several hundred thousand", None, 300000, 900000, "person"),
        ("tens of millions", None, 20000000, 99999999, "person"),
        ("within 10 km", None, 0, 10, "km"),
        ("dozens, if not hundreds", None, 24, 999, "person"),
        ("hundreds if not thousands", None, 200, 9999, "person"),
        ("more than a decade", None, 1, math.inf, "decade"),
        ("numerous", None, 10, math.inf, "person"),
    ],
)
def test_wordings_from_held_out_wire_reports_read_as_an_analyst_would(
    text: str, unit: str | None, low: float, high: float, read_unit: str
) -> None:
    """Shares of a whole in percent, stacked scale words, distance ceilings and hedges upward,
    as found in a held-out set of conflict-reporting wordings."""
    q = Quantity.parse(text, unit)
    assert q.unit == read_unit
    assert (q.low, q.high) == pytest.approx((low, high), rel=1e-5)


def test_if_not_must_raise_the_figure() -> None:
    with pytest.raises(QuantityError, match="'if not' must raise the figure"):
        Quantity.parse("hundreds, if not dozens")


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("two to three million", 2e6, 3e6),
        ("five or six hundred", 500, 600),
        ("ten to fifteen thousand", 10000, 15000),
        ("20-30,000", 20000, 30000),
        ("between 20 and 30,000", 20000, 30000),
        ("50-1,000", 50, 1000),  # 50,000 would be above the upper end: read as written
        ("500 to 2 million", 500, 2e6),
    ],
)
def test_a_lower_end_smaller_than_the_upper_figure_shares_its_scale(
    text: str, low: float, high: float
) -> None:
    q = Quantity.parse(text)
    assert (q.low, q.high) == (low, high)


@pytest.mark.parametrize("text", ["9" * 400, "123," * 2500, "more than 1" + "0" * 300])
def test_a_wording_too_long_or_too_large_is_a_quantity_error(text: str) -> None:
    with pytest.raises(QuantityError, match="too long for a figure"):
        Quantity.parse(text)


def test_a_plural_scale_word_multiplies_a_small_vague_size() -> None:
    q = Quantity.parse("several thousands")
    assert (q.low, q.high) == (3000, 9000)


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("a year and a half", 1.45, 1.55, "year"),
        ("two hours and a quarter", 2.225, 2.275, "hour"),
        ("three months and a half", 3.45, 3.55, "month"),
    ],
)
def test_a_fraction_after_the_unit_adds_to_the_figure(
    text: str, low: float, high: float, unit: str
) -> None:
    q = Quantity.parse(text)
    assert q.unit == unit
    assert (q.low, q.high) == pytest.approx((low, high))
