"""Rules about sources: self-serving claims, corroboration that is only relay, and parties
that contradict themselves."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from crosscheck.control import holds
from crosscheck.engine import POSITIVE, Context
from crosscheck.findings import Severity, Violation
from crosscheck.model import Claim, Modality
from crosscheck.registry import Rule, rule
from crosscheck.rules.quantities import CUMULATIVE
from crosscheck.sources import Grade, claim_groups, disagreement

__all__ = ["RULES"]

SUCCESSES = frozenset({"took", "entered", "encircled", "shot_down", "killed", "captured"})
"""Acts that are a success for the side that does them."""
LOSSES = frozenset({"killed", "wounded", "captured", "shot_down", "displaced"})
"""Acts that are a loss for the side they are done to."""


def _favours(context: Context, claim: Claim) -> str | None:
    """How `claim` favours its own source's side, or None when the source is no party."""
    roles = context.roles(claim)
    source, agent, patient = roles.source, roles.agent, roles.patient
    if not context.is_party(source):
        return None
    if claim.modality is Modality.DENIED:
        if agent and context.same_side(source, agent):
            return f"denies an act of its own side ({context.sides(source, agent)})"
        return None
    if claim.predicate in SUCCESSES and agent and context.same_side(source, agent):
        return f"credits its own side ({context.sides(source, agent)})"
    inflicted = agent is None or context.same_side(source, agent)
    if (
        claim.predicate in LOSSES
        and patient
        and inflicted
        and not context.same_side(source, patient)
    ):
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
    favours: its own side's successes (a town taken, a drone shot down), losses inflicted on a
    rival (by its own side, or by no one named), or its own side's innocence (a denial).
    Monitors and outlets speaking for themselves are no party. The explanation gives the
    alignment path.

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
    acknowledging its own losses (graded `acknowledged`).
    """
    for group in claim_groups(context.dataset, context):
        if group.grade not in {Grade.SINGLE_SOURCE, Grade.DENIED}:
            continue
        voiced = [c for c in group.claims if c.modality in POSITIVE | {Modality.DENIED}]
        reasons = [(claim, _favours(context, claim)) for claim in voiced]
        if not reasons or any(why is None for _, why in reasons):
            continue
        origins = sorted({context.dataset.actor(c.source).name for c in voiced})
        first = voiced[0]
        yield Violation(
            f"Only {' and '.join(origins)} {'vouches' if len(origins) == 1 else 'vouch'} for this "
            f"{first.predicate!r} claim, which favours "
            f"{'its' if len(origins) == 1 else 'their'} own side, and no independent source "
            f"backs it ({first.id}).",
            tuple(voiced),
            (
                f"group {group.key!r}: {group.grade} ({'; '.join(group.reasons)})",
                *(f"{claim.id} {why}" for claim, why in reasons),
            ),
        )


@rule("SRC002", "source.relay-only", Severity.INFO)
def relay_only(context: Context) -> Iterator[Violation]:
    """Several reports carry a claim, but all of them rest on one origin.

    What it flags
    -------------
    A group of claims about one thing that appears in two or more reports (or is relayed
    through named intermediaries) while all its positive claims rest on one independent voice
    — one origin, or origins aligned with one another. The reports repeat; they do not
    corroborate.

    Why it matters
    --------------
    A toll repeated by ten outlets that all quote one ministry is one claim, not ten; counting
    it ten times is how disinformation gains weight.

    Flagged
    -------
    "SANA said the army had re-entered Saraqeb" in one report and "Regime forces re-entered the
    town …, state media said" in another: two reports, one origin (SANA).

    Not flagged
    -----------
    The Observatory's report that Syrian forces entered Saraqeb "corroborated by witnesses":
    two independent origins.
    """
    held = {hold.claim.id: hold for hold in holds(context)}
    for group in claim_groups(context.dataset, context):
        positive = [c for c in group.claims if c.modality in POSITIVE]
        reports = sorted({c.report for c in positive})
        relayed = any(c.via for c in positive)
        if len(group.independent) != 1 or (len(reports) < 2 and not relayed):
            continue
        if any(disagreement(context, a, b, held) for a, b in itertools.combinations(positive, 2)):
            continue  # the copies disagree: source.self-contradiction, not relay
        voice = ", ".join(context.dataset.actor(o).name for o in group.independent[0])
        if len(reports) > 1:
            carriers = f"{len(reports)} reports carry"
        else:
            relays = sorted({context.dataset.actor(r).name for c in positive for r in c.via})
            carriers = f"{' and '.join(relays)} {'relays' if len(relays) == 1 else 'relay'}"
        yield Violation(
            f"{carriers} this {positive[0].predicate!r} claim, but all of it rests on one "
            f"voice: {voice} ({group.key}).",
            tuple(positive),
            (
                f"group {group.key!r}: origins {', '.join(group.origins)} form one independent "
                "voice (aligned origins count once; relays and repeats add nothing)",
                *(f"{c.id}: relayed via {', '.join(c.via)}" for c in positive if c.via),
            ),
        )


@rule("SRC003", "source.self-contradiction", Severity.WARNING)
def self_contradiction(context: Context) -> Iterator[Violation]:
    """A party's own figures for one thing contradict each other across time.

    What it flags
    -------------
    Two claims about the same thing from one party's origins (the same origin, or origins
    aligned with one another, acting for a party to the fighting), in reports published on
    different days, whose figures cannot both be true: an error when a curated event id makes
    the sameness certain, a warning when it is inferred. A cumulative toll that rises is a
    revision and is left to `quantity.toll-revised`. These pairs are not reported by
    `quantity.disjoint` as well: the disagreement is within one party.

    Why it matters
    --------------
    A party that changes its own figure without acknowledging a revision is a weak source for
    that figure; analysts want to see both statements and their dates.

    Flagged
    -------
    (Constructed.) The Turkish defence ministry announcing "two" soldiers killed on Wednesday in
    one report and "four" killed that Wednesday in a later one.

    Not flagged
    -----------
    The same ministry's two dead in one report and a monitor's four in another: different
    parties (`quantity.disjoint`).
    """
    for group in claim_groups(context.dataset, context):
        positive = [c for c in group.claims if c.modality in POSITIVE and c.quantity]
        for i, a in enumerate(positive):
            for b in positive[i + 1 :]:
                if not context.one_party_across_time(a, b) or _revision(a, b):
                    continue
                why = disagreement(context, a, b)
                if why is None or a.quantity is None or b.quantity is None:
                    continue
                yield Violation(
                    f"{context.dataset.actor(a.source).name} ({a.report}) and "
                    f"{context.dataset.actor(b.source).name} ({b.report}), on one side, give "
                    f"{a.quantity} and {b.quantity} for the same thing.",
                    (a, b),
                    (
                        f"group {group.key!r}",
                        context.sides(context.roles(a).source, context.roles(b).source),
                        why,
                    ),
                )


def _revision(a: Claim, b: Claim) -> bool:
    """Cumulative counts from one start to different ends: a revision, not a contradiction."""
    if a.when is None or b.when is None or a.predicate not in CUMULATIVE:
        return False
    return a.when.start == b.when.start and a.when.end != b.when.end


RULES: tuple[Rule, ...] = (self_serving, relay_only, self_contradiction)
