"""Who says so: claim groups, their corroboration grades, and how far each origin is trusted.

A death toll repeated by ten outlets that all quote one ministry is one claim, not ten. This
module groups the claims that are about the same thing, counts the *independent origins*
behind each group — first-hand sources, after setting aside relays (`Claim.via`, other reports
quoting the same origin) and origins aligned with one another — and grades the group, in the
spirit of casualty recorders' grading:

=================  ==========================================================================
grade              when
=================  ==========================================================================
``contested``      independent origins disagree (figures that cannot both be true, rival
                   agents, rival holders of a place)
``denied``         a source denies it, and no independent disagreement is recorded
``acknowledged``   the party it harms accepts it (a ministry confirming its own losses)
``corroborated``   two or more independent origins, not aligned with one another, agree
``single-source``  everything rests on one origin (or on origins of one side)
=================  ==========================================================================

Silence ("state media is silent") is a modality of its own and never enters a group.

**Trust** (`estimate_trust`) adapts CRH truth discovery — Li, Li, Gao, Zhao, Fan and Han,
"Resolving Conflicts in Heterogeneous Data by Truth Discovery and Source Reliability
Estimation", SIGMOD 2014 — to interval-valued, attributed claims. Assumptions, stated because
the scores are estimates and never facts:

1. Each group is about one true value (a number, or who holds a place); claims are honest
   intervals around it, so a claim whose interval contains the truth has no loss.
2. An origin's reliability is the same across everything it says, and origins err
   independently. Relays are not origins; aligned origins are still separate origins.
3. For numbers, the loss of a claim is the distance from the estimated truth to its interval,
   divided by the group's scale (the largest finite bound), so groups of different magnitude
   weigh alike; for control, the loss is 0 when a claim names the same side and extent as the
   estimate, else 1.
4. Only groups backed by two or more origins inform trust; one origin alone cannot be checked.
   Durations are left out: they are measured up to different days.

Each round sets every group's estimate to the value minimising the trust-weighted loss (a
weighted median over the intervals' bounds, the middle of the optimal range on a tie; a
weighted vote for control, "undecided" on a tie), then sets each origin's weight to
``-log(its loss / all origins' loss)``, as CRH does, each loss carrying a small pseudo-loss so
one unchallenged claim cannot make an origin infinitely trusted. An origin's reported score is
1 minus its mean loss against the final estimates, with the number of claims it rests on. Sums
use `math.fsum`, so the result does not depend on input order or on names.
"""

from __future__ import annotations

import enum
import math
from collections import defaultdict
from collections.abc import Callable, Mapping

import attrs

from crosscheck.components import Components
from crosscheck.control import Hold, hold_conflict, holds
from crosscheck.engine import Context
from crosscheck.incidents import incidents
from crosscheck.model import Claim, Dataset, Modality
from crosscheck.quantity import Quantity, UnitError
from crosscheck.sameness import Window
from crosscheck.tolls import measure_conflict, measured, unit_class
from crosscheck.vocabulary import ATTRIBUTED, CUMULATIVE, HARMS, POSITIVE, QUOTED

__all__ = [
    "Estimate",
    "Grade",
    "Group",
    "OriginRecord",
    "SourcesReport",
    "Trust",
    "claim_groups",
    "disagreement",
    "estimate_trust",
    "sources_report",
]


class Grade(enum.StrEnum):
    """How well a group of claims is corroborated."""

    CONTESTED = "contested"
    DENIED = "denied"
    SINGLE_SOURCE = "single-source"
    CORROBORATED = "corroborated"
    ACKNOWLEDGED = "acknowledged"

    @property
    def strength(self) -> int | None:
        """single-source 0 < corroborated 1 < acknowledged 2; None for contested and denied."""
        order = (Grade.SINGLE_SOURCE, Grade.CORROBORATED, Grade.ACKNOWLEDGED)
        return order.index(self) if self in order else None


