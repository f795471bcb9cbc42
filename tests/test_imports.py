"""Coded event datasets in: UCDP GED and ACLED-layout exports, read a row at a time.

The real GED sample (fixtures/ged-sample, UCDP, CC BY 4.0) must import whole; the synthetic
ACLED-layout file (fixtures/acled-layout-syria) too; every row that cannot be mapped is one line
naming the file, its line and its column.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crosscheck import check, load
from crosscheck import run as run_dataset
from crosscheck.bulk import dump_bulk, load_bulk
from crosscheck.cli import cli
from crosscheck.findings import Finding
from crosscheck.imports import layout_of, origins, read_export, stream_export
from crosscheck.imports.ged import COLUMNS as GED_COLUMNS
from crosscheck.loading import DatasetError
from crosscheck.model import Dataset
from crosscheck.partition import merged
from crosscheck.render import Run
from crosscheck.sameness import Window

FIXTURES = Path(__file__).parent.parent / "fixtures"
GED = FIXTURES / "ged-sample" / "ged231-sample.csv"
ACLED = FIXTURES / "acled-layout-syria" / "acled-syria.csv"


def rows_of(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def write_rows(path: Path, rows: list[dict[str, str]], header: list[str] | None = None) -> Path:
    columns = header or list(rows[0])
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, columns)
        writer.writeheader()
        writer.writerows(rows)
    return path


def as_sets(dataset: Dataset) -> tuple[frozenset[object], ...]:
    return tuple(frozenset(getattr(dataset, part))
                 for part in ("reports", "actors", "places", "claims"))  # fmt: skip


# -- the real GED sample -----------------------------------------------------------------------


def test_every_row_of_the_ged_sample_imports() -> None:
    imported = read_export("ged", GED)
    assert (imported.rows, imported.skipped_rows, imported.skipped) == (1000, 0, ())
    assert len(imported.dataset.reports) == 1000
    assert {c.event for c in imported.dataset.claims} == {
        f"ged:{row['id']}" for row in rows_of(GED)
    }


def test_sohr_is_one_origin_however_ged_spells_it() -> None:
    """SOHR and "Syrian Observatory for Human Rights" are one actor: the source of every figure
    of the rows that name it alone; a row naming it beside other sources is UCDP's own
    estimate, its sources said in the note."""
    dataset = read_export("ged", GED).dataset
    spelled = {row["id"]: origins(row["source_original"]) for row in rows_of(GED)}
    spellings = {"sohr", "syrian observatory for human rights"}
    alone = {i for i, found in spelled.items() if len(found) == 1 and found[0].lower() in spellings}
    beside = {i for i, found in spelled.items()
              if len(found) > 1 and {o.lower() for o in found} & spellings}  # fmt: skip
    assert len(alone) > 100
    assert {spelled[i][0] for i in alone} == {"SOHR", "Syrian Observatory for Human Rights"}
    sources = {i: {c.source for c in dataset.claims if c.event == f"ged:{i}"}
               for i in alone | beside}  # fmt: skip
    assert all(sources[i] == {"sohr"} for i in alone)
    assert all(sources[i] == {"ucdp-georeferenced-event-dataset"} for i in beside)
    noted = dataset.claim(f"ged-{min(beside)}-best").note
    assert "coded from" in noted
    assert "Syrian Observatory for Human Rights" in noted
    observatories = [a.name for a in dataset.actors if "observatory" in a.name.lower()]
    assert observatories == [  # one more is a source of its own: SOHR's second source, named
        "Syrian Observatory for Human Rights",
        "Syrian Observatory for Human Rights Second Source: rebel military council",
    ]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("SOHR", ["SOHR"]),
        ("SOHR, Airwars", ["SOHR", "Airwars"]),
        ("SOHR; VDC", ["SOHR", "VDC"]),
        ("SOHR, Kurdush Red Crescent, Amnesty", ["SOHR", "Kurdush Red Crescent", "Amnesty"]),
        ("Ukrinform - the head of the Luhansk Regional Military Administration, Serhiy Gaidai",
         ["Ukrinform - the head of the Luhansk Regional Military Administration, Serhiy Gaidai"]),
        ("Police; police", ["Police"]),
        (".", []),
        ("", []),
    ],
)  # fmt: skip
def test_a_source_cell_names_its_sources(cell: str, expected: list[str]) -> None:
    assert origins(cell) == expected


def test_the_committed_imports_are_what_the_importers_make() -> None:
    """fixtures/ged-sample and fixtures/acled-layout-syria hold the bulk import of the CSV
    beside them: regenerated with `crosscheck import`, they must not drift."""
    assert as_sets(load(GED.parent)) == as_sets(read_export("ged", GED).dataset)
    assert as_sets(load(ACLED.parent)) == as_sets(read_export("acled", ACLED).dataset)


def test_a_ged_row_is_an_incident_with_its_total_and_its_sides() -> None:
    dataset = read_export("ged", GED).dataset
    claims = {c.id: c for c in dataset.claims if c.event == "ged:336685"}
    assert sorted(claims) == ["ged-336685-a", "ged-336685-b", "ged-336685-best",
                              "ged-336685-civilians", "ged-336685-dyad",
                              "ged-336685-unknown"]  # fmt: skip
    total = claims["ged-336685-best"]
    assert total.quantity is not None
    assert (total.quantity.low, total.quantity.high, total.exhaustive) == (52, 52, True)
    assert total.patient is None  # everyone
    assert claims["ged-336685-a"].patient == "government-of-syria"
    assert claims["ged-336685-a"].total == total.id
    assert claims["ged-336685-dyad"].predicate == "clashed"
    place = dataset.place(total.place or "")
    assert (place.name, place.precision_km, dataset.is_within(place.id, "syria")) == (
        "Al Atarib town", 25.0, True)  # fmt: skip
    assert total.when is not None
    assert (total.when.start, total.when.end) == (datetime.date(2020, 2, 11),) * 2


def test_a_sides_deaths_carry_the_uncertainty_of_the_total() -> None:
    """GED gives the sides' deaths for its best estimate only: a side's figure spans what low
    and high allow."""
    (row,) = [r for r in rows_of(GED) if r["id"] == "308867"]
    assert (row["low"], row["best"], row["high"]) == ("2", "2", "3")
    dataset = read_export("ged", GED).dataset
    part = dataset.claim("ged-308867-civilians")
    assert part.quantity is not None
    assert (part.quantity.low, part.quantity.high) == (1, 2)


def test_an_inconsistent_ged_row_imports_and_its_rule_says_what_does_not_add_up() -> None:
    """Six rows of the sample give a best outside low–high: imported, and found by
    quantity.parts-exceed-total (the sides make best)."""
    findings = check(read_export("ged", GED).dataset, select=["QTY003"])
    assert len(findings) == 6
    assert all(f.claims[0].report.startswith("ged-") for f in findings)


# -- bad rows ----------------------------------------------------------------------------------


def broken(tmp_path: Path, column: str, value: str, line: int = 2) -> str:
    rows = rows_of(GED)[:3]
    rows[line - 2][column] = value
    with pytest.raises(DatasetError) as raised:
        read_export("ged", write_rows(tmp_path / "ged.csv", rows))
    (problem,) = raised.value.problems
    return str(problem)


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("date_start", "03/01/2013", "expected a date such as 2020-02-11, found the string "
         "'03/01/2013'"),
        ("date_end", "2012-01-01", "expected a day on or after date_start"),
        ("deaths_a", "two", "expected a whole number, found the string 'two'"),
        ("deaths_b", "-1", "expected a whole number of at least 0"),
        ("where_prec", "9", "expected a precision grade from 1 to 7"),
        ("type_of_violence", "4", "expected 1, 2 or 3"),
        ("latitude", "95", "expected degrees between -90 and 90"),
        ("side_a", "", "expected the name of side A, found nothing"),
        ("id", "", "expected the event's id, found nothing"),
    ],
)  # fmt: skip
def test_a_bad_value_is_one_line_with_file_line_and_column(
    tmp_path: Path, column: str, value: str, message: str
) -> None:
    line = broken(tmp_path, column, value)
    assert line.startswith(f"{tmp_path / 'ged.csv'}: line 2")
    assert f".{column}: " in line
    assert message in line
    assert "\n" not in line


def test_skip_invalid_leaves_the_bad_rows_out_and_lists_them(tmp_path: Path) -> None:
    rows = rows_of(GED)[:5]
    rows[1]["best"], rows[3]["date_start"] = "many", "soon"
    imported = read_export("ged", write_rows(tmp_path / "g.csv", rows), skip_invalid=True)
    assert (imported.rows, imported.skipped_rows, len(imported.dataset.reports)) == (5, 2, 3)
    assert [p.path.split(" ")[0:2] for p in imported.skipped] == [["line", "3"], ["line", "5"]]
    assert not any(c.report == f"ged-{rows[1]['id']}" for c in imported.dataset.claims)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"id,year\n1,2020\n", "line 1: expected the columns type_of_violence, side_a"),
        (b"", "line 1: expected the columns id, type_of_violence"),
        (b"\xff\xfe\x00i", "expected UTF-8 text, found undecodable bytes"),
    ],
)
def test_a_file_that_is_no_ged_export_is_one_line(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(content)
    with pytest.raises(DatasetError) as raised:
        read_export("ged", path)
    assert len(raised.value.problems) == 1
    assert message in str(raised.value.problems[0])


def test_a_row_with_too_many_cells_is_one_line(tmp_path: Path) -> None:
    text = GED.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "g.csv"
    path.write_text("\n".join([text[0], text[1] + ",extra", text[2]]) + "\n", encoding="utf-8")
    with pytest.raises(DatasetError) as raised:
        read_export("ged", path)
    assert f"line 2 ({text[1].split(',')[0]}): expected 49 cells as the header has, found more" in (
        str(raised.value))  # fmt: skip


def test_a_missing_export_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(DatasetError) as raised:
        read_export("ged", tmp_path / "none.csv")
    assert str(raised.value).endswith("expected a CSV export, found nothing (check the path)")


# -- ACLED ---------------------------------------------------------------------------------------


def test_every_row_of_the_acled_layout_file_imports() -> None:
    imported = read_export("acled", ACLED)
    assert (imported.rows, imported.skipped_rows) == (28, 0)
    assert imported.silent_rows == 7  # protests and strategic developments without deaths
    assert len(imported.dataset.reports) == 21


def test_acled_fatalities_are_a_conservative_count() -> None:
    dataset = read_export("acled", ACLED).dataset
    claim = next(c for c in dataset.claims if c.id.startswith("acled-SYR52703-")
                 and c.predicate == "killed")  # fmt: skip
    assert claim.quantity is not None
    assert (claim.quantity.low, claim.quantity.high) == (71, float("inf"))
    assert claim.patient is None
    battle = next(c for c in dataset.claims if c.id.startswith("acled-SYR52703-")
                  and c.predicate == "clashed")  # fmt: skip
    assert battle.agents == ("military-forces-of-syria-2000",)


def acled_row(**values: str) -> dict[str, str]:
    row = dict(rows_of(ACLED)[1])
    row.update(values)
    return row


@pytest.mark.parametrize(
    ("values", "start", "end"),
    [
        ({"time_precision": "1"}, "2019-03-20", "2019-03-20"),
        ({"time_precision": "2"}, "2019-03-17", "2019-03-23"),
        ({"time_precision": "3"}, "2019-03-01", "2019-03-31"),
        ({"event_date": "20 March 2019"}, "2019-03-20", "2019-03-20"),
    ],
)
def test_acled_dates_become_spans_from_their_precision(
    tmp_path: Path, values: dict[str, str], start: str, end: str
) -> None:
    path = write_rows(tmp_path / "a.csv", [acled_row(**values)])
    (claim, *_) = read_export("acled", path).dataset.claims
    assert claim.when is not None
    assert (claim.when.start.isoformat(), claim.when.end.isoformat()) == (start, end)


def test_acled_geo_precision_3_places_the_event_in_its_province(tmp_path: Path) -> None:
    path = write_rows(tmp_path / "a.csv", [acled_row(geo_precision="3")])
    dataset = read_export("acled", path).dataset
    (claim, *_) = dataset.claims
    assert claim.place is not None
    assert dataset.place(claim.place).name == "Idleb"


def test_an_acled_row_with_a_bad_value_is_one_line(tmp_path: Path) -> None:
    rows = [acled_row(), acled_row(event_id_cnty="SYR2", fatalities="a few")]
    path = write_rows(tmp_path / "a.csv", rows)
    with pytest.raises(DatasetError) as raised:
        read_export("acled", path)
    assert str(raised.value) == (f"{path}: line 3 (SYR2).fatalities: expected a whole "
                                 "number, found the string 'a few'")  # fmt: skip


def test_the_layout_is_told_by_the_header(tmp_path: Path) -> None:
    (tmp_path / "x.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    assert (layout_of(GED), layout_of(ACLED), layout_of(tmp_path / "x.csv")) == (
        "ged", "acled", None)  # fmt: skip


# -- laws ------------------------------------------------------------------------------------


@st.composite
def ged_rows(draw: st.DrawFn) -> list[dict[str, str]]:
    """Small GED exports: a few sides, places and sources, deaths that make best."""
    count = draw(st.integers(1, 6))
    rows = []
    for number in range(count):
        deaths = draw(st.lists(st.integers(0, 40), min_size=4, max_size=4))
        side_b = draw(st.sampled_from(["Syrian insurgents", "IS", "Civilians"]))
        if side_b == "Civilians":  # one-sided violence: GED counts the victims as civilians
            deaths[1] = 0
        best = sum(deaths)
        low = draw(st.integers(0, best))
        high = best + draw(st.integers(0, 10))
        start = datetime.date(2020, 1, 1) + datetime.timedelta(days=draw(st.integers(0, 60)))
        end = start + datetime.timedelta(days=draw(st.integers(0, 3)))
        prec = draw(st.sampled_from(["1", "2", "3", "4", "6"]))
        village = draw(st.sampled_from(["Kafr Nabl village", "Binnish town", "Maar Tesin village"]))
        row = dict.fromkeys(GED_COLUMNS, "")
        row.update({
            "id": str(1000 + number),
            "type_of_violence": "3" if side_b == "Civilians" else draw(st.sampled_from("12")),
            "side_a": "Government of Syria", "side_b": side_b,
            "date_start": start.isoformat(), "date_end": end.isoformat(),
            "where_prec": prec, "country": "Syria", "adm_1": "Idlib governorate",
            "adm_2": draw(st.sampled_from(["", "Ariha district"])),
            "where_coordinates": village, "latitude": "35.6", "longitude": "36.6",
            "deaths_a": str(deaths[0]), "deaths_b": str(deaths[1]),
            "deaths_civilians": str(deaths[2]), "deaths_unknown": str(deaths[3]),
            "best": str(best), "low": str(low), "high": str(high),
            "source_original": draw(st.sampled_from(
                ["SOHR", "Syrian Observatory for Human Rights", "SOHR, Airwars", "VDC; SOHR", ""])),
        })  # fmt: skip
        rows.append(row)
    return rows


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ged_rows())
def test_an_import_loads_back_as_itself_from_the_bulk_format(
    tmp_path_factory: pytest.TempPathFactory, rows: list[dict[str, str]]
) -> None:
    """import ∘ dump_bulk ∘ load_bulk is the import."""
    folder = tmp_path_factory.mktemp("ged")
    dataset = read_export("ged", write_rows(folder / "g.csv", rows)).dataset
    dump_bulk(dataset, folder / "bulk")
    assert load_bulk(folder / "bulk") == dataset


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ged_rows(), st.randoms(use_true_random=False))
def test_the_findings_of_an_import_do_not_depend_on_the_order_of_its_rows(
    tmp_path_factory: pytest.TempPathFactory, rows: list[dict[str, str]], random: object
) -> None:
    folder = tmp_path_factory.mktemp("ged")
    shuffled = list(rows)
    random.shuffle(shuffled)  # type: ignore[attr-defined]
    first = read_export("ged", write_rows(folder / "a.csv", rows)).dataset
    second = read_export("ged", write_rows(folder / "b.csv", shuffled)).dataset
    assert check(first, preview=True) == check(second, preview=True)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ged_rows())
def test_an_imported_event_agrees_with_itself(
    tmp_path_factory: pytest.TempPathFactory, rows: list[dict[str, str]]
) -> None:
    """Consistent rows (the sides make best, best within low–high) give no disagreement."""
    folder = tmp_path_factory.mktemp("ged")
    findings = check(read_export("ged", write_rows(folder / "g.csv", rows)).dataset)
    assert [f for f in findings if f.code.startswith(("QTY", "ATT", "DAT", "PLC"))] == []


# -- checked in parts --------------------------------------------------------------------------


def in_parts(layout: str, path: Path, batch: int, window: Window | None = None) -> list[Finding]:
    """The findings of an export checked part by part, merged as `crosscheck run` merges."""
    parts = stream_export(layout, path, batch=batch).parts()
    return merged(check(part, preview=True, window=window) for part in parts)


@pytest.mark.parametrize("window", [None, Window(days=3, km=25.0)])
@pytest.mark.parametrize(("layout", "path"), [("ged", GED), ("acled", ACLED)])
def test_an_export_checked_in_parts_gives_the_findings_of_the_whole(
    layout: str, path: Path, window: Window | None
) -> None:
    """Records of one dataset are events no rule relates, so any split into parts is exact."""
    whole = check(read_export(layout, path).dataset, preview=True, window=window)
    assert whole or layout == "acled"  # the GED sample has its disagreements
    for batch in (3, 250, 5000):
        assert in_parts(layout, path, batch, window) == whole


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ged_rows(), st.integers(1, 4))
def test_any_ged_export_checked_in_parts_gives_the_findings_of_the_whole(
    tmp_path_factory: pytest.TempPathFactory, rows: list[dict[str, str]], batch: int
) -> None:
    path = write_rows(tmp_path_factory.mktemp("ged") / "g.csv", rows)
    assert in_parts("ged", path, batch) == check(read_export("ged", path).dataset, preview=True)


def test_a_streamed_run_keeps_only_what_its_findings_cite() -> None:
    """The same findings, summary and row locations as reading the export whole; its dataset
    holds the cited claims and their reports, and the counts are the whole export's."""
    whole = run_dataset(GED, layout="ged", fail_on=None)
    parts = run_dataset(GED, layout="ged", fail_on=None, stream=True)
    assert parts.review == whole.review
    assert parts.summary() == whole.summary()
    assert (parts.report_count, parts.claim_count) == (1000, 5840)
    cited = {claim.id for finding in parts.review.active for claim in finding.claims}
    assert {claim.id for claim in parts.dataset.claims} == cited

    def rows(run: Run) -> dict[str, str | None]:
        return {c.id: run.where(c) for finding in run.review.active for c in finding.claims}

    assert rows(parts) == rows(whole)


