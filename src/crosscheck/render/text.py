"""The text format: findings for a terminal, grouped by severity, the summary line last."""

from __future__ import annotations

import click

from crosscheck.findings import Finding, Severity
from crosscheck.render.run import Run, plural

__all__ = ["render"]

_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


def _style(text: str, color: bool, *, fg: str | None = None, bold: bool = False,
           dim: bool = False) -> str:  # fmt: skip
    return click.style(text, fg=fg, bold=bold or None, dim=dim or None) if color else text


def render(run: Run, color: bool = False) -> str:
    """Render `run` as text; `color` adds ANSI styles (for a terminal)."""
    blocks: list[str] = []
    for severity, findings in run.by_severity():
        heading = plural(len(findings), severity.value)
        blocks.append(_style(heading, color, fg=_COLOURS[severity], bold=True))
        blocks.extend(_finding(run, finding, color) for finding in findings)
    accepted = [
        f"accepted: {finding.code} {finding.fingerprint} — {acceptance.reason}"
        for finding, acceptance in run.review.suppressed
    ]
    stale = [
        f"stale acceptance: {' '.join(filter(None, (a.code, a.fingerprint)))} — {a.reason} "
        + (
            f"(the finding has changed since it was accepted: "
            f"{run.review.outgrown[a.fingerprint]}; review it and accept it again)"
            if a.fingerprint in run.review.outgrown
            else "(no finding has this fingerprint now; remove it from accepted.toml)"
        )
        for a in run.review.stale
    ]
    blocks.extend(_style("\n".join(lines), color, dim=True) for lines in (accepted, stale) if lines)
    blocks.append(_style(run.summary(), color, bold=True))
    return "\n\n".join(blocks) + "\n"


def _finding(run: Run, finding: Finding, color: bool) -> str:
    severity = _style(finding.severity.value, color, fg=_COLOURS[finding.severity], bold=True)
    lines = [f"{_style(finding.code, color, bold=True)} {finding.name}  {severity}",
             finding.message]  # fmt: skip
    by_id = {claim.id: claim for claim in finding.claims}
    grouped = len(finding.positions) > 1
    for number, position in enumerate(finding.positions, start=1):
        indent = "    " if grouped else "  "
        if grouped:
            lines.append(f"  position {number}: {position.reading} ({position.standing})")
        for claim_id in position.claims:
            claim = by_id[claim_id]
            where = run.where(claim)
            at = f" ({where})" if where else ""
            quote = " ".join(claim.quote.split())
            lines.append(f"{indent}- [{claim.id}] {claim.report}{at} — "
                         f"{run.source_name(claim)}: “{quote}”")  # fmt: skip
    if finding.explanation:
        lines.append(_style("  why:", color, dim=True))
        lines.extend(f"    {line}" for line in finding.explanation)
    lines.append(_style(f"  fingerprint: {finding.fingerprint}", color, dim=True))
    return "\n".join(lines)
