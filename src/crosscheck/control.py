"""Control of territory: who a claim says holds a place, how much of it, and when.

Shared by the control rules, the control timeline and the corroboration grades.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterator, Sequence

import attrs

from crosscheck.components import Components
from crosscheck.dates import DateSpan
from crosscheck.engine import MAX_INCIDENT_DAYS, Context
from crosscheck.incidents import Conflict, ConflictKind, Dispute, Incident, incidents, judge
from crosscheck.model import Claim, Extent
from crosscheck.vocabulary import HOLDING, POSITIVE

__all__ = [
    "HOLDING",
    "Hold",
    "control_disputes",
    "hold_conflict",
    "holds",
    "overlapping_holds",
    "rivals",
]

# The predicates that say who holds a place are `vocabulary.HOLDING`. `took` means full control
# on its date — unless its extent says otherwise ("wrested control over much of Idlib":
# partial), or it counts what was taken ("recapturing more than a hundred towns" in a province:
# part of it), or its date spans a campaign rather than a day or so (taken at some unknown
# point of it: nothing to compare).


@attrs.frozen
class Hold:
    """One claim's statement of who holds a place, how much of it, and when."""

    claim: Claim
    controllers: tuple[str, ...]
    """Who holds it: one actor, or several holding it together."""
    place: str
    extent: Extent
    start: datetime.date
    end: datetime.date

    @property
    def controller(self) -> str:
        """The first of the controllers (the one named first)."""
        return self.controllers[0]

    @property
    def full(self) -> bool:
        """Whether it claims the whole place."""
        return self.extent is Extent.FULL

    @property
    def when(self) -> str:
        """Its days: "2020-03-02", "2020-02-27 – 2020-03-02"."""
        return DateSpan.of(self.start, self.end).days

    @property
    def reading(self) -> str:
        """How the claim was read as a statement of control, for explanations."""
        claim = self.claim
        if claim.predicate == "took":
            if claim.extent is not None:
                return f"{claim.id}: 'took', extent {claim.extent.value}"
            if self.extent is Extent.PARTIAL:
                return f"{claim.id}: 'took' with a count of what was taken → part of the place"
            return f"{claim.id}: 'took' → full control on its date"
        if claim.extent is None:
            return f"{claim.id}: 'controls' with no extent → full control"
        return f"{claim.id}: 'controls', extent {claim.extent.value}"

    def describe(self, context: Context) -> str:
        """ "taken by Syrian government forces", "only part of it held by the rebels"."""
        who = " and ".join(context.dataset.actor(c).name for c in self.controllers)
        if self.claim.predicate == "took":
            return f"taken by {who}" if self.full else f"partly taken by {who}"
        return {
            Extent.FULL: f"all of it held by {who}",
            Extent.PARTIAL: f"only part of it held by {who}",
            Extent.CONTESTED: f"contested, with {who} fighting for it",
        }[self.extent]


def holds(context: Context, place: str | None = None) -> list[Hold]:
    """Every positive `controls` or `took` claim with an agent, a place and a date, in date order.

    With `place` (an id), only those about that place or a place within it.
    """
    everything = context.cached("holds", lambda: _holds(context))
    if place is None:
        return everything
    return [hold for hold in everything if context.within(hold.place, place)]


def _holds(context: Context) -> list[Hold]:
    found = []
    for claim in context.with_predicate(*HOLDING):
        roles = context.roles(claim)
        if claim.modality not in POSITIVE or not roles.agents or roles.place is None:
            continue
        if claim.when is None:
            continue
        if claim.predicate == "took":
            if (claim.when.end - claim.when.start).days >= MAX_INCIDENT_DAYS:
                continue  # taken at some point in a campaign: no date to compare
            # "took more than a hundred towns" in a province took parts of it, not all of it
            extent = claim.extent or (Extent.PARTIAL if claim.quantity is not None else Extent.FULL)
        else:
            extent = claim.extent or Extent.FULL
        found.append(Hold(claim, roles.agents, roles.place, extent, claim.when.start,
                          claim.when.end))  # fmt: skip
    return sorted(found, key=lambda h: (h.start, h.end, h.claim.id))


