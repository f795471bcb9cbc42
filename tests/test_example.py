"""The bundled Syria 2019–2020 dataset: complete, quoted verbatim, and its findings pinned.

FINDINGS.md is the reviewed record of what `crosscheck run` reports on the dataset; these tests
read it, so a change to the findings cannot land without a reviewed change of that file.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import crosscheck
from crosscheck import check, example_path, load_example
from crosscheck.sources import claim_groups

FOLDER = Path(__file__).parent.parent / "fixtures" / "syria-2019-2020"
FINDINGS = (FOLDER / "FINDINGS.md").read_text(encoding="utf-8")
README = (FOLDER / "README.md").read_text(encoding="utf-8")
WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    "fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    "eighty|ninety|hundreds?|thousands?|millions?|dozens?|first|second"
)
NUMBER = re.compile(rf"\d[\d,.]*\d|\d|\b(?:{WORDS})\b", re.IGNORECASE)


def section(text: str, heading: str) -> str:
    """The body of the markdown section under `heading`, up to the next heading of its level
    or above."""
    level = len(heading.split(" ", 1)[0])
    start = text.index(heading + "\n") + len(heading) + 1
    rest = text[start:]
    match = re.search(rf"^#{{1,{level}}} ", rest, re.MULTILINE)
    return rest[: match.start()] if match else rest


def ids(line: str) -> list[str]:
    return re.findall(r"`([^`]+)`", line)


def test_the_installed_example_is_the_fixture() -> None:
    """`load_example()` reads fixtures/syria-2019-2020, the single source of truth."""
    assert example_path().resolve() == FOLDER.resolve() or (example_path().parent.name == "_data")
    assert load_example() == crosscheck.load(FOLDER)


def test_every_report_has_claims_and_every_quote_is_verbatim() -> None:
    """Five reports, each with claims whose quotes occur in its text (white space aside)."""
    dataset = load_example()
    assert len(dataset.reports) == 5
    for report in dataset.reports:
        claims = dataset.claims_of(report.id)
        assert claims, report.id
        text = " ".join(report.text.split())
        assert all(" ".join(c.quote.split()) in text for c in claims)


def test_every_number_in_the_texts_is_claimed_or_listed_as_left_out() -> None:
    """Each number in an article lies in some claim's quote, or the README says why not."""
    listed = {
        (report, number)
        for line in section(README, "### Numbers left out").splitlines()
        if line.startswith("- `")
        for report in ids(line)[:1]
        for number in re.findall(r'"([^"]+)"', line.split(" — ")[0])
    }
    uncovered = set()
    dataset = load_example()
    for report in dataset.reports:
        text = " ".join(report.text.split())
        spans = []
        for claim in dataset.claims_of(report.id):
            quote, start = " ".join(claim.quote.split()), 0
            while (found := text.find(quote, start)) >= 0:
                spans.append((found, found + len(quote)))
                start = found + 1
        for match in NUMBER.finditer(text):
            if not any(a <= match.start() and match.end() <= b for a, b in spans):
                uncovered.add((report.id, match.group()))
    assert uncovered == listed


def pinned_findings() -> list[tuple[str, str, tuple[str, ...]]]:
    body = section(FINDINGS, "## Findings")
    pinned = []
    for block in body.split("\n### ")[1:]:
        heading, rest = block.split("\n", 1)
        code, severity = heading.split(" ", 1)[0], heading.rsplit(" ", 1)[1]
        claims = next(line for line in rest.splitlines() if line.startswith("Claims: "))
        pinned.append((code, severity, tuple(sorted(ids(claims)))))
    return sorted(pinned)


def test_the_run_gives_exactly_the_reviewed_findings() -> None:
    """The findings of `crosscheck run` (stable rules) are those reviewed in FINDINGS.md."""
    found = sorted(
        (f.code, f.severity.value, tuple(sorted(c.id for c in f.claims)))
        for f in check(load_example())
    )
    assert found == pinned_findings()


LOOK_ALIKES = [
    line for line in section(FINDINGS, "## Look-alikes that must not be flagged").splitlines()
    if line.startswith("- `")
]  # fmt: skip


@pytest.mark.parametrize("line", LOOK_ALIKES, ids=lambda line: ids(line)[0])
def test_a_look_alike_stays_quiet(line: str) -> None:
    """No finding, of any rule including previews, cites two claims of one look-alike line."""
    dataset = load_example()
    claims = set(ids(line.split(" — ")[0]))
    assert all(dataset.claim(claim) for claim in claims)
    for finding in check(dataset, preview=True):
        assert len(claims & {c.id for c in finding.claims}) < 2, (finding.code, line)


def test_the_disputed_items_have_their_reviewed_grades() -> None:
    """The corroboration grades of the disputed items are those in FINDINGS.md."""
    rows = [
        line.split("|")[1:3]
        for line in section(FINDINGS, "## Corroboration grades of the disputed items").splitlines()
        if line.startswith("| `")
    ]
    pinned = {ids(key)[0]: grade.strip() for key, grade in rows}
    grades = {group.key: group.grade.value for group in claim_groups(load_example())}
    assert {key: grades.get(key) for key in pinned} == pinned
