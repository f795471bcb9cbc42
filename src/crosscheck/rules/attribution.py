"""Rules about attribution: who did it, and who says it did not happen."""

from __future__ import annotations

from collections.abc import Iterator

from crosscheck.engine import ATTRIBUTED, POSITIVE, Context
from crosscheck.findings import Severity, Violation
from crosscheck.model import Modality
from crosscheck.registry import Rule, rule

__all__ = ["RULES"]


@rule("ATT001", "attribution.rival-agents", Severity.ERROR)
def rival_agents(context: Context) -> Iterator[Violation]:
    """Sources credit the same act to agents on rival sides.

    What it flags
    -------------
    Two claims about the same act — an attack, a killing, a capture, a downing, a town taken —
    that name agents on rival sides: agents that act for no common party, following `part_of`
    and `aligned_with` upwards from each agent and from each of its members. Certain with a
    shared event id (an error), otherwise inferred from predicate, patient, place and
    overlapping dates (a warning).

    Why it matters
    --------------
    Blame is the most contested fact in a war's reporting; when two sources blame different
    sides for the same strike, the reader must know both claims and who made them.

    Flagged
    -------
    (Constructed.) "a Thursday airstrike blamed on Damascus killed 34 Turkish soldiers"
    against a report that the strike on the same Turkish soldiers was Russian.

    Not flagged
    -----------
    "Turkish forces and their Syrian proxies retook the key town of Saraqib on Thursday"
    against "allied rebels then re-entered the town on Thursday, February 27", where the
    rebels are curated as aligned with Turkey: one side.
    """
    claims = [c for c in context.claims if c.predicate in ATTRIBUTED and c.agent is not None
              and c.modality in POSITIVE]  # fmt: skip
    for a, b in context.related_pairs(claims):
        agent_a, agent_b = context.roles(a).agent, context.roles(b).agent
        if agent_a is None or agent_b is None or context.same_side(agent_a, agent_b):
            continue
        sameness = context.sameness(a, b, ignore={"agent"})
        if sameness is None:
            continue
        names = [context.dataset.actor(x).name for x in (agent_a, agent_b)]
        yield Violation(
            f"{context.who(a)} credits {a.predicate!r} to {names[0]}, {context.who(b)} to "
            f"{names[1]}, who act for rival sides.",
            (a, b),
            (sameness.explain(), context.sides(agent_a, agent_b)),
            None if sameness.certain else Severity.WARNING,
        )


@rule("ATT002", "attribution.denied", Severity.ERROR)
def denied(context: Context) -> Iterator[Violation]:
    """A source explicitly denies what another source asserts, about the same time.

    What it flags
    -------------
    A claim with modality `denied` and a claim about the same thing put forward as true (or
    announced as planned) by another source — or by the same source, which then contradicts
    itself. Sameness is certain with a shared event id (an error), otherwise inferred (a
    warning); in both cases the dates must overlap, so a plan denied one week and announced
    the next is a change, not a contradiction. Silence ("state media is silent") is never a
    denial.

    Why it matters
    --------------
    A denial is the clearest signal that a claim is contested; analysts weigh the two sides'
    interests and track which one later proves right.

    Flagged
    -------
    (Constructed.) "the Turkish defense ministry announced the death of two Turkish soldiers,
    killed on Wednesday" against Damascus denying any Turkish soldier died on Wednesday.

    Not flagged
    -----------
    "Peskov said there were no plans currently for President Vladimir Putin and Turkish
    President Tayyip Erdogan to meet" (6 Feb 2020) against "Erdogan is set to meet Russian
    President Vladimir Putin in Moscow on Thursday" (5 Mar 2020): superseded, not contradicted.
    """
    denials = [c for c in context.claims if c.modality is Modality.DENIED]
    others = [c for c in context.claims if c.modality in POSITIVE | {Modality.PLANNED}]
    for a, b in context.related_pairs([*denials, *others]):
        denial, claim = (a, b) if a.modality is Modality.DENIED else (b, a)
        if denial.modality is not Modality.DENIED or claim.modality is Modality.DENIED:
            continue
        sameness = context.sameness(denial, claim, ignore={"modality"})
        if sameness is None:
            continue
        if denial.when is None or claim.when is None or not denial.when.overlaps(claim.when):
            continue
        yield Violation(
            f"{context.who(denial)} denies what {context.who(claim)} "
            f"{'announces' if claim.modality is Modality.PLANNED else 'reports'}: "
            f"{claim.predicate!r} ({claim.quote[:60]}{'…' if len(claim.quote) > 60 else ''}).",
            (denial, claim),
            (sameness.explain(), "the dates overlap"),
            None if sameness.certain else Severity.WARNING,
        )


RULES: tuple[Rule, ...] = (rival_agents, denied)