@attrs.frozen
class Group:
    """Claims about one thing, the independent origins behind them, and their grade.

    A bulk run holds hundreds of thousands of groups, so what follows from the fields — the
    key, and the reasons for a corroborated or single-source grade — is worked out when asked.
    """

    claims: tuple[Claim, ...]
    """Sorted by id."""
    origins: tuple[str, ...]
    """The first-hand sources of the group's positive claims, resolved, sorted."""
    independent: tuple[tuple[str, ...], ...]
    """The origins in clusters of mutually aligned ones: one cluster per independent voice."""
    grade: Grade
    _reasons: tuple[str, ...] = ()
    """Why the group is contested, denied or acknowledged (see `reasons`)."""
    about: tuple[str, ...] = ()
    """What the group is about, stable as claims join it: its incident, then its predicate and
    patient ("*" for everyone; and the unit class, when the incident's figures of it come in
    several) — for a part compared only with its total, "part" and the total's id — or, for
    claims about control, "control", the place and the first day."""
    total: str | None = None
    """For a part compared only with its total, the total's claim id: the total's group speaks
    for it."""

    @property
    def key(self) -> str:
        """A stable, unique name: "EVENT/CLAIM" with the curated event id and the group's
        lowest claim id, or the lowest claim id alone when the group has no single event id."""
        events = {c.event for c in self.claims if c.event}
        first = self.claims[0].id
        return f"{events.pop()}/{first}" if len(events) == 1 else first

    @property
    def reasons(self) -> tuple[str, ...]:
        """Why the group has its grade, one line per reason."""
        if self._reasons or self.grade not in {Grade.CORROBORATED, Grade.SINGLE_SOURCE}:
            return self._reasons
        if self.grade is Grade.CORROBORATED:
            clusters = "; ".join(", ".join(cluster) for cluster in self.independent)
            return (f"{len(self.independent)} independent origins agree: {clusters}",)
        positive = sum(1 for c in self.claims if c.modality in POSITIVE)
        relayed = f", in {positive} claims" if positive > 1 else ""
        return (f"only {', '.join(self.origins) or 'no positive claim'}{relayed}",)


def disagreement(
    context: Context, a: Claim, b: Claim, held: Mapping[str, Hold] | None = None
) -> str | None:
    """Why two claims about the same thing cannot both be true, or None: figures the law of
    `crosscheck.tolls` does not let both hold, rival holders or full against partial control
    of one place (`held` maps claim ids to what they say about control, see
    `crosscheck.control.holds`), or rival agents for one act."""
    if a.quantity is not None and b.quantity is not None and a.predicate == b.predicate:
        inferred = incidents(context).incident(a).event is None
        conflict = measure_conflict(context, a, b, agents_matter=inferred)
        if conflict is not None:
            return conflict.reason
    held = held or {}
    if a.id in held and b.id in held:
        first, second = held[a.id], held[b.id]
        outer, inner = (second, first) if second.full and not first.full else (first, second)
        conflict = hold_conflict(context, outer, inner)
        return None if conflict is None else conflict.reason
    ra, rb = context.roles(a), context.roles(b)
    if (
        a.predicate in ATTRIBUTED
        and ra.agents
        and rb.agents
        and not context.allied(ra.agents, rb.agents)
    ):
        return (f"{a.id} and {b.id} credit rival agents ({', '.join(ra.agents)}; "
                f"{', '.join(rb.agents)})")  # fmt: skip
    return None


def claim_groups(dataset: Dataset, context: Context | None = None) -> tuple[Group, ...]:
    """Group the dataset's claims about the same thing and grade each group.

    A group is one predicate about one patient in one incident (see `crosscheck.incidents`),
    its figures in one unit — people and submunitions are never one group — with the denials
    of it; a part that names neither a smaller group nor a smaller place than its total is a
    group of its own, and so is every statement (`stated`: what was said is in the quote, so
    two statements are never one thing). Claims about who holds one place on overlapping days
    are joined too.
    Silent and planned claims stay out. Every claim is in exactly one group, possibly alone.
    """
    context = context or Context(dataset)
    return context.cached("claim_groups", lambda: _claim_groups(context))


