"""The bulk JSON Lines format: the same datasets, the same checks, one line per problem."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings

from crosscheck import Dataset, DatasetError, check, dump, load
from crosscheck.bulk import MANIFEST, dump_bulk
from crosscheck.cli import cli
from crosscheck.testing import datasets


def test_a_dataset_survives_the_bulk_format(mini: Path, tmp_path: Path) -> None:
    """TOML → bulk → loaded gives the same dataset, and so the same findings."""
    dataset = load(mini)
    dump_bulk(dataset, tmp_path / "bulk")
    assert (tmp_path / "bulk" / MANIFEST).is_file()
    again = load(tmp_path / "bulk")
    assert again == dataset
    assert check(again) == check(dataset)


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(dataset=datasets())
def test_load_dump_bulk_is_identity_on_generated_datasets(dataset: Dataset, tmp_path: Path) -> None:
    """For any valid dataset, loading its bulk form gives it back."""
    target = tmp_path / f"b{abs(hash(dataset))}"
    dump_bulk(dataset, target)
    assert load(target) == dataset


def bulk_copy(mini: Path, tmp_path: Path) -> Path:
    target = tmp_path / "bulk"
    dump_bulk(load(mini), target)
    return target


def test_every_problem_in_a_bulk_file_is_one_line_with_its_line_number(
    mini: Path, tmp_path: Path
) -> None:
    """Bad JSON, an unknown report, a bad date: each reported with file and line (and a claim's
    id)."""
    root = bulk_copy(mini, tmp_path)
    claims = (root / "claims.jsonl").read_text().splitlines()
    broken = json.loads(claims[1])
    broken["report"] = "reuters-2020-02-07"
    claims[1] = json.dumps(broken)
    claims[2] = "{not json"
    (root / "claims.jsonl").write_text("\n".join(claims) + "\n")
    reports = [json.loads(line) for line in (root / "reports.jsonl").read_text().splitlines()]
    reports[0]["published"] = "6 Feb 2020"
    (root / "reports.jsonl").write_text("\n".join(json.dumps(r) for r in reports) + "\n")
    with pytest.raises(DatasetError) as caught:
        load(root)
    lines = [str(problem) for problem in caught.value.problems]
    assert any(
        line.startswith(
            f"{root / 'claims.jsonl'}: line 2 ({broken['id']}).report: expected the id of a report"
        )
        and "did you mean 'reuters-2020-02-06'?" in line
        for line in lines
    )
    assert any(f"{root / 'claims.jsonl'}: line 3: expected a JSON object" in ln for ln in lines)
    assert any(
        line.startswith(f"{root / 'reports.jsonl'}: line 1.published: expected a date")
        for line in lines
    )
    assert all("\n" not in line for line in lines)


def test_a_manifest_of_another_version_is_refused(mini: Path, tmp_path: Path) -> None:
    """A bulk folder written by a future version says so instead of being misread."""
    root = bulk_copy(mini, tmp_path)
    (root / MANIFEST).write_text('{"format": "crosscheck-bulk", "version": 2}')
    with pytest.raises(DatasetError, match="this crosscheck reads version 1"):
        load(root)


def test_reports_without_text_leave_quotes_unchecked(mini: Path, tmp_path: Path) -> None:
    """A bulk report may omit its text; its claims still load."""
    root = bulk_copy(mini, tmp_path)
    reports = [json.loads(line) for line in (root / "reports.jsonl").read_text().splitlines()]
    for report in reports:
        report.pop("text")
    (root / "reports.jsonl").write_text("\n".join(json.dumps(r) for r in reports) + "\n")
    assert len(load(root).claims) == len(load(mini).claims)


def test_loading_reports_progress_to_the_end(mini: Path, tmp_path: Path) -> None:
    """The progress callback ends at the claims file's size."""
    root = bulk_copy(mini, tmp_path)
    seen: list[tuple[int, int]] = []
    load(root, lambda done, total: seen.append((done, total)))
    size = (root / "claims.jsonl").stat().st_size
    assert seen[-1] == (size, size)


def test_convert_goes_both_ways(mini: Path, tmp_path: Path) -> None:
    """`crosscheck convert` writes the other format, and `run` reads either."""
    runner = CliRunner()
    assert runner.invoke(cli, ["convert", str(mini), str(tmp_path / "b")]).exit_code == 0
    assert runner.invoke(cli, ["convert", str(tmp_path / "b"), str(tmp_path / "t")]).exit_code == 0
    assert load(tmp_path / "t") == load(mini)
    result = runner.invoke(cli, ["run", str(tmp_path / "b"), "--format", "json"])
    assert json.loads(result.output)["summary"]["claims"] == len(load(mini).claims)


def test_convert_of_a_broken_dataset_writes_nothing(mini: Path, tmp_path: Path) -> None:
    """Bad input exits 2 and leaves the target untouched."""
    dump(load(mini), tmp_path / "src")
    (tmp_path / "src" / "places.toml").write_text("[[places]]\nid = 1\n")
    result = CliRunner().invoke(cli, ["convert", str(tmp_path / "src"), str(tmp_path / "out")])
    assert result.exit_code == 2
    assert not (tmp_path / "out").exists()


def test_convert_into_a_file_is_refused(mini: Path, tmp_path: Path) -> None:
    """The target must be a folder."""
    (tmp_path / "file").write_text("")
    result = CliRunner().invoke(cli, ["convert", str(mini), str(tmp_path / "file")])
    assert result.exit_code == 2
    assert "expected a folder to write into" in result.stderr


def test_findings_point_at_the_claims_line_in_a_bulk_file(mini: Path, tmp_path: Path) -> None:
    """Text output of a bulk dataset gives claims.jsonl:LINE for each cited claim."""
    root = bulk_copy(mini, tmp_path)
    result = CliRunner().invoke(cli, ["run", str(root)])
    assert f"({root / 'claims.jsonl'}:2)" in result.stdout


def test_claims_loaded_from_bulk_files_share_what_they_repeat(mini: Path, tmp_path: Path) -> None:
    """A million claims naming one place or source hold one copy of its id."""
    dump_bulk(load(mini), tmp_path / "bulk")
    dataset = load(tmp_path / "bulk")
    first: dict[str, str] = {}
    repeats = 0
    for claim in dataset.claims:
        for value in (claim.predicate, claim.source, claim.patient, claim.place, claim.event):
            if value is not None:
                repeats += value in first
                assert first.setdefault(value, value) is value
    assert repeats > 0
