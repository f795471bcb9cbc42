"""A place's control timeline: who was said to hold, take, enter or leave it, and when.

Pure: it reads a dataset and returns rows; `crosscheck timeline PLACE` prints them. A row is
marked contested when the place was said to be contested, or when the claim takes part in a
control finding (`control.rival-holders`, `control.extent`): sources disagree about that span.
"""

from __future__ import annotations

import datetime
from collections.abc import Collection, Sequence

import attrs

from crosscheck.engine import Context, check_context
from crosscheck.model import Dataset, Extent
from crosscheck.registry import Rule
from crosscheck.vocabulary import POSITIVE

__all__ = ["CONTROL_PREDICATES", "Row", "control_timeline"]

CONTROL_PREDICATES = ("controls", "took", "entered", "encircled", "withdrew")
"""The predicates a control timeline shows."""


@attrs.frozen
class Row:
    """One claim about control of the place (or a place within it)."""

    start: datetime.date | None
    end: datetime.date | None
    place: str
    predicate: str
    controller: str
    extent: str
    source: str
    report: str
    claim: str
    quote: str
    contested: bool

    @property
    def span(self) -> str:
        """The dates as text: one day, a range, or "undated"."""
        if self.start is None or self.end is None:
            return "undated"
        start = "…" if self.start == datetime.date.min else str(self.start)
        return start if self.start == self.end else f"{start} – {self.end}"


def control_timeline(
    dataset: Dataset,
    place: str,
    rules: Sequence[Rule] | None = None,
    *,
    disputed: Collection[str] | None = None,
    context: Context | None = None,
) -> list[Row]:
    """The claims that a side holds, took, entered, encircled or left `place` or a place
    within it, oldest first. Only claims put forward as true count: a plan, a denial or a
    silence says nothing about who holds a place.

    `rules` are the registered rules (default: loaded from the entry points); their control
    rules mark the disputed rows, unless `disputed` gives the ids of the claims control findings
    cite (from a run already made); `context` is the dataset's context when one is built
    already (a caller charting many places builds it once). Raises KeyError (with a
    did-you-mean hint) when `place` names no place.
    """
    target = dataset.place(place).id
    context = Context(dataset) if context is None else context
    if disputed is None:
        disputed = {
            cited.id
            for finding in check_context(context, select=["control"], rules=rules)
            for cited in finding.claims
        }
    rows = []
    for claim in context.with_predicate(*CONTROL_PREDICATES):
        roles = context.roles(claim)
        if claim.modality not in POSITIVE:
            continue
        if roles.place is None or not context.within(roles.place, target):
            continue
        extent = claim.extent or (Extent.FULL if claim.predicate in {"took", "controls"} else None)
        rows.append(
            Row(
                start=claim.when.start if claim.when else None,
                end=claim.when.end if claim.when else None,
                place=dataset.place(roles.place).name,
                predicate=claim.predicate,
                controller=" and ".join(dataset.actor(a).name for a in roles.agents) or "?",
                extent="" if extent is None else extent.value,
                source=dataset.actor(claim.source).name,
                report=claim.report,
                claim=claim.id,
                quote=claim.quote,
                contested=claim.id in disputed or extent is Extent.CONTESTED,
            )
        )
    undated = datetime.date.max
    return sorted(rows, key=lambda r: (r.start or undated, r.end or undated, r.claim))