def test_a_streamed_export_leaves_out_the_rows_it_skips(tmp_path: Path) -> None:
    rows = rows_of(GED)[:20]
    rows[3]["best"] = "many"
    path = write_rows(tmp_path / "g.csv", rows)
    streamed = stream_export("ged", path, skip_invalid=True, batch=6)
    assert (streamed.rows, streamed.skipped_rows, streamed.reports) == (20, 1, 19)
    assert [len(part.reports) for part in streamed.parts()] == [6, 6, 6, 1]
    with pytest.raises(DatasetError, match=r"line 5 \([0-9]+\)\.best: expected a whole number"):
        stream_export("ged", path)


def test_an_export_that_changes_while_it_is_checked_is_one_line(tmp_path: Path) -> None:
    rows = rows_of(GED)[:10]
    path = write_rows(tmp_path / "g.csv", rows)
    streamed = stream_export("ged", path, batch=4)
    rows[6]["side_b"] = "A side named nowhere before"
    write_rows(path, rows)
    with pytest.raises(DatasetError) as raised:
        list(streamed.parts())
    assert str(raised.value).splitlines() == [
        f"{path}: line 8: expected the export to stay as it was while it is checked, found it "
        "changed (check it again)"
    ]


def test_a_streamed_export_comes_in_parts_of_its_batch() -> None:
    """Every claim comes once, in parts of at most `batch` rows (GED's rows have 5 to 7)."""
    streamed = stream_export("ged", GED, batch=100)
    alive = [len(part.claims) for part in streamed.parts()]
    assert sum(alive) == streamed.claims == 5840
    assert max(alive) < 700


