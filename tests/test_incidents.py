"""Incidents, positions and the law of tolls: one finding per real disagreement."""

from __future__ import annotations

import datetime
import itertools
from fractions import Fraction

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crosscheck import (
    Actor,
    ActorKind,
    Claim,
    Dataset,
    Finding,
    Place,
    PlaceKind,
    Report,
    check,
)
from crosscheck.dates import DateSpan
from crosscheck.engine import Context
from crosscheck.positions import partition, voice_weights
from crosscheck.quantity import Quantity
from crosscheck.testing import datasets
from crosscheck.tolls import measure_disputes
from test_engine import merged

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
KYIV = datetime.timezone(datetime.timedelta(hours=3))
STRIKE = DateSpan.of(datetime.date(2022, 4, 8), text="on Friday")


@attrs.frozen
class Statement:
    """One toll figure: its interval, the day it was stated, its hour if known, its report."""

    low: int
    high: int
    day: int
    hour: int | None
    report: int


def world(statements: list[Statement], sources: list[str] | None = None) -> Dataset:
    """One strike, its killed stated by each statement in its report."""
    actors = [Actor("governor", "The governor", ActorKind.PERSON),
              Actor("outlet", "An outlet", ActorKind.MEDIA),
              Actor("monitor", "A monitor", ActorKind.MONITOR),
              Actor("civilians", "civilians", ActorKind.PEOPLE)]  # fmt: skip
    places = [Place("kramatorsk", "Kramatorsk", PlaceKind.CITY)]
    reports: dict[int, Report] = {}
    claims = []
    for number, statement in enumerate(statements):
        day = datetime.date(2022, 4, 8 + statement.day)
        moment = (
            None
            if statement.hour is None
            else datetime.datetime.combine(day, datetime.time(statement.hour), tzinfo=KYIV)
        )
        reports.setdefault(
            statement.report,
            Report(f"r{statement.report}", "outlet", "a report", day, "text", published_at=moment),
        )
        claims.append(
            Claim(
                id=f"c{number}",
                report=f"r{statement.report}",
                predicate="killed",
                source=(sources or ["governor"])[number % len(sources or ["governor"])],
                quote="text",
                patient="civilians",
                place="kramatorsk",
                quantity=Quantity.interval(statement.low, statement.high, text=f"{statement.low}"),
                when=STRIKE,
                event="strike",
            )
        )
    return Dataset(reports.values(), actors, places, claims)


@st.composite
def tolls(draw: st.DrawFn, size: int = 6) -> list[Statement]:
    """A few toll statements over three days, some with a time, some sharing a report."""
    found: list[Statement] = []
    published: dict[int, tuple[int, int | None]] = {}
    for _ in range(draw(st.integers(2, size))):
        low = draw(st.integers(10, 40))
        high = low + draw(st.sampled_from([0, 0, 3, 10]))
        report = draw(st.integers(0, 5))
        day, hour = published.setdefault(
            report, (draw(st.integers(0, 2)), draw(st.none() | st.sampled_from([9, 15, 21])))
        )
        found.append(Statement(low, high, day, hour, report))
    return found


