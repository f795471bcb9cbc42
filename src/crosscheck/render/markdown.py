"""The markdown format: a report for a newsroom, one section per finding."""

from __future__ import annotations

import re

from crosscheck.findings import CitedClaim, Finding
from crosscheck.render.run import SEVERITIES, Run

__all__ = ["render"]

_SPECIAL = re.compile(r"([\\`*_<>|])")
_TITLES = {"error": "Errors", "warning": "Warnings", "info": "Information"}


def _md(text: str) -> str:
    """`text` on one line, with markdown's special characters escaped."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def render(run: Run, color: bool = False) -> str:
    """Render `run` as a markdown report; `color` is ignored."""
    review = run.review
    rows = [(s.value, review.count(s)) for s in SEVERITIES]
    rows += [("accepted", len(review.suppressed)), ("stale acceptances", len(review.stale))]
    parts = [
        "# crosscheck report",
        f"Dataset `{run.dataset_path}`: {run.report_count} reports and "
        f"{run.claim_count} claims, checked by {len(run.rules)} rules.",
        f"**{_md(run.summary())}**",
        "\n".join(["| | findings |", "| --- | ---: |", *(f"| {k} | {n} |" for k, n in rows)]),
    ]
    for severity, findings in run.by_severity():
        parts.append(f"## {_TITLES[severity.value]}")
        parts.extend(_finding(run, finding) for finding in findings)
    if review.suppressed:
        parts.append("## Accepted findings")
        parts.append("\n".join(
            ["| rule | fingerprint | reason |", "| --- | --- | --- |"]
            + [f"| {f.code} `{f.name}` | `{f.fingerprint}` | {_md(a.reason)} |"
               for f, a in review.suppressed]
        ))  # fmt: skip
    if review.stale:
        parts.append("## Stale acceptances")
        parts.append(
            "These accepted fingerprints match no finding any more, or their finding has "
            "changed since (another rule, a higher severity, a position the acceptance did not "
            "see); remove them from accepted.toml, or review the finding and accept it again."
        )
        parts.append("\n".join(
            f"- `{a.fingerprint}`{f' ({a.code})' if a.code else ''}: {_md(a.reason)}"
            + (f" — changed: {_md(review.outgrown[a.fingerprint])}"
               if a.fingerprint in review.outgrown else "")
            for a in review.stale
        ))  # fmt: skip
    return "\n\n".join(parts) + "\n"


def _finding(run: Run, finding: Finding) -> str:
    parts = [
        f"### {finding.code} `{finding.name}` ({finding.severity.value})",
        _md(finding.message),
    ]
    by_id = {claim.id: claim for claim in finding.claims}
    grouped = len(finding.positions) > 1
    for number, position in enumerate(finding.positions, start=1):
        if grouped:
            parts.append(f"**Position {number}: {_md(position.reading)}** ({position.standing})")
        parts.extend(_quote(run, by_id[claim_id]) for claim_id in position.claims)
    if finding.explanation:
        parts.append("Why:")
        parts.append("\n".join(f"- {_md(line)}" for line in finding.explanation))
    parts.append(f"Fingerprint: `{finding.fingerprint}`")
    return "\n\n".join(parts)


def _quote(run: Run, claim: CitedClaim) -> str:
    try:
        report = run.dataset.report(claim.report)
        outlet = run.dataset.actor(report.outlet).name
        published = f"*{_md(report.title)}* ({_md(outlet)}, {report.published})"
    except KeyError:
        published = _md(claim.report)
    location = run.locations.get(claim.id)
    where = f", `{location[0]}` line {location[1]}" if location else ""
    return (
        f"> “{_md(claim.quote)}”\n>\n"
        f"> — {_md(run.source_name(claim))}, in {published}; claim `{claim.id}`{where}"
    )
