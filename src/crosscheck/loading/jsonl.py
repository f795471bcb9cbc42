"""The bulk format: JSON Lines for claim sets too large to curate by hand.

Conflict-event exports, wire archives and the work of many curators come as millions of claims.
They live in a folder beside — not instead of — the hand-written TOML format::

    crosscheck-bulk.json   {"format": "crosscheck-bulk", "version": 1}
    actors.jsonl           one actor per line, the keys of actors.toml
    places.jsonl           one place per line, the keys of places.toml
    reports.jsonl          one report per line: id, outlet, title, published, url, language, text
    claims.jsonl           one claim per line: the keys of a report file's [[claims]], plus report
    accepted.jsonl         optional: reviewed findings, the keys of accepted.toml

Dates are ISO strings ("2020-03-03"). A report's `text` may be left out; its claims' quotes then
go unchecked. Everything else is checked exactly as for the TOML format, and every problem is
one line, ``claims.jsonl: line 12 (c-12).quantity: …``. Claims are read one line at a time, so
memory grows with the claims kept, not with the file. `crosscheck.load` reads either format;
`crosscheck convert` turns one into the other.
"""

from __future__ import annotations

import json
import math
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO, TypeVar

import attrs

from crosscheck._gc import paused
from crosscheck.dates import NumericDates
from crosscheck.loading.assemble import assemble
from crosscheck.loading.checks import Checker
from crosscheck.loading.converter import Intake, Listing, identity_of, make_converter
from crosscheck.loading.files import not_a_file, without_bom
from crosscheck.loading.problems import describe, shortened, with_id
from crosscheck.loading.schema import ClaimEntry, Published, claim_fields, make_report
from crosscheck.model import Acceptance, Actor, Claim, Dataset, Place, Report
from crosscheck.names import did_you_mean
from crosscheck.output import write_atomically

__all__ = [
    "FORMAT",
    "MANIFEST",
    "VERSION",
    "BulkClaim",
    "BulkReport",
    "dump_accepted_bulk",
    "dump_bulk",
    "load_bulk",
]

MANIFEST = "crosscheck-bulk.json"
"""The manifest that marks a folder as the bulk format."""
FORMAT = "crosscheck-bulk"
VERSION = 1

_T = TypeVar("_T")

_SHARED = frozenset({"predicate", "source", "agent", "patient", "place", "event",
                     "via", "modality", "outlet", "language", "reference"})  # fmt: skip
"""Keys whose values repeat from line to line (references and vocabulary). Their strings are
interned, so a million claims naming one town hold one copy of its id."""


def _share(value: dict[str, object]) -> None:
    for key in _SHARED.intersection(value):
        found = value[key]
        if isinstance(found, str):
            value[key] = sys.intern(found)
        elif isinstance(found, list):
            value[key] = [sys.intern(v) if isinstance(v, str) else v for v in found]


@attrs.frozen
class BulkReport:
    """A line of reports.jsonl."""

    id: str
    outlet: str
    title: str
    published: Published
    url: str | None = None
    language: str = "en"
    text: str = ""
    numeric_dates: NumericDates | None = None


@attrs.frozen(kw_only=True)
class BulkClaim(ClaimEntry):
    """A line of claims.jsonl: a claim as in a report file, with the id of its report."""

    report: str


class _BadJSONError(ValueError):
    """JSON that parses but that a claim set never holds: a key twice, NaN or Infinity."""


def _unique_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    value = dict(pairs)
    if len(value) < len(pairs):  # a key twice: say the first one that comes again
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _BadJSONError(f"the key {key!r} twice in one object (keep one)")
            seen.add(key)
    return value


def _finite(constant: str) -> float:
    """Infinity, which the bulk writer uses for an interval's open upper bound; never NaN."""
    if constant == "Infinity":
        return math.inf
    raise _BadJSONError(f"{constant}, which is no figure (write the bounds the report allows; "
                        "only an upper bound may be Infinity)")  # fmt: skip


_DECODER = json.JSONDecoder(object_pairs_hook=_unique_keys, parse_constant=_finite)
"""The one decoder of every line: a key twice, NaN and -Infinity refused (made once, not per
line as `json.loads` with options does)."""


def _decode(text: str) -> object:
    """`text` as JSON, refused as `json.loads` refuses it (a byte-order mark included, which
    `JSONDecoder.decode` alone would call a missing value)."""
    if text.startswith("\ufeff"):
        raise json.JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", text, 0)
    return _DECODER.decode(text)


LONGEST_LINE = 16 * 1024 * 1024
"""The most bytes one line may have: a claim, actor or report is a few hundred; a report's whole
text a few hundred thousand."""

_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]")
"""A JSON escape of a UTF-16 surrogate: text only when paired, never alone."""


def _raw_lines(stream: BinaryIO) -> Iterator[bytes | None]:
    """The lines of `stream`, each at most `LONGEST_LINE` bytes; None for a longer line, which
    is skipped without being held in memory."""
    while line := stream.readline(LONGEST_LINE + 1):
        if len(line) <= LONGEST_LINE or line.endswith(b"\n"):
            yield line
            continue
        while (rest := stream.readline(LONGEST_LINE)) and not rest.endswith(b"\n"):
            pass
        yield None