def brute_force(statements: list[Statement]) -> bool:
    """Whether some order of the statements that their times allow has a non-decreasing
    toll through them, figures stated at one time having one value: tried every order."""

    def hours(s: Statement) -> tuple[int, int]:
        """The UTC hours a statement may cover: a moment in Kyiv (UTC+3), or a day counted
        in any zone from UTC+14 to UTC−12."""
        if s.hour is None:
            return (24 * s.day - 14, 24 * s.day + 36)
        at = 24 * s.day + s.hour - 3
        return (at, at)

    def before(a: Statement, b: Statement) -> bool:
        if a.hour is None and b.hour is None:
            return a.day < b.day
        (_, end), (start, _) = hours(a), hours(b)
        return end < start if a.hour is not None else end <= start

    def together(a: Statement, b: Statement) -> bool:
        timed = a.hour is not None and b.hour is not None
        return a.report == b.report or (timed and (a.day, a.hour) == (b.day, b.hour))

    groups: list[list[Statement]] = []
    for statement in statements:
        home = next((g for g in groups if together(g[0], statement)), None)
        if home is None:
            groups.append([statement])
        else:
            home.append(statement)
    merged_groups = []
    for group in groups:
        low, high = max(s.low for s in group), min(s.high for s in group)
        if low > high:
            return False
        merged_groups.append((low, high, group[0]))
    for order in itertools.permutations(merged_groups):
        allowed = all(
            not before(later[2], earlier[2])
            for i, earlier in enumerate(order)
            for later in order[i + 1 :]
        )
        if not allowed:
            continue
        value = 0
        for low, high, _ in order:
            value = max(value, low)
            if value > high:
                break
        else:
            return True
    return False


@SETTINGS
@given(tolls())
def test_the_law_of_tolls_is_the_brute_force_over_orders(statements: list[Statement]) -> None:
    """A toll is judged consistent exactly when some order its statement times allow makes it
    non-decreasing, figures stated together holding together."""
    disputed = bool(measure_disputes(Context(world(statements))))
    assert disputed == (not brute_force(statements))


@SETTINGS
@given(st.lists(st.integers(1, 20), min_size=2, max_size=8), st.booleans(), st.data())
def test_a_strictly_rising_toll_from_one_voice_never_warns(
    steps: list[int], timed: bool, data: st.DataObject
) -> None:
    """One voice's toll rising in every later statement — over days, or hours of one day —
    gives no warning and no error, whatever wordings it is read from."""
    statements, figure = [], 20
    for number, step in enumerate(steps):
        figure += step
        day, hour = (0, 6 + 2 * number) if timed else (number, None)
        statements.append(Statement(figure, figure, day, hour, number))
    findings = check(world(statements), preview=True)
    assert all(f.severity.value == "info" for f in findings), [f.message for f in findings]


@SETTINGS
@given(tolls())
def test_a_toll_dispute_is_one_finding_however_many_repeat_it(
    statements: list[Statement],
) -> None:
    """However many statements a toll has, it gives at most one finding about it."""
    findings = check(world(statements, ["governor", "monitor", "outlet"]), preview=True)
    about = [(f.incident, f.aspect) for f in findings if f.aspect and "killed" in f.aspect]
    assert len(about) == len(set(about))


def assert_positions_partition(findings: list[Finding]) -> None:
    for finding in findings:
        cited = sorted(c.id for c in finding.claims)
        grouped = [c for p in finding.positions for c in p.claims]
        assert sorted(grouped) == cited


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datasets())
def test_every_findings_positions_partition_its_claims(dataset: Dataset) -> None:
    """Each cited claim stands in exactly one position of its finding."""
    assert_positions_partition(check(dataset, preview=True))


def test_the_positions_of_the_merged_cases_partition_their_claims() -> None:
    """The same on every rule case, side by side."""
    assert_positions_partition(check(merged(), preview=True))


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 7), st.integers(0, 7)), max_size=12),
    st.lists(st.sampled_from("abc"), min_size=8, max_size=8),
    st.randoms(use_true_random=False),
)
def test_positions_are_the_heaviest_agreeing_sets_whatever_the_order(
    edges: list[tuple[int, int]], voices: list[str], random: object
) -> None:
    """Positions hold no conflicting pair, partition the claims, come heaviest first, and do
    not depend on the order of the claims or of the conflicts."""
    claims = [f"c{i}" for i in range(8)]
    conflicts = [(f"c{a}", f"c{b}") for a, b in edges if a != b]
    weights = voice_weights(dict(zip(claims, voices, strict=True)))
    first = partition(claims, conflicts, weights)
    random.shuffle(claims)  # type: ignore[attr-defined]
    random.shuffle(conflicts)  # type: ignore[attr-defined]
    assert partition(claims, conflicts, weights) == first
    assert sorted(c for group in first.groups for c in group) == sorted(claims)
    pairs = {frozenset(pair) for pair in conflicts}
    for group in first.groups:
        assert not any(frozenset(pair) in pairs for pair in itertools.combinations(group, 2))
    # no conflict-free set of all the claims is heavier than the first position
    heaviest = sum((weights[c] for c in first.groups[0]), Fraction(0))
    for size in range(1, 9):
        for chosen in itertools.combinations(sorted(claims), size):
            free = not any(frozenset(p) in pairs for p in itertools.combinations(chosen, 2))
            if free:
                assert sum((weights[c] for c in chosen), Fraction(0)) <= heaviest