def _group_keys(context: Context, claims: list[Claim]) -> dict[str, tuple[object, ...]]:
    """Each claim's group key: its incident, predicate and patient, and a unit class when the
    figures of that incident, predicate and patient come in more than one."""
    table = incidents(context)
    base: dict[str, tuple[object, ...]] = {}
    units: dict[tuple[object, ...], set[str]] = defaultdict(set)
    for claim in claims:
        patient = context.roles(claim).patient or "*"
        if _part(context, claim):
            base[claim.id] = (table.of[claim.id], claim.predicate, patient, "part", claim.id)
            continue
        if claim.predicate in QUOTED:  # "human shields" and "figures unreliable": two things
            base[claim.id] = (table.of[claim.id], claim.predicate, patient, "said", claim.id)
            continue
        base[claim.id] = (table.of[claim.id], claim.predicate, patient)
        if claim.quantity is not None:
            units[base[claim.id]].add(unit_class(claim.quantity))
    keys = {}
    for claim in claims:
        key = base[claim.id]
        found = sorted(units.get(key, ()))
        if len(found) > 1:
            unit = unit_class(claim.quantity) if claim.quantity is not None else found[0]
            key = (*key, unit)
        keys[claim.id] = key
    return keys


def _part(context: Context, claim: Claim) -> bool:
    """Whether `claim` is a part compared only with its total (see `tolls.measured`)."""
    return claim.quantity is not None and claim.total is not None and not measured(context, claim)


def _claim_groups(context: Context) -> tuple[Group, ...]:
    table = incidents(context)
    claims = [c for c in context.claims if c.modality in POSITIVE | {Modality.DENIED}]
    components = Components()
    first: dict[tuple[object, ...], str] = {}
    keys = _group_keys(context, claims)
    for claim_id, key in keys.items():
        components.join(first.setdefault(key, claim_id), claim_id)
    held = {hold.claim.id: hold for hold in holds(context)}
    on_one_place = context.pairs(
        [hold.claim for hold in held.values()],
        lambda claim: held[claim.id].place,
        overlapping=True,
    )
    for a, b in on_one_place:
        components.join(a.id, b.id)
    members: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        members[components.root(claim.id)].append(claim)
    del components
    groups = []
    while members:  # emptied as it goes: a bulk run holds members or groups, never both
        found = members.popitem()[1]
        held_here = [held[c.id] for c in found if c.id in held]
        total = None
        if held_here and len({keys[c.id] for c in found}) > 1:
            first_day = min(hold.start for hold in held_here)
            place = held_here[0].place
            events = {table.of[c.id] for c in found}
            incident = events.pop() if len(events) == 1 else f"~control:{place}:{first_day}"
            about: tuple[str, ...] = (incident, "control", place, str(first_day))
        else:
            about = min(tuple(str(part) for part in keys[c.id]) for c in found)
            if len(found) == 1 and _part(context, found[0]):
                total = found[0].total
                about = (*about[:4], str(total))
        groups.append(_grade(context, found, held, about, total))
    return tuple(sorted(groups, key=lambda g: g.key))


