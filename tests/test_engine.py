"""The engine's laws: pure, deterministic, order-free, and explained."""

from __future__ import annotations

import datetime
import functools
import tempfile
import tomllib
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crosscheck import Actor, ActorKind, Claim, Dataset, Dimension, Quantity, Report, check, load
from crosscheck.dates import DateSpan
from crosscheck.engine import Context, check_context
from crosscheck.findings import Finding
from crosscheck.registry import RuleError
from crosscheck.testing import datasets
from test_fixtures import CURATED
from test_rules import CASES, write_case


@functools.cache
def flagged_cases() -> tuple[Dataset, ...]:
    """Every rule case that produces findings, loaded once."""
    root = Path(tempfile.mkdtemp(prefix="crosscheck-cases-"))
    found = []
    for path in sorted(CASES.glob("[A-Z]*.toml")):
        for index, case in enumerate(tomllib.loads(path.read_text())["cases"]):
            if case["flagged"] and "window" not in case:  # a window's case needs its window
                found.append(load(write_case(case, root / f"{path.stem}-{index}")))
    return tuple(found)


def merged() -> Dataset:
    """All flagged cases with their claims side by side in one dataset (ids made unique)."""
    reports, claims = {}, []
    for number, dataset in enumerate(flagged_cases()):
        for report in dataset.reports:
            reports[f"{number}-{report.id}"] = attrs.evolve(report, id=f"{number}-{report.id}")
        claims += [attrs.evolve(c, id=f"{number}-{c.id}", report=f"{number}-{c.report}",
                                total=None if c.total is None else f"{number}-{c.total}",
                                event=None if c.event is None else f"{number}-{c.event}")
                   for c in dataset.claims]  # fmt: skip
    base = flagged_cases()[0]
    return Dataset(reports.values(), base.actors, base.places, claims)


def summary(dataset: Dataset) -> list[tuple[str, str, tuple[str, ...]]]:
    return [
        (f.code, f.severity, tuple(c.id for c in f.claims)) for f in check(dataset, preview=True)
    ]


def test_the_merged_cases_produce_findings() -> None:
    """The base for the order properties is not trivially quiet."""
    assert len(check(merged(), preview=True)) >= 15


@functools.cache
def curated(name: str) -> Dataset:
    return load(Path(__file__).parent.parent / "fixtures" / name)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.randoms(use_true_random=False), st.sampled_from(["merged", *CURATED]))
def test_findings_do_not_depend_on_input_order(random: object, which: str) -> None:
    """Shuffling reports, claims, actors and places changes no finding, fingerprint included:
    on the merged rule cases and on every curated fixture."""
    dataset = merged() if which == "merged" else curated(which)
    shuffled = {}
    for part in ("reports", "claims", "actors", "places"):
        items = list(getattr(dataset, part))
        random.shuffle(items)  # type: ignore[attr-defined]
        shuffled[part] = items
    assert check(Dataset(**shuffled), preview=True) == check(dataset, preview=True)


PER_CLAIM = {"QTY002", "DAT002"}
"""Rules that judge one claim alone (a figure and its own restatement, a weekday and its own
date): a copy of a claim repeats its findings, whatever it agrees with."""


@settings(max_examples=30, deadline=None)
@given(st.data())
def test_a_claim_agreeing_with_a_position_adds_no_finding(data: st.DataObject) -> None:
    """A claim that says what a claim of an existing position says (a copy of it, in its
    report, from its source) adds no finding and takes away none: every finding keeps its
    fingerprint and its positions, and the copy stands in its original's position."""
    dataset = merged()
    before = check(dataset, preview=True)
    held = [(f, c) for f in before if f.code not in PER_CLAIM for c in f.claims]
    finding, cited = data.draw(st.sampled_from(held))
    original = dataset.claim(cited.id)
    if original.total is not None or any(c.total == original.id for c in dataset.claims):
        return  # a copy of a part (or of a total) is another part, not an agreeing claim
    if original.event is None and original.when is None:
        return  # an undated claim outside any event is compared with nothing: so is its copy
    # an id sorting before the original's as well as after: no name may hang on the first id
    copy_id = data.draw(st.sampled_from(["0-" + original.id, original.id + "-again"]))
    copy = attrs.evolve(original, id=copy_id)
    after = check(attrs.evolve(dataset, claims=(*dataset.claims, copy)), preview=True)

    def kept(findings: list[Finding]) -> dict[str, int]:
        return {f.fingerprint: len(f.positions) for f in findings if f.code not in PER_CLAIM}

    assert kept(after) == kept(before)
    (same,) = [f for f in after if f.fingerprint == finding.fingerprint]
    (home,) = [p for p in same.positions if original.id in p.claims]
    assert copy.id in home.claims


