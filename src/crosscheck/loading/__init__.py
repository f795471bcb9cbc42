"""Reading and writing datasets, in either of the two formats, and the one-line errors a
curator sees.

`load` reads a folder in the curated TOML format (`crosscheck.loading.toml`) or, when it holds
a ``crosscheck-bulk.json`` manifest, the bulk JSON Lines format (`crosscheck.loading.jsonl`);
`dump` and `dump_accepted` write back the format a folder holds. The package is laid out by
concern, the way cattrs' ``preconf`` keeps one module per format:

    problems    Problem, DatasetError: the one-line errors, where they point, their order
    files       what stands where a file belongs, looked at before reading it
    schema      the entries both formats share; the one copy of a claim back into them
    converter   the cattrs converter of both formats; Intake, the first pass
    directory   actors and places by every name; references checked against them
    quotes      whether a quote occurs in its text, and the closest passage if not
    checks      Checker, the second pass, on entries (it reads no file)
    assemble    the one skeleton of a load, whatever the format
    toml, jsonl the two formats: their files, their reading, their writing

Atomic writing lives in `crosscheck.output`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

from crosscheck.loading.converter import make_converter
from crosscheck.loading.include import INCLUDE_FILE, included, merge
from crosscheck.loading.jsonl import MANIFEST as BULK_MANIFEST
from crosscheck.loading.jsonl import dump_accepted_bulk, dump_bulk, load_bulk
from crosscheck.loading.problems import DatasetError, Problem
from crosscheck.loading.toml import (
    ACCEPTED_FILE,
    ACTORS_FILE,
    PLACES_FILE,
    REPORTS_DIR,
    dump,
    dump_accepted_toml,
    load_toml,
)
from crosscheck.model import Acceptance, Dataset
from crosscheck.output import write_atomically  # named here in 0.1, kept

__all__ = [
    "ACCEPTED_FILE",
    "ACTORS_FILE",
    "BULK_MANIFEST",
    "PLACES_FILE",
    "REPORTS_DIR",
    "DatasetError",
    "Problem",
    "dump",
    "dump_accepted",
    "dump_bulk",
    "load",
    "make_converter",
    "write_atomically",
]


def load(
    path: str | os.PathLike[str], progress: Callable[[int, int], None] | None = None
) -> Dataset:
    """Load the dataset in folder `path`: curated TOML, or the bulk JSON Lines format when the
    folder holds a ``crosscheck-bulk.json`` manifest.

    `progress(done, total)` is told how far the bulk format's claims have been read, in bytes.
    A ``dataset.toml`` naming other datasets to `include` merges them in
    (`crosscheck.loading.include`). Raises `DatasetError` listing every problem found, each as
    one line ``FILE: PATH-IN-FILE: expected …, found … (hint)``.
    """
    return _with_includes(Path(path), progress, ())


def _with_includes(
    root: Path, progress: Callable[[int, int], None] | None, including: tuple[Path, ...]
) -> Dataset:
    dataset = _load_one(root, progress)
    file = str(root / INCLUDE_FILE)
    for number, other in enumerate(included(root)):
        if other == root.resolve() or other in including:
            chain = " → ".join(str(p) for p in (*including, root.resolve(), other))
            message = f"expected datasets that do not include themselves, found a cycle: {chain}"
            raise DatasetError([Problem(file, f"include[{number}]", message)])
        dataset = merge(dataset, _with_includes(other, None, (*including, root.resolve())), file)
    return dataset


def _load_one(root: Path, progress: Callable[[int, int], None] | None) -> Dataset:
    """One dataset folder, without its includes."""
    if (mixed := _mixed(root)) is not None:
        raise DatasetError([mixed])
    if (root / BULK_MANIFEST).is_file():
        return load_bulk(root, progress)
    if not root.is_dir():
        found = "a file" if root.exists() else "nothing"
        hint = f"a dataset is a folder with {ACTORS_FILE}, {PLACES_FILE} and {REPORTS_DIR}/"
        message = f"expected a dataset folder, found {found} ({hint})"
        raise DatasetError([Problem(str(root), "", message)])
    if (root / "claims.jsonl").exists() and not (root / ACTORS_FILE).exists():
        manifest = '{"format": "crosscheck-bulk", "version": 1}'
        message = (f"expected the bulk format's manifest beside claims.jsonl, found none (save "
                   f"{manifest} as {BULK_MANIFEST})")  # fmt: skip
        raise DatasetError([Problem(str(root / BULK_MANIFEST), "", message)])
    return load_toml(root)


def _mixed(root: Path) -> Problem | None:
    """A folder holding files of both formats: one of them would be silently ignored."""
    bulk = (root / BULK_MANIFEST).is_file()
    stray = ([ACTORS_FILE, PLACES_FILE, REPORTS_DIR, ACCEPTED_FILE] if bulk
             else ["accepted.jsonl"])  # fmt: skip
    found = [name for name in stray if (root / name).exists()]
    if not found or (not bulk and not (root / ACTORS_FILE).exists()):
        return None
    ours, theirs = ("bulk", "TOML") if bulk else ("TOML", "bulk")
    return Problem(str(root / found[0]), "", f"expected the files of one format in a dataset "
                   f"folder, found this {theirs} file in a {ours} dataset (it would be ignored; "
                   "keep one format, or convert into a folder of its own)")  # fmt: skip


def dump_accepted(accepted: Sequence[Acceptance], path: str | os.PathLike[str]) -> None:
    """Write a dataset's accepted findings — accepted.toml, or accepted.jsonl in the bulk
    format — whole or not at all, leaving every other file as it is."""
    if (Path(path) / BULK_MANIFEST).is_file():
        dump_accepted_bulk(accepted, path)
    else:
        dump_accepted_toml(accepted, path)
