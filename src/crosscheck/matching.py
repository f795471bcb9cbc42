"""Which records of two datasets are the same incident, and how much that depends on the window.

Coded datasets (UCDP GED, ACLED) and curated news claims record one strike a little apart:
a day later, at a village a few kilometres off. `match` pairs the records (event ids) of two
datasets as meltt does — the same kind of act, dates up to `Window.days` apart, places that are
the same, nest, or lie within `Window.km` — one to one: a record with two candidates in the
other dataset, or whose candidate has two, is *ambiguous* and matched to neither. `sensitivity`
counts the matches over a grid of windows, so a comparison says how much it rests on the
window chosen. Pure: the datasets come in, the pairs come out, sorted.
"""

from __future__ import annotations

import bisect
import datetime
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Final

import attrs

from crosscheck.dates import DateSpan
from crosscheck.geo import apart_km
from crosscheck.model import Claim, Dataset
from crosscheck.relations import Relations
from crosscheck.sameness import Window, act_kind, acts_differ, days_apart

__all__ = [
    "DAYS",
    "KMS",
    "Candidate",
    "Matching",
    "Record",
    "candidates",
    "compare",
    "match",
    "records",
    "sensitivity",
]

DAYS: Final = (0, 1, 2, 3, 7)
"""The date windows `sensitivity` tries, in days."""
KMS: Final = (0.0, 5.0, 10.0, 25.0, 50.0)
"""The place windows `sensitivity` tries, in km."""


@attrs.frozen
class Record:
    """One record of a dataset: the claims that share an event id (or, without one, a claim)."""

    id: str
    predicates: frozenset[str]
    start: datetime.date
    end: datetime.date
    place: str | None
    claims: tuple[str, ...]
    acts: frozenset[str] = frozenset()
    """The kinds of act its claims say (`crosscheck.sameness.act_kind`)."""


@attrs.frozen(order=True)
class Candidate:
    """A record of each dataset that a window could take for one incident, and how far apart."""

    a: str
    b: str
    days: int
    """Days from the end of the earlier to the start of the later; 0 when they share a day."""
    km: float | None
    """At least how far apart the places lie (see `crosscheck.geo.apart_km`); None when they
    are the same, nest, or either has no coordinates."""
    how: str
    """How the places relate: "same place", "places nest (x, y)", "3.2 km apart (x, y)"."""

    def within(self, window: Window) -> bool:
        """Whether the window takes the two for one incident."""
        if self.days > window.days:
            return False
        if self.km is None:
            return True
        return window.km is not None and self.km <= window.km


@attrs.frozen
class Matching:
    """The records of two datasets under one window: matched one to one, ambiguous, alone."""

    window: Window
    matched: tuple[Candidate, ...]
    ambiguous: tuple[tuple[str, tuple[str, ...]], ...]
    """Each record (of either dataset) with candidates but no match — two or more, or one
    that has another — and its candidates: every record is matched, ambiguous or alone."""
    only_a: tuple[str, ...]
    only_b: tuple[str, ...]


def records(dataset: Dataset, claims: Iterable[Claim] | None = None) -> list[Record]:
    """The dated records of `claims` (by default all of `dataset`'s), sorted by id: a record per
    event id, and per claim without one."""
    relations = Relations(dataset)

    def against_people(claim: Claim) -> bool:
        patient = claim.patient
        return patient is not None and not relations.is_party(dataset.actor(patient).id)

    grouped: dict[str, list[Claim]] = defaultdict(list)
    for claim in dataset.claims if claims is None else claims:
        if claim.when is not None and claim.when.start != datetime.date.min:
            grouped[claim.event or claim.id].append(claim)
    found = []
    for key, members in sorted(grouped.items()):
        places = [dataset.place(c.place).id for c in members if c.place is not None]
        found.append(Record(
            key,
            frozenset(c.predicate for c in members),
            min(c.when.start for c in members if c.when is not None),
            max(c.when.end for c in members if c.when is not None),
            min(places, key=lambda p: (-len(list(dataset.enclosing(p))), p)) if places else None,
            tuple(sorted(c.id for c in members)),
            frozenset(k for c in members if (k := act_kind(c, against_people(c))) is not None),
        ))  # fmt: skip
    return found