def _grade(
    context: Context,
    claims: list[Claim],
    held: Mapping[str, Hold],
    about: tuple[str, ...],
    total: str | None = None,
) -> Group:
    claims = sorted(claims, key=lambda c: c.id)
    positive = [c for c in claims if c.modality in POSITIVE]
    denials = [c for c in claims if c.modality is Modality.DENIED]
    origins = tuple(sorted({context.roles(c).source for c in positive}))
    independent = context.voices(origins)
    voice = {o: i for i, cluster in enumerate(independent) for o in cluster}
    reasons: list[str] = []
    for i, a in enumerate(positive):
        for b in positive[i + 1 :]:
            if voice[context.roles(a).source] == voice[context.roles(b).source]:
                continue
            why = disagreement(context, a, b, held)
            if why:
                reasons.append(f"independent origins disagree: {why}")
    if reasons:
        grade = Grade.CONTESTED
        if len(reasons) > _SHOWN:  # the first few say why; the findings group the rest
            reasons = [*reasons[:_SHOWN], f"… and {len(reasons) - _SHOWN} more disagreeing "
                       "pairs (crosscheck run groups them into positions)"]  # fmt: skip
    elif denials:
        grade = Grade.DENIED
        reasons = [f"{context.roles(d).source} denies it ({d.id})" for d in denials]
    else:
        harmed = [
            c
            for c in positive
            if c.predicate in HARMS
            and (patient := context.roles(c).patient) is not None
            and context.same_side(context.roles(c).source, patient)
        ]
        if harmed:
            grade = Grade.ACKNOWLEDGED
            reasons = [f"{context.roles(c).source} speaks for the side it harms ({c.id})"
                       for c in harmed]  # fmt: skip
        else:
            grade = Grade.CORROBORATED if len(independent) >= 2 else Grade.SINGLE_SOURCE
    return Group(tuple(claims), origins, independent, grade, tuple(reasons), about, total)


_SHOWN = 3
"""Disagreeing pairs a contested group lists before counting the rest."""


# -- trust ------------------------------------------------------------------------------------


@attrs.frozen
class Trust:
    """An origin's estimated reliability, with what it rests on. An estimate, never a fact."""

    origin: str
    score: float
    """1 minus the origin's mean loss against the final estimates, in [0, 1]: 1 when every
    claim it makes in a multi-origin group is consistent with the estimate. One figure it
    repeats in a group counts once there, however many reports carry it."""
    support: int
    """The number of the origin's claims in groups backed by two or more origins."""
    weight: float
    """The CRH weight that drove the estimates (higher is more trusted)."""


@attrs.frozen
class Estimate:
    """The most believable value of one group, by trust-weighted loss."""

    group: str
    value: str
    """A number with its unit ("7 person"), or a side and extent ("saa: full"); "undecided"
    when the weighted evidence is evenly split."""
    believed: tuple[str, ...]
    """The claims consistent with it."""


SMOOTHING = 0.5
"""A pseudo-loss every origin carries, so one unchallenged claim does not make an origin
infinitely more trusted than one that was once contradicted."""


def _distance(value: float, quantity: Quantity) -> float:
    if value < quantity.low:
        return quantity.low - value
    if value > quantity.high:
        return value - quantity.high
    return 0.0


@attrs.frozen
class _Numeric:
    """A group of comparable quantities, all in one unit, from two or more origins.

    For a toll (`earlier` not empty), the estimate is of the latest figure: a claim stated
    before another claim of the group misses it only by how far its floor lies *above* it — a
    toll may have risen since, so an early, lower figure that the later series explains costs
    its origin nothing.
    """

    key: str
    claims: tuple[tuple[Claim, Quantity], ...]
    earlier: frozenset[str] = frozenset()
    """The ids of the claims stated before some other claim of the group (tolls only)."""

    @property
    def scale(self) -> float:
        bounds = [abs(b) for _, q in self.claims for b in (q.low, q.high) if math.isfinite(b)]
        return max([1.0, *bounds])

    def _miss(self, claim: Claim, value: float, quantity: Quantity) -> float:
        """How far `value` lies from what the claim allows: its interval; for a toll figure
        stated before another, anything from its floor up (the toll may have risen since)."""
        if claim.id in self.earlier:
            return max(0.0, quantity.low - value)
        return _distance(value, quantity)

    def estimate(self, weight: Callable[[Claim], float]) -> tuple[str, dict[str, float]]:
        """The value with the least weighted miss (a weighted median for plain intervals), the
        middle of the optimal range on a tie."""
        candidates = sorted({b for _, q in self.claims for b in (q.low, q.high)
                             if math.isfinite(b)}) or [0.0]  # fmt: skip

        def cost(value: float) -> float:
            return math.fsum(weight(c) * self._miss(c, value, q) for c, q in self.claims)

        costs = [cost(v) for v in candidates]
        lowest = min(costs)
        optimal = [v for v, c in zip(candidates, costs, strict=True)
                   if math.isclose(c, lowest, rel_tol=1e-12, abs_tol=1e-12)]  # fmt: skip
        value = (optimal[0] + optimal[-1]) / 2
        losses = {c.id: self._miss(c, value, q) / self.scale for c, q in self.claims}
        return f"{value:g} {self.claims[0][1].unit}", losses


