"""Tests for crosscheck.dates: date wordings resolved against the date of the report."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crosscheck.dates import DateError, DateSpan

date = datetime.date

MONTHS = (
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
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# -- strategies: to move to crosscheck.testing ---------------------------------------------------


def anchors() -> st.SearchStrategy[datetime.date]:
    """Report dates, far enough from the calendar's ends for every wording to resolve."""
    return st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))


def days() -> st.SearchStrategy[datetime.date]:
    """Any day a claim might be about."""
    return st.dates(min_value=date(1850, 1, 1), max_value=date(2150, 12, 31))


def month_days() -> st.SearchStrategy[tuple[int, int]]:
    """A (month, day) that exists in every year, so it resolves without a year."""
    return st.tuples(st.integers(1, 12), st.integers(1, 31)).filter(
        lambda pair: pair[1] <= (28 if pair[0] == 2 else 30 if pair[0] in {4, 6, 9, 11} else 31)
    )


RELATIVE_PHRASES = (
    "today",
    "yesterday",
    "the day before yesterday",
    "last night",
    "this week",
    "earlier this week",
    "last week",
    "this month",
    "earlier this month",
    "last month",
    "this year",
    "earlier this year",
    "last year",
    "the past few days",
    "over the past few days",
    "the past weeks",
    "in the past weeks",
    "in recent weeks",
    "recent months",
    "the past 24 hours",
    "the past two weeks",
    "over the past 3 days",
    "the last two weeks",
    "the past week",
    "over the past month",
)


@st.composite
def backward_wordings(draw: st.DrawFn) -> tuple[str, datetime.date]:
    """A (wording, anchor) pair whose wording looks back from the anchor, from templates."""
    anchor = draw(anchors())
    month_number, day = draw(month_days())
    month = draw(st.sampled_from((MONTHS[month_number - 1], MONTHS[month_number - 1][:3] + ".")))
    weekday = draw(st.sampled_from(WEEKDAYS))
    year = draw(st.integers(anchor.year - 30, anchor.year - 1))
    part = draw(st.sampled_from(("early ", "mid-", "late ", "the beginning of ", "the end of ")))
    relative = draw(st.sampled_from(RELATIVE_PHRASES))
    wordings = (
        relative,
        weekday,
        f"on {weekday}",
        f"early on {weekday}",
        f"last {weekday}",
        f"{month} {day}",
        f"{day} {month}",
        f"on {month} {day}",
        month,
        f"in {month}",
        f"{month} last year",
        f"last {month}",
        f"{part}{month}",
        f"as of {part}{month} last year",
        f"{month} {day}, {year}",
        f"{year}-{month_number:02}-{day:02}",
        f"{month} {year}",
        f"in {year}",
        str(anchor.year),
        f"{part}{year}",
        f"since {month}",
        f"since {year}",
        f"since {part}{month}",
        f"since {relative}",
        f"by {year}",
    )
    return draw(st.sampled_from(wordings)), anchor


def date_spans() -> st.SearchStrategy[DateSpan]:
    """Spans as curators give them and as wordings resolve."""
    explicit = (
        st.lists(days(), min_size=2, max_size=2).map(sorted).map(lambda d: DateSpan.of(d[0], d[1]))
    )
    parsed = backward_wordings().map(lambda pair: DateSpan.parse(*pair))
    return st.one_of(explicit, parsed)


# -- the seed articles' wordings ------------------------------------------------------------------

WED_2019_10_30 = date(2019, 10, 30)  # 000: Syria Daily
TUE_2019_10_29 = date(2019, 10, 29)  # 001: Rudaw
TUE_2020_03_03 = date(2020, 3, 3)  # 002: Saraqeb re-entered
THU_2020_02_27 = date(2020, 2, 27)  # 003: three Turkish soldiers killed
THU_2020_02_06 = date(2020, 2, 6)  # 004: Reuters, Turkey demands Russia 'rein in'

