"""Checking a claim set part by part gives the findings of checking it whole."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crosscheck import Dataset, check, load, load_example
from crosscheck.partition import check_partitioned, partitions
from crosscheck.sameness import Window
from crosscheck.testing import datasets
from test_engine import curated, merged
from test_fixtures import CURATED


def test_parts_cover_every_claim_once() -> None:
    """The parts split the claims: none lost, none twice; each part keeps its reports."""
    dataset = merged()
    parts = partitions(dataset)
    ids = [claim.id for part in parts for claim in part.claims]
    assert sorted(ids) == sorted(claim.id for claim in dataset.claims)
    assert len(parts) > 1
    for part in parts:
        assert {c.report for c in part.claims} == {r.id for r in part.reports}


def test_parts_carry_only_the_actors_and_places_their_claims_reach() -> None:
    """Every part holds what its claims name, with what those lie within; no part of the rule
    cases needs every place of them all."""
    dataset = merged()
    parts = partitions(dataset)
    everything = {p.id for p in dataset.places}
    for part in parts:
        places = {p.id for p in part.places}
        actors = {a.id for a in part.actors}
        assert places <= everything
        for claim in part.claims:
            assert dataset.actor(claim.source).id in actors
            if claim.place is not None:
                assert {p.id for p in dataset.enclosing(dataset.place(claim.place).id)} <= places
    assert any({p.id for p in part.places} < everything for part in parts)


@pytest.mark.parametrize("which", ["rule cases", "syria", *CURATED])
def test_partitioned_findings_equal_whole_findings(which: str) -> None:
    """On the rule cases, the bundled dataset and every curated fixture (Kunduz's reports are
    timed in Kabul and in Washington), part by part is the same as whole."""
    dataset = {"rule cases": merged, "syria": load_example}.get(which, lambda: curated(which))()
    assert check_partitioned(dataset, preview=True) == check(dataset, preview=True)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datasets())
def test_partitioned_findings_equal_whole_findings_on_generated_data(dataset: Dataset) -> None:
    """For any valid dataset, part by part is the same as whole."""
    assert check_partitioned(dataset, preview=True) == check(dataset, preview=True)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datasets(), st.integers(0, 5))
def test_partitioned_findings_equal_whole_findings_under_a_window(
    dataset: Dataset, days: int
) -> None:
    """Under a window, records of two coded datasets may be one incident: still exact."""
    window = Window(days=days)
    assert check_partitioned(dataset, preview=True, window=window) == check(
        dataset, preview=True, window=window
    )


CODED = Path(__file__).parent.parent / "fixtures"


@pytest.mark.parametrize("window", [None, Window(days=2, km=10.0)])
@pytest.mark.parametrize("which", ["ged-sample", "ged-news", "ged-acled-syria"])
def test_coded_records_and_news_partitioned_equal_whole(which: str, window: Window | None) -> None:
    """A GED export alone, with news claims, and beside an ACLED-layout file: part by part is
    the same as whole, with and without a window."""
    dataset = load(CODED / which)
    found = check(dataset, preview=True, window=window)
    assert check_partitioned(dataset, preview=True, window=window) == found


def test_a_coded_export_alone_splits_into_its_records() -> None:
    """Two records of one dataset are two events no rule relates: each is a part of its own;
    news claims about the same kind of victims join the records they could be about."""
    alone = partitions(load(CODED / "ged-sample"))
    assert len(alone) == 1000
    assert {len({c.event for c in part.claims}) for part in alone} == {1}
    with_news = partitions(load(CODED / "ged-news"))
    assert len(with_news) < 1000
