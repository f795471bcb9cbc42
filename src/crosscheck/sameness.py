"""Whether two claims are about the same thing, and why.

A curated event id makes it certain; otherwise it is inferred from the predicate, the roles,
the place and the dates, and a finding built on it is at most a warning. Rules ask it through
`crosscheck.engine.Context.sameness`; every reason is said in the finding's explanation.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Collection

import attrs

from crosscheck.dates import DateSpan
from crosscheck.model import Claim
from crosscheck.relations import Relations
from crosscheck.roles import ResolvedRoles, Roles
from crosscheck.vocabulary import MEASURES, POSITIVE, SYMMETRIC

__all__ = [
    "MAX_INCIDENT_DAYS",
    "Sameness",
    "Window",
    "act_kind",
    "acts_differ",
    "days_apart",
    "namespace",
    "same_thing",
]

MAX_INCIDENT_DAYS = 11
"""The longest date span still read as one incident when sameness is inferred.

"The beginning of February" spans ten days and "late March" eleven (the late third of a month
of 31 days): each may date one attack. "Since December" spans a campaign, and a count over it
is a total, not the count of one incident.
"""


@attrs.frozen
class Window:
    """How far apart two claims without a shared event id may lie and still be inferred to be
    about one thing: dates up to `days` apart, and places that nest or, when `km` is given,
    lie within `km` of each other (`crosscheck.geo.apart_km`). Coded datasets and the news
    place and date one strike a little differently; without a window, sameness needs dates
    that overlap and the same place."""

    days: int = attrs.field(default=0, validator=attrs.validators.ge(0))
    km: float | None = attrs.field(default=None)

    @km.validator
    def _check_km(self, _: attrs.Attribute[float | None], km: float | None) -> None:
        if km is not None and not 0 <= km < float("inf"):
            raise ValueError(f"expected a window of 0 km or more, found {km!r}")

    def describe(self) -> str:
        """ "1 day, 10 km" for explanations and `crosscheck match`."""
        days = f"{self.days} day{'s' * (self.days != 1)}"
        return days if self.km is None else f"{days}, {self.km:g} km"


def namespace(event: str | None) -> str:
    """The dataset an event id comes from: what stands before its first ":" ("ged" of
    "ged:336685", "acled" of "acled:SYR52703"), "" for a curator's own id or none. Two
    different ids of one namespace are two incidents; ids of two namespaces may name one."""
    if event is None:
        return ""
    head, colon, _ = event.partition(":")
    return head if colon else ""


def act_kind(claim: Claim, against_people: bool) -> str | None:
    """The kind of act a claim says its record is: "fight" for a clash; "one-sided" for a
    killing by a named agent of people who are no party (UCDP GED's one-sided violence,
    ACLED's violence against civilians); None for anything else."""
    if claim.predicate == "clashed":
        return "fight"
    if claim.predicate == "killed" and claim.agents and against_people:
        return "one-sided"
    return None


def acts_differ(x: frozenset[str], y: frozenset[str]) -> bool:
    """Whether the kinds of act two records give rule out their being one incident: a fight,
    and nothing but a one-sided killing (a battle, and gunmen killing a civilian in the next
    town a day later, are two events whatever the window). A strike that kills civilians in
    the course of a conflict is neither: UCDP codes it with the fighting."""
    return {x, y} == {frozenset({"fight"}), frozenset({"one-sided"})}


@attrs.frozen
class Sameness:
    """Why two claims are taken to be about the same thing.

    `certain` when a curator gave both the same event id; otherwise inferred from predicate,
    roles, place and dates, and a finding built on it is at most a warning.
    """

    certain: bool
    reasons: tuple[str, ...]

    def explain(self) -> str:
        """One line for a finding's explanation."""
        how = "certain (curated event id)" if self.certain else "inferred (no shared event id)"
        return f"same thing: {how}: {'; '.join(self.reasons)}"


def _days(claim: Claim) -> int | None:
    if claim.when is None or claim.when.start == datetime.date.min:
        return None
    return (claim.when.end - claim.when.start).days + 1


def same_thing(
    a: Claim,
    b: Claim,
    roles: Callable[[Claim], Roles],
    relations: Relations,
    *,
    ignore: Collection[str] = (),
    window: Window | None = None,
) -> Sameness | None:
    """Whether `a` and `b` are about the same thing, and why; None when they are not.

    Both must have the same predicate. A shared curated event id makes sameness certain
    (two different event ids rule it out), provided the roles are compatible: the same or
    one missing, places the same or nested. Otherwise sameness is inferred, requiring both
    claims to be put forward as true, and then — for a measure (length, depth, distance,
    duration) — the same place; for anything else the same patient, compatible agent and
    place, and date spans that overlap and are each at most `MAX_INCIDENT_DAYS` long, or
    the very same span ("since December" in two reports of one day).

    `ignore` names checks a rule does not want: ``"agent"`` (a rule about who did it),
    ``"modality"`` (a rule about denials), ``"patient"`` (a rule that relates patients
    itself: a denial that civilians were killed covers the children among them).

    Under a `window`, event ids of two datasets (``ged:336685``, ``acled:SYR52703``: see
    `namespace`) neither make nor rule out sameness: it is inferred, and beyond a measure it
    accepts dates up to `window.days` apart, places that nest or lie within `window.km`, and
    two totals that name no patient; the reasons say which part of the window was needed.
    Without a window two different event ids rule sameness out, whatever they hold.
    """
    if a.predicate != b.predicate:
        return None
    ra, rb = roles(a), roles(b)
    if (
        a.predicate in SYMMETRIC
        and len(ra.agents) == len(rb.agents) == 1
        and rb.patient
        and (rb.agents[0], rb.patient) == (ra.patient, ra.agents[0])
    ):
        rb = ResolvedRoles(rb.source, (rb.patient,), rb.agents[0], rb.place)
    check_agents = "agent" not in ignore
    check_patients = "patient" not in ignore
    foreign = None
    if a.event is not None and b.event is not None and a.event != b.event:
        if window is None or namespace(a.event) == namespace(b.event):
            return None
        foreign = f"event ids of two datasets ({a.event}, {b.event})"
    if a.event is not None and b.event is not None and foreign is None:
        reasons = [f"both carry event id {a.event!r}"]
        compatible = (
            (not check_patients or _compatible(ra.patient, rb.patient, "patient", reasons))
            and (not check_agents or _agents(relations, ra.agents, rb.agents, reasons))
            and _nested(relations, ra.place, rb.place, reasons)
        )
        return Sameness(True, tuple(reasons)) if compatible else None
    if "modality" not in ignore and not {a.modality, b.modality} <= POSITIVE:
        return None
    reasons = [f"same predicate {a.predicate!r}", *([foreign] if foreign else [])]
    if a.predicate in MEASURES:
        if ra.place is None or ra.place != rb.place:
            return None
        reasons.append(f"same place {ra.place}")
        if check_patients and not _compatible(ra.patient, rb.patient, "patient",
                                                   reasons):  # fmt: skip
            return None
        if a.when is not None and b.when is not None:
            if not a.when.overlaps(b.when):
                return None
            reasons.append("dates overlap")
        return Sameness(False, tuple(reasons))
    if check_patients:
        if ra.patient != rb.patient or (ra.patient is None and window is None):
            return None
        reasons.append(
            f"same patient {ra.patient}"
            if ra.patient
            else "no patient in either: each counts everyone, as the window allows"
        )
    if check_agents and not _agents(relations, ra.agents, rb.agents, reasons):
        return None
    if not _compatible(ra.place, rb.place, "place", reasons) and not (
        window is not None and _near(relations, ra.place, rb.place, window, reasons)
    ):
        return None
    if a.when is None or b.when is None:
        return None
    gap = days_apart(a.when, b.when)
    if gap > (0 if window is None else window.days):
        return None
    if gap == 0 and (a.when.start, a.when.end) == (b.when.start, b.when.end):
        reasons.append(f"the same dates ({a.when.days})")
        return Sameness(False, tuple(reasons))
    days_a, days_b = _days(a), _days(b)
    if days_a is None or days_b is None or max(days_a, days_b) > MAX_INCIDENT_DAYS:
        return None
    if gap:
        assert window is not None
        reasons.append(f"dates {gap} day{'s' * (gap != 1)} apart ({a.when.days} and "
                       f"{b.when.days}), within the window of {window.describe()}")  # fmt: skip
    else:
        reasons.append(f"dates overlap ({a.when.days} and {b.when.days})")
    return Sameness(False, tuple(reasons))


def days_apart(x: DateSpan, y: DateSpan) -> int:
    """How many days lie from the end of the earlier span to the start of the later one; 0
    when the spans share a day."""
    if x.overlaps(y):
        return 0
    earlier, later = (x, y) if x.end < y.start else (y, x)
    return (later.start - earlier.end).days


def _near(
    relations: Relations, x: str | None, y: str | None, window: Window, reasons: list[str]
) -> bool:
    """Whether two different places lie within the window: one within the other, or within
    `window.km` of each other."""
    if x is None or y is None:
        return False
    if relations.places_nest(x, y):
        reasons.append(f"places nest ({x}, {y}), within the window of {window.describe()}")
        return True
    if window.km is None:
        return False
    apart = relations.apart_km(x, y)
    if apart is None or apart > window.km:
        return False
    reasons.append(f"places {apart:.1f} km apart ({x}, {y}), within the window of "
                   f"{window.describe()}")  # fmt: skip
    return True


def _agents(
    relations: Relations, x: tuple[str, ...], y: tuple[str, ...], reasons: list[str]
) -> bool:
    """Agents are compatible when one claim names none, or both name a common one, or one
    within the other (the Ukrainian air force within the armed forces)."""
    if x and y:
        common = sorted(set(x) & set(y))
        if common:
            reasons.append(f"same agent {', '.join(common)}")
            return True
        inner = sorted(f"{a} within {b}" for a in x for b in y if relations.part_of(a, b))
        outer = sorted(f"{b} within {a}" for a in x for b in y if relations.part_of(b, a))
        nested = inner + outer
        if not nested:
            return False
        reasons.append(f"agents nest ({nested[0]})")
    elif x or y:
        reasons.append(f"agent given by one claim only ({', '.join(x or y)})")
    return True


def _nested(relations: Relations, x: str | None, y: str | None, reasons: list[str]) -> bool:
    if x is not None and y is not None and x != y:
        if not relations.places_nest(x, y):
            return False
        reasons.append(f"places nest ({x}, {y})")
        return True
    return _compatible(x, y, "place", reasons)


def _compatible(x: str | None, y: str | None, role: str, reasons: list[str]) -> bool:
    if x is not None and y is not None:
        if x != y:
            return False
        reasons.append(f"same {role} {x}")
    elif x is not None or y is not None:
        reasons.append(f"{role} given by one claim only ({x or y})")
    return True