SEED_WORDINGS = [
    ("Wednesday", WED_2019_10_30, date(2019, 10, 30), date(2019, 10, 30)),
    ("earlier this month", WED_2019_10_30, date(2019, 10, 1), date(2019, 10, 30)),
    ("October 9", WED_2019_10_30, date(2019, 10, 9), date(2019, 10, 9)),
    ("Last week", WED_2019_10_30, date(2019, 10, 21), date(2019, 10, 27)),
    ("yesterday", WED_2019_10_30, date(2019, 10, 29), date(2019, 10, 29)),
    ("on Tuesday", TUE_2019_10_29, date(2019, 10, 29), date(2019, 10, 29)),
    ("On October 6", TUE_2019_10_29, date(2019, 10, 6), date(2019, 10, 6)),
    ("on October 9", TUE_2019_10_29, date(2019, 10, 9), date(2019, 10, 9)),
    ("on Monday, March 2", TUE_2020_03_03, date(2020, 3, 2), date(2020, 3, 2)),
    ("on February 8", TUE_2020_03_03, date(2020, 2, 8), date(2020, 2, 8)),
    ("on Thursday, February 27", TUE_2020_03_03, date(2020, 2, 27), date(2020, 2, 27)),
    ("Since December", TUE_2020_03_03, date(2019, 12, 1), date(2020, 3, 3)),
    ("in the past weeks", TUE_2020_03_03, date(2020, 1, 21), date(2020, 3, 3)),
    ("over the past few days", TUE_2020_03_03, date(2020, 2, 25), date(2020, 3, 3)),
    ("On Sunday", TUE_2020_03_03, date(2020, 3, 1), date(2020, 3, 1)),
    ("on Thursday", TUE_2020_03_03, date(2020, 2, 27), date(2020, 2, 27)),
    ("in 2011", TUE_2020_03_03, date(2011, 1, 1), date(2011, 12, 31)),
    ("by 2016", TUE_2020_03_03, date.min, date(2016, 12, 31)),
    ("in 2018", TUE_2020_03_03, date(2018, 1, 1), date(2018, 12, 31)),
    ("in April 2019", TUE_2020_03_03, date(2019, 4, 1), date(2019, 4, 30)),
    ("Thursday", THU_2020_02_27, date(2020, 2, 27), date(2020, 2, 27)),
    ("on Wednesday", THU_2020_02_27, date(2020, 2, 26), date(2020, 2, 26)),
    ("in December", THU_2020_02_27, date(2019, 12, 1), date(2019, 12, 31)),
    ("since 2011", THU_2020_02_27, date(2011, 1, 1), date(2020, 2, 27)),
    ("in recent weeks", THU_2020_02_27, date(2020, 1, 16), date(2020, 2, 27)),
    ("since the beginning of February", THU_2020_02_27, date(2020, 2, 1), date(2020, 2, 27)),
    ("since 2015", THU_2020_02_27, date(2015, 1, 1), date(2020, 2, 27)),
    ("in September 2018", THU_2020_02_27, date(2018, 9, 1), date(2018, 9, 30)),
    ("as of late December last year", THU_2020_02_27, date(2019, 12, 21), date(2019, 12, 31)),
    ("on Thursday", THU_2020_02_06, date(2020, 2, 6), date(2020, 2, 6)),
    ("on Wednesday", THU_2020_02_06, date(2020, 2, 5), date(2020, 2, 5)),
    ("in the past two weeks", THU_2020_02_06, date(2020, 1, 23), date(2020, 2, 6)),
    ("on Monday", THU_2020_02_06, date(2020, 2, 3), date(2020, 2, 3)),
    ("Jan. 12", THU_2020_02_06, date(2020, 1, 12), date(2020, 1, 12)),
    ("in January", THU_2020_02_06, date(2020, 1, 1), date(2020, 1, 31)),
    ("last month", THU_2020_02_06, date(2020, 1, 1), date(2020, 1, 31)),
    ("in 2011", THU_2020_02_06, date(2011, 1, 1), date(2011, 12, 31)),
    ("Early on Thursday", THU_2020_02_06, date(2020, 2, 6), date(2020, 2, 6)),
]


@pytest.mark.parametrize(
    ("text", "anchor", "start", "end"),
    SEED_WORDINGS,
    ids=[f"{text}@{anchor}" for text, anchor, _, _ in SEED_WORDINGS],
)
def test_seed_wordings_resolve_to_the_days_their_reports_meant(
    text: str, anchor: datetime.date, start: datetime.date, end: datetime.date
) -> None:
    span = DateSpan.parse(text, anchor)
    assert (span.start, span.end) == (start, end)
    assert span.text == text
    assert not span.is_forward