def _lines(
    intake: Intake,
    path: Path,
    kind: type[_T],
    progress: Callable[[int, int], None] | None = None,
) -> Iterator[tuple[str, _T | None, object]]:
    """Each non-blank line of `path` as (where, entry or None when broken, raw value)."""
    total = path.stat().st_size
    with path.open("rb") as stream:
        for number, raw in enumerate(_raw_lines(stream), start=1):
            if progress is not None and number % 4096 == 0:
                progress(stream.tell(), total)
            where = f"line {number}"
            if raw is None:
                intake.add(path, where, f"expected a line of at most {LONGEST_LINE:,} bytes, "
                           "found a longer one (one entry per line)")  # fmt: skip
                yield where, None, None
                continue
            try:
                text = raw.decode("utf-8").strip()
            except UnicodeDecodeError as error:
                intake.add(path, where, f"expected UTF-8 text, found undecodable bytes ({error})")
                yield where, None, None
                continue
            if number == 1:
                text = without_bom(text)
            if not text:
                continue
            try:
                value = _decode(text)
                if "\\u" in text and _SURROGATE.search(text):
                    json.dumps(value, ensure_ascii=False).encode("utf-8")
            except json.JSONDecodeError as error:
                intake.add(path, where, f"expected a JSON object, found invalid JSON ({error})")
                yield where, None, None
                continue
            except _BadJSONError as error:
                intake.add(path, where, f"expected a JSON object, found {error}")
                yield where, None, None
                continue
            except UnicodeEncodeError:
                message = ("expected text, found a lone surrogate escape such as \\udc80, "
                           "which is no character (write the character itself)")  # fmt: skip
                intake.add(path, where, message)
                yield where, None, value
                continue
            except RecursionError:
                intake.add(path, where, "expected a JSON object a few levels deep, found values "
                           "nested hundreds of levels deep")  # fmt: skip
                yield where, None, None
                continue
            if not isinstance(value, dict):
                intake.add(path, where, f"expected a JSON object, found {describe(value)}")
                yield where, None, value
                continue
            _share(value)
            yield where, intake.one(path, value, kind, where), value
    if progress is not None:
        progress(total, total)


def _stream(
    intake: Intake,
    path: Path,
    kind: type[_T],
    required: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> Iterator[tuple[str, _T | None, object]]:
    """`_lines` of `path`, after reporting a required file that is missing, or anything but a
    readable file where it belongs."""
    missing = not_a_file(path)
    if missing is None:
        try:
            yield from _lines(intake, path, kind, progress)
        except OSError as error:
            intake.add(path, "", f"expected a readable file, found an error "
                       f"({error.strerror or error})")  # fmt: skip
    elif required or not missing.startswith("found nothing"):
        intake.add(path, "", f"expected this file, {missing}")


def _read_all(intake: Intake, path: Path, kind: type[_T], required: bool = True) -> Listing[_T]:
    """Every entry of a small JSONL file: the good ones, the broken ones, and whether it exists."""
    good: list[tuple[str, _T]] = []
    broken: list[object] = []
    for where, entry, raw in _stream(intake, path, kind, required):
        if entry is None:
            broken.append(raw)
        else:
            good.append((where, entry))
    return Listing(path, good, broken, path.is_file())


def _check_manifest(intake: Intake, root: Path) -> None:
    path = root / MANIFEST
    if (missing := not_a_file(path)) is not None:
        intake.add(path, "", f"expected the bulk format's manifest, {missing}")
        return
    expected = {"format": FORMAT, "version": VERSION}
    shown = json.dumps(expected)
    try:
        if (size := path.stat().st_size) > 4096:
            intake.add(path, "", f"expected {shown}, found a file of {size:,} bytes")
            return
        manifest = _decode(without_bom(path.read_bytes().decode("utf-8")))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, _BadJSONError) as error:
        intake.add(path, "", f"expected a readable JSON manifest, found an error ({error})")
        return
    except RecursionError:
        intake.add(path, "", f"expected {shown}, found values nested hundreds of levels deep")
        return
    exact = isinstance(manifest, dict) and set(manifest) == set(expected) and all(
        type(manifest[k]) is type(v) and manifest[k] == v for k, v in expected.items())  # fmt: skip
    if not exact:
        found = shortened(json.dumps(manifest, ensure_ascii=False))
        intake.add(path, "", f"expected {shown}, found {found} (this crosscheck reads version "
                   "1 of the bulk format)")  # fmt: skip


