"""The bundled example: the curated Syria 2019–2020 dataset of five news reports.

`fixtures/syria-2019-2020/` in the source tree is its single source of truth; a built wheel
carries a copy inside the package (``crosscheck/_data/``), so an installed crosscheck finds it
without the source tree.
"""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path

from crosscheck.loading import load
from crosscheck.model import Dataset

__all__ = ["EXAMPLE", "example_path", "load_example"]

EXAMPLE = "syria-2019-2020"


def example_path() -> Path:
    """The folder of the bundled dataset: inside the installed package, else in the source tree."""
    with as_file(files("crosscheck") / "_data" / EXAMPLE) as bundled:
        if bundled.is_dir():
            return bundled
    source_tree = Path(__file__).resolve().parents[2] / "fixtures" / EXAMPLE
    if source_tree.is_dir():
        return source_tree
    raise FileNotFoundError(f"the bundled dataset {EXAMPLE} is missing from this installation")


def load_example() -> Dataset:
    """Load the bundled Syria 2019–2020 dataset."""
    return load(example_path())
