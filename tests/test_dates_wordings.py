"""Tests for the forms `DateSpan.parse` reads beyond calendar dates and weekdays: counts back and
ahead, ordinals, parts of periods, weeks, weekends, quarters, decades, and pointed errors."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crosscheck.dates import (
    DATE_WORDINGS,
    DateError,
    DateSpan,
    DateWording,
    WeekdayMismatchError,
)
from crosscheck.docgen import date_wordings

date = datetime.date

MON_2021_03_01 = date(2021, 3, 1)
WED_2021_03_10 = date(2021, 3, 10)
SAT_2021_03_13 = date(2021, 3, 13)
SUN_2021_03_14 = date(2021, 3, 14)
THU_2021_03_18 = date(2021, 3, 18)


def days(text: str, anchor: datetime.date, *, ahead: bool = False) -> tuple[date, date]:
    span = DateSpan.parse(text, anchor, ahead=ahead)
    return span.start, span.end


# -- the table --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "row", DATE_WORDINGS, ids=[f"{row.example}@{row.anchor}" for row in DATE_WORDINGS]
)
def test_every_row_of_the_table_reads_its_example_as_the_row_says(row: DateWording) -> None:
    span = DateSpan.parse(row.example, row.anchor, ahead=row.ahead, numeric=row.numeric)
    assert span.days == row.days


def test_the_table_renders_one_markdown_table_per_group() -> None:
    groups = list(dict.fromkeys(row.group for row in DATE_WORDINGS))
    text = date_wordings()
    assert [line.removeprefix("### ") for line in text.splitlines() if line.startswith("### ")] == (
        groups
    )
    assert text.count("| Wording | Example (report of) | Span | Why this width |") == len(groups)


def test_a_table_row_shows_its_example_with_the_weekday_of_its_report() -> None:
    assert "| “two days ago” (Thu 2020-02-27) | 2020-02-25 |" in date_wordings()


# -- relative days ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("the day before yesterday", date(2021, 3, 8), date(2021, 3, 8)),
        ("earlier today", WED_2021_03_10, WED_2021_03_10),
        ("this morning", WED_2021_03_10, WED_2021_03_10),
        ("this day", WED_2021_03_10, WED_2021_03_10),
        ("overnight", date(2021, 3, 9), WED_2021_03_10),
        ("yesterday evening", date(2021, 3, 9), date(2021, 3, 9)),
    ],
)
def test_a_day_named_from_the_report_is_that_day(text: str, start: date, end: date) -> None:
    assert days(text, WED_2021_03_10) == (start, end)


# -- counts of time ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("two days ago", date(2021, 3, 8), date(2021, 3, 8)),
        ("10 days ago", date(2021, 2, 28), date(2021, 2, 28)),
        ("a week ago", date(2021, 3, 2), date(2021, 3, 4)),
        ("three weeks ago", date(2021, 2, 16), date(2021, 2, 18)),
        ("a fortnight ago", date(2021, 2, 23), date(2021, 2, 25)),
        ("a month ago", date(2021, 2, 3), date(2021, 2, 17)),
        ("a year ago", date(2020, 2, 10), date(2020, 4, 10)),
        ("3 months and 2 days ago", date(2020, 12, 8), date(2020, 12, 8)),
        ("several days ago", date(2021, 3, 1), date(2021, 3, 7)),
        ("days ago", date(2021, 3, 3), date(2021, 3, 8)),
    ],
)
def test_a_count_back_is_that_day_as_precise_as_its_unit(text: str, start: date, end: date) -> None:
    span = DateSpan.parse(text, WED_2021_03_10)
    assert (span.start, span.end) == (start, end)
    assert not span.is_forward


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("in two days", date(2021, 3, 12), date(2021, 3, 12)),
        ("in 3 weeks", date(2021, 3, 30), date(2021, 4, 1)),
        ("five days from now", date(2021, 3, 15), date(2021, 3, 15)),
        ("a week from tomorrow", date(2021, 3, 17), date(2021, 3, 19)),
        ("in two business days", date(2021, 3, 12), date(2021, 3, 12)),
        ("in three working days", date(2021, 3, 15), date(2021, 3, 15)),
        ("two Fridays from now", date(2021, 3, 19), date(2021, 3, 19)),
        ("the next five days", date(2021, 3, 11), date(2021, 3, 15)),
        ("within the next 4 days", WED_2021_03_10, date(2021, 3, 14)),
        ("within a week", WED_2021_03_10, date(2021, 3, 17)),
        ("in the coming days", date(2021, 3, 11), date(2021, 3, 17)),
        ("in the coming weeks", date(2021, 3, 11), date(2021, 4, 21)),
        ("for two days from tomorrow", date(2021, 3, 11), date(2021, 3, 12)),
    ],
)
def test_a_count_ahead_looks_ahead_by_itself(text: str, start: date, end: date) -> None:
    span = DateSpan.parse(text, WED_2021_03_10)
    assert (span.start, span.end) == (start, end)
    assert span.is_forward
    assert span.anchor == WED_2021_03_10


def test_days_counted_from_yesterday_or_tomorrow_start_there() -> None:
    assert days("three days before yesterday", WED_2021_03_10) == (date(2021, 3, 6),) * 2
    assert days("two days after tomorrow", WED_2021_03_10) == (date(2021, 3, 13),) * 2


def test_more_than_a_count_before_the_report_is_open_below() -> None:
    assert days("more than a week before today", WED_2021_03_10) == (date.min, date(2021, 3, 3))


def test_a_count_with_an_unknown_unit_names_the_word() -> None:
    with pytest.raises(DateError, match=r"'fortnite' is not a unit of time.*'fortnight'"):
        DateSpan.parse("a fortnite ago", WED_2021_03_10)


# -- stretches of time ------------------------------------------------------------------------


def test_the_past_decades_reach_back_to_the_calendar_decade_too() -> None:
    assert days("the past two decades", WED_2021_03_10) == (date(2000, 1, 1), WED_2021_03_10)


def test_in_the_past_n_days_reaches_n_days_back() -> None:
    assert days("in the past 5 days", WED_2021_03_10) == (date(2021, 3, 5), WED_2021_03_10)


def test_later_this_month_runs_from_the_report_to_the_months_end_and_looks_ahead() -> None:
    span = DateSpan.parse("later this month", WED_2021_03_10)
    assert (span.start, span.end, span.is_forward) == (WED_2021_03_10, date(2021, 3, 31), True)


def test_earlier_in_the_week_runs_from_monday_to_the_report() -> None:
    assert days("earlier in the week", WED_2021_03_10) == (date(2021, 3, 8), WED_2021_03_10)


# -- ordinals ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["the 4th", "on the 4th", "the fourth", "4th", "the 4", "on the four"],
)
def test_a_day_of_the_month_without_a_month_is_the_latest_on_or_before_the_report(
    text: str,
) -> None:
    assert days(text, WED_2021_03_10) == (date(2021, 3, 4),) * 2


def test_a_day_of_the_month_after_the_report_is_last_months() -> None:
    assert days("the 20th", WED_2021_03_10) == (date(2021, 2, 20),) * 2


def test_a_day_of_the_month_looking_ahead_is_the_next_one() -> None:
    assert days("the 20th", WED_2021_03_10, ahead=True) == (date(2021, 3, 20),) * 2


def test_the_31st_skips_months_without_one() -> None:
    assert days("the 31st", date(2021, 5, 15)) == (date(2021, 3, 31),) * 2


@pytest.mark.parametrize(
    "text",
    [
        "the second of March",
        "second of March",
        "March the second",
        "March second",
        "2nd of March",
        "March 2nd",
        "Mar-2",
        "Mar/2",
        "2. Mar.",
    ],
)
def test_a_day_and_month_may_be_written_in_many_ways(text: str) -> None:
    assert days(text, WED_2021_03_10) == (date(2021, 3, 2),) * 2


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("March twenty-first", 21),
        ("the thirty-first of January", 31),
        ("twenty one March", 21),
        ("the twentieth of February", 20),
        ("the eleventh of February", 11),
    ],
)
def test_ordinal_and_cardinal_words_name_days(text: str, day: int) -> None:
    assert DateSpan.parse(text, date(2021, 4, 1)).start.day == day


def test_a_year_may_follow_a_day_in_words() -> None:
    span = DateSpan.parse("the fifth of May, nineteen eighty six", WED_2021_03_10)
    assert (span.start, span.anchor) == (date(1986, 5, 5), None)


def test_a_weekday_with_a_day_of_the_month_is_checked_like_a_weekday_with_a_date() -> None:
    assert days("Thursday the 4th", WED_2021_03_10) == (date(2021, 3, 4),) * 2
    with pytest.raises(WeekdayMismatchError, match="says Friday, but 2021-03-04 is a Thursday"):
        DateSpan.parse("Friday the 4th", WED_2021_03_10)


def test_a_day_of_the_next_month_looks_ahead() -> None:
    span = DateSpan.parse("the 5th of next month", WED_2021_03_10)
    assert (span.start, span.is_forward) == (date(2021, 4, 5), True)


def test_a_day_the_named_month_lacks_is_an_error() -> None:
    with pytest.raises(DateError, match="February 2021 has no day 30"):
        DateSpan.parse("the 30th of last month", WED_2021_03_10)


def test_a_bare_number_is_not_read_as_a_day() -> None:
    with pytest.raises(DateError, match=r"'15' is a bare number: write the day as 'the 15th'"):
        DateSpan.parse("15", WED_2021_03_10)


# -- weekdays and weekends --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("this Monday", date(2021, 3, 8)),
        ("Tuesday of last week", date(2021, 3, 2)),
        ("last week on Friday", date(2021, 3, 5)),
        ("Sunday next week", date(2021, 3, 21)),
        ("the second Tuesday of February", date(2021, 2, 9)),
        ("the last Friday of last month", date(2021, 2, 26)),
        ("the first Monday in this month", date(2021, 3, 1)),
    ],
)
def test_a_weekday_within_a_week_or_a_month_is_that_day(text: str, day: date) -> None:
    assert days(text, WED_2021_03_10) == (day, day)


@pytest.mark.parametrize(
    ("text", "anchor", "start"),
    [
        ("over the weekend", MON_2021_03_01, date(2021, 2, 27)),
        ("over the weekend", WED_2021_03_10, date(2021, 3, 6)),
        ("at the weekend", THU_2021_03_18, date(2021, 3, 13)),
        ("during the weekend", SUN_2021_03_14, date(2021, 3, 13)),
        ("last weekend", SUN_2021_03_14, date(2021, 3, 6)),
        ("last weekend", WED_2021_03_10, date(2021, 3, 6)),
    ],
)
def test_the_weekend_is_the_latest_one_begun_by_the_report(
    text: str, anchor: date, start: date
) -> None:
    span = DateSpan.parse(text, anchor)
    assert (span.start, span.end) == (start, start + datetime.timedelta(days=1))
    assert not span.is_forward


def test_over_the_weekend_said_on_a_saturday_is_that_saturday_so_far() -> None:
    assert days("over the weekend", SAT_2021_03_13) == (SAT_2021_03_13, SAT_2021_03_13)


def test_this_weekend_in_a_plan_is_the_weekend_of_the_reports_week() -> None:
    span = DateSpan.parse("this weekend", WED_2021_03_10, ahead=True)
    assert (span.start, span.end, span.is_forward) == (SAT_2021_03_13, SUN_2021_03_14, True)


def test_this_weekend_said_of_what_happened_on_a_weekday_is_the_one_just_past() -> None:
    """A Wednesday report's "killed this weekend" cannot be about the coming Saturday."""
    span = DateSpan.parse("this weekend", WED_2021_03_10)
    assert (span.start, span.end) == (date(2021, 3, 6), date(2021, 3, 7))
    assert not span.is_forward


