"""Rules about dates: one event dated apart, weekdays that contradict dates, durations."""

from __future__ import annotations

import datetime
import functools
import math
import re
from collections import defaultdict
from collections.abc import Iterator, Sequence

from crosscheck.agency import same_act
from crosscheck.dates import DateSpan, WeekdayMismatchError
from crosscheck.engine import Context
from crosscheck.findings import Severity, Violation
from crosscheck.incidents import Conflict, ConflictKind, Dispute, incidents, judge
from crosscheck.model import Claim, Modality
from crosscheck.quantity import Dimension
from crosscheck.registry import Rule, rule
from crosscheck.rules._disputes import severity, violation
from crosscheck.vocabulary import HOLDING, POINT, POSITIVE, STRIKE, act_of

__all__ = ["RULES", "date_disputes"]

_NAMES_A_WEEKDAY = re.compile(r"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b.*\d", re.I)
"""A date wording with a weekday name and a number in it: the only kind that can contradict."""


def _shared(spans: Sequence[DateSpan]) -> str:
    """The days spans share ("2022-04-08"), or, when they share none, each of them in order
    ("2022-04-07; 2022-04-08": one report dating two claims of an act on different days)."""
    start, end = max(s.start for s in spans), min(s.end for s in spans)
    if start <= end:
        return DateSpan.of(start, end).days
    return "; ".join(sorted({s.days for s in spans}))


def _act(claim: Claim) -> str:
    """Which act of an incident a dated claim tells of: its predicate, one act for every
    strike predicate (the killed and wounded of one attack)."""
    return "strike" if claim.predicate in STRIKE else claim.predicate


def _dated_apart(context: Context, a: Claim, b: Claim) -> Conflict | None:
    assert a.when is not None
    assert b.when is not None
    if a.report == b.report or context.roles(a).source == context.roles(b).source:
        return None
    if not same_act(context, a, b) or a.when.overlaps(b.when):
        return None
    agents_a, agents_b = context.roles(a).agents, context.roles(b).agents
    if a.predicate in HOLDING and agents_a and agents_b and not context.allied(agents_a, agents_b):
        return None  # taken by one side, then retaken by the other: two takings
    return Conflict(
        a,
        b,
        f"{a.id} dates it {a.when.days}, {b.id} {b.when.days} "
        f"({a.report} and {b.report}); the spans do not overlap",
        ConflictKind.DATED_APART,
    )


def date_disputes(context: Context) -> tuple[Dispute, ...]:
    """One dispute per act of an incident with a curated event id whose reports date it apart
    (aspect "date:strike", "date:took", …)."""

    def make() -> tuple[Dispute, ...]:
        found = []
        for incident in incidents(context):
            if incident.event is None:
                continue  # inferred sameness needs dates that overlap: nothing to find
            acts: dict[str, list[Claim]] = defaultdict(list)
            for claim in incident.claims:
                if (claim.when is not None and claim.event and claim.predicate in POINT
                        and claim.modality in POSITIVE):  # fmt: skip
                    acts[_act(claim)].append(claim)
            for act, claims in sorted(acts.items()):
                conflicts = [
                    conflict
                    for i, a in enumerate(claims)
                    for b in claims[i + 1 :]
                    if (conflict := _dated_apart(context, a, b))
                ]
                disputed = [c for conflict in conflicts for c in (conflict.a, conflict.b)]
                dispute = judge(
                    context,
                    incident,
                    f"date:{act}",
                    f"the date of {act_of(c.predicate for c in disputed)}",
                    claims,
                    conflicts,
                    lambda group: _shared([c.when for c in group if c.when is not None]),
                    weigh_by=lambda c: c.report,
                )
                if dispute is not None:
                    found.append(dispute)
        return tuple(found)

    return context.cached("date-disputes", make)


