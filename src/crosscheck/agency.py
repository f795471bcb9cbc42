"""Who did it, and whether it happened: the attribution aspects of an incident.

**Who did it.** The claims of an incident that credit or blame an agent and the denials of an
agent's part ("Moscow denies its forces fired") form one aspect per act (`agent_act`): the
strike — killed, wounded, attacked, shot down, and the launch of what struck — judged once
however many predicates repeat the blame, and each other act (the taking of a town, a capture)
on its own. Two positive claims conflict when they are about one act (`same_act`: patients the
same, one within the other, or one not given, and neither done to the other's agent — a
downing of the attacker's missiles answers the attack) and no agent of one is allied with any
agent of the other: on one side (`Context.same_side`), or named together as acting jointly by
a claim of the incident ("the Syrian and Russian air forces struck"). A denial of an agent's
part conflicts only with claims naming that agent or an actor within it (`part_of`) — never
with claims that name no agent, nor with its allies — and, when it names a patient ("the
coalition denied targeting civilians"), only with claims about that group or one within it.

**Whether it happened.** A denial that the thing happened at all (`denies = "event"`; a denial
naming no agent; any denial of a predicate that blames nobody, such as a meeting) conflicts with
the incident's claims about the same thing (`Context.sameness`, whatever their modality) when
their dates overlap — or, when one of them is undated, when both carry the event id: a plan
denied one week and announced the next is superseded, not contradicted. A denial naming a
patient covers that group and the groups within it ("no civilians were killed" against "five
children were killed"), not a figure that names nobody (everyone harmed may have been
fighters).

Agents named together by a claim of the incident are allies there, and so is everyone acting
for their sides: "Afghan special forces, accompanied by US special forces" makes a claim that
Afghan forces struck and one that US forces struck two accounts of one side's act. Sides that
another claim of the incident sets against each other (one attacking or fighting the other)
are not made allies: "caught in crossfire between" two armies is no joint act.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

import attrs

from crosscheck.components import Components
from crosscheck.engine import Context
from crosscheck.incidents import Conflict, ConflictKind, Dispute, Incident, incidents, judge
from crosscheck.model import Claim
from crosscheck.vocabulary import (
    ATTRIBUTED,
    HARMS,
    HOLDING,
    POSITIVE,
    PREDICATES,
    STRIKE,
    SYMMETRIC,
    ActorKind,
    Denial,
    Modality,
    done_by,
)

__all__ = ["Joint", "agent_act", "agent_disputes", "occurrence_disputes", "same_act"]


def same_act(context: Context, a: Claim, b: Claim) -> bool:
    """Whether two claims of one incident can be about one act: the same patient, one within
    the other, or one of them naming none — and neither done to the other's agent (air
    defences downing the missiles of a strike answer the strike; they are not its agent). A
    downing that names no patient is one act only with other downings: whose aircraft or
    missiles it downed is what tells an interception from the strike itself."""
    ra, rb = context.roles(a), context.roles(b)
    x, y = ra.patient, rb.patient
    if a.predicate != b.predicate and (
        (a.predicate == "shot_down" and x is None) or (b.predicate == "shot_down" and y is None)
    ):
        return False
    if not (x is None or y is None or context.part_of(x, y) or context.part_of(y, x)):
        return False
    return not (
        (x is not None and context.allied([x], rb.agents))
        or (y is not None and context.allied([y], ra.agents))
    )


def agent_act(claim: Claim) -> str:
    """Which act of an incident a claim's agent is named for: the strike — every predicate of
    an attack, and the launch of what struck — or the claim's own predicate (the taking of a
    town, a capture): agents are compared only within one act."""
    return "strike" if claim.predicate in STRIKE | {"launched"} else claim.predicate


@attrs.frozen
class Joint:
    """The sides that claims of an incident name acting together ("Afghan special forces,
    accompanied by US special forces advisers"): in that incident, whoever acts for one of
    them is an ally of whoever acts for another — unless a claim of the incident sets the two
    against each other (one attacking, fighting or taking from the other): sides caught in
    one crossfire are not partners."""

    context: Context
    camps: tuple[frozenset[str], ...]
    """The parties of each group of sides named together."""

    @classmethod
    def of(cls, context: Context, incident: Incident) -> Joint:
        """The joint sides of `incident`."""
        opposed = [
            (agent, roles.patient)
            for claim in incident.claims
            if claim.modality in POSITIVE
            and (claim.predicate in HARMS or claim.predicate in SYMMETRIC)
            and (roles := context.roles(claim)).patient is not None
            for agent in roles.agents
        ]

        def against(x: str, y: str) -> bool:
            side = context.same_side
            return any((side(x, g) and side(y, p)) or (side(y, g) and side(x, p))
                       for g, p in opposed)  # fmt: skip

        together = Components()
        named: set[str] = set()
        for claim in incident.claims:
            agents = context.roles(claim).agents
            if claim.modality not in POSITIVE or len(agents) < 2:
                continue
            if any(against(x, y) for x in agents for y in agents if x < y):
                continue
            named |= set(agents)
            for other in agents[1:]:
                together.join(agents[0], other)
        groups: dict[str, set[str]] = defaultdict(set)
        for agent in sorted(named):
            groups[together.root(agent)] |= context.camps(agent)
        return cls(context, tuple(frozenset(groups[root]) for root in sorted(groups)))

    def allied(self, x: str, y: str) -> bool:
        """Whether two agents are on one side, or act for sides named acting together."""
        if self.context.same_side(x, y):
            return True
        mine, theirs = self.context.camps(x), self.context.camps(y)
        return any(mine & camps and theirs & camps for camps in self.camps)


def _covers(context: Context, denied: str | None, told: str | None) -> bool:
    """Whether a denial naming patient `denied` covers a claim naming `told`: the same group
    or one within it. A claim naming nobody is covered unless the denial names people acted
    upon: "we did not target civilians" says whom it did not harm, not that nothing was done,
    while "Russia had no part in the downing of the airliner" denies the act itself."""
    if denied is None:
        return True
    if told is not None:
        return context.part_of(told, denied)
    return context.dataset.actor(denied).kind is not ActorKind.PEOPLE


def _names(context: Context, ids: Iterable[str]) -> str:
    return " and ".join(context.dataset.actor(i).name for i in ids)


def _agent_conflict(context: Context, a: Claim, b: Claim, together: Joint) -> Conflict | None:
    if not same_act(context, a, b):
        return None
    if a.predicate in HOLDING and a.when and b.when and not a.when.overlaps(b.when):
        return None  # a town taken by one side, then by the other weeks later: two takings
    agents_a, agents_b = context.roles(a).agents, context.roles(b).agents
    denial_a, denial_b = a.modality is Modality.DENIED, b.modality is Modality.DENIED
    if denial_a and denial_b:
        return None
    if denial_a or denial_b:
        denial, claim = (a, b) if denial_a else (b, a)
        denied, named = (agents_a, agents_b) if denial_a else (agents_b, agents_a)
        if not _covers(context, context.roles(denial).patient, context.roles(claim).patient):
            return None  # "did not target civilians" says nothing of a strike on fighters
        hit = sorted({n for n in named for d in denied if context.part_of(n, d)})
        if not hit:
            return None
        return Conflict(denial, claim, f"{denial.id} denies the part of "
                        f"{_names(context, denied)}, which {claim.id} names "
                        f"({_names(context, hit)})", ConflictKind.DENIED)  # fmt: skip

    if any(together.allied(x, y) for x in agents_a for y in agents_b):
        return None
    sides = context.sides(agents_a[0], agents_b[0])
    return Conflict(a, b, f"{a.id} names {_names(context, agents_a)}, {b.id} names "
                    f"{_names(context, agents_b)}: {sides}", ConflictKind.RIVAL)  # fmt: skip


def _agent_reading(context: Context, claims: Sequence[Claim]) -> str:
    said: dict[str, int] = defaultdict(int)
    for claim in claims:
        roles = context.roles(claim)
        who = _names(context, roles.agents)
        if claim.modality is Modality.DENIED:
            against = roles.patient
            people = against is not None and (
                context.dataset.actor(against).kind is ActorKind.PEOPLE)  # fmt: skip
            who = f"not {who}" + (f" against {context.dataset.actor(against).name}"
                                  if against is not None and people else "")  # fmt: skip
        said[who] += 1
    return "; ".join(sorted(said, key=lambda s: (-said[s], s)))


def agent_disputes(context: Context) -> tuple[Dispute, ...]:
    """One dispute per act of an incident whose claims disagree on who did it (aspect
    "agent:strike", "agent:took", …)."""

    def make() -> tuple[Dispute, ...]:
        found = []
        for incident in incidents(context):
            acts: dict[str, list[Claim]] = defaultdict(list)
            for c in incident.claims:
                if (c.predicate in ATTRIBUTED and context.roles(c).agents
                        and (c.modality in POSITIVE or c.denial is Denial.AGENT)):  # fmt: skip
                    acts[agent_act(c)].append(c)
            if not any(len(claims) > 1 for claims in acts.values()):
                continue
            together = Joint.of(context, incident)
            for act, claims in sorted(acts.items()):
                conflicts = [
                    conflict
                    for i, a in enumerate(claims)
                    for b in claims[i + 1 :]
                    if (conflict := _agent_conflict(context, a, b, together))
                ]
                subject = f"who {done_by(c.predicate for c in claims)}"
                places = {p for c in claims if (p := context.roles(c).place) is not None}
                widest = [p for p in places if all(context.within(q, p) for q in places)]
                if widest:  # "who took Saraqeb", "who entered Ukraine"
                    subject = subject.replace("the place", context.dataset.place(widest[0]).name)
                dispute = judge(context, incident, f"agent:{act}", subject, claims, conflicts,
                                lambda group: _agent_reading(context, group))  # fmt: skip
                if dispute is not None:
                    found.append(dispute)
        return tuple(found)

    return context.cached("agent-disputes", make)


def _occurrence_conflict(context: Context, denial: Claim, claim: Claim) -> Conflict | None:
    if claim.predicate in SYMMETRIC:  # who met whom: either way round, as sameness reads it
        if context.sameness(denial, claim, ignore={"modality"}) is None:
            return None
    else:
        if context.sameness(denial, claim, ignore={"modality", "patient"}) is None:
            return None
        if not _covers(context, context.roles(denial).patient, context.roles(claim).patient):
            return None  # "no civilians were killed" covers the children, not everyone harmed
    where, told_at = context.roles(denial).place, context.roles(claim).place
    if where is not None and (told_at is None or not context.within(told_at, where)):
        return None  # "no missile was launched from south of Snizhne": not a launch elsewhere
    if denial.when is not None and claim.when is not None:
        if not denial.when.overlaps(claim.when):
            return None  # a plan denied one week and announced the next: superseded
    elif denial.event is None or denial.event != claim.event:
        return None  # undated: only a shared event id says it is about the same time
    verb = "announces" if claim.modality is Modality.PLANNED else "reports"
    return Conflict(denial, claim, f"{denial.id} denies that it happened; {claim.id} {verb} "
                    "it", ConflictKind.DENIED)  # fmt: skip


def _occurrence_reading(context: Context, claims: Sequence[Claim]) -> str:
    """ "it happened", "it did not happen", "it did not happen at the area south of
    Snizhne" (a denial that names a place denies it there)."""
    denials = [c for c in claims if c.modality is Modality.DENIED]
    if not denials:
        return "it happened"
    places = sorted({p for c in denials if (p := context.roles(c).place) is not None})
    where = " or ".join(context.dataset.place(p).name for p in places)
    if where and all(context.roles(c).place is not None for c in denials):
        return f"it did not happen at {where}"
    return "it did not happen"


def occurrence_disputes(context: Context) -> tuple[Dispute, ...]:
    """One dispute per incident and predicate whose claims disagree on whether it happened."""

    def make() -> tuple[Dispute, ...]:
        found = []
        for incident in incidents(context):
            found.extend(_occurrences(context, incident))
        return tuple(found)

    return context.cached("occurrence-disputes", make)


def _occurrences(context: Context, incident: Incident) -> list[Dispute]:
    by_predicate: dict[str, list[Claim]] = defaultdict(list)
    for claim in incident.claims:
        if claim.modality in POSITIVE | {Modality.PLANNED} or claim.denial is Denial.EVENT:
            by_predicate[claim.predicate].append(claim)
    found = []
    for predicate in sorted(by_predicate):
        claims = by_predicate[predicate]
        denials = [c for c in claims if c.modality is Modality.DENIED]
        conflicts = [
            conflict
            for denial in denials
            for claim in claims
            if claim.modality is not Modality.DENIED
            and (conflict := _occurrence_conflict(context, denial, claim))
        ]
        involved = sorted({c for conflict in conflicts for c in (conflict.a, conflict.b)},
                          key=lambda c: c.id)  # fmt: skip
        agents = set.intersection(*(set(context.roles(c).agents) for c in involved)) if (
            involved) else set()  # fmt: skip
        by = f" by {_names(context, sorted(agents))}" if agents else ""
        dispute = judge(context, incident, f"occurrence:{predicate}",
                        f"whether {PREDICATES[predicate].act}{by} happened", involved, conflicts,
                        lambda group: _occurrence_reading(context, group))  # fmt: skip
        if dispute is not None:
            found.append(dispute)
    return found