# -- the command line --------------------------------------------------------------------------


def test_import_writes_a_dataset_that_runs(tmp_path: Path) -> None:
    runner = CliRunner()
    done = runner.invoke(cli, ["import", "ged", str(GED), "-o", str(tmp_path / "ged")])
    assert done.exit_code == 0, done.output
    assert "1,000 rows, 1,000 incidents, 5,840 claims" in done.output
    ran = runner.invoke(cli, ["run", str(tmp_path / "ged"), "--format", "json"])
    assert ran.exit_code == 1
    assert len(json.loads(ran.stdout)["findings"]) == 10


def test_import_to_toml_gives_the_same_dataset(tmp_path: Path) -> None:
    runner = CliRunner()
    done = runner.invoke(cli, ["import", "acled", str(ACLED), "-o", str(tmp_path / "t"),
                               "--to", "toml"])  # fmt: skip
    assert done.exit_code == 0, done.output
    written = load(tmp_path / "t")
    imported = read_export("acled", ACLED, texts=True).dataset
    assert as_sets(written) == as_sets(imported)


def test_import_writes_nothing_when_a_row_is_bad(tmp_path: Path) -> None:
    rows = rows_of(GED)[:3]
    rows[2]["deaths_b"] = "?"
    path = write_rows(tmp_path / "g.csv", rows)
    done = CliRunner().invoke(cli, ["import", "ged", str(path), "-o", str(tmp_path / "out")])
    assert done.exit_code == 2
    assert done.stderr.splitlines() == [
        f"{path}: line 4 ({rows[2]['id']}).deaths_b: expected a whole number, found the string '?'",
        f"1 problem in {path}; nothing imported (add --skip-invalid to leave those rows out)",
    ]
    assert not (tmp_path / "out").exists()
    skipped = CliRunner().invoke(cli, ["import", "ged", str(path), "-o", str(tmp_path / "out"),
                                       "--skip-invalid"])  # fmt: skip
    assert skipped.exit_code == 0
    assert "1 rows skipped" in skipped.stderr or "1 row" in skipped.stderr
    assert len(load(tmp_path / "out").reports) == 2


