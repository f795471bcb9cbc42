"""Tests for ranges of days: "27-28 February", "between 4 and 9 May", "from June 3 to June 9"."""

from __future__ import annotations

import calendar
import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crosscheck.dates import DateError, DateSpan, NumericDates, WeekdayMismatchError

date = datetime.date
ANCHOR = date(2021, 6, 15)  # a Tuesday
MONTHS = tuple(calendar.month_name)[1:]


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("3-5 May", date(2021, 5, 3), date(2021, 5, 5)),
        ("3–5 May 2019", date(2019, 5, 3), date(2019, 5, 5)),
        ("between 3 and 5 May", date(2021, 5, 3), date(2021, 5, 5)),
        ("from 3 to 5 May 2019", date(2019, 5, 3), date(2019, 5, 5)),
        ("May 3-5", date(2021, 5, 3), date(2021, 5, 5)),
        ("from May 3 to May 9", date(2021, 5, 3), date(2021, 5, 9)),
        ("May 28 to June 2", date(2021, 5, 28), date(2021, 6, 2)),
        ("from 28 May until 2 June", date(2021, 5, 28), date(2021, 6, 2)),
        ("from December 28 to January 3", date(2020, 12, 28), date(2021, 1, 3)),
        ("from 2 to 9 this month", date(2021, 6, 2), date(2021, 6, 9)),
        ("between the 1st and the 3rd of last month", date(2021, 5, 1), date(2021, 5, 3)),
        ("May 3, 2019 - 05/12/2019", date(2019, 5, 3), date(2019, 12, 5)),
        ("2012-2014", date(2012, 1, 1), date(2014, 12, 31)),
        ("from March 2019 to May 2019", date(2019, 3, 1), date(2019, 5, 31)),
        ("from last Monday to yesterday", date(2021, 6, 7), date(2021, 6, 14)),
        ("from June 1 to today", date(2021, 6, 1), ANCHOR),
    ],
)
def test_a_range_runs_from_its_first_day_to_its_last(text: str, start: date, end: date) -> None:
    span = DateSpan.parse(text, ANCHOR)
    assert (span.start, span.end) == (start, end)
    assert not span.is_forward


def test_a_range_without_a_year_is_the_latest_that_has_ended_by_the_report() -> None:
    span = DateSpan.parse("from June 10 to June 20", ANCHOR)
    assert (span.start, span.end) == (date(2020, 6, 10), date(2020, 6, 20))


def test_a_range_whose_stated_last_day_is_after_the_report_looks_ahead() -> None:
    span = DateSpan.parse("from 10 to 20 this month", ANCHOR)
    assert (span.start, span.end, span.is_forward) == (date(2021, 6, 10), date(2021, 6, 20), True)


def test_a_range_from_now_to_a_day_without_a_year_runs_forward() -> None:
    span = DateSpan.parse("between now and July 4", ANCHOR)
    assert (span.start, span.end, span.is_forward) == (ANCHOR, date(2021, 7, 4), True)


def test_a_range_reaching_into_the_report_day_from_a_period_is_cut_off() -> None:
    span = DateSpan.parse("from 2020 to 2021", ANCHOR)
    assert (span.start, span.end) == (date(2020, 1, 1), ANCHOR)
    assert span.reading.endswith("cut off at the anchor")


@pytest.mark.parametrize(
    "text", ["from May 9 to May 3", "9-3 May", "2014-2012", "between 20 and 10 May 2019"]
)
def test_a_reversed_range_is_an_error(text: str) -> None:
    with pytest.raises(DateError, match=f"'{text}' runs backwards"):
        DateSpan.parse(text, ANCHOR)


def test_a_weekday_that_contradicts_a_day_of_a_range_is_a_mismatch_carrying_the_range() -> None:
    with pytest.raises(WeekdayMismatchError) as info:
        DateSpan.parse("from Monday, May 3 to Thursday, May 7", ANCHOR)
    assert "says Thursday, but 2021-05-07 is a Friday" in str(info.value)
    assert (info.value.span.start, info.value.span.end) == (date(2021, 5, 3), date(2021, 5, 7))


def test_a_range_with_a_month_first_only_side_reads_it_month_first() -> None:
    span = DateSpan.parse("May 3, 2019 - 05/13/2019", ANCHOR)
    assert (span.start, span.end) == (date(2019, 5, 3), date(2019, 5, 13))


@st.composite
def day_pairs(draw: st.DrawFn) -> tuple[int, int, int, date]:
    """Two days of one month, first before last, and a report date after both."""
    anchor = draw(st.dates(date(1950, 1, 1), date(2100, 12, 31)))
    month = draw(st.integers(1, 12))
    length = 28 if month == 2 else 30 if month in {4, 6, 9, 11} else 31
    first = draw(st.integers(1, length - 1))
    last = draw(st.integers(first + 1, length))
    return month, first, last, anchor


@given(day_pairs())
def test_every_range_form_of_the_same_two_days_reads_the_same_span(
    pair: tuple[int, int, int, date],
) -> None:
    month, first, last, anchor = pair
    name = MONTHS[month - 1]
    forms = (
        f"{first}-{last} {name}",
        f"{first}–{last} {name}",
        f"{first} - {last} {name}",
        f"between {first} and {last} {name}",
        f"from {first} to {last} {name}",
        f"{first} {name} to {last} {name}",
        f"{name} {first}-{last}",
        f"from {name} {first} to {name} {last}",
    )
    spans = {
        (DateSpan.parse(text, anchor).start, DateSpan.parse(text, anchor).end) for text in forms
    }
    assert len(spans) == 1
    ((start, end),) = spans
    assert (start.month, start.day, end.month, end.day) == (month, first, month, last)
    assert end <= anchor


def test_a_mixed_range_reads_its_numeric_side_in_the_declared_order() -> None:
    span = DateSpan.parse("May 3, 2019 - 05/13/2019", ANCHOR, numeric=NumericDates.MONTH_FIRST)
    assert (span.start, span.end) == (date(2019, 5, 3), date(2019, 5, 13))
