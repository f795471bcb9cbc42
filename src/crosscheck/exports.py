"""Exports for newsrooms and fact-checkers: schema.org ClaimReview JSON-LD for disputed claims,
and findings with their positions as CSV.

Pure: each function returns the text to write; `crosscheck export` writes it (whole or not at
all). Deterministic: the same dataset, run and options give the same bytes.

ClaimReview (https://schema.org/ClaimReview) is the markup fact-checkers publish reviews in,
which search engines and the Google Fact Check tools read. crosscheck reviews no claim as
true or false — it says which claims other sources dispute or deny — so each review's rating
is the claim group's grade (``contested``, ``denied``) as `alternateName`, with the reasons as
`ratingExplanation`, and no numeric rating.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
from typing import Any

from crosscheck.engine import Context
from crosscheck.model import Claim, Dataset
from crosscheck.render.run import Run
from crosscheck.sameness import Window
from crosscheck.sources import Grade, claim_groups
from crosscheck.vocabulary import POSITIVE, ActorKind, Modality

__all__ = ["CSV_COLUMNS", "DISPUTED", "claim_reviews", "findings_csv"]

DISPUTED = (Grade.CONTESTED, Grade.DENIED)
"""The grades of the claim groups ClaimReview exports: groups other sources dispute or deny."""

_PERSONS = {ActorKind.PERSON}


def _agent(dataset: Dataset, actor: str) -> dict[str, str]:
    """A schema.org Person or Organization for `actor`."""
    found = dataset.actor(actor)
    kind = "Person" if found.kind in _PERSONS else "Organization"
    return {"@type": kind, "name": found.name}


def _review(
    dataset: Dataset,
    context: Context,
    claim: Claim,
    key: str,
    grade: Grade,
    reasons: tuple[str, ...],
    reviewer: str,
    date: datetime.date,
) -> dict[str, Any]:
    """The ClaimReview of one claim of the group `key`."""
    report = dataset.report(claim.report)
    appearance: dict[str, Any] = {
        "@type": "NewsArticle",
        "headline": report.title,
        "datePublished": (report.published_at or report.published).isoformat(),
        "publisher": _agent(dataset, report.outlet),
    }
    if report.web_url is not None:
        appearance["url"] = report.web_url
    item: dict[str, Any] = {
        "@type": "Claim",
        "author": _agent(dataset, context.roles(claim).source),
        "datePublished": context.stated(claim).first_day.isoformat(),
        "appearance": appearance,
    }
    if claim.modality is Modality.DENIED:
        item["description"] = "a denial"
    return {
        "@type": "ClaimReview",
        "@id": f"#review-{claim.id}",
        "identifier": f"{key}/{claim.id}",
        "claimReviewed": " ".join(claim.quote.split()),
        "itemReviewed": item,
        "reviewRating": {
            "@type": "Rating",
            "alternateName": grade.value,
            "ratingExplanation": "; ".join(reasons),
        },
        "author": {"@type": "Organization", "name": reviewer},
        "datePublished": date.isoformat(),
    }


def claim_reviews(
    dataset: Dataset, *, reviewer: str, date: datetime.date, window: Window | None = None
) -> str:
    """A JSON-LD document: one ClaimReview for each claim of a disputed or denied group (its
    assertions and its denials), by `reviewer`, published on `date`; groups found under the
    sameness `window`, if any."""
    context = Context(dataset, window=window)
    graph = [
        _review(dataset, context, claim, group.key, group.grade, group.reasons, reviewer, date)
        for group in claim_groups(dataset, context)
        if group.grade in DISPUTED
        for claim in group.claims
        if claim.modality in POSITIVE or claim.modality is Modality.DENIED
    ]
    document = {"@context": "https://schema.org", "@graph": graph}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


CSV_COLUMNS = (
    "fingerprint", "code", "name", "severity", "incident", "aspect", "message", "position",
    "reading", "alone", "independent_voices", "origins", "claims", "quotes",
)  # fmt: skip
"""The columns of `findings_csv`, one row per position of each active finding."""


def findings_csv(run: Run) -> str:
    """The active findings as CSV (RFC 4180, UTF-8 with a byte-order mark, so a spreadsheet
    reads accents right): one row per position, or one row for a finding without positions."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for finding in run.review.active:
        quotes = {c.id: " ".join(c.quote.split()) for c in finding.claims}
        base = [finding.fingerprint, finding.code, finding.name, finding.severity.value,
                finding.incident or "", finding.aspect or "", finding.message]  # fmt: skip
        if not finding.positions:
            writer.writerow([*base, "", "", "", "", "", " | ".join(quotes), " | ".join(
                quotes.values())])  # fmt: skip
        for number, position in enumerate(finding.positions, start=1):
            names = [run.actor_name(origin) for origin in position.origins]
            writer.writerow([*base, number, position.reading, "yes" if position.alone else "",
                             position.independent, "; ".join(names), " | ".join(position.claims),
                             " | ".join(quotes.get(c, "") for c in position.claims)])  # fmt: skip
    return "\ufeff" + buffer.getvalue()