def candidates(
    a: Sequence[Record], b: Sequence[Record], relations: Relations, widest: Window
) -> list[Candidate]:
    """Every pair (a record of `a`, one of `b`) that the `widest` window takes for one incident,
    found by a sweep over `b` in date order (never every pair)."""
    ordered = sorted(b, key=lambda r: (r.start, r.id))
    starts = [r.start for r in ordered]
    longest = max(((r.end - r.start).days for r in ordered), default=0)
    slack = datetime.timedelta(days=widest.days)
    found = []
    for x in a:
        low = bisect.bisect_left(starts, x.start - slack - datetime.timedelta(days=longest))
        high = bisect.bisect_right(starts, x.end + slack)
        for y in ordered[low:high]:
            if not x.predicates & y.predicates or acts_differ(x.acts, y.acts):
                continue
            gap = _gap(x, y)
            if gap > widest.days:
                continue
            placed = _places(relations, x.place, y.place, widest.km)
            if placed is not None:
                found.append(Candidate(x.id, y.id, gap, *placed))
    return sorted(found)


def _gap(x: Record, y: Record) -> int:
    return days_apart(DateSpan.of(x.start, x.end), DateSpan.of(y.start, y.end))


def _places(
    relations: Relations, x: str | None, y: str | None, km: float | None
) -> tuple[float | None, str] | None:
    if x is None or y is None:
        return None, "place given by one record only"
    if x == y:
        return None, f"same place {x}"
    if relations.places_nest(x, y):
        return None, f"places nest ({x}, {y})"
    apart = apart_km(relations.dataset.place(x), relations.dataset.place(y))
    if apart is None or km is None or apart > km:
        return None
    return apart, f"{apart:.1f} km apart ({x}, {y})"


def match(candidates: Sequence[Candidate], a: Sequence[Record], b: Sequence[Record],
          window: Window) -> Matching:  # fmt: skip
    """The records of `a` and `b` under `window`, from the `candidates` of a window at least as
    wide: one to one, where each record's only candidate has it as its only candidate."""
    taken = [c for c in candidates if c.within(window)]
    of_a: dict[str, list[Candidate]] = defaultdict(list)
    of_b: dict[str, list[Candidate]] = defaultdict(list)
    for candidate in taken:
        of_a[candidate.a].append(candidate)
        of_b[candidate.b].append(candidate)
    matched = tuple(c for c in taken if len(of_a[c.a]) == 1 and len(of_b[c.b]) == 1)
    paired = {c.a for c in matched} | {c.b for c in matched}
    ambiguous = sorted(
        [(key, tuple(sorted(c.b for c in found))) for key, found in of_a.items()
         if key not in paired]
        + [(key, tuple(sorted(c.a for c in found))) for key, found in of_b.items()
           if key not in paired]
    )  # fmt: skip
    return Matching(
        window,
        matched,
        tuple(ambiguous),
        tuple(r.id for r in a if r.id not in of_a),
        tuple(r.id for r in b if r.id not in of_b),
    )


def sensitivity(
    candidates: Sequence[Candidate],
    a: Sequence[Record],
    b: Sequence[Record],
    days: Sequence[int] = DAYS,
    kms: Sequence[float] = KMS,
) -> list[Matching]:
    """The matching under every window of the grid `days` × `kms`, in that order."""
    return [match(candidates, a, b, Window(d, k)) for d in days for k in kms]


@attrs.frozen
class Comparison:
    """Two datasets' records, the candidates of the widest window, and the chosen window's
    matching with its sensitivity grid: what `crosscheck match` prints."""

    a: tuple[Record, ...]
    b: tuple[Record, ...]
    matching: Matching
    grid: tuple[Matching, ...]


def compare(first: Dataset, second: Dataset, window: Window) -> Comparison:
    """Match the records of `first` and `second` under `window`, and over the grid of
    `DAYS` × `KMS`. Places of the two are related after merging them by name, as an include
    does (`crosscheck.loading.include.merge`)."""
    from crosscheck.loading.include import merge

    def bare(dataset: Dataset) -> Dataset:
        return attrs.evolve(dataset, reports=(), claims=(), accepted=())

    joined = merge(bare(first), bare(second), "match")
    relations = Relations(joined)
    a = records(joined, first.claims)
    b = records(joined, second.claims)
    widest = Window(max(max(DAYS), window.days), max(max(KMS), window.km or 0.0))
    found = candidates(a, b, relations, widest)
    return Comparison(tuple(a), tuple(b), match(found, a, b, window),
                      tuple(sensitivity(found, a, b)))  # fmt: skip
