"""Review: set a run's findings against the curators' accepted ones.

A finding whose fingerprint a curator accepted (in the dataset's accepted.toml) is *suppressed*:
it is still reported, briefly, but never counts towards the exit code. An acceptance whose
fingerprint matches no finding of the run is *stale*: its claims were edited or removed, or the
rule no longer flags them, and it can be deleted. Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

import attrs

from crosscheck.findings import Finding, Severity
from crosscheck.model import Acceptance

__all__ = ["Review", "review"]


@attrs.frozen
class Review:
    """A run's findings sorted into active and suppressed, and the acceptances gone stale."""

    active: tuple[Finding, ...]
    suppressed: tuple[tuple[Finding, Acceptance], ...]
    stale: tuple[Acceptance, ...]

    def count(self, severity: Severity) -> int:
        """How many active findings have `severity`."""
        return sum(1 for finding in self.active if finding.severity is severity)

    def failing(self, threshold: Severity | None) -> tuple[Finding, ...]:
        """The active findings at or above `threshold`; none when it is None ("never")."""
        if threshold is None:
            return ()
        return tuple(f for f in self.active if f.severity.rank >= threshold.rank)


def review(
    findings: Iterable[Finding],
    accepted: Iterable[Acceptance],
    ran: Collection[str] | None = None,
) -> Review:
    """Match `findings` against `accepted` by fingerprint.

    `ran` holds the codes of the rules that ran, when a selection left some out: an acceptance
    naming (in its `code`) a rule that did not run can be neither matched nor judged stale, so
    it is left out of both. An acceptance without a code is judged stale whenever it matches
    nothing. Findings keep their order; stale acceptances keep the order of the file.
    """
    by_fingerprint = {acceptance.fingerprint: acceptance for acceptance in accepted}
    active: list[Finding] = []
    suppressed: list[tuple[Finding, Acceptance]] = []
    matched: set[str] = set()
    for finding in findings:
        acceptance = by_fingerprint.get(finding.fingerprint)
        if acceptance is None:
            active.append(finding)
        else:
            suppressed.append((finding, acceptance))
            matched.add(acceptance.fingerprint)
    stale = tuple(
        acceptance
        for acceptance in by_fingerprint.values()
        if acceptance.fingerprint not in matched
        and (ran is None or not acceptance.code or acceptance.code in ran)
    )
    return Review(tuple(active), tuple(suppressed), stale)
