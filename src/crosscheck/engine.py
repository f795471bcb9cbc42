"""The engine: run rules over a dataset and return explained, sorted findings.

`check` is pure — no I/O — and deterministic: findings are sorted, and the same dataset in any
order of reports, claims, actors or places gives the same findings. Rules see the dataset through
a `Context`, which resolves every name once, indexes claims so candidate pairs come from blocks
of claims sharing a key rather than from all pairs, and says whether two claims are about the
same thing, and why.
"""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Callable, Collection, Hashable, Iterable, Iterator, Sequence
from typing import Protocol, TypeVar

import attrs

from crosscheck._gc import paused
from crosscheck.components import Components
from crosscheck.findings import CitedClaim, Finding, Violation, fingerprint
from crosscheck.incidents import incidents, voices_of
from crosscheck.model import Actor, Claim, Dataset, Place
from crosscheck.names import fold
from crosscheck.positions import Position
from crosscheck.registry import Rule, RuleError, RuleFailedError, load_rules, select_rules
from crosscheck.relations import Relations
from crosscheck.timing import Stated, stated
from crosscheck.vocabulary import (
    ATTRIBUTED,
    MEASURES,
    PARTY_KINDS,
    POSITIVE,
    SYMMETRIC,
)

__all__ = [
    "ATTRIBUTED",
    "MAX_INCIDENT_DAYS",
    "MEASURES",
    "PARTY_KINDS",
    "POSITIVE",
    "SYMMETRIC",
    "Components",
    "Context",
    "ResolvedRoles",
    "Roles",
    "Sameness",
    "check",
    "check_context",
]

# ATTRIBUTED, MEASURES, PARTY_KINDS, POSITIVE and SYMMETRIC live in crosscheck.vocabulary; they
# are named here too for rule authors who imported them from the engine.

MAX_INCIDENT_DAYS = 11
"""The longest date span still read as one incident when sameness is inferred.

"The beginning of February" spans ten days and "late March" eleven (the late third of a month
of 31 days): each may date one attack. "Since December" spans a campaign, and a count over it
is a total, not the count of one incident.
"""


class Roles(Protocol):
    """A claim's roles as canonical ids: `Context.roles` gives a claim whose names are all ids
    already as its own roles, and `ResolvedRoles` for one whose names needed resolving."""

    @property
    def source(self) -> str: ...
    @property
    def agents(self) -> tuple[str, ...]: ...
    @property
    def patient(self) -> str | None: ...
    @property
    def place(self) -> str | None: ...


@attrs.frozen
class ResolvedRoles:
    """The roles of a claim that names an actor or place by alias, resolved to ids."""

    source: str
    agents: tuple[str, ...]
    patient: str | None
    place: str | None


@attrs.frozen
class Sameness:
    """Why two claims are taken to be about the same thing.

    `certain` when a curator gave both the same event id; otherwise inferred from predicate,
    roles, place and dates, and a finding built on it is at most a warning.
    """

    certain: bool
    reasons: tuple[str, ...]

    def explain(self) -> str:
        """One line for a finding's explanation."""
        how = "certain (curated event id)" if self.certain else "inferred (no shared event id)"
        return f"same thing: {how}: {'; '.join(self.reasons)}"


_V = TypeVar("_V")


def _sweep(block: list[Claim]) -> Iterator[tuple[Claim, Claim]]:
    """Pairs of dated claims whose spans share a day, by a sweep in order of start date."""
    dated = sorted((c for c in block if c.when is not None),
                   key=lambda c: (c.when.start, c.id))  # type: ignore[union-attr]  # fmt: skip
    active: list[Claim] = []
    for claim in dated:
        assert claim.when is not None
        start = claim.when.start
        active = [a for a in active if a.when is not None and a.when.end >= start]
        for other in active:
            yield other, claim
        active.append(claim)


def _dated_pairs(block: list[Claim]) -> Iterator[tuple[Claim, Claim]]:
    """Every pair of dated claims whose spans share a day, by trying all pairs."""
    dated = [c for c in block if c.when is not None]
    for a, b in itertools.combinations(dated, 2):
        if a.when is not None and b.when is not None and a.when.overlaps(b.when):
            yield a, b


def _days(claim: Claim) -> int | None:
    if claim.when is None or claim.when.start == datetime.date.min:
        return None
    return (claim.when.end - claim.when.start).days + 1