def test_import_refuses_a_published_day_before_an_event(tmp_path: Path) -> None:
    done = CliRunner().invoke(cli, ["import", "ged", str(GED), "-o", str(tmp_path / "o"),
                                    "--published", "2000-01-01"])  # fmt: skip
    assert done.exit_code == 2
    assert "expected a day on or before the publication 2000-01-01" in done.stderr


def test_run_from_an_export_points_at_its_rows() -> None:
    done = CliRunner().invoke(cli, ["run", "--from", "ged", str(GED), "--select", "QTY003"])
    assert done.exit_code == 1
    line = next(row for row in rows_of_numbered(GED) if row[1]["id"] == "192827")[0]
    assert f"{GED}:{line}" in done.stdout


def rows_of_numbered(path: Path) -> list[tuple[int, dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        found: list[tuple[int, dict[str, str]]] = []
        while True:
            start = reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                return found
            found.append((start, row))


def test_run_from_needs_a_path() -> None:
    done = CliRunner().invoke(cli, ["run", "--from", "ged"])
    assert done.exit_code == 2
    assert "--from ged reads the export named by PATH" in done.stderr


def test_the_ged_text_quotes_every_claim() -> None:
    """With texts (the curated format), each claim's quote is a line of its report's text."""
    dataset = read_export("ged", GED, texts=True).dataset
    texts = {r.id: r.text for r in dataset.reports}
    assert all(c.quote in texts[c.report].splitlines() for c in dataset.claims)
    assert io.StringIO(texts["ged-336685"]).readline().startswith("id: 336685")


# -- what a new user's own exports held --------------------------------------------------------


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"event_id_cnty": "x/../../ESCAPED"}, "event_id_cnty: expected an id of letters, digits"),
        ({"event_id_cnty": "SYR 1"}, "event_id_cnty: expected an id of letters, digits"),
        ({"fatalities": "1_000"}, "fatalities: expected a whole number, found the string '1_000'"),
        ({"fatalities": "\u0663"}, "fatalities: expected a whole number"),
        ({"fatalities": "1234567890123456"}, "expected a whole number below a billion"),
        ({"event_date": "June 2020"}, "event_date: expected a day such as 2020-06-17"),
        ({"event_date": "03/04/2020"}, "event_date: expected a day such as 2020-06-17"),
        ({"actor1": "..."}, "actor1: expected the name of the first actor, found the string '...'"),
        ({"location": "?"}, "location: expected the name of the place"),
        ({"timestamp": "soon"}, "timestamp: expected a Unix time"),
    ],
)  # fmt: skip
def test_a_value_a_user_wrote_is_one_line(
    tmp_path: Path, values: dict[str, str], message: str
) -> None:
    path = write_rows(tmp_path / "a.csv", [acled_row(**values)])
    with pytest.raises(DatasetError) as raised:
        read_export("acled", path)
    (problem,) = raised.value.problems
    assert str(problem).startswith(f"{path}: line 2")
    assert message in str(problem)


