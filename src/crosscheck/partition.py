"""Partitions: split a claim set into parts that can be checked apart, and merge the findings.

A rule only ever relates claims that share a blocking key (see docs/scale.md). Joining every
two claims that share any such key — the same event id; the same predicate and the same top-level
group of patient (or of either party, for a symmetric predicate: what a sameness window
pairs, too); the same predicate and country
for a measure; the same country for claims about who holds a place; a part and its total —
splits the dataset into connected parts no rule can reach across. Each part is checked on its
own, by the same pure engine, and the findings are merged and sorted: the same findings as one
`check` of the whole, for the built-in rules (a property the tests check). A third-party rule
that relates claims by other keys must run single-process.

`check_partitioned(dataset, mapper=...)` takes any map function — the built-in `map`, a
process pool's, or a Dask client's (see `crosscheck.dask`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from typing import Any

import attrs

from crosscheck.components import Components
from crosscheck.engine import Context, check
from crosscheck.findings import Finding
from crosscheck.model import Actor, Claim, Dataset, Place, Report
from crosscheck.sameness import Window, namespace
from crosscheck.vocabulary import HOLDING, MEASURES, SYMMETRIC

__all__ = ["check_partitioned", "merged", "partitions"]


def _keys(context: Context, claim: Claim) -> Iterator[Hashable]:
    """Every blocking key under which a rule could pair `claim` with another claim. Keys of
    the form ("count", …) relate claims of different incidents — inferred sameness, a part and
    its whole, a toll over growing periods — which two records of one coded dataset never are
    (`_join`)."""
    roles = context.roles(claim)
    if claim.event is not None:
        yield ("event", claim.event)
    if claim.total is not None:
        yield ("claim", claim.total)
    yield ("claim", claim.id)
    country = None if roles.place is None else context.outermost(roles.place)
    if claim.predicate in MEASURES:
        yield ("measure", claim.predicate, country)
        return
    if claim.predicate in HOLDING:
        yield ("control", country)
    parties = [roles.patient]
    if claim.predicate in SYMMETRIC:
        parties.extend(roles.agents)
    for party in parties:
        top = None if party is None else context.top_group(party)
        yield ("count", claim.predicate, top)


def _join(context: Context) -> Components:
    """The claims joined by their shared keys. Under a ("count", …) key, the records of one
    coded dataset (event ids of one namespace, `ged:…`) are joined only when some other claim
    shares the key — a curated claim, or a record of another dataset — so a GED export alone
    splits into its records: no built-in rule relates two of them."""
    components = Components()
    first_with: dict[Hashable, str] = {}
    records: dict[Hashable, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for claim in context.claims:
        space = namespace(claim.event)
        for key in _keys(context, claim):
            if space and isinstance(key, tuple) and key[0] == "count":
                records[key][space].append(claim.id)
            else:
                components.join(first_with.setdefault(key, claim.id), claim.id)
    for key, by_dataset in records.items():
        if len(by_dataset) > 1 or key in first_with:  # another dataset, or a curated claim
            anchor = first_with.setdefault(key, next(iter(by_dataset.values()))[0])
            for ids in by_dataset.values():
                for claim_id in ids:
                    components.join(anchor, claim_id)
    return components


def partitions(dataset: Dataset) -> list[Dataset]:
    """The dataset split into parts no built-in rule relates across, largest first.

    Every part keeps the reports of its claims, all accepted findings, and only the actors and
    places its claims can reach (`_reached`): what they name, the groups and places those lie
    within, and for actors, their members and everything any of them is part of or aligned
    with — all a rule asks about an actor's side. A part of a few claims no longer carries
    every place of a million-claim dataset to its worker.
    """
    components = _join(Context(dataset))
    members: dict[str, list[Claim]] = defaultdict(list)
    for claim in sorted(dataset.claims, key=lambda c: c.id):  # as curated, not as inherited
        members[components.root(claim.id)].append(claim)
    reports = {report.id: report for report in dataset.reports}
    reach = _Reach(dataset)
    parts = []
    for claims in sorted(members.values(), key=lambda group: (-len(group), group[0].id)):
        used = [reports[r] for r in sorted({claim.report for claim in claims})]
        actors, places = reach.of(claims, used)
        parts.append(attrs.evolve(dataset, reports=tuple(used), claims=tuple(claims),
                                  actors=actors, places=places))  # fmt: skip
    return parts


class _Reach:
    """Which actors and places a set of claims can reach, by the relations rules ask about."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self.children: dict[str, list[str]] = defaultdict(list)
        for actor in dataset.actors:
            if actor.part_of is not None:
                self.children[dataset.actor(actor.part_of).id].append(actor.id)

    def of(self, claims: Sequence[Claim], reports: Sequence[Report]
           ) -> tuple[tuple[Actor, ...], tuple[Place, ...]]:  # fmt: skip
        """The actors and places `claims` (of `reports`) reach, in the dataset's order."""
        dataset = self.dataset
        named = {r.outlet for r in reports}
        for claim in claims:
            named |= {claim.source, *claim.agents, *claim.via}
            if claim.patient is not None:
                named.add(claim.patient)
        down = [dataset.actor(name).id for name in named]
        members: set[str] = set()
        while down:  # each named actor and its members, to the bottom
            current = down.pop()
            if current not in members:
                members.add(current)
                down.extend(self.children[current])
        reached: set[str] = set()
        up = list(members)
        while up:  # and everything any of them is part of or aligned with, to the top
            actor = dataset.actor(up.pop())
            if actor.id not in reached:
                reached.add(actor.id)
                up += [*actor.aligned_with, *([actor.part_of] if actor.part_of else [])]
        places: set[str] = set()
        for claim in claims:
            for name in (claim.place, claim.reference):
                if name is not None:
                    places |= {p.id for p in dataset.enclosing(dataset.place(name).id)}
        return (
            tuple(a for a in dataset.actors if a.id in reached),
            tuple(p for p in dataset.places if p.id in places),
        )


def _check_part(part: Dataset, options: dict[str, Any]) -> list[Finding]:
    return check(part, **options)


def check_partitioned(
    dataset: Dataset,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    *,
    preview: bool = False,
    mapper: Callable[..., Iterable[list[Finding]]] = map,
    parts: Sequence[Dataset] | None = None,
    window: Window | None = None,
) -> list[Finding]:
    """`crosscheck.check`, one part at a time through `mapper`, the findings merged and sorted.

    `mapper(function, parts, options)` applies `function(part, options)` to every part, like
    the built-in `map` with two iterables.
    """
    chosen = parts if parts is not None else partitions(dataset)
    options = {"select": None if select is None else list(select),
               "ignore": None if ignore is None else list(ignore), "preview": preview,
               "window": window}  # fmt: skip
    return merged(mapper(_check_part, chosen, [options] * len(chosen)))


def merged(found: Iterable[Iterable[Finding]]) -> list[Finding]:
    """The findings of every part, each once (by fingerprint), sorted as `check` sorts them."""
    kept: dict[str, Finding] = {}
    for findings in found:
        for finding in findings:
            kept.setdefault(finding.fingerprint, finding)
    return sorted(kept.values(), key=lambda f: f.sort_key)
