"""Partitions: split a claim set into parts that can be checked apart, and merge the findings.

A rule only ever relates claims that share a blocking key (see docs/scale.md). Joining every
two claims that share any such key — the same event id; the same predicate and the same top-level
group of patient (or of either party, for a symmetric predicate); the same predicate and country
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
from crosscheck.model import Claim, Dataset
from crosscheck.vocabulary import HOLDING, MEASURES, SYMMETRIC

__all__ = ["check_partitioned", "partitions"]


def _keys(context: Context, claim: Claim) -> Iterator[Hashable]:
    """Every blocking key under which a rule could pair `claim` with another claim."""
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


def partitions(dataset: Dataset) -> list[Dataset]:
    """The dataset split into parts no built-in rule relates across, largest first.

    Every part keeps all actors, places and accepted findings, and the reports of its claims.
    """
    context = Context(dataset)
    components = Components()
    first_with: dict[Hashable, str] = {}
    for claim in context.claims:
        for key in _keys(context, claim):
            components.join(first_with.setdefault(key, claim.id), claim.id)
    members: dict[str, list[Claim]] = defaultdict(list)
    for claim in sorted(dataset.claims, key=lambda c: c.id):  # as curated, not as inherited
        members[components.root(claim.id)].append(claim)
    reports = {report.id: report for report in dataset.reports}
    parts = []
    for claims in sorted(members.values(), key=lambda group: (-len(group), group[0].id)):
        used = sorted({claim.report for claim in claims})
        parts.append(attrs.evolve(dataset, reports=tuple(reports[r] for r in used),
                                  claims=tuple(claims)))  # fmt: skip
    return parts


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
) -> list[Finding]:
    """`crosscheck.check`, one part at a time through `mapper`, the findings merged and sorted.

    `mapper(function, parts, options)` applies `function(part, options)` to every part, like
    the built-in `map` with two iterables.
    """
    chosen = parts if parts is not None else partitions(dataset)
    options = {"select": None if select is None else list(select),
               "ignore": None if ignore is None else list(ignore), "preview": preview}  # fmt: skip
    merged: dict[str, Finding] = {}
    for findings in mapper(_check_part, chosen, [options] * len(chosen)):
        for finding in findings:
            merged.setdefault(finding.fingerprint, finding)
    return sorted(merged.values(), key=lambda f: f.sort_key)
