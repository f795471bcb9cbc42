"""The words a curator writes, and what each of them means to the rules: one vocabulary.

Every predicate is a `Predicate` record whose named properties say how the rules treat it —
whether its quantity measures a place, whether a toll of it accumulates, whether its agent is
blamed or credited, whether it says who holds a place — and every other module reads those
properties from here, through `PREDICATES` or the sets derived from it (`CUMULATIVE`,
`ATTRIBUTED`, …). Adding a predicate is one record; no rule keeps a list of its own.

The kinds of actors and places, the modalities of claims, the extents of control and the scopes
of denials live here too, as enumerations.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping

import attrs

__all__ = [
    "ATTRIBUTED",
    "CUMULATIVE",
    "HARMS",
    "HEDGED",
    "HOLDING",
    "LOSSES",
    "MEASURES",
    "MODALITIES",
    "PARTY_KINDS",
    "PLACED",
    "POINT",
    "POSITIVE",
    "PREDICATES",
    "QUOTED",
    "STRIKE",
    "SUCCESSES",
    "SYMMETRIC",
    "ActorKind",
    "Denial",
    "Extent",
    "Modality",
    "PlaceKind",
    "Predicate",
    "Severity",
    "act_of",
    "done_by",
]


class Severity(enum.StrEnum):
    """How strongly a finding should alarm: `error` > `warning` > `info`."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        """0 for info, 1 for warning, 2 for error."""
        return list(Severity).index(self)


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
    """People acted upon rather than a party: "civilians", "the displaced", "passengers".
    Never a party, a side or a camp."""


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
    "('SANA claimed', 'state media said'); a hedge",
    Modality.DENIED: "the source says it is not so (see `denies` for what a denial covers)",
    Modality.UNCONFIRMED: "reported without confirmation ('reportedly', 'allegedly', 'sources "
    "suggest', 'purportedly show'); a hedge",
    Modality.PLANNED: "announced for the future ('will start tomorrow', 'is set to meet'); "
    "its date may lie after the report",
    Modality.SILENT: "the source made no comment; silence is never a denial",
}

POSITIVE = frozenset({Modality.ASSERTED, Modality.CLAIMED, Modality.UNCONFIRMED})
"""Modalities that put a claim forward as true (not denied, planned or silent)."""

HEDGED = frozenset({Modality.CLAIMED, Modality.UNCONFIRMED})
"""Positive modalities that weigh less than an assertion: a disagreement resting only on them
is at most a warning."""


class Extent(enum.StrEnum):
    """How much of a place a `controls` (or `took`) claim says the agent holds."""

    FULL = "full"
    PARTIAL = "partial"
    CONTESTED = "contested"


class Denial(enum.StrEnum):
    """What a denial denies: the part its agent is said to have played, or that the thing
    happened at all."""

    AGENT = "agent"
    """"We did not fire": the named agent's part, and nothing about anybody else's."""
    EVENT = "event"
    """"There was no strike": that the act happened, whoever did it."""


PARTY_KINDS = frozenset(
    {ActorKind.STATE, ActorKind.GOVERNMENT, ActorKind.ARMED_FORCES, ActorKind.ARMED_GROUP}
)
"""Kinds of actor that fight: whoever acts for one of them is a party to the conflict."""


@attrs.frozen
class Predicate:
    """One word of the predicate vocabulary, with what the rules need to know about it."""

    name: str
    meaning: str
    """One sentence for the documentation: what the agent, patient, place and quantity are."""
    counted: str = ""
    """What its quantity counts, for messages: "killed" in "the number of civilians killed";
    "" when its quantity measures something else (see `measure`), or counts things named by
    its unit or `noun`."""
    things: str = ""
    """What its quantity counts when neither a patient nor a unit says: "strikes"."""
    act: str = ""
    """The act as a noun, for messages: "the attack", "the launch", "the meeting"."""
    done: str = ""
    """What its agent did, for "who …" in messages: "fired", "took the place"; "" for a
    predicate whose agent is not blamed or credited."""
    measure: str = ""
    """For a predicate whose quantity measures a place or a span of time: the measured
    property ("length", "depth", "distance", "duration")."""
    cumulative: bool = False
    """A toll that accumulates as it is reported: a later, higher figure is an update."""
    nests: bool = False
    """A quantity for a sub-place, sub-group or sub-period is at most the whole's."""
    attributed: bool = False
    """Its agent is blamed or credited: rival agents for one act disagree."""
    symmetric: bool = False
    """Agent and patient may be named in either order: "Putin met Erdogan"."""
    holding: bool = False
    """It says who holds a place."""
    point: bool = False
    """An act dated to when it happened: sources dating one such act apart disagree."""
    strike: bool = False
    """Part of an attack on a target: its place is where the attack struck, shared by every
    predicate of the attack (so killed, wounded and attacked are placed once)."""
    placed: bool = False
    """Its place is where the act physically happened (where a strike struck, where a weapon
    was fired from, where captives were taken), not what it is about (the zone a deal covers):
    sources placing one such act apart disagree."""
    harm: bool = False
    """Its patient is harmed: a claim that the patient's own side makes acknowledges it."""
    success: bool = False
    """A success for the side that does it."""
    loss: bool = False
    """A loss for the side it is done to."""
    quoted: bool = False
    """What is claimed lives in the quote, not in the roles (a statement): two such claims are
    never taken to say the same thing."""

    def what(
        self, patient: str | None = None, place: str | None = None, unit: str | None = None
    ) -> str:
        """The measured or counted thing, in words: "the number of civilians killed", "the
        number killed", "the number of missiles launched", "the length of the safe zone", "the
        number of civilians at Kramatorsk station"; a count with no patient names its unit,
        when it counts something other than people."""
        if self.measure:
            where = f" of {place}" if place else ""
            return f"the {self.measure}{where}"
        counted = patient or (_plural(unit) if unit and unit != "person" else None)
        if not self.counted:
            at = f" at {place}" if place and not self.things else ""
            return f"the number of {counted or self.things or 'people'}{at}"
        of = f" of {counted}" if counted else ""
        return f"the number{of} {self.counted}"


