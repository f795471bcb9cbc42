"""A dataset that includes others: news claims checked with an imported GED or ACLED export.

A dataset folder (either format) may hold a ``dataset.toml``::

    include = ["../ged-syria-2020", "../acled-syria-2020"]

Each path, relative to the folder, names another dataset, loaded (with its own includes) and
merged into this one. Actors and places are matched by name: an included actor one of whose
names (id, display name, alias; folded as everywhere) names an actor of the including dataset
*is* that actor — its names become aliases of it, so "SOHR" in an import and "the Syrian
Observatory for Human Rights" of a curated actors.toml are one voice; the including dataset's
kind, nesting and sides stand. A place merged so takes the included place's coordinates when
it has none. Anything else is added. Reports and claims keep their ids, which must differ;
accepted findings are pooled.
"""

from __future__ import annotations

import tomllib
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Final, TypeVar

import attrs

from crosscheck.geo import apart_km
from crosscheck.loading.files import not_a_file, without_bom
from crosscheck.loading.problems import DatasetError, Problem, describe
from crosscheck.model import Actor, Dataset, Place, PlaceKind
from crosscheck.names import did_you_mean, fold

__all__ = ["INCLUDE_FILE", "included", "merge"]

INCLUDE_FILE: Final = "dataset.toml"

_T = TypeVar("_T", Actor, Place)


def included(root: Path) -> list[Path]:
    """The datasets the folder `root` includes (none without a dataset.toml), resolved; raises
    `DatasetError` for a dataset.toml that does not say so clearly."""
    path = root / INCLUDE_FILE
    if not path.exists() and not path.is_symlink():
        return []
    file = str(path)
    if (problem := not_a_file(path)) is not None:
        raise DatasetError([Problem(file, "", f"expected a file, {problem}")])
    try:
        raw = tomllib.loads(without_bom(path.read_bytes().decode("utf-8")))
    except (OSError, UnicodeDecodeError) as error:
        raise DatasetError([Problem(file, "", f"expected a readable UTF-8 file, found an error "
                                    f"({error})")]) from None  # fmt: skip
    except tomllib.TOMLDecodeError as error:
        raise DatasetError([Problem(file, "", f"expected valid TOML, found a syntax error "
                                    f"({error})")]) from None  # fmt: skip
    unknown = sorted(set(raw) - {"include"})
    if unknown:
        hint = did_you_mean(unknown[0], ["include"]) or "the one key is include"
        raise DatasetError([Problem(file, unknown[0], f"expected only known keys, found "
                                    f"{unknown[0]!r} ({hint})")])  # fmt: skip
    paths = raw.get("include", [])
    if not isinstance(paths, list):
        raise DatasetError([Problem(file, "include", f"expected a list of dataset folders, "
                                    f'found {describe(paths)} (write ["../other"])')])  # fmt: skip
    found: list[Path] = []
    problems: list[Problem] = []
    for number, value in enumerate(paths):
        where = f"include[{number}]"
        if not isinstance(value, str) or not value.strip():
            problems.append(Problem(file, where, f"expected a dataset folder, found "
                                    f"{describe(value)}"))  # fmt: skip
            continue
        target = (root / value).resolve()
        if not target.is_dir():
            what = "a file" if target.exists() else "nothing"
            problems.append(Problem(file, where, f"expected a dataset folder, found {what} at "
                                    f"{target} (paths are relative to {root})"))  # fmt: skip
            continue
        if target in found:
            problems.append(Problem(file, where, f"expected each dataset once, found "
                                    f"{value!r} again"))  # fmt: skip
            continue
        found.append(target)
    if problems:
        raise DatasetError(problems)
    return found


def merge(base: Dataset, other: Dataset, file: str) -> Dataset:
    """`other` merged into `base` (see the module); raises `DatasetError` naming `file` (the
    including dataset.toml) when the two cannot be one dataset."""
    problems: list[Problem] = []
    other = _told_apart(base, other)
    actors = _merged(base.actors, other.actors, "actor", file, problems, lambda a, b: a)
    places = _merged(base.places, other.places, "place", file, problems, _with_coordinates)
    for what, ours, theirs in (
        ("report", [r.id for r in base.reports], [r.id for r in other.reports]),
        ("claim", [c.id for c in base.claims], [c.id for c in other.claims]),
    ):
        clash = sorted(set(ours) & set(theirs))
        if clash:
            more = f" and {len(clash) - 1:,} more" if len(clash) > 1 else ""
            problems.append(Problem(file, "include", f"expected {what} ids of their own in an "
                                    f"included dataset, found {clash[0]!r}{more} in both "
                                    f"(rename them, or include the dataset once)"))  # fmt: skip
    if problems:
        raise DatasetError(problems)
    accepted = {a.fingerprint: a for a in other.accepted} | {
        a.fingerprint: a for a in base.accepted
    }
    try:
        return Dataset((*base.reports, *other.reports), actors, places,
                       (*base.claims, *other.claims), tuple(accepted.values()))  # fmt: skip
    except ValueError as error:
        raise DatasetError([Problem(file, "include", f"expected datasets that merge, found "
                                    f"{error}")]) from None  # fmt: skip