def test_a_ged_date_at_the_end_of_time_is_one_line(tmp_path: Path) -> None:
    assert "expected a day before the year 9999" in broken(tmp_path, "date_end", "9999-12-31")


def test_skip_invalid_skips_a_short_row_a_twice_given_id_and_a_bad_byte(tmp_path: Path) -> None:
    lines = ACLED.read_text(encoding="utf-8").splitlines()
    deadly = next(line for line in lines[4:] if line.rsplit(",", 3)[1] != "0")  # fatalities
    rows = [lines[0], lines[1], lines[2], lines[3].rsplit(",", 3)[0], deadly, deadly]
    path = tmp_path / "a.csv"
    path.write_bytes(("\n".join(rows) + "\n").encode("utf-8").replace(b"Idleb", b"Idl\xe9b", 1))
    twice = deadly.split(",")[0]
    with pytest.raises(DatasetError) as raised:
        read_export("acled", path)
    assert [p.path for p in raised.value.problems] == [
        "line 3 (SYR42535).admin1", f"line 4 ({lines[3].split(',')[0]})",
        f"line 6 ({twice}).event_id_cnty"]  # fmt: skip
    assert [p.message.split(" (")[0] for p in raised.value.problems] == [
        "expected UTF-8 text, found undecodable bytes",
        "expected 31 cells as the header has, found fewer",
        f"expected each event once, found '{twice}' again"]  # fmt: skip
    imported = read_export("acled", path, skip_invalid=True)
    assert (imported.rows, imported.skipped_rows) == (5, 3)


