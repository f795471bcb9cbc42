"""Every curated fixture's findings, pinned by the review in its FINDINGS.md.

A fixture's FINDINGS.md is the reviewed record of what `crosscheck run` reports on it; these
tests read it, so a change to the findings cannot land without a reviewed change of that file:

- each finding is a `### CODE name — severity` heading with a `Claims:` line naming every cited
  claim, and, when it has more than one position, a `Positions:` line grouping them
  (`` `a`, `b` | `c` ``);
- each line of "Look-alikes that must not be flagged" names claims that look as if they
  disagree: no finding of any rule, previews included, may set two of them against each other
  (put them in different positions);
- the table of "Corroboration grades", where there is one, pins `crosscheck sources`' grades.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from crosscheck import Finding, check, load
from crosscheck.config import load_config
from crosscheck.sources import claim_groups

ROOT = Path(__file__).parent.parent / "fixtures"
FIXTURES = sorted(path.parent.name for path in ROOT.glob("*/FINDINGS.md"))
CURATED = [name for name in FIXTURES if (ROOT / name / "reports").is_dir()
           and not (ROOT / name / "dataset.toml").is_file()]  # fmt: skip
"""The fixtures curated from news reports alone: the properties run on these (those with a
coded dataset of a thousand events are checked by their findings and in test_imports)."""


def section(text: str, heading: str) -> str:
    """The body of the markdown section under `heading`, up to the next heading of its level
    or above ("" when there is no such section)."""
    if heading + "\n" not in text:
        return ""
    level = len(heading.split(" ", 1)[0])
    start = text.index(heading + "\n") + len(heading) + 1
    rest = text[start:]
    match = re.search(rf"^#{{1,{level}}} ", rest, re.MULTILINE)
    return rest[: match.start()] if match else rest


def ids(line: str) -> list[str]:
    return re.findall(r"`([^`]+)`", line)


def findings_md(fixture: str) -> str:
    return (ROOT / fixture / "FINDINGS.md").read_text(encoding="utf-8")


def pinned(fixture: str) -> list[tuple[str, str, tuple[str, ...], tuple[tuple[str, ...], ...]]]:
    """(code, severity, cited claims, positions) of each reviewed finding."""
    found = []
    for block in section(findings_md(fixture), "## Findings").split("\n### ")[1:]:
        heading, rest = block.split("\n", 1)
        code, severity = heading.split(" ", 1)[0], heading.rsplit(" ", 1)[1]
        lines = rest.splitlines()
        claims = next(line for line in lines if line.startswith("Claims: "))
        grouping = next((line for line in lines if line.startswith("Positions: ")), None)
        positions = (
            tuple(sorted(tuple(sorted(ids(part))) for part in grouping.split("|")))
            if grouping
            else ()
        )
        found.append((code, severity, tuple(sorted(ids(claims))), positions))
    return sorted(found)


def actual(finding: Finding) -> tuple[str, str, tuple[str, ...], tuple[tuple[str, ...], ...]]:
    positions = tuple(sorted(tuple(sorted(p.claims)) for p in finding.positions))
    return (
        finding.code,
        finding.severity.value,
        tuple(sorted(c.id for c in finding.claims)),
        positions if len(positions) > 1 else (),
    )


@pytest.mark.parametrize("fixture", FIXTURES)
def test_the_run_gives_exactly_the_reviewed_findings(fixture: str) -> None:
    """The findings of `crosscheck run` (stable rules), their claims and their positions are
    those reviewed in the fixture's FINDINGS.md."""
    window = load_config(ROOT / fixture).window  # a fixture's crosscheck.toml may set one
    found = sorted(actual(f) for f in check(load(ROOT / fixture), window=window))
    assert found == pinned(fixture)


LOOK_ALIKES = [
    pytest.param(fixture, line, id=f"{fixture}: {ids(line)[0]}")
    for fixture in FIXTURES
    for line in section(
        findings_md(fixture), "## Look-alikes that must not be flagged"
    ).splitlines()
    if line.startswith("- `")
]


@pytest.mark.parametrize(("fixture", "line"), LOOK_ALIKES)
def test_a_look_alike_stays_quiet(fixture: str, line: str) -> None:
    """No finding of any rule, previews included, sets two claims of one look-alike line
    against each other."""
    dataset = load(ROOT / fixture)
    claims = set(ids(line.split(" — ")[0]))
    assert all(dataset.claim(claim) for claim in claims)
    for finding in check(dataset, preview=True):
        homes = [p for p in finding.positions if claims & set(p.claims)]
        assert len(homes) < 2, (finding.code, finding.message, line)


@pytest.mark.parametrize("fixture", FIXTURES)
def test_the_disputed_items_have_their_reviewed_grades(fixture: str) -> None:
    """The corroboration grades of the disputed items are those in FINDINGS.md."""
    rows = [
        line.split("|")[1:3]
        for line in section(
            findings_md(fixture), "## Corroboration grades of the disputed items"
        ).splitlines()
        if line.startswith("| `")
    ]
    pinned_grades = {ids(key)[0]: grade.strip() for key, grade in rows}
    grades = {group.key: group.grade.value for group in claim_groups(load(ROOT / fixture))}
    assert {key: grades.get(key) for key in pinned_grades} == pinned_grades