def _plural(noun: str) -> str:
    """A counted noun as curators write units ("missile", "soldiers"), in the plural."""
    return noun if noun.endswith("s") else f"{noun}s"


_VOCABULARY = (
    Predicate(
        "killed",
        "the agent killed the patient; the quantity counts the dead",
        act="the killing",
        counted="killed",
        cumulative=True,
        nests=True,
        placed=True,
        attributed=True,
        point=True,
        strike=True,
        harm=True,
        success=True,
        loss=True,
        done="killed them",
    ),
    Predicate(
        "wounded",
        "the agent wounded the patient; the quantity counts the wounded",
        act="the wounding",
        counted="wounded",
        cumulative=True,
        nests=True,
        placed=True,
        attributed=True,
        point=True,
        strike=True,
        harm=True,
        loss=True,
        done="wounded them",
    ),
    Predicate(
        "captured",
        "the agent took the patient captive; the quantity counts captives",
        act="the capture",
        counted="captured",
        cumulative=True,
        nests=True,
        placed=True,
        attributed=True,
        point=True,
        harm=True,
        success=True,
        loss=True,
        done="took the captives",
    ),
    Predicate(
        "displaced",
        "people were driven from their homes; the quantity counts them",
        act="the displacement",
        counted="displaced",
        cumulative=True,
        nests=True,
        attributed=True,
        point=True,
        harm=True,
        loss=True,
        done="drove people out",
    ),
    Predicate(
        "rescued",
        "the agent rescued or evacuated the patient (from the place); the quantity counts "
        "them, a count that grows as it is reported",
        act="the rescue",
        counted="rescued",
        cumulative=True,
        nests=True,
        placed=True,
        point=True,
        done="rescued them",
    ),
    Predicate(
        "controls",
        "the agent holds the place (extent: full, the default, partial or contested)",
        act="the control of the place",
        holding=True,
    ),
    Predicate(
        "took",
        "the agent took, retook or recaptured the place (from the patient); all "
        "of it unless an extent says partial",
        act="the taking of the place",
        attributed=True,
        holding=True,
        point=True,
        harm=True,
        success=True,
        done="took the place",
    ),
    Predicate(
        "entered",
        "the agent entered the place",
        attributed=True,
        point=True,
        success=True,
        act="the entry",
        done="entered the place",
    ),
    Predicate(
        "withdrew",
        "the agent withdrew or was pushed back from the place",
        point=True,
        act="the withdrawal",
    ),
    Predicate(
        "clashed",
        "the agent and the patient fought (at the place)",
        symmetric=True,
        act="the clash",
    ),
    Predicate(
        "attacked",
        "the agent attacked the patient or the place (strikes, shelling); "
        "the quantity counts the strikes, or the weapons (its unit: missile, shell)",
        act="the attack",
        things="strikes",
        nests=True,
        placed=True,
        attributed=True,
        point=True,
        strike=True,
        harm=True,
        done="carried out the attack",
    ),
    Predicate(
        "shot_down",
        "the agent shot down the patient's aircraft; the quantity counts them",
        act="the downing",
        counted="shot down",
        nests=True,
        placed=True,
        attributed=True,
        point=True,
        strike=True,
        harm=True,
        success=True,
        loss=True,
        done="shot it down",
    ),
    Predicate(
        "launched",
        "the agent launched an operation, offensive or weapon (from the "
        "place); the quantity counts the weapons",
        act="the launch",
        counted="launched",
        nests=True,
        placed=True,
        attributed=True,
        point=True,
        done="fired",
    ),
    Predicate(
        "began",
        "the conflict or event (named by the claim's event id) began",
        point=True,
        act="the start",
    ),
    Predicate(
        "encircled",
        "the agent surrounded the place or the patient's positions",
        act="the encirclement",
        attributed=True,
        success=True,
        done="encircled it",
    ),
    Predicate("patrolled", "the agent patrolled the place (with the patient)", act="the patrol"),
    Predicate(
        "deployed",
        "the agent deployed forces (to the place); the quantity counts them",
        act="the deployment",
        counted="deployed",
        nests=True,
    ),
    Predicate("met", "the agent met the patient", symmetric=True, act="the meeting"),
    Predicate(
        "agreed",
        "the agent and the patient reached a deal or agreement",
        act="the agreement",
        symmetric=True,
        point=True,
    ),
    Predicate(
        "supports", "the agent backs the patient (arms, air power, politics)", act="the support"
    ),
    Predicate(
        "stated",
        "the agent said something; the quote carries what",
        act="the statement",
        quoted=True,
    ),
    Predicate(
        "length",
        "the place (a zone, border or route) measures the quantity along its length",
        act="the length",
        measure="length",
        nests=True,
    ),
    Predicate(
        "depth", "the place (a zone) reaches the quantity deep", measure="depth", act="the depth"
    ),
    Predicate(
        "distance",
        "the place lies the quantity away from the `reference` place; only distances of one "
        "place from one reference are compared",
        act="the distance",
        measure="distance",
    ),
    Predicate(
        "duration",
        "the conflict or event lasted the quantity",
        measure="duration",
        act="the duration",
    ),
    Predicate(
        "count",
        "there are the quantity of the patient (posts, towns, people) at the place",
        act="the count",
        nests=True,
    ),
)

