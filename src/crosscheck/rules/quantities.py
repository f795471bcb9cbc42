"""Rules about numbers: counts and measures that cannot all be true.

Every figure of an incident belongs to one measure (`crosscheck.tolls`); each measure is judged
once, by one of four rules depending on who disagrees with whom: several independent voices on
one measure (`quantity.disjoint`), on a part and its whole (`quantity.part-larger-than-whole`),
one voice's own toll falling (`quantity.toll-fell`), or one voice contradicting itself otherwise
(`source.self-contradiction`, in the source rules). A consistent rising toll is recorded by the
preview rule `quantity.toll-revised`.
"""

from __future__ import annotations

from collections.abc import Iterator

from crosscheck.engine import Context
from crosscheck.findings import Severity, Violation
from crosscheck.incidents import ConflictKind, Dispute
from crosscheck.model import Claim
from crosscheck.quantity import Quantity, UnitError
from crosscheck.registry import Lifecycle, Rule, rule
from crosscheck.rules._disputes import (
    contradicting,
    names,
    severity,
    stated_span,
    summary,
    violation,
)
from crosscheck.tolls import (
    aspect_name,
    containment_disputes,
    measure_disputes,
    measure_key,
    reading,
    rising_series,
)
from crosscheck.tolls import subject as measure_subject
from crosscheck.vocabulary import PREDICATES

__all__ = ["RULES", "dispute_kind"]


def _overlaps(a: Quantity, b: Quantity) -> bool | None:
    """Whether two quantities share a value; None when they cannot be compared."""
    try:
        return a.overlaps(b)
    except UnitError:
        return None


def _in(q: Quantity, unit: str) -> Quantity | None:
    try:
        return q.to(unit)
    except UnitError:
        return None


def _q(claim: Claim) -> Quantity:
    """The quantity of a claim selected for having one."""
    if claim.quantity is None:
        raise ValueError(f"claim {claim.id} has no quantity")
    return claim.quantity


def dispute_kind(dispute: Dispute, *, containment: bool = False) -> str:
    """Which rule reports a measure's dispute: "fell" (one voice's toll falls in a later
    statement: `quantity.toll-fell`), "self" (one voice contradicts itself otherwise on one
    measure: `source.self-contradiction`) or "voices" (`quantity.disjoint` for one measure,
    `quantity.part-larger-than-whole` for a part and its whole, whoever says so)."""
    if dispute.one_voice and all(
        conflict.kind is ConflictKind.FELL for conflict in dispute.conflicts
    ):
        return "fell"
    if dispute.one_voice and not containment:
        return "self"
    return "voices"


def _comparison(a: Quantity, b: Quantity) -> str:
    if a.unit == b.unit:
        return f"compared in {a.unit}: {a} against {b}"
    converted = _in(b, a.unit)
    how = "" if converted is None else converted.reading.rpartition("; ")[2]
    return f"compared in {a.unit}: {a} against {converted} ({how})"


def _cumulative(dispute: Dispute) -> bool:
    return PREDICATES[dispute.claims[0].predicate].cumulative


