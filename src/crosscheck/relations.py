"""How the actors and places of a dataset relate: which place lies within which, which actor
is part of which, which parties an actor acts for, which origins are one voice.

`crosscheck.engine.Context` answers these questions for rules (`context.same_side(a, b)`,
`context.within(a, b)`, …) through a `Relations` built once per dataset; everything is by id
and computed once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable

from crosscheck.components import Components
from crosscheck.geo import apart_km
from crosscheck.model import Dataset
from crosscheck.vocabulary import PARTY_KINDS, ActorKind

__all__ = ["Relations"]


class Relations:
    """The nesting of a dataset's places and actors, and the sides its actors act for."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self._within = {p.id: frozenset(q.id for q in dataset.enclosing(p.id))
                        for p in dataset.places}  # fmt: skip
        self._groups = {a.id: frozenset(g.id for g in dataset.groups(a.id))
                        for a in dataset.actors}  # fmt: skip
        self._members: dict[str, set[str]] = defaultdict(set)
        for actor, groups in self._groups.items():
            for group in groups:
                self._members[group].add(actor)
        self._camps: dict[str, frozenset[str]] = {}
        self._voices: dict[tuple[str, ...], tuple[str, ...]] = {}
        self._clusters: dict[tuple[str, ...], tuple[tuple[str, ...], ...]] = {}
        """The voices of each set of origins asked about: bulk data asks of the same few."""

    def apart_km(self, a: str, b: str) -> float | None:
        """At least how far apart place ids `a` and `b` lie, in km (`crosscheck.geo.apart_km`);
        None when either has no coordinates."""
        return apart_km(self.dataset.place(a), self.dataset.place(b))

    def places_near(self, a: str, b: str, km: float | None) -> bool:
        """Whether place ids `a` and `b` nest, or lie within `km` of each other."""
        if self.places_nest(a, b):
            return True
        apart = None if km is None else self.apart_km(a, b)
        return apart is not None and km is not None and apart <= km

    def within(self, inner: str, outer: str) -> bool:
        """Whether place id `inner` is `outer` or lies within it."""
        return outer in self._within[inner]

    def part_of(self, member: str, group: str) -> bool:
        """Whether actor id `member` is `group` or belongs to it."""
        return group in self._groups[member]

    def enclosing_ids(self, place: str) -> frozenset[str]:
        """Place id `place` and the ids of every place it lies within."""
        return self._within[place]

    def group_ids(self, actor: str) -> frozenset[str]:
        """Actor id `actor` and the ids of every actor it is part of."""
        return self._groups[actor]

    def top_group(self, actor: str) -> str:
        """The top of actor id `actor`'s `part_of` chain."""
        return min(self._groups[actor], key=lambda g: (len(self._groups[g]), g))

    def outermost(self, place: str) -> str:
        """The outermost place that place id `place` lies within (a country, usually)."""
        return max(self._within[place], key=lambda p: (len(self._within[p]) == 1, p))

    def camps(self, actor: str) -> frozenset[str]:
        """The parties an actor acts for: itself and every actor it is part of or aligned
        with, transitively — and the same for each of its own members, so a coalition acts
        for whoever its members act for (the armed opposition, whose Turkey-backed groups are
        aligned with Ankara, acts for Ankara too)."""
        cached = self._camps.get(actor)
        if cached is None:
            root = self.dataset.actor(actor)
            if root.kind is ActorKind.PEOPLE:
                cached = frozenset()  # people acted upon are never a side
            else:
                cached = frozenset().union(*(self._up(m) for m in self._members[root.id]))
            self._camps[actor] = cached
        return cached

    def _up(self, actor: str) -> set[str]:
        """The actor and everything it is part of or aligned with, transitively."""
        seen: set[str] = set()
        stack = [actor]
        while stack:
            current = self.dataset.actor(stack.pop())
            if current.id not in seen and current.kind is not ActorKind.PEOPLE:
                seen.add(current.id)
                stack += [*current.aligned_with, *([current.part_of] if current.part_of else [])]
        return seen

    def same_side(self, a: str, b: str) -> bool:
        """Whether two actors act for a common party (see `camps`). People acted upon (actors
        of kind `people`) are on nobody's side, not even their own."""
        return not self.camps(a).isdisjoint(self.camps(b))

    def voices(self, origins: Iterable[str]) -> tuple[tuple[str, ...], ...]:
        """Origins (actor ids) grouped by alignment, one cluster per independent voice: two
        origins on one side (a government and its state media) are one voice. Clusters are
        connected components of "on one side", sorted; equal clusters are one shared tuple."""
        ordered = tuple(sorted(set(origins)))
        known = self._clusters.get(ordered)
        if known is not None:
            return known
        components = Components()
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                if self.same_side(a, b):
                    components.join(a, b)
        found: dict[str, list[str]] = defaultdict(list)
        for origin in ordered:
            found[components.root(origin)].append(origin)
        shared = self._voices
        clusters = tuple(sorted(shared.setdefault(tuple(m), tuple(m)) for m in found.values()))
        self._clusters[ordered] = clusters
        return clusters

    def allied(self, agents_a: Collection[str], agents_b: Collection[str]) -> bool:
        """Whether some agent of one group is on one side with some agent of the other."""
        return any(self.same_side(a, b) for a in agents_a for b in agents_b)

    def sides(self, a: str, b: str) -> str:
        """Explain why two actors are on the same side, or rival ones: the outermost parties
        each acts for (the Russian government, not also its air force and its spokesmen)."""
        common = self._outermost(self.camps(a) & self.camps(b))
        if common:
            return f"{a} and {b} both act for {', '.join(common)}"
        return (f"rival sides: {a} acts for {', '.join(self._outermost(self.camps(a)))}; "
                f"{b} acts for {', '.join(self._outermost(self.camps(b)))}")  # fmt: skip

    def _outermost(self, camps: frozenset[str]) -> list[str]:
        """The parties of `camps` that belong to no other of them, sorted."""
        return sorted(c for c in camps if not any(d != c and self.part_of(c, d) for d in camps))

    def is_party(self, actor: str) -> bool:
        """Whether `actor` acts for a party to the fighting (a state, government, armed force
        or group); a monitor or an outlet speaking for itself does not."""
        return any(self.dataset.actor(a).kind in PARTY_KINDS for a in self.camps(actor))

    def places_nest(self, a: str, b: str) -> bool:
        """Whether one place is the other or lies within it."""
        return self.within(a, b) or self.within(b, a)
