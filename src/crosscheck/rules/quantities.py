"""Rules about numbers: counts and measures that cannot all be true."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator

from crosscheck.engine import MEASURES, POSITIVE, Context
from crosscheck.findings import Severity, Violation
from crosscheck.model import Claim
from crosscheck.quantity import Quantity, UnitError
from crosscheck.registry import Lifecycle, Rule, rule

__all__ = ["RULES"]

CUMULATIVE = frozenset({"killed", "wounded", "captured", "displaced"})
"""Predicates whose counts accumulate over time: a toll can rise, never fall."""


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


def _quantified(context: Context) -> list[Claim]:
    return [c for c in context.claims if c.quantity is not None and c.predicate != "duration"]


@rule("QTY001", "quantity.disjoint", Severity.ERROR)
def disjoint(context: Context) -> Iterator[Violation]:
    """Two claims about the same thing give figures that cannot both be true.

    What it flags
    -------------
    Pairs of claims about the same thing — the same incident's dead, wounded or captives, the
    same zone's length — whose intervals do not overlap once wordings are read as intervals
    (with the implied precision of round figures) and converted to one unit. Sameness is
    certain when both claims carry the same curated event id (an error), and inferred otherwise
    from the predicate, roles, place and overlapping dates (a warning that says so). Durations
    are left to `date.duration-start`, since they are measured up to different days; one
    side's own figures in reports of different days are left to `source.self-contradiction`.

    Why it matters
    --------------
    Differing tolls for one attack are the commonest disagreement between sources, and the one
    readers notice first. Reading wordings as intervals keeps "dozens" and "34" apart from a
    real clash such as "seven" against "five".

    Flagged
    -------
    "A rare confrontation between Turkey and Syria on Monday killed seven Turkish soldiers"
    (Reuters, 6 Feb 2020) against "five Turkish soldiers and a civilian contractor were killed"
    at the beginning of February, for the same attack: [7, 7] and [5, 5] are disjoint.
    "an area 480 km … long" against "the 440km border requested by Turkey": [475, 485] km and
    [435, 445] km.

    Not flagged
    -----------
    "killing dozens of troops on each side" against "killed 34 Turkish soldiers": 34 lies in
    dozens' [24, 99]. "30 km (19 miles) deep" against "a 30km-deep buffer zone": the same
    interval.
    """
    for a, b in context.related_pairs(_quantified(context)):
        if _overlaps(_q(a), _q(b)) is not False:
            continue  # agreeing figures: no need to ask whether they are about one thing
        sameness = context.sameness(a, b)
        if sameness is None:
            continue
        if context.one_party_across_time(a, b):
            continue  # one party contradicting itself: source.self-contradiction
        what = a.predicate if a.predicate in MEASURES else f"{a.predicate} count"
        yield Violation(
            f"Sources disagree on the {what}: {context.who(a)} gives {_q(a)}, "
            f"{context.who(b)} gives {_q(b)}; the intervals do not overlap.",
            (a, b),
            (sameness.explain(), _comparison(_q(a), _q(b))),
            None if sameness.certain else Severity.WARNING,
        )


def _comparison(a: Quantity, b: Quantity) -> str:
    if a.unit == b.unit:
        return f"compared in {a.unit}: {a} against {b}"
    converted = _in(b, a.unit)
    how = "" if converted is None else converted.reading.rpartition("; ")[2]
    return f"compared in {a.unit}: {a} against {converted} ({how})"


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
    """A count for a sub-place, sub-period or sub-group is larger than the count for the whole.

    What it flags
    -------------
    Two counts with the same predicate where one is about a part of what the other is about —
    a place within the other's place, a date span within the other's span, a patient that is
    part of the other's patient — and not about exactly the same thing, when the part's
    smallest possible value exceeds the whole's largest. Counts credited to different agents
    (one not part of the other) count different things and are not compared. The containment
    is inferred, so this is a warning.

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
    strikes killed 23 fighters" in southern Syria: 5 ≤ 23.
    """
    for part, whole in _containments(context, _quantified(context)):
        converted = _in(_q(part), _q(whole).unit)
        if converted is None or converted.low <= _q(whole).high:
            continue
        how = _how_contained(context, part, whole)
        yield Violation(
            f"{context.who(part)} gives {_q(part)} for {'; '.join(how)}, more than the "
            f"{_q(whole)} that {context.who(whole)} gives for the whole.",
            (part, whole),
            (f"part within whole: {'; '.join(how)}", _comparison(_q(part), _q(whole))),
        )


def _containments(context: Context, claims: list[Claim]) -> Iterator[tuple[Claim, Claim]]:
    """Pairs (part, whole) of claims with one predicate where part lies within whole.

    An index join, not a comparison of all pairs: every claim is indexed as a whole under its
    predicate, place and patient, and each claim as a part looks up only the wholes at its own
    place and patient or those containing them.
    """
    wholes: dict[tuple[str, str | None, str | None], list[Claim]] = defaultdict(list)
    for claim in claims:
        roles = context.roles(claim)
        patient = None if claim.predicate in MEASURES else roles.patient
        wholes[(claim.predicate, roles.place, patient)].append(claim)
    found = []
    for part in claims:
        roles = context.roles(part)
        places: Iterable[str | None] = (
            [None] if roles.place is None else context.enclosing_ids(roles.place)
        )
        patients: Iterable[str | None] = (
            [None]
            if part.predicate in MEASURES or roles.patient is None
            else context.group_ids(roles.patient)
        )
        for place in places:
            for patient in patients:
                for whole in wholes.get((part.predicate, place, patient), ()):
                    if whole.id != part.id and _within(context, part, whole):
                        found.append((part, whole))
    for part, whole in sorted(found, key=lambda pair: (pair[0].id, pair[1].id)):
        if context.sameness(part, whole) is None:
            yield part, whole


def _within(context: Context, part: Claim, whole: Claim) -> bool:
    if not {part.modality, whole.modality} <= POSITIVE:
        return False
    rp, rw = context.roles(part), context.roles(whole)
    if part.predicate in MEASURES:
        return (
            rp.place is not None
            and rw.place is not None
            and rp.place != rw.place
            and context.within(rp.place, rw.place)
        )
    if rp.agent and rw.agent and not context.part_of(rp.agent, rw.agent):
        return False  # counted for different agents: different things
    checks = [
        _inside(rp.place, rw.place, context.within),
        _inside(rp.patient, rw.patient, context.part_of),
        _span_inside(part, whole),
    ]
    if any(check is None for check in checks):
        return False
    return any(check == "strict" for check in checks)


def _inside(part: str | None, whole: str | None, within: Callable[[str, str], bool]) -> str | None:
    """ "equal", "strict" or None (not inside, or unknown)."""
    if part is None or whole is None:
        return "equal" if part is None and whole is None else None
    if part == whole:
        return "equal"
    return "strict" if within(part, whole) else None


def _span_inside(part: Claim, whole: Claim) -> str | None:
    if part.when is None or whole.when is None:
        return None
    if (part.when.start, part.when.end) == (whole.when.start, whole.when.end):
        return "equal"
    inside = whole.when.start <= part.when.start and part.when.end <= whole.when.end
    return "strict" if inside else None


def _how_contained(context: Context, part: Claim, whole: Claim) -> list[str]:
    rp, rw = context.roles(part), context.roles(whole)
    how = []
    if rp.place != rw.place and rp.place and rw.place:
        how.append(f"{context.dataset.place(rp.place).name} within "
                   f"{context.dataset.place(rw.place).name}")  # fmt: skip
    if rp.patient != rw.patient and rp.patient and rw.patient:
        how.append(f"{context.dataset.actor(rp.patient).name} part of "
                   f"{context.dataset.actor(rw.patient).name}")  # fmt: skip
    if (
        part.when
        and whole.when
        and (part.when.start, part.when.end)
        != (
            whole.when.start,
            whole.when.end,
        )
    ):
        how.append(f"{_dates(part)} within {_dates(whole)}")
    return how


def _start(claim: Claim) -> str:
    if claim.when is None or claim.when.start == datetime.date.min:
        return "the beginning"
    return str(claim.when.start)


def _dates(claim: Claim) -> str:
    if claim.when is None:
        return "undated"
    start = "…" if claim.when.start == datetime.date.min else str(claim.when.start)
    return start if claim.when.start == claim.when.end else f"{start} – {claim.when.end}"


def _tolls(context: Context) -> Iterator[tuple[Claim, Claim]]:
    """Pairs (earlier, later) of cumulative tolls from one source counted from one start."""
    claims = [
        c
        for c in _quantified(context)
        if c.predicate in CUMULATIVE and c.when is not None and c.modality in POSITIVE
    ]

    def key(claim: Claim) -> Hashable:
        roles = context.roles(claim)
        start = None if claim.when is None else claim.when.start
        return (claim.predicate, roles.source, roles.patient, roles.place, start)

    for a, b in context.pairs(claims, key):
        if a.report != b.report and _end(a) != _end(b):
            yield (a, b) if _end(a) < _end(b) else (b, a)


def _end(claim: Claim) -> datetime.date:
    return datetime.date.max if claim.when is None else claim.when.end


@rule("QTY005", "quantity.toll-fell", Severity.WARNING)
def toll_fell(context: Context) -> Iterator[Violation]:
    """A cumulative toll from one source falls in a later report.

    What it flags
    -------------
    Two counts of the dead, wounded, captured or displaced from the same source, about the
    same patient and place, counted from the same start ("since 2011", "by 2016"), where the
    count to the later date is smaller than the count to the earlier one (the intervals do not
    overlap and the later lies below).

    Why it matters
    --------------
    A toll that rises in later reports is a revision; one that falls means a figure was
    wrong, or the source changed what it counts, and deserves a look.

    Flagged
    -------
    (Constructed.) A monitor that counted "more than 400,000" killed by 2016, and "about
    380,000" killed by 2020.

    Not flagged
    -----------
    The same monitor's "more than 400,000" by 2016 and "almost 500,000" by 2020: a rise.
    """
    for earlier, later in _tolls(context):
        converted = _in(_q(later), _q(earlier).unit)
        if converted is None or converted.high >= _q(earlier).low:
            continue
        yield Violation(
            f"The cumulative {earlier.predicate} count of "
            f"{context.dataset.actor(earlier.source).name} "
            f"count fell from {_q(earlier)} (to {_dates(earlier)}) to {_q(later)} "
            f"(to {_dates(later)}).",
            (earlier, later),
            (
                f"same source, predicate, patient and place, counted from {_dates(earlier)[:10]}; "
                f"the later count lies wholly below the earlier",
            ),
        )


@rule("QTY006", "quantity.toll-revised", Severity.INFO, Lifecycle.PREVIEW)
def toll_revised(context: Context) -> Iterator[Violation]:
    """A cumulative toll from one source rises in a later report: a revision, for the record.

    What it flags
    -------------
    The same pairs as `quantity.toll-fell` when the later count's floor is higher than the
    earlier's: a revision, not a contradiction, reported as information only.

    Why it matters
    --------------
    Analysts tracking a toll want to see each revision and its date; none of them is a
    disagreement.

    Flagged
    -------
    A monitor's "more than 400,000" killed by 2016 and "almost 500,000" by 2020.

    Not flagged
    -----------
    The same figure repeated in a later report.
    """
    for earlier, later in _tolls(context):
        converted = _in(_q(later), _q(earlier).unit)
        if converted is None or converted.low <= _q(earlier).low:
            continue
        yield Violation(
            f"{context.dataset.actor(earlier.source).name} revised its cumulative "
            f"{earlier.predicate} count up from {_q(earlier)} to {_q(later)}.",
            (earlier, later),
            ("a rise in a cumulative count is a revision, not a disagreement",),
        )


RULES: tuple[Rule, ...] = (
    disjoint,
    restated,
    parts_exceed_total,
    part_larger_than_whole,
    toll_fell,
    toll_revised,
)