def test_an_outlier_is_named_as_standing_alone() -> None:
    """Three voices agreeing on a rising toll against one lower, later figure: the lower one
    stands alone, and the finding says so."""
    statements = [Statement(39, 39, 0, 10, 0), Statement(50, 50, 0, 18, 1),
                  Statement(52, 52, 1, None, 2), Statement(20, 20, 2, None, 3)]  # fmt: skip
    dataset = world(statements, ["governor", "monitor", "governor", "outlet"])
    (finding,) = check(dataset, select=["QTY"])
    assert finding.code == "QTY001"
    (alone,) = [p for p in finding.positions if p.alone]
    assert alone.claims == ("c3",)
    assert "which stands alone" in finding.message
    assert "the later ‘20’ lies below the earlier" in finding.message


def test_an_eventless_claim_joins_the_one_event_it_matches_and_no_other() -> None:
    """A claim without an event id joins the incident of the one event it is inferred to be
    about; one matching claims of two events joins neither and stays on its own."""
    from crosscheck.incidents import incidents

    base = world([Statement(39, 39, 0, None, 0), Statement(50, 50, 1, None, 1)])
    first, second = base.claims
    loose = attrs.evolve(first, id="loose", event=None, report="r1")
    later = DateSpan.of(datetime.date(2022, 4, 28), text="on 28 April")
    one = attrs.evolve(base, claims=(first, attrs.evolve(second, event="other", when=later),
                                     loose))  # fmt: skip
    table = incidents(Context(one))
    assert table.of["loose"] == table.of[first.id] == "strike"
    # the other event on the same day and place: the loose claim matches both, joins neither
    both = attrs.evolve(one, claims=(first, attrs.evolve(second, event="other",
                                                          when=STRIKE), loose))  # fmt: skip
    table = incidents(Context(both))
    assert table.of["loose"] == "~killed:civilians@kramatorsk:2022-04-08"


def test_a_position_reads_voice_by_voice_with_its_parts_after_its_whole() -> None:
    """An arrow joins one voice's figures only — a ministry's 200–300 rising to 471 is not the
    US estimate of 100–300 rising to it — and a part's figure is shown after its whole's."""
    from crosscheck.tolls import reading

    children = Actor("children", "children", ActorKind.PEOPLE, part_of="civilians")
    statements = [Statement(200, 300, 0, 20, 0), Statement(471, 471, 1, 18, 1),
                  Statement(100, 300, 2, None, 2)]  # fmt: skip
    dataset = world(statements, ["governor", "governor", "monitor"])
    context = Context(dataset)
    claims = sorted(context.claims, key=lambda c: c.id)
    assert reading(context, claims) == "‘200’ → ‘471’; ‘100’"
    part = attrs.evolve(claims[1], id="c9", quantity=Quantity.interval(100, 100, text="100"),
                        patient="children", report="r1")  # fmt: skip
    grown = Context(attrs.evolve(dataset, actors=(*dataset.actors, children),
                                 claims=(*dataset.claims, part)))  # fmt: skip
    ordered = sorted(grown.claims, key=lambda c: c.id)
    assert reading(grown, ordered) == "‘200’ → ‘471’ (of which ‘100’); ‘100’"
