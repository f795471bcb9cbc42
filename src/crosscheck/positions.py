"""Positions: the claims about one aspect of an incident, grouped into accounts that agree.

A disagreement between twenty reports is not twenty disagreements. Given the claims about one
aspect (the killed of one strike, who fired, where it happened) and the pairs of them that
cannot both be true, `partition` groups the claims into *positions*: sets of claims no two of
which conflict. A voice (a cluster of aligned origins) none of whose claims conflict with each
other is kept whole, in one position. The first position is the account with the most
independent voices behind it — each voice weighs 1 in all, shared among its claims in the
aspect, so twenty repeats of one ministry weigh what one statement does, and a hedged claim
weighs half — then the most claims, then the smallest claim ids; the others follow the same
way from what remains.

Finding the heaviest conflict-free set is a maximum-weight independent set in the graph of
conflicts. Conflicts are few in practice (an outlier or two, or two camps), so it is solved
exactly, component by component, by branching on the claim with the most conflicts; a
component of more than `EXACT` claims, or one needing more than `BUDGET` branchings, falls back
to a greedy choice (drop the claim with the most conflicts per unit of weight until none is
left), and a dispute with more than `EXTRACTED` positions (three, above `CROWD` claims) has
the rest listed first-fit — the explanation then says the grouping was greedy. So a dispute
of a thousand claims is grouped in about as many steps as it has conflicts.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Collection, Hashable, Iterable, Mapping
from fractions import Fraction

import attrs

__all__ = ["BUDGET", "Partition", "Position", "partition", "voice_weights"]

BUDGET = 10_000
"""Branchings allowed per connected group of conflicting claims before the greedy fallback."""

EXACT = 30
"""The largest connected group of conflicting claims solved exactly; a larger one is grouped
greedily at once (a group that large is no longer a dispute of a few accounts)."""

EXTRACTED = 12
"""Positions taken one by one as the heaviest set of what remains; claims left after that many
go, in order of weight, into the first position they agree with (a dispute with more accounts
than that is listed, not weighed)."""

CROWD = 200
"""Above this many claims, only the three heaviest positions are weighed one by one."""


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

    @property
    def standing(self) -> str:
        """Who stands behind it, for listings: "3 independent voices", "1 independent voice,
        stands alone"."""
        voices = f"{self.independent} independent voice{'s' * (self.independent != 1)}"
        return f"{voices}, stands alone" if self.alone else voices


@attrs.frozen
class Partition:
    """Claim ids grouped into conflict-free positions, heaviest first."""

    groups: tuple[tuple[str, ...], ...]
    exact: bool
    """False when a group of conflicts was too large to solve exactly (see `EXACT` and
    `BUDGET`), or positions beyond the first `EXTRACTED` (three above `CROWD` claims) were
    listed first-fit."""


def voice_weights(
    voice_of: Mapping[str, Hashable], hedged: Collection[str] = ()
) -> dict[str, Fraction]:
    """Each claim's weight: 1 / (claims of its voice), so every voice weighs 1 in all — and a
    `hedged` claim ("allegedly", "unconfirmed") half that: a voice that only hedges weighs ½."""
    count: dict[Hashable, int] = defaultdict(int)
    for voice in voice_of.values():
        count[voice] += 1
    return {claim: Fraction(1, count[voice] * (2 if claim in hedged else 1))
            for claim, voice in voice_of.items()}  # fmt: skip


def _integers(weight: Mapping[str, Fraction]) -> dict[str, int]:
    """The same weights as integers (scaled by the least common denominator): exact, and
    cheap to add up."""
    scale = math.lcm(*(w.denominator for w in weight.values())) if weight else 1
    return {claim: int(w * scale) for claim, w in weight.items()}


