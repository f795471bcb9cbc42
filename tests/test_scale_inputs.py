"""Large and wrong inputs: quotes against long texts, and per-report lookups in large datasets.

How long these take is measured by benchmarks/inputs.py, not here: the tests pin what the
results are.
"""

from __future__ import annotations

import datetime
import random
import shutil
from pathlib import Path

import attrs
import pytest
import tomli_w

from crosscheck import Dataset, DatasetError, load
from crosscheck.model import Actor, ActorKind, Claim, Modality, Report

BASE = Path(__file__).parent / "bad" / "_base"
PASSAGE = "A rare confrontation between Turkey and Syria on Monday killed seven Turkish soldiers"
NO_HINT = "no similar passage; check it was copied from this report"


def dataset_with(where: Path, text: str, *quotes: str) -> Path:
    """The base dataset with one report whose text is `text` and one claim per quote."""
    folder = where / "dataset"
    shutil.copytree(BASE, folder)
    (folder / "reports" / "r.txt").write_text(text, encoding="utf-8")
    claims = [
        {"id": f"c{i}", "predicate": "killed", "source": "reuters", "quote": quote}
        for i, quote in enumerate(quotes)
    ]
    header = {"outlet": "reuters", "title": "A report", "published": "2020-02-06"}
    toml = tomli_w.dumps({"report": header, "claims": claims})
    (folder / "reports" / "r.toml").write_text(toml.replace('"2020-02-06"', "2020-02-06"))
    return folder


def problems(folder: Path) -> list[str]:
    """The messages of the problems loading `folder` finds (none when it loads)."""
    try:
        load(folder)
    except DatasetError as error:
        return [problem.message for problem in error.problems]
    return []


def prose(size: int, seed: int = 1) -> str:
    """About `size` characters of sentences from the base report's words, in seeded order."""
    rng = random.Random(seed)
    words = sorted(set((BASE / "reports" / "r.txt").read_text().split()))
    sentences, total = [], 0
    while total < size:
        sentence = " ".join(rng.choice(words) for _ in range(rng.randint(8, 30))) + "."
        sentences.append(sentence)
        total += len(sentence) + 1
    return "\n".join(sentences)


def test_a_quote_with_a_typo_is_told_its_closest_passage(tmp_path: Path) -> None:
    """A quote one word off names the passage of the text it most resembles."""
    found = problems(dataset_with(tmp_path, PASSAGE + ".", PASSAGE.replace("Monday", "Tuesday")))
    assert found == [
        "expected a passage that occurs verbatim in r.txt, found 'A rare confrontation between "
        "Turkey and Syria on Tuesday ki…' (closest passage: 'A rare confrontation between Turkey "
        "and Syria on Monday kil…'; quotes are matched exactly, except for white space)"
    ]


def test_the_closest_passage_is_found_deep_in_a_huge_text(tmp_path: Path) -> None:
    """In a megabyte of text, a quote with a typo still finds the one passage it comes from."""
    text = (
        prose(500_000) + "\n\nThe Observatory counted 41 dead in Kafr Nabl.\n\n" + prose(500_000, 2)
    )
    [message] = problems(dataset_with(tmp_path, text, "The Observatory counted 14 dead in Kafr"))
    assert "(closest passage: 'The Observatory counted 41 dead in Kafr';" in message


def test_a_quote_longer_than_the_hint_reads_is_told_where_it_begins(tmp_path: Path) -> None:
    """A long quote with a typo near its end is still told the passage it starts like."""
    text = prose(20_000)
    quote = " ".join(text.split()[100:400])
    assert len(quote) > 1_500
    wrong = quote[:-20] + "#" + quote[-19:]
    [message] = problems(dataset_with(tmp_path, text, wrong))
    assert f"(closest passage: {quote[:59] + '…'!r};" in message


def test_a_quote_absent_from_a_huge_text_has_no_similar_passage(tmp_path: Path) -> None:
    """A quote that shares no passage with a megabyte of text is told there is none."""
    quote = "Penguins waddled across the frozen harbour at dawn, watched by tourists"
    found = problems(dataset_with(tmp_path, prose(1_000_000), quote))
    assert len(found) == 1
    assert found[0].endswith(f"({NO_HINT})")


def test_many_absent_quotes_each_get_their_one_line(tmp_path: Path) -> None:
    """Every quote not in the text is one problem, with its own hint."""
    text = prose(200_000)
    quotes = [f"Penguins number {i} waddled across the harbour" for i in range(50)]
    found = problems(dataset_with(tmp_path, text, PASSAGE.replace("Monday", "Sunday"), *quotes))
    assert len(found) == 51
    assert all(message.endswith(f"({NO_HINT})") for message in found[1:])


