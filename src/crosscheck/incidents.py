"""Incidents, and disputes about their aspects: one finding per real disagreement.

Real reporting of one strike has many voices over days. The claims about one thing form an
*incident*: claims sharing a curated event id, joined by claims without one that sameness
infers are about the same thing (see `Context.sameness`), and by the parts of their totals. A
claim without an event id that matches claims of two different events joins neither: it is
its own incident.

Each *aspect* of an incident — each measure per patient, who did it, whether it happened, when,
where, who held a place — is judged once. A rule lists the aspect's claims and the pairs that
cannot both be true; `judge` turns them into one `Dispute`: the claims grouped into positions
(see `crosscheck.positions`), each with its independent voices, the odd one out when one
position stands alone, and whether the dispute is certain (every conflicting claim carries the
incident's event id) and whether it rests only on hedged claims.
"""

from __future__ import annotations

import datetime
import enum
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

import attrs

from crosscheck.components import Components
from crosscheck.model import Claim
from crosscheck.positions import Partition, Position, partition, voice_weights
from crosscheck.sameness import act_kind, acts_differ, namespace
from crosscheck.vocabulary import HEDGED, POSITIVE, SYMMETRIC, Modality

if TYPE_CHECKING:
    from crosscheck.engine import Context

__all__ = ["Conflict", "ConflictKind", "Dispute", "Incident", "Incidents", "incidents", "judge"]


@attrs.frozen
class Incident:
    """Claims about one incident."""

    key: str
    """The curated event id, or for an inferred incident ``~`` and what it is about:
    "~killed:civilians@kramatorsk:2022-04-08" (see `incidents`), or for events of several
    datasets found to be one, their ids joined by "=": "acled:SYR52703=ged:336685"."""
    event: str | None
    """The curated event id, if the incident has one (and only one)."""
    claims: tuple[Claim, ...]
    """Sorted by id."""
    matched: tuple[str, ...] = ()
    """The event ids of several datasets inferred to name this one incident, sorted."""

    @property
    def label(self) -> str:
        """How messages name it: its event id, the ids matched, or "inferred"."""
        if self.matched:
            return f"{' = '.join(self.matched)} (inferred)"
        return self.event or "no event id: inferred"


@attrs.frozen
class Incidents:
    """Every claim's incident."""

    by_key: Mapping[str, Incident]
    of: Mapping[str, str]
    """Claim id → incident key."""

    def incident(self, claim: Claim) -> Incident:
        """The incident `claim` belongs to."""
        return self.by_key[self.of[claim.id]]

    def __iter__(self) -> Iterator[Incident]:
        """Every incident, by key."""
        return iter([self.by_key[key] for key in sorted(self.by_key)])


def incidents(context: Context) -> Incidents:
    """The dataset's incidents, built once per context."""
    return context.cached("incidents", lambda: _build(context))


