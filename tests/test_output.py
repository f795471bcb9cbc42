"""Atomic writes through symlinks: every writer keeps a symlinked file a symlink."""

from __future__ import annotations

from pathlib import Path

from crosscheck import dump, load
from crosscheck.output import write_atomically


def test_a_symlink_is_written_through_and_stays_a_symlink(tmp_path: Path) -> None:
    real = tmp_path / "elsewhere" / "accepted.toml"
    real.parent.mkdir()
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "accepted.toml"
    link.symlink_to(real)
    write_atomically(link, b"new")
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "new"
    assert not list(real.parent.glob(".accepted.toml.*"))  # no temporary file left behind


def test_dumping_over_a_symlinked_report_keeps_the_link(mini: Path, tmp_path: Path) -> None:
    dataset = load(mini)
    target = tmp_path / "copy"
    dump(dataset, target)
    report = next((target / "reports").glob("*.toml"))
    kept = tmp_path / "kept.toml"
    report.rename(kept)
    report.symlink_to(kept)
    dump(dataset, target)
    assert report.is_symlink()
    assert load(target) == dataset