def _by_reports(dispute: Dispute) -> str:
    """Positions by the reports behind them; the odd one out is said to stand alone."""
    by_id = {claim.id: claim for claim in dispute.claims}
    parts = []
    for position in dispute.positions:
        found = sorted({by_id[i].report for i in position.claims})
        shown = ", ".join(found[:3]) + (f" and {len(found) - 3} more" if len(found) > 3 else "")
        count = f"{len(found)} report{'s' * (len(found) != 1)}"
        alone = ", which stands alone" if position.alone else ""
        parts.append(f"{position.reading} ({count}: {shown}){alone}")
    return " against ".join(parts)


@rule("DAT001", "date.event-dated-apart", Severity.ERROR)
def event_dated_apart(context: Context) -> Iterator[Violation]:
    """Reports date one act of a curated event on days that do not overlap.

    What it flags
    -------------
    One finding per incident with a curated event id whose claims, from different reports and
    different sources, date one act — the same predicate, or the killed, wounded and attacked
    of one attack — on spans of days (each resolved against its own report's publication
    date) that share no day. The claims are grouped into positions of agreeing dates, weighed
    by the reports behind them, and a date given by one report against two or more is named
    as standing alone: a misdated report. Only acts that happen at a point in time are
    compared (killed, took, launched, began, …): talks, clashes, patrols and statements may
    last several days, and one report telling of a meeting "on Wednesday" and "again on
    Thursday" describes one event.

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
    for dispute in date_disputes(context):
        message = (f"Reports date {dispute.subject.removeprefix('the date of ')} "
                   f"({dispute.incident.label}) apart: {_by_reports(dispute)}.")  # fmt: skip
        yield violation(context, dispute, message, severity(dispute))


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
        if claim.when is None or claim.when.explicit or claim.when_from is not None:
            continue  # a counted date is read from another claim's, not from the report's
        if not _NAMES_A_WEEKDAY.search(claim.when.text):
            continue  # nothing to contradict: skip the re-reading
        report = context.dataset.report(claim.report)
        published = report.published
        try:
            DateSpan.parse(
                claim.when.text,
                published,
                ahead=claim.modality is Modality.PLANNED,
                numeric=report.numeric_dates,
            )
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
        f"({'its date' if claim.when else 'the report date'}) → a start {span.days}"
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
    for dispute in _start_disputes(context):
        parts = [f"{p.reading} ({', '.join(p.claims)})" for p in dispute.positions]
        assert dispute.incident.event is not None
        yield violation(
            context,
            dispute,
            f"Sources put the start of {dispute.incident.event!r} at {' and at '.join(parts)}, "
            "which cannot all be right.",
            None,
        )


def _start_disputes(context: Context) -> Iterator[Dispute]:
    """One dispute per event whose durations and start dates cannot all be right."""
    for incident in incidents(context):
        if incident.event is None:
            continue
        claims = [c for c in incident.claims if c.event and c.predicate in {"duration", "began"}]
        starts = {c.id: found for c in claims if (found := _start(context, c)) is not None}
        conflicts = [
            Conflict(a, b, f"{starts[a.id][1]}; {starts[b.id][1]}: the starts cannot coincide")
            for i, a in enumerate(claims)
            for b in claims[i + 1 :]
            if a.id in starts
            and b.id in starts
            and not a.predicate == b.predicate == "began"  # two starts: date.event-dated-apart
            and not starts[a.id][0].overlaps(starts[b.id][0])
        ]
        involved = sorted({c for k in conflicts for c in (k.a, k.b)}, key=lambda c: c.id)
        spans = {claim_id: found[0] for claim_id, found in starts.items()}
        dispute = judge(
            context,
            incident,
            "start",
            f"when {incident.event!r} began",
            involved,
            conflicts,
            functools.partial(_common_start, spans=spans),
        )
        if dispute is not None:
            yield dispute


def _common_start(group: Sequence[Claim], spans: dict[str, DateSpan]) -> str:
    return _shared([spans[claim.id] for claim in group])


def _start(context: Context, claim: Claim) -> tuple[DateSpan, str] | None:
    if claim.predicate == "began":
        if claim.when is None:
            return None
        return claim.when, f"{claim.id}: began {claim.when.days}"
    return _implied_start(context, claim)


RULES: tuple[Rule, ...] = (event_dated_apart, weekday_mismatch, duration_start)