OTHER_FORMS = [
    ("2020-02-27", TUE_2020_03_03, date(2020, 2, 27), date(2020, 2, 27)),
    ("2020-02", TUE_2020_03_03, date(2020, 2, 1), date(2020, 2, 29)),
    ("2 March", TUE_2020_03_03, date(2020, 3, 2), date(2020, 3, 2)),
    ("Jan 12", TUE_2020_03_03, date(2020, 1, 12), date(2020, 1, 12)),
    ("Sept. 12", TUE_2020_03_03, date(2019, 9, 12), date(2019, 9, 12)),
    ("March 2, 2020", TUE_2020_03_03, date(2020, 3, 2), date(2020, 3, 2)),
    ("2 March 2020", TUE_2020_03_03, date(2020, 3, 2), date(2020, 3, 2)),
    ("October 12, 2019", TUE_2020_03_03, date(2019, 10, 12), date(2019, 10, 12)),
    ("Monday, March 2, 2020", TUE_2020_03_03, date(2020, 3, 2), date(2020, 3, 2)),
    ("December last year", THU_2020_02_27, date(2019, 12, 1), date(2019, 12, 31)),
    ("last December", THU_2020_02_27, date(2019, 12, 1), date(2019, 12, 31)),
    ("this month", THU_2020_02_27, date(2020, 2, 1), date(2020, 2, 27)),
    ("this week", THU_2020_02_27, date(2020, 2, 24), date(2020, 2, 27)),
    ("last year", THU_2020_02_27, date(2019, 1, 1), date(2019, 12, 31)),
    ("over the past 10 days", THU_2020_02_27, date(2020, 2, 17), date(2020, 2, 27)),
    ("over the past three months", THU_2020_02_27, date(2019, 11, 27), date(2020, 2, 27)),
    ("the past 24 hours", THU_2020_02_27, date(2020, 2, 26), date(2020, 2, 27)),
    ("the beginning of February", THU_2020_02_27, date(2020, 2, 1), date(2020, 2, 10)),
    ("the middle of February", THU_2020_02_27, date(2020, 2, 11), date(2020, 2, 20)),
    ("mid-February", THU_2020_02_27, date(2020, 2, 11), date(2020, 2, 20)),
    ("the end of February", TUE_2020_03_03, date(2020, 2, 21), date(2020, 2, 29)),
    ("late March", TUE_2020_03_03, date(2019, 3, 21), date(2019, 3, 31)),
    ("early 2019", TUE_2020_03_03, date(2019, 1, 1), date(2019, 4, 30)),
    ("the end of last month", TUE_2020_03_03, date(2020, 2, 21), date(2020, 2, 29)),
    ("since Monday", THU_2020_02_06, date(2020, 2, 3), date(2020, 2, 6)),
    ("since last week", THU_2020_02_06, date(2020, 1, 27), date(2020, 2, 6)),
    ("today", THU_2020_02_06, date(2020, 2, 6), date(2020, 2, 6)),
    ("Thursday night", THU_2020_02_06, date(2020, 2, 6), date(2020, 2, 6)),
    ("last night", THU_2020_02_06, date(2020, 2, 5), date(2020, 2, 6)),
]


@pytest.mark.parametrize(
    ("text", "anchor", "start", "end"),
    OTHER_FORMS,
    ids=[f"{text}@{anchor}" for text, anchor, _, _ in OTHER_FORMS],
)
def test_every_documented_form_resolves_to_its_span(
    text: str, anchor: datetime.date, start: datetime.date, end: datetime.date
) -> None:
    span = DateSpan.parse(text, anchor)
    assert (span.start, span.end) == (start, end)


# -- reading rules ------------------------------------------------------------------------------


def test_a_bare_weekday_on_the_report_day_is_that_day() -> None:
    assert DateSpan.parse("Thursday", THU_2020_02_06).start == THU_2020_02_06


