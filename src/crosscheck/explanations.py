"""What every finding says beyond its message: how each cited claim's wordings and names were
read, what a part took from its total, its positions and its fingerprint.

`finding` turns a rule's `Violation` into the `Finding` users see; `crosscheck.engine` calls
it for every violation, so no rule has to explain its normalisations itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from crosscheck.findings import CitedClaim, Finding, Violation, fingerprint
from crosscheck.incidents import incidents, voices_of
from crosscheck.model import Actor, Claim, Place
from crosscheck.names import fold
from crosscheck.positions import Position
from crosscheck.registry import Rule

if TYPE_CHECKING:
    from crosscheck.engine import Context

__all__ = ["finding", "normalisations", "who"]


def who(context: Context, claim: Claim) -> str:
    """The claim's source by display name, with its report: "SANA (in aljazeera-…)"."""
    return f"{context.dataset.actor(claim.source).name} (in {claim.report})"


def normalisations(context: Context, claim: Claim) -> list[str]:
    """How each of the claim's wordings and names was read, one line each."""
    lines = []
    for label, quantity in (("quantity", claim.quantity), ("restated", claim.restated)):
        if quantity is not None:
            lines.append(f"{claim.id}: {label} ‘{quantity.text}’: {quantity.reading}")
    if claim.when is not None:
        lines.append(f"{claim.id}: when {claim.when} ({claim.when.reading})")
    if claim.id in context.inherited:
        taken = " and ".join(context.inherited[claim.id])
        lines.append(f"{claim.id}: {taken} taken from its total {claim.total} (a part "
                     "happened where and when its total did)")  # fmt: skip
    resolved = context.roles(claim)
    written_roles: list[tuple[str, str | None, str | None]] = [
        ("source", claim.source, resolved.source)
    ]
    written_roles += [("agent", written, canonical)
                      for written, canonical in zip(claim.agents, resolved.agents,
                                                    strict=False)]  # fmt: skip
    written_roles += [("patient", claim.patient, resolved.patient),
                      ("place", claim.place, resolved.place)]  # fmt: skip
    if claim.reference is not None:
        written_roles.append(("reference", claim.reference,
                              context.dataset.place(claim.reference).id))  # fmt: skip
    for role, written, canonical in written_roles:
        if written is not None and written != canonical:
            item: Actor | Place = (
                context.dataset.place(written)
                if role in {"place", "reference"}
                else context.dataset.actor(written)
            )
            how = "its name" if fold(written) == fold(item.name) else (
                "an alias" if any(fold(written) == fold(a) for a in item.aliases) else
                "its id, spelt differently")  # fmt: skip
            lines.append(f"{claim.id}: {role} ‘{written}’ → {item.id} ({how})")
    return lines


def finding(context: Context, rule: Rule, violation: Violation) -> Finding:
    """Turn a rule's violation into a finding, adding each cited claim's normalisations.

    A violation that gives no positions gets one, of all its claims; one that names no
    incident gets its claims' incident when they share one.
    """
    claims = tuple(sorted(set(violation.claims), key=lambda c: c.id))
    explanation = list(violation.explanation)
    for claim in claims:
        explanation.extend(line for line in normalisations(context, claim)
                           if line not in explanation)  # fmt: skip
    incident = violation.incident
    if incident is None:
        keys = {incidents(context).of[claim.id] for claim in claims}
        incident = keys.pop() if len(keys) == 1 else None
    positions = violation.positions
    if not positions:
        voice = voices_of(context, claims)
        positions = (Position(tuple(c.id for c in claims),
                              tuple(sorted({context.roles(c).source for c in claims})),
                              tuple(sorted(set(voice.values()))), ""),)  # fmt: skip
    about = None if violation.aspect is None or incident is None else (
        incident, violation.aspect)  # fmt: skip
    return Finding(
        code=rule.code,
        name=rule.name,
        severity=violation.severity or rule.severity,
        message=violation.message,
        claims=tuple(CitedClaim.of(claim) for claim in claims),
        explanation=tuple(explanation),
        fingerprint=fingerprint(rule.code, claims, about),
        incident=incident,
        aspect=violation.aspect,
        positions=positions,
    )