def partition(
    claims: Iterable[str],
    conflicts: Collection[tuple[str, str]],
    weight: Mapping[str, Fraction],
    voice_of: Mapping[str, Hashable] | None = None,
    saying: Mapping[str, Hashable] | None = None,
) -> Partition:
    """Group `claims` (ids) into positions: sets without a conflicting pair, the heaviest set
    first (by total `weight`, then size, then the smallest ids), then the heaviest of what is
    left, and so on. Deterministic, and independent of the order of its input.

    With `voice_of`, a voice none of whose claims conflict with each other is kept whole: its
    claims go into one position together (a ministry's 61, then 77, then 79 wounded is one
    account; an outlet's 48 against it is another), so no position borrows part of a voice
    whose other claims stand against it. With `saying`, claims that say the same thing are
    kept together wherever no conflict forbids it.
    """
    members = _blocks(set(claims), conflicts, voice_of or {}, saying or {})
    remaining = set(members)
    voices = _integers({block: sum((weight[c] for c in members[block]), Fraction(0))
                        for block in remaining})  # fmt: skip
    # one integer per block that orders sets by weight, then by how many claims they hold
    scale = sum(len(found) for found in members.values()) + 1
    weights = {block: voices[block] * scale + len(members[block]) for block in remaining}
    block_of = {claim: block for block, found in members.items() for claim in found}
    neighbours: dict[str, set[str]] = {block: set() for block in remaining}
    for a, b in conflicts:
        if a in block_of and b in block_of and block_of[a] != block_of[b]:
            neighbours[block_of[a]].add(block_of[b])
            neighbours[block_of[b]].add(block_of[a])
    groups: list[Collection[str]] = []
    exact = True
    extracted = EXTRACTED if len(remaining) <= CROWD else 3
    while remaining and len(groups) < extracted:
        chosen, solved = _heaviest(remaining, neighbours, weights)
        exact = exact and solved
        groups.append(chosen)
        remaining -= chosen
    if remaining:
        exact = False
        groups.extend(_first_fit(remaining, neighbours, weights))
    expanded = (tuple(sorted(c for block in group for c in members[block])) for group in groups)
    return Partition(tuple(expanded), exact)


def _blocks(
    claims: set[str],
    conflicts: Collection[tuple[str, str]],
    voice_of: Mapping[str, Hashable],
    saying: Mapping[str, Hashable],
) -> dict[str, tuple[str, ...]]:
    """The units grouped, each named by its smallest claim id: each voice without a conflict
    inside it as one block, every other claim on its own; then blocks whose claims say the
    same thing (`saying`: one figure, one agent) joined, wherever the join adds no conflict —
    so a copy of a claim stands with its original even when the original's voice is torn."""
    clash: dict[str, set[str]] = defaultdict(set)
    for a, b in conflicts:
        if a in claims and b in claims:
            clash[a].add(b)
            clash[b].add(a)
    by_voice: dict[Hashable, list[str]] = defaultdict(list)
    for claim in sorted(claims):
        by_voice[voice_of.get(claim, claim)].append(claim)
    blocks: dict[str, set[str]] = {}
    for found in by_voice.values():
        if any(clash[c] & set(found) for c in found):
            blocks.update({claim: {claim} for claim in found})
        else:
            blocks[found[0]] = set(found)
    home = {claim: name for name, block in blocks.items() for claim in block}
    by_saying: dict[Hashable, list[str]] = defaultdict(list)
    for claim in sorted(claims):
        if claim in saying:
            by_saying[saying[claim]].append(claim)
    for same in by_saying.values():
        for claim in same[1:]:
            first, other = home[same[0]], home[claim]
            if first == other:
                continue
            joined = blocks[first] | blocks[other]
            if any(clash[c] & joined for c in joined):
                continue
            keep, gone = min(first, other), max(first, other)
            blocks[keep] = joined
            del blocks[gone]
            home.update(dict.fromkeys(joined, keep))
    return {name: tuple(sorted(block)) for name, block in blocks.items()}