PREDICATES: Mapping[str, Predicate] = {p.name: p for p in _VOCABULARY}
"""The predicate vocabulary by name. Each claim uses exactly one; a rule compares like with
like."""


def _where(test: Callable[[Predicate], object]) -> frozenset[str]:
    return frozenset(p.name for p in _VOCABULARY if test(p))


MEASURES = _where(lambda p: p.measure)
"""Predicates whose quantity measures a place or a span of time rather than counting."""
CUMULATIVE = _where(lambda p: p.cumulative)
"""Tolls that accumulate as they are reported: a later figure may be higher, never lower."""
ATTRIBUTED = _where(lambda p: p.attributed)
"""Predicates whose agent is blamed or credited."""
SYMMETRIC = _where(lambda p: p.symmetric)
"""Predicates whose agent and patient may be named in either order."""
HOLDING = _where(lambda p: p.holding)
"""Predicates that say who holds a place."""
POINT = _where(lambda p: p.point)
"""Acts dated to when they happened."""
PLACED = _where(lambda p: p.placed)
"""Acts whose place is where they physically happened."""
STRIKE = _where(lambda p: p.strike)
QUOTED = _where(lambda p: p.quoted)
"""Predicates whose content is the quote: no two of their claims are one thing."""
"""The predicates of one attack, placed where it struck."""
HARMS = _where(lambda p: p.harm)
"""Predicates whose patient is harmed."""
SUCCESSES = _where(lambda p: p.success)
"""Acts that are a success for the side that does them."""
LOSSES = _where(lambda p: p.loss)
"""Acts that are a loss for the side they are done to."""


def act_of(predicates: Iterable[str]) -> str:
    """The act some claims are about, as a noun: "the attack" for the predicates of one attack
    (killed, wounded, attacked, shot down) or for the attack alone, otherwise each predicate's
    act ("the launch", "the meeting and the agreement")."""
    found = sorted(set(predicates))
    if found and set(found) <= STRIKE:
        return "the attack"
    return " and ".join(PREDICATES[name].act for name in found)


def done_by(predicates: Iterable[str]) -> str:
    """What was done, for "who …": "fired", "carried out the attack" (the predicates of one
    attack together), or "did it"."""
    found = set(predicates)
    if len(found) == 1:
        return PREDICATES[found.pop()].done or "did it"
    if found <= STRIKE:
        return "carried out the attack"
    return "did it"
