"""Tests for `DateSpan.parse_relative`: dates counted from another claim's span."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crosscheck.dates import DateError, DateSpan

date = datetime.date
BASE = DateSpan.of(date(2020, 3, 2), date(2020, 3, 4))
ONE_DAY = DateSpan.of(date(2020, 3, 2))


def shifted(text: str, base: DateSpan = BASE, *, after: bool = True) -> tuple[date, date]:
    span = DateSpan.parse_relative(text, base, after=after)
    return span.start, span.end


def test_a_count_later_shifts_the_whole_base_span() -> None:
    assert shifted("two days later") == (date(2020, 3, 4), date(2020, 3, 6))


def test_the_reading_names_the_base_spans_days_and_there_is_no_anchor() -> None:
    span = DateSpan.parse_relative("two days later", BASE, after=True)
    assert span.reading == "two days after 2020-03-02 – 2020-03-04"
    assert span.anchor is None
    assert span.text == "two days later"


@pytest.mark.parametrize(
    "text", ["the next day", "the following day", "the day after", "a day later", "1 day after"]
)
def test_the_next_day_is_one_day_after(text: str) -> None:
    assert shifted(text, ONE_DAY) == (date(2020, 3, 3),) * 2


@pytest.mark.parametrize(
    "text", ["the previous day", "the day before", "a day earlier", "one day before", "the eve"]
)
def test_the_day_before_is_one_day_before(text: str) -> None:
    assert shifted(text, ONE_DAY, after=False) == (date(2020, 3, 1),) * 2


@pytest.mark.parametrize("text", ["that day", "the same day", "later that day"])
@pytest.mark.parametrize("after", [True, False])
def test_the_same_day_is_the_base_either_way(text: str, after: bool) -> None:
    assert shifted(text, after=after) == (BASE.start, BASE.end)


def test_a_week_later_is_a_week_on_give_or_take_a_day() -> None:
    span = DateSpan.parse_relative("a week later", ONE_DAY, after=True)
    assert (span.start, span.end) == (date(2020, 3, 8), date(2020, 3, 10))
    assert "give or take a day" in span.reading


def test_a_count_earlier_counts_back() -> None:
    assert shifted("three days earlier", ONE_DAY, after=False) == (date(2020, 2, 28),) * 2
    assert shifted("a week before", ONE_DAY, after=False) == (date(2020, 2, 23), date(2020, 2, 25))


def test_a_vague_count_is_generous() -> None:
    assert shifted("days later", ONE_DAY) == (date(2020, 3, 4), date(2020, 3, 9))
    assert shifted("a few weeks later", ONE_DAY) == (date(2020, 3, 16), date(2020, 4, 6))
    assert shifted("hours later", ONE_DAY) == (date(2020, 3, 2), date(2020, 3, 3))


def test_a_wording_counting_back_given_as_after_is_an_error_saying_so() -> None:
    with pytest.raises(DateError) as info:
        DateSpan.parse_relative("two days earlier", BASE, after=True)
    assert str(info.value) == (
        "'two days earlier' counts back, but it is given as after the claim it is counted from "
        "(2020-03-02 – 2020-03-04); write before instead"
    )


def test_a_wording_counting_forward_given_as_before_is_an_error_saying_so() -> None:
    with pytest.raises(DateError, match="'the next day' counts forward, but it is given as"):
        DateSpan.parse_relative("the next day", BASE, after=False)


def test_an_unreadable_relative_wording_lists_the_forms() -> None:
    with pytest.raises(DateError, match="cannot read 'soon after' as a date counted from"):
        DateSpan.parse_relative("soon after", BASE, after=True)


def test_an_unbounded_base_stays_unbounded() -> None:
    base = DateSpan.parse("by 2016", date(2020, 3, 3))
    span = DateSpan.parse_relative("a year later", base, after=True)
    assert span.start == date.min
    assert span.end == date(2018, 1, 31)


def test_the_base_must_be_a_span() -> None:
    with pytest.raises(TypeError, match="base must be a DateSpan"):
        DateSpan.parse_relative("the next day", date(2020, 3, 2), after=True)  # type: ignore[arg-type]


@given(
    st.dates(date(1900, 1, 1), date(2100, 12, 31)),
    st.integers(0, 30),
    st.integers(1, 400),
    st.sampled_from(("{n} days later", "{n} days after", "{n} days on")),
    st.sampled_from(("{n} days earlier", "{n} days before", "{n} days prior")),
)
def test_after_then_before_by_the_same_amount_is_the_base(
    start: date, length: int, n: int, forward: str, back: str
) -> None:
    base = DateSpan.of(start, start + datetime.timedelta(days=length))
    there = DateSpan.parse_relative(forward.format(n=n), base, after=True)
    again = DateSpan.parse_relative(back.format(n=n), there, after=False)
    assert (again.start, again.end) == (base.start, base.end)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("the same week", date(2020, 3, 2), date(2020, 3, 8)),  # Wed 2020-03-04: Mon to Sun
        ("later that week", date(2020, 3, 2), date(2020, 3, 8)),
        ("that weekend", date(2020, 3, 7), date(2020, 3, 8)),
        ("that month", date(2020, 3, 1), date(2020, 3, 31)),
        ("the same year", date(2020, 1, 1), date(2020, 12, 31)),
    ],
)
def test_the_same_week_month_or_year_is_the_calendar_period_of_the_base(
    text: str, start: date, end: date
) -> None:
    for after in (True, False):
        span = DateSpan.parse_relative(text, DateSpan.of(date(2020, 3, 4)), after=after)
        assert (span.start, span.end) == (start, end)
