"""`crosscheck export`: ClaimReview JSON-LD in the shape schema.org and the fact-check tools
read, and CSV a spreadsheet opens; both written whole or not at all."""

from __future__ import annotations

import csv
import datetime
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import crosscheck
from crosscheck.cli import cli
from crosscheck.config import load_config
from crosscheck.engine import Context
from crosscheck.exports import CSV_COLUMNS, DISPUTED, claim_reviews, findings_csv
from crosscheck.sources import claim_groups
from crosscheck.vocabulary import POSITIVE, Modality

FIXTURES = Path(__file__).parent.parent / "fixtures"
DATASETS = sorted(p for p in FIXTURES.iterdir() if (p / "actors.toml").is_file())
DAY = datetime.date(2026, 12, 1)

_THING = {"type": "object", "required": ["@type", "name"],
          "properties": {"@type": {"enum": ["Person", "Organization"]},
                         "name": {"type": "string", "minLength": 1}}}  # fmt: skip
_ISO_DAY = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}"}
CLAIM_REVIEW = {
    "type": "object",
    "required": ["@context", "@graph"],
    "properties": {
        "@context": {"const": "https://schema.org"},
        "@graph": {"type": "array", "items": {
            "type": "object",
            "required": ["@type", "@id", "claimReviewed", "itemReviewed", "reviewRating",
                         "author", "datePublished"],
            "properties": {
                "@type": {"const": "ClaimReview"},
                "claimReviewed": {"type": "string", "minLength": 1},
                "datePublished": _ISO_DAY,
                "author": _THING,
                "itemReviewed": {
                    "type": "object",
                    "required": ["@type", "author", "datePublished", "appearance"],
                    "properties": {
                        "@type": {"const": "Claim"},
                        "author": _THING,
                        "datePublished": _ISO_DAY,
                        "appearance": {
                            "type": "object",
                            "required": ["@type", "headline", "datePublished"],
                            "properties": {"url": {"type": "string", "format": "uri",
                                                   "pattern": "^https?://"}},
                        },
                    },
                },
                "reviewRating": {
                    "type": "object",
                    "required": ["@type", "alternateName", "ratingExplanation"],
                    "properties": {"@type": {"const": "Rating"},
                                   "alternateName": {"enum": ["contested", "denied"]}},
                },
            },
        }},
    },
}  # fmt: skip
"""The shape of schema.org ClaimReview markup, with the properties Google's fact-check
guidelines require (claimReviewed, reviewRating with alternateName, author, datePublished, and
itemReviewed as a Claim with its author and appearance)."""


@pytest.mark.parametrize("dataset", DATASETS, ids=lambda p: p.name)
def test_claim_reviews_have_the_claimreview_shape(dataset: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    loaded = crosscheck.load(dataset)
    window = load_config(dataset).window  # a fixture's crosscheck.toml may set one
    document = json.loads(claim_reviews(loaded, reviewer="Desk", date=DAY, window=window))
    jsonschema.validate(document, CLAIM_REVIEW, format_checker=jsonschema.FormatChecker())
    ids = [review["@id"] for review in document["@graph"]]
    assert len(ids) == len(set(ids))
    expected = sorted(
        claim.id
        for group in claim_groups(loaded, Context(loaded, window=window))
        if group.grade in DISPUTED
        for claim in group.claims
        if claim.modality in POSITIVE or claim.modality is Modality.DENIED
    )
    assert sorted(i.removeprefix("#review-") for i in ids) == expected
    if dataset.name != "ged-news":  # its one dispute is one voice's (Basurin's) own
        assert expected  # every other fixture has a disputed group
    assert {review["author"]["name"] for review in document["@graph"]} <= {"Desk"}


def test_the_findings_csv_reads_back_one_row_per_position() -> None:
    result = crosscheck.run(DATASETS[0])
    text = findings_csv(result)
    assert text.startswith("\ufeff")  # so a spreadsheet reads it as UTF-8
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert tuple(rows[0]) == CSV_COLUMNS
    expected = sum(max(1, len(f.positions)) for f in result.review.active)
    assert len(rows) == expected
    assert {r["fingerprint"] for r in rows} == {f.fingerprint for f in result.review.active}
    assert all(r["message"] and "\n" not in r["message"] for r in rows)


def test_export_writes_whole_files(tmp_path: Path) -> None:
    for kind in ("claimreview", "csv"):
        target = tmp_path / f"out.{kind}"
        dated = ["--date", "2026-12-01"] if kind == "claimreview" else []
        result = CliRunner().invoke(cli, ["export", kind, str(DATASETS[0]), "-o", str(target),
                                          *dated])  # fmt: skip
        assert result.exit_code == 0, result.stderr
        assert result.stderr == f"{kind} written to {target}\n"
        assert target.stat().st_size > 0


def test_export_is_deterministic_given_its_date() -> None:
    args = ["export", "claimreview", str(DATASETS[0]), "--date", "2026-12-01"]
    assert CliRunner().invoke(cli, args).stdout == CliRunner().invoke(cli, args).stdout


def test_export_of_a_broken_dataset_is_its_problems(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["export", "claimreview", str(tmp_path / "none")])
    assert result.exit_code == 2
    assert "expected a dataset folder, found nothing" in result.stderr


def test_an_option_of_the_other_export_is_a_usage_error() -> None:
    for args in (["claimreview", "--select", "QTX"], ["csv", "--date", "2026-12-01"]):
        result = CliRunner().invoke(cli, ["export", *args])
        assert result.exit_code == 2
        assert f"{args[1]} does not apply to export {args[0]}" in result.stderr
