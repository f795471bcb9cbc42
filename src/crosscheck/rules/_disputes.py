"""What the rules about disputes share: naming positions, severity, and the violation itself."""

from __future__ import annotations

from collections.abc import Sequence

from crosscheck.engine import Context
from crosscheck.findings import Severity, Violation
from crosscheck.incidents import Dispute
from crosscheck.model import Claim
from crosscheck.vocabulary import PREDICATES

__all__ = [
    "contradicting",
    "names",
    "possessive",
    "severity",
    "stated_span",
    "summary",
    "violation",
]


def possessive(name: str) -> str:
    """ "the governor's", "the United Nations'"."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def names(context: Context, origins: Sequence[str], limit: int = 3) -> str:
    """Display names in a phrase: "Reuters", "Reuters and AFP", "A, B, C and 2 more"."""
    shown = [context.dataset.actor(origin).name for origin in origins]
    if not shown:
        return "nobody"
    if len(shown) > limit:
        shown = [*shown[:limit], f"{len(shown) - limit} more"]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


def contradicting(context: Context, dispute: Dispute) -> str:
    """Who a one-voice dispute's conflicts come from, by name: "Pavlo Kyrylenko and Ukrainian
    Railways"."""
    origins = sorted({context.roles(c).source for k in dispute.conflicts for c in (k.a, k.b)})
    return names(context, origins)


def stated_span(context: Context, claims: Sequence[Claim]) -> str:
    """When the claims were stated, first to last: "2022-04-08 to 2022-04-10"."""
    times = sorted((context.stated(c) for c in claims), key=lambda t: t.order)
    first, last = times[0].label, max(times, key=lambda t: (t.end, t.start)).label
    return first if first == last else f"{first} to {last}"


def summary(context: Context, dispute: Dispute, *, timed: bool = False) -> str:
    """The positions in one phrase: "‘seven’ (Middle East Online, stated 2020-02-06) against
    ‘five’ (The Arab Observer, stated 2020-02-27)"; the odd one out is said to stand alone."""
    by_id = {claim.id: claim for claim in dispute.claims}
    parts = []
    for position in dispute.positions:
        claims = [by_id[i] for i in position.claims]
        who = names(context, position.origins)
        when = f", stated {stated_span(context, claims)}" if timed else ""
        alone = ", which stands alone" if position.alone else ""
        parts.append(f"{position.reading} ({who}{when}){alone}")
    return " against ".join(parts) + _on_both_sides(context, dispute)


def _on_both_sides(context: Context, dispute: Dispute) -> str:
    """ "; one voice takes more than one position: pro-Russian Telegram channels against
    Igor Konashenkov and Dmitry Peskov" — a voice (aligned origins) behind several positions
    has changed or contradicted its own account, and each position's share of it is named; ""
    when no voice is split (or when the whole dispute lies within one voice, which the
    message says already)."""
    if dispute.one_voice:
        return ""
    count: dict[tuple[str, ...], int] = {}
    for position in dispute.positions:
        for voice in position.voices:
            count[voice] = count.get(voice, 0) + 1
    said = []
    for voice in sorted(v for v, n in count.items() if n > 1):
        shares = [
            names(context, [o for o in position.origins if o in voice])
            for position in dispute.positions
            if set(position.origins) & set(voice)
        ]
        if len(set(shares)) == 1:  # the same origins each time
            said.append(f"{shares[0]}, in {len(shares)} of them")
        else:
            said.append(" against ".join(shares))
    if not said:
        return ""
    one = "one voice takes" if len(said) == 1 else "voices take"
    return f"; {one} more than one position: {'; '.join(said)}"


def severity(dispute: Dispute) -> Severity | None:
    """None (the rule's own) for a certain, asserted disagreement; a warning when the incident
    is inferred or the disagreement rests only on hedged claims."""
    return None if dispute.certain and not dispute.hedged else Severity.WARNING


def _incident_line(dispute: Dispute) -> str:
    incident = dispute.incident
    if dispute.certain:
        return (f"same thing: certain (curated event id {incident.event!r}); aspect "
                f"{dispute.aspect}")  # fmt: skip
    how = "a conflicting claim lacks the event id" if incident.event else "no shared event id"
    return f"same thing: inferred ({how}); incident {incident.key}, aspect {dispute.aspect}"


SHOWN_PAIRS = 3
"""How many conflicting pairs of an inferred dispute say why they are taken to be one thing."""


def _why_the_same(context: Context, dispute: Dispute) -> list[str]:
    """For an inferred dispute, why its conflicting claims are about one thing — the shared
    predicate, patient, places and dates, and the part of a sameness window each needed — for
    the first few pairs."""
    if dispute.certain:
        return []
    lines = []
    for conflict in dispute.conflicts[:SHOWN_PAIRS]:
        found = context.sameness(conflict.a, conflict.b, ignore={"modality", "agent"})
        if found is not None:
            lines.append(f"{conflict.a.id} and {conflict.b.id}: {found.explain()}")
    return lines


def violation(
    context: Context,
    dispute: Dispute,
    message: str,
    level: Severity | None,
    extra: Sequence[str] = (),
) -> Violation:
    """The violation of one dispute: every claim, the positions, and the explanation — how
    sameness was decided, each conflict, each position, and, for a toll, when each claim was
    stated."""
    lines = [_incident_line(dispute), *_why_the_same(context, dispute), *extra,
             *dispute.explanation()]  # fmt: skip
    if any(PREDICATES[c.predicate].cumulative for c in dispute.claims if c.quantity):
        lines += [f"{c.id}: stated {context.stated(c).reading}" for c in dispute.claims]
    return Violation(message, dispute.claims, tuple(lines), level, dispute.incident.key,
                     dispute.aspect, dispute.positions)  # fmt: skip
