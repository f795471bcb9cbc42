"""Whether two claims are about the same thing, and why.

A curated event id makes it certain; otherwise it is inferred from the predicate, the roles,
the place and the dates, and a finding built on it is at most a warning. Rules ask it through
`crosscheck.engine.Context.sameness`; every reason is said in the finding's explanation.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Collection

import attrs

from crosscheck.model import Claim
from crosscheck.relations import Relations
from crosscheck.roles import ResolvedRoles, Roles
from crosscheck.vocabulary import MEASURES, POSITIVE, SYMMETRIC

__all__ = ["MAX_INCIDENT_DAYS", "Sameness", "same_thing"]

MAX_INCIDENT_DAYS = 11
"""The longest date span still read as one incident when sameness is inferred.

"The beginning of February" spans ten days and "late March" eleven (the late third of a month
of 31 days): each may date one attack. "Since December" spans a campaign, and a count over it
is a total, not the count of one incident.
"""


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
    if a.event is not None and b.event is not None:
        if a.event != b.event:
            return None
        reasons = [f"both carry event id {a.event!r}"]
        compatible = (
            (not check_patients or _compatible(ra.patient, rb.patient, "patient", reasons))
            and (not check_agents or _agents(relations, ra.agents, rb.agents, reasons))
            and _nested(relations, ra.place, rb.place, reasons)
        )
        return Sameness(True, tuple(reasons)) if compatible else None
    if "modality" not in ignore and not {a.modality, b.modality} <= POSITIVE:
        return None
    reasons = [f"same predicate {a.predicate!r}"]
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
        if ra.patient is None or ra.patient != rb.patient:
            return None
        reasons.append(f"same patient {ra.patient}")
    if check_agents and not _agents(relations, ra.agents, rb.agents, reasons):
        return None
    if not _compatible(ra.place, rb.place, "place", reasons):
        return None
    if a.when is None or b.when is None or not a.when.overlaps(b.when):
        return None
    if (a.when.start, a.when.end) == (b.when.start, b.when.end):
        reasons.append(f"the same dates ({a.when.days})")
        return Sameness(False, tuple(reasons))
    days_a, days_b = _days(a), _days(b)
    if days_a is None or days_b is None or max(days_a, days_b) > MAX_INCIDENT_DAYS:
        return None
    reasons.append(f"dates overlap ({a.when.days} and {b.when.days})")
    return Sameness(False, tuple(reasons))


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
