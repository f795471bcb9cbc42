"""Review: set a run's findings against the curators' accepted ones.

A finding whose fingerprint a curator accepted (in the dataset's accepted.toml) is *suppressed*:
it is still reported, briefly, but never counts towards the exit code. An acceptance whose
fingerprint matches no finding of the run is *stale*: its claims were edited or removed, or the
rule no longer flags them, and it can be deleted. An acceptance that recorded the positions it
saw is stale, too, when the finding has a position it did not see — claims none of which it
saw, or a position it saw split in two — or when the finding now comes from another rule than
the one it recorded, or with a higher severity: the finding is active again. Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping

import attrs

from crosscheck.findings import Finding, Position, Severity
from crosscheck.model import Acceptance

__all__ = ["Review", "new_positions", "outgrowth", "review"]


@attrs.frozen
class Review:
    """A run's findings sorted into active and suppressed, and the acceptances gone stale."""

    active: tuple[Finding, ...]
    suppressed: tuple[tuple[Finding, Acceptance], ...]
    stale: tuple[Acceptance, ...]
    outgrown: Mapping[str, str] = attrs.field(factory=dict)
    """For each stale acceptance whose finding is still there, by fingerprint: what it did not
    accept (another rule, a higher severity, positions it did not see; see `outgrowth`)."""

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
    outgrown: dict[str, str] = {}
    for finding in findings:
        acceptance = by_fingerprint.get(finding.fingerprint)
        if acceptance is None:
            active.append(finding)
            continue
        changed = outgrowth(finding, acceptance)
        if changed:
            active.append(finding)
            outgrown[acceptance.fingerprint] = changed
        else:
            suppressed.append((finding, acceptance))
            matched.add(acceptance.fingerprint)
    stale = tuple(
        acceptance
        for acceptance in by_fingerprint.values()
        if acceptance.fingerprint not in matched
        and (ran is None or not acceptance.code or acceptance.code in ran
             or acceptance.fingerprint in outgrown)
    )  # fmt: skip
    return Review(tuple(active), tuple(suppressed), stale, outgrown)


def outgrowth(finding: Finding, acceptance: Acceptance) -> str:
    """What `finding` holds that `acceptance` did not accept, in words — another rule, a
    higher severity, positions it did not see — or "" when it accepted all of it."""
    changes = []
    if acceptance.code and acceptance.code != finding.code:
        changes.append(f"now {finding.code}, accepted as {acceptance.code}")
    if acceptance.severity is not None and finding.severity.rank > acceptance.severity.rank:
        changes.append(f"now {finding.severity}, accepted as {acceptance.severity}")
    unseen = new_positions(finding, acceptance.positions)
    if unseen:
        changes.append("; ".join(f"{p.reading or 'a position'} ({', '.join(p.claims)})"
                                 for p in unseen))  # fmt: skip
    return "; ".join(changes)


def new_positions(finding: Finding, seen: tuple[tuple[str, ...], ...]) -> list[Position]:
    """The positions of `finding` that an acceptance which saw `seen` did not: those none of
    whose claims it saw, and all but the first of those that split one position it saw. With
    nothing seen (an acceptance written by hand), none."""
    if not seen:
        return []
    home = {claim: number for number, group in enumerate(seen) for claim in group}
    taken: set[int] = set()
    unseen = []
    for position in finding.positions:
        homes = {home[claim] for claim in position.claims if claim in home}
        if not homes or homes <= taken:
            unseen.append(position)
        taken |= homes
    return unseen
