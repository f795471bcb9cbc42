"""The bundled Syria 2019–2020 dataset: complete and quoted verbatim.

Its findings are pinned, with every other fixture's, by tests/test_fixtures.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import crosscheck
from crosscheck import example_path, load_example
from test_fixtures import ids, section

FOLDER = Path(__file__).parent.parent / "fixtures" / "syria-2019-2020"
README = (FOLDER / "README.md").read_text(encoding="utf-8")
WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    "fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    "eighty|ninety|hundreds?|thousands?|millions?|dozens?|first|second"
)
NUMBER = re.compile(rf"\d[\d,.]*\d|\d|\b(?:{WORDS})\b", re.IGNORECASE)


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
