"""Records of two datasets about one incident: coordinates, the sameness window, event-id
namespaces, `crosscheck match`, and including one dataset in another."""

from __future__ import annotations

import functools
import json
import math
import shutil
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from crosscheck import check, load
from crosscheck.cli import cli
from crosscheck.config import ConfigError, load_config
from crosscheck.engine import Context
from crosscheck.geo import apart_km, great_circle_km
from crosscheck.incidents import incidents
from crosscheck.loading import DatasetError
from crosscheck.matching import compare
from crosscheck.model import Dataset, Place, PlaceKind
from crosscheck.partition import check_partitioned
from crosscheck.sameness import Window, namespace

FIXTURES = Path(__file__).parent.parent / "fixtures"
BOTH = FIXTURES / "ged-acled-syria"
WINDOW = Window(1, 10.0)


# -- coordinates -------------------------------------------------------------------------------


def test_great_circle_distances_are_right() -> None:
    assert great_circle_km(51.5074, -0.1278, 48.8566, 2.3522) == pytest.approx(343.5, abs=0.5)
    assert great_circle_km(0, 0, 0, 180) == pytest.approx(math.pi * 6371.0088)
    assert great_circle_km(36.1, 36.8, 36.1, 36.8) == 0


coordinates = st.tuples(st.floats(-90, 90), st.floats(-180, 180))


@given(coordinates, coordinates, coordinates)
def test_distance_is_a_metric_on_the_sphere(
    a: tuple[float, float], b: tuple[float, float], c: tuple[float, float]
) -> None:
    ab, ba = great_circle_km(*a, *b), great_circle_km(*b, *a)
    assert ab == pytest.approx(ba, abs=1e-6)
    assert 0 <= ab <= math.pi * 6371.0088 + 1e-6
    assert ab <= great_circle_km(*a, *c) + great_circle_km(*c, *b) + 1e-6