class Context:
    """A dataset as rules see it: names resolved, claims indexed, sameness explained.

    Everything a rule asks about — a claim's resolved roles, whether a place lies within
    another, whether an actor is part of another, which parties an actor acts for — is
    computed once, by id, when the context is built. With `sweep` (the default), pairs that
    must share a day are found by sweeping each block in date order, so a key shared by
    thousands of claims costs about as many comparisons as there are overlapping pairs;
    without it every pair in a block is tried (the reference the sweep is tested against).
    """

    def __init__(self, dataset: Dataset, *, sweep: bool = True) -> None:
        self.dataset = dataset
        self.sweep = sweep
        self.inherited: dict[str, tuple[str, ...]] = {}
        """For each part that leaves out its place or date, what it took from its total."""
        self.claims: tuple[Claim, ...] = tuple(
            sorted(self._inherit(dataset.claims), key=lambda c: c.id)
        )
        """The claims as rules see them: a part that leaves out its place or date carries its
        total's ("five of them children" were killed where and when the fifty were)."""
        self._roles: dict[str, ResolvedRoles] = {}  # only for claims that need resolving
        for claim in self.claims:
            resolved = self._resolve(claim)
            if resolved != ResolvedRoles(claim.source, claim.agents, claim.patient, claim.place):
                self._roles[claim.id] = resolved
        self.relations = Relations(dataset)
        """How the dataset's places and actors nest, and the sides its actors act for."""
        self._cache: dict[str, object] = {}
        self._reports = {report.id: report for report in dataset.reports}
        self._stated: dict[str, Stated] = {}

    def _inherit(self, claims: Iterable[Claim]) -> list[Claim]:
        """`claims`, each part filled in from its total (transitively) where it is silent."""
        done: dict[str, Claim] = {}

        def total_of(claim: Claim) -> Claim | None:
            try:
                return None if claim.total is None else self.dataset.claim(claim.total)
            except KeyError:
                return None

        def filled(claim: Claim, seen: frozenset[str]) -> Claim:
            if claim.id in done:
                return done[claim.id]
            total = total_of(claim)
            found = claim
            if total is not None and total.id not in seen:
                total = filled(total, seen | {claim.id})
                taken = tuple(
                    role
                    for role in ("place", "when")
                    if getattr(claim, role) is None and getattr(total, role) is not None
                )
                if taken:
                    found = attrs.evolve(claim, place=claim.place or total.place,
                                         when=claim.when or total.when)  # fmt: skip
                    self.inherited[claim.id] = taken
            done[claim.id] = found
            return found

        return [claim if claim.total is None else filled(claim, frozenset()) for claim in claims]

    def _resolve(self, claim: Claim) -> ResolvedRoles:
        def actor(name: str) -> str:
            return self.dataset.actor(name).id

        place = None if claim.place is None else self.dataset.place(claim.place).id
        patient = None if claim.patient is None else actor(claim.patient)
        agents = tuple(dict.fromkeys(actor(name) for name in claim.agents))
        return ResolvedRoles(actor(claim.source), agents, patient, place)

    def roles(self, claim: Claim) -> Roles:
        """The claim's roles as canonical ids (the claim itself when it names only ids: bulk
        data does, and a million claims then need no second copy of their roles)."""
        return self._roles.get(claim.id, claim)

    def published(self, claim: Claim) -> datetime.date:
        """The publication date of the claim's report."""
        return self._reports[claim.report].published

    def stated(self, claim: Claim) -> Stated:
        """When the claim was stated: its `as_of`, else its report's publication (one object
        for every claim of the report that gives no `as_of`)."""
        key = claim.report if claim.as_of is None else claim.id
        found = self._stated.get(key)
        if found is None:
            found = stated(claim, self._reports[claim.report], self.roles(claim).source)
            self._stated[key] = found
        return found

    def cached(self, name: str, make: Callable[[], _V]) -> _V:
        """`make()`, computed once per context: for results several rules share."""
        if name not in self._cache:
            self._cache[name] = make()
        return self._cache[name]  # type: ignore[return-value]

    def with_predicate(self, *predicates: str) -> tuple[Claim, ...]:
        """The claims with one of `predicates`, sorted by id."""
        return tuple(c for c in self.claims if c.predicate in predicates)

    @staticmethod
    def blocks(
        claims: Iterable[Claim], key: Callable[[Claim], Hashable | None]
    ) -> Iterator[list[Claim]]:
        """Group `claims` by `key` (None leaves a claim out); yield each group of two or more,
        sorted by id, in the order in which each group's second claim comes in `claims`.

        A claim alone under its key costs one dict entry and no list: bulk data has millions.
        """
        first: dict[Hashable, Claim] = {}
        shared: dict[Hashable, list[Claim]] = {}
        for claim in claims:
            value = key(claim)
            if value is None:
                continue
            earlier = first.setdefault(value, claim)
            if earlier is claim:
                continue
            if value in shared:
                shared[value].append(claim)
            else:
                shared[value] = [earlier, claim]
        del first  # not needed while the caller walks the groups
        for group in shared.values():
            group.sort(key=lambda c: c.id)
            yield group

    def pairs(
        self,
        claims: Iterable[Claim],
        key: Callable[[Claim], Hashable | None],
        *,
        overlapping: bool = False,
    ) -> Iterator[tuple[Claim, Claim]]:
        """Each pair of `claims` (each claim given once) sharing a `key`, the lower id first.

        With `overlapping`, only pairs of dated claims whose date spans share a day: callers
        use it where the pair would be dismissed otherwise, so the result is the same, only
        cheaper (see `sweep`).
        """
        for block in self.blocks(claims, key):
            if not overlapping:
                yield from itertools.combinations(block, 2)  # blocks come sorted by id
                continue
            for a, b in _sweep(block) if self.sweep else _dated_pairs(block):
                yield (a, b) if a.id < b.id else (b, a)

    def related_pairs(self, claims: Iterable[Claim]) -> Iterator[tuple[Claim, Claim]]:
        """Every pair of `claims` that `sameness` could find to be about the same thing, once,
        the lower id first: pairs sharing an event id; measures sharing a predicate and a
        place; other claims sharing a predicate and a patient whose places may coincide and
        whose dates overlap; and, for a symmetric predicate, claims naming the same two parties
        the other way round ("Putin met Erdogan", "Erdogan met Putin").

        A stream, never a list of all pairs: pairs come block by block, so memory follows the
        largest block. Outside the event blocks, pairs of claims that both carry an event id
        are skipped — they either share it (and came with their event) or differ (and cannot
        be the same thing) — which keeps every pair unique.
        """
        claims = list(claims)

        def patient(claim: Claim) -> tuple[str, str] | None:
            found = self.roles(claim).patient
            if claim.predicate in MEASURES or found is None:
                return None
            return (claim.predicate, found)

        def parties(claim: Claim) -> tuple[str, str, str] | None:
            roles = self.roles(claim)
            if claim.predicate not in SYMMETRIC or len(roles.agents) != 1 or not roles.patient:
                return None
            first, second = sorted((roles.agents[0], roles.patient))
            return (claim.predicate, first, second)

        def reversed_parties() -> Iterator[tuple[Claim, Claim]]:
            for a, b in self.same_place_pairs(claims, parties):
                if self.roles(a).patient != self.roles(b).patient:  # same patient: given above
                    yield a, b

        def place(claim: Claim) -> tuple[str, str] | None:
            found = self.roles(claim).place
            if claim.predicate not in MEASURES or found is None:
                return None
            return (claim.predicate, found)

        yield from self.pairs(claims, lambda c: c.event)
        for a, b in itertools.chain(
            self.same_place_pairs(claims, patient), reversed_parties(), self.pairs(claims, place)
        ):
            if a.event is None or b.event is None:
                yield a, b

    def same_place_pairs(
        self, claims: Iterable[Claim], key: Callable[[Claim], tuple[str, ...] | None]
    ) -> Iterator[tuple[Claim, Claim]]:
        """Pairs sharing `key` whose dates overlap and whose places may coincide: the same
        place, or either place not given. Each pair once, the lower id first."""
        claims = list(claims)

        def with_place(claim: Claim) -> tuple[str | None, ...] | None:
            found = key(claim)
            return None if found is None else (*found, self.roles(claim).place)

        yield from self.pairs(claims, with_place, overlapping=True)
        placeless = {c.id for c in claims if self.roles(c).place is None and key(c) is not None}
        if placeless:
            for a, b in self.pairs(claims, key, overlapping=True):
                if (a.id in placeless) != (b.id in placeless):  # both: paired just above
                    yield a, b

    # -- actors and places: asked of `self.relations` (crosscheck.relations) --------------

    def within(self, inner: str, outer: str) -> bool:
        """Whether place id `inner` is `outer` or lies within it."""
        return self.relations.within(inner, outer)

    def part_of(self, member: str, group: str) -> bool:
        """Whether actor id `member` is `group` or belongs to it."""
        return self.relations.part_of(member, group)

    def enclosing_ids(self, place: str) -> frozenset[str]:
        """Place id `place` and the ids of every place it lies within."""
        return self.relations.enclosing_ids(place)

    def group_ids(self, actor: str) -> frozenset[str]:
        """Actor id `actor` and the ids of every actor it is part of."""
        return self.relations.group_ids(actor)

    def top_group(self, actor: str) -> str:
        """The top of actor id `actor`'s `part_of` chain."""
        return self.relations.top_group(actor)

    def outermost(self, place: str) -> str:
        """The outermost place that place id `place` lies within (a country, usually)."""
        return self.relations.outermost(place)

    def camps(self, actor: str) -> frozenset[str]:
        """The parties an actor acts for (see `Relations.camps`)."""
        return self.relations.camps(actor)

    def same_side(self, a: str, b: str) -> bool:
        """Whether two actors act for a common party; people acted upon are on no side."""
        return self.relations.same_side(a, b)

    def voices(self, origins: Iterable[str]) -> tuple[tuple[str, ...], ...]:
        """Origins grouped by alignment, one cluster per independent voice."""
        return self.relations.voices(origins)

    def allied(self, agents_a: Collection[str], agents_b: Collection[str]) -> bool:
        """Whether some agent of one group is on one side with some agent of the other."""
        return self.relations.allied(agents_a, agents_b)

    def sides(self, a: str, b: str) -> str:
        """Why two actors are on one side, or rival ones, in words."""
        return self.relations.sides(a, b)

    def is_party(self, actor: str) -> bool:
        """Whether `actor` acts for a party to the fighting."""
        return self.relations.is_party(actor)

    def places_nest(self, a: str, b: str) -> bool:
        """Whether one place is the other or lies within it."""
        return self.relations.places_nest(a, b)

    def one_party_across_time(self, a: Claim, b: Claim) -> bool:
        """Whether two claims come from one party's origins, in reports of different days."""
        if a.report == b.report or self.published(a) == self.published(b):
            return False
        source_a, source_b = self.roles(a).source, self.roles(b).source
        return self.is_party(source_a) and self.same_side(source_a, source_b)

    # -- sameness -------------------------------------------------------------------------

    def sameness(self, a: Claim, b: Claim, *, ignore: Collection[str] = ()) -> Sameness | None:
        """Whether `a` and `b` are about the same thing, and why; None when they are not.

        Both must have the same predicate. A shared curated event id makes sameness certain
        (two different event ids rule it out), provided the roles are compatible: the same or
        one missing, places the same or nested. Otherwise sameness is inferred, requiring both
        claims to be put forward as true, and then — for a measure (length, depth, distance,
        duration) — the same place; for anything else the same patient, compatible agent and
        place, and date spans that overlap and are each at most `MAX_INCIDENT_DAYS` long, or
        the very same span ("since December" in two reports of one day).

        `ignore` names checks a rule does not want: ``"agent"`` (a rule about who did it),
        ``"modality"`` (a rule about denials), ``"patient"`` (a rule that relates patients
        itself: a denial that civilians were killed covers the children among them).
        """
        if a.predicate != b.predicate:
            return None
        ra, rb = self.roles(a), self.roles(b)
        if (
            a.predicate in SYMMETRIC
            and len(ra.agents) == len(rb.agents) == 1
            and rb.patient
            and (rb.agents[0], rb.patient) == (ra.patient, ra.agents[0])
        ):
            rb = ResolvedRoles(rb.source, (rb.patient,), rb.agents[0], rb.place)
        check_agents = "agent" not in ignore
        check_patients = "patient" not in ignore
        if a.event is not None and b.event is not None:
            if a.event != b.event:
                return None
            reasons = [f"both carry event id {a.event!r}"]
            compatible = (
                (not check_patients or self._compatible(ra.patient, rb.patient, "patient", reasons))
                and (not check_agents or self._agents(ra.agents, rb.agents, reasons))
                and self._nested(ra.place, rb.place, reasons)
            )
            return Sameness(True, tuple(reasons)) if compatible else None
        if "modality" not in ignore and not {a.modality, b.modality} <= POSITIVE:
            return None
        reasons = [f"same predicate {a.predicate!r}"]
        if a.predicate in MEASURES:
            if ra.place is None or ra.place != rb.place:
                return None
            reasons.append(f"same place {ra.place}")
            if check_patients and not self._compatible(ra.patient, rb.patient, "patient",
                                                       reasons):  # fmt: skip
                return None
            if a.when is not None and b.when is not None:
                if not a.when.overlaps(b.when):
                    return None
                reasons.append("dates overlap")
            return Sameness(False, tuple(reasons))
        if check_patients:
            if ra.patient is None or ra.patient != rb.patient:
                return None
            reasons.append(f"same patient {ra.patient}")
        if check_agents and not self._agents(ra.agents, rb.agents, reasons):
            return None
        if not self._compatible(ra.place, rb.place, "place", reasons):
            return None
        if a.when is None or b.when is None or not a.when.overlaps(b.when):
            return None
        if (a.when.start, a.when.end) == (b.when.start, b.when.end):
            reasons.append(f"the same dates ({a.when.days})")
            return Sameness(False, tuple(reasons))
        days_a, days_b = _days(a), _days(b)
        if days_a is None or days_b is None or max(days_a, days_b) > MAX_INCIDENT_DAYS:
            return None
        reasons.append(f"dates overlap ({a.when.days} and {b.when.days})")
        return Sameness(False, tuple(reasons))

    def _agents(self, x: tuple[str, ...], y: tuple[str, ...], reasons: list[str]) -> bool:
        """Agents are compatible when one claim names none, or both name a common one, or one
        within the other (the Ukrainian air force within the armed forces)."""
        if x and y:
            common = sorted(set(x) & set(y))
            if common:
                reasons.append(f"same agent {', '.join(common)}")
                return True
            nested = sorted(f"{a} within {b}" for a in x for b in y if self.part_of(a, b)) + sorted(
                f"{b} within {a}" for a in x for b in y if self.part_of(b, a))  # fmt: skip
            if not nested:
                return False
            reasons.append(f"agents nest ({nested[0]})")
        elif x or y:
            reasons.append(f"agent given by one claim only ({', '.join(x or y)})")
        return True

    def _nested(self, x: str | None, y: str | None, reasons: list[str]) -> bool:
        if x is not None and y is not None and x != y:
            if not self.places_nest(x, y):
                return False
            reasons.append(f"places nest ({x}, {y})")
            return True
        return self._compatible(x, y, "place", reasons)

    @staticmethod
    def _compatible(x: str | None, y: str | None, role: str, reasons: list[str]) -> bool:
        if x is not None and y is not None:
            if x != y:
                return False
            reasons.append(f"same {role} {x}")
        elif x is not None or y is not None:
            reasons.append(f"{role} given by one claim only ({x or y})")
        return True

    # -- explanations ---------------------------------------------------------------------

    def who(self, claim: Claim) -> str:
        """The claim's source by display name, with its report: "SANA (in aljazeera-…)"."""
        return f"{self.dataset.actor(claim.source).name} (in {claim.report})"

    def normalisations(self, claim: Claim) -> list[str]:
        """How each of the claim's wordings and names was read, one line each."""
        lines = []
        for label, quantity in (("quantity", claim.quantity), ("restated", claim.restated)):
            if quantity is not None:
                lines.append(f"{claim.id}: {label} ‘{quantity.text}’: {quantity.reading}")
        if claim.when is not None:
            lines.append(f"{claim.id}: when {claim.when} ({claim.when.reading})")
        if claim.id in self.inherited:
            taken = " and ".join(self.inherited[claim.id])
            lines.append(f"{claim.id}: {taken} taken from its total {claim.total} (a part "
                         "happened where and when its total did)")  # fmt: skip
        resolved = self.roles(claim)
        written_roles: list[tuple[str, str | None, str | None]] = [
            ("source", claim.source, resolved.source)
        ]
        written_roles += [("agent", written, canonical)
                          for written, canonical in zip(claim.agents, resolved.agents,
                                                        strict=False)]  # fmt: skip
        written_roles += [("patient", claim.patient, resolved.patient),
                          ("place", claim.place, resolved.place)]  # fmt: skip
        if claim.reference is not None:
            written_roles.append(("reference", claim.reference,
                                  self.dataset.place(claim.reference).id))  # fmt: skip
        for role, written, canonical in written_roles:
            if written is not None and written != canonical:
                item: Actor | Place = (
                    self.dataset.place(written)
                    if role in {"place", "reference"}
                    else self.dataset.actor(written)
                )
                how = "its name" if fold(written) == fold(item.name) else (
                    "an alias" if any(fold(written) == fold(a) for a in item.aliases) else
                    "its id, spelt differently")  # fmt: skip
                lines.append(f"{claim.id}: {role} ‘{written}’ → {item.id} ({how})")
        return lines

    def finding(self, rule: Rule, violation: Violation) -> Finding:
        """Turn a rule's violation into a finding, adding each cited claim's normalisations.

        A violation that gives no positions gets one, of all its claims; one that names no
        incident gets its claims' incident when they share one.
        """
        claims = tuple(sorted(set(violation.claims), key=lambda c: c.id))
        explanation = list(violation.explanation)
        for claim in claims:
            explanation.extend(line for line in self.normalisations(claim)
                               if line not in explanation)  # fmt: skip
        incident = violation.incident
        if incident is None:
            keys = {incidents(self).of[claim.id] for claim in claims}
            incident = keys.pop() if len(keys) == 1 else None
        positions = violation.positions
        if not positions:
            voice = voices_of(self, claims)
            positions = (Position(tuple(c.id for c in claims),
                                  tuple(sorted({self.roles(c).source for c in claims})),
                                  tuple(sorted(set(voice.values()))), ""),)  # fmt: skip
        about = None if violation.aspect is None or incident is None else (
            incident, violation.aspect)  # fmt: skip
        return Finding(
            code=rule.code,
            name=rule.name,
            severity=violation.severity or rule.severity,
            message=violation.message,
            claims=tuple(CitedClaim.of(claim) for claim in claims),
            explanation=tuple(explanation),
            fingerprint=fingerprint(rule.code, claims, about),
            incident=incident,
            aspect=violation.aspect,
            positions=positions,
        )


