"""A seeded generator of realistic synthetic claim sets, with planted disagreements.

The data look like a conflict-event export: governments with their forces and state media,
armed groups aligned with them, monitors and outlets; countries, provinces and towns; reports
of incidents in which several sources count the dead, wounded or captured of one side, in
vague and exact wordings, dated relatively ("on Monday", "yesterday") or absolutely. Most
incidents carry a curated event id; some do not, so the engine must infer sameness from
patient, place and dates. Sources of one incident report over the following days, so a toll is
stated at different times; every figure holds with the others whatever the order. A known
fraction of incidents gets one source whose figure, stated after all the others, lies wholly
below them — a toll that fell, which no order explains: those incidents, and only those, are
the `quantity.disjoint` findings a correct engine reports (one each, citing the incident).

    python benchmarks/generate.py 100000 /tmp/claims-100k   # writes the bulk format
"""

from __future__ import annotations

import datetime
import random
import sys
from collections.abc import Iterator
from pathlib import Path

import attrs

from crosscheck.bulk import dump_bulk
from crosscheck.dates import DateSpan
from crosscheck.model import Actor, ActorKind, Claim, Dataset, Modality, Place, PlaceKind, Report
from crosscheck.quantity import Quantity

PREDICATES = ("killed", "wounded", "captured")
FIRST_DAY = datetime.date(2019, 1, 1)
DAYS = 730
SLOT_DAYS = 30
"""Incidents about one patient in one town lie at least this far apart, so two incidents are
never inferred to be one (sameness needs dates within ten days of each other)."""

EXACT = ("{n}",)
COMPATIBLE = ("at least {low}", "about {n}", "nearly {up}", "more than {below}", "{n}")
DISJOINT = "{far}"
LOWEST_WITH_ODD = 12
"""The smallest toll of an incident with an odd one out, so that its quarter lies below every
compatible wording of it."""
WEEKDAYS = ("on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday",
            "on Saturday", "on Sunday")  # fmt: skip


@attrs.frozen
class World:
    actors: tuple[Actor, ...]
    places: tuple[Place, ...]
    parties: tuple[str, ...]
    """Actors whose losses are counted."""
    voices: tuple[str, ...]
    """Actors who count them: monitors, outlets, ministries."""
    towns: tuple[str, ...]


def world(rng: random.Random, towns_per_province: int) -> World:
    actors: list[Actor] = []
    parties, voices = [], []
    for g in range(6):
        gov = f"gov-{g}"
        actors.append(Actor(gov, f"Government {g}", ActorKind.GOVERNMENT, (f"Capital {g}",)))
        for branch in range(3):
            force = f"forces-{g}-{branch}"
            actors.append(Actor(force, f"Forces {g}.{branch}", ActorKind.ARMED_FORCES,
                                (f"F{g}{branch}",), part_of=gov))  # fmt: skip
            parties.append(force)
        media = f"media-{g}"
        actors.append(Actor(media, f"State media {g}", ActorKind.MEDIA, aligned_with=gov))
        voices.append(media)
        group = f"group-{g}"
        actors.append(Actor(group, f"Armed group {g}", ActorKind.ARMED_GROUP,
                            aligned_with=f"gov-{(g + 1) % 6}"))  # fmt: skip
        parties.append(group)
    for m in range(20):
        actors.append(Actor(f"monitor-{m}", f"Monitor {m}", ActorKind.MONITOR, (f"M{m}",)))
        voices.append(f"monitor-{m}")
    for o in range(60):
        actors.append(Actor(f"outlet-{o}", f"Outlet {o}", ActorKind.MEDIA))
        voices.append(f"outlet-{o}")
    places: list[Place] = []
    towns = []
    for c in range(5):
        places.append(Place(f"country-{c}", f"Country {c}", PlaceKind.COUNTRY))
        for p in range(10):
            province = f"province-{c}-{p}"
            places.append(Place(province, f"Province {c}.{p}", PlaceKind.PROVINCE,
                                within=f"country-{c}"))  # fmt: skip
            for t in range(towns_per_province):
                town = f"town-{c}-{p}-{t}"
                places.append(Place(town, f"Town {c}.{p}.{t}", PlaceKind.TOWN,
                                    (f"T{c}x{p}x{t}",), within=province))  # fmt: skip
                towns.append(town)
    rng.shuffle(towns)
    return World(tuple(actors), tuple(places), tuple(parties), tuple(voices), tuple(towns))