@rule("QTY001", "quantity.disjoint", Severity.ERROR)
def disjoint(context: Context) -> Iterator[Violation]:
    """Independent sources give figures for one measure of an incident that cannot all be true.

    What it flags
    -------------
    One finding per measure of an incident — the killed of one strike per patient, its
    wounded, the length of one zone — whose figures cannot all hold, from two or more
    independent voices. Wordings are read as intervals (round figures carry their implied
    precision) and converted to one unit. A toll (killed, wounded, captured, displaced,
    rescued) may rise as it is reported: it is flagged only when a figure lies wholly below one
    stated earlier, or two figures stated at the same time cannot both hold; other measures
    disagree whenever their intervals are disjoint. The claims are grouped into
    positions, each with its independent voices; the only position resting on one voice, when
    that voice stands behind no other position and the others rest on two or more, is named as
    standing alone. An error when every conflicting claim carries the
    incident's curated event id and is asserted; a warning when the incident is inferred, or
    when the disagreement rests only on hedged claims (claimed, unconfirmed).

    Why it matters
    --------------
    Differing tolls for one attack are the commonest disagreement between sources, and the one
    readers notice first. Reading wordings as intervals keeps "dozens" and "34" apart from a
    real clash such as "seven" against "five"; reading tolls in time keeps updates apart from
    contradictions.

    Flagged
    -------
    "A rare confrontation between Turkey and Syria on Monday killed seven Turkish soldiers"
    (Reuters, 6 Feb 2020) against "five Turkish soldiers and a civilian contractor were killed"
    at the beginning of February (27 Feb), for the same attack: a later figure below an
    earlier one. "an area 480 km … long" against "the 440km border requested by Turkey":
    [475, 485] km and [435, 445] km.

    Not flagged
    -----------
    "killing dozens of troops on each side" against "killed 34 Turkish soldiers": 34 lies in
    dozens' [24, 99]. A governor's 39 killed, then 50, 52 and 57 over three days, and a city
    council's 61 a month on: a toll rising as it is reported. "12 of them died in hospital"
    against the 50 killed it is part of.
    """
    for dispute in measure_disputes(context):
        if dispute_kind(dispute) != "voices":
            continue
        message = (f"Sources disagree on {dispute.subject} ({dispute.incident.label}): "
                   f"{summary(context, dispute, timed=_cumulative(dispute))}"
                   f"{_in_time(dispute)}.")  # fmt: skip
        yield violation(context, dispute, message, severity(dispute))


def _in_time(dispute: Dispute) -> str:
    """What time has to do with a toll's dispute: which figure is later, or stated together."""
    for conflict in dispute.conflicts:
        earlier, later = conflict.a, conflict.b
        assert earlier.quantity is not None
        assert later.quantity is not None
        if conflict.kind is ConflictKind.FELL:
            return (f"; the later ‘{later.quantity.text}’ lies below the earlier "
                    f"‘{earlier.quantity.text}’")  # fmt: skip
        if conflict.kind is ConflictKind.SAME_TIME:
            return (f"; ‘{earlier.quantity.text}’ and ‘{later.quantity.text}’ were stated at "
                    "the same time")  # fmt: skip
    return ""


@rule("QTY002", "quantity.restated", Severity.ERROR)
def restated(context: Context) -> Iterator[Violation]:
    """A figure restated in another unit does not match itself.

    What it flags
    -------------
    A claim whose quantity and its restatement in another unit ("480 km (270 miles)") disagree
    beyond the precision each figure carries. Both figures come from the same sentence, so the
    report contradicts itself: an error.

    Why it matters
    --------------
    A wrong conversion tells a reader which figure was copied and which was computed, and
    which one to distrust; it often marks a number that travelled between sources.

    Flagged
    -------
    "an area 480 km (270 miles) long": 270 miles is [426.5, 442.6] km, not [475, 485] km
    (480 km is about 298 miles).

    Not flagged
    -----------
    "30 km (19 miles) deep": 19 miles is [29.8, 31.4] km, inside 30 km's [25, 35];
    "100 km (62 miles)".
    """
    for claim in context.claims:
        if claim.quantity is None or claim.restated is None:
            continue
        if _overlaps(claim.quantity, claim.restated) is False:
            yield Violation(
                f"{context.who(claim)} gives {claim.quantity} and restates it as "
                f"{claim.restated}, which is a different figure.",
                (claim,),
                (_comparison(claim.quantity, claim.restated),),
            )


