"""Positions: the claims about one aspect of an incident, grouped into accounts that agree.

A disagreement between twenty reports is not twenty disagreements. Given the claims about one
aspect (the killed of one strike, who fired, where it happened) and the pairs of them that
cannot both be true, `partition` groups the claims into *positions*: sets of claims no two of
which conflict. The first position is the account with the most independent voices behind it —
each voice (a cluster of aligned origins) weighs 1 in all, shared among its claims in the
aspect, so twenty repeats of one ministry weigh what one statement does — then the most claims,
then the smallest claim ids; the others follow the same way from what remains.

Finding the heaviest conflict-free set is a maximum-weight independent set in the graph of
conflicts. Conflicts are few in practice (an outlier or two, or two camps), so it is solved
exactly, component by component, by branching on the claim with the most conflicts; a
component too large for `BUDGET` branchings falls back to a greedy choice (drop the claim with
the most conflicts per unit of weight until none is left), which the explanation then says.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Hashable, Iterable, Mapping
from fractions import Fraction

import attrs

__all__ = ["BUDGET", "Partition", "Position", "partition", "voice_weights"]

BUDGET = 20_000
"""Branchings allowed per connected group of conflicting claims before the greedy fallback."""


@attrs.frozen
class Position:
    """Claims that agree with each other about one aspect, and who stands behind them."""

    claims: tuple[str, ...]
    """The claim ids, sorted."""
    origins: tuple[str, ...]
    """The first-hand sources of its claims (resolved ids), sorted."""
    voices: tuple[tuple[str, ...], ...]
    """The origins in clusters of aligned ones: one cluster per independent voice."""
    reading: str
    """What the position says, in words: "39 → 50 → 52 → 57", "Russian forces", "2022-04-08"."""
    alone: bool = False
    """Whether it stands alone: the only position resting on a single voice (or report, for
    dates), while the others together rest on two or more — the odd one out."""

    @property
    def independent(self) -> int:
        """How many independent voices stand behind it."""
        return len(self.voices)


@attrs.frozen
class Partition:
    """Claim ids grouped into conflict-free positions, heaviest first."""

    groups: tuple[tuple[str, ...], ...]
    exact: bool
    """False when a group of conflicts was too large to solve exactly (see `BUDGET`)."""


def voice_weights(voice_of: Mapping[str, Hashable]) -> dict[str, Fraction]:
    """Each claim's weight: 1 / (claims of its voice), so every voice weighs 1 in all."""
    count: dict[Hashable, int] = defaultdict(int)
    for voice in voice_of.values():
        count[voice] += 1
    return {claim: Fraction(1, count[voice]) for claim, voice in voice_of.items()}


def partition(
    claims: Iterable[str],
    conflicts: Collection[tuple[str, str]],
    weight: Mapping[str, Fraction],
) -> Partition:
    """Group `claims` (ids) into positions: sets without a conflicting pair, the heaviest set
    first (by total `weight`, then size, then the smallest ids), then the heaviest of what is
    left, and so on. Deterministic, and independent of the order of its input."""
    remaining = set(claims)
    neighbours: dict[str, set[str]] = {claim: set() for claim in remaining}
    for a, b in conflicts:
        if a != b and a in neighbours and b in neighbours:
            neighbours[a].add(b)
            neighbours[b].add(a)
    groups: list[tuple[str, ...]] = []
    exact = True
    while remaining:
        chosen, solved = _heaviest(remaining, neighbours, weight)
        exact = exact and solved
        groups.append(tuple(sorted(chosen)))
        remaining -= chosen
    return Partition(tuple(groups), exact)


def _components(nodes: set[str], neighbours: Mapping[str, set[str]]) -> list[frozenset[str]]:
    seen: set[str] = set()
    found = []
    for start in sorted(nodes):
        if start in seen:
            continue
        component, stack = set(), [start]
        while stack:
            node = stack.pop()
            if node in component:
                continue
            component.add(node)
            stack.extend(neighbours[node] & nodes)
        seen |= component
        found.append(frozenset(component))
    return found


def _key(chosen: frozenset[str], weight: Mapping[str, Fraction]) -> tuple[Fraction, int]:
    return (sum((weight[c] for c in chosen), Fraction(0)), len(chosen))


def _better(a: frozenset[str], b: frozenset[str] | None, weight: Mapping[str, Fraction]) -> bool:
    """Whether `a` beats `b`: heavier, then larger, then the smaller sorted ids."""
    if b is None:
        return True
    key_a, key_b = _key(a, weight), _key(b, weight)
    if key_a != key_b:
        return key_a > key_b
    return sorted(a) < sorted(b)


def _heaviest(
    nodes: set[str], neighbours: Mapping[str, set[str]], weight: Mapping[str, Fraction]
) -> tuple[set[str], bool]:
    chosen: set[str] = set()
    exact = True
    for component in _components(nodes, neighbours):
        if len(component) == 1:
            chosen |= component
            continue
        solver = _Solver(neighbours, weight)
        best = solver.solve(component)
        if best is None:
            exact = False
            best = _greedy(component, neighbours, weight)
        chosen |= best
    return chosen, exact


class _Solver:
    """Exact maximum-weight independent set by branching, with memory and a budget."""

    def __init__(self, neighbours: Mapping[str, set[str]], weight: Mapping[str, Fraction]):
        self.neighbours = neighbours
        self.weight = weight
        self.memo: dict[frozenset[str], frozenset[str]] = {}
        self.left = BUDGET

    def solve(self, nodes: frozenset[str]) -> frozenset[str] | None:
        try:
            return self._best(nodes)
        except _OutOfBudgetError:
            return None

    def _best(self, nodes: frozenset[str]) -> frozenset[str]:
        if nodes in self.memo:
            return self.memo[nodes]
        self.left -= 1
        if self.left < 0:
            raise _OutOfBudgetError
        free = frozenset(n for n in nodes if not self.neighbours[n] & nodes)
        rest = nodes - free
        if not rest:
            result = free
        else:
            pivot = max(rest, key=lambda n: (len(self.neighbours[n] & rest), n))
            without = self._best(rest - {pivot})
            with_pivot = self._best(rest - {pivot} - self.neighbours[pivot]) | {pivot}
            best = with_pivot if _better(with_pivot, without, self.weight) else without
            result = free | best
        self.memo[nodes] = result
        return result


class _OutOfBudgetError(Exception):
    pass


def _greedy(
    nodes: frozenset[str], neighbours: Mapping[str, set[str]], weight: Mapping[str, Fraction]
) -> frozenset[str]:
    """Drop the claim with the most conflicts per unit of weight until no conflict is left."""
    left = set(nodes)
    while True:
        degree = {n: len(neighbours[n] & left) for n in left}
        worst = max(left, key=lambda n: (Fraction(degree[n]) / weight[n], n))
        if degree[worst] == 0:
            return frozenset(left)
        left.discard(worst)
