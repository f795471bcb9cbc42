"""A plain all-pairs reference for the engine's candidate pairs.

`crosscheck.candidates.Candidates` finds candidate pairs by blocking: hash groups on shared
keys, a sweep in date order inside each block, a pair skipped where another pass gives it.
`AllPairs` answers the same three questions by trying every pair of claims against the
conditions the engine's docstrings state, with no index, no sweep and no shortcut, so a check
run over it is what the engine means; `reference_check` is that check. The tests assert that
the engine's findings equal the reference's, on generated datasets, rule cases and fixtures.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence

from crosscheck.candidates import Candidates
from crosscheck.engine import Context, check_context
from crosscheck.findings import Finding
from crosscheck.model import Claim, Dataset
from crosscheck.sameness import Window, namespace
from crosscheck.vocabulary import MEASURES, SYMMETRIC


def _within_days(a: Claim, b: Claim, days: int) -> bool:
    """Both dated, and their spans share a day or lie at most `days` apart."""
    if a.when is None or b.when is None:
        return False
    slack = datetime.timedelta(days=days)

    def end(claim: Claim) -> datetime.date:
        assert claim.when is not None
        if claim.when.end == datetime.date.max:
            return claim.when.end
        return min(claim.when.end + slack, datetime.date.max) if days else claim.when.end

    return a.when.start <= end(b) and b.when.start <= end(a)


def _every_pair(claims: Iterable[Claim]) -> Iterator[tuple[Claim, Claim]]:
    """Every pair of distinct claims, the lower id first, in id order."""
    ordered = sorted(claims, key=lambda c: c.id)
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            yield a, b


class AllPairs(Candidates):
    """Candidate pairs by trying every pair of claims."""

    def pairs(
        self,
        claims: Iterable[Claim],
        key: Callable[[Claim], Hashable | None],
        *,
        overlapping: bool = False,
        days: int = 0,
    ) -> Iterator[tuple[Claim, Claim]]:
        for a, b in _every_pair(claims):
            ka, kb = key(a), key(b)
            if ka is None or ka != kb:
                continue
            if not overlapping or _within_days(a, b, days):
                yield a, b

    def same_place_pairs(
        self, claims: Iterable[Claim], key: Callable[[Claim], tuple[str, ...] | None]
    ) -> Iterator[tuple[Claim, Claim]]:
        for a, b in _every_pair(claims):
            ka = key(a)
            if ka is None or ka != key(b) or not _within_days(a, b, 0):
                continue
            pa, pb = self.roles(a).place, self.roles(b).place
            if pa is None or pb is None or pa == pb:
                yield a, b

    def related_pairs(self, claims: Iterable[Claim]) -> Iterator[tuple[Claim, Claim]]:
        for a, b in _every_pair(claims):
            if self._related(a, b):
                yield a, b

    def _related(self, a: Claim, b: Claim) -> bool:
        """Whether `sameness` could find `a` and `b` to be about the same thing."""
        if a.event is not None and a.event == b.event:
            return True
        if a.event is not None and b.event is not None:
            across = self.window is not None and namespace(a.event) != namespace(b.event)
            if not across:
                return False  # two events of one dataset: different things
        if a.predicate != b.predicate:
            return False
        ra, rb = self.roles(a), self.roles(b)
        if a.predicate in MEASURES:
            return ra.place is not None and ra.place == rb.place
        given = ra.place is None or rb.place is None or ra.place == rb.place
        either_way = self._either_way(a) is not None and self._either_way(a) == self._either_way(b)
        same_patient = ra.patient == rb.patient
        if given and _within_days(a, b, 0) and (either_way or (same_patient and ra.patient)):
            return True
        window = self.window
        if window is None or self.near is None:
            return False
        if not (same_patient or either_way) or not _within_days(a, b, window.days):
            return False
        return given or (
            ra.place is not None
            and rb.place is not None
            and self.near(ra.place, rb.place, window.km)
        )

    def _either_way(self, claim: Claim) -> tuple[str, ...] | None:
        """For a symmetric predicate with one agent and a patient, the two parties, sorted."""
        roles = self.roles(claim)
        if claim.predicate not in SYMMETRIC or len(roles.agents) != 1 or not roles.patient:
            return None
        return tuple(sorted((roles.agents[0], roles.patient)))


def reference_check(
    dataset: Dataset, *, window: Window | None = None, select: Sequence[str] | None = None
) -> list[Finding]:
    """Every rule's findings (previews included), with candidate pairs from `AllPairs`."""
    context = Context(dataset, window=window)
    context.candidates = AllPairs(context.roles, window=window,
                                  near=context.relations.places_near)  # fmt: skip
    return check_context(context, select, preview=True)