def test_a_bare_weekday_is_read_backwards_even_when_the_report_means_the_coming_one() -> None:
    # 002: "Erdogan is set to meet Putin in Moscow on Thursday" (2020-03-05) reads as 2020-02-27.
    span = DateSpan.parse("on Thursday", TUE_2020_03_03)
    assert span.start == date(2020, 2, 27)
    assert not span.is_forward


def test_a_month_name_is_the_latest_such_month_begun_by_the_report() -> None:
    assert DateSpan.parse("October", WED_2019_10_30).start == date(2019, 10, 1)
    assert DateSpan.parse("November", WED_2019_10_30).start == date(2018, 11, 1)


def test_the_current_month_is_cut_off_at_the_report_date() -> None:
    span = DateSpan.parse("December", date(2019, 12, 15))
    assert (span.start, span.end) == (date(2019, 12, 1), date(2019, 12, 15))
    assert "cut off at the anchor" in span.reading


def test_a_third_of_a_month_that_has_not_begun_is_last_years() -> None:
    span = DateSpan.parse("late February", date(2020, 2, 20))
    assert (span.start, span.end) == (date(2019, 2, 21), date(2019, 2, 28))


def test_a_day_without_a_year_is_the_latest_on_or_before_the_report() -> None:
    assert DateSpan.parse("October 30", WED_2019_10_30).start == date(2019, 10, 30)
    assert DateSpan.parse("October 31", WED_2019_10_30).start == date(2018, 10, 31)


def test_february_29_without_a_year_is_the_leap_day_of_the_past_year() -> None:
    assert DateSpan.parse("February 29", TUE_2020_03_03).start == date(2020, 2, 29)


def test_last_weekday_covers_both_days_it_may_mean() -> None:
    span = DateSpan.parse("last Monday", date(2020, 3, 4))
    assert (span.start, span.end) == (date(2020, 2, 24), date(2020, 3, 2))


def test_wording_is_read_regardless_of_case_spacing_and_trailing_punctuation() -> None:
    plain = DateSpan.parse("on monday", THU_2020_02_06)
    messy = DateSpan.parse("  ON   Monday.  ", THU_2020_02_06)
    assert (messy.start, messy.end) == (plain.start, plain.end)
    assert messy.text == "ON   Monday."


def test_an_absolute_wording_keeps_no_anchor() -> None:
    assert DateSpan.parse("April 2019", TUE_2020_03_03).anchor is None
    assert DateSpan.parse("2020-03-02", TUE_2020_03_03).anchor is None


def test_a_relative_wording_keeps_its_anchor() -> None:
    assert DateSpan.parse("on Monday", THU_2020_02_06).anchor == THU_2020_02_06


def test_an_absolute_span_running_past_the_report_is_cut_off_and_keeps_its_anchor() -> None:
    span = DateSpan.parse("2020", TUE_2020_03_03)
    assert (span.start, span.end, span.anchor) == (date(2020, 1, 1), TUE_2020_03_03, TUE_2020_03_03)


def test_the_reading_names_the_rule_applied() -> None:
    span = DateSpan.parse("on Monday", THU_2020_02_06)
    assert span.reading == "weekday 'Monday': the latest Monday on or before the anchor"


def test_a_matching_weekday_next_to_a_date_is_noted_in_the_reading() -> None:
    assert "it is a Monday" in DateSpan.parse("Monday, March 2", TUE_2020_03_03).reading


# -- looking ahead ------------------------------------------------------------------------------


def test_tomorrow_is_the_day_after_the_report_and_looks_ahead() -> None:
    # 001: "We will start our joint patrol [with Turkey] tomorrow."
    span = DateSpan.parse("tomorrow", TUE_2019_10_29)
    assert (span.start, span.is_forward) == (date(2019, 10, 30), True)


def test_next_weekday_starts_on_the_first_such_day_strictly_after_the_report() -> None:
    assert DateSpan.parse("next Thursday", WED_2019_10_30).start == date(2019, 10, 31)
    assert DateSpan.parse("next Thursday", THU_2020_02_06).start == date(2020, 2, 13)
    assert DateSpan.parse("next Thursday", THU_2020_02_06).is_forward