@paused()
def check(
    dataset: Dataset,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    *,
    preview: bool = False,
    rules: Sequence[Rule] | None = None,
    sweep: bool = True,
) -> list[Finding]:
    """Run the selected rules over `dataset` and return their findings, most severe first.

    `select` and `ignore` take codes, code prefixes and dotted names (see
    `crosscheck.registry.select_rules`); `rules` replaces the rules registered through entry
    points. Pure and deterministic: the result does not depend on the order of the input.
    `sweep=False` tries every pair in each block instead of sweeping in date order: slower,
    and the same findings (a property the tests check).
    """
    chosen = select_rules(load_rules() if rules is None else rules, select, ignore,
                          preview=preview)  # fmt: skip
    return _findings(Context(dataset, sweep=sweep), chosen)


@paused()
def check_context(
    context: Context,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    *,
    preview: bool = False,
    rules: Sequence[Rule] | None = None,
) -> list[Finding]:
    """`check` over a context already built: to run several selections over one dataset, or to
    ask the context questions as well, without resolving the dataset again."""
    chosen = select_rules(load_rules() if rules is None else rules, select, ignore,
                          preview=preview)  # fmt: skip
    return _findings(context, chosen)


def _violations(context: Context, rule: Rule) -> Iterator[Violation]:
    """The rule's violations; an exception it raises becomes a `RuleFailedError` naming it."""
    try:
        yield from rule.check(context)
    except (RuleError, RuleFailedError):
        raise
    except Exception as error:  # a bug in the rule: named, whoever called check
        described = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
        raise RuleFailedError(rule.code, rule.name, described) from error


def _findings(context: Context, rules: Iterable[Rule]) -> list[Finding]:
    findings: dict[str, Finding] = {}
    for rule in rules:
        for violation in _violations(context, rule):
            finding = context.finding(rule, violation)
            earlier = findings.setdefault(finding.fingerprint, finding)
            if earlier != finding:
                message = (f"rule {rule.code} reported the same claims twice, differently: "
                           f"{earlier.message!r} and {finding.message!r}")  # fmt: skip
                raise RuleError(message)
    return sorted(findings.values(), key=lambda f: f.sort_key)