@attrs.frozen
class _Control:
    """Claims about who holds one place on overlapping days, from two or more origins."""

    key: str
    claims: tuple[Hold, ...]

    def estimate(
        self, context: Context, weight: Callable[[Claim], float]
    ) -> tuple[str, dict[str, float]]:
        """The weighted vote between the stated (side, extent) pairs; undecided on a tie."""

        def agrees(a: Hold, b: Hold) -> bool:
            return a.full == b.full and context.allied(a.controllers, b.controllers)

        def support(value: Hold) -> float:
            return math.fsum(weight(h.claim) for h in self.claims if agrees(h, value))

        best = max(support(h) for h in self.claims)
        winners = [h for h in self.claims if math.isclose(support(h), best, rel_tol=1e-12)]
        if any(not agrees(winners[0], other) for other in winners):
            return "undecided", {h.claim.id: 0.5 for h in self.claims}
        chosen = winners[0]
        losses = {h.claim.id: 0.0 if agrees(h, chosen) else 1.0 for h in self.claims}
        return f"{chosen.controller}: {'full' if chosen.full else 'partial'}", losses


def _earlier(context: Context, claims: list[tuple[Claim, Quantity]]) -> frozenset[str]:
    """Of a toll's claims, those stated before some other claim of the same group."""
    if not claims or claims[0][0].predicate not in CUMULATIVE:
        return frozenset()
    return frozenset(
        a.id
        for a, _ in claims
        if any(context.stated(a).before(context.stated(b)) for b, _ in claims)
    )


def _weigher(
    weights: Mapping[str, float], source: Mapping[str, str], share: Mapping[str, float]
) -> Callable[[Claim], float]:
    """A claim's weight: its origin's, shared among the origin's claims in its group."""
    return lambda claim: weights[source[claim.id]] * share[claim.id]


