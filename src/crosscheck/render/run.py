"""What every output format renders: one checked run, with the helpers they share."""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from crosscheck.findings import CitedClaim, Finding, Severity
from crosscheck.model import Dataset
from crosscheck.registry import Rule
from crosscheck.review import Review
from crosscheck.sameness import Window

__all__ = ["SEVERITIES", "Run", "plural"]

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
"""Severities from the most to the least alarming, the order every format lists them in."""

_PLURALS = {"error": "errors", "warning": "warnings", "info": "info", "report": "reports",
            "claim": "claims", "rule": "rules", "problem": "problems",
            "stale acceptance": "stale acceptances",
            "independent voice": "independent voices"}  # fmt: skip


def plural(count: int, noun: str) -> str:
    """``1 error``, ``2 errors``, ``3 info``."""
    return f"{count} {noun if count == 1 else _PLURALS.get(noun, noun + 's')}"


@attrs.frozen
class Run:
    """One run of crosscheck over a dataset, ready to render.

    `dataset_path` is the dataset folder as the user named it; `locations` maps claim ids to
    (report file relative to that folder, line; "" when the dataset is one file, an imported
    export) — `crosscheck.run` gives a mapping that reads
    the files only when a location is first asked for; `rules` are the rules that ran; `fail_on` is
    the severity at which the run fails, None for never.
    """

    dataset_path: str
    dataset: Dataset
    review: Review
    rules: tuple[Rule, ...]
    locations: Mapping[str, tuple[str, int]]
    fail_on: Severity | None = Severity.INFO
    window: Window | None = None
    """The sameness window the run was checked with (`crosscheck.sameness.Window`)."""
    counted: tuple[int, int] | None = None
    """How many reports and claims were checked, when `dataset` holds only what the findings
    cite (an export checked in parts: `crosscheck.run(..., stream=True)`); None when
    `dataset` is all that was checked."""

    @property
    def report_count(self) -> int:
        """How many reports were checked."""
        return len(self.dataset.reports) if self.counted is None else self.counted[0]

    @property
    def claim_count(self) -> int:
        """How many claims were checked."""
        return len(self.dataset.claims) if self.counted is None else self.counted[1]

    def source_name(self, claim: CitedClaim) -> str:
        """The display name of the claim's source (as written when it names no actor)."""
        return self.actor_name(claim.source)

    def actor_name(self, actor: str) -> str:
        """The display name of `actor` (as written when it names no actor)."""
        try:
            return self.dataset.actor(actor).name
        except KeyError:
            return actor

    def where(self, claim: CitedClaim) -> str | None:
        """``reports/x.toml:12`` under the dataset folder, or None when unknown."""
        location = self.locations.get(claim.id)
        if location is None:
            return None
        base = self.dataset_path.rstrip("/\\")
        if not location[0]:  # the dataset is one file: an imported export
            return f"{base}:{location[1]}"
        return f"{base}/{location[0]}:{location[1]}" if base else f"{location[0]}:{location[1]}"

    def by_severity(self) -> list[tuple[Severity, tuple[Finding, ...]]]:
        """The active findings grouped by severity, most alarming first; empty groups left out."""
        groups = [
            (severity, tuple(f for f in self.review.active if f.severity is severity))
            for severity in SEVERITIES
        ]
        return [(severity, findings) for severity, findings in groups if findings]

    def statistics(self) -> list[tuple[int, str, str, Severity]]:
        """How many active findings each rule reported, most first (then by code), with the
        rule's name and the most severe of its findings; rules that reported none left out."""
        counts: dict[str, list[Finding]] = {}
        for finding in self.review.active:
            counts.setdefault(finding.code, []).append(finding)
        rows = [(len(found), code, found[0].name, max((f.severity for f in found),
                 key=lambda s: s.rank)) for code, found in counts.items()]  # fmt: skip
        return sorted(rows, key=lambda row: (-row[0], row[1]))

    def summary(self) -> str:
        """One line: ``3 errors, 1 info in 5 reports (142 claims); 2 accepted, 1 stale …``."""
        counts = [plural(self.review.count(s), s.value) for s in SEVERITIES if self.review.count(s)]
        found = ", ".join(counts) if counts else "no findings"
        line = (
            f"{found} in {plural(self.report_count, 'report')} "
            f"({plural(self.claim_count, 'claim')})"
        )
        extra = []
        if self.review.suppressed:
            extra.append(f"{len(self.review.suppressed)} accepted")
        if self.review.stale:
            extra.append(plural(len(self.review.stale), "stale acceptance"))
        return line + ("; " + ", ".join(extra) if extra else "")