def _merged(
    ours: Sequence[_T],
    theirs: Sequence[_T],
    what: str,
    file: str,
    problems: list[Problem],
    combine: Callable[[_T, _T], _T],
) -> tuple[_T, ...]:
    by_name: dict[str, str] = {fold(n): item.id for item in ours for n in item.names}
    by_id: dict[str, _T] = {item.id: item for item in ours}
    aliases: dict[str, list[str]] = defaultdict(list)
    added: list[_T] = []
    for item in theirs:
        hits = sorted({by_name[fold(n)] for n in item.names if fold(n) in by_name})
        if len(hits) > 1:
            problems.append(Problem(file, "include", f"expected each included {what} to name "
                                    f"one {what} of the dataset, found {item.id!r}, whose names "
                                    f"name both {hits[0]!r} and {hits[1]!r} (give it the "
                                    "names of one)"))  # fmt: skip
            continue
        if hits:
            target = hits[0]
            if target in by_id:
                by_id[target] = combine(by_id[target], item)
            for name in item.names:
                if fold(name) not in by_name:
                    aliases[target].append(name)
                    by_name[fold(name)] = target
            continue
        added.append(item)
        by_id[item.id] = item
        for name in item.names:
            by_name[fold(name)] = item.id
    order = [kept.id for kept in ours] + [kept.id for kept in added]
    return tuple(_with_aliases(by_id[identity], aliases[identity]) for identity in order)


FAR_KM: Final = 50.0
"""Two places of one name further apart than this (by their coordinates) are two places."""


def _told_apart(base: Dataset, other: Dataset) -> Dataset:
    """`other` with each place that shares a name with one of `base`'s but is another place —
    in another country, more than `FAR_KM` away, or a town where ours is an area — renamed
    after its country or kind ("Tripoli (Libya)", "Idleb (town)"), its id too when ours has it,
    and every reference to it changed: Tripoli in Lebanon and Tripoli in Libya stay two
    places."""
    ours = {fold(n): p for p in base.places for n in p.names}
    renamed: dict[str, Place] = {}
    for place in other.places:
        found = {ours[fold(n)].id: ours[fold(n)] for n in place.names if fold(n) in ours}
        if len(found) != 1:
            continue
        (mine,) = found.values()
        country = _country(other, place.id)
        far = (apart := apart_km(mine, place)) is not None and apart > FAR_KM
        kinds = (mine.kind in AREAS) != (place.kind in AREAS)  # a province and a town
        if not far and not kinds and (country is None
                                      or _country(base, mine.id) in (None, country)):  # fmt: skip
            continue
        qualifier = place.kind.value if kinds else (country or "elsewhere")
        name = f"{place.name} ({qualifier})"
        aliases = tuple(a for a in place.aliases if fold(a) not in ours)
        taken = place.id in {p.id for p in base.places}
        identity = f"{place.id}-{'-'.join(fold(qualifier).split())}" if taken else place.id
        renamed[place.id] = attrs.evolve(place, id=identity, name=name, aliases=aliases)
    if not renamed:
        return other
    ids = {old: new.id for old, new in renamed.items()}

    def moved(place: str | None) -> str | None:
        return None if place is None else ids.get(place, place)

    places = [attrs.evolve(p, within=moved(p.within))
              for p in (renamed.get(p.id, p) for p in other.places)]  # fmt: skip
    claims = [c if c.place not in ids and c.reference not in ids
              else attrs.evolve(c, place=moved(c.place), reference=moved(c.reference))
              for c in other.claims]  # fmt: skip
    return attrs.evolve(other, places=places, claims=claims)


def _country(dataset: Dataset, place: str) -> str | None:
    """The name of the outermost place `place` lies within, or None when it lies in none."""
    chain = list(dataset.enclosing(place))
    return chain[-1].name if len(chain) > 1 else None


def _with_aliases(item: _T, extra: list[str]) -> _T:
    return attrs.evolve(item, aliases=(*item.aliases, *extra)) if extra else item


AREAS: Final = frozenset({PlaceKind.COUNTRY, PlaceKind.REGION, PlaceKind.PROVINCE,
                          PlaceKind.DISTRICT})  # fmt: skip
"""Kinds of place that are areas: a town of one name is another place, and lends them no
point."""


def _with_coordinates(ours: Place, theirs: Place) -> Place:
    if ours.coordinates is not None or theirs.coordinates is None or ours.kind in AREAS:
        return ours
    return attrs.evolve(ours, lat=theirs.lat, lon=theirs.lon, precision_km=theirs.precision_km)