def test_an_export_with_nothing_to_check_is_refused(tmp_path: Path) -> None:
    header = ACLED.read_text(encoding="utf-8").splitlines()[0]
    (tmp_path / "empty.csv").write_text(header + "\n", encoding="utf-8")
    with pytest.raises(DatasetError, match="expected a row with something to check"):
        read_export("acled", tmp_path / "empty.csv")


def test_older_acled_event_types_are_acts(tmp_path: Path) -> None:
    rows = [acled_row(event_type="Battle-No change of territory"),
            acled_row(event_id_cnty="SYR9", event_type="Remote violence")]  # fmt: skip
    dataset = read_export("acled", write_rows(tmp_path / "a.csv", rows)).dataset
    assert sorted(c.predicate for c in dataset.claims if c.predicate != "killed") == [
        "attacked", "clashed"]  # fmt: skip


@pytest.mark.parametrize(
    "cell",
    ["Syrian Observatory for Human Rights, Smart News Agency", "SOHR, Syrian Observatory",
     "SOHR (Syrian Observatory for Human Rights)"],
)  # fmt: skip
def test_sohr_beside_others_after_a_comma_is_still_sohr(cell: str) -> None:
    from crosscheck.imports.common import Builder

    builder = Builder()
    ids = {builder.source(name) for name in origins(cell)}
    assert "sohr" in ids


@pytest.mark.parametrize("format_name", ["text", "json", "markdown", "sarif"])
def test_a_streamed_run_renders_as_the_whole_run(format_name: str) -> None:
    """Every format `run --from` streams for says exactly what reading the export whole says."""
    from crosscheck.render import FORMATS

    whole = run_dataset(GED, layout="ged", fail_on=None)
    parts = run_dataset(GED, layout="ged", fail_on=None, stream=True)
    assert FORMATS[format_name](parts, False) == FORMATS[format_name](whole, False)
