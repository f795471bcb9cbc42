"""Control of territory: who a claim says holds a place, how much of it, and when.

Shared by the control rules, the control timeline and the corroboration grades.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator

import attrs

from crosscheck.engine import MAX_INCIDENT_DAYS, POSITIVE, Context
from crosscheck.model import Claim, Extent

__all__ = ["HOLDING", "Hold", "holds", "overlapping_holds"]

HOLDING = frozenset({"controls", "took"})
"""Predicates that say who holds a place.

`took` means full control on its date — unless its extent says otherwise ("wrested control
over much of Idlib": partial), or it counts what was taken ("recapturing more than
a hundred towns" in a province: part of it), or its date spans a campaign rather than a day or
so (taken at some unknown point of it: nothing to compare).
"""


@attrs.frozen
class Hold:
    """One claim's statement of who holds a place, how much of it, and when."""

    claim: Claim
    controller: str
    place: str
    extent: Extent
    start: datetime.date
    end: datetime.date

    @property
    def full(self) -> bool:
        """Whether it claims the whole place."""
        return self.extent is Extent.FULL

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
        """ "Syrian government forces took it" / "… hold only part of it"."""
        who = context.dataset.actor(self.controller).name
        if self.claim.predicate == "took":
            return f"{who} took it"
        return {
            Extent.FULL: f"{who} hold all of it",
            Extent.PARTIAL: f"{who} hold only part of it",
            Extent.CONTESTED: f"it is contested, {who} fighting for it",
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
        if claim.modality not in POSITIVE or roles.agent is None or roles.place is None:
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
        found.append(Hold(claim, roles.agent, roles.place, extent, claim.when.start,
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
