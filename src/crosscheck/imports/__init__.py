"""Coded conflict-event datasets as crosscheck datasets: UCDP GED and ACLED-layout exports.

    from crosscheck.imports import read_export

    imported = read_export("ged", "ged231.csv")
    findings = crosscheck.check(imported.dataset)

Each importer reads its CSV a row at a time and builds the dataset directly; `crosscheck
import` writes it in either format. `crosscheck run --from` checks it without writing, and
without holding it whole: `stream_export` reads it once to check every row and make its actors
and places, then again in parts of a few thousand rows, each checked on its own.
docs/import.md maps every column.
"""

from __future__ import annotations

import csv
import datetime
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Final, TypeVar

from crosscheck.imports import acled, ged
from crosscheck.imports.acled import read_acled
from crosscheck.imports.common import (
    BATCH,
    KNOWN_SOURCES,
    Imported,
    Layout,
    Streamed,
    origins,
    stream,
)
from crosscheck.imports.ged import read_ged

__all__ = [
    "BATCH",
    "EXPORTS",
    "KNOWN_SOURCES",
    "Imported",
    "Streamed",
    "layout_of",
    "origins",
    "read_export",
    "stream_export",
]

Reader = Callable[..., Imported]
_T = TypeVar("_T")

EXPORTS: Final[Mapping[str, Reader]] = {"ged": read_ged, "acled": read_acled}
"""The export layouts crosscheck reads, by the name `--from` and `crosscheck import` take."""

_LAYOUTS: Final[Mapping[str, Layout]] = {"ged": ged.LAYOUT, "acled": acled.LAYOUT}
"""The same layouts, as `stream` reads them."""


def _named(layout: str, table: Mapping[str, _T]) -> _T:
    """What `table` holds for the layout named `layout`, or a `ValueError` naming them all."""
    try:
        return table[layout]
    except KeyError:
        raise ValueError(f"expected one of {', '.join(table)}, found {layout!r}") from None


def read_export(
    layout: str,
    path: str | Path,
    *,
    skip_invalid: bool = False,
    published: datetime.date | None = None,
    texts: bool = False,
) -> Imported:
    """The export at `path`, in `layout` ("ged", "acled"), as a dataset (see each reader)."""
    reader = _named(layout, EXPORTS)
    return reader(path, skip_invalid=skip_invalid, published=published, texts=texts)


def stream_export(
    layout: str,
    path: str | Path,
    *,
    skip_invalid: bool = False,
    published: datetime.date | None = None,
    batch: int = BATCH,
) -> Streamed:
    """The export at `path`, in `layout`, checked row by row and ready to be read in parts of
    `batch` rows (`Streamed.parts`): what `crosscheck run --from` checks, in little memory."""
    return stream(Path(path), _named(layout, _LAYOUTS), skip_invalid=skip_invalid,
                  batch=batch, published=published, texts=False)  # fmt: skip


def layout_of(path: str | Path) -> str | None:
    """The layout of the CSV export at `path`, told by its header ("ged" has GED's columns,
    "acled" ACLED's), or None when it is neither (or cannot be read)."""
    try:
        with Path(path).open(encoding="utf-8-sig", newline="") as stream:
            header = set(next(csv.reader([stream.readline()]), []))
    except (OSError, UnicodeDecodeError):
        return None
    for name, required in (("ged", ged.REQUIRED), ("acled", acled.REQUIRED)):
        if set(required) <= header:
            return name
    return None