def _first_fit(
    claims: set[str], neighbours: Mapping[str, set[str]], weight: Mapping[str, int]
) -> list[tuple[str, ...]]:
    """The claims, heaviest first, each into the first group it agrees with."""
    groups: list[set[str]] = []
    for claim in sorted(claims, key=lambda c: (-weight[c], c)):
        home = next((g for g in groups if not neighbours[claim] & g), None)
        if home is None:
            groups.append({claim})
        else:
            home.add(claim)
    return [tuple(sorted(group)) for group in groups]


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


_Best = tuple[int, int, tuple[str, ...]]
"""A candidate set's order: its weight, its size, and its sorted ids (the smaller wins)."""


def _rank(chosen: frozenset[str], weight: Mapping[str, int]) -> _Best:
    return (sum(weight[c] for c in chosen), len(chosen), tuple(sorted(chosen)))


def _better(a: _Best, b: _Best) -> bool:
    """Whether `a` beats `b`: heavier, then larger, then the smaller sorted ids."""
    return a[:2] > b[:2] or (a[:2] == b[:2] and a[2] < b[2])


def _heaviest(
    nodes: set[str], neighbours: Mapping[str, set[str]], weight: Mapping[str, int]
) -> tuple[set[str], bool]:
    chosen: set[str] = set()
    exact = True
    for component in _components(nodes, neighbours):
        if len(component) == 1:
            chosen |= component
            continue
        best = _Solver(neighbours, weight).solve(component) if len(component) <= EXACT else None
        if best is None:
            exact = False
            best = _greedy(component, neighbours, weight)
        chosen |= best
    return chosen, exact


class _Solver:
    """Exact maximum-weight independent set by branching, with memory and a budget."""

    def __init__(self, neighbours: Mapping[str, set[str]], weight: Mapping[str, int]):
        self.neighbours = neighbours
        self.weight = weight
        self.memo: dict[frozenset[str], tuple[_Best, frozenset[str]]] = {}
        self.left = BUDGET

    def solve(self, nodes: frozenset[str]) -> frozenset[str] | None:
        try:
            return self._best(nodes)[1]
        except _OutOfBudgetError:
            return None

    def _best(self, nodes: frozenset[str]) -> tuple[_Best, frozenset[str]]:
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
            rank_out, without = self._best(rest - {pivot})
            _, with_pivot = self._best(rest - {pivot} - self.neighbours[pivot])
            with_pivot = with_pivot | {pivot}
            rank_in = _rank(with_pivot, self.weight)
            result = free | (with_pivot if _better(rank_in, rank_out) else without)
        found = (_rank(result, self.weight), result)
        self.memo[nodes] = found
        return found


class _OutOfBudgetError(Exception):
    pass


def _greedy(
    nodes: frozenset[str], neighbours: Mapping[str, set[str]], weight: Mapping[str, int]
) -> frozenset[str]:
    """Drop the claim with the most conflicts per unit of weight until no conflict is left
    (ties: the largest id first), by a heap of (conflicts / weight) kept up to date lazily."""
    left = set(nodes)
    degree = {n: len(neighbours[n] & left) for n in left}
    heap = [(-degree[n] / weight[n], _Reversed(n)) for n in left]
    heapq.heapify(heap)
    while heap:
        ratio, entry = heapq.heappop(heap)
        node = entry.value
        if node not in left or -ratio != degree[node] / weight[node]:
            continue  # dropped already, or its count has changed since: a stale entry
        if degree[node] == 0:
            break
        left.discard(node)
        for other in neighbours[node] & left:
            degree[other] -= 1
            heapq.heappush(heap, (-degree[other] / weight[other], _Reversed(other)))
    return frozenset(left)


@attrs.frozen(order=False)
class _Reversed:
    """An id that sorts backwards, so a heap of (ratio, id) pops the largest id on a tie."""

    value: str

    def __lt__(self, other: _Reversed) -> bool:
        return self.value > other.value