def _build(context: Context) -> Incidents:
    loose = Components()  # claims without an event id, joined by inferred sameness
    events: dict[str, set[str]] = defaultdict(set)  # loose claim id → events it matches
    linkable = [c for c in context.claims if c.modality in POSITIVE | {Modality.DENIED}]
    partners: dict[tuple[str, str], set[str]] = defaultdict(set)  # (event, dataset) → events
    for a, b in context.related_pairs(linkable):
        if a.event is not None and b.event is not None:
            if a.event != b.event and context.sameness(a, b, ignore={"modality", "agent"}):
                partners[a.event, namespace(b.event)].add(b.event)
                partners[b.event, namespace(a.event)].add(a.event)
            continue
        if context.sameness(a, b, ignore={"modality", "agent"}) is None:
            continue
        if a.event is None and b.event is None:
            loose.join(a.id, b.id)
        else:
            free, bound = (a, b) if a.event is None else (b, a)
            assert bound.event is not None
            events[free.id].add(bound.event)
    by_id = {claim.id: claim for claim in context.claims}
    for claim in context.claims:  # a part is about its total's incident, wherever it is
        total = by_id.get(claim.total) if claim.total is not None else None
        if total is None or claim.event is not None:
            continue
        if total.event is None:
            loose.join(claim.id, total.id)
        else:
            events[claim.id].add(total.event)
    merged = _merged_events(partners, _acts(context))
    matched: dict[str, set[str]] = defaultdict(set)  # loose component root → events
    for claim_id, found in events.items():
        matched[loose.root(claim_id)] |= {merged.get(event, event) for event in found}
    members: dict[str, list[Claim]] = defaultdict(list)
    inferred: dict[str, list[Claim]] = defaultdict(list)
    for claim in context.claims:
        if claim.event is not None:
            members[merged.get(claim.event, claim.event)].append(claim)
            continue
        root = loose.root(claim.id)
        found = matched.get(root, set())
        if len(found) == 1:
            members[next(iter(found))].append(claim)
        else:
            inferred[root].append(claim)
    named: dict[str, list[list[Claim]]] = defaultdict(list)
    for claims in inferred.values():
        named[_inferred_key(context, claims)].append(claims)
    for key, groups in named.items():
        if len(groups) == 1:
            members[key] = groups[0]
            continue
        # "since March 2011" as of 2016 and as of 2020: the same first day, different last ones
        ends = [_inferred_key(context, claims, last=True) for claims in groups]
        for claims, longer in zip(groups, ends, strict=True):
            members[longer if ends.count(longer) == 1 else f"{longer}:{claims[0].id}"] = claims
    joined = set(merged.values())
    by_key = {
        key: Incident(
            key,
            None if key.startswith("~") or key in joined else key,
            tuple(claims),
            tuple(key.split(_JOINED)) if key in joined else (),
        )
        for key, claims in members.items()
    }
    of = {claim.id: key for key, claims in members.items() for claim in claims}
    return Incidents(by_key, of)


_JOINED = "="


def _acts(context: Context) -> dict[str, frozenset[str]]:
    """What kinds of act each event is, as its claims say (`crosscheck.sameness.act_kind`)."""
    found: dict[str, set[str]] = defaultdict(set)
    for claim in context.claims:
        if claim.event is None:
            continue
        patient = context.roles(claim).patient
        kind = act_kind(claim, patient is not None and not context.is_party(patient))
        if kind is not None:
            found[claim.event].add(kind)
    return {event: frozenset(kinds) for event, kinds in found.items()}


def _merged_events(
    partners: Mapping[tuple[str, str], set[str]], acts: Mapping[str, frozenset[str]]
) -> dict[str, str]:
    """The events of different datasets that are one incident, each mapped to the incident's
    key (their ids, sorted, joined by "="). Two events are joined when each is the other's
    only match in the other's dataset: a record that matches two records of another dataset
    (a strike and a shelling nearby, a day apart) joins neither, as a claim matching two events
    joins neither. Nor are two events of different kinds of act joined
    (`crosscheck.sameness.acts_differ`)."""
    none: frozenset[str] = frozenset()
    kept = {key: {other for other in found if not acts_differ(acts.get(key[0], none),
                                                               acts.get(other, none))}
            for key, found in partners.items()}  # fmt: skip
    joined = Components()
    for (event, _space), found in sorted(kept.items()):
        if len(found) != 1:
            continue
        other = next(iter(found))
        if kept.get((other, namespace(event))) == {event}:
            joined.join(event, other)
    groups: dict[str, list[str]] = defaultdict(list)
    for event, _space in partners:
        groups[joined.root(event)].append(event)
    merged: dict[str, str] = {}
    for group in groups.values():
        events = sorted(set(group))
        spaces = [namespace(event) for event in events]
        if len(set(spaces)) < len(spaces):
            continue  # a chain through other datasets would join two events of one: none
        if len(events) > 1:
            key = _JOINED.join(events)
            merged |= dict.fromkeys(events, key)
    return merged


