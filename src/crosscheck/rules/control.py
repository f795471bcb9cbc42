"""Rules about control of territory: who holds a place, how much of it, and when."""

from __future__ import annotations

from collections.abc import Iterator

from crosscheck.control import control_disputes
from crosscheck.engine import Context
from crosscheck.findings import Severity, Violation
from crosscheck.incidents import ConflictKind, Dispute
from crosscheck.registry import Rule, rule
from crosscheck.rules._disputes import severity, summary, violation

__all__ = ["RULES"]


def _rivals(dispute: Dispute) -> bool:
    return any(conflict.kind is ConflictKind.RIVAL for conflict in dispute.conflicts)


def _message(context: Context, dispute: Dispute) -> str:
    return (f"Sources disagree on {dispute.subject} ({dispute.incident.label}): "
            f"{summary(context, dispute)}.")  # fmt: skip


@rule("CTL001", "control.rival-holders", Severity.ERROR)
def rival_holders(context: Context) -> Iterator[Violation]:
    """Sources name rival sides as holding one place at the same time.

    What it flags
    -------------
    A claim that one side holds all of a place (or took it) while, on overlapping dates,
    another claim says a rival side holds all or part of that place, or took it, or a place
    within it (a place said to be contested is left to `control.extent`). One finding per
    place and span of days, however many reports repeat either side, with the claims grouped
    into positions. Sides come from the curated actor structure: an actor acts for every
    party it is part of or aligned with, transitively, and so does each of its members; two
    actors acting for a common party (a government's army and the rebels it backs) are one
    side. With a shared event id the overlap is certain (an error); otherwise it is inferred
    from place and dates (a warning).

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
    for dispute in control_disputes(context):
        if _rivals(dispute):
            yield violation(context, dispute, _message(context, dispute), severity(dispute))


@rule("CTL002", "control.extent", Severity.ERROR)
def extent(context: Context) -> Iterator[Violation]:
    """One source says a side holds all of a place; another says only part, or that it is contested.

    What it flags
    -------------
    On overlapping dates, a claim that a side took or holds all of a place, and a claim that
    the same side holds only part of that place (or of a place within it), or that the place
    is contested — when no rival side is said to hold it (then `control.rival-holders`
    reports the place, these claims included). One finding per place and span of days.
    Certain with a shared event id (an error), inferred otherwise (a warning).

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

    One voice saying both — "Turkish forces and their Syrian proxies retook Saraqib", "the
    rebels hold the town's centre" — tells how its side holds the place, not a disagreement
    between sources.
    """
    for dispute in control_disputes(context):
        if not _rivals(dispute) and not dispute.one_voice:
            yield violation(context, dispute, _message(context, dispute), severity(dispute))


RULES: tuple[Rule, ...] = (rival_holders, extent)
