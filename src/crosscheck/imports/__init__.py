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
from typing import Final

from crosscheck.imports import acled, ged
from crosscheck.imports.acled import read_acled
from crosscheck.imports.common import BATCH, KNOWN_SOURCES, Imported, Streamed, origins, stream
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

EXPORTS: Final[Mapping[str, Reader]] = {"ged": read_ged, "acled": read_acled}
"""The export layouts crosscheck reads, by the name `--from` and `crosscheck import` take."""


def read_export(
    layout: str,
    path: str | Path,
    *,
    skip_invalid: bool = False,
    published: datetime.date | None = None,
    texts: bool = False,
) -> Imported:
    """The export at `path`, in `layout` ("ged", "acled"), as a dataset (see each reader)."""
    try:
        reader = EXPORTS[layout]
    except KeyError:
        raise ValueError(f"expected one of {', '.join(EXPORTS)}, found {layout!r}") from None
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
    layouts = {"ged": ged.LAYOUT, "acled": acled.LAYOUT}
    if layout not in layouts:
        raise ValueError(f"expected one of {', '.join(layouts)}, found {layout!r}")
    return stream(Path(path), layouts[layout], skip_invalid=skip_invalid, batch=batch,
                  published=published, texts=False)  # fmt: skip


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
