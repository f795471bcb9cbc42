"""Rules about attribution: who did it, and who says it did not happen."""

from __future__ import annotations

from collections.abc import Iterator

from crosscheck.agency import agent_disputes, occurrence_disputes
from crosscheck.engine import Context
from crosscheck.findings import Severity, Violation
from crosscheck.incidents import ConflictKind, Dispute
from crosscheck.registry import Rule, rule
from crosscheck.rules._disputes import severity, summary, violation

__all__ = ["RULES"]


def _rivals(dispute: Dispute) -> bool:
    return any(conflict.kind is ConflictKind.RIVAL for conflict in dispute.conflicts)


@rule("ATT001", "attribution.rival-agents", Severity.ERROR)
def rival_agents(context: Context) -> Iterator[Violation]:
    """Sources credit one act to agents on rival sides.

    What it flags
    -------------
    One finding per incident whose claims name agents on rival sides for one act — an attack,
    a killing, a launch, a capture, a downing, a town taken — however many reports and
    predicates repeat the blame. Agents are rivals when they act for no common party
    (following `part_of` and `aligned_with` upwards from each agent and from each of its
    members) and no claim of the incident names them acting together. The claims are grouped
    into positions by the side they blame; a denial of an agent's part ("Moscow denies its
    forces fired") joins the dispute as a position of its own. An error when every conflicting
    claim carries the incident's curated event id and is asserted; a warning when the incident
    is inferred, or when the blame rests only on hedged claims.

    Why it matters
    --------------
    Blame is the most contested fact in a war's reporting; when two sources blame different
    sides for the same strike, the reader must know both positions and who holds them.

    Flagged
    -------
    (Constructed.) "a Thursday airstrike blamed on Damascus killed 34 Turkish soldiers"
    against a report that the strike on the same Turkish soldiers was Russian.

    Not flagged
    -----------
    "Turkish forces and their Syrian proxies retook the key town of Saraqib on Thursday"
    against "allied rebels then re-entered the town on Thursday, February 27", where the
    rebels are curated as aligned with Turkey: one side. "The Syrian and Russian air forces
    struck" against "Russian jets struck": allies named together.
    """
    for dispute in agent_disputes(context):
        if not _rivals(dispute):
            continue
        message = (f"Sources disagree on {dispute.subject} ({dispute.incident.label}): "
                   f"{summary(context, dispute)}.")  # fmt: skip
        yield violation(context, dispute, message, severity(dispute))


@rule("ATT002", "attribution.denied", Severity.ERROR)
def denied(context: Context) -> Iterator[Violation]:
    """A source denies what another source asserts.

    What it flags
    -------------
    A denial and the claims it contradicts, one finding per incident and aspect: a denial of
    an agent's part ("we did not fire", `denies = "agent"`, the default for a denial naming
    an agent of an attributed act) against claims naming that agent or an actor within it,
    when no rival agent is named (then `attribution.rival-agents` reports the dispute, the
    denial included); and a denial that the thing happened at all (`denies = "event"`)
    against claims that it did, about the same time. A denial covers only what it denies: it
    never conflicts with claims that name no agent, or another one. Silence ("state media is
    silent") is never a denial. An error with a curated event id, a warning when inferred.

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
    "Moscow denies its forces fired" against "a missile struck the station": it names no
    agent.
    """
    for dispute in (*agent_disputes(context), *occurrence_disputes(context)):
        if _rivals(dispute):
            continue
        message = (f"Sources disagree on {dispute.subject} ({dispute.incident.label}): "
                   f"{summary(context, dispute)}.")  # fmt: skip
        yield violation(context, dispute, message, severity(dispute))


RULES: tuple[Rule, ...] = (rival_agents, denied)
