"""Rules about control of territory: who holds a place, how much of it, and when."""

from __future__ import annotations

from collections.abc import Iterator

from crosscheck.control import Hold, overlapping_holds
from crosscheck.engine import Context
from crosscheck.findings import Severity, Violation
from crosscheck.model import Extent
from crosscheck.registry import Rule, rule

__all__ = ["RULES"]


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
    return (sameness, places, context.sides(outer.controller, inner.controller), outer.reading,
            inner.reading)  # fmt: skip


def _when(hold: Hold) -> str:
    return str(hold.start) if hold.start == hold.end else f"{hold.start} – {hold.end}"


def _violation(context: Context, outer: Hold, inner: Hold) -> Violation:
    """What the two holds say, in one sentence, with the explanation."""
    place = context.dataset.place(inner.place).name
    whole = context.dataset.place(outer.place).name
    about = "" if outer.place == inner.place else f" ({whole}, which contains {place})"
    return Violation(
        f"{place}, {_when(outer)}: {context.who(outer.claim)} says {outer.describe(context)}"
        f"{about}, while {context.who(inner.claim)} says {inner.describe(context)} "
        f"({_when(inner)}).",
        (outer.claim, inner.claim),
        _explain(context, outer, inner),
        _severity(outer, inner),
    )


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
    for outer, inner in overlapping_holds(context):
        rivals = not context.same_side(outer.controller, inner.controller)
        if not outer.full or not rivals or inner.extent is Extent.CONTESTED:
            continue  # a contested place: control.extent
        yield _violation(context, outer, inner)


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
    for outer, inner in overlapping_holds(context):
        if not outer.full or inner.full:
            continue
        rivals = not context.same_side(outer.controller, inner.controller)
        if rivals and inner.extent is not Extent.CONTESTED:
            continue  # a rival holding part of it: control.rival-holders
        yield _violation(context, outer, inner)


RULES: tuple[Rule, ...] = (rival_holders, extent)