def test_the_weekend_looking_ahead_is_the_coming_one() -> None:
    assert days("the weekend", WED_2021_03_10, ahead=True) == (SAT_2021_03_13, SUN_2021_03_14)


# -- weeks, months, years ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("next week", date(2021, 3, 15), date(2021, 3, 21)),
        ("the coming week", date(2021, 3, 15), date(2021, 3, 21)),
        ("the week after next", date(2021, 3, 22), date(2021, 3, 28)),
        ("next month", date(2021, 4, 1), date(2021, 4, 30)),
        ("the month after next", date(2021, 5, 1), date(2021, 5, 31)),
        ("next year", date(2022, 1, 1), date(2022, 12, 31)),
        ("early next week", date(2021, 3, 15), date(2021, 3, 17)),
        ("early next month", date(2021, 4, 1), date(2021, 4, 10)),
        ("next September", date(2021, 9, 1), date(2021, 9, 30)),
        ("the rest of the week", WED_2021_03_10, SUN_2021_03_14),
    ],
)
def test_a_period_after_the_report_looks_ahead(text: str, start: date, end: date) -> None:
    span = DateSpan.parse(text, WED_2021_03_10)
    assert (span.start, span.end) == (start, end)
    assert span.is_forward


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("late last week", date(2021, 3, 4), date(2021, 3, 7)),
        ("the beginning of last week", date(2021, 3, 1), date(2021, 3, 3)),
        ("in early 2020", date(2020, 1, 1), date(2020, 4, 30)),
        ("the end of last year", date(2020, 9, 1), date(2020, 12, 31)),
        ("since the start of the year", date(2021, 1, 1), WED_2021_03_10),
        ("the middle of last month", date(2021, 2, 11), date(2021, 2, 20)),
        ("late last month", date(2021, 2, 21), date(2021, 2, 28)),
        ("the early 1990s", date(1990, 1, 1), date(1993, 12, 31)),
    ],
)
def test_a_part_of_a_period_is_its_third(text: str, start: date, end: date) -> None:
    assert days(text, WED_2021_03_10) == (start, end)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("the first week of February", date(2021, 2, 1), date(2021, 2, 7)),
        ("the last week of February", date(2021, 2, 22), date(2021, 2, 28)),
        ("the second week of January", date(2021, 1, 8), date(2021, 1, 17)),
        ("the first week of 2021", date(2021, 1, 1), date(2021, 1, 10)),
        ("week 5", date(2021, 2, 1), date(2021, 2, 7)),
        ("week 5 of 2020", date(2020, 1, 27), date(2020, 2, 2)),
        ("the week of the 2nd", date(2021, 3, 1), date(2021, 3, 7)),
        ("the week starting February 3", date(2021, 2, 3), date(2021, 2, 9)),
    ],
)
def test_a_week_of_a_month_or_year_covers_both_ways_of_counting_it(
    text: str, start: date, end: date
) -> None:
    assert days(text, WED_2021_03_10) == (start, end)


