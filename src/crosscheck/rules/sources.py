"""Rules about sources: self-serving claims, corroboration that is only relay, and parties
that contradict themselves."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from crosscheck.control import holds
from crosscheck.engine import Context
from crosscheck.findings import Severity, Violation
from crosscheck.model import Claim, Modality
from crosscheck.registry import Rule, rule
from crosscheck.rules._disputes import contradicting, names, summary, violation
from crosscheck.rules.quantities import dispute_kind
from crosscheck.sources import Grade, Group, claim_groups, disagreement
from crosscheck.tolls import measure_disputes
from crosscheck.vocabulary import LOSSES, POSITIVE, PREDICATES, SUCCESSES

__all__ = ["RULES"]


def _favours(context: Context, claim: Claim) -> str | None:
    """How `claim` favours its own source's side, or None when the source is no party."""
    roles = context.roles(claim)
    source, patient = roles.source, roles.patient
    if not context.is_party(source):
        return None
    own = [agent for agent in roles.agents if context.same_side(source, agent)]
    if claim.modality is Modality.DENIED:
        if own:
            return f"denies an act of its own side ({context.sides(source, own[0])})"
        return None
    rival = patient is not None and context.is_party(patient) and not context.same_side(
        source, patient)  # fmt: skip
    if claim.predicate in SUCCESSES and own and (patient is None or rival):
        # a success against a rival, or against no one named (a town taken, a drone downed);
        # downing an airliner or killing civilians is no success: said by one's own side, it
        # is an admission
        return f"credits its own side ({context.sides(source, own[0])})"
    inflicted = not roles.agents or own
    none = claim.quantity is not None and claim.quantity.high == 0  # a loss of no one
    if claim.predicate in LOSSES and patient and inflicted and rival and not none:
        # people acted upon, an airline or a charity are nobody's rival: their losses are no
        # side's gain
        return f"reports losses its side inflicted ({context.sides(source, patient)})"
    return None


@rule("SRC001", "source.self-serving", Severity.INFO)
def self_serving(context: Context) -> Iterator[Violation]:
    """A claim rests only on a party it favours, and no independent source backs it.

    What it flags
    -------------
    A group of claims about one thing whose grade is `single-source` or `denied` — no
    independent origin corroborates it — and whose every origin is a party to the fighting (a
    state, government, armed force or group, or someone acting for one) on the side the claim
    favours: its own side's successes against a rival or no one named (a town taken, a drone
    shot down), losses inflicted on a rival party (by its own side, or by no one named), or
    its own side's innocence (a denial). Downing an airliner or killing civilians is no
    success: a side saying it did so admits it. Monitors and outlets speaking for themselves are no
    party. The explanation gives the alignment path.

    Why it matters
    --------------
    A government's media announcing its own victories is not corroboration. Such claims may
    be true, but they are the claims most worth a second source.

    Flagged
    -------
    "On Sunday, SANA reported that the government shot down a Turkish drone near Saraqeb":
    SANA speaks for the Syrian government, which it credits; nobody else reports the drone.

    Not flagged
    -----------
    "the Turkish defense ministry announced the death of two Turkish soldiers": a party
    acknowledging its own losses (graded `acknowledged`). A coded event that counts no deaths
    on the rebels' side on a ministry's word ("deaths_b: 0"): a loss of no one is nobody's
    gain.
    """
    for group in claim_groups(context.dataset, context):
        if group.grade not in {Grade.SINGLE_SOURCE, Grade.DENIED} or group.total is not None:
            continue  # a part: its total's group speaks for it
        voiced = [c for c in group.claims if c.modality in POSITIVE | {Modality.DENIED}]
        reasons = [(claim, _favours(context, claim)) for claim in voiced]
        if not reasons or any(why is None for _, why in reasons):
            continue
        origins = sorted({context.roles(c).source for c in voiced})
        first = voiced[0]
        incident, aspect = _about(group)
        parties = "a party it favours" if len(origins) == 1 else "parties it favours"
        yield Violation(
            f"{_what(context, first)} rests only on {names(context, origins)}, {parties}; no "
            "independent source backs it.",
            tuple(voiced),
            (
                f"group {group.key!r}: {group.grade} ({'; '.join(group.reasons)})",
                *(f"{claim.id} {why}" for claim, why in reasons),
            ),
            incident=incident,
            aspect=f"{aspect}:self-serving",
        )


