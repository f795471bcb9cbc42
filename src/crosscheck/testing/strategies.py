"""Hypothesis strategies for crosscheck's types, for your own property tests.

Requires hypothesis (``pip install crosscheck[testing]``)::

    from hypothesis import given
    from crosscheck.testing import datasets

    @given(datasets())
    def test_my_rule_never_raises(dataset):
        my_rule(dataset)

Every dataset drawn is valid: `crosscheck.dump` followed by `crosscheck.load` gives it back.
"""

from __future__ import annotations

import datetime
import re

from hypothesis import strategies as st

from crosscheck.dates import DateSpan
from crosscheck.model import (
    PREDICATES,
    Acceptance,
    Actor,
    ActorKind,
    Claim,
    Dataset,
    Denial,
    Extent,
    Modality,
    Place,
    PlaceKind,
    Report,
)
from crosscheck.names import fold
from crosscheck.quantity import Quantity
from crosscheck.vocabulary import ATTRIBUTED

__all__ = ["QUANTITY_WORDINGS", "WHEN_WORDINGS", "datasets", "date_spans", "quantities"]

QUANTITY_WORDINGS = (
    "seven", "13", "34", "at least six", "a dozen", "dozens", "almost 200,000", "about 5,000",
    "more than one hundred", "more than 400,000", "nearly a million", "some 3 million",
    "hundreds of thousands", "several", "a number of", "between 5 and 7", "fewer than 10",
    "up to 40", "480 km", "440km", "30 km", "270 miles", "19 miles", "120km", "103 months",
    "nearly nine years",
)  # fmt: skip
"""Wordings from the seed articles (and their kin) that `Quantity.parse` reads."""

WHEN_WORDINGS = (
    "on Monday", "Wednesday", "Thursday", "yesterday", "today", "last week", "last month",
    "earlier this month", "this month", "the past two weeks", "in recent weeks", "since December",
    "in December", "the beginning of February", "late December last year", "October 9",
    "Jan. 12", "March 2", "2 March", "April 2019", "in 2011", "since 2011", "by 2016",
)  # fmt: skip
"""Backward-looking date wordings: each resolves to a span ending on or before its anchor."""

_EARLIEST = datetime.date(2020, 1, 1)
_LATEST = datetime.date(2030, 12, 31)
_SERIAL = re.compile(r"(actor|place|report|claim|event) \d+")


def anchors() -> st.SearchStrategy[datetime.date]:
    """Publication dates: any day from 2020 to 2030, after every dated wording used here."""
    return st.dates(_EARLIEST, _LATEST)


def quantities() -> st.SearchStrategy[Quantity]:
    """Quantities parsed from real wordings, with an occasional explicit interval."""
    parsed = st.builds(Quantity.parse, st.sampled_from(QUANTITY_WORDINGS))
    bounds = st.floats(0, 1e7, allow_nan=False).flatmap(
        lambda low: st.tuples(st.just(low), st.floats(low, 1e7, allow_nan=False))
    )
    explicit = st.builds(
        lambda pair, unit: Quantity.interval(pair[0], pair[1], unit=unit, text="curated"),
        bounds,
        st.sampled_from(["person", "soldier", "drone"]),
    )
    return st.one_of(parsed, explicit)


def date_spans(
    anchor: datetime.date | None = None, *, ahead: bool = False
) -> st.SearchStrategy[DateSpan]:
    """Date spans resolved from real wordings against `anchor` (or a drawn one); with
    `ahead`, as a planned claim's wording is read."""
    anchor_strategy = st.just(anchor) if anchor else anchors()
    return st.builds(
        lambda text, day: DateSpan.parse(text, day, ahead=ahead),
        st.sampled_from(WHEN_WORDINGS),
        anchor_strategy,
    )


def _explicit_spans(published: datetime.date) -> st.SearchStrategy[DateSpan]:
    """A curator's explicit span ending on or before `published`."""
    days = st.dates(published - datetime.timedelta(days=900), published)
    return st.tuples(days, days).map(
        lambda pair: DateSpan.of(min(pair), max(pair), text="in the early years")
    )


def _statement_times(
    report: Report, when: DateSpan | None, planned: bool
) -> st.SearchStrategy[DateSpan | datetime.datetime]:
    """An `as_of` the loader accepts: on or before the report's publication, and on or after
    the start of what the claim tells of (a plan may be announced before it happens)."""
    first = report.published - datetime.timedelta(days=30)
    if when is not None and not planned:
        first = max(first, min(when.start, report.published))
    if first > report.published:
        return st.nothing()
    days = st.dates(first, report.published)
    spans = st.builds(lambda day: DateSpan.of(day), days)
    zone = datetime.timezone(datetime.timedelta(hours=2))
    latest = report.published_at or datetime.datetime.combine(
        report.published, datetime.time(23, 59), tzinfo=zone
    )
    moments = st.builds(
        lambda day, minutes: min(latest, datetime.datetime.combine(day, datetime.time(),
                                                                   tzinfo=zone)
                                 + datetime.timedelta(minutes=minutes)),
        days, st.integers(0, 24 * 60 - 1),
    ).filter(lambda at: at.astimezone(zone).date() >= first)  # fmt: skip
    return spans | moments


def _text(max_size: int = 24) -> st.SearchStrategy[str]:
    characters = st.characters(codec="utf-8", categories=("L", "N", "P", "Zs"))
    return st.text(characters, min_size=1, max_size=max_size)


def _names() -> st.SearchStrategy[str]:
    """Display names and aliases: anything with letters that is not a generated id."""
    return _text().filter(lambda name: bool(fold(name)) and not _SERIAL.fullmatch(fold(name)))


_WORDS = st.lists(
    st.text(st.characters(codec="utf-8", categories=("L", "N")), min_size=1, max_size=8),
    min_size=1,
    max_size=40,
)