def overlapping_holds(context: Context) -> Iterator[tuple[Hold, Hold]]:
    """Pairs (outer, inner) of holds on nested places with overlapping dates, outer ⊇ inner."""
    everything = holds(context)
    by_claim = {hold.claim.id: hold for hold in everything}

    def region(claim: Claim) -> str:
        """Block by the outermost place: only places in one country can nest."""
        return context.outermost(by_claim[claim.id].place)

    claims = [hold.claim for hold in everything]
    for a, b in context.pairs(claims, region, overlapping=True):
        first, second = by_claim[a.id], by_claim[b.id]
        if first.place == second.place:
            yield (second, first) if second.full and not first.full else (first, second)
        elif context.within(second.place, first.place):
            yield first, second
        elif context.within(first.place, second.place):
            yield second, first


def rivals(context: Context, a: Hold, b: Hold) -> bool:
    """Whether two holds name controllers on rival sides (no controller of one on a side with
    a controller of the other)."""
    return not context.allied(a.controllers, b.controllers)


def hold_conflict(context: Context, outer: Hold, inner: Hold) -> Conflict | None:
    """Why two holds on nested places with overlapping dates (outer ⊇ inner) cannot both be
    true, or None. Kind "rival": rival sides hold one place; kind "extent": all of a place
    against only part of it, or against its being contested."""
    if not outer.full:
        return None
    against = rivals(context, outer, inner)
    place = context.dataset.place(inner.place).name
    whole = context.dataset.place(outer.place).name
    about = "" if outer.place == inner.place else f" ({whole}, which contains {place})"
    said = (
        f"{outer.claim.id}: {outer.describe(context)}{about} ({outer.when}); "
        f"{inner.claim.id}: {inner.describe(context)} ({inner.when})"
    )
    sides = context.sides(outer.controller, inner.controller)
    if against and inner.extent is not Extent.CONTESTED:
        return Conflict(outer.claim, inner.claim, f"{said}: {sides}", ConflictKind.RIVAL)
    if not inner.full:
        return Conflict(outer.claim, inner.claim, f"{said}: all of it against only part of it "
                        "or its being contested", ConflictKind.EXTENT)  # fmt: skip
    return None


def control_disputes(context: Context) -> tuple[Dispute, ...]:
    """One dispute per place and span of days on which sources disagree about who holds it:
    conflicting holds are grouped by the inner (more precise) place of each pair, and joined
    when they share a claim. Its aspect, "control:saraqeb:2020-03-02", names the place and the
    first day two of its holds contradict each other (a battle's event id may see the town
    change hands several times)."""

    def make() -> tuple[Dispute, ...]:
        table = incidents(context)
        by_claim = {hold.claim.id: hold for hold in holds(context)}
        conflicts: dict[str, list[Conflict]] = defaultdict(list)
        for outer, inner in overlapping_holds(context):
            conflict = hold_conflict(context, outer, inner)
            if conflict is not None:
                conflicts[inner.place].append(conflict)
        found = []
        for place in sorted(conflicts):
            components = Components()
            for conflict in conflicts[place]:
                components.join(conflict.a.id, conflict.b.id)
            groups: dict[str, list[Conflict]] = defaultdict(list)
            for conflict in conflicts[place]:
                groups[components.root(conflict.a.id)].append(conflict)
            for group in groups.values():
                claims = sorted({c for k in group for c in (k.a, k.b)}, key=lambda c: c.id)
                events = {c.event for c in claims}
                # the first day on which two of its holds cannot both be true: a claim that
                # agrees with one side leaves it, and so the finding's fingerprint, unchanged
                day = min(max(by_claim[k.a.id].start, by_claim[k.b.id].start) for k in group)
                if len(events) == 1 and (event := events.pop()) is not None:
                    incident = table.by_key[event]
                else:
                    incident = Incident(f"~control:{place}:{day}", None, tuple(claims))
                dispute = judge(
                    context,
                    incident,
                    f"control:{place}:{day}",
                    f"who held {context.dataset.place(place).name}",
                    claims,
                    group,
                    lambda hs: _holders(context, [by_claim[c.id] for c in hs]),
                )
                if dispute is not None:
                    found.append(dispute)
        return tuple(sorted(found, key=lambda d: (d.incident.key, d.aspect)))

    return context.cached("control-disputes", make)


def _holders(context: Context, found: Sequence[Hold]) -> str:
    said = sorted({hold.describe(context) for hold in found})
    return "; ".join(said)
