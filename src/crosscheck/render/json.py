"""The JSON format, version 2: a stable public contract documented in docs/cli.md.

Version 2 adds to each finding the incident and aspect it is about and its positions; version
1 (crosscheck 0.1) had neither, and fingerprints that identified the cited claims.

Keys keep the order shown there; strings are written as they are (not ASCII-escaped); the
output is indented by two spaces and ends with a newline. A change that removes or renames a
key, or changes a value's meaning, needs a new version number; adding keys does not.
"""

from __future__ import annotations

import json
from typing import Any

from crosscheck.findings import Finding
from crosscheck.render.run import SEVERITIES, Run

__all__ = ["VERSION", "document", "render"]

VERSION = 2


def _finding(finding: Finding) -> dict[str, Any]:
    return {
        "code": finding.code,
        "name": finding.name,
        "severity": finding.severity.value,
        "message": finding.message,
        "fingerprint": finding.fingerprint,
        "incident": finding.incident,
        "aspect": finding.aspect,
        "positions": [
            {
                "claims": list(p.claims),
                "origins": list(p.origins),
                "independent": p.independent,
                "reading": p.reading,
                "alone": p.alone,
            }
            for p in finding.positions
        ],
        "claims": [
            {"id": c.id, "report": c.report, "source": c.source, "quote": c.quote}
            for c in finding.claims
        ],
        "explanation": list(finding.explanation),
    }


def document(run: Run) -> dict[str, Any]:
    """The JSON document of `run`, as plain data."""
    review = run.review
    summary: dict[str, Any] = {severity.value: review.count(severity) for severity in SEVERITIES}
    summary |= {
        "suppressed": len(review.suppressed),
        "stale": len(review.stale),
        "reports": run.report_count,
        "claims": run.claim_count,
        "rules": sorted(rule.code for rule in run.rules),
    }
    return {
        "version": VERSION,
        "findings": [_finding(finding) for finding in review.active],
        "suppressed": [
            {"fingerprint": finding.fingerprint, "code": finding.code, "reason": acceptance.reason}
            for finding, acceptance in review.suppressed
        ],
        "stale": [
            {
                "fingerprint": a.fingerprint,
                "code": a.code or None,
                "reason": a.reason,
                "unseen": review.outgrown.get(a.fingerprint),
            }
            for a in review.stale
        ],
        "summary": summary,
    }


def render(run: Run, color: bool = False) -> str:
    """Render `run` as JSON; `color` is ignored."""
    return json.dumps(document(run), ensure_ascii=False, indent=2) + "\n"