def test_a_month_without_a_year_may_be_this_years_by_this() -> None:
    assert days("this January", WED_2021_03_10) == (date(2021, 1, 1), date(2021, 1, 31))


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Q4 2020", date(2020, 10, 1), date(2020, 12, 31)),
        ("the fourth quarter of last year", date(2020, 10, 1), date(2020, 12, 31)),
        ("Q4", date(2020, 10, 1), date(2020, 12, 31)),
        ("Q1", date(2021, 1, 1), WED_2021_03_10),
        ("last quarter", date(2020, 10, 1), date(2020, 12, 31)),
        ("the second half of 2019", date(2019, 7, 1), date(2019, 12, 31)),
        ("H1 2020", date(2020, 1, 1), date(2020, 6, 30)),
        ("the 1980s", date(1980, 1, 1), date(1989, 12, 31)),
        ("the '80s", date(1980, 1, 1), date(1989, 12, 31)),
        ("the eighties", date(1980, 1, 1), date(1989, 12, 31)),
        ("the nineteen eighties", date(1980, 1, 1), date(1989, 12, 31)),
        ("the 20th century", date(1900, 1, 1), date(1999, 12, 31)),
        ("last decade", date(2010, 1, 1), date(2019, 12, 31)),
        ("nineteen eighty four", date(1984, 1, 1), date(1984, 12, 31)),
    ],
)
def test_quarters_halves_decades_and_centuries(text: str, start: date, end: date) -> None:
    assert days(text, WED_2021_03_10) == (start, end)