@rule("QTY003", "quantity.parts-exceed-total", Severity.ERROR)
def parts_exceed_total(context: Context) -> Iterator[Violation]:
    """The parts of a total add up to more than the total, or, when complete, to less.

    What it flags
    -------------
    A total and the claims that name it as their `total`: an error when the parts' smallest
    possible sum exceeds the total's largest possible value, or — when the total is marked
    `exhaustive` (its parts are all of it) — when the parts' largest possible sum falls short of
    the total's smallest possible value.

    Why it matters
    --------------
    A breakdown that does not add up means one of the figures is wrong, or the breakdown
    counts something else; either way the reader cannot use both.

    Flagged
    -------
    (Constructed.) "The strikes killed 23 fighters" with parts "three Iranians", "seven foreign
    fighters", "eight air defence forces" and "eleven Syrian members": 29 > 23.

    Not flagged
    -----------
    "The Observatory said the strikes killed 23 Syrian and non-Syrian fighters" with parts
    three, seven, eight and five: 3 + 7 + 8 + 5 = 23, exactly the total.
    """
    parts: dict[str, list[Claim]] = {}
    for claim in context.claims:
        if claim.total is not None:
            parts.setdefault(claim.total, []).append(claim)
    for total_id in sorted(parts):
        total = context.dataset.claim(total_id)
        whole = _q(total)
        members = parts[total_id]
        converted = [_in(_q(p), whole.unit) for p in members]
        readable = [q for q in converted if q is not None]
        if len(readable) != len(members):
            continue  # parts in other units: the loader reports those
        low, high = sum(q.low for q in readable), sum(q.high for q in readable)
        listed = " + ".join(q.text or str(q) for q in readable)
        sums = f"the parts ({listed}) add up to {low:g}–{high:g} {whole.unit}"
        if low > whole.high:
            problem = "more than"
        elif total.exhaustive and high < whole.low:
            problem = "less than"
        else:
            continue
        yield Violation(
            f"The parts of {total.id} add up to {problem} its total: {sums}, the total is "
            f"{total.quantity}.",
            (total, *members),
            (
                f"{sums}; total {total.quantity}"
                + ("; the total is marked exhaustive" if total.exhaustive else ""),
            ),
        )


@rule("QTY004", "quantity.part-larger-than-whole", Severity.WARNING)
def part_larger_than_whole(context: Context) -> Iterator[Violation]:
    """A figure for a sub-group, sub-place or sub-period exceeds the figure for its whole.

    What it flags
    -------------
    Figures of one predicate where one claim is about a part of what the other is about — a
    patient that is part of the other's patient (children within civilians), a place within
    the other's place, a date span within the other's span — and the part's smallest possible
    value exceeds the whole's largest, whoever says so (one voice's toll falling from a part to
    a later whole is `quantity.toll-fell`). A toll's part is compared with
    its whole only as of the same time or later (a toll stated later may have grown). Within
    an incident, the two measures are judged once; between claims of different incidents the
    containment is inferred — but never between two records of one coded dataset (event ids
    of one namespace, `ged:…`): a GED event dated to a month in a province is one more event
    there, not the province's toll for that month. Claims joined by `total` are left to
    `quantity.parts-exceed-total`. A warning.

    Why it matters
    --------------
    A count for a town may be smaller than the count for its province, never larger. Smaller
    is the normal case and must not be flagged; larger means a figure is wrong or the two
    figures count different things.

    Flagged
    -------
    (Constructed from the seeds' wording.) "more than one hundred soldiers killed in Saraqeb
    over the past few days" against "dozens of troops killed in Idlib province in the past
    weeks": Saraqeb lies in Idlib province and the past few days in the past weeks, yet
    [101, ∞) exceeds [24, 99].

    Not flagged
    -----------
    "five Syrian members of a pro-Iran group were killed in Deraa province" against "the
    strikes killed 23 fighters" in southern Syria: 5 ≤ 23. Five children among 50 killed.
    """
    for dispute in containment_disputes(context):
        if dispute_kind(dispute, containment=True) != "voices":
            continue
        conflict = dispute.conflicts[0]
        part, whole = conflict.a, conflict.b
        more = len(dispute.conflicts) - 1
        also = f" ({more} more such pair{'s' * (more != 1)})" if more else ""
        whole_what = measure_subject(context, measure_key(context, whole))
        later = (f", stated later ({context.stated(whole).label})"
                 if conflict.kind is ConflictKind.FELL else "")  # fmt: skip
        message = (f"{context.who(part)} gives {_q(part)} for a part of what "
                   f"{context.who(whole)} counts as {_q(whole)}{later}: "
                   f"{reading(context, [part])} exceeds {reading(context, [whole])} for "
                   f"{whole_what}{also}.")  # fmt: skip
        yield violation(context, dispute, message, Severity.WARNING)