def test_next_weekday_covers_the_coming_one_and_next_weeks_when_they_differ() -> None:
    # Said on a Wednesday, "next Thursday" is tomorrow to some readers, eight days off to others.
    span = DateSpan.parse("next Thursday", WED_2019_10_30)
    assert (span.start, span.end) == (date(2019, 10, 31), date(2019, 11, 7))


def test_next_weekday_is_one_day_when_both_readings_agree() -> None:
    span = DateSpan.parse("next Monday", WED_2019_10_30)
    assert (span.start, span.end) == (date(2019, 11, 4), date(2019, 11, 4))


def test_last_weekday_is_one_day_when_both_readings_agree() -> None:
    # Said on a Monday, the latest Sunday and last week's Sunday are the same day.
    span = DateSpan.parse("last Sunday", date(2020, 3, 2))
    assert (span.start, span.end) == (date(2020, 3, 1), date(2020, 3, 1))


def test_a_full_date_after_the_report_looks_ahead() -> None:
    span = DateSpan.parse("March 5, 2020", TUE_2020_03_03)
    assert (span.start, span.anchor, span.is_forward) == (date(2020, 3, 5), TUE_2020_03_03, True)


def test_by_a_forward_day_looks_ahead() -> None:
    span = DateSpan.parse("by next Monday", TUE_2020_03_03)
    assert (span.start, span.end, span.is_forward) == (date.min, date(2020, 3, 9), True)


def test_an_explicit_span_never_looks_ahead() -> None:
    assert not DateSpan.of(date(2030, 1, 1)).is_forward


# -- errors -------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["the other day", "", "soon", "on", "recently"])
def test_an_unreadable_wording_is_an_error_quoting_it_with_the_accepted_forms(text: str) -> None:
    with pytest.raises(DateError, match=r"cannot read '.*' as a date: expected a date") as info:
        DateSpan.parse(text, THU_2020_02_06)
    assert f"'{text}'" in str(info.value)


def test_the_unreadable_message_lists_the_accepted_forms() -> None:
    with pytest.raises(DateError) as info:
        DateSpan.parse("the other day", THU_2020_02_06)
    assert str(info.value) == (
        "cannot read 'the other day' as a date: expected a date ('March 2', '2020-03-02'), "
        "a month ('April 2019'), a weekday ('on Monday') or a relative phrase "
        "('last week', 'since December')"
    )


def test_a_weekday_that_does_not_match_its_date_is_an_error_naming_both() -> None:
    with pytest.raises(DateError) as info:
        DateSpan.parse("Monday, March 3", TUE_2020_03_03)
    assert str(info.value) == "'Monday, March 3' says Monday, but 2020-03-03 is a Tuesday"


@pytest.mark.parametrize(
    "text", ["February 30", "30 February", "Feb 29, 2019", "2020-02-30", "2020-13-01", "April 31"]
)
def test_an_impossible_date_is_an_error_quoting_it(text: str) -> None:
    with pytest.raises(DateError, match=f"'{text}' is not a real date"):
        DateSpan.parse(text, TUE_2020_03_03)


def test_february_29_with_no_leap_day_in_the_past_year_asks_for_the_year() -> None:
    with pytest.raises(DateError, match=r"'February 29' gives no year.*write the year"):
        DateSpan.parse("February 29", date(2022, 6, 1))


def test_since_a_time_after_the_report_is_an_error() -> None:
    with pytest.raises(DateError, match="'since tomorrow' starts after the report date"):
        DateSpan.parse("since tomorrow", TUE_2020_03_03)


def test_a_wording_beyond_the_calendars_range_is_an_error() -> None:
    with pytest.raises(DateError, match="'tomorrow' lies outside the calendar's range"):
        DateSpan.parse("tomorrow", date.max)


def test_a_span_cannot_end_before_it_starts() -> None:
    with pytest.raises(DateError, match="expected a span that ends on or after its start"):
        DateSpan.of(date(2020, 3, 3), date(2020, 3, 2))


def test_a_span_refuses_a_datetime_for_a_day() -> None:
    with pytest.raises(TypeError, match=r"start must be a datetime\.date"):
        DateSpan.of(datetime.datetime(2020, 3, 3, 12, 0))