def test_a_decade_without_a_century_is_the_latest_begun_by_the_report() -> None:
    assert days("the 20s", WED_2021_03_10) == (date(2020, 1, 1), WED_2021_03_10)
    assert days("the 30s", WED_2021_03_10) == (date(1930, 1, 1), date(1939, 12, 31))


def test_this_week_is_cut_off_at_the_report() -> None:
    span = DateSpan.parse("this week", WED_2021_03_10)
    assert (span.start, span.end, span.is_forward) == (date(2021, 3, 8), WED_2021_03_10, False)
    assert span.reading.endswith("cut off at the anchor")


# -- wordings that count from another claim ---------------------------------------------------


@pytest.mark.parametrize(
    "text", ["the next day", "two days later", "the day before", "that day", "weeks later"]
)
def test_a_wording_counted_from_another_claim_says_so(text: str) -> None:
    with pytest.raises(DateError, match="counts from another claim's date, not the report's"):
        DateSpan.parse(text, WED_2021_03_10)


# -- errors pointing at the word --------------------------------------------------------------


def test_a_word_before_a_date_is_named() -> None:
    with pytest.raises(DateError) as info:
        DateSpan.parse("around the beginning of February", WED_2021_03_10)
    assert str(info.value) == (
        "cannot read 'around the beginning of February' as a date: 'around' before 'the "
        "beginning of February' is not part of a date; leave it out"
    )


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("at the beginning of February", "2021-02-01 – 2021-02-10"),
        ("before dawn on Friday", "2021-03-05"),
        ("in the early hours of Sunday", "2021-03-07"),
        ("shortly after midnight on Monday", "2021-03-08"),
        ("midday Tuesday", "2021-03-09"),
        ("earlier on Tuesday", "2021-03-09"),
    ],
)
def test_a_time_of_day_before_a_day_is_within_that_day(text: str, days: str) -> None:
    assert DateSpan.parse(text, WED_2021_03_10).days == days


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("Monday night", "2021-03-08 – 2021-03-09"),
        ("late Monday night", "2021-03-08 – 2021-03-09"),
        ("on the night of 24 February", "2021-02-24 – 2021-02-25"),
        ("Saturday night into Sunday", "2021-03-06 – 2021-03-07"),
        ("overnight into Tuesday", "2021-03-08 – 2021-03-09"),
        ("overnight Monday into Tuesday", "2021-03-08 – 2021-03-09"),
        ("overnight Sunday", "2021-03-06 – 2021-03-08"),
    ],
)
def test_a_night_runs_past_midnight_into_the_next_day(text: str, days: str) -> None:
    """Reporters date a night by its evening ("Monday night") or by its morning ("overnight
    into Tuesday"): the span holds both days, and a bare "overnight Sunday" both nights."""
    assert DateSpan.parse(text, WED_2021_03_10).days == days