@attrs.frozen
class Generated:
    dataset: Dataset
    planted: frozenset[frozenset[str]]
    """The claims of each incident (as sets of ids) that `quantity.disjoint` must report, one
    finding each, and nothing else."""


def _wording(rng: random.Random, n: int, template: str) -> str:
    return template.format(n=n, low=max(1, n - rng.randint(0, 3)), up=n + 1,
                           below=max(0, n - 1 - rng.randint(0, 2)), far=n // 4)  # fmt: skip


def _when(rng: random.Random, day: datetime.date) -> tuple[str, datetime.date]:
    """A wording for `day` and the publication date it is read against."""
    published = day + datetime.timedelta(days=rng.randint(0, 6))
    if published == day and rng.random() < 0.3:
        return "today", published
    if (published - day).days == 1 and rng.random() < 0.5:
        return "yesterday", published
    if rng.random() < 0.5:
        return WEEKDAYS[day.weekday()], published
    return day.isoformat(), published


def generate(claims: int, seed: int = 1, planted_share: float = 0.02) -> Generated:
    """About `claims` claims in incidents of two to four sources each."""
    rng = random.Random(seed)
    w = world(rng, towns_per_province=max(4, claims // 2000))
    taken: dict[tuple[str, str], list[int]] = {}
    reports: list[Report] = []
    made: list[Claim] = []
    planted: set[frozenset[str]] = set()
    incident = 0
    while len(made) < claims:
        incident += 1
        predicate = rng.choice(PREDICATES)
        patient = rng.choice(w.parties)
        town = rng.choice(w.towns)
        slot = rng.randrange(DAYS)
        used = taken.setdefault((patient, town), [])
        if any(abs(slot - other) < SLOT_DAYS for other in used):
            continue
        used.append(slot)
        day = FIRST_DAY + datetime.timedelta(days=slot)
        event = f"event-{incident}" if rng.random() < 0.8 else None
        size = rng.randint(2, 4)
        odd = rng.randrange(size) if rng.random() < planted_share else None
        n = rng.randint(LOWEST_WITH_ODD if odd is not None else 2, 60)
        ids: list[str] = []
        quantities: list[Quantity] = []
        sources = rng.sample(w.voices, size)  # distinct voices: no party contradicts itself
        for k, source in enumerate(sources):
            template = DISJOINT if k == odd else rng.choice(COMPATIBLE if k else EXACT)
            wording = _wording(rng, n, template)
            when_text, published = _when(rng, day)
            if k == odd:  # stated after every other source of the incident: a toll that fell
                when_text, published = day.isoformat(), day + datetime.timedelta(days=7)
            report_id = f"report-{len(reports)}"
            reports.append(Report(report_id, rng.choice(w.voices[-60:]), f"Report {incident}.{k}",
                                  published, ""))  # fmt: skip
            claim_id = f"claim-{len(made)}"
            made.append(Claim(
                id=claim_id, report=report_id, predicate=predicate, source=source,
                quote=f"{wording} {predicate}", modality=Modality.ASSERTED, patient=patient,
                place=town, quantity=Quantity.parse(wording),
                when=DateSpan.parse(when_text, published), event=event,
            ))  # fmt: skip
            ids.append(claim_id)
            quantities.append(Quantity.parse(wording))
        if odd is not None:
            assert all(quantities[i].above(quantities[odd]) for i in range(size) if i != odd)
            planted.add(frozenset(ids))
    dataset = Dataset(reports=reports, actors=w.actors, places=w.places, claims=made)
    return Generated(dataset, frozenset(planted))


def claims_of(generated: Generated) -> Iterator[Claim]:
    yield from generated.dataset.claims


if __name__ == "__main__":
    count, target = int(sys.argv[1]), Path(sys.argv[2])
    result = generate(count)
    dump_bulk(result.dataset, target)
    print(f"{len(result.dataset.claims)} claims, {len(result.planted)} planted → {target}")