@st.composite
def _report_and_claims(
    draw: st.DrawFn, index: int, actors: tuple[Actor, ...], places: tuple[Place, ...], first: int
) -> tuple[Report, list[Claim]]:
    words = draw(_WORDS)
    separators = draw(
        st.lists(
            st.sampled_from([" ", "\n", "  ", "\n\n"]), min_size=len(words), max_size=len(words)
        )
    )
    text = "".join(w + s for w, s in zip(words, separators, strict=True))
    published = draw(anchors())
    moment = draw(st.none() | st.builds(
        lambda minutes, offset: datetime.datetime.combine(published, datetime.time()).replace(
            tzinfo=datetime.timezone(datetime.timedelta(minutes=offset))
        ) + datetime.timedelta(minutes=minutes),
        st.integers(0, 24 * 60 - 1), st.sampled_from([0, 60, 120, 180, -300, 330]),
    ))  # fmt: skip
    report = Report(
        id=f"report-{index}",
        outlet=draw(st.sampled_from(actors)).id,
        title=draw(_text(60)),
        published=published,
        text=text,
        url=draw(st.none() | st.just(f"https://example.org/{index}")),
        language=draw(st.sampled_from(["en", "ar", "tr"])),
        published_at=moment,
    )
    actor_names = [name for actor in actors for name in actor.names]
    place_names = [name for place in places for name in place.names]
    claims = []
    for number in range(first, first + draw(st.integers(0, 4))):
        start = draw(st.integers(0, len(words) - 1))
        end = draw(st.integers(start + 1, len(words)))
        predicate = draw(st.sampled_from(sorted(PREDICATES)))
        modality = draw(st.sampled_from(Modality))
        planned = modality is Modality.PLANNED
        agents = tuple(draw(st.lists(st.sampled_from(actor_names), max_size=2)))
        denies = None
        if modality is Modality.DENIED:
            blamed = agents and predicate in ATTRIBUTED
            denies = draw(st.none() | st.just(Denial.EVENT) | (st.just(Denial.AGENT) if blamed
                                                                else st.nothing()))  # fmt: skip
        when = draw(st.none() | date_spans(published, ahead=planned) | _explicit_spans(published))
        claims.append(
            Claim(
                id=f"claim-{number}",
                report=report.id,
                predicate=predicate,
                source=draw(st.sampled_from(actor_names)),
                quote=" ".join(words[start:end]),
                modality=modality,
                agents=agents,
                patient=draw(st.none() | st.sampled_from(actor_names)),
                place=draw(st.none() | st.sampled_from(place_names)),
                quantity=draw(st.none() | quantities()),
                when=when,
                extent=draw(st.none() | st.sampled_from(Extent))
                if predicate == "controls"
                else None,
                event=draw(st.none() | st.sampled_from(_EVENTS)),
                via=tuple(draw(st.lists(st.sampled_from(actor_names), max_size=2))),
                denies=denies,
                as_of=draw(st.none() | _statement_times(report, when, planned)),
                note=draw(st.just("") | _text()),
                reference=draw(st.none() | st.sampled_from(place_names))
                if predicate == "distance"
                else None,
            )
        )
    return report, claims


_EVENTS = ("event-1", "event-2", "ged:1", "ged:2", "acled:1")
"""Curated event ids, and records of two coded datasets (namespaces `ged` and `acled`)."""


@st.composite
def datasets(draw: st.DrawFn, max_reports: int = 3) -> Dataset:
    """Whole valid datasets: actors and places that nest, reports whose claims quote them."""
    n_actors = draw(st.integers(1, 5))
    n_places = draw(st.integers(1, 4))
    names = draw(
        st.lists(
            _names(), min_size=n_actors + n_places, max_size=n_actors + n_places + 6, unique_by=fold
        )
    )
    extra = names[n_actors + n_places :]
    actors: list[Actor] = []
    for i, name in enumerate(names[:n_actors]):
        actors.append(
            Actor(
                id=f"actor-{i}",
                name=name,
                kind=draw(st.sampled_from(ActorKind)),
                aliases=tuple(extra.pop() for _ in range(draw(st.integers(0, min(2, len(extra)))))),
                part_of=draw(st.none() | st.sampled_from([a.id for a in actors]))
                if actors
                else None,
                aligned_with=draw(
                    st.lists(
                        st.sampled_from([f"actor-{j}" for j in range(n_actors)]),
                        max_size=2,
                        unique=True,
                    )
                ),
            )
        )
    places: list[Place] = []
    for i, name in enumerate(names[n_actors : n_actors + n_places]):
        places.append(
            Place(
                id=f"place-{i}",
                name=name,
                kind=draw(st.sampled_from(PlaceKind)),
                aliases=tuple(extra.pop() for _ in range(draw(st.integers(0, min(2, len(extra)))))),
                within=draw(st.none() | st.sampled_from([p.id for p in places]))
                if places
                else None,
            )
        )
    reports: list[Report] = []
    claims: list[Claim] = []
    for index in range(draw(st.integers(1, max_reports))):
        report, report_claims = draw(
            _report_and_claims(index, tuple(actors), tuple(places), len(claims))
        )
        reports.append(report)
        claims.extend(report_claims)
    accepted = draw(st.lists(
        st.builds(Acceptance, st.text("0123456789abcdef", min_size=16, max_size=16),
                  _text(40).filter(lambda reason: bool(reason.strip())),
                  st.sampled_from(["", "QTY001", "CTL002"])),
        max_size=2, unique_by=lambda a: a.fingerprint,
    ))  # fmt: skip
    return Dataset(reports=reports, actors=actors, places=places, claims=claims,
                   accepted=accepted)  # fmt: skip