def test_a_night_that_runs_into_the_report_day_is_cut_off_there() -> None:
    span = DateSpan.parse("Wednesday night", WED_2021_03_10)
    assert (span.start, span.end) == (date(2021, 3, 10), date(2021, 3, 10))


def test_a_word_after_a_date_is_named() -> None:
    with pytest.raises(DateError, match="'local time' after 'yesterday' is not part of a date"):
        DateSpan.parse("yesterday local time", WED_2021_03_10)


def test_an_unknown_month_next_to_a_day_is_named() -> None:
    with pytest.raises(DateError, match="'marchember' is not a month name; did you mean"):
        DateSpan.parse("Marchember 3", WED_2021_03_10)


def test_a_misspelt_weekday_is_named() -> None:
    with pytest.raises(DateError, match="'wednsday' is not a weekday name; did you mean"):
        DateSpan.parse("last Wednsday", WED_2021_03_10)


# -- laws -------------------------------------------------------------------------------------

BACKWARD = (
    "two days ago",
    "a month ago",
    "a few weeks ago",
    "over the weekend",
    "last weekend",
    "the 15th",
    "the second of June",
    "the first week of June",
    "the last Friday of June",
    "late last week",
    "the end of last year",
    "since the start of the year",
    "Q2",
    "the 1990s",
    "the '20s",
    "the past two decades",
    "this week",
    "earlier in the week",
    "the day before yesterday",
    "overnight",
)
FORWARD = (
    "tomorrow",
    "the day after tomorrow",
    "next week",
    "next month",
    "in two weeks",
    "three days from now",
    "within the next 5 days",
    "in the coming days",
    "in the coming weeks",
    "the week after next",
    "next year",
)


