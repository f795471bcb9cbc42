"""Rules about control of territory: who holds a place, how much of it, and when."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

import attrs

from crosscheck.engine import MAX_INCIDENT_DAYS, POSITIVE, Context
from crosscheck.findings import Severity, Violation
from crosscheck.model import Claim, Extent
from crosscheck.registry import Rule, rule

__all__ = ["RULES", "Hold", "holds"]

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


def _conflicts(context: Context) -> Iterator[tuple[Hold, Hold]]:
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


def _explain(context: Context, outer: Hold, inner: Hold) -> tuple[str, ...]:
    same_event = outer.claim.event is not None and outer.claim.event == inner.claim.event
    sameness = (
        f"same thing: certain (curated event id {outer.claim.event!r})"
        if same_event
        else "same thing: inferred (no shared event id) from place and overlapping dates"
    )
    places = (
        f"same place {outer.place}"
        if outer.place == inner.place
        else f"{inner.place} lies within {outer.place}"
    )
    return (sameness, places, context.sides(outer.controller, inner.controller))


def _when(hold: Hold) -> str:
    return str(hold.start) if hold.start == hold.end else f"{hold.start} – {hold.end}"


def _severity(outer: Hold, inner: Hold) -> Severity | None:
    certain = outer.claim.event is not None and outer.claim.event == inner.claim.event
    return None if certain else Severity.WARNING


@rule("CTL001", "control.rival-holders", Severity.ERROR)
def rival_holders(context: Context) -> Iterator[Violation]:
    """Sources name rival sides as holding one place at the same time.

    What it flags
    -------------
    A claim that one side holds all of a place (or took it) while, on overlapping dates,
    another claim says a different side holds all or part of that place, or took it, or a
    place within it (a place said to be contested is left to `control.extent`). Sides come
    from the curated actor structure: an actor acts for every party it is part of or aligned
    with, transitively, and so does each of its members; two actors acting for a common party
    (a government's army and the rebels it backs) are one side. With a shared event id the
    overlap is certain (an error); otherwise it is inferred from place and dates (a warning).

    Why it matters
    --------------
    "Claimed by both sides within days" is how contested towns look in the news; on one and
    the same day it is a contradiction that the reader must resolve from other sources.

    Flagged
    -------
    (Constructed.) SANA: "the army had re-entered Saraqeb on Monday, March 2" (took) against a
    rebel spokesman: "the rebels hold all of Saraqeb" on the same Monday.

    Not flagged
    -----------
    "Pro-government forces … wrested control of the town on February 8, but jihadists and
    allied rebels then re-entered the town on Thursday, February 27": the same town held by
    rival sides on different dates is a change of hands, not a contradiction.
    """
    for outer, inner in _conflicts(context):
        rivals = not context.same_side(outer.controller, inner.controller)
        if not outer.full or not rivals or inner.extent is Extent.CONTESTED:
            continue  # a contested place: control.extent
        place = context.dataset.place(inner.place).name
        yield Violation(
            f"{place}, {_when(outer)}: {context.who(outer.claim)} says {outer.describe(context)}, "
            f"while {context.who(inner.claim)} says {inner.describe(context)} "
            f"({_when(inner)}).",
            (outer.claim, inner.claim),
            _explain(context, outer, inner),
            _severity(outer, inner),
        )


@rule("CTL002", "control.extent", Severity.ERROR)
def extent(context: Context) -> Iterator[Violation]:
    """One source says a side holds all of a place; another says only part, or that it is contested.

    What it flags
    -------------
    On overlapping dates, a claim that a side took or holds all of a place, and a claim that
    the same side holds only part of that place (or of a place within it), or that the place
    is contested. Different sides holding parts are left to `control.rival-holders`. Certain
    with a shared event id (an error), inferred otherwise (a warning).

    Why it matters
    --------------
    State media announce full recaptures; the other side answers that the advance took only
    part of the town. Both can be reported faithfully, and the reader needs to see that they
    disagree.

    Flagged
    -------
    SANA: "the army had re-entered Saraqeb on Monday, March 2" (took it) against rebel
    spokesman Naji Mustafa: "President Bashar al-Assad's forces had only taken part of the
    ghost town" (partial control, the same day).

    Not flagged
    -----------
    "Rebel fighters managed to push back government forces from most of Saraqeb" (rebels hold
    part) and "Syrian government forces battled rebels … as they tried to seize Saraqeb"
    (contested) on the same day: both say the town is divided.
    """
    for outer, inner in _conflicts(context):
        if not outer.full or inner.full:
            continue
        rivals = not context.same_side(outer.controller, inner.controller)
        if rivals and inner.extent is not Extent.CONTESTED:
            continue  # a rival holding part of it: control.rival-holders
        place = context.dataset.place(inner.place).name
        yield Violation(
            f"{place}, {_when(outer)}: {context.who(outer.claim)} says {outer.describe(context)}, "
            f"while {context.who(inner.claim)} says {inner.describe(context)} "
            f"({_when(inner)}).",
            (outer.claim, inner.claim),
            _explain(context, outer, inner),
            _severity(outer, inner),
        )


RULES: tuple[Rule, ...] = (rival_holders, extent)