@settings(max_examples=30, deadline=None)
@given(st.data())
def test_an_independent_agreeing_claim_adds_no_disagreement(data: st.DataObject) -> None:
    """A second, independent source repeating a claim in another report adds no disagreement
    about quantities, control, attribution or places, and never sets itself against the claim
    it repeats. (Dates are judged per report, and source findings per group: both rightly
    change as reports and voices are added.)"""
    dataset = merged()
    candidates = [c for c in dataset.claims if c.total is None and not any(
        other.total == c.id for other in dataset.claims)]  # fmt: skip
    original: Claim = data.draw(st.sampled_from(candidates))
    monitor = Actor("second-monitor", "A second monitor", ActorKind.MONITOR)
    first = dataset.report(original.report)
    report = attrs.evolve(first, id="second-report", outlet=monitor.id)
    copy = attrs.evolve(original, id=original.id + "-again", report=report.id,
                        source=monitor.id)  # fmt: skip
    dataset = attrs.evolve(dataset, reports=(*dataset.reports, report),
                           actors=(*dataset.actors, monitor))  # fmt: skip
    families = ["QTY001", "QTY004", "QTY005", "SRC003", "CTL", "ATT", "PLC"]
    before = {f.fingerprint for f in check(dataset, select=families, preview=True)}
    grown = attrs.evolve(dataset, claims=(*dataset.claims, copy))
    after = check(grown, select=families, preview=True)
    assert {f.fingerprint for f in after} <= before
    for finding in after:
        homes = [p for p in finding.positions if {original.id, copy.id} & set(p.claims)]
        assert len(homes) <= 1, finding.message


@pytest.mark.parametrize("unit", ["mi", "m"])
def test_converting_every_length_changes_no_finding(unit: str) -> None:
    """Lengths restated in miles or metres give the same findings on the same claims."""

    def converted(claim: Claim) -> Claim:
        def to(q: Quantity | None) -> Quantity | None:
            return q.to(unit) if q is not None and q.dimension is Dimension.LENGTH else q

        return attrs.evolve(claim, quantity=to(claim.quantity), restated=to(claim.restated))

    dataset = merged()
    lengths = attrs.evolve(dataset, claims=tuple(converted(c) for c in dataset.claims))
    assert summary(lengths) == summary(dataset)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datasets())
def test_a_valid_dataset_never_makes_the_engine_raise(dataset: Dataset) -> None:
    """Every rule runs to the end on any valid dataset, and the findings come out sorted."""
    findings = check(dataset, preview=True)
    assert findings == sorted(findings, key=lambda f: f.sort_key)


def test_every_finding_explains_its_normalisations() -> None:
    """A finding lists how each cited claim's wordings and names were read — every reading of
    a quantity or a date, every alias, every place or date a part took from its total — and
    every rule's findings there have something to explain."""
    dataset = merged()
    context = Context(dataset)
    claims = {claim.id: claim for claim in context.claims}
    explained, found = set(), set()
    for finding in check(dataset, preview=True):
        found.add(finding.code)
        for cited in finding.claims:
            lines = context.normalisations(claims[cited.id])
            assert set(lines) <= set(finding.explanation), (finding.code, cited.id)
            if lines:
                explained.add(finding.code)
    assert explained >= found - {"QTY003"}


def test_select_and_ignore_take_codes_prefixes_and_names() -> None:
    """--select QTY keeps quantity rules; ignoring a name drops it; order is most severe first."""
    dataset = merged()
    codes = {f.code for f in check(dataset, select=["QTY"], ignore=["quantity.restated"])}
    assert codes
    assert all(code.startswith("QTY") for code in codes)
    assert "QTY002" not in codes


def test_preview_rules_run_only_when_asked() -> None:
    """The preview rule QTY006 is off by default and on with preview or its own code."""
    dataset = merged()
    assert "QTY006" not in {f.code for f in check(dataset)}
    assert "QTY006" in {f.code for f in check(dataset, preview=True)}
    assert {f.code for f in check(dataset, select=["QTY006"])} == {"QTY006"}


def test_an_unknown_selector_is_an_error_with_a_hint() -> None:
    """A misspelt selector fails, naming the closest rule."""
    with pytest.raises(RuleError, match="did you mean 'QTY001'"):
        check(merged(), select=["QTY01"])