def test_precision_takes_from_the_distance() -> None:
    town = Place("a", "A", PlaceKind.TOWN, lat=36.0, lon=36.0)
    near = Place("b", "B", PlaceKind.TOWN, lat=36.0, lon=36.1, precision_km=25)
    assert apart_km(town, attrs.evolve(near, precision_km=0)) == pytest.approx(9.0, abs=0.1)
    assert apart_km(town, near) == 0
    assert apart_km(town, Place("c", "C", PlaceKind.TOWN)) is None


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"lat": 36.0}, "expected lat and lon together, found lat without lon"),
        ({"lat": 91.0, "lon": 0.0}, "expected lat between -90 and 90 degrees, found 91.0"),
        ({"lat": 0.0, "lon": -181.0}, "expected lon between -180 and 180 degrees"),
        ({"precision_km": -1.0}, "expected precision_km of 0 km or more"),
    ],
)
def test_bad_coordinates_are_refused(fields: dict[str, float], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Place("a", "A", PlaceKind.TOWN, **fields)  # type: ignore[arg-type]


def test_bad_coordinates_in_a_places_file_are_one_line(tmp_path: Path) -> None:
    dataset = tmp_path / "d"
    shutil.copytree(FIXTURES / "kunduz-2015", dataset)
    with (dataset / "places.toml").open("a", encoding="utf-8") as places:
        places.write('\n[[places]]\nid = "x"\nname = "X"\nkind = "town"\nlat = 100\nlon = 0\n')
    with pytest.raises(DatasetError) as raised:
        load(dataset)
    assert str(raised.value).endswith(
        "places.toml: places[7]: expected lat between -90 and 90 degrees, found 100.0"
    )


# -- event ids of several datasets -------------------------------------------------------------


def test_an_event_ids_namespace_is_its_dataset() -> None:
    assert [namespace(e) for e in ("ged:336685", "acled:SYR1", "strike-2020", "a:b:c")] == [
        "ged", "acled", "", "a"]  # fmt: skip


def test_two_datasets_records_of_one_strike_are_one_incident_only_with_a_window() -> None:
    dataset = load(BOTH)
    ged, acled = dataset.claim("ged-336685-best"), dataset.claim("acled-SYR52703-fatalities")
    without = incidents(Context(dataset))
    assert without.incident(ged).key != without.incident(acled).key
    within = incidents(Context(dataset, window=WINDOW))
    incident = within.incident(ged)
    assert incident is within.incident(acled)
    assert incident.matched == ("acled:SYR52703", "ged:336685")
    assert incident.event is None  # inferred: its findings are at most warnings
    assert incident.label == "acled:SYR52703 = ged:336685 (inferred)"


def test_the_finding_says_which_part_of_the_window_matched() -> None:
    (finding,) = [f for f in check(load(BOTH), window=WINDOW)
                  if "ged-336685-best" in {c.id for c in f.claims}]  # fmt: skip
    said = "\n".join(finding.explanation)
    assert "event ids of two datasets (acled:SYR52703, ged:336685)" in said
    assert (
        "places 0.0 km apart (atareb-town, al-atarib-town), within the window of 1 day, 10 km"
        in said
    )


def test_a_window_changes_nothing_on_the_curated_fixtures() -> None:
    """The news fixtures have no coordinates and curated event ids: a window finds what they
    already find, save where it may join claims a day apart."""
    for name in ("kunduz-2015", "kramatorsk-2022"):
        dataset = load(FIXTURES / name)
        assert [f.fingerprint for f in check(dataset, window=Window(0, 0.0))] == [
            f.fingerprint for f in check(dataset)
        ]


def test_partitions_give_the_same_findings_under_a_window() -> None:
    dataset = load(BOTH)
    assert check_partitioned(dataset, window=WINDOW) == check(dataset, window=WINDOW)


@functools.cache
def syria_2019_2020() -> Dataset:
    """The GED and ACLED records of Syria in 2019–2020: small enough to try every pair."""
    dataset = load(BOTH)
    kept = [c for c in dataset.claims
            if c.place is not None and dataset.is_within(c.place, "syria")
            and c.when is not None and c.when.start.year in (2019, 2020)]  # fmt: skip
    reports = {c.report for c in kept}
    return attrs.evolve(dataset, reports=[r for r in dataset.reports if r.id in reports],
                        claims=kept)  # fmt: skip


@settings(max_examples=20, deadline=None)
@given(st.integers(0, 3), st.sampled_from([None, 0.0, 5.0, 10.0, 50.0]))
def test_the_sweep_and_all_pairs_agree_under_any_window(days: int, km: float | None) -> None:
    dataset = syria_2019_2020()
    assert len(dataset.reports) == 34
    window = Window(days, km)
    assert check(dataset, window=window) == check(dataset, window=window, sweep=False)


# -- settings ------------------------------------------------------------------------------------


def test_the_window_comes_from_the_settings(tmp_path: Path) -> None:
    assert load_config(BOTH).window == WINDOW
    assert load_config(FIXTURES / "kunduz-2015").window is None
    (tmp_path / "crosscheck.toml").write_text("match-days = 2\n", encoding="utf-8")
    assert load_config(tmp_path).window == Window(2, None)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("match-days = -1", "expected a whole number of days from 0 to 30, found -1"),
        ("match-days = 1.5", "expected a whole number of days from 0 to 30, found 1.5"),
        ('match-km = "10"', "expected a distance in km from 0 to 500, found '10'"),
        ("match-km = 1e9", "expected a distance in km from 0 to 500"),
    ],
)
def test_a_bad_window_setting_is_one_line(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "crosscheck.toml").write_text(text + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_config(tmp_path)


def test_run_takes_the_window_from_the_command_line(tmp_path: Path) -> None:
    for name in ("ged-acled-syria", "ged-sample", "acled-layout-syria"):
        shutil.copytree(FIXTURES / name, tmp_path / name)
    (tmp_path / "ged-acled-syria" / "crosscheck.toml").unlink()
    runner = CliRunner()
    arguments = ["run", str(tmp_path / "ged-acled-syria"), "--select", "QTY001"]
    assert runner.invoke(cli, arguments).exit_code == 0  # no window: two datasets apart
    found = runner.invoke(cli, [*arguments, "--match-days", "1", "--match-km", "10",
                                "--format", "json"])  # fmt: skip
    assert found.exit_code == 1, found.output
    assert len(json.loads(found.stdout)["findings"]) == 3


# -- crosscheck match ------------------------------------------------------------------------


def test_match_pairs_the_mirrored_records_one_to_one() -> None:
    comparison = compare(load(FIXTURES / "ged-sample"), load(FIXTURES / "acled-layout-syria"),
                         WINDOW)  # fmt: skip
    matched = {(c.a, c.b) for c in comparison.matching.matched}
    assert ("ged:336685", "acled:SYR52703") in matched
    assert ("ged:295187", "acled:SYR44116") in matched  # 6 km apart
    assert ("ged:319057", "acled:SYR48487") in matched  # a day apart
    assert len(matched) == 9
    assert comparison.matching.ambiguous == (
        ("acled:SYR56640", ("ged:344211",)), ("acled:SYR56671", ("ged:344211",)),
        ("ged:344211", ("acled:SYR56640", "acled:SYR56671")))  # fmt: skip
    matching = comparison.matching
    assert len(matching.only_a) + len(matched) + 1 == 1000  # every record in one list
    assert len(matching.only_b) + len(matched) + 2 == len(comparison.b)


def test_a_wider_window_finds_at_least_as_many_candidates() -> None:
    """The grid: matched + ambiguous candidates never shrink as either window widens."""
    comparison = compare(load(FIXTURES / "ged-sample"), load(FIXTURES / "acled-layout-syria"),
                         WINDOW)  # fmt: skip
    touched = [len(comparison.a) - len(m.only_a) for m in comparison.grid]
    rows = [touched[i : i + 5] for i in range(0, 25, 5)]
    assert all(row == sorted(row) for row in rows)
    assert all(list(column) == sorted(column) for column in zip(*rows, strict=True))
    assert rows[0][0] < rows[-1][-1]


def test_match_reads_exports_and_folders_alike() -> None:
    runner = CliRunner()
    from_csv = runner.invoke(cli, ["match", str(FIXTURES / "ged-sample" / "ged231-sample.csv"),
                                   str(FIXTURES / "acled-layout-syria" / "acled-syria.csv"),
                                   "--format", "json"])  # fmt: skip
    folders = [str(FIXTURES / "ged-sample"), str(FIXTURES / "acled-layout-syria")]
    from_folders = runner.invoke(cli, ["match", *folders, "--format", "json"])
    assert from_csv.exit_code == from_folders.exit_code == 0, from_csv.output
    a, b = json.loads(from_csv.stdout), json.loads(from_folders.stdout)
    assert a["pairs"] == b["pairs"]
    assert (a["matched"], a["ambiguous"], len(a["sensitivity"])) == (9, 3, 25)


def test_match_text_says_each_pair_and_the_grid() -> None:
    done = CliRunner().invoke(cli, ["match", str(FIXTURES / "ged-sample"),
                                    str(FIXTURES / "acled-layout-syria")])  # fmt: skip
    assert done.exit_code == 0
    assert "ged:336685 = acled:SYR52703  (same dates; 0.0 km apart" in done.stdout
    assert "ged:344211 ~ acled:SYR56640, acled:SYR56671" in done.stdout
    assert "matched records by window (days down, km across):" in done.stdout


def test_match_takes_its_window_from_the_settings_unless_given(tmp_path: Path) -> None:
    """A project's match-days and match-km are `match`'s window too; options win over them."""
    for name in ("ged-sample", "acled-layout-syria"):
        shutil.copytree(FIXTURES / name, tmp_path / name)
    folders = [str(tmp_path / "ged-sample"), str(tmp_path / "acled-layout-syria")]
    runner = CliRunner()

    def window(*options: str) -> tuple[int, float | None]:
        done = runner.invoke(cli, ["match", *folders, "--format", "json", *options])
        assert done.exit_code == 0, done.output
        found = json.loads(done.stdout)
        return found["days"], found["km"]

    assert window() == (1, 10.0)  # no settings: a day and 10 km
    (tmp_path / "crosscheck.toml").write_text("match-days = 3\nmatch-km = 25\n", "utf-8")
    assert window() == (3, 25.0)
    assert window("--days", "0") == (0, 25.0)
    (tmp_path / "crosscheck.toml").write_text("match-days = 2\n", "utf-8")
    assert window() == (2, None)  # as for run: places must nest
    assert window("--km", "5") == (2, 5.0)


def test_match_refuses_a_file_that_is_no_export(tmp_path: Path) -> None:
    (tmp_path / "x.csv").write_text("a,b\n", encoding="utf-8")
    done = CliRunner().invoke(cli, ["match", str(tmp_path / "x.csv"), str(FIXTURES / "ged-sample")])
    assert done.exit_code == 2
    assert f"{tmp_path / 'x.csv'}: expected a dataset folder or a coded export" in done.stderr


# -- include -------------------------------------------------------------------------------------


def test_an_included_actor_that_shares_a_name_is_the_same_actor() -> None:
    dataset = load(FIXTURES / "ged-news")
    assert dataset.actor("SOHR").id == "sohr"
    assert dataset.actor("Government of Ukraine").id == "ukrainian-armed-forces"
    assert dataset.place("Vuhlehirsk village").id == "vuhlehirsk"
    assert dataset.place("vuhlehirsk").coordinates == pytest.approx((48.313148, 38.277561))
    roles = Context(dataset).roles(dataset.claim("ged-433740-b"))
    assert (roles.source, roles.patient) == ("eduard-basurin", "ukrainian-armed-forces")


def news_copy(tmp_path: Path) -> Path:
    target = tmp_path / "news"
    shutil.copytree(FIXTURES / "ged-news", target)
    shutil.copytree(FIXTURES / "ged-sample", tmp_path / "ged-sample")
    return target


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ('include = ["../nowhere"]', "dataset.toml: include[0]: expected a dataset folder, "
         "found nothing at"),
        ('include = "../ged-sample"', "dataset.toml: include: expected a list of dataset "
         "folders, found the string '../ged-sample'"),
        ('includes = ["../ged-sample"]', "dataset.toml: includes: expected only known keys, "
         "found 'includes' (did you mean 'include'?)"),
        ('include = ["../ged-sample", "../ged-sample"]', "include[1]: expected each dataset "
         "once"),
        ('include = ["."]', "include[0]: expected datasets that do not include themselves, "
         "found a cycle"),
        ("include = [", "dataset.toml: expected valid TOML, found a syntax error"),
    ],
)  # fmt: skip
def test_a_bad_include_is_one_line(tmp_path: Path, written: str, message: str) -> None:
    news = news_copy(tmp_path)
    (news / "dataset.toml").write_text(written + "\n", encoding="utf-8")
    with pytest.raises(DatasetError) as raised:
        load(news)
    assert len(raised.value.problems) == 1
    assert message in str(raised.value.problems[0])