@attrs.frozen
class _Folder:
    """A dataset folder in the bulk format, as `assemble` reads it."""

    root: Path
    progress: Callable[[int, int], None] | None = None
    texts_optional = True

    def actors(self, intake: Intake) -> Listing[Actor]:
        return _read_all(intake, self.root / "actors.jsonl", Actor)

    def places(self, intake: Intake) -> Listing[Place]:
        return _read_all(intake, self.root / "places.jsonl", Place)

    def reports_and_claims(
        self, intake: Intake, checker: Checker
    ) -> tuple[Iterable[Report], list[Claim]]:
        reports_file = self.root / "reports.jsonl"
        reports: dict[str, Report] = {}
        first_at: dict[str, str] = {}
        unreadable: set[str] = set()
        for where, header, raw in _stream(intake, reports_file, BulkReport):
            if header is None:
                if (found := identity_of(raw)) is not None:
                    unreadable.add(found)
            elif not checker.report_id(reports_file, f"{where}.id", header.id):
                unreadable.add(header.id)  # its claims are not reported again
            elif header.id in reports:
                intake.add(reports_file, f"{where}.id", f"expected a unique report id, found "
                           f"{header.id!r} again (first at {first_at[header.id]}; give each "
                           "report its own id)")  # fmt: skip
            else:
                first_at[header.id] = where
                checker.outlet(reports_file, f"{where}.outlet", header.outlet)
                reports[header.id] = make_report(header.id, header, header.text)
                checker.url(reports_file, f"{where}.url", reports[header.id])
        if not reports and not unreadable and not intake.problems:
            intake.add(reports_file, "", "expected at least one report, found none")

        claims_file = self.root / "claims.jsonl"
        claims: list[Claim] = []
        for where, entry, raw in _stream(intake, claims_file, BulkClaim, progress=self.progress):
            if entry is None:
                if (found := identity_of(raw)) is not None:
                    checker.unreadable_claims.add(found)
                continue
            report = reports.get(entry.report)
            if report is None and entry.report in unreadable:
                continue  # its report has problems of its own, reported there
            if report is None:
                hint = (
                    did_you_mean(entry.report, [*reports, *unreadable]) or "add it to reports.jsonl"
                )
                at = f"{with_id(where, entry.id)}.report"
                intake.add(claims_file, at, f"expected the id of a report in reports.jsonl, found "
                           f"{entry.report!r} ({hint})")  # fmt: skip
                continue
            claim = checker.claim(claims_file, report, where, entry)
            if claim is not None:
                claims.append(claim)
        return reports.values(), claims

    def acceptances(self, intake: Intake) -> Listing[Acceptance]:
        return _read_all(intake, self.root / "accepted.jsonl", Acceptance, required=False)


@paused()
def load_bulk(
    path: str | os.PathLike[str], progress: Callable[[int, int], None] | None = None
) -> Dataset:
    """Load a dataset in the bulk format; `crosscheck.load` calls this for such folders.

    `progress(done, total)` is told how far claims.jsonl has been read, in bytes. Raises
    `DatasetError` listing every problem, one line each; nothing is half-loaded.
    """
    root = Path(path)
    intake = Intake(make_converter(iso_dates=True))
    _check_manifest(intake, root)
    return assemble(_Folder(root, progress), intake)


def _claim_line(claim: Claim, report: Report) -> BulkClaim:
    return BulkClaim(report=claim.report, **claim_fields(claim, report))


def dump_accepted_bulk(accepted: Iterable[Acceptance], path: str | os.PathLike[str]) -> None:
    """Write the accepted findings of a bulk dataset (accepted.jsonl), whole or not at all."""
    converter = make_converter(iso_dates=True)
    lines = [json.dumps(converter.unstructure(a), ensure_ascii=False) + "\n" for a in accepted]
    write_atomically(Path(path) / "accepted.jsonl", "".join(lines).encode("utf-8"))


def dump_bulk(dataset: Dataset, path: str | os.PathLike[str]) -> None:
    """Write `dataset` to folder `path` in the bulk format, each file whole or not at all."""
    root = Path(path)
    converter = make_converter(iso_dates=True)

    def encode(items: Iterable[object]) -> Iterator[bytes]:
        for item in items:
            line = json.dumps(converter.unstructure(item), ensure_ascii=False, sort_keys=False)
            yield (line + "\n").encode("utf-8")

    reports = {report.id: report for report in dataset.reports}
    files: Sequence[tuple[str, Iterable[object]]] = (
        ("actors.jsonl", dataset.actors),
        ("places.jsonl", dataset.places),
        (
            "reports.jsonl",
            (
                BulkReport(
                    r.id,
                    r.outlet,
                    r.title,
                    r.published_at or r.published,
                    r.url,
                    r.language,
                    r.text,
                    r.numeric_dates,
                )
                for r in dataset.reports
            ),
        ),
        ("claims.jsonl", (_claim_line(c, reports[c.report]) for c in dataset.claims)),
    )
    for name, items in files:
        write_atomically(root / name, encode(items), make_folders=True)
    if dataset.accepted:
        write_atomically(root / "accepted.jsonl", encode(dataset.accepted), make_folders=True)
    else:
        (root / "accepted.jsonl").unlink(missing_ok=True)
    manifest = json.dumps({"format": FORMAT, "version": VERSION}) + "\n"
    write_atomically(root / MANIFEST, manifest.encode("utf-8"), make_folders=True)
