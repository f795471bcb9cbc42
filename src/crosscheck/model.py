"""The domain model: who said what, about whom, where, when, and on whose word.

Every object is immutable. Objects refer to each other by the names a curator wrote (an id or
an alias); a `Dataset` resolves those names and indexes everything. Consistency *between*
objects (does that actor exist? does the quote occur in the report?) is checked when a dataset
is loaded and by rules, never by the classes themselves: a validator here guards only one
object's own invariants.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, TypeVar

import attrs

from crosscheck.dates import DateSpan, NumericDates
from crosscheck.names import did_you_mean, fold
from crosscheck.quantity import Quantity
from crosscheck.vocabulary import (
    ATTRIBUTED,
    MODALITIES,
    ActorKind,
    Denial,
    Extent,
    Modality,
    PlaceKind,
    Severity,
)
from crosscheck.vocabulary import PREDICATES as VOCABULARY

__all__ = [
    "MODALITIES",
    "PREDICATES",
    "Acceptance",
    "Actor",
    "ActorKind",
    "Claim",
    "CountedFrom",
    "Dataset",
    "Denial",
    "Extent",
    "Modality",
    "Place",
    "PlaceKind",
    "Report",
]


PREDICATES: Mapping[str, str] = {name: p.meaning for name, p in VOCABULARY.items()}
"""Each predicate's meaning, by name (the records with their properties are
`crosscheck.vocabulary.PREDICATES`)."""


def _strings(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


def _groups(value: Iterable[Iterable[str]]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(group) for group in value)


def _names(value: str | Iterable[str] | None) -> tuple[str, ...]:
    """One name, several, or none, as a tuple: `aligned_with` and `agents` take all three."""
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(value)


def _a_day(_: object, attribute: attrs.Attribute[datetime.date], value: object) -> None:
    if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
        raise TypeError(f"{attribute.name} must be a datetime.date, not {value!r}")


def _aware(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None or isinstance(value, DateSpan):
        return
    if not isinstance(value, datetime.datetime) or value.utcoffset() is None:
        raise TypeError(f"{attribute.name} must be a datetime with a UTC offset, not {value!r}")


def _degrees(limit: int) -> Callable[[object, attrs.Attribute[Any], float | None], None]:
    def check(_: object, attribute: attrs.Attribute[Any], value: float | None) -> None:
        if value is None:
            return
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise TypeError(f"{attribute.name} must be a number of degrees, not {value!r}")
        if not -limit <= value <= limit:
            raise ValueError(f"expected {attribute.name} between -{limit} and {limit} degrees, "
                             f"found {value!r}")  # fmt: skip

    return check


def _distance(_: object, attribute: attrs.Attribute[Any], value: float) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{attribute.name} must be a number of kilometres, not {value!r}")
    if not 0 <= value < math.inf:
        raise ValueError(f"expected {attribute.name} of 0 km or more, found {value!r}")


@attrs.frozen
class Actor:
    """Anyone who acts or speaks: a state, a force, a group, an agency, an outlet, a person."""

    id: str
    name: str
    kind: ActorKind
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    part_of: str | None = None
    """The larger actor this one belongs to (Syrian Arab Army ⊂ Syrian government forces)."""
    aligned_with: tuple[str, ...] = attrs.field(default=(), converter=_names)
    """The parties this actor speaks for or sides with (SANA → Syrian government; a militia
    allied with two governments names both). One name or several; stored as a tuple."""
    note: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        """Every spelling that names this actor: id, display name and aliases."""
        return (self.id, self.name, *self.aliases)


@attrs.frozen
class Place:
    """A town, village, province, region or country, nested by `within`."""

    id: str
    name: str
    kind: PlaceKind
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    within: str | None = None
    """The next larger place (Saraqeb ⊂ Idlib province ⊂ northwest Syria ⊂ Syria)."""
    note: str = ""
    lat: float | None = attrs.field(default=None, validator=_degrees(90))
    """Latitude in decimal degrees (WGS 84), north positive: with `lon`, where the place is."""
    lon: float | None = attrs.field(default=None, validator=_degrees(180))
    """Longitude in decimal degrees (WGS 84), east positive."""
    precision_km: float = attrs.field(default=0.0, validator=_distance)
    """How far the place may lie from (`lat`, `lon`): 0 for a town's own coordinates, 25 for
    "within 25 km of a known point" (UCDP GED's `where_prec` 2). Distances between places are
    read as at least their great-circle distance less both precisions."""

    def __attrs_post_init__(self) -> None:
        if (self.lat is None) != (self.lon is None):
            given, missing = ("lat", "lon") if self.lon is None else ("lon", "lat")
            raise ValueError(f"expected lat and lon together, found {given} without {missing} "
                             "(give both coordinates or neither)")  # fmt: skip

    @property
    def coordinates(self) -> tuple[float, float] | None:
        """(lat, lon) when the place has coordinates."""
        return None if self.lat is None or self.lon is None else (self.lat, self.lon)

    @property
    def names(self) -> tuple[str, ...]:
        """Every spelling that names this place: id, display name and aliases."""
        return (self.id, self.name, *self.aliases)


@attrs.frozen(weakref_slot=False)  # a bulk dataset holds millions: every slot counts
class Report:
    """One published article and its full text."""

    id: str
    outlet: str
    """The actor that published it (a name the dataset resolves)."""
    title: str
    published: datetime.date = attrs.field(validator=_a_day)
    """The day it was published, as the report dates itself; relative dates resolve against
    it."""
    text: str = attrs.field(repr=False)
    url: str | None = None
    language: str = "en"
    text_file: str = ""
    """The file the text was read from, relative to the report's own file; "" means `<id>.txt`."""
    published_at: datetime.datetime | None = attrs.field(default=None, validator=_aware)
    """The moment it was published, with its UTC offset, when the report gives one; its local
    date is `published`."""
    numeric_dates: NumericDates | None = None
    """The order of day and month in the report's all-numeric dates ("04/05/2016"), when the
    curator declares it; see `crosscheck.dates.NumericDates`."""

    @property
    def web_url(self) -> str | None:
        """The report's URL when it is a web address (http or https), else None: only such a
        URL may be a link (a ``javascript:`` one would run, not lead to the report)."""
        url = self.url
        return url if url is not None and url.lower().startswith(("https://", "http://")) else None

    @published_at.validator
    def _same_day(self, _: attrs.Attribute[object], value: datetime.datetime | None) -> None:
        if value is not None and value.date() != self.published:
            raise ValueError(f"published_at {value.isoformat()} lies on another day than "
                             f"published {self.published.isoformat()}")  # fmt: skip


@attrs.frozen
class CountedFrom:
    """Where a claim's date is counted from when the report dates it by another event: "two
    days later" (`after`), "the previous day" (not `after`), counted from claim `claim`'s date
    (`when = { text = "two days later", after = "strike" }` in a report file)."""

    claim: str
    after: bool


@attrs.frozen(weakref_slot=False)
class Claim:
    """One assertion of one report, with the verbatim quote that supports it.

    Roles (`source`, `agents`, `patient`, `place`) hold names as the curator wrote them; use
    `Dataset.actor` and `Dataset.place` to resolve them.
    """

    id: str
    report: str
    predicate: str
    source: str
    """Who asserts it first-hand: often not the outlet ("SANA said", "the Observatory
    reported"). See `origin`."""
    quote: str
    modality: Modality = Modality.ASSERTED
    agents: tuple[str, ...] = attrs.field(default=(), converter=_names)
    """Who acted: usually one actor; several when the report names them acting together ("the
    Syrian and Russian air forces struck"), who are then never rival sides."""
    patient: str | None = None
    place: str | None = None
    quantity: Quantity | None = None
    restated: Quantity | None = None
    """The same quantity as the report restates it in another unit: "480 km (270 miles)"."""
    when: DateSpan | None = None
    extent: Extent | None = None
    event: str | None = None
    """A curator's id grouping claims about one incident: it makes sameness certain."""
    via: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    """Who relayed it from the source to the report, nearest the source first: "a spokesman
    quoted by an agency quoted by a newspaper" has the agency (and the newspaper, if it is not
    the report's outlet) here. Relays add no independence."""
    total: str | None = None
    """The id of the claim whose quantity this claim's quantity is a part of."""
    exhaustive: bool = False
    """On a total: the claims that name it as their `total` are all of its parts."""
    denies: Denial | None = None
    """On a denial: what it denies, when the curator says so (see `denial`)."""
    as_of: DateSpan | datetime.datetime | None = attrs.field(default=None, validator=_aware)
    """When the claim was stated, if not when its report was published: "by evening the toll
    had risen to 50". A day span, or a moment with its UTC offset. Not when the thing happened
    (that is `when`)."""
    note: str = ""
    reference: str | None = None
    """On a distance: the place it is measured from ("20 km north of Saada city" puts `place`
    Dahyan at 20 km from `reference` Saada city). Distances from different references are
    never compared."""
    when_from: CountedFrom | None = None
    """When `when` is counted from another claim's date rather than from the report's: the
    claim, and whether it is counted forward ("two days later") or back ("the day before")."""

    @property
    def denial(self) -> Denial | None:
        """What a denial covers: `denies` as curated; else, for an act whose agent is blamed or
        credited, the agent's part when the denial names an agent ("Moscow denies its forces
        fired"); else that the thing happened at all ("no meeting is planned"). None for a
        claim that denies nothing."""
        if self.modality is not Modality.DENIED:
            return None
        if self.denies is not None:
            return self.denies
        return Denial.AGENT if self.agents and self.predicate in ATTRIBUTED else Denial.EVENT

    @property
    def origin(self) -> str:
        """The first-hand source, as written: the one whose word the claim rests on."""
        return self.source


@attrs.frozen
class Acceptance:
    """A reviewer's record that a finding is understood and accepted, and why.

    It silences the finding with this fingerprint. A finding about one aspect of an incident
    keeps its fingerprint as claims join it; it alarms again when a position appears that the
    acceptance did not see (see `positions`). Any other finding's fingerprint changes when a
    cited claim is edited, so it alarms again once its claims change.
    """

    fingerprint: str
    reason: str
    code: str = ""
    """The finding's rule code when it was accepted: a finding of the same fingerprint from
    another rule (a source's own falling toll, accepted, that an independent voice now
    repeats) is not what was accepted, and alarms again. Empty: any rule."""
    positions: tuple[tuple[str, ...], ...] = attrs.field(default=(), converter=_groups)
    """The positions the reviewer saw, as claim ids (``crosscheck accept`` records them): a
    position that appears later — claims none of which were seen, or a seen position split
    in two — makes the acceptance stale, so the finding alarms again. Empty: whatever the
    finding holds is accepted."""
    severity: Severity | None = None
    """The finding's severity when it was accepted (``crosscheck accept`` records it): one
    that has risen since (a warning now an error) alarms again. None: any severity."""


_T = TypeVar("_T", Actor, Place)
_Item = TypeVar("_Item", Actor, Place, Report, Claim)


@attrs.frozen
class _Names:
    """Resolves any spelling of an actor's or place's name to the object."""

    by_key: Mapping[str, Actor | Place]

    @classmethod
    def of(cls, items: tuple[_T, ...], what: str) -> _Names:
        by_key: dict[str, Actor | Place] = {}
        for item in items:
            for name in item.names:
                if not fold(name):
                    raise ValueError(f"the {what} name {name!r} of {item.id!r} has no letters "
                                     "or digits to match")  # fmt: skip
                other = by_key.setdefault(fold(name), item)
                if other.id != item.id:
                    msg = f"the {what} name {name!r} is used by both {other.id!r} and {item.id!r}"
                    raise ValueError(msg)
        return cls(by_key)


def _unique(items: tuple[_Item, ...], what: str) -> dict[str, _Item]:
    by_id: dict[str, _Item] = {}
    for item in items:
        if by_id.setdefault(item.id, item) is not item:
            raise ValueError(f"duplicate {what} id {item.id!r}")
    return by_id


# One converter per element type: mypy's attrs plugin cannot type a generic converter.
def _reports(values: Iterable[Report]) -> tuple[Report, ...]:
    return tuple(values)


def _actors(values: Iterable[Actor]) -> tuple[Actor, ...]:
    return tuple(values)


def _places(values: Iterable[Place]) -> tuple[Place, ...]:
    return tuple(values)


def _claims(values: Iterable[Claim]) -> tuple[Claim, ...]:
    return tuple(values)


def _acceptances(values: Iterable[Acceptance]) -> tuple[Acceptance, ...]:
    return tuple(values)


@attrs.frozen
class Dataset:
    """Reports, actors, places, claims and accepted findings, indexed by id and by every alias.

    Construction checks that ids are unique and that no name is shared by two actors (or two
    places); whether every reference resolves is checked by `crosscheck.load`.
    """

    reports: tuple[Report, ...] = attrs.field(converter=_reports)
    actors: tuple[Actor, ...] = attrs.field(converter=_actors)
    places: tuple[Place, ...] = attrs.field(converter=_places)
    claims: tuple[Claim, ...] = attrs.field(converter=_claims)
    accepted: tuple[Acceptance, ...] = attrs.field(default=(), converter=_acceptances)
    """Reviewed findings accepted by the curators (the dataset's accepted.toml)."""
    _reports: dict[str, Report] = attrs.field(init=False, repr=False, eq=False)
    _claims: dict[str, Claim] = attrs.field(init=False, repr=False, eq=False)
    _actor_names: _Names = attrs.field(init=False, repr=False, eq=False)
    _place_names: _Names = attrs.field(init=False, repr=False, eq=False)
    _claims_of: dict[str, tuple[Claim, ...]] | None = attrs.field(
        init=False, default=None, repr=False, eq=False
    )
    """Each report's claims, by report id: built by the first `claims_of`, since checking
    needs none of it."""

    def __attrs_post_init__(self) -> None:
        _unique(self.actors, "actor")
        _unique(self.places, "place")
        object.__setattr__(self, "_reports", _unique(self.reports, "report"))
        object.__setattr__(self, "_claims", _unique(self.claims, "claim"))
        object.__setattr__(self, "_actor_names", _Names.of(self.actors, "actor"))
        object.__setattr__(self, "_place_names", _Names.of(self.places, "place"))

    def actor(self, name: str) -> Actor:
        """Return the actor `name` names (its id, display name or an alias, in any spelling).

        Raises KeyError, with a did-you-mean hint, when no actor has that name.
        """
        return _lookup(self._actor_names, name, "actor", Actor)

    def place(self, name: str) -> Place:
        """Return the place `name` names (its id, display name or an alias, in any spelling)."""
        return _lookup(self._place_names, name, "place", Place)

    def report(self, report_id: str) -> Report:
        """Return the report with id `report_id`."""
        return _get(self._reports, report_id, "report")

    def claim(self, claim_id: str) -> Claim:
        """Return the claim with id `claim_id`."""
        return _get(self._claims, claim_id, "claim")

    def claims_of(self, report_id: str) -> tuple[Claim, ...]:
        """Return the claims of one report, in their curated order."""
        self.report(report_id)
        index = self._claims_of
        if index is None:
            by_report: dict[str, list[Claim]] = {}
            for claim in self.claims:
                by_report.setdefault(claim.report, []).append(claim)
            index = {report: tuple(claims) for report, claims in by_report.items()}
            object.__setattr__(self, "_claims_of", index)
        return index.get(report_id, ())

    def enclosing(self, place: str) -> Iterator[Place]:
        """Yield the place `place` names, then each place it lies within, innermost first."""
        yield from _chain(self.place(place), lambda p: p.within, self.place)

    def groups(self, actor: str) -> Iterator[Actor]:
        """Yield the actor `actor` names, then each actor it is part of, innermost first."""
        yield from _chain(self.actor(actor), lambda a: a.part_of, self.actor)

    def is_within(self, inner: str, outer: str) -> bool:
        """Tell whether place `inner` is `outer` or lies inside it."""
        target = self.place(outer).id
        return any(place.id == target for place in self.enclosing(inner))

    def is_part_of(self, member: str, group: str) -> bool:
        """Tell whether actor `member` is `group` or belongs to it."""
        target = self.actor(group).id
        return any(actor.id == target for actor in self.groups(member))


def _lookup(names: _Names, name: str, what: str, kind: type[_T]) -> _T:
    found = names.by_key.get(fold(name))
    if not isinstance(found, kind):
        known = [spelling for item in set(names.by_key.values()) for spelling in item.names]
        hint = did_you_mean(name, known)
        raise KeyError(f"unknown {what} {name!r}" + (f"; {hint}" if hint else ""))
    return found


def _get(by_id: Mapping[str, _Item], key: str, what: str) -> _Item:
    try:
        return by_id[key]
    except KeyError:
        hint = did_you_mean(key, by_id)
        raise KeyError(f"unknown {what} {key!r}" + (f"; {hint}" if hint else "")) from None


def _chain(
    start: _T, parent: Callable[[_T], str | None], resolve: Callable[[str], _T]
) -> Iterator[_T]:
    seen: set[str] = set()
    current: _T | None = start
    while current is not None and current.id not in seen:
        seen.add(current.id)
        yield current
        up = parent(current)
        current = resolve(up) if up is not None else None
