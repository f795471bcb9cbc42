"""Writing survives what real machines do to it: a process killed midway, a disk that fills.

The kills are real (SIGKILL to a `crosscheck convert` in its own process, at several points of
its work); the full disk is a real one (a small tmpfs, which needs root to mount: the tests
that need it are skipped otherwise). Whatever the moment, the target is the old dataset or the
new one, never a mix, and nothing crosscheck made is left behind.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

from crosscheck import Dataset, load
from crosscheck.loading import dump, dump_bulk


def _copies(dataset: Dataset, times: int) -> Dataset:
    """`dataset` with its reports and claims repeated `times` times under new ids."""
    reports, claims = [], []
    for n in range(times):
        reports += [attrs.evolve(r, id=f"{r.id}-{n}", text_file="") for r in dataset.reports]
        claims += [
            attrs.evolve(
                c,
                id=f"{c.id}-{n}",
                report=f"{c.report}-{n}",
                total=None if c.total is None else f"{c.total}-{n}",
                event=None if c.event is None else f"{c.event}-{n}",
            )
            for c in dataset.claims
        ]
    return attrs.evolve(dataset, reports=reports, claims=claims, accepted=())


def _contents(dataset: Dataset) -> tuple[object, ...]:
    """What a dataset holds, whatever order its format keeps it in."""
    return tuple(sorted(items, key=lambda item: item.id) for items in
                 (dataset.reports, dataset.claims, dataset.actors, dataset.places))  # fmt: skip


def _crosscheck(*args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "crosscheck", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip


def _ours(folder: Path) -> list[str]:
    """What crosscheck left in `folder` besides the datasets: its temporary files and folders,
    all hidden (``.target.crosscheck-new-…``, ``.findings.json.…``)."""
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, tuple[object, ...]]:
    """A bulk dataset of 600 reports (4,200 claims): converting it to TOML writes 1,202 files."""
    mini = load(Path(__file__).parent / "data" / "mini")
    dataset = _copies(mini, 300)
    folder = tmp_path_factory.mktemp("big") / "bulk"
    dump_bulk(dataset, folder)
    return folder, _contents(load(folder))


@pytest.mark.parametrize("files_written", [0, 1, 300, 900])
def test_a_killed_convert_leaves_the_old_dataset_or_the_new_one(
    big: tuple[Path, tuple[object, ...]], mini: Path, tmp_path: Path, files_written: int
) -> None:
    """Killed once the new folder holds `files_written` files, `convert --force` has changed
    nothing or everything; the next run cleans up what the killed one left."""
    source, new = big
    target = tmp_path / "target"
    dump(load(mini), target)
    old = _contents(load(target))
    process = _crosscheck("convert", str(source), str(target), "--to", "toml", "--force")
    deadline = time.monotonic() + 60
    while process.poll() is None and time.monotonic() < deadline:
        building = [p for p in tmp_path.iterdir() if ".crosscheck-new-" in p.name]
        if building and _files_in(building[0]) >= files_written:
            break
        time.sleep(0.002)
    with contextlib.suppress(ProcessLookupError):
        process.send_signal(signal.SIGKILL)
    process.communicate()
    assert process.returncode in (-signal.SIGKILL, 0)  # killed midway (or, rarely, just done)
    assert _contents(load(target)) in (old, new)
    again = _crosscheck("convert", str(source), str(target), "--to", "toml", "--force")
    _, err = again.communicate()
    assert again.returncode == 0, err
    assert _contents(load(target)) == new
    assert _ours(tmp_path) == []


def _files_in(folder: Path) -> int:
    """How many files and folders `folder` holds now; 0 when the convert has just renamed it
    into place while it was being walked."""
    try:
        return sum(1 for _ in folder.rglob("*"))
    except FileNotFoundError:
        return 0


@contextlib.contextmanager
def _small_disk(folder: Path, size: str) -> Iterator[Path]:
    """A tmpfs of `size` mounted at `folder` (root only), unmounted afterwards."""
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs",
                              str(folder)], capture_output=True, check=False)  # fmt: skip
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)


def test_a_convert_onto_a_full_disk_changes_nothing(
    big: tuple[Path, tuple[object, ...]], mini: Path, tmp_path: Path
) -> None:
    source, _ = big
    with _small_disk(tmp_path / "disk", "96k") as disk:
        target = disk / "target"
        dump(load(mini), target)
        old = _contents(load(target))
        process = _crosscheck("convert", str(source), str(target), "--to", "toml", "--force")
        _, err = process.communicate()
        lines = err.decode().splitlines()
        assert process.returncode == 2
        assert len(lines) == 1
        assert "No space left on device (nothing was changed)" in lines[0]
        assert _contents(load(target)) == old
        assert _ours(disk) == []


def test_an_output_onto_a_full_disk_keeps_the_old_file(mini: Path, tmp_path: Path) -> None:
    with _small_disk(tmp_path / "disk", "16k") as disk:
        output = disk / "findings.json"
        output.write_text("the old findings\n", encoding="utf-8")
        filler = disk / "filler"
        with contextlib.suppress(OSError), filler.open("wb") as stream:
            while True:
                stream.write(b"x" * 512)
                stream.flush()
        process = _crosscheck("run", str(mini), "--format", "json", "-o", str(output))
        _, err = process.communicate()
        lines = err.decode().splitlines()
        assert process.returncode == 2
        assert lines == [f"crosscheck run: error: cannot write {output}: No space left on device"]
        assert output.read_text(encoding="utf-8") == "the old findings\n"
        assert _ours(disk) == []
