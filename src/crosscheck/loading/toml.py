"""The curated TOML format: a folder of small files a person writes and reviews by hand.

    actors.toml          [[actors]] tables: id, name, kind, aliases, part_of, aligned_with
    places.toml          [[places]] tables: id, name, kind, aliases, within
    reports/ID.toml      one per report: a [report] table and its [[claims]]
    reports/ID.txt       the report's full text, beside it
    accepted.toml        optional: [[accepted]] reviewed findings

This module reads those files into entries for `crosscheck.loading.assemble`, and writes a
dataset back (`dump`). docs/format.md describes every key.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import attrs
import tomli_w

from crosscheck.dates import NumericDates
from crosscheck.loading.assemble import assemble
from crosscheck.loading.checks import Checker
from crosscheck.loading.converter import Intake, Listing, make_converter
from crosscheck.loading.files import not_a_file, too_large, without_bom
from crosscheck.loading.include import INCLUDE_FILE
from crosscheck.loading.schema import ClaimEntry, Published, claim_fields, make_report
from crosscheck.model import Acceptance, Actor, Claim, Dataset, Place, Report
from crosscheck.names import did_you_mean
from crosscheck.output import write_atomically

__all__ = [
    "ACCEPTED_FILE",
    "ACTORS_FILE",
    "PLACES_FILE",
    "REPORTS_DIR",
    "ReportEntry",
    "ReportFile",
    "dump",
    "dump_accepted_toml",
    "load_toml",
]

ACCEPTED_FILE = "accepted.toml"
ACTORS_FILE = "actors.toml"
PLACES_FILE = "places.toml"
REPORTS_DIR = "reports"


@attrs.frozen
class ReportEntry:
    """The [report] table of a report file."""

    outlet: str
    title: str
    published: Published
    url: str | None = None
    language: str = "en"
    text_file: str = ""
    numeric_dates: NumericDates | None = None


@attrs.frozen
class ReportFile:
    """A whole report file."""

    report: ReportEntry
    claims: tuple[ClaimEntry, ...] = ()


@attrs.frozen
class ActorsFile:
    """The whole of actors.toml."""

    actors: tuple[Actor, ...] = ()


@attrs.frozen
class AcceptedFile:
    """The whole of accepted.toml."""

    accepted: tuple[Acceptance, ...] = ()


@attrs.frozen
class PlacesFile:
    """The whole of places.toml."""

    places: tuple[Place, ...] = ()


_T = TypeVar("_T")


def read_document(intake: Intake, path: Path, keys: Sequence[str]) -> dict[str, Any] | None:
    """Read one TOML file whose top level may hold only `keys`, or say why not and return
    None."""
    if (missing := not_a_file(path)) is not None:
        intake.add(path, "", f"expected this file, {missing}")
        return None
    if (large := too_large(path)) is not None:
        intake.add(path, "", f"expected a TOML file of a dataset, {large}")
        return None
    try:
        document = tomllib.loads(without_bom(path.read_bytes().decode("utf-8")))
    except (OSError, UnicodeDecodeError) as error:
        intake.add(path, "", f"expected a readable UTF-8 file, found an error ({error})")
        return None
    except tomllib.TOMLDecodeError as error:
        intake.add(path, "", f"expected valid TOML, found a syntax error ({error})")
        return None
    except RecursionError:
        message = ("expected TOML tables and arrays a few levels deep, found them nested "
                   "hundreds of levels deep (no dataset needs more than four)")  # fmt: skip
        intake.add(path, "", message)
        return None
    for key in sorted(set(document) - set(keys)):
        hint = did_you_mean(key, keys) or f"allowed: {', '.join(keys)}"
        intake.add(path, key, f"expected only the tables {', '.join(keys)}, found {key!r} ({hint})")
    return document


def _read_text(intake: Intake, path: Path, header: ReportEntry) -> str | None:
    """The text of the report file `path`, from the file its header names beside it."""
    text_file = Path(header.text_file)
    if text_file.is_absolute() or ".." in text_file.parts or len(text_file.parts) > 1:
        intake.add(path, "report.text_file", f"expected a file name beside the report, found "
                   f"{header.text_file!r} (texts live in the reports folder)")  # fmt: skip
        return None
    text_path = path.parent / (header.text_file or f"{path.stem}.txt")
    if (missing := not_a_file(text_path)) is not None:
        if missing.startswith("found nothing"):
            missing = "found none (save the article's text there)"
        intake.add(path, "report.text_file", f"expected the text file {text_path.name} beside "
                   f"the report, {missing}")  # fmt: skip
        return None
    if (large := too_large(text_path)) is not None:
        intake.add(text_path, "", f"expected the text of one report, {large}")
        return None
    try:
        return without_bom(text_path.read_bytes().decode("utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        intake.add(text_path, "", f"expected a readable UTF-8 text, found an error ({error})")
        return None


def _listing(intake: Intake, path: Path, table: str, kind: type[_T]) -> Listing[_T]:
    return intake.many(path, read_document(intake, path, (table,)), table, kind)


@attrs.frozen
class _Folder:
    """A dataset folder in the TOML format, as `assemble` reads it."""

    root: Path
    texts_optional = False

    def actors(self, intake: Intake) -> Listing[Actor]:
        return _listing(intake, self.root / ACTORS_FILE, "actors", Actor)

    def places(self, intake: Intake) -> Listing[Place]:
        return _listing(intake, self.root / PLACES_FILE, "places", Place)

    def reports_and_claims(
        self, intake: Intake, checker: Checker
    ) -> tuple[Iterable[Report], list[Claim]]:
        paths = sorted((self.root / REPORTS_DIR).glob("*.toml"))
        if not paths and not (self.root / INCLUDE_FILE).is_file():  # a crosswalk includes data
            intake.add(
                self.root / REPORTS_DIR,
                "",
                "expected at least one report file (ID.toml), found none",
            )
        reports: list[Report] = []
        claims: list[Claim] = []
        for path in paths:
            if not checker.report_id(path, "", path.stem):
                continue
            document = read_document(intake, path, ("report", "claims"))
            if document is None:
                continue
            header = intake.one(path, document.get("report"), ReportEntry, "report")
            listing = intake.many(path, document, "claims", ClaimEntry)
            checker.unreadable_claims |= listing.broken_ids
            if header is None:
                continue
            checker.outlet(path, "report.outlet", header.outlet)
            if (text := _read_text(intake, path, header)) is None:
                continue
            report = make_report(path.stem, header, text, header.text_file)
            checker.url(path, "report.url", report)
            reports.append(report)
            claims.extend(checker.claims(path, report, listing.entries))
        return reports, claims

    def acceptances(self, intake: Intake) -> Listing[Acceptance]:
        path = self.root / ACCEPTED_FILE
        if not path.exists() and not path.is_symlink():
            return Listing(path)
        return _listing(intake, path, "accepted", Acceptance)


def load_toml(root: Path) -> Dataset:
    """Load the TOML dataset in folder `root`; `crosscheck.load` calls this for such folders."""
    return assemble(_Folder(root), Intake(make_converter()))


def _render(dataset: Dataset) -> dict[Path, bytes]:
    """Render every file of `dataset`, keyed by its path inside the dataset folder."""
    converter = make_converter()

    def toml(document: object) -> bytes:
        return tomli_w.dumps(converter.unstructure(document)).encode("utf-8")

    files = {
        Path(ACTORS_FILE): toml(ActorsFile(dataset.actors)),
        Path(PLACES_FILE): toml(PlacesFile(dataset.places)),
    }
    if dataset.accepted:
        files[Path(ACCEPTED_FILE)] = toml(AcceptedFile(dataset.accepted))
    for report in dataset.reports:
        claims = tuple(ClaimEntry(**claim_fields(c, report)) for c in dataset.claims_of(report.id))
        header = ReportEntry(
            outlet=report.outlet,
            title=report.title,
            published=report.published_at or report.published,
            url=report.url,
            language=report.language,
            text_file=report.text_file,
            numeric_dates=report.numeric_dates,
        )
        files[Path(REPORTS_DIR, f"{report.id}.toml")] = toml(ReportFile(header, claims))
        files[Path(REPORTS_DIR, report.text_file or f"{report.id}.txt")] = report.text.encode()
    return files


def dump_accepted_toml(accepted: Sequence[Acceptance], path: str | os.PathLike[str]) -> None:
    """Write the accepted findings of a TOML dataset (accepted.toml), whole or not at all."""
    document = make_converter().unstructure(AcceptedFile(tuple(accepted)))
    write_atomically(Path(path) / ACCEPTED_FILE, tomli_w.dumps(document).encode("utf-8"))


def dump(dataset: Dataset, path: str | os.PathLike[str]) -> None:
    """Write `dataset` to folder `path` in the TOML format (`crosscheck.loading.jsonl.dump_bulk`
    writes the bulk format).

    Every file is rendered in memory first, then each is replaced atomically, so a failure never
    leaves a half-written file. Report files in `path` that the dataset no longer has are
    removed, and so is accepted.toml when the dataset accepts nothing; other files (a README,
    notes) are left alone.
    """
    root = Path(path)
    files = _render(dataset)
    for relative, content in files.items():
        write_atomically(root / relative, content, make_folders=True)
    if not dataset.accepted:
        (root / ACCEPTED_FILE).unlink(missing_ok=True)
    reports = root / REPORTS_DIR
    for stale in sorted(reports.glob("*.toml")):
        if stale.relative_to(root) not in files:
            stale.unlink()
            text = stale.with_suffix(".txt")
            if text.relative_to(root) not in files:
                text.unlink(missing_ok=True)
