"""The engine: run rules over a dataset and return explained, sorted findings.

`check` is pure — no I/O — and deterministic: findings are sorted, and the same dataset in any
order of reports, claims, actors or places gives the same findings. Rules see the dataset through
a `Context`, which resolves every name once, indexes claims so candidate pairs come from blocks
of claims sharing a key rather than from all pairs, and says whether two claims are about the
same thing, and why.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Collection, Hashable, Iterable, Iterator, Sequence
from typing import TypeVar

import attrs

from crosscheck import explanations
from crosscheck._gc import paused
from crosscheck.candidates import Candidates
from crosscheck.components import Components
from crosscheck.findings import Finding, Violation
from crosscheck.model import Claim, Dataset
from crosscheck.registry import Rule, RuleError, RuleFailedError, load_rules, select_rules
from crosscheck.relations import Relations
from crosscheck.roles import ResolvedRoles, Roles
from crosscheck.sameness import MAX_INCIDENT_DAYS, Sameness, Window, same_thing
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

_V = TypeVar("_V")


class Context:
    """A dataset as rules see it: names resolved, claims indexed, sameness explained.

    The one face rules ask, each concern answered in its own module: a claim's roles and
    statement time here; candidate pairs by `crosscheck.candidates` (with `sweep`, the default,
    pairs that must share a day come from a sweep in date order; without it every pair in a
    block is tried, the reference the sweep is tested against); how actors and places relate
    by `crosscheck.relations`; whether two claims are about the same thing by
    `crosscheck.sameness`; a finding's explanation by `crosscheck.explanations`. Everything is
    computed once, by id.
    """

    def __init__(
        self, dataset: Dataset, *, sweep: bool = True, window: Window | None = None
    ) -> None:
        self.dataset = dataset
        self.sweep = sweep
        self.window = window
        """How far apart claims without a shared event id may lie and still be about one
        thing (`crosscheck.sameness.Window`); None: dates that overlap, the same place."""
        self.inherited: dict[str, tuple[str, ...]] = {}
        """For each part that leaves out its place or date, what it took from its total."""
        self.claims: tuple[Claim, ...] = tuple(
            sorted(self._inherit(dataset.claims), key=lambda c: c.id)
        )
        """The claims as rules see them: a part that leaves out its place or date carries its
        total's ("five of them children" were killed where and when the fifty were)."""
        self._roles: dict[str, ResolvedRoles] = {}  # only for claims that need resolving
        ids: dict[tuple[str, str], str] = {}  # (kind, name) -> id: each name looked up once
        for claim in self.claims:
            resolved = self._resolve(claim, ids)
            if (resolved.source, resolved.agents, resolved.patient, resolved.place) != (
                claim.source, claim.agents, claim.patient, claim.place
            ):  # fmt: skip
                self._roles[claim.id] = resolved
        self.relations = Relations(dataset)
        """How the dataset's places and actors nest, and the sides its actors act for."""
        self.candidates = Candidates(self.roles, sweep=sweep, window=window,
                                     near=self.relations.places_near)  # fmt: skip
        """The candidate pairs of claims, by blocking (`crosscheck.candidates`)."""
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

    def _resolve(self, claim: Claim, ids: dict[tuple[str, str], str]) -> ResolvedRoles:
        """The claim's roles as ids, each name looked up once in `ids` (kind, name → id)."""

        def lookup(kind: str, name: str) -> str:
            found = ids.get((kind, name))
            if found is None:
                named = self.dataset.actor(name) if kind == "actor" else self.dataset.place(name)
                found = ids[kind, name] = named.id
            return found

        place = None if claim.place is None else lookup("place", claim.place)
        patient = None if claim.patient is None else lookup("actor", claim.patient)
        agents = tuple(dict.fromkeys(lookup("actor", name) for name in claim.agents))
        return ResolvedRoles(lookup("actor", claim.source), agents, patient, place)

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

    def blocks(
        self, claims: Iterable[Claim], key: Callable[[Claim], Hashable | None]
    ) -> Iterator[list[Claim]]:
        """Group `claims` by `key` (None leaves a claim out); yield each group of two or more,
        sorted by id (see `Candidates.blocks`)."""
        return Candidates.blocks(claims, key)

    def pairs(
        self,
        claims: Iterable[Claim],
        key: Callable[[Claim], Hashable | None],
        *,
        overlapping: bool = False,
    ) -> Iterator[tuple[Claim, Claim]]:
        """Each pair of `claims` sharing a `key`, the lower id first; with `overlapping`, only
        pairs whose date spans share a day (see `Candidates.pairs`)."""
        return self.candidates.pairs(claims, key, overlapping=overlapping)

    def related_pairs(self, claims: Iterable[Claim]) -> Iterator[tuple[Claim, Claim]]:
        """Every pair of `claims` that `sameness` could find to be about the same thing, once,
        the lower id first (see `Candidates.related_pairs`)."""
        return self.candidates.related_pairs(claims)

    def same_place_pairs(
        self, claims: Iterable[Claim], key: Callable[[Claim], tuple[str, ...] | None]
    ) -> Iterator[tuple[Claim, Claim]]:
        """Pairs sharing `key` whose dates overlap and whose places may coincide (see
        `Candidates.same_place_pairs`)."""
        return self.candidates.same_place_pairs(claims, key)

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
        """Whether `a` and `b` are about the same thing, and why; None when they are not (see
        `crosscheck.sameness.same_thing`, and its `ignore`)."""
        return same_thing(a, b, self.roles, self.relations, ignore=ignore, window=self.window)

    # -- explanations ---------------------------------------------------------------------

    def who(self, claim: Claim) -> str:
        """The claim's source by display name, with its report: "SANA (in aljazeera-…)"."""
        return explanations.who(self, claim)

    def normalisations(self, claim: Claim) -> list[str]:
        """How each of the claim's wordings and names was read, one line each."""
        return explanations.normalisations(self, claim)

    def finding(self, rule: Rule, violation: Violation) -> Finding:
        """Turn a rule's violation into a finding, with each cited claim's normalisations."""
        return explanations.finding(self, rule, violation)


@paused()
def check(
    dataset: Dataset,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    *,
    preview: bool = False,
    rules: Sequence[Rule] | None = None,
    sweep: bool = True,
    window: Window | None = None,
) -> list[Finding]:
    """Run the selected rules over `dataset` and return their findings, most severe first.

    `select` and `ignore` take codes, code prefixes and dotted names (see
    `crosscheck.registry.select_rules`); `rules` replaces the rules registered through entry
    points. Pure and deterministic: the result does not depend on the order of the input.
    `sweep=False` tries every pair in each block instead of sweeping in date order: slower,
    and the same findings (a property the tests check). `window` lets sameness be inferred
    across dates and places a little apart (`crosscheck.sameness.Window`).
    """
    chosen = select_rules(load_rules() if rules is None else rules, select, ignore,
                          preview=preview)  # fmt: skip
    return _findings(Context(dataset, sweep=sweep, window=window), chosen)


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
