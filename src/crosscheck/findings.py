"""Findings: what a rule reports, with the claims it cites and every step that led to it."""

from __future__ import annotations

import datetime
import hashlib
import json
from collections.abc import Iterable

import attrs

from crosscheck.model import Claim
from crosscheck.positions import Position
from crosscheck.quantity import Quantity
from crosscheck.vocabulary import Severity

__all__ = ["CitedClaim", "Finding", "Position", "Severity", "Violation", "fingerprint"]


@attrs.frozen
class CitedClaim:
    """A claim as a finding cites it: enough to read the finding without the files open."""

    id: str
    report: str
    source: str
    quote: str

    @classmethod
    def of(cls, claim: Claim) -> CitedClaim:
        """Cite `claim`."""
        return cls(claim.id, claim.report, claim.source, claim.quote)


@attrs.frozen
class Violation:
    """What a rule function yields: the engine turns it into a `Finding`.

    `severity` overrides the rule's default, e.g. to lower an inferred match to a warning. A
    violation about one aspect of an incident names the `incident` and the `aspect` and groups
    its claims into `positions`; its finding's fingerprint then identifies the incident and
    the aspect (not the claims), so an agreeing claim added later keeps an acceptance valid.
    """

    message: str
    claims: tuple[Claim, ...]
    explanation: tuple[str, ...] = ()
    severity: Severity | None = None
    incident: str | None = None
    aspect: str | None = None
    positions: tuple[Position, ...] = ()


@attrs.frozen
class Finding:
    """One disagreement (or other problem) found by a rule.

    `explanation` lists every step the finding relied on: how each wording became an interval,
    which anchor each date was resolved against, which unit conversions and aliases were used,
    and whether the claims were known to be about the same thing (a curated event id) or only
    inferred to be. `fingerprint` identifies the finding across runs; it changes only when the
    rule or the cited claims change.
    """

    code: str
    name: str
    severity: Severity
    message: str
    claims: tuple[CitedClaim, ...]
    explanation: tuple[str, ...]
    fingerprint: str
    incident: str | None = None
    """The incident the finding is about: a curated event id, or ``~`` and a claim id for an
    incident crosscheck inferred; None for a finding about no incident."""
    aspect: str | None = None
    """Which aspect of the incident disagrees ("killed:civilians:person", "agent", "date"…)."""
    positions: tuple[Position, ...] = ()
    """The cited claims grouped into positions that agree with each other, heaviest first."""

    @property
    def sort_key(self) -> tuple[int, str, tuple[str, ...], str]:
        """Most severe first, then by rule code and cited claims."""
        return (-self.severity.rank, self.code, tuple(c.id for c in self.claims), self.message)


def _written(quantity: Quantity | None) -> list[object] | None:
    if quantity is None:
        return None
    curated = [quantity.low, quantity.high] if quantity.curated else []
    return [quantity.text, quantity.unit, *curated]


def _content(claim: Claim) -> list[object]:
    """What a curator wrote for `claim` — wordings, not the intervals and days crosscheck
    derives from them, and not its note."""
    when = None
    if claim.when is not None:
        when = [claim.when.text]
        if claim.when.explicit:
            when += [str(claim.when.start), str(claim.when.end)]
    agents = claim.agents
    agent: object = None if not agents else agents[0] if len(agents) == 1 else list(agents)
    extra: list[object] = [list(claim.via)] if claim.via else []
    if claim.denies is not None or claim.as_of is not None:
        as_of = claim.as_of
        extra += [None if claim.denies is None else claim.denies.value,
                  as_of.isoformat() if isinstance(as_of, datetime.datetime)
                  else None if as_of is None else [as_of.text, str(as_of.start),
                                                   str(as_of.end)]]  # fmt: skip
    return [claim.id, claim.report, claim.predicate, claim.source, claim.quote,
            claim.modality.value, agent, claim.patient, claim.place,
            _written(claim.quantity), _written(claim.restated), when,
            None if claim.extent is None else claim.extent.value, claim.event, claim.total,
            claim.exhaustive, *extra]  # fmt: skip


def fingerprint(code: str, claims: Iterable[Claim], about: tuple[str, str] | None = None) -> str:
    """A stable id for a finding of rule `code`.

    For a finding about one aspect of an incident, `about` is (incident, aspect), and the
    fingerprint depends on the incident and the aspect only — not even on the rule, since one
    aspect is judged once, by whichever rule its disagreement calls for (an outlier that finds
    an independent ally turns one source's fallen toll into a dispute between sources): adding
    a claim that agrees, or editing a claim, keeps it (whether an acceptance still covers what
    it saw is judged from its positions, see `crosscheck.review`). Otherwise it depends on the
    rule and
    on what the curator wrote for the cited `claims`, so it stays the same when other claims
    are added or files are reordered, and changes when a cited claim is edited.
    """
    if about is not None:
        content: list[object] = ["incident", *about]
    else:
        content = [code, sorted((_content(claim) for claim in claims), key=lambda c: str(c[0]))]
    digest = hashlib.sha256(json.dumps(content, ensure_ascii=False).encode("utf-8"))
    return digest.hexdigest()[:16]