def test_sides_follow_part_of_and_aligned_with() -> None:
    """SAA acts for the Syrian government; the NLF's spokesman, through the NLF, for Ankara."""
    context = Context(merged())
    assert "syrian-government" in context.camps("saa")
    assert "syrian-government" in context.camps("sana")
    assert "turkish-government" in context.camps("naji-mustafa")
    assert context.same_side("saa", "sana")
    assert not context.same_side("saa", "nlf")
    assert context.sides("saa", "nlf").startswith("rival sides: ")


def test_a_group_acts_for_what_its_members_act_for() -> None:
    """A coalition with a Turkey-backed member is on Ankara's side, and not on Damascus's."""
    base = merged()
    opposition = Actor("opposition", "Syrian opposition", ActorKind.ARMED_GROUP)
    rebels = Actor("rebels", "Syrian National Army", ActorKind.ARMED_GROUP,
                   part_of="opposition", aligned_with="turkish-government")  # fmt: skip
    context = Context(attrs.evolve(base, actors=(*base.actors, opposition, rebels)))
    assert context.same_side("opposition", "turkish-armed-forces")
    assert not context.same_side("opposition", "saa")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datasets())
def test_the_date_sweep_finds_what_trying_every_pair_finds(dataset: Dataset) -> None:
    """The sweep over dates gives exactly the findings of the all-pairs reference engine."""
    assert check(dataset, preview=True) == check(dataset, preview=True, sweep=False)


def test_the_sweep_and_all_pairs_agree_on_every_rule_case() -> None:
    """On the merged rule cases too, the two engine paths give the same findings."""
    dataset = merged()
    assert check(dataset, preview=True) == check(dataset, preview=True, sweep=False)


def _related_pairs_are_complete_and_unique(dataset: Dataset) -> None:
    context = Context(dataset)
    found = [(a.id, b.id) for a, b in context.related_pairs(context.claims)]
    assert len(found) == len(set(found)), "a pair came twice"
    assert all(a < b for a, b in found), "the lower id comes first"
    accepted = {
        (a.id, b.id)
        for i, a in enumerate(context.claims)
        for b in context.claims[i + 1 :]
        if context.sameness(a, b, ignore={"modality", "agent"}) is not None
    }
    assert accepted <= set(found), "a pair sameness accepts was never offered"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datasets())
def test_related_pairs_offers_every_pair_sameness_accepts_once(dataset: Dataset) -> None:
    """related_pairs is a blocking shortcut: it may offer pairs sameness rejects, but never
    misses one it accepts, and never offers one twice."""
    _related_pairs_are_complete_and_unique(dataset)


def test_related_pairs_is_complete_on_the_rule_cases() -> None:
    _related_pairs_are_complete_and_unique(merged())


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (("tr", "sy"), (None, "sy")),  # one names who clashed with Syria, one does not
        (("tr", "sy"), ("sy", "tr")),  # the same two parties, the other way round
        (("tr", "sy"), ("ru", "sy")),  # rival agents: what rules about agents compare
    ],
)
def test_related_pairs_meets_symmetric_claims_however_the_parties_are_named(
    first: tuple[str | None, str], second: tuple[str | None, str]
) -> None:
    day = datetime.date(2020, 2, 6)
    actors = [Actor(a, a, ActorKind.STATE) for a in ("tr", "sy", "ru")]
    actors.append(Actor("reuters", "Reuters", ActorKind.MEDIA))
    reports = [Report("r", "reuters", "t", day, "seven killed. five killed.")]
    when = DateSpan.parse("on Monday", day)
    claims = [
        Claim(
            f"c{i}",
            "r",
            "clashed",
            "reuters",
            quote,
            agents=agent,
            patient=patient,
            quantity=Quantity.parse(figure),
            when=when,
        )
        for i, ((agent, patient), figure, quote) in enumerate(
            [(first, "seven", "seven killed"), (second, "five", "five killed")]
        )
    ]
    dataset = Dataset(reports, actors, [], claims)
    _related_pairs_are_complete_and_unique(dataset)
    assert [(a.id, b.id) for a, b in Context(dataset).related_pairs(claims)] == [("c0", "c1")]


def test_checking_a_prepared_context_gives_what_check_gives() -> None:
    """check_context reuses one context across selections, with check's findings each time."""
    dataset = merged()
    context = Context(dataset)
    for select in (None, ["QTY"], ["control", "DAT002"]):
        assert check_context(context, select, preview=True) == check(dataset, select, preview=True)