def test_a_datetime_anchor_is_refused() -> None:
    with pytest.raises(TypeError, match="anchor must be a datetime"):
        DateSpan.parse("today", datetime.datetime(2020, 3, 3, 12, 0))


# -- explicit spans and rendering ---------------------------------------------------------------


def test_an_explicit_span_of_one_day_ends_where_it_starts() -> None:
    span = DateSpan.of(date(2020, 3, 2), text="2020-03-02")
    assert (span.start, span.end, span.anchor, span.reading) == (
        date(2020, 3, 2),
        date(2020, 3, 2),
        None,
        "explicit span",
    )


@pytest.mark.parametrize(
    ("span", "rendered"),
    [
        (
            DateSpan.parse("on Monday", THU_2020_02_06),
            "2020-02-03 (‘on Monday’, report of Thu 2020-02-06)",
        ),
        (
            DateSpan.parse("since December", THU_2020_02_06),
            "2019-12-01 – 2020-02-06 (‘since December’, report of Thu 2020-02-06)",
        ),
        (
            DateSpan.parse("by last year", THU_2020_02_06),
            "… – 2019-12-31 (‘by last year’, report of Thu 2020-02-06)",
        ),
        (DateSpan.parse("by 2016", THU_2020_02_06), "… – 2016-12-31 (‘by 2016’)"),
        (DateSpan.of(date(2020, 3, 2), text="2020-03-02"), "2020-03-02 (‘2020-03-02’)"),
        (DateSpan.of(date(2020, 3, 2), date(2020, 3, 4)), "2020-03-02 – 2020-03-04"),
    ],
    ids=["day", "span", "unbounded", "unbounded-absolute", "no-anchor", "no-text"],
)
def test_a_span_renders_its_days_wording_and_report(span: DateSpan, rendered: str) -> None:
    assert str(span) == rendered


def test_spans_sharing_only_an_end_day_overlap() -> None:
    assert DateSpan.of(date(2020, 2, 1), date(2020, 2, 8)).overlaps(DateSpan.of(date(2020, 2, 8)))


def test_spans_a_day_apart_do_not_overlap() -> None:
    assert not DateSpan.of(date(2020, 2, 1), date(2020, 2, 7)).overlaps(
        DateSpan.of(date(2020, 2, 8))
    )


def test_reparsing_a_spans_wording_against_its_report_gives_the_same_span() -> None:
    span = DateSpan.parse("since the beginning of February", THU_2020_02_27)
    assert DateSpan.parse(span.text, THU_2020_02_27) == span


# -- laws ---------------------------------------------------------------------------------------


@given(date_spans(), date_spans())
def test_overlap_is_symmetric(a: DateSpan, b: DateSpan) -> None:
    assert a.overlaps(b) == b.overlaps(a)


@given(date_spans(), date_spans())
def test_spans_overlap_exactly_when_one_contains_the_others_start(a: DateSpan, b: DateSpan) -> None:
    assert a.overlaps(b) == (a.contains(b.start) or b.contains(a.start))


@given(date_spans(), days())
def test_a_span_contains_exactly_the_days_from_its_start_to_its_end(
    span: DateSpan, day: datetime.date
) -> None:
    assert span.contains(day) == (span.start <= day <= span.end)


@given(backward_wordings())
def test_a_backward_looking_wording_never_ends_after_its_anchor(
    pair: tuple[str, datetime.date],
) -> None:
    text, anchor = pair
    span = DateSpan.parse(text, anchor)
    assert span.start <= span.end <= anchor
    assert not span.is_forward


@given(backward_wordings())
def test_a_resolution_keeps_its_wording_and_any_anchor_is_the_report_date(
    pair: tuple[str, datetime.date],
) -> None:
    text, anchor = pair
    span = DateSpan.parse(text, anchor)
    assert span.text == text
    assert span.anchor in {None, anchor}
    assert span.reading


@given(anchors(), st.sampled_from(WEEKDAYS), st.sampled_from(("", "on ", "early on ", "late on ")))
def test_a_weekday_is_the_matching_day_among_the_seven_ending_at_the_anchor(
    anchor: datetime.date, weekday: str, prefix: str
) -> None:
    span = DateSpan.parse(f"{prefix}{weekday}", anchor)
    assert span.start == span.end
    assert anchor - datetime.timedelta(days=6) <= span.start <= anchor
    assert WEEKDAYS[span.start.weekday()] == weekday


