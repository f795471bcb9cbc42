"""What the HTML report shows, as plain data: finding cards, figure charts, control timelines
and the sources table.

Pure and deterministic, with no dependency beyond crosscheck's own: `crosscheck.render.html`
draws and lays out what `ReportView.of` computes, and the tests check the numbers here (one
mark per claim, one band per dated control claim) against the marks in the rendered page.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Mapping

import attrs

from crosscheck.engine import Context
from crosscheck.findings import Finding
from crosscheck.incidents import incidents
from crosscheck.quantity import UnitError
from crosscheck.render.run import SEVERITIES, Run
from crosscheck.sources import Grade, sources_report
from crosscheck.timeline import CONTROL_PREDICATES, control_timeline
from crosscheck.tolls import aspect_name, measure_disputes, measures, subject

__all__ = [
    "Band",
    "Card",
    "ControlChart",
    "FigureChart",
    "Mark",
    "ReportView",
    "SourceRow",
]


@attrs.frozen
class Mark:
    """One claim's figure on a chart: its interval, drawn at the time it was stated."""

    claim: str
    source: str
    """The display name of its source."""
    stated: datetime.date
    """The first day of its statement time."""
    low: float
    high: float
    """`math.inf` for an open upper bound ("at least 12")."""
    position: int
    """Which position of the aspect's finding it belongs to (0 when none disagrees)."""
    wording: str

    @property
    def open(self) -> bool:
        return math.isinf(self.high)


@attrs.frozen
class FigureChart:
    """The figures of one measure of one incident, by statement time."""

    incident: str
    aspect: str
    title: str
    unit: str
    marks: tuple[Mark, ...]
    positions: tuple[str, ...]
    """What each position says, in the order of `Mark.position`."""
    finding: str | None
    """The fingerprint of the active finding about this aspect, when the page shows one."""
    disputed: bool = False
    """Whether its figures cannot all hold (whether or not a rule that ran reported it)."""


@attrs.frozen
class Band:
    """One source's dated claim of who held a place, and from when to when."""

    claim: str
    source: str
    holder: str
    start: datetime.date
    end: datetime.date
    predicate: str
    contested: bool

    @property
    def open_start(self) -> bool:
        """Whether the claim gives no start ("held it until March")."""
        return self.start == datetime.date.min


@attrs.frozen
class ControlChart:
    """A place's control timeline: one row per source, one band per dated claim."""

    place: str
    name: str
    bands: tuple[Band, ...]
    undated: tuple[str, ...]
    """Claims about the place without a date: listed, not drawn."""

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(sorted({band.source for band in self.bands}, key=str.casefold))

    @property
    def holders(self) -> tuple[str, ...]:
        return tuple(sorted({band.holder for band in self.bands}, key=str.casefold))


@attrs.frozen
class Quote:
    claim: str
    source: str
    report: str
    title: str
    url: str | None
    """The report's web address (`Report.web_url`): the only kind of URL that is a link."""
    quote: str


@attrs.frozen
class Card:
    """One finding, as its card shows it."""

    finding: Finding
    quotes: tuple[Quote, ...]
    origins: Mapping[str, str]
    """Origin id → display name, for the positions."""


@attrs.frozen
class SourceRow:
    """One line of the sources table."""

    origin: str
    name: str
    claims: int
    grades: Mapping[str, int]
    trust: float | None
    support: int


@attrs.frozen
class ReportView:
    """Everything the HTML report shows of one run."""

    dataset_path: str
    summary: str
    counts: tuple[tuple[str, int], ...]
    reports: int
    claims: int
    disputed_incidents: int
    cards: tuple[Card, ...]
    figures: tuple[FigureChart, ...]
    control: tuple[ControlChart, ...]
    sources: tuple[SourceRow, ...]
    grades: tuple[str, ...]

    @classmethod
    def of(cls, run: Run) -> ReportView:
        """The view of `run`: every active finding, every incident's figures, every place
        claimed held, every origin."""
        dataset = run.dataset
        context = Context(dataset, window=run.window)
        findings = run.review.active
        return cls(
            dataset_path=run.dataset_path,
            summary=run.summary(),
            counts=tuple((s.value, run.review.count(s)) for s in SEVERITIES),
            reports=run.report_count,
            claims=run.claim_count,
            disputed_incidents=len({f.incident for f in findings if f.incident is not None}),
            cards=tuple(_card(run, finding) for finding in findings),
            figures=_figures(run, context),
            control=_control(run, context),
            sources=_sources(run),
            grades=tuple(grade.value for grade in Grade),
        )


