"""`crosscheck convert` writes the whole dataset or nothing, and never over what it must not."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from crosscheck import load
from crosscheck.bulk import MANIFEST
from crosscheck.cli import cli
from crosscheck.output import replace_folder


def convert(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["convert", *args])
    return result.exit_code, result.output + result.stderr


def test_a_conversion_into_a_new_folder_is_the_same_dataset(mini: Path, tmp_path: Path) -> None:
    code, _ = convert(str(mini), str(tmp_path / "bulk"))
    assert code == 0
    assert (tmp_path / "bulk" / MANIFEST).is_file()
    assert load(tmp_path / "bulk") == load(mini)
    assert [p.name for p in tmp_path.iterdir()] == ["bulk"]  # nothing left beside it


def test_a_folder_is_never_converted_onto_itself(mini: Path, tmp_path: Path) -> None:
    code, output = convert(str(mini), str(mini) + "/")
    assert code == 2
    assert "found SOURCE itself" in output


def test_an_existing_dataset_is_replaced_only_with_force(mini: Path, tmp_path: Path) -> None:
    target = tmp_path / "bulk"
    assert convert(str(mini), str(target))[0] == 0
    code, output = convert(str(mini), str(target))
    assert code == 2
    assert "found a dataset (add --force" in output
    assert convert(str(mini), str(target), "--force")[0] == 0
    assert load(target) == load(mini)


def test_a_folder_of_other_files_is_replaced_only_with_force(mini: Path, tmp_path: Path) -> None:
    target = tmp_path / "notes"
    target.mkdir()
    (target / "keep.txt").write_text("mine", encoding="utf-8")
    code, output = convert(str(mini), str(target))
    assert code == 2
    assert "found other files" in output
    assert (target / "keep.txt").read_text(encoding="utf-8") == "mine"


def test_a_failure_midway_leaves_the_target_as_it_was(tmp_path: Path) -> None:
    target = tmp_path / "data"
    target.mkdir()
    (target / "old.txt").write_text("old", encoding="utf-8")

    def half(folder: Path) -> None:
        (folder / "new.txt").write_text("new", encoding="utf-8")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space left"):
        replace_folder(target, half)
    assert [p.name for p in target.iterdir()] == ["old.txt"]
    assert [p.name for p in tmp_path.iterdir()] == ["data"]  # the half-built folder is gone


def test_what_a_killed_run_left_is_cleaned_up_and_the_old_folder_restored(
    tmp_path: Path,
) -> None:
    """Killed between its two renames, a run leaves the old folder aside and the new one
    half-built; the next run puts the old one back before it starts."""
    target = tmp_path / "data"
    aside = tmp_path / ".data.crosscheck-old-x1"
    (aside / "data").mkdir(parents=True)
    (aside / "data" / "old.txt").write_text("old", encoding="utf-8")
    (tmp_path / ".data.crosscheck-new-x2").mkdir()
    seen: list[str] = []

    def write(folder: Path) -> None:
        seen.extend(p.name for p in target.iterdir())
        (folder / "new.txt").write_text("new", encoding="utf-8")

    replace_folder(target, write)
    assert seen == ["old.txt"]  # restored before the new one was written
    assert [p.name for p in target.iterdir()] == ["new.txt"]
    assert [p.name for p in tmp_path.iterdir()] == ["data"]


def test_a_symlinked_target_folder_stays_a_symlink(mini: Path, tmp_path: Path) -> None:
    real = tmp_path / "real"
    link = tmp_path / "link"
    link.symlink_to(real, target_is_directory=True)
    assert convert(str(mini), str(link))[0] == 0
    assert link.is_symlink()
    assert (real / MANIFEST).is_file()
