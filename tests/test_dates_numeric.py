"""Tests for all-numeric dates: year first, and day and month in the report's declared order."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crosscheck.dates import DateError, DateSpan, NumericDates

date = datetime.date
ANCHOR = date(2021, 6, 15)
DAY_FIRST, MONTH_FIRST = NumericDates.DAY_FIRST, NumericDates.MONTH_FIRST


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2019-04-21", date(2019, 4, 21)),
        ("2019/04/21", date(2019, 4, 21)),
        ("2019.4.21", date(2019, 4, 21)),
        ("2019-apr-21", date(2019, 4, 21)),
    ],
)
def test_a_year_first_date_is_never_ambiguous(text: str, day: date) -> None:
    for numeric in (None, DAY_FIRST, MONTH_FIRST):
        span = DateSpan.parse(text, ANCHOR, numeric=numeric)
        assert (span.start, span.end, span.anchor) == (day, day, None)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2019-04", date(2019, 4, 1), date(2019, 4, 30)),
        ("2019/4", date(2019, 4, 1), date(2019, 4, 30)),
        ("4/2019", date(2019, 4, 1), date(2019, 4, 30)),
        ("04 - 2019", date(2019, 4, 1), date(2019, 4, 30)),
    ],
)
def test_a_numeric_month_is_the_whole_month(text: str, start: date, end: date) -> None:
    assert (DateSpan.parse(text, ANCHOR).start, DateSpan.parse(text, ANCHOR).end) == (start, end)


@pytest.mark.parametrize("text", ["25/12/2019", "25.12.2019", "25-12-2019", "25/12/19"])
def test_a_form_real_only_day_first_reads_day_first_by_default(text: str) -> None:
    span = DateSpan.parse(text, ANCHOR)
    assert span.start == span.end == date(2019, 12, 25)
    assert "day-first, the only order in which it is a real date" in span.reading


def test_a_form_real_only_month_first_is_read_month_first_and_says_so() -> None:
    """Nothing is guessed: 12/25/2019 is a date one way only, whatever the report declares."""
    span = DateSpan.parse("12/25/2019", ANCHOR)
    assert span.start == span.end == date(2019, 12, 25)
    assert "month-first, the only order in which it is a real date" in span.reading


def test_an_ambiguous_form_is_read_as_both_and_says_so() -> None:
    span = DateSpan.parse("03/07/2019", ANCHOR)
    assert (span.start, span.end, span.anchor) == (date(2019, 3, 7), date(2019, 7, 3), None)
    assert span.reading == (
        "03/07/2019 is 3 July day-first or 7 March month-first; read as both and the days "
        "between; declare the report's numeric_dates to read one"
    )


def test_a_declared_order_reads_an_ambiguous_form_one_way() -> None:
    assert DateSpan.parse("03/07/2019", ANCHOR, numeric=DAY_FIRST).start == date(2019, 7, 3)
    assert DateSpan.parse("03/07/2019", ANCHOR, numeric=MONTH_FIRST).start == date(2019, 3, 7)


def test_a_form_real_only_the_other_way_than_declared_is_an_error() -> None:
    with pytest.raises(DateError, match="not a real date day-first, the report's declared"):
        DateSpan.parse("12/25/2019", ANCHOR, numeric=DAY_FIRST)
    with pytest.raises(DateError, match="not a real date month-first, the report's declared"):
        DateSpan.parse("25/12/2019", ANCHOR, numeric=MONTH_FIRST)


def test_month_first_declared_reads_a_us_date() -> None:
    span = DateSpan.parse("12/25/2019", ANCHOR, numeric=MONTH_FIRST)
    assert span.start == date(2019, 12, 25)
    assert "month-first, as the report declares" in span.reading


def test_the_same_day_either_way_needs_no_declaration() -> None:
    assert DateSpan.parse("06/06/2019", ANCHOR).start == date(2019, 6, 6)


def test_a_form_real_neither_way_says_why_for_both() -> None:
    with pytest.raises(DateError, match=r"not a real date day-first .* nor month-first"):
        DateSpan.parse("31/31/2019", ANCHOR)


def test_a_day_and_month_without_a_year_follow_the_same_law() -> None:
    assert DateSpan.parse("25/12", ANCHOR).start == date(2020, 12, 25)
    assert DateSpan.parse("12/25", ANCHOR).start == date(2020, 12, 25)
    span = DateSpan.parse("03/07", ANCHOR)  # 3 July 2020 or 7 March 2021
    assert (span.start, span.end) == (date(2020, 7, 3), date(2021, 3, 7))
    assert span.anchor == ANCHOR


@pytest.mark.parametrize(
    ("text", "year"),
    [("01/02/31", 2031), ("01/02/32", 1932), ("05/05/71", 1971), ("05/05/00", 2000)],
)
def test_a_two_digit_year_is_the_latest_up_to_ten_years_after_the_report(
    text: str, year: int
) -> None:
    span = DateSpan.parse(text, ANCHOR, numeric=DAY_FIRST)
    assert span.start.year == year
    assert span.anchor == ANCHOR  # the report decided the century


def test_the_declared_order_is_part_of_what_is_remembered() -> None:
    default = DateSpan.parse("03/07/2019", ANCHOR)
    declared = DateSpan.parse("03/07/2019", ANCHOR, numeric=MONTH_FIRST)
    assert default is DateSpan.parse("03/07/2019", ANCHOR)
    assert (default.end, declared.end) == (date(2019, 7, 3), date(2019, 3, 7))


def test_numeric_must_be_a_numeric_dates() -> None:
    with pytest.raises(TypeError, match="numeric must be a NumericDates"):
        DateSpan.parse("03/07/2019", ANCHOR, numeric="day-first")  # type: ignore[arg-type]


@given(
    st.integers(1, 12),
    st.integers(1, 12),
    st.integers(1900, 2100),
    st.dates(date(1900, 1, 1), date(2100, 12, 31)),
    st.sampled_from("/.-"),
)
def test_an_ambiguous_form_with_no_declared_order_covers_both_readings(
    a: int, b: int, year: int, anchor: date, separator: str
) -> None:
    text = f"{a:02}{separator}{b:02}{separator}{year}"
    span = DateSpan.parse(text, anchor)
    assert span.contains(date(year, b, a))
    assert span.contains(date(year, a, b))


@given(st.integers(13, 31), st.integers(1, 12), st.integers(1900, 2100))
def test_a_day_over_twelve_first_is_read_day_first_unless_month_first_is_declared(
    day: int, month: int, year: int
) -> None:
    text = f"{day}/{month}/{year}"
    try:
        expected = date(year, month, day)
    except ValueError:
        with pytest.raises(DateError):
            DateSpan.parse(text, ANCHOR)
        return
    assert DateSpan.parse(text, ANCHOR).start == expected
    assert DateSpan.parse(text, ANCHOR, numeric=DAY_FIRST).start == expected
    with pytest.raises(DateError):
        DateSpan.parse(text, ANCHOR, numeric=MONTH_FIRST)