def test_an_included_claim_id_that_clashes_is_refused(tmp_path: Path) -> None:
    news = news_copy(tmp_path)
    report = news / "reports" / "frontline-wire-2015-01-18.toml"
    text = report.read_text(encoding="utf-8")
    clashing = text.replace('id = "fw-two-children-killed"', 'id = "ged-198839-civilians"')
    report.write_text(clashing, encoding="utf-8")
    with pytest.raises(DatasetError, match="expected claim ids of their own in an included "
                       "dataset, found 'ged-198839-civilians' in both"):  # fmt: skip
        load(news)


def test_an_included_name_naming_two_of_ours_is_refused(tmp_path: Path) -> None:
    news = news_copy(tmp_path)
    with (news / "actors.toml").open("a", encoding="utf-8") as actors:
        actors.write('\n[[actors]]\nid = "obs"\nname = "Syrian Observatory"\nkind = "monitor"\n')
    with pytest.raises(DatasetError, match="whose names name both"):
        load(news)


def test_findings_of_included_claims_point_into_the_included_dataset() -> None:
    done = CliRunner().invoke(cli, ["run", str(FIXTURES / "ged-news"), "--select", "QTY005"])
    assert done.exit_code == 1
    assert "fixtures/ged-news/../ged-sample/claims.jsonl:" in done.stdout
    assert "fixtures/ged-news/reports/donbas-dispatch-2022-03-31.toml:7" in done.stdout