def _inferred_key(context: Context, claims: Sequence[Claim], *, last: bool = False) -> str:
    """The key of an inferred incident, from what its claims are about rather than their ids,
    so that an agreeing claim arriving later leaves it (and the fingerprints of its findings)
    unchanged: ``~`` and the predicate, patient (both parties, for a symmetric predicate such
    as a meeting), place and first day of its most precise claims — the narrowest dates, then
    the first in that order — "~killed:civilians@kramatorsk:2022-04-08". Two inferred
    incidents with one key add that claim's last day (`last`: "…:2011-03-01..2016-03-14"),
    and if they still share one, the smallest claim id of each."""

    def width(claim: Claim) -> int:
        return _UNDATED if claim.when is None else (claim.when.end - claim.when.start).days

    def about(claim: Claim) -> tuple[str, str, str]:
        roles = context.roles(claim)
        if claim.when is None:
            day = ""
        elif claim.when.start == datetime.date.min:
            day = f"by-{claim.when.end}"
        else:
            day = claim.when.start.isoformat()
            if last and claim.when.end != claim.when.start:
                day += f"..{claim.when.end}"
        parties = [roles.patient] if claim.predicate not in SYMMETRIC else [
            roles.patient, *roles.agents]  # fmt: skip
        who = "+".join(sorted(p for p in parties if p is not None))
        return (day, who, roles.place or "")

    narrowest = min(width(claim) for claim in claims)
    day, who, place = min(about(c) for c in claims if width(c) == narrowest)
    return "~" + ":".join(filter(None, (claims[0].predicate, who))) + (
        f"@{place}" if place else "") + (f":{day}" if day else "")  # fmt: skip


_UNDATED = 1 << 30
"""The precision of an undated claim: less than any date's."""


class ConflictKind(enum.StrEnum):
    """What sort of conflict two claims are in, for rules that split one family of disputes."""

    DISJOINT = "disjoint"
    """One measure of one node, figures that do not overlap."""
    PART = "part"
    """A part's figure above its whole's."""
    FELL = "fell"
    """A toll's later figure below an earlier one."""
    SAME_TIME = "same time"
    """Two tolls stated together that cannot both hold."""
    RIVAL = "rival"
    """Rival sides named for one act, or as holding one place."""
    EXTENT = "extent"
    """All of a place held, against only part of it or its being contested."""
    DENIED = "denied"
    """A denial against what it denies."""
    DATED_APART = "dated apart"
    """One act dated on days that do not overlap."""
    APART = "apart"
    """One act put at places neither of which contains the other."""
    OTHER = "other"
    """Any other reason (a plugin rule's)."""


@attrs.frozen
class Conflict:
    """Two claims of one aspect that cannot both be true, and why."""

    a: Claim
    b: Claim
    reason: str
    kind: ConflictKind = ConflictKind.OTHER


@attrs.frozen
class Dispute:
    """One aspect of one incident on which sources disagree, judged once."""

    incident: Incident
    aspect: str
    """A stable key naming the aspect within the incident: "killed:civilians:person",
    "agent", "date", "place:strike", …"""
    subject: str
    """The aspect in words, for messages: "the number of civilians killed"."""
    claims: tuple[Claim, ...]
    """Every claim about the aspect, sorted by id."""
    conflicts: tuple[Conflict, ...]
    positions: tuple[Position, ...]
    """The claims grouped into positions that agree, heaviest first; they partition `claims`."""
    exact: bool
    """False when the grouping fell back to a greedy choice (see `crosscheck.positions`)."""
    certain: bool
    """Whether every conflicting claim carries the incident's curated event id."""
    hedged: bool
    """Whether the disagreement rests only on hedged (claimed, unconfirmed) claims: without
    them, no conflict would be left."""
    one_voice: bool
    """Whether every conflict lies within one independent voice (a source contradicting
    itself)."""

    @property
    def odd_one_out(self) -> Position | None:
        """The position that stands alone, if one does (see `Position.alone`)."""
        return next((p for p in self.positions if p.alone), None)

    def position_of(self, claim: Claim) -> Position:
        """The position `claim` belongs to."""
        return next(p for p in self.positions if claim.id in p.claims)

    def explanation(self) -> list[str]:
        """The pairwise detail and the voices behind each position, for a finding's
        explanation (the positions themselves are the finding's)."""
        lines = []
        for conflict in self.conflicts[:_SHOWN]:
            lines.append(f"{conflict.a.id} and {conflict.b.id}: {conflict.reason}")
        if len(self.conflicts) > _SHOWN:
            lines.append(f"… and {len(self.conflicts) - _SHOWN} more conflicting pairs")
        for number, position in enumerate(self.positions, start=1):
            voices = "; ".join(", ".join(v) for v in position.voices) or "no positive claim"
            lines.append(f"position {number} rests on {position.independent} independent "
                         f"voice(s): {voices}")  # fmt: skip
        if not self.exact:
            lines.append("the positions were grouped greedily: too many claims conflict to "
                         "weigh every grouping")  # fmt: skip
        if self.hedged:
            lines.append("the disagreement rests only on hedged claims (claimed or "
                         "unconfirmed): at most a warning")  # fmt: skip
        return lines