@pytest.mark.parametrize(
    "quote",
    [
        "Syria on Monday killed",
        "Syria  on\tMonday\nkilled",
        "  Syria on Monday killed  ",
        "Turkish soldiers and a Turkish civilian member of the military",
    ],
)
def test_a_quote_matches_whatever_its_white_space(tmp_path: Path, quote: str) -> None:
    """Spaces, tabs and line breaks in a quote or in the text match any other white space."""
    text = (
        "A rare confrontation between Turkey and Syria\n   on Monday killed seven Turkish\n"
        "soldiers and a Turkish\u00a0civilian member\tof the military."
    )
    assert problems(dataset_with(tmp_path, text, quote)) == []


@pytest.mark.parametrize(
    "quote",
    [
        "syria on monday killed",
        "Syria on Monday, killed",
        "Syria onMonday killed",
        "Syria on Monday killed seven Turkish soldiers!",
    ],
)
def test_a_quote_matches_only_exactly_except_for_white_space(tmp_path: Path, quote: str) -> None:
    """Letter case, punctuation and missing white space are differences: the quote fails."""
    text = "A rare confrontation between Turkey and Syria\non Monday killed seven Turkish soldiers."
    [message] = problems(dataset_with(tmp_path, text, quote))
    assert "(closest passage: " in message


def test_a_text_shorter_than_its_quote_is_compared_whole(tmp_path: Path) -> None:
    """When the text has fewer words than the quote, its closest passage is all of it."""
    [message] = problems(dataset_with(tmp_path, "Syria on Monday", "Syria on Monday killed"))
    assert "(closest passage: 'Syria on Monday';" in message


def test_a_text_of_white_space_only_has_no_similar_passage(tmp_path: Path) -> None:
    """A text with no words at all hints that the quote was not copied from it."""
    assert problems(dataset_with(tmp_path, " \n\t ", "Syria on Monday")) == [
        f"expected a passage that occurs verbatim in r.txt, found 'Syria on Monday' ({NO_HINT})"
    ]


def small(claims: list[tuple[str, str]], reports: tuple[str, ...] = ("a", "b", "c")) -> Dataset:
    """A dataset of `reports` and one claim for each (claim id, report id) pair."""
    outlet = Actor("outlet", "Outlet", ActorKind.MEDIA)
    day = datetime.date(2020, 1, 1)
    return Dataset(
        reports=[Report(r, "outlet", r, day, "") for r in reports],
        actors=[outlet],
        places=[],
        claims=[
            Claim(
                id=c,
                report=r,
                predicate="killed",
                source="outlet",
                quote="",
                modality=Modality.ASSERTED,
            )
            for c, r in claims
        ],
    )


def test_claims_of_groups_interleaved_claims_in_their_order() -> None:
    """Claims of several reports, listed interleaved, come back per report in their order."""
    dataset = small([("1", "a"), ("2", "b"), ("3", "a"), ("4", "b"), ("5", "a")])
    assert [c.id for c in dataset.claims_of("a")] == ["1", "3", "5"]
    assert [c.id for c in dataset.claims_of("b")] == ["2", "4"]


def test_claims_of_a_report_without_claims_is_empty_and_of_no_report_an_error() -> None:
    """A report with no claims has none; an unknown report id is a KeyError with a hint."""
    dataset = small([("1", "a")])
    assert dataset.claims_of("c") == ()
    with pytest.raises(KeyError, match="unknown report 'd'"):
        dataset.claims_of("d")


def test_looking_up_claims_of_a_report_leaves_the_dataset_equal() -> None:
    """The per-report index is no part of a dataset's value: it compares and hashes the same."""
    dataset = small([("1", "a"), ("2", "b")])
    copy = attrs.evolve(dataset)
    dataset.claims_of("a")
    assert dataset == copy
    assert hash(dataset) == hash(copy)


def test_claims_of_lists_every_claim_of_a_large_dataset_once() -> None:
    """Over thousands of reports, the claims of all reports together are the dataset's claims."""
    reports = tuple(f"r{i}" for i in range(3_000))
    dataset = small([(f"c{i}", reports[i * 7 % 3_000]) for i in range(9_000)], reports)
    listed = [claim for report in reports for claim in dataset.claims_of(report)]
    assert sorted(c.id for c in listed) == sorted(c.id for c in dataset.claims)
