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

import datetime
import itertools
from collections.abc import Callable, Hashable, Iterable, Iterator

from crosscheck.model import Claim
from crosscheck.roles import Roles
from crosscheck.sameness import Window, namespace
from crosscheck.vocabulary import MEASURES, SYMMETRIC

__all__ = ["Candidates"]


def _end(claim: Claim, slack: datetime.timedelta) -> datetime.date:
    assert claim.when is not None
    end = claim.when.end
    return end if end == datetime.date.max or not slack else min(end + slack, datetime.date.max)


def _sweep(block: list[Claim], days: int = 0) -> Iterator[tuple[Claim, Claim]]:
    """Pairs of dated claims whose spans share a day, or lie at most `days` apart, by a sweep
    in order of start date."""
    slack = datetime.timedelta(days=days)
    dated = sorted((c for c in block if c.when is not None),
                   key=lambda c: (c.when.start, c.id))  # type: ignore[union-attr]  # fmt: skip
    active: list[Claim] = []
    for claim in dated:
        assert claim.when is not None
        start = claim.when.start
        active = [a for a in active if _end(a, slack) >= start]
        for other in active:
            yield other, claim
        active.append(claim)


def _dated_pairs(block: list[Claim], days: int = 0) -> Iterator[tuple[Claim, Claim]]:
    """Every pair of dated claims whose spans share a day, or lie at most `days` apart, by
    trying all pairs."""
    slack = datetime.timedelta(days=days)
    dated = [c for c in block if c.when is not None]
    for a, b in itertools.combinations(dated, 2):
        assert a.when is not None
        assert b.when is not None
        if a.when.start <= _end(b, slack) and b.when.start <= _end(a, slack):
            yield a, b


class Candidates:
    """The candidate pairs of a dataset's claims, with roles resolved by `roles`."""

    def __init__(
        self,
        roles: Callable[[Claim], Roles],
        *,
        sweep: bool = True,
        window: Window | None = None,
        near: Callable[[str, str, float | None], bool] | None = None,
    ) -> None:
        self.roles = roles
        self.sweep = sweep
        self.window = window
        """With a window, `related_pairs` also gives pairs up to `window.days` apart whose
        places are `near` (nest, or lie within `window.km`)."""
        self.near = near

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
        days: int = 0,
    ) -> Iterator[tuple[Claim, Claim]]:
        """Each pair of `claims` (each claim given once) sharing a `key`, the lower id first.

        With `overlapping`, only pairs of dated claims whose date spans share a day (or lie at
        most `days` apart): callers use it where the pair would be dismissed otherwise, so the
        result is the same, only cheaper (see `sweep`).
        """
        for block in self.blocks(claims, key):
            if not overlapping:
                yield from itertools.combinations(block, 2)  # blocks come sorted by id
                continue
            for a, b in _sweep(block, days) if self.sweep else _dated_pairs(block, days):
                yield (a, b) if a.id < b.id else (b, a)

    def related_pairs(self, claims: Iterable[Claim]) -> Iterator[tuple[Claim, Claim]]:
        """Every pair of `claims` that `sameness` could find to be about the same thing, once,
        the lower id first: pairs sharing an event id; measures sharing a predicate and a
        place; other claims sharing a predicate and a patient whose places may coincide and
        whose dates overlap; and, for a symmetric predicate, claims naming the same two parties
        the other way round ("Putin met Erdogan", "Erdogan met Putin").

        With a `window`, also the pairs sharing a predicate and a patient whose dates lie up to
        `window.days` apart and whose places nest or lie within `window.km`.

        A stream, never a list of all pairs: pairs come block by block, so memory follows the
        largest block. Outside the event blocks, pairs of claims that both carry an event id
        of one dataset are skipped — they either share it (and came with their event) or differ
        (and cannot be the same thing) — which keeps every pair unique; ids of two datasets
        may name one incident, and their pairs are given.
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
            self.same_place_pairs(claims, patient), reversed_parties(), self.pairs(claims, place),
            self._window_pairs(claims),
        ):  # fmt: skip
            if (
                a.event is None
                or b.event is None
                or (self.window is not None and namespace(a.event) != namespace(b.event))
            ):
                yield a, b

    def _window_pairs(self, claims: list[Claim]) -> Iterator[tuple[Claim, Claim]]:
        """With a window, the pairs sharing a predicate and a patient (or both giving none), or
        for a symmetric predicate the same two parties either way round, that the other passes
        leave out: dates up to `window.days` apart, places that differ but nest or lie within
        `window.km`, or two totals of everyone."""
        window, near = self.window, self.near
        if window is None or near is None:
            return

        def key(claim: Claim) -> tuple[str, str | None] | None:
            return None if claim.predicate in MEASURES else (
                claim.predicate, self.roles(claim).patient)  # fmt: skip

        def either_way(claim: Claim) -> tuple[str, str, str] | None:
            roles = self.roles(claim)
            if claim.predicate not in SYMMETRIC or len(roles.agents) != 1 or not roles.patient:
                return None
            first, second = sorted((roles.agents[0], roles.patient))
            return (claim.predicate, first, second)

        reversed_pairs = (
            (a, b) for a, b in self.pairs(claims, either_way, overlapping=True, days=window.days)
            if self.roles(a).patient != self.roles(b).patient  # the same way round: `key`'s
        )  # fmt: skip
        for a, b in itertools.chain(
            self.pairs(claims, key, overlapping=True, days=window.days), reversed_pairs
        ):
            pa, pb = self.roles(a).place, self.roles(b).place
            given = pa is None or pb is None or pa == pb
            assert a.when is not None
            assert b.when is not None
            if given and a.when.overlaps(b.when) and self.roles(a).patient is not None:
                continue  # a same-place pair
            if given or (pa is not None and pb is not None and near(pa, pb, window.km)):
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
