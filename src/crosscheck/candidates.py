"""Candidate pairs: which claims could be about the same thing, found by blocking, never by
trying all pairs.

Claims are grouped into blocks sharing a key (an event id; a predicate and a place; a predicate
and a patient), and only pairs within a block are candidates. Pairs that must share a day are
found by sweeping each block in date order, so a key shared by thousands of claims costs about
as many comparisons as there are overlapping pairs; without `sweep` every pair in a block is
tried (the reference the sweep is tested against). Rules reach this through
`crosscheck.engine.Context` (`context.pairs`, `context.related_pairs`, …).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Hashable, Iterable, Iterator

from crosscheck.model import Claim
from crosscheck.roles import Roles
from crosscheck.vocabulary import MEASURES, SYMMETRIC

__all__ = ["Candidates"]


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


class Candidates:
    """The candidate pairs of a dataset's claims, with roles resolved by `roles`."""

    def __init__(self, roles: Callable[[Claim], Roles], *, sweep: bool = True) -> None:
        self.roles = roles
        self.sweep = sweep

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
