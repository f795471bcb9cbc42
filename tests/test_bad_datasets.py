"""Every deliberately broken dataset in tests/bad/ yields its expected error lines and exit 2.

Each case folder holds only what differs from tests/bad/_base/ (a valid dataset): files that
replace the base's, a DELETE file naming base files to remove, and expected.txt with the exact
lines `crosscheck show dataset` must print on standard error.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from crosscheck import DatasetError, load
from crosscheck.cli import cli

BAD = Path(__file__).parent / "bad"
CASES = sorted(p.name for p in BAD.iterdir() if p.is_dir() and not p.name.startswith("_"))


def build(case: str, where: Path) -> Path:
    """Lay out case `case` over the base dataset in `where`/dataset."""
    dataset = where / "dataset"
    shutil.copytree(BAD / "_base", dataset)
    for path in (BAD / case).rglob("*"):
        relative = path.relative_to(BAD / case)
        if path.name == "DELETE":
            for name in path.read_text().split():
                (dataset / name).unlink()
        elif path.is_file() and path.name != "expected.txt":
            (dataset / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, dataset / relative)
    return dataset


def test_the_base_dataset_is_valid() -> None:
    """The base every case modifies loads without problems, so each case's errors are its own."""
    dataset = load(BAD / "_base")
    assert len(dataset.claims) == 2


@pytest.mark.parametrize("case", CASES)
def test_broken_dataset_prints_its_expected_lines_and_exits_2(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`crosscheck show` prints each problem as one line, then a summary, and exits 2."""
    build(case, tmp_path)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["show", "dataset"])
    expected = (BAD / case / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == expected
    assert "Traceback" not in result.output


@pytest.mark.parametrize("case", CASES)
def test_broken_dataset_raises_dataset_error_with_every_problem(case: str, tmp_path: Path) -> None:
    """`load` raises one DatasetError listing all the problems, not only the first."""
    dataset = build(case, tmp_path)
    with pytest.raises(DatasetError) as caught:
        load(dataset)
    expected = (BAD / case / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert len(caught.value.problems) == len(expected) - 1
    assert all("\n" not in str(problem) for problem in caught.value.problems)
