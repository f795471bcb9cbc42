"""The SARIF 2.1.0 format, for code-scanning services and SARIF viewers.

One run; the driver lists every rule that ran, with its docstring as help. Each finding is a
result located at the cited claims (report file and line, relative to the dataset folder named
by the ``DATASET`` base id); accepted findings are results with an external suppression that
carries the reviewer's reason. ``partialFingerprints["crosscheck/v2"]`` is the finding's
fingerprint (version 2: it identifies the incident and aspect of a finding about one), so
services track a finding across runs; its properties carry the incident, aspect and
positions.
"""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from crosscheck import __version__
from crosscheck.findings import Finding, Severity
from crosscheck.model import Acceptance
from crosscheck.registry import Rule
from crosscheck.render.run import Run

__all__ = ["BASE_ID", "SCHEMA", "render"]

SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
BASE_ID = "DATASET"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _rule(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.section("What it flags") or rule.summary},
        "help": {"text": rule.doc, "markdown": rule.doc},
        "defaultConfiguration": {"level": _LEVELS[rule.severity]},
        "properties": {"lifecycle": rule.lifecycle.value, "tags": [rule.family]},
    }


def _result(
    run: Run, finding: Finding, index: dict[str, int], acceptance: Acceptance | None
) -> dict[str, Any]:
    text = finding.message
    if len(finding.positions) > 1:
        text += "\n\nPositions:\n" + "\n".join(
            f"{n}. {p.reading} ({p.standing}): {', '.join(p.claims)}"
            for n, p in enumerate(finding.positions, start=1)
        )
    if finding.explanation:
        text += "\n\nWhy:\n" + "\n".join(f"- {line}" for line in finding.explanation)
    result: dict[str, Any] = {"ruleId": finding.code}
    if finding.code in index:
        result["ruleIndex"] = index[finding.code]
    result |= {
        "level": _LEVELS[finding.severity],
        "message": {"text": text},
        "partialFingerprints": {"crosscheck/v2": finding.fingerprint},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": quote(location[0]), "uriBaseId": BASE_ID},
                    "region": {"startLine": location[1]},
                },
                "message": {"text": f"{claim.id}: {run.source_name(claim)}: “{claim.quote}”"},
            }
            for claim in finding.claims
            if (location := run.locations.get(claim.id)) is not None
        ],
    }
    result["properties"] = {
        "incident": finding.incident,
        "aspect": finding.aspect,
        "positions": [
            {"claims": list(p.claims), "origins": list(p.origins), "reading": p.reading,
             "independent": p.independent, "alone": p.alone}
            for p in finding.positions
        ],
    }  # fmt: skip
    if acceptance is not None:
        result["suppressions"] = [{"kind": "external", "justification": acceptance.reason}]
    return result


def _base(dataset_path: str) -> dict[str, str]:
    """Where the dataset folder is: a file URI, or a path relative to the source root."""
    path = PurePath(dataset_path)
    if path.is_absolute():
        return {"uri": path.as_uri().rstrip("/") + "/"}
    return {"uri": quote(path.as_posix().rstrip("/")) + "/", "uriBaseId": "%SRCROOT%"}


def document(run: Run) -> dict[str, Any]:
    """The SARIF log of `run`, as plain data."""
    rules = sorted(run.rules, key=lambda r: r.code)
    index = {rule.code: i for i, rule in enumerate(rules)}
    results = [_result(run, f, index, None) for f in run.review.active]
    results += [_result(run, f, index, a) for f, a in run.review.suppressed]
    driver = {"name": "crosscheck", "version": __version__, "rules": [_rule(r) for r in rules]}
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "originalUriBaseIds": {BASE_ID: _base(run.dataset_path)},
                "results": results,
                "columnKind": "unicodeCodePoints",
            }
        ],
    }


def render(run: Run, color: bool = False) -> str:
    """Render `run` as a SARIF 2.1.0 log; `color` is ignored."""
    return json.dumps(document(run), ensure_ascii=False, indent=2) + "\n"
