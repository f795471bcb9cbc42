"""The domain model: who said what, about whom, where, when, and on whose word.

Every object is immutable. Objects refer to each other by the names a curator wrote (an id or
an alias); a `Dataset` resolves those names and indexes everything. Consistency *between*
objects (does that actor exist? does the quote occur in the report?) is checked when a dataset
is loaded and by rules, never by the classes themselves: a validator here guards only one
object's own invariants.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TypeVar

import attrs

from crosscheck.dates import DateSpan
from crosscheck.names import did_you_mean, fold
from crosscheck.quantity import Quantity

__all__ = [
    "MODALITIES",
    "PREDICATES",
    "Acceptance",
    "Actor",
    "ActorKind",
    "Claim",
    "Dataset",
    "Extent",
    "Modality",
    "Place",
    "PlaceKind",
    "Report",
]


class ActorKind(enum.StrEnum):
    """What sort of party an actor is."""

    STATE = "state"
    GOVERNMENT = "government"
    ARMED_FORCES = "armed_forces"
    ARMED_GROUP = "armed_group"
    AGENCY = "agency"
    MEDIA = "media"
    MONITOR = "monitor"
    ORGANISATION = "organisation"
    PERSON = "person"
    UNNAMED = "unnamed"
    """An anonymous or collective voice: "witnesses", "social media reports"."""
    PEOPLE = "people"
    """People acted upon rather than a party: "civilians", "the displaced", "refugees"."""


class PlaceKind(enum.StrEnum):
    """What sort of place a place is; containment comes from `Place.within`, not the kind."""

    COUNTRY = "country"
    REGION = "region"
    PROVINCE = "province"
    DISTRICT = "district"
    CITY = "city"
    TOWN = "town"
    VILLAGE = "village"
    SITE = "site"
    BORDER = "border"
    ROUTE = "route"
    WATER = "water"


class Modality(enum.StrEnum):
    """How the source puts the claim."""

    ASSERTED = "asserted"
    CLAIMED = "claimed"
    DENIED = "denied"
    UNCONFIRMED = "unconfirmed"
    PLANNED = "planned"
    SILENT = "silent"


MODALITIES: Mapping[Modality, str] = {
    Modality.ASSERTED: "stated as fact by the source "
    "(a monitor's count, a ministry's announcement)",
    Modality.CLAIMED: "put forward by an interested party and reported as its claim "
    "('SANA claimed', 'state media said')",
    Modality.DENIED: "the source says it is not so",
    Modality.UNCONFIRMED: "reported without confirmation ('reportedly', 'purportedly show')",
    Modality.PLANNED: "announced for the future ('will start tomorrow', 'is set to meet'); "
    "its date may lie after the report",
    Modality.SILENT: "the source made no comment; silence is never a denial",
}


class Extent(enum.StrEnum):
    """How much of a place a `controls` claim says the agent holds."""

    FULL = "full"
    PARTIAL = "partial"
    CONTESTED = "contested"


PREDICATES: Mapping[str, str] = {
    "killed": "the agent killed the patient; the quantity counts the dead",
    "wounded": "the agent wounded the patient; the quantity counts the wounded",
    "captured": "the agent took the patient captive; the quantity counts captives",
    "displaced": "people were driven from their homes; the quantity counts them",
    "controls": "the agent holds the place (extent: full, the default, partial or contested)",
    "took": "the agent took, retook or recaptured the place (from the patient); all of it "
    "unless an extent says partial",
    "entered": "the agent entered the place",
    "withdrew": "the agent withdrew or was pushed back from the place",
    "clashed": "the agent and the patient fought (at the place)",
    "attacked": "the agent attacked the patient or the place (strikes, shelling)",
    "shot_down": "the agent shot down the patient's aircraft; the quantity counts them",
    "launched": "the agent launched an operation, offensive or weapon",
    "began": "the conflict or event (named by the claim's event id) began",
    "encircled": "the agent surrounded the place or the patient's positions",
    "patrolled": "the agent patrolled the place (with the patient)",
    "deployed": "the agent deployed forces (to the place); the quantity counts them",
    "met": "the agent met the patient",
    "agreed": "the agent and the patient reached a deal or agreement",
    "supports": "the agent backs the patient (arms, air power, politics)",
    "stated": "the agent said something; the quote carries what",
    "length": "the place (a zone, border or route) measures the quantity along its length",
    "depth": "the place (a zone) reaches the quantity deep",
    "distance": "the place lies the quantity away from the patient place",
    "duration": "the conflict or event lasted the quantity",
    "count": "there are the quantity of the patient (posts, towns, people) at the place",
}
"""The predicate vocabulary. Each claim uses exactly one; a rule compares like with like."""


def _strings(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


@attrs.frozen
class Actor:
    """Anyone who acts or speaks: a state, a force, a group, an agency, an outlet, a person."""

    id: str
    name: str
    kind: ActorKind
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    part_of: str | None = None
    """The larger actor this one belongs to (Syrian Arab Army ⊂ Syrian government forces)."""
    aligned_with: str | None = None
    """The party this actor speaks for or sides with (SANA → Syrian government)."""
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
    published: datetime.date
    text: str = attrs.field(repr=False)
    url: str | None = None
    language: str = "en"
    text_file: str = ""
    """The file the text was read from, relative to the report's own file; "" means `<id>.txt`."""


@attrs.frozen(weakref_slot=False)
class Claim:
    """One assertion of one report, with the verbatim quote that supports it.

    Roles (`source`, `agent`, `patient`, `place`) hold names as the curator wrote them; use
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
    agent: str | None = None
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
    note: str = ""

    @property
    def origin(self) -> str:
        """The first-hand source, as written: the one whose word the claim rests on."""
        return self.source


@attrs.frozen
class Acceptance:
    """A reviewer's record that a finding is understood and accepted, and why.

    It silences the finding with this fingerprint; the fingerprint changes when a cited claim
    is edited, so an accepted finding alarms again once its claims change.
    """

    fingerprint: str
    reason: str
    code: str = ""
    """The finding's rule code, for a human reading the file; not used to match."""


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
        return tuple(claim for claim in self.claims if claim.report == report_id)

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
