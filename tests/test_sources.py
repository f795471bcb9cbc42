"""Whose word a claim rests on: groups, grades and trust."""

from __future__ import annotations

import datetime
import itertools
import tomllib
from pathlib import Path

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crosscheck import Actor, ActorKind, Claim, Dataset, Quantity, Report, load
from crosscheck.control import holds
from crosscheck.engine import Context
from crosscheck.sources import Grade, claim_groups, disagreement, estimate_trust
from test_engine import merged
from test_rules import CASES, write_case

SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def group_of(dataset: Dataset, claim_id: str) -> Grade:
    """The grade of the group holding `claim_id`."""
    return next(g.grade for g in claim_groups(dataset) if claim_id in {c.id for c in g.claims})


def with_copy(dataset: Dataset, original: Claim, source: str, extra: list[Actor]) -> Dataset:
    """`dataset` plus a new report repeating `original`, said by `source`, published when
    the original's report was (a repeat stated later is a new statement of a toll)."""
    first = dataset.report(original.report)
    report = Report("repeat-report", "repeater", "A repeat", first.published, original.quote,
                    published_at=first.published_at)  # fmt: skip
    copy = attrs.evolve(original, id="repeat", report=report.id, source=source,
                        event=original.event)  # fmt: skip
    outlet = Actor("repeater", "Repeating outlet", ActorKind.MEDIA)
    return attrs.evolve(
        dataset,
        reports=(*dataset.reports, report),
        actors=(*dataset.actors, outlet, *extra),
        claims=(*dataset.claims, copy),
    )


def positive_claims(dataset: Dataset) -> list[Claim]:
    return [c for c in dataset.claims if c.modality.value in {"asserted", "claimed", "unconfirmed"}]


@SETTINGS
@given(st.data())
def test_relaying_a_claim_through_another_outlet_never_raises_its_grade(
    data: st.DataObject,
) -> None:
    """Another report repeating the same origin leaves the group's grade as it was."""
    dataset = merged()
    original = data.draw(st.sampled_from(positive_claims(dataset)))
    before = group_of(dataset, original.id)
    after = group_of(with_copy(dataset, original, original.source, []), original.id)
    assert after == before


@SETTINGS
@given(st.data())
def test_an_independent_agreeing_origin_never_lowers_the_grade(data: st.DataObject) -> None:
    """A new, unaligned origin saying the same as a group that agrees within itself keeps the
    group's grade or raises it."""
    dataset = merged()
    context = Context(dataset)
    held = {hold.claim.id: hold for hold in holds(context)}
    agreeing = []
    for group in claim_groups(dataset, context):
        voiced = [c for c in group.claims if c in positive_claims(dataset)]
        pairs = itertools.combinations(voiced, 2)
        if not any(disagreement(context, a, b, held) for a, b in pairs):
            agreeing += voiced
    original = data.draw(st.sampled_from(agreeing))
    before = group_of(dataset, original.id)
    monitor = Actor("independent-monitor", "An independent monitor", ActorKind.MONITOR)
    after = group_of(with_copy(dataset, original, monitor.id, [monitor]), original.id)
    if before.strength is None:
        assert after == before
    else:
        assert after.strength is not None
        assert after.strength >= before.strength


def renamed(dataset: Dataset, suffix: str) -> Dataset:
    """Every actor id renamed, and every reference to it, consistently."""
    ids = {a.id for a in dataset.actors}

    def name(value: str | None) -> str | None:
        return value if value is None or value not in ids else value + suffix

    def must(value: str) -> str:
        return value + suffix if value in ids else value

    actors = tuple(
        attrs.evolve(a, id=a.id + suffix, part_of=name(a.part_of),
                     aligned_with=tuple(must(x) for x in a.aligned_with))
        for a in dataset.actors
    )  # fmt: skip
    reports = tuple(attrs.evolve(r, outlet=must(r.outlet)) for r in dataset.reports)
    claims = tuple(
        attrs.evolve(c, source=must(c.source), agents=tuple(must(a) for a in c.agents),
                     patient=name(c.patient),
                     via=tuple(must(v) for v in c.via))
        for c in dataset.claims
    )  # fmt: skip
    return Dataset(reports, actors, dataset.places, claims)


@SETTINGS
@given(st.randoms(use_true_random=False))
def test_trust_does_not_depend_on_names_or_order(random: object) -> None:
    """Renaming every origin and shuffling the input gives the same scores and estimates."""
    dataset = merged()
    trust, estimates = estimate_trust(dataset)
    claims = list(dataset.claims)
    random.shuffle(claims)  # type: ignore[attr-defined]
    other = renamed(attrs.evolve(dataset, claims=tuple(claims)), "-x")
    trust_after, estimates_after = estimate_trust(other)
    assert [(t.origin + "-x", t.score, t.support) for t in trust] == [
        (t.origin, t.score, t.support) for t in trust_after
    ]
    assert [(e.group, e.believed) for e in estimates] == [
        (e.group, e.believed) for e in estimates_after
    ]


def test_every_claim_is_in_exactly_one_group_and_silence_in_none() -> None:
    """Groups partition the voiced claims; silent and planned claims stay out."""
    dataset = merged()
    grouped = [c.id for g in claim_groups(dataset) for c in g.claims]
    assert len(grouped) == len(set(grouped))
    voiced = {c.id for c in dataset.claims if c.modality.value not in {"silent", "planned"}}
    assert set(grouped) == voiced