def estimate_trust(
    dataset: Dataset, rounds: int = 30, context: Context | None = None
) -> tuple[tuple[Trust, ...], tuple[Estimate, ...]]:
    """Estimate each origin's trust and each multi-origin group's most believable value."""
    context = context or Context(dataset)
    source = {c.id: context.roles(c).source for c in context.claims}
    held = {hold.claim.id: hold for hold in holds(context)}
    numeric: list[_Numeric] = []
    control: list[_Control] = []
    for group in claim_groups(dataset, context):
        positive = [c for c in group.claims if c.modality in POSITIVE]
        quantified = [(c, c.quantity) for c in positive
                      if c.quantity is not None and c.predicate != "duration"]  # fmt: skip
        comparable = []
        for claim, quantity in quantified:
            try:
                comparable.append((claim, quantity.to(quantified[0][1].unit)))
            except UnitError:
                continue
        if len({source[c.id] for c, _ in comparable}) >= 2:
            numeric.append(_Numeric(group.key, tuple(comparable), _earlier(context, comparable)))
        holding = tuple(held[c.id] for c in positive if c.id in held)
        if len({source[h.claim.id] for h in holding}) >= 2:
            control.append(_Control(group.key, holding))
    origins = sorted({source[c.id] for g in numeric for c, _ in g.claims}
                     | {source[h.claim.id] for g in control for h in g.claims})  # fmt: skip
    # an origin repeating one figure in five reports weighs in a group what saying it once
    # does: each repeat carries 1/n of its weight, and of its record (its updates, different
    # figures, each count in full)
    share: dict[str, float] = {}
    said: list[list[tuple[Claim, object]]] = [[(c, (q.low, q.high)) for c, q in g.claims]
                                              for g in numeric]  # fmt: skip
    said += [[(h.claim, (h.controllers, h.extent)) for h in g.claims] for g in control]
    for members in said:
        count: dict[tuple[str, object], int] = defaultdict(int)
        for claim, what in members:
            count[(source[claim.id], what)] += 1
        share.update({claim.id: 1 / count[(source[claim.id], what)] for claim, what in members})
    weights = dict.fromkeys(origins, 1.0)
    per_claim: dict[str, float] = {}
    estimates: list[Estimate] = []
    for _ in range(max(1, rounds)):
        per_claim, estimates = {}, []

        weight = _weigher(weights, source, share)
        results = [(g.key, *g.estimate(weight)) for g in numeric]
        results += [(g.key, *g.estimate(context, weight)) for g in control]
        for key, value, losses in results:
            per_claim.update(losses)
            believed = tuple(c for c, loss in losses.items() if loss == 0)
            estimates.append(Estimate(key, value, believed))
        loss = {o: math.fsum(v * share[c] for c, v in per_claim.items() if source[c] == o)
                + SMOOTHING for o in origins}  # fmt: skip
        total = math.fsum(loss.values())
        updated = {o: -math.log(loss[o] / total) for o in origins}
        converged = all(math.isclose(updated[o], weights[o], rel_tol=1e-12) for o in origins)
        weights = updated
        if converged:
            break
    support: dict[str, int] = defaultdict(int)
    shares: dict[str, float] = defaultdict(float)
    for claim_id in per_claim:
        support[source[claim_id]] += 1
        shares[source[claim_id]] += share[claim_id]
    trust = tuple(
        Trust(
            origin,
            round(1 - math.fsum(v * share[c] for c, v in per_claim.items()
                                if source[c] == origin) / shares[origin], 6),
            support[origin],
            round(weights[origin], 6),
        )
        for origin in origins
    )  # fmt: skip
    return trust, tuple(sorted(estimates, key=lambda e: e.group))


# -- the per-origin report ---------------------------------------------------------------------


@attrs.frozen
class OriginRecord:
    """What one origin said, how it fared, and how far it is trusted."""

    origin: str
    name: str
    claims: int
    """Positive claims resting on this origin."""
    grades: Mapping[Grade, int]
    """How many of those claims lie in groups of each grade."""
    trust: Trust | None
    """None when none of its claims could be checked against another origin."""


@attrs.frozen
class SourcesReport:
    """Everything `crosscheck sources` shows: per-origin records and graded groups."""

    origins: tuple[OriginRecord, ...]
    groups: tuple[Group, ...]
    estimates: Mapping[str, Estimate]


def sources_report(dataset: Dataset, window: Window | None = None) -> SourcesReport:
    """Grade every group, estimate trust, and tally both per origin (groups found under the
    sameness `window`, if any)."""
    context = Context(dataset, window=window)
    groups = claim_groups(dataset, context)
    trust, estimates = estimate_trust(dataset, context=context)
    by_origin = {t.origin: t for t in trust}
    tallies: dict[str, dict[Grade, int]] = defaultdict(lambda: dict.fromkeys(Grade, 0))
    for group in groups:
        for claim in group.claims:
            if claim.modality in POSITIVE:
                tallies[context.roles(claim).source][group.grade] += 1
    records = tuple(
        OriginRecord(
            origin,
            dataset.actor(origin).name,
            sum(tally.values()),
            tally,
            by_origin.get(origin),
        )
        for origin, tally in sorted(tallies.items(), key=lambda item: (
            dataset.actor(item[0]).name.casefold(), item[0]))
    )  # fmt: skip
    return SourcesReport(records, groups, {e.group: e for e in estimates})