_SHOWN = 12
"""Conflicting pairs listed in an explanation before the rest are counted."""


def judge(
    context: Context,
    incident: Incident,
    aspect: str,
    subject: str,
    claims: Sequence[Claim],
    conflicts: Iterable[Conflict],
    reading: Callable[[list[Claim]], str],
    *,
    weigh_by: Callable[[Claim], object] | None = None,
) -> Dispute | None:
    """The dispute of one aspect, or None when none of its claims conflict.

    `reading` says in words what a position's claims say. Positions weigh each independent
    voice as 1 in all (a hedged claim half as much), and keep a voice that does not contradict
    itself in one position; with `weigh_by`, each value it gives (a report id, for dates)
    weighs and keeps together instead. A position stands alone when it is the only one resting
    on a single voice (or report), that voice stands behind no other position, and the others
    rest on two or more; a dispute within one voice has no odd one out.
    """
    found = sorted(conflicts, key=lambda c: (c.a.id, c.b.id))
    if not found:
        return None
    ordered = sorted(claims, key=lambda c: c.id)
    by_id = {claim.id: claim for claim in ordered}
    voice = voices_of(context, ordered)
    key: Callable[[Claim], object] = (lambda c: voice[c.id]) if weigh_by is None else weigh_by
    keys = {c.id: key(c) for c in ordered}
    hedged = {c.id for c in ordered if c.modality in HEDGED}
    pairs = [(c.a.id, c.b.id) for c in found]
    # what each claim says, and when: a copy of a claim stands with it (a toll of 100 in the
    # morning and the same 100 a year on are not one statement)
    saying = {c.id: (reading([c]), context.stated(c).order) for c in ordered}
    grouped: Partition = partition(by_id, pairs, voice_weights(keys, hedged), keys, saying)
    positions = [_position(context, [by_id[i] for i in group], voice, reading)
                 for group in grouped.groups]  # fmt: skip
    one_voice = all(voice[c.a.id] == voice[c.b.id] for c in found)
    within_one = all(keys[c.a.id] == keys[c.b.id] for c in found)
    behind = [{keys[i] for i in group} for group in grouped.groups]
    lone = [i for i, found_keys in enumerate(behind) if len(found_keys) == 1]
    if len(lone) == 1 and len(positions) > 1 and not within_one:
        others = set().union(*(k for i, k in enumerate(behind) if i != lone[0]))
        if len(others) >= 2 and not behind[lone[0]] & others:
            positions[lone[0]] = attrs.evolve(positions[lone[0]], alone=True)
    involved = {claim.id for c in found for claim in (c.a, c.b)}
    certain = incident.event is not None and all(
        by_id[claim_id].event == incident.event for claim_id in involved
    )
    only_hedged = all(c.a.modality in HEDGED or c.b.modality in HEDGED for c in found)
    return Dispute(incident, aspect, subject, tuple(ordered), tuple(found), tuple(positions),
                   grouped.exact, certain, only_hedged, one_voice)  # fmt: skip


def voices_of(context: Context, claims: Sequence[Claim]) -> dict[str, tuple[str, ...]]:
    """Each claim's independent voice: the cluster of aligned origins its origin is in."""
    origins = sorted({context.roles(c).source for c in claims})
    cluster = {origin: voice for voice in context.voices(origins) for origin in voice}
    return {claim.id: cluster[context.roles(claim).source] for claim in claims}


def _position(
    context: Context,
    claims: list[Claim],
    voice: Mapping[str, tuple[str, ...]],
    reading: Callable[[list[Claim]], str],
) -> Position:
    origins = tuple(sorted({context.roles(c).source for c in claims}))
    voices = tuple(sorted({voice[c.id] for c in claims}))
    return Position(tuple(sorted(c.id for c in claims)), origins, voices, reading(claims))