def test_places_of_one_name_in_two_countries_stay_two_places(tmp_path: Path) -> None:
    """Tripoli in Lebanon and Tripoli in Libya: an included place that shares a name with one
    of ours but lies in another country is renamed after its country, not merged."""
    from crosscheck.loading.include import merge

    ours = Dataset((), (), (Place("lebanon", "Lebanon", PlaceKind.COUNTRY),
                            Place("tripoli", "Tripoli", PlaceKind.CITY, within="lebanon",
                                  lat=34.43, lon=35.84)), ())  # fmt: skip
    theirs = Dataset((), (), (Place("libya", "Libya", PlaceKind.COUNTRY),
                              Place("tripoli", "Tripoli", PlaceKind.CITY, within="libya",
                                    lat=32.89, lon=13.19)), ())  # fmt: skip
    merged = merge(ours, theirs, "dataset.toml")
    assert sorted((p.id, p.name) for p in merged.places) == [
        ("lebanon", "Lebanon"), ("libya", "Libya"), ("tripoli", "Tripoli"),
        ("tripoli-libya", "Tripoli (Libya)")]  # fmt: skip
    same = merge(ours, ours, "dataset.toml")
    assert [p.id for p in same.places] == ["lebanon", "tripoli"]


def test_a_battle_and_a_killing_of_civilians_nearby_are_two_events() -> None:
    """A fight and nothing but a one-sided killing are never joined, whatever the window."""
    from crosscheck.sameness import acts_differ

    fight, one_sided = frozenset({"fight"}), frozenset({"one-sided"})
    assert acts_differ(fight, one_sided)
    assert not acts_differ(fight, frozenset())
    assert not acts_differ(one_sided, one_sided)
    assert not acts_differ(fight | one_sided, one_sided)


def test_accept_takes_the_window_run_takes(tmp_path: Path) -> None:
    """Findings that only a window finds can be accepted with the same --match-days and
    --match-km, and the run under that window then holds them as accepted."""
    for name in ("ged-sample", "acled-layout-syria", "ged-acled-syria"):
        shutil.copytree(FIXTURES / name, tmp_path / name)
    (tmp_path / "ged-acled-syria" / "crosscheck.toml").unlink()  # the window from options only
    folder = str(tmp_path / "ged-acled-syria")
    window = ["--match-days", "1", "--match-km", "10"]
    runner = CliRunner()

    def active(*options: str) -> list[str]:
        done = runner.invoke(cli, ["run", folder, "--format", "json", "--fail-on", "never",
                                   *options])  # fmt: skip
        assert done.exit_code == 0, done.output
        return [f["fingerprint"] for f in json.loads(done.stdout)["findings"]]

    within = active(*window)
    assert set(within) - set(active())  # some findings are the window's own
    accepted = runner.invoke(cli, ["accept", folder, "--reason", "reviewed", *window])
    assert accepted.exit_code == 0, accepted.output
    assert active(*window) == []