@given(anchors(), st.sampled_from(WEEKDAYS))
def test_next_weekday_is_the_matching_day_among_the_seven_after_the_anchor(
    anchor: datetime.date, weekday: str
) -> None:
    span = DateSpan.parse(f"next {weekday}", anchor)
    assert anchor < span.start <= anchor + datetime.timedelta(days=7)
    assert WEEKDAYS[span.start.weekday()] == weekday
    assert span.is_forward


@given(anchors(), month_days())
def test_a_month_and_day_is_never_after_the_anchor_nor_a_year_before_it(
    anchor: datetime.date, month_day: tuple[int, int]
) -> None:
    month, day = month_day
    span = DateSpan.parse(f"{MONTHS[month - 1]} {day}", anchor)
    assert (span.start.month, span.start.day) == (month, day)
    assert anchor - datetime.timedelta(days=366) <= span.start <= anchor


@given(anchors(), st.integers(0, 364))
def test_a_weekday_written_next_to_its_date_resolves_to_that_date(
    anchor: datetime.date, back: int
) -> None:
    day = anchor - datetime.timedelta(days=back)
    text = f"{WEEKDAYS[day.weekday()]}, {MONTHS[day.month - 1]} {day.day}"
    assert DateSpan.parse(text, anchor).start == day


@given(anchors(), st.integers(0, 364), st.integers(1, 6))
def test_a_weekday_written_next_to_another_days_date_is_an_error_naming_both(
    anchor: datetime.date, back: int, shift: int
) -> None:
    day = anchor - datetime.timedelta(days=back)
    said = WEEKDAYS[(day.weekday() + shift) % 7]
    text = f"{said}, {MONTHS[day.month - 1]} {day.day}"
    with pytest.raises(DateError, match=f"says {said}, but {day.isoformat()} is a"):
        DateSpan.parse(text, anchor)


@given(backward_wordings())
def test_since_a_wording_runs_from_its_start_to_the_anchor(pair: tuple[str, datetime.date]) -> None:
    text, anchor = pair
    inner = DateSpan.parse(text, anchor)
    span = DateSpan.parse(f"since {text}", anchor)
    assert (span.start, span.end) == (inner.start, anchor)


@given(anchors(), st.sampled_from(RELATIVE_PHRASES))
def test_case_spacing_and_trailing_punctuation_do_not_change_a_resolution(
    anchor: datetime.date, text: str
) -> None:
    plain = DateSpan.parse(text, anchor)
    messy = DateSpan.parse(f"  {text.upper()} .", anchor)
    assert (messy.start, messy.end, messy.anchor) == (plain.start, plain.end, plain.anchor)


def test_a_planned_weekday_looks_ahead() -> None:
    """'on Thursday' in a plan announced on Tue 2020-03-03 is Thu 2020-03-05."""
    span = DateSpan.parse("on Thursday", datetime.date(2020, 3, 3), ahead=True)
    assert (span.start, span.is_forward) == (datetime.date(2020, 3, 5), True)


def test_a_planned_date_without_a_year_is_the_next_one() -> None:
    """'Monday, March 2' announced on 2020-02-27 is 2 March 2020, a Monday: no mismatch."""
    span = DateSpan.parse("Monday, March 2", datetime.date(2020, 2, 27), ahead=True)
    assert span.start == datetime.date(2020, 3, 2)


def test_one_wording_on_one_day_is_read_once_and_looking_ahead_is_kept_apart() -> None:
    """Readings are remembered per wording, anchor and direction: a plan's "on Thursday" is
    never served the report's past Thursday, nor the other way round."""
    anchor = datetime.date(2020, 3, 2)  # a Monday
    assert DateSpan.parse("on Thursday", anchor) is DateSpan.parse("on Thursday", anchor)
    past = DateSpan.parse("on Thursday", anchor)
    ahead = DateSpan.parse("on Thursday", anchor, ahead=True)
    assert (past.start, ahead.start) == (datetime.date(2020, 2, 27), datetime.date(2020, 3, 5))
    assert DateSpan.parse("on Thursday", anchor) == past
