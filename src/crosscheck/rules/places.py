"""Rules about places: one act put at places that cannot both be right."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence

from crosscheck.engine import Context
from crosscheck.findings import Severity, Violation
from crosscheck.incidents import Conflict, ConflictKind, Dispute, incidents, judge, voices_of
from crosscheck.model import Claim
from crosscheck.registry import Rule, rule
from crosscheck.rules._disputes import severity, summary, violation
from crosscheck.tolls import same_breakdown
from crosscheck.vocabulary import PLACED, POSITIVE, STRIKE, act_of

__all__ = ["RULES", "place_disputes"]


def _act(claim: Claim) -> str:
    """The act a claim's place belongs to: the killed, wounded and attacked of an attack share
    the place it struck; any other predicate has a place of its own — a launch site, a
    meeting's town, where missiles or aircraft were shot down (over the capital, when the
    strike they were fired at landed elsewhere)."""
    return "strike" if claim.predicate in STRIKE - {"shot_down"} else claim.predicate


def _innermost(context: Context, claims: Sequence[Claim]) -> str:
    """The most precise places a position names: "Kramatorsk station", or "Damascus area and
    southern Syria" when one voice put the act at both. A part's place (the field kitchen
    beside the theatre, where some of its dead were) names the position only when nothing
    else does."""
    whole = [c for c in claims if c.total is None] or list(claims)
    places = {p for c in whole if (p := context.roles(c).place) is not None}
    inner = sorted(p for p in places if not any(q != p and context.within(q, p) for q in places))
    return " and ".join(context.dataset.place(p).name for p in inner)


def _spread(context: Context, claims: Sequence[Claim]) -> set[tuple[str, str]]:
    """The pairs of places neither of which contains the other that one voice, in one
    statement, itself puts the act at: there the act spans both (a raid in two waves, an
    offensive across two provinces), and no source is contradicted by another's naming either.
    (The same voice naming another place in a later statement has changed its account: that
    is disputed.)"""
    voice = voices_of(context, claims)
    together: dict[tuple[tuple[str, ...], str], set[str]] = defaultdict(set)
    for claim in claims:
        place = context.roles(claim).place
        if place is not None:
            together[(voice[claim.id], context.stated(claim).statement)].add(place)
    return {
        (x, y)
        for places in together.values()
        for x in places
        for y in places
        if not context.places_nest(x, y)
    }


def _excused(context: Context, spread: set[tuple[str, str]], a: str, b: str) -> bool:
    """Whether places `a` and `b` lie at (or within, or around) two places one voice itself
    put the act at together."""
    nest = context.places_nest
    return any(nest(a, x) and nest(b, y) for x, y in spread)


def place_disputes(context: Context) -> tuple[Dispute, ...]:
    """One dispute per act of an incident with a curated event id whose claims put it at
    places neither of which contains the other."""

    def make() -> tuple[Dispute, ...]:
        found = []
        for incident in incidents(context):
            if incident.event is None:
                continue  # inferred sameness needs places that coincide
            by_act: dict[str, list[Claim]] = defaultdict(list)
            for claim in incident.claims:
                placed = claim.predicate in PLACED and claim.modality in POSITIVE
                if placed and context.roles(claim).place is not None:
                    by_act[_act(claim)].append(claim)
            for act in sorted(by_act):
                claims = by_act[act]
                apart = [
                    (a, b, pa, pb)
                    for i, a in enumerate(claims)
                    for b in claims[i + 1 :]
                    if (pa := context.roles(a).place) is not None
                    and (pb := context.roles(b).place) is not None
                    and not context.places_nest(pa, pb)
                ]
                if not apart:
                    continue  # every two places nest: nothing to dispute
                spread = _spread(context, claims)
                conflicts = [
                    Conflict(
                        a,
                        b,
                        f"{a.id} puts it at {pa}, {b.id} at {pb}; neither lies within the other",
                        ConflictKind.APART,
                    )
                    for a, b, pa, pb in apart
                    if not _excused(context, spread, pa, pb) and not same_breakdown(context, a, b)
                ]
                noun = act_of(c.predicate for c in claims)
                dispute = judge(context, incident, f"place:{act}", f"where {noun} happened",
                                claims, conflicts,
                                lambda group: _innermost(context, group))  # fmt: skip
                if dispute is not None:
                    found.append(dispute)
        return tuple(found)

    return context.cached("place-disputes", make)


@rule("PLC001", "place.event-placed-apart", Severity.ERROR)
def event_placed_apart(context: Context) -> Iterator[Violation]:
    """Sources put one act of a curated event at places neither of which contains the other.

    What it flags
    -------------
    One finding per act of an incident with a curated event id whose place is where it
    physically happened — the attack (its killed, wounded and attacked share the place it
    struck), the launch site, where missiles or aircraft were downed, where captives were
    taken — when its claims name places of
    which neither lies within the other (`within` in places.toml). The claims are grouped into
    positions of places that nest (a station within its town within its province agree), each
    with its independent voices; the most precise place of each position is shown. Places one
    voice itself puts the act at in one statement are both its places (a raid in two waves):
    claims at or within them are not set against each other, though a third place still
    disputes them; parts of one total are never set against each other; one voice placing it
    elsewhere in a later statement has changed its account, and that is flagged. An error when
    every conflicting claim carries the event id and is asserted; a warning when the
    disagreement rests only on hedged claims.

    Why it matters
    --------------
    Where a missile was fired from decides who fired it; where a strike landed decides whether
    it hit a school or a barracks. Sources that disagree on the place often disagree on
    everything else.

    Flagged
    -------
    (Constructed from real reporting.) The defence ministry of one side says the missile that
    struck Kramatorsk station was launched from Dobropillia; the other side says it was
    launched from occupied territory of Luhansk province: two places, neither within the
    other.

    Not flagged
    -----------
    "a missile struck the railway station" against "a strike on Kramatorsk": the station lies
    within the town. The launch site against the place struck: two acts. A defence ministry's
    "one wave near Damascus, another near Deraa": one raid, two places.
    """
    for dispute in place_disputes(context):
        message = (
            f"Sources disagree on {dispute.subject} ({dispute.incident.label}): "
            f"{summary(context, dispute)}; neither place lies within the other."
        )
        yield violation(context, dispute, message, severity(dispute))


RULES: tuple[Rule, ...] = (event_placed_apart,)