@given(st.dates(date(2000, 1, 1), date(2100, 12, 31)), st.sampled_from(BACKWARD))
def test_a_backward_wording_never_ends_after_its_report(anchor: date, text: str) -> None:
    span = DateSpan.parse(text, anchor)
    assert span.start <= span.end <= anchor
    assert not span.is_forward


@given(st.dates(date(1900, 1, 1), date(2100, 12, 31)), st.sampled_from(FORWARD))
def test_a_forward_wording_looks_ahead_and_keeps_its_report(anchor: date, text: str) -> None:
    span = DateSpan.parse(text, anchor)
    assert span.is_forward
    assert span.anchor == anchor


@pytest.mark.parametrize("month", range(1, 13))
def test_every_third_of_a_month_can_date_one_incident(month: int) -> None:
    """Early, mid and late in any month are each short enough to be inferred one incident."""
    from crosscheck.engine import MAX_INCIDENT_DAYS

    for part in ("early", "mid", "late"):
        name = date(2019, month, 1).strftime("%B")
        span = DateSpan.parse(f"{part} {name} 2019", WED_2021_03_10)
        assert (span.end - span.start).days + 1 <= MAX_INCIDENT_DAYS


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("the past year", "2020-03-10 – 2021-03-10"),  # rolling, as "over the past year"
        ("in the past year", "2020-03-10 – 2021-03-10"),
        ("2-Mar-2021", "2021-03-02"),  # the day-month-year style of OCHA and HDX tables
        ("15-Jan-2019", "2019-01-15"),
    ],
)
def test_wordings_a_reviewer_found_misread_read_right(text: str, days: str) -> None:
    assert DateSpan.parse(text, WED_2021_03_10).days == days


def test_the_previous_day_counts_from_another_claim_not_from_the_report() -> None:
    with pytest.raises(DateError, match="counts from another claim's date"):
        DateSpan.parse("the previous day", WED_2021_03_10)


@pytest.mark.parametrize("text", ["by " * 300 + "2019", "march 1-" * 1250, "mid-" * 2500])
def test_a_wording_too_long_to_be_a_date_is_one_error_at_once(text: str) -> None:
    """However a long wording nests, it is refused at once, never a RecursionError."""
    with pytest.raises(DateError, match="too long for a date wording"):
        DateSpan.parse(text, WED_2021_03_10)


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("Monday and Tuesday", "2021-03-08 – 2021-03-09"),
        ("on 27 and 28 February", "2021-02-27 – 2021-02-28"),
        ("this past week", "2021-03-03 – 2021-03-10"),
        ("this past weekend", "2021-03-06 – 2021-03-07"),
        ("twenty-one days ago", "2021-02-17"),
        ("in nineteen seventy eight", "1978-01-01 – 1978-12-31"),
        ("10-11 January", "2021-01-10 – 2021-01-11"),  # digits are never a year in words
    ],
)
def test_more_wire_wordings_read_as_an_analyst_would(text: str, days: str) -> None:
    assert DateSpan.parse(text, WED_2021_03_10).days == days