@rule("SRC002", "source.relay-only", Severity.INFO)
def relay_only(context: Context) -> Iterator[Violation]:
    """A claim is relayed through intermediaries, but all of it rests on one origin.

    What it flags
    -------------
    A group of claims about one thing that named intermediaries relay (`via`: a monitor's count
    headlined by a newspaper, a spokesman quoted by an agency) while all its positive claims
    rest on one independent voice — one origin, or origins aligned with one another — and at
    least one relay is not on the origin's own side. The relays repeat; they do not corroborate.
    A spokesman or state agency passing on its own side's word is that side speaking, not an
    intermediary. Several reports quoting one origin directly are graded
    single-source (see `crosscheck sources`) but not flagged: the reader sees the origin, and a
    voice's figures updated from report to report are updates, not relays.

    Why it matters
    --------------
    A toll repeated by ten outlets that all quote one ministry is one claim, not ten; counting
    it ten times is how disinformation gains weight.

    Flagged
    -------
    "Daily Sabah, close to the Government, headlines a report from the Syrian Network for Human
    Rights": SNHR's figure, relayed by Daily Sabah, and nobody else's.

    Not flagged
    -----------
    The Saudi Press Agency carrying the coalition spokesman's statement: the coalition's own
    agency. The Observatory's report that Syrian forces entered Saraqeb "corroborated by witnesses":
    two independent origins. "SANA said the army had re-entered Saraqeb" in one report and
    "state media said" in another: one origin, quoted directly. A medical charity's toll of
    its staff rising from nine to twelve to fourteen over three reports: updates.
    """
    held = {hold.claim.id: hold for hold in holds(context)}
    for group in claim_groups(context.dataset, context):
        positive = [c for c in group.claims if c.modality in POSITIVE]
        if len(group.independent) != 1 or group.total is not None:
            continue  # several voices; or a part, whose total's group speaks for it
        origins = group.independent[0]
        carried = {r for c in positive for r in _relays(context, c)}
        if not any(not any(context.same_side(r, o) for o in origins) for r in carried):
            continue  # relayed by nobody, or only by the origin's own side (its spokesman)
        if any(disagreement(context, a, b, held) for a, b in itertools.combinations(positive, 2)):
            continue  # the copies disagree: not relay
        reports = sorted({c.report for c in positive})
        voice = ", ".join(context.dataset.actor(o).name for o in group.independent[0])
        if len(reports) > 1:
            carriers = f"{len(reports)} reports carry"
        else:
            relays = sorted({context.dataset.actor(r).name for c in positive for r in c.via})
            carriers = f"{' and '.join(relays)} {'relays' if len(relays) == 1 else 'relay'}"
        yield Violation(
            f"{carriers} {_what(context, positive[0], lower=True)}, but all of it rests on one "
            f"voice: {voice}.",
            tuple(positive),
            (
                f"group {group.key!r}: origins {', '.join(group.origins)} form one independent "
                "voice (aligned origins count once; relays and repeats add nothing)",
                *(f"{c.id}: relayed via {', '.join(c.via)}" for c in positive if c.via),
            ),
            incident=_about(group)[0],
            aspect=f"{_about(group)[1]}:relay",
        )


@rule("SRC003", "source.self-contradiction", Severity.WARNING)
def self_contradiction(context: Context) -> Iterator[Violation]:
    """One source's own figures for one thing contradict each other.

    What it flags
    -------------
    A measure of an incident whose every conflict lies within one independent voice — one
    origin, or origins aligned with one another — and is not a toll falling in a later
    statement (that is `quantity.toll-fell`): a length, a count of weapons
    or a distance given two ways, or two tolls stated at the same time that cannot both hold.
    A toll that rises in later statements is a revision, never a contradiction. A warning.

    Why it matters
    --------------
    A source that changes its own figure without acknowledging a revision is a weak source
    for that figure; analysts want to see both statements and their dates.

    Flagged
    -------
    (Constructed.) A defence ministry that says "two" missiles were launched in one statement
    and "four" in another, about the same strike.

    Not flagged
    -----------
    The same ministry's two missiles and a monitor's four: different voices
    (`quantity.disjoint`). A ministry announcing two dead on Wednesday and four the next day:
    a toll that rose.
    """
    for dispute in measure_disputes(context):
        if dispute_kind(dispute) != "self":
            continue
        message = (
            f"One voice ({contradicting(context, dispute)}) contradicts itself on "
            f"{dispute.subject} ({dispute.incident.label}): "
            f"{summary(context, dispute, timed=True)}."
        )
        yield violation(context, dispute, message, None)


def _relays(context: Context, claim: Claim) -> list[str]:
    """The ids of the actors that relayed `claim`."""
    return [context.dataset.actor(relay).id for relay in claim.via]


def _what(context: Context, claim: Claim, *, lower: bool = False) -> str:
    """A claim named by its act and id, for messages: "The downing (sana-drone)", "the taking
    of Saraqeb (tr-saraqib-retaken)"."""
    act = PREDICATES[claim.predicate].act
    place = context.roles(claim).place
    if place is not None:
        act = act.replace("the place", context.dataset.place(place).name)
    if claim.modality is Modality.DENIED:
        act = f"the denial of {act}"
    return f"{act if lower else act[0].upper() + act[1:]} ({claim.id})"


def _about(group: Group) -> tuple[str, str]:
    """A group's incident and aspect, so its finding keeps its fingerprint as the group grows:
    the incident and the group's thing (its key without the claim id)."""
    incident, *thing = group.about
    return incident, "group:" + ":".join(thing)


RULES: tuple[Rule, ...] = (self_serving, relay_only, self_contradiction)
