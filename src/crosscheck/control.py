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

`took` means full control on its date — unless it counts what was taken ("recapturing more than
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

    With `place`, only those about that place or a place within it.
    """
    found = []
    for claim in context.with_predicate(*HOLDING):
        roles = context.roles(claim)
        if claim.modality not in POSITIVE or roles.agent is None or roles.place is None:
            continue
        if claim.when is None:
            continue
        if place is not None and not context.dataset.is_within(roles.place, place):
            continue
        if claim.predicate == "took":
            if (claim.when.end - claim.when.start).days >= MAX_INCIDENT_DAYS:
                continue  # taken at some point in a campaign: no date to compare
            # "took more than a hundred towns" in a province took parts of it, not all of it
            extent = Extent.PARTIAL if claim.quantity is not None else Extent.FULL
        else:
            extent = claim.extent or Extent.FULL
        found.append(Hold(claim, roles.agent, roles.place, extent, claim.when.start,
                          claim.when.end))  # fmt: skip
    return sorted(found, key=lambda h: (h.start, h.end, h.claim.id))


def overlapping_holds(context: Context) -> Iterator[tuple[Hold, Hold]]:
    """Pairs (outer, inner) of holds on nested places with overlapping dates, outer ⊇ inner."""
    everything = holds(context)
    by_claim = {hold.claim.id: hold for hold in everything}

    def region(claim: Claim) -> str | None:
        """Block by the outermost place: only places in one country can nest."""
        place = context.roles(claim).place
        return None if place is None else list(context.dataset.enclosing(place))[-1].id

    claims = [hold.claim for hold in everything]
    for a, b in context.pairs(claims, region):
        first, second = by_claim[a.id], by_claim[b.id]
        if first.end < second.start or second.end < first.start:
            continue
        if first.place == second.place:
            yield (second, first) if second.full and not first.full else (first, second)
        elif context.dataset.is_within(second.place, first.place):
            yield first, second
        elif context.dataset.is_within(first.place, second.place):
            yield second, first
