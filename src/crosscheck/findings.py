"""Findings: what a rule reports, with the claims it cites and every step that led to it."""

from __future__ import annotations

import enum
import hashlib
import json
from collections.abc import Iterable

import attrs

from crosscheck.model import Claim
from crosscheck.quantity import Quantity

__all__ = ["CitedClaim", "Finding", "Severity", "Violation", "fingerprint"]


class Severity(enum.StrEnum):
    """How strongly a finding should alarm: `error` > `warning` > `info`."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        """0 for info, 1 for warning, 2 for error."""
        return list(Severity).index(self)


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

    `severity` overrides the rule's default, e.g. to lower an inferred match to a warning.
    """

    message: str
    claims: tuple[Claim, ...]
    explanation: tuple[str, ...] = ()
    severity: Severity | None = None


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
    return [claim.id, claim.report, claim.predicate, claim.source, claim.quote,
            claim.modality.value, claim.agent, claim.patient, claim.place,
            _written(claim.quantity), _written(claim.restated), when,
            None if claim.extent is None else claim.extent.value, claim.event, claim.total,
            claim.exhaustive, *([list(claim.via)] if claim.via else [])]  # fmt: skip


def fingerprint(code: str, claims: Iterable[Claim]) -> str:
    """A stable id for a finding of rule `code` about `claims`.

    It depends only on the rule and on what the curator wrote for the cited claims, so it stays
    the same when other claims are added or files are reordered, and changes when a cited claim
    is edited (an acceptance of the old finding then no longer applies).
    """
    content = [code, sorted((_content(claim) for claim in claims), key=lambda c: str(c[0]))]
    digest = hashlib.sha256(json.dumps(content, ensure_ascii=False).encode("utf-8"))
    return digest.hexdigest()[:16]
