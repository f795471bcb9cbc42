"""Where each claim is written: its report file and the line of its id.

Findings cite claims by id; text and SARIF output point a reader (or a code-scanning service) at
the line in the report file where the claim begins. The files have already been loaded, so
they are valid TOML; a light line scan finds each ``id = "…"`` directly inside a ``[[claims]]``
table, skipping sub-tables and the insides of multi-line strings.
"""

from __future__ import annotations

import functools
import json
import os
import re
import tomllib
from collections.abc import Iterator, Mapping
from pathlib import Path

from crosscheck.loading import BULK_MANIFEST, REPORTS_DIR, DatasetError
from crosscheck.loading.include import included

__all__ = ["Locations", "claim_locations"]

_CLAIMS_HEADER = re.compile(r"\s*\[\[\s*claims\s*\]\]\s*(#.*)?")
_HEADER = re.compile(r"\s*\[")
_ID = re.compile(r"\s*id\s*=")
_JSON_ID = re.compile(r'^\{"id":\s*"((?:[^"\\]|\\.)*)"')
"""A bulk claim line as crosscheck writes it starts with its id."""


def claim_locations(root: Path) -> dict[str, tuple[str, int]]:
    """Map each claim id in the dataset folder `root` to (report file, line number).

    The file is relative to `root`, written with forward slashes (``reports/x.toml``, or
    ``claims.jsonl`` in the bulk format; ``../ged/claims.jsonl`` for a dataset it includes);
    lines count from 1. A claim id appearing twice keeps its first location.
    """
    locations = _own_locations(root)
    try:
        others = included(root)
    except DatasetError:
        others = []  # the dataset loaded, so this is a race with an edit: no locations
    for other in others:
        prefix = Path(os.path.relpath(other, root.resolve()))
        for claim_id, (file, line) in claim_locations(other).items():
            locations.setdefault(claim_id, ((prefix / file).as_posix(), line))
    return locations


def _own_locations(root: Path) -> dict[str, tuple[str, int]]:
    locations: dict[str, tuple[str, int]] = {}
    bulk = root / "claims.jsonl"
    if (root / BULK_MANIFEST).is_file() and bulk.is_file():
        with bulk.open(encoding="utf-8", errors="replace") as stream:
            for number, text in enumerate(stream, start=1):
                match = _JSON_ID.search(text)
                if match:
                    locations.setdefault(json.loads(f'"{match[1]}"'), ("claims.jsonl", number))
        return locations
    for path in sorted((root / REPORTS_DIR).glob("*.toml")):
        relative = path.relative_to(root).as_posix()
        for claim_id, line in _claim_ids(path.read_text(encoding="utf-8")):
            locations.setdefault(claim_id, (relative, line))
    return locations


def _claim_ids(text: str) -> list[tuple[str, int]]:
    found: list[tuple[str, int]] = []
    in_claim = seen_id = False
    delimiter: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if delimiter is not None:
            if line.count(delimiter) % 2:
                delimiter = None
            continue
        for quotes in ('"""', "'''"):
            if line.count(quotes) % 2:
                delimiter = quotes
        if _CLAIMS_HEADER.fullmatch(line):
            in_claim, seen_id = True, False
        elif _HEADER.match(line):
            in_claim = False
        elif in_claim and not seen_id and _ID.match(line):
            claim_id = _value(line)
            if claim_id is not None:
                found.append((claim_id, number))
                seen_id = True
    return found


def _value(line: str) -> str | None:
    """The string value of a one-line ``id = …`` assignment, however it is quoted."""
    try:
        value = tomllib.loads(line).get("id")
    except tomllib.TOMLDecodeError:
        return None
    return value if isinstance(value, str) else None


class Locations(Mapping[str, tuple[str, int]]):
    """`claim_locations` of a dataset folder, read the first time a location is asked for: the
    text, markdown and SARIF formats ask, JSON never does, so a JSON run over a million claims
    does not read claims.jsonl a second time."""

    def __init__(self, root: Path) -> None:
        self._root = root

    @functools.cached_property
    def _found(self) -> dict[str, tuple[str, int]]:
        return claim_locations(self._root)

    def __getitem__(self, claim: str) -> tuple[str, int]:
        return self._found[claim]

    def __iter__(self) -> Iterator[str]:
        return iter(self._found)

    def __len__(self) -> int:
        return len(self._found)

    def __repr__(self) -> str:
        return f"Locations({str(self._root)!r})"
