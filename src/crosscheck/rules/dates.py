"""Rules about dates: one event dated apart, weekdays that contradict dates, durations."""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Iterator

from crosscheck.dates import DateSpan, WeekdayMismatchError
from crosscheck.engine import Context
from crosscheck.findings import Severity, Violation
from crosscheck.model import Claim, Modality
from crosscheck.quantity import Dimension
from crosscheck.registry import Rule, rule

__all__ = ["RULES"]

_NAMES_A_WEEKDAY = re.compile(r"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b.*\d", re.I)
"""A date wording with a weekday name and a number in it: the only kind that can contradict."""

POINT_PREDICATES = frozenset(
    {"killed", "wounded", "captured", "took", "entered", "withdrew", "attacked", "shot_down",
     "launched", "began", "agreed", "displaced"}
)  # fmt: skip
"""Acts dated to when they happened. Talks, clashes, patrols and statements may last days or
be quoted on different days, so their dates are not compared."""


def _span(span: DateSpan) -> str:
    start = "…" if span.start == datetime.date.min else str(span.start)
    return start if span.start == span.end else f"{start} – {span.end}"


@rule("DAT001", "date.event-dated-apart", Severity.ERROR)
def event_dated_apart(context: Context) -> Iterator[Violation]:
    """Claims about one curated event date it on days that do not overlap.

    What it flags
    -------------
    Two claims from different reports and different sources, with the same event id and the
    same predicate, whose date spans — each resolved against its own report's publication
    date — share no day. Only acts that happen at a point in time are compared (killed, took,
    launched, began, …): talks, clashes, patrols and statements may last several days, and one
    report telling of a meeting "on Wednesday" and "again on Thursday" describes one event.

    Why it matters
    --------------
    A wrong date moves an attack into another week, or before the provocation it answered;
    dates decide causality in conflict reporting.

    Flagged
    -------
    (Constructed.) "seven Turkish soldiers" killed "on Monday" in a report of Thu 2020-02-06
    (3 Feb) against the same deaths dated "last month" (January).

    Not flagged
    -----------
    "five Turkish soldiers … were killed" at "the beginning of February" (1–10 Feb 2020)
    against "on Monday" in a report of Thu 2020-02-06 (3 Feb): the spans overlap.
    """
    dated = [c for c in context.claims if c.when is not None and c.event is not None]
    for a, b in context.pairs(dated, lambda c: (c.event, c.predicate)):
        if a.predicate not in POINT_PREDICATES or a.when is None or b.when is None:
            continue
        if a.report == b.report or context.roles(a).source == context.roles(b).source:
            continue
        if a.when.overlaps(b.when):
            continue
        yield Violation(
            f"{context.who(a)} dates {a.predicate!r} of event {a.event!r} {_span(a.when)}, "
            f"{context.who(b)} dates it {_span(b.when)}; the spans do not overlap.",
            (a, b),
            (f"same thing: certain (curated event id {a.event!r})",),
        )


@rule("DAT002", "date.weekday-mismatch", Severity.ERROR)
def weekday_mismatch(context: Context) -> Iterator[Violation]:
    """A report names a weekday that contradicts the date beside it.

    What it flags
    -------------
    A claim whose date wording pairs a weekday with a date that falls on another weekday
    ("Monday, March 3" when 3 March 2020 was a Tuesday), resolved against the report's
    publication date. The date is kept as written; the report is inconsistent with itself.

    Why it matters
    --------------
    One of the two is wrong, and the reader cannot tell which: the event may be a day off,
    which matters when sources are compared day by day.

    Flagged
    -------
    (Constructed.) "Monday, February 4" in a report of 2020-02-06: 4 February 2020 was a
    Tuesday.

    Not flagged
    -----------
    "SANA said the army had re-entered Saraqeb on Monday, March 2": 2 March 2020 was a Monday.
    """
    for claim in context.claims:
        if claim.when is None or claim.when.explicit:
            continue
        if not _NAMES_A_WEEKDAY.search(claim.when.text):
            continue  # nothing to contradict: skip the re-reading
        published = context.dataset.report(claim.report).published
        try:
            DateSpan.parse(claim.when.text, published, ahead=claim.modality is Modality.PLANNED)
        except WeekdayMismatchError as mismatch:
            yield Violation(
                f"{context.who(claim)} contradicts itself: {mismatch}.",
                (claim,),
                (f"resolved against the report's publication date {published}",),
            )


def _implied_start(context: Context, claim: Claim) -> tuple[DateSpan, str] | None:
    """When a duration says its event began: the span of possible start days, and how."""
    if claim.quantity is None or claim.quantity.dimension is not Dimension.DURATION:
        return None
    end = claim.when.end if claim.when else context.dataset.report(claim.report).published
    days = claim.quantity.to("day")
    if math.isinf(days.high):
        return None
    earliest = end - datetime.timedelta(days=math.ceil(days.high))
    latest = end - datetime.timedelta(days=math.floor(days.low))
    span = DateSpan.of(earliest, latest, text=f"{claim.quantity.text} before {end}")
    how = (
        f"{claim.id}: ‘{claim.quantity.text}’ counted back from {end} "
        f"({'its date' if claim.when else 'the report date'}) → a start {_span(span)}"
    )
    return span, how


@rule("DAT003", "date.duration-start", Severity.ERROR)
def duration_start(context: Context) -> Iterator[Violation]:
    """A stated duration contradicts a stated start, or another duration of the same event.

    What it flags
    -------------
    A `duration` claim ("a 103-month conflict") counted back from its report's date gives the
    span in which the event must have begun; the rule flags a `began` claim with the same event
    id ("The Syrian conflict, which began in 2011") whose date falls outside that span, and two
    durations of one event whose implied starts cannot coincide.

    Why it matters
    --------------
    Round durations travel from article to article and age badly: a "nine-year war" in a
    report years later is a copied figure, not a fact about the war.

    Flagged
    -------
    (Constructed.) "the 103-month conflict" in a report of 2019-10-30 against "the conflict,
    which began in 2013": 103 months before puts the start in 2011.

    Not flagged
    -----------
    "the 103-month conflict" (2019-10-30), "nearly nine years of conflict" (2020-03-03) and
    "The Syrian conflict, which began in 2011": all put the start in 2011.
    """
    claims = [c for c in context.claims if c.event is not None and c.predicate in
              {"duration", "began"}]  # fmt: skip
    for a, b in context.pairs(claims, lambda c: c.event):
        if a.predicate == b.predicate == "began":
            continue  # two start dates: date.event-dated-apart
        starts = []
        for claim in (a, b):
            if claim.predicate == "began":
                if claim.when is None:
                    break
                starts.append((claim.when, f"{claim.id}: began {_span(claim.when)}"))
            elif (implied := _implied_start(context, claim)) is not None:
                starts.append(implied)
        if len(starts) < 2 or starts[0][0].overlaps(starts[1][0]):
            continue
        yield Violation(
            f"{context.who(a)} and {context.who(b)} put the start of {a.event!r} at "
            f"{_span(starts[0][0])} and {_span(starts[1][0])}, which cannot both be right.",
            (a, b),
            (f"same thing: certain (curated event id {a.event!r})", starts[0][1], starts[1][1]),
        )


RULES: tuple[Rule, ...] = (event_dated_apart, weekday_mismatch, duration_start)