def test_a_second_independent_origin_corroborates_a_dated_claim() -> None:
    """The Observatory confirming what SANA alone said turns single-source into corroborated."""
    dataset = merged()
    original = next(c for c in dataset.claims if c.source == "sana" and c.when is not None
                    and group_of(dataset, c.id) is Grade.SINGLE_SOURCE)  # fmt: skip
    monitor = Actor("independent-monitor", "An independent monitor", ActorKind.MONITOR)
    assert group_of(with_copy(dataset, original, monitor.id, [monitor]), original.id) in {
        Grade.CORROBORATED,
        Grade.ACKNOWLEDGED,
    }


def test_a_split_decision_is_undecided_and_blames_nobody_more(tmp_path: Path) -> None:
    """Seven against five from two origins with no other evidence: neither is believed, and
    both origins get the same score."""
    case = tomllib.loads((CASES / "QTY001.toml").read_text())["cases"][0]
    dataset = load(write_case(case, tmp_path / "dataset"))
    trust, estimates = estimate_trust(dataset)
    (estimate,) = estimates
    assert estimate.value == "6 person"
    assert estimate.believed == ()
    assert trust[0].score == trust[1].score


def test_an_early_figure_that_a_later_series_explains_costs_its_origin_nothing() -> None:
    """A railway's early 'more than 30' and a governor's 39, 50 and 57 later: nobody is wrong,
    every claim is believed and the estimate is the latest figure."""
    from test_incidents import Statement, world

    statements = [Statement(30, 30, 0, 11, 0), Statement(39, 39, 0, 13, 1),
                  Statement(50, 50, 0, 18, 2), Statement(57, 57, 2, None, 3)]  # fmt: skip
    dataset = world(statements, ["monitor", "governor", "governor", "governor"])
    trust, (estimate,) = estimate_trust(dataset)
    assert {t.origin: t.score for t in trust} == {"governor": 1.0, "monitor": 1.0}
    assert estimate.value == "57 person"
    assert sorted(estimate.believed) == ["c0", "c1", "c2", "c3"]
    (group,) = [g for g in claim_groups(dataset) if len(g.claims) > 1]
    assert group.grade is Grade.CORROBORATED


def test_a_lower_figure_stated_later_is_contested_and_costs_its_origin() -> None:
    """The same series with a monitor's 20 two days on: contested, and the monitor loses."""
    from test_incidents import Statement, world

    statements = [Statement(39, 39, 0, 13, 0), Statement(50, 50, 0, 18, 1),
                  Statement(57, 57, 2, None, 2), Statement(20, 20, 2, None, 3)]  # fmt: skip
    dataset = world(statements, ["governor", "governor", "governor", "monitor"])
    trust, _ = estimate_trust(dataset)
    scores = {t.origin: t.score for t in trust}
    assert scores["monitor"] < scores["governor"]
    (group,) = [g for g in claim_groups(dataset) if len(g.claims) > 1]
    assert group.grade is Grade.CONTESTED


def test_figures_of_different_units_are_never_one_group() -> None:
    """People killed and submunitions counted in one strike are two groups; so are a count of
    missiles and a count of drones."""
    from test_incidents import world

    base = world([])
    claims = [
        Claim("dead", "r", "killed", "governor", "text", patient="civilians", event="strike",
              quantity=Quantity.parse("50")),
        Claim("bomblets", "r", "count", "governor", "text", event="strike",
              quantity=Quantity.parse("20", unit="submunition")),
        Claim("missiles", "r", "count", "monitor", "text", event="strike",
              quantity=Quantity.parse("2", unit="missile")),
        Claim("drones", "r", "count", "outlet", "text", event="strike",
              quantity=Quantity.parse("3", unit="drone")),
    ]  # fmt: skip
    report = Report("r", "outlet", "a report", datetime.date(2022, 4, 8), "text")
    dataset = attrs.evolve(base, reports=(report,), claims=tuple(claims))
    groups = [sorted(c.id for c in g.claims) for g in claim_groups(dataset)]
    assert sorted(groups) == [["bomblets"], ["dead"], ["drones"], ["missiles"]]


def test_statements_are_never_one_group() -> None:
    """Hamas's "cover for Israel" and HRW's "most likely a misfired rocket" are two statements
    of one incident, not five origins that agree: each `stated` claim is a group of its own."""
    from test_incidents import world

    base = world([])
    claims = [
        Claim("hamas-says", "r", "stated", "governor", "text", event="strike"),
        Claim("hrw-says", "r", "stated", "monitor", "text", event="strike"),
    ]
    report = Report("r", "outlet", "a report", datetime.date(2023, 10, 18), "text")
    dataset = attrs.evolve(base, reports=(report,), claims=tuple(claims))
    groups = claim_groups(dataset)
    assert sorted(sorted(c.id for c in g.claims) for g in groups) == [["hamas-says"], ["hrw-says"]]
    assert {g.grade for g in groups} == {Grade.SINGLE_SOURCE}


def test_a_figure_repeated_in_five_reports_weighs_what_saying_it_once_does() -> None:
    """A ministry's 50, carried by five reports of one day, against two independent monitors'
    30: the estimate goes with the two voices, not with the five copies."""
    from test_incidents import Statement, world

    statements = [Statement(50, 50, 0, None, n) for n in range(5)]
    statements += [Statement(30, 30, 0, None, 5), Statement(30, 30, 0, None, 6)]
    dataset = world(statements, ["governor"] * 5 + ["monitor", "outlet"])
    _, (estimate,) = estimate_trust(dataset)
    assert estimate.value == "30 person"