def _card(run: Run, finding: Finding) -> Card:
    quotes = tuple(
        Quote(c.id, run.source_name(c), c.report, run.dataset.report(c.report).title,
              run.dataset.report(c.report).web_url, c.quote)
        for c in finding.claims
    )  # fmt: skip
    origins = {o: run.actor_name(o) for p in finding.positions for o in p.origins}
    return Card(finding, quotes, origins)


def _figures(run: Run, context: Context) -> tuple[FigureChart, ...]:
    """One chart per measure of every incident that has figures from two reports or more (a
    figure alone, such as each event of a coded dataset, has nothing to be set beside).
    Positions are those of the measure's dispute (`crosscheck.tolls.measure_disputes`),
    whichever rules ran, so a chart never calls a disputed figure agreed; it links to a finding
    only when the page shows one."""
    cards = {(f.incident, f.aspect): f.fingerprint for f in run.review.active}
    disputes = {(d.incident.key, d.aspect): d for d in measure_disputes(context)}
    table = incidents(context)
    charts = []
    for (incident, measure), claims in sorted(
        measures(context).items(), key=lambda item: (item[0][0], aspect_name(item[0][1]))
    ):
        if len({c.report for c in claims}) < 2:
            continue
        aspect = aspect_name(measure)
        dispute = disputes.get((incident, aspect))
        position_of: dict[str, int] = {}
        readings: tuple[str, ...] = ("all agree",)
        if dispute is not None:
            readings = tuple(p.reading for p in dispute.positions)
            position_of = {c: i for i, p in enumerate(dispute.positions) for c in p.claims}
        unit = min((c.quantity.unit for c in claims if c.quantity is not None), key=len)
        marks = []
        for claim in sorted(claims, key=lambda c: (context.stated(c).start, c.id)):
            assert claim.quantity is not None
            try:
                quantity = claim.quantity.to(unit)
            except UnitError:
                quantity = claim.quantity
            marks.append(Mark(claim.id, run.actor_name(context.roles(claim).source),
                              context.stated(claim).first_day,
                              quantity.low, quantity.high, position_of.get(claim.id, 0),
                              claim.quantity.text))  # fmt: skip
        label = table.by_key[incident].label if incident in table.by_key else incident
        charts.append(
            FigureChart(
                incident=incident,
                aspect=aspect,
                title=f"{subject(context, measure)} — {label}",
                unit=unit,
                marks=tuple(marks),
                positions=readings,
                finding=cards.get((incident, aspect)),
                disputed=dispute is not None,
            )
        )
    return tuple(charts)


def _control(run: Run, context: Context) -> tuple[ControlChart, ...]:
    """One timeline per place that a claim says was held, taken, entered or left."""
    places = sorted({
        roles.place
        for claim in context.with_predicate(*CONTROL_PREDICATES)
        if (roles := context.roles(claim)).place is not None
    })  # fmt: skip
    disputed = {
        cited.id
        for finding in (*run.review.active, *(f for f, _ in run.review.suppressed))
        if finding.name.startswith("control.")
        for cited in finding.claims
    }
    charts = []
    for place in places:
        name = run.dataset.place(place).name
        rows = [row for row in control_timeline(run.dataset, place, disputed=disputed,
                                                     context=context)
                if row.place == name]  # fmt: skip
        if not rows:
            continue
        bands = tuple(
            Band(row.claim, row.source, row.controller, row.start, row.end, row.predicate,
                 row.contested)
            for row in rows if row.start is not None and row.end is not None
        )  # fmt: skip
        undated = tuple(row.claim for row in rows if row.start is None or row.end is None)
        charts.append(ControlChart(place, name, bands, undated))
    return tuple(charts)


def _sources(run: Run) -> tuple[SourceRow, ...]:
    report = sources_report(run.dataset)
    return tuple(
        SourceRow(
            origin=record.origin,
            name=record.name,
            claims=record.claims,
            grades={grade.value: count for grade, count in record.grades.items()},
            trust=None if record.trust is None else record.trust.score,
            support=0 if record.trust is None else record.trust.support,
        )
        for record in report.origins
    )