@rule("QTY005", "quantity.toll-fell", Severity.WARNING)
def toll_fell(context: Context) -> Iterator[Violation]:
    """One source's own toll falls in a later statement.

    What it flags
    -------------
    A toll (killed, wounded, captured, displaced, rescued) for one measure — or for a part and
    its whole, such as a monitor's count "by 2016" and its count "by 2020" — where every
    conflict lies within one independent voice and is a later figure wholly below an earlier
    one. One finding per measure, listing the voice's figures in the order they were stated.

    Why it matters
    --------------
    A toll that rises in later statements is a revision; one that falls means a figure was
    wrong, or the source changed what it counts, and deserves a look.

    Flagged
    -------
    (Constructed.) A monitor that counted "more than 400,000" killed by 2016, and "about
    300,000" killed by 2020.

    Not flagged
    -----------
    The same monitor's "more than 400,000" by 2016 and "almost 500,000" by 2020: a rise. A
    governor's 39, 50, 52 and 57 over three days.
    """
    for dispute in (*measure_disputes(context), *containment_disputes(context)):
        if dispute_kind(dispute) != "fell":  # the same for both kinds of dispute
            continue
        what = dispute.subject[0].upper() + dispute.subject[1:]
        message = (
            f"{what} ({dispute.incident.label}) falls in a later statement of one voice, "
            f"{contradicting(context, dispute)}: {summary(context, dispute, timed=True)}"
            f"{_in_time(dispute)}."
        )
        yield violation(context, dispute, message, None)


@rule("QTY006", "quantity.toll-revised", Severity.INFO, Lifecycle.PREVIEW)
def toll_revised(context: Context) -> Iterator[Violation]:
    """A toll rises as it is reported, every figure consistent with the others: for the record.

    What it flags
    -------------
    A toll of harm for one measure of an incident whose figures all hold together (no later
    figure below an earlier one, none stated together that cannot both hold) and rise at least
    once, reported once as information with its figures in the order they were stated and who
    stated them. Never a disagreement.

    Why it matters
    --------------
    Analysts tracking a toll want to see each revision and its date; none of them is a
    disagreement.

    Flagged
    -------
    A regional governor's 39 killed, then 50, 52 and 57 over three days: "the number killed
    rose ‘39’ → ‘50’ → ‘52’ → ‘57’".

    Not flagged
    -----------
    The same figure repeated in a later report.
    """
    for incident, measure, claims in rising_series(context):
        origins = sorted({context.roles(c).source for c in claims})
        voices = context.voices(origins)
        who = f"all from {names(context, origins)}" if len(voices) == 1 else (
            f"from {names(context, origins)}")  # fmt: skip
        what = measure_subject(context, measure)
        message = (f"{what[0].upper()}{what[1:]} ({incident.label}) rose "
                   f"{reading(context, claims)} (stated {stated_span(context, claims)}), "
                   f"{who}.")  # fmt: skip
        lines = [f"{c.id}: stated {context.stated(c).reading}" for c in claims]
        lines.insert(0, "every figure holds with the others: later figures are equal or higher")
        yield Violation(message, tuple(claims), tuple(lines), None, incident.key,
                        f"{aspect_name(measure)}:revised")  # fmt: skip


RULES: tuple[Rule, ...] = (
    disjoint,
    restated,
    parts_exceed_total,
    part_larger_than_whole,
    toll_fell,
    toll_revised,
)
