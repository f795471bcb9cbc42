"""Reading and writing curated datasets, and the one-line errors a curator sees.

A dataset is a folder::

    actors.toml          [[actors]] tables: id, name, kind, aliases, part_of, aligned_with
    places.toml          [[places]] tables: id, name, kind, aliases, within
    reports/ID.toml      one per report: a [report] table and its [[claims]]
    reports/ID.txt       the report's full text, beside it

Loading happens in two passes. The first structures every file with one cattrs converter
(`make_converter`) that rejects unknown keys and wrong types; the second checks what only the
whole dataset can tell: references resolve, ids are unique, quotes occur in their report's text,
wordings parse, dates do not lie after publication. Every problem from both passes is collected
and raised together as a `DatasetError`; nothing is returned half-loaded.

`Reader`, `Directory` and `Checker` are the checking machinery both formats share: the bulk
format (`crosscheck.bulk`) feeds them JSON lines instead of TOML tables.
"""

from __future__ import annotations

import datetime
import difflib
import enum
import errno
import functools
import math
import os
import re
import stat
import tomllib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Final, Generic, TypeVar, get_args, get_origin

import attrs
import cattrs
import cattrs.gen
import tomli_w
from cattrs.errors import ForbiddenExtraKeysError, IterableValidationError, IterableValidationNote

from crosscheck.dates import DateSpan, NumericDates, WeekdayMismatchError
from crosscheck.errors import CrosscheckError
from crosscheck.model import (
    PREDICATES,
    Acceptance,
    Actor,
    Claim,
    CountedFrom,
    Dataset,
    Denial,
    Extent,
    Modality,
    Place,
    Report,
)
from crosscheck.names import did_you_mean, fold
from crosscheck.output import write_atomically
from crosscheck.quantity import Quantity, UnitError
from crosscheck.timing import day_bounds
from crosscheck.vocabulary import PREDICATES as VOCABULARY

__all__ = [
    "DatasetError",
    "Problem",
    "dump",
    "dump_accepted",
    "load",
    "make_converter",
    "write_atomically",
]

ACCEPTED_FILE = "accepted.toml"
BULK_MANIFEST = "crosscheck-bulk.json"
"""The manifest that marks a folder as the bulk format (see `crosscheck.bulk`)."""
ACTORS_FILE = "actors.toml"
PLACES_FILE = "places.toml"
REPORTS_DIR = "reports"


@attrs.frozen(order=True)
class Problem:
    """One thing wrong with a dataset, located by file and by path inside the file."""

    file: str
    path: str
    message: str
    """What was expected, what was found, and a hint in brackets."""

    def __str__(self) -> str:
        return (
            f"{self.file}: {self.path}: {self.message}"
            if self.path
            else (f"{self.file}: {self.message}")
        )


class DatasetError(CrosscheckError):
    """A dataset could not be loaded; `problems` lists every reason, one line each."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(map(str, self.problems)))


class FieldError(ValueError):
    """A value of the wrong shape; its message already reads 'expected …, found …'."""


# -- the file formats -------------------------------------------------------------------------


@attrs.frozen
class QuantityEntry:
    """A quantity written as a table: its wording, and optionally its unit or an interval."""

    text: str
    unit: str | None = None
    low: float | None = None
    high: float | None = None


@attrs.frozen
class WhenEntry:
    """A date written as a table: its wording and the curator's explicit span (`start`, `end`),
    or the claim it is counted from (`after`, `before`: "two days later", "the day before")."""

    text: str
    start: datetime.date | None = None
    end: datetime.date | None = None
    after: str | None = None
    before: str | None = None

    @property
    def counted_from(self) -> CountedFrom | None:
        """The claim this date is counted from, if it is."""
        if self.after is not None:
            return CountedFrom(self.after, after=True)
        if self.before is not None:
            return CountedFrom(self.before, after=False)
        return None


Names = str | tuple[str, ...] | None
"""One name or a list of them, as `agent` and `aligned_with` take."""

AsOf = datetime.datetime | datetime.date | str | WhenEntry | None
"""A statement time as written: a date, a date-time with its UTC offset, a wording, a table."""


@attrs.frozen
class ClaimEntry:
    """A claim as written in a report file."""

    id: str
    predicate: str
    source: str
    quote: str
    modality: Modality = Modality.ASSERTED
    agent: Names = None
    patient: str | None = None
    place: str | None = None
    quantity: str | QuantityEntry | None = None
    restated: str | QuantityEntry | None = None
    when: str | WhenEntry | None = None
    extent: Extent | None = None
    event: str | None = None
    via: tuple[str, ...] = ()
    total: str | None = None
    exhaustive: bool = False
    denies: Denial | None = None
    as_of: AsOf = None
    note: str = ""
    reference: str | None = None

    @property
    def agents(self) -> tuple[str, ...]:
        """The agent names as a tuple, however they were written."""
        return _as_names(self.agent)


def _as_names(value: Names) -> tuple[str, ...]:
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


Published = datetime.datetime | datetime.date
"""A publication as written: a day, or a moment with its UTC offset."""


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


# -- the converter ----------------------------------------------------------------------------


def not_a_file(path: Path) -> str | None:
    """Why nothing can be read at `path` as a file — "found nothing", "found a folder", … —
    or None when it is a regular file (or a symlink to one). Checked before reading, so a FIFO
    where a file belongs is reported instead of waiting for a writer for ever."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "found nothing (create it, even if empty)" if not path.is_symlink() else (
            "found a symlink to nothing (point it at the file, or replace it)")  # fmt: skip
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "found a symlink loop (replace it with the file)"
        return f"found an error ({error.strerror or error})"
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "found a folder (a file belongs here)"
    return "found a special file, not a regular one (a file belongs here)"


SHOWN_CHARACTERS: Final = 60
"""The most characters of a value an error line repeats: enough to recognise it."""


def shortened(text: str, limit: int = SHOWN_CHARACTERS) -> str:
    """`text` cut to `limit` characters, with an ellipsis when cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


_LONG_QUOTED = re.compile(
    rf"(?<![^\s(])'([^'\s][^'\n]{{{SHOWN_CHARACTERS},}})'(?=[\s),;]|$)"
    rf'|(?<![^\s(])"([^"\s][^"\n]{{{SHOWN_CHARACTERS},}})"(?=[\s),;]|$)'
)
"""A quoted value in a message: opened after a space or a bracket and closed before one or
before punctuation, never with a space inside the opening quote, so the text between two short
quoted values, or a quote mark inside a passage, is not taken for one."""


def _quoted_cut(message: str) -> str:
    """`message` with every quoted value longer than SHOWN_CHARACTERS cut to that length: a
    problem's line repeats what was found, never a whole 20,000-character value."""
    if len(message) <= 2 * SHOWN_CHARACTERS:
        return message

    def cut(match: re.Match[str]) -> str:
        quote = "'" if match[1] is not None else '"'
        return quote + shortened(match[1] or match[2] or "") + quote

    return _LONG_QUOTED.sub(cut, message)


def _describe(value: object) -> str:
    """Say what a TOML or JSON value is, for 'found …' in an error line."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, str):
        return f"the string {shortened(value)!r}"
    if isinstance(value, int) and abs(value) >= 10**15:
        return f"the number {shortened(str(value), 20)} ({len(str(abs(value)))} digits)"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, datetime.datetime):
        return f"the date-time {value.isoformat()}"
    if isinstance(value, datetime.date):
        return f"the date {value.isoformat()}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__


def _expected(what: str, value: object, hint: str = "") -> FieldError:
    return FieldError(f"expected {what}, found {_describe(value)}" + (f" ({hint})" if hint else ""))


def _structure_str(value: object, _: type) -> str:
    if not isinstance(value, str):
        raise _expected("a string", value, "put it in quotes")
    return value


def _structure_float(value: object, _: type) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _expected("a number", value, "write it without quotes, e.g. 480 or inf")
    if isinstance(value, int) and abs(value) >= 10**15:
        raise _expected(
            "a number below a million billion", value, "no figure in a report is larger"
        )
    if isinstance(value, float) and math.isnan(value):
        raise _expected("a number", value, "nan is not one; write the bounds the report allows")
    return float(value)


def _structure_bool(value: object, _: type) -> bool:
    if not isinstance(value, bool):
        raise _expected("true or false", value, "write it without quotes")
    return value


def _structure_date(value: object, _: type) -> datetime.date:
    if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
        hint = "write a bare TOML date such as 2020-03-03, without quotes"
        raise _expected("a date", value, hint)
    return value


_ISO_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _structure_moment(value: object, iso: bool) -> datetime.datetime | datetime.date:
    """A day or a moment with its UTC offset; with `iso`, written as an ISO string."""
    if iso and isinstance(value, str):
        try:
            value = (datetime.datetime.fromisoformat(value) if _ISO_MOMENT.match(value)
                     else _iso_day(value))  # fmt: skip
        except ValueError:
            raise _expected(
                "a date", value, 'write it as "2020-03-03" or "2020-03-03T16:20:00+03:00"'
            ) from None
    if isinstance(value, datetime.datetime):
        if value.utcoffset() is None:
            raise _expected("a date-time with its UTC offset", value,
                            "add the offset, e.g. 2022-04-08T16:20:00+03:00")  # fmt: skip
        return value
    if isinstance(value, datetime.date):
        return value
    hint = (
        'write it as "2020-03-03" or "2020-03-03T16:20:00+03:00"'
        if iso
        else "write a bare TOML date such as 2020-03-03, without quotes, or a date-time with "
        "its UTC offset such as 2020-03-03T16:20:00+03:00"
    )
    raise _expected("a date", value, hint)


def _structure_names(value: object, _: type) -> Names:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return tuple(value)
    raise _expected("a name or a list of names", value, 'write "a" or ["a", "b"]')


def _structure_enum(value: object, kind: type[enum.StrEnum]) -> enum.StrEnum:
    choices = [member.value for member in kind]
    if isinstance(value, str) and value in choices:
        return kind(value)
    hint = did_you_mean(value, choices) if isinstance(value, str) else ""
    raise _expected(f"one of {', '.join(choices)}", value, hint)


_E = TypeVar("_E")


def _structure_union(
    converter: cattrs.Converter, entry: type[_E], what: str
) -> Callable[[object, type], str | _E | None]:
    def structure(value: object, _: type) -> str | _E | None:
        if value is None:
            return None
        if isinstance(value, str):
            return value
        if isinstance(value, dict):
            return converter.structure(value, entry)
        raise _expected(what, value)

    return structure


def _is_homogeneous_tuple(kind: Any) -> bool:
    args = get_args(kind)
    return get_origin(kind) is tuple and len(args) == 2 and args[1] is Ellipsis


def _structure_tuple_factory(kind: Any, converter: cattrs.Converter) -> Callable[..., Any]:
    item = get_args(kind)[0]

    def structure(value: object, _: type) -> tuple[Any, ...]:
        if not isinstance(value, list):
            hint = "use [[…]] for a list of tables" if isinstance(value, dict) else ""
            raise _expected("a list", value, hint or 'write it as ["…", "…"]')
        items, errors = [], []
        for index, element in enumerate(value):
            try:
                items.append(converter.structure(element, item))
            except Exception as error:  # collected and re-raised as a group
                note = IterableValidationNote(f"Structuring {kind} @ index {index}", index, item)
                error.__notes__ = [*getattr(error, "__notes__", []), note]
                errors.append(error)
        if errors:
            raise IterableValidationError(f"While structuring {kind!r}", errors, kind)
        return tuple(items)

    return structure


_iso_day = functools.lru_cache(maxsize=1 << 12)(datetime.date.fromisoformat)
"""Bulk files date a million reports on a few thousand days: one `date` object per day."""


def _structure_iso_date(value: object, _: type) -> datetime.date:
    if isinstance(value, str):
        try:
            return _iso_day(value)
        except ValueError:
            pass
    raise _expected("a date", value, 'write it as "2020-03-03"')


def make_converter(*, iso_dates: bool = False) -> cattrs.Converter:
    """Return the converter for crosscheck's file formats, with every hook registered.

    It rejects unknown keys, never coerces one type into another (a number is not a string, a
    string is not a date), and omits default values when writing. TOML has dates of its own;
    with `iso_dates` (for JSON) dates are ISO strings both ways.
    """
    converter = cattrs.Converter(forbid_extra_keys=True, omit_if_default=True)
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(float, _structure_float)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook(
        datetime.date, _structure_iso_date if iso_dates else _structure_date
    )
    converter.register_structure_hook(enum.StrEnum, _structure_enum)  # more specific than str
    converter.register_structure_hook_factory(_is_homogeneous_tuple, _structure_tuple_factory)
    for entry, example in ((QuantityEntry, "'at least six'"), (WhenEntry, "'on Monday'")):
        hook = _structure_union(converter, entry, f"a wording such as {example} or a table")
        converter.register_structure_hook(str | entry | None, hook)
    converter.register_structure_hook(Names, _structure_names)
    converter.register_structure_hook(
        Published, lambda value, _: _structure_moment(value, iso_dates)
    )
    when_hook = _structure_union(converter, WhenEntry, "a wording such as 'on Sunday' or a table")

    def as_of(value: object, kind: type) -> AsOf:
        if isinstance(value, datetime.date) or (iso_dates and isinstance(value, str) and (
                _ISO_MOMENT.match(value) or _ISO_DAY.fullmatch(value))):  # fmt: skip
            return _structure_moment(value, iso_dates)
        return when_hook(value, kind)

    converter.register_structure_hook(AsOf, as_of)
    actor_fields = cattrs.gen.make_dict_structure_fn(
        Actor, converter, _cattrs_forbid_extra_keys=True
    )

    def actor(value: object, kind: type) -> Actor:
        if isinstance(value, dict) and isinstance(value.get("aligned_with"), str):
            value = {**value, "aligned_with": [value["aligned_with"]]}
        return actor_fields(value, kind)  # type: ignore[arg-type]

    converter.register_structure_hook(Actor, actor)
    unstructure_actor = cattrs.gen.make_dict_unstructure_fn(
        Actor, converter, _cattrs_omit_if_default=True
    )

    def actor_out(item: Actor) -> dict[str, Any]:
        found = unstructure_actor(item)
        if len(item.aligned_with) == 1:
            found["aligned_with"] = item.aligned_with[0]
        return found

    converter.register_unstructure_hook(Actor, actor_out)
    moment = (lambda at: at.isoformat()) if iso_dates else (lambda at: at)
    converter.register_unstructure_hook(datetime.datetime, moment)
    converter.register_unstructure_hook(
        datetime.date, (lambda day: day.isoformat()) if iso_dates else (lambda day: day)
    )
    return converter


def _format_exception(error: BaseException, kind: type | None) -> str:
    if isinstance(error, FieldError):
        return str(error)
    if isinstance(error, KeyError):
        return "expected a value, found nothing (this key is required)"
    if isinstance(error, ForbiddenExtraKeysError):
        allowed = [field.name for field in attrs.fields(error.cl)]
        found = ", ".join(repr(key) for key in sorted(error.extra_fields))
        hints = [did_you_mean(key, allowed) for key in sorted(error.extra_fields)]
        hint = "; ".join(h for h in hints if h) or f"allowed keys: {', '.join(allowed)}"
        return f"expected only known keys, found {found} ({hint})"
    if isinstance(error, AttributeError | TypeError):
        return "expected a table, found a value of another kind"
    return cattrs.v.format_exception(error, kind)


def _structure_problems(file: str, error: Exception, where: str) -> Iterator[Problem]:
    root = f"$.{where}" if where else "$"
    for line in cattrs.transform_error(error, path=root, format_exception=_format_exception):
        message, _, path = line.rpartition(" @ ")
        yield Problem(file, path.removeprefix("$").removeprefix("."), message)


# -- loading ----------------------------------------------------------------------------------

_F = TypeVar("_F")


@attrs.define
class Reader:
    """The first pass: TOML files to typed entries, one entry at a time, collecting problems."""

    converter: cattrs.Converter = attrs.field(factory=make_converter)
    problems: list[Problem] = attrs.field(factory=list)

    def add(self, path: Path, where: str, message: str) -> None:
        self.problems.append(Problem(str(path), where, _quoted_cut(message)))

    def document(self, path: Path, keys: Sequence[str]) -> dict[str, Any] | None:
        """Read one TOML file whose top level may hold only `keys`."""
        if (missing := not_a_file(path)) is not None:
            self.add(path, "", f"expected this file, {missing}")
            return None
        try:
            document = tomllib.loads(path.read_bytes().decode("utf-8"))
        except (OSError, UnicodeDecodeError) as error:
            self.add(path, "", f"expected a readable UTF-8 file, found an error ({error})")
            return None
        except tomllib.TOMLDecodeError as error:
            self.add(path, "", f"expected valid TOML, found a syntax error ({error})")
            return None
        except RecursionError:
            message = ("expected TOML tables and arrays a few levels deep, found them nested "
                       "hundreds of levels deep (no dataset needs more than four)")  # fmt: skip
            self.add(path, "", message)
            return None
        for key in sorted(set(document) - set(keys)):
            hint = did_you_mean(key, keys) or f"allowed: {', '.join(keys)}"
            self.add(
                path, key, f"expected only the tables {', '.join(keys)}, found {key!r} ({hint})"
            )
        return document

    def one(self, path: Path, value: object, kind: type[_F], where: str) -> _F | None:
        """Structure `value` as `kind`, or record why not and return None."""
        if value is None:
            self.add(path, where, f"expected a [{where}] table, found nothing")
            return None
        try:
            return self.converter.structure(value, kind)
        except Exception as error:  # every structuring failure becomes a Problem
            identity = value.get("id") if isinstance(value, dict) else None
            claim = isinstance(identity, str) and issubclass(kind, ClaimEntry)
            named = with_id(where, identity) if claim and isinstance(identity, str) else where
            self.problems.extend(
                attrs.evolve(problem, message=_quoted_cut(problem.message))
                for problem in _structure_problems(str(path), error, named)
            )
            return None

    def many(
        self, path: Path, document: Mapping[str, Any], key: str, kind: type[_F]
    ) -> tuple[list[tuple[str, _F]], list[object]]:
        """Structure each entry of the array `key`: the good ones with where they stand
        (``key[3]``), and the broken."""
        value = document.get(key, [])
        if not isinstance(value, list):
            self.add(
                path,
                key,
                str(_expected("an array of tables", value, f"write each entry under [[{key}]]")),
            )
            return [], []
        good: list[tuple[str, _F]] = []
        broken: list[object] = []
        for index, item in enumerate(value):
            where = f"{key}[{index}]"
            entry = self.one(path, item, kind, where)
            if entry is None:
                broken.append(item)
            else:
                good.append((where, entry))
        return good, broken


def load(
    path: str | os.PathLike[str], progress: Callable[[int, int], None] | None = None
) -> Dataset:
    """Load the dataset in folder `path`: curated TOML, or the bulk JSON Lines format when the
    folder holds a ``crosscheck-bulk.json`` manifest (see `crosscheck.bulk`).

    `progress(done, total)` is told how far the bulk format's claims have been read, in bytes.
    Raises `DatasetError` listing every problem found, each as one line
    ``FILE: PATH-IN-FILE: expected …, found … (hint)``.
    """
    root = Path(path)
    if (root / BULK_MANIFEST).is_file():
        from crosscheck.bulk import load_bulk

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
    reader = Reader()
    actors = Directory.read(reader, root / ACTORS_FILE, "actors", Actor)
    places = Directory.read(reader, root / PLACES_FILE, "places", Place)
    checker = Checker(reader, actors, places)
    actors.check_tree(reader, "part_of", actors)
    places.check_tree(reader, "within", places)
    for where, actor in actors.entries:
        actors.resolve_all(reader, actors.path, f"{where}.aligned_with", actor.aligned_with)

    report_paths = sorted((root / REPORTS_DIR).glob("*.toml"))
    if not report_paths:
        reader.add(
            root / REPORTS_DIR, "", "expected at least one report file (ID.toml), found none"
        )
    reports: list[Report] = []
    claims: list[Claim] = []
    for report_path in report_paths:
        document = reader.document(report_path, ("report", "claims"))
        if document is None:
            continue
        header = reader.one(report_path, document.get("report"), ReportEntry, "report")
        entries, broken = reader.many(report_path, document, "claims", ClaimEntry)
        checker.unreadable_claims |= {
            c["id"] for c in broken if isinstance(c, dict) and isinstance(c.get("id"), str)
        }
        if header is not None:
            report = checker.report(report_path, header)
            if report is not None:
                reports.append(report)
                claims.extend(checker.claims(report_path, report, entries))
    claims = checker.finish(claims)
    accepted = _read_accepted(reader, root / ACCEPTED_FILE)
    if reader.problems:
        raise DatasetError(sorted(set(reader.problems), key=problem_order))
    return Dataset(
        reports=reports,
        actors=(actor for _, actor in actors.entries),
        places=(place for _, place in places.entries),
        claims=claims,
        accepted=accepted,
    )


def _read_accepted(reader: Reader, path: Path) -> list[Acceptance]:
    """Read the optional accepted.toml; a fingerprint may be accepted only once."""
    if not path.exists() and not path.is_symlink():
        return []
    document = reader.document(path, ("accepted",))
    entries, _ = reader.many(path, document or {}, "accepted", Acceptance)
    return check_acceptances(reader, path, entries)


def check_acceptances(
    reader: Reader, path: Path, entries: Sequence[tuple[str, Acceptance]]
) -> list[Acceptance]:
    """The acceptances of either format, each with a reason and each fingerprint once."""
    first_at: dict[str, str] = {}
    for where, acceptance in entries:
        if acceptance.fingerprint in first_at:
            reader.add(
                path,
                f"{where}.fingerprint",
                f"expected each fingerprint once, found "
                f"{acceptance.fingerprint!r} again (first at {first_at[acceptance.fingerprint]})",
            )
        first_at.setdefault(acceptance.fingerprint, where)
        if not acceptance.reason.strip():
            reader.add(
                path,
                f"{where}.reason",
                "expected the reviewer's reason, found an empty "
                "string (say why the finding is accepted)",
            )
    return [acceptance for _, acceptance in entries]


_POSITION = re.compile(r"(?:line )?(\d+)(?: \(.*\))?")
"""A step of a problem's path that is a position: "4" of claims[4], "line 225", "4 (its id)"."""


def problem_order(problem: Problem) -> tuple[str, list[tuple[int, str]], str]:
    """Order problems by file, then by position in the file: claims[2] before claims[10], line
    225 before line 1000."""
    steps = problem.path.replace("[", ".").replace("]", "").split(".")
    return (
        problem.file,
        [(int(m[1]), s) if (m := _POSITION.fullmatch(s)) else (-1, s) for s in steps],
        problem.message,
    )


_N = TypeVar("_N", Actor, Place)


@attrs.define
class Directory(Generic[_N]):
    """The actors (or places) of a dataset, by every name, as far as they could be read."""

    path: Path
    table: str
    what: str
    entries: list[tuple[str, _N]]
    """Each entry with where it stands in its file (``actors[3]``, ``line 4``)."""
    available: bool
    """False when the file itself could not be read: then references go unchecked."""
    names: dict[str, str] = attrs.field(factory=dict)
    """Folded name → id."""
    broken: set[str] = attrs.field(factory=set)
    """Folded names of entries that could not be read: references to them are not errors."""

    @classmethod
    def read(cls, reader: Reader, path: Path, table: str, kind: type[_N]) -> Directory[_N]:
        """Read the TOML file `path`, whose array of tables `table` holds the entries."""
        document = reader.document(path, (table,))
        entries, broken = reader.many(path, document, table, kind) if document else ([], [])
        return cls.build(reader, path, table, entries, broken, document is not None)

    @classmethod
    def build(
        cls,
        reader: Reader,
        path: Path,
        table: str,
        entries: list[tuple[str, _N]],
        broken: Sequence[object],
        available: bool,
    ) -> Directory[_N]:
        """Index entries read from `path` (and remember the names of the broken ones)."""
        directory = cls(path, table, table.removesuffix("s"), entries, available)
        for item in broken:
            if isinstance(item, dict):
                aliases: object = item.get("aliases")
                spellings: list[object] = [
                    item.get("id"),
                    item.get("name"),
                    *(aliases if isinstance(aliases, list) else ()),
                ]
                directory.broken |= {fold(s) for s in spellings if isinstance(s, str)}
        directory._index(reader)
        return directory

    def _index(self, reader: Reader) -> None:
        first_at: dict[str, str] = {}
        kept = []
        for where, item in self.entries:
            if item.id in first_at:
                reader.add(
                    self.path,
                    f"{where}.id",
                    f"expected a unique id, found "
                    f"{item.id!r} again (first defined at {first_at[item.id]})",
                )
                continue
            first_at[item.id] = where
            kept.append((where, item))
            for name in item.names:
                if not fold(name):
                    reader.add(self.path, where, f"expected names with letters or digits, "
                               f"found {name!r} (a name must be matchable)")  # fmt: skip
                    continue
                owner = self.names.setdefault(fold(name), item.id)
                if owner != item.id:
                    reader.add(
                        self.path,
                        where,
                        f"expected names that "
                        f"identify one {self.what}, found {name!r} also naming {owner!r} "
                        "(names match regardless of case, accents and punctuation)",
                    )
        self.entries = kept

    def resolve(self, reader: Reader, file: Path, where: str, name: str | None) -> str | None:
        """Return the id `name` names, recording a problem when it names nothing."""
        if name is None or not self.available:
            return None
        if not fold(name):
            message = f"expected the id or an alias of a known {self.what}, found {name!r}"
            reader.add(file, where, f"{message} (a name needs letters or digits)")
            return None
        found = self.names.get(fold(name))
        if found is None and fold(name) not in self.broken:
            spellings = [spelling for _, item in self.entries for spelling in item.names]
            hint = did_you_mean(name, spellings) or f"add it to {self.path.name}"
            reader.add(
                file, where, f"expected a known {self.what} id or alias, found {name!r} ({hint})"
            )
        return found

    def resolve_all(
        self, reader: Reader, file: Path, where: str, names: Sequence[str]
    ) -> list[str | None]:
        """Resolve several names (``where[0]``, ``where[1]``…; one name is at ``where``)."""
        if len(names) == 1:
            return [self.resolve(reader, file, where, names[0])]
        return [self.resolve(reader, file, f"{where}[{i}]", name) for i, name in enumerate(names)]

    def check_tree(self, reader: Reader, key: str, parents_from: Directory[_N]) -> None:
        """Check that every `key` reference (part_of, within) resolves and no chain loops."""
        parent: dict[str, str | None] = {}
        for where, item in self.entries:
            where = f"{where}.{key}"
            parent[item.id] = parents_from.resolve(reader, self.path, where, getattr(item, key))
        reported: set[frozenset[str]] = set()
        for where, item in self.entries:
            chain: list[str] = [item.id]
            current = parent.get(item.id)
            while current is not None and current not in chain:
                chain.append(current)
                current = parent.get(current)
            if current == item.id and frozenset(chain) not in reported:
                reported.add(frozenset(chain))
                cycle = " ⊂ ".join([*chain, item.id])
                reader.add(
                    self.path,
                    f"{where}.{key}",
                    f"expected a chain that "
                    f"ends, found a cycle {cycle} (one of these must not be {key} another)",
                )


@attrs.define
class Checker:
    """The second pass: what only the whole dataset can tell."""

    reader: Reader
    actors: Directory[Actor]
    places: Directory[Place]
    claim_ids: dict[str, str] = attrs.field(factory=dict)
    totals: list[tuple[Path, str, ClaimEntry]] = attrs.field(factory=list)
    counted: dict[str, tuple[Path, str, ClaimEntry, Report, CountedFrom]] = attrs.field(
        factory=dict
    )
    """Claims whose date is counted from another claim's, by id: resolved once all are read."""
    unreadable_claims: set[str] = attrs.field(factory=set)
    """Ids of claims that could not be read: references to them are not reported again."""
    texts_optional: bool = False
    """In the bulk format a report may come without its text; its quotes go unchecked."""

    def report(self, path: Path, header: ReportEntry) -> Report | None:
        self.actors.resolve(self.reader, path, "report.outlet", header.outlet)
        text_file = Path(header.text_file)
        if text_file.is_absolute() or ".." in text_file.parts or len(text_file.parts) > 1:
            self.reader.add(
                path,
                "report.text_file",
                f"expected a file name beside the report, "
                f"found {header.text_file!r} (texts live in the reports folder)",
            )
            return None
        text_path = path.parent / (header.text_file or f"{path.stem}.txt")
        if (missing := not_a_file(text_path)) is not None:
            if missing.startswith("found nothing"):
                missing = "found none (save the article's text there)"
            self.reader.add(path, "report.text_file", f"expected the text file "
                            f"{text_path.name} beside the report, {missing}")  # fmt: skip
            return None
        try:
            text = text_path.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError) as error:
            self.reader.add(
                text_path, "", f"expected a readable UTF-8 text, found an error ({error})"
            )
            return None
        return Report(
            id=path.stem,
            outlet=header.outlet,
            title=header.title,
            published=_day(header.published),
            text=text,
            url=header.url,
            language=header.language,
            text_file=header.text_file,
            published_at=_moment(header.published),
            numeric_dates=header.numeric_dates,
        )

    def claims(
        self, path: Path, report: Report, entries: Sequence[tuple[str, ClaimEntry]]
    ) -> Iterator[Claim]:
        for where, entry in entries:
            claim = self.claim(path, report, where, entry)
            if claim is not None:
                yield claim

    def claim(self, path: Path, report: Report, where: str, entry: ClaimEntry) -> Claim | None:
        here = f"{path.name}: {where}"
        if not entry.id.strip():
            self.reader.add(path, f"{where}.id", "expected a claim id, found an empty string "
                            "(give every claim a short, unique id)")  # fmt: skip
        first = self.claim_ids.setdefault(entry.id, here)
        where = with_id(where, entry.id)
        if first != here:
            self.reader.add(
                path,
                f"{where}.id",
                f"expected a claim id unique in the dataset, "
                f"found {entry.id!r} again (first used at {first})",
            )
        if entry.predicate not in PREDICATES:
            hint = did_you_mean(entry.predicate, PREDICATES) or "see docs/model.md for the list"
            self.reader.add(
                path,
                f"{where}.predicate",
                f"expected a known predicate, found {entry.predicate!r} ({hint})",
            )
        for role in ("source", "patient"):
            self.actors.resolve(self.reader, path, f"{where}.{role}", getattr(entry, role))
        agents = entry.agents
        for index, agent in enumerate(agents):
            at = f"{where}.agent" + (f"[{index}]" if isinstance(entry.agent, tuple) else "")
            self.actors.resolve(self.reader, path, at, agent)
        if isinstance(entry.agent, tuple) and not agents:
            self.reader.add(path, f"{where}.agent", "expected at least one name, found an "
                            "empty list (leave agent out when nobody is named)")  # fmt: skip
        self._check_denial(path, where, entry)
        for index, relay in enumerate(entry.via):
            self.actors.resolve(self.reader, path, f"{where}.via[{index}]", relay)
        self.places.resolve(self.reader, path, f"{where}.place", entry.place)
        self.places.resolve(self.reader, path, f"{where}.reference", entry.reference)
        if entry.reference is not None and entry.predicate != "distance":
            self.reader.add(path, f"{where}.reference", f"expected a reference only on a "
                            f"'distance' claim, found it on a {entry.predicate!r} claim (it "
                            "names the place a distance is measured from)")  # fmt: skip
        if entry.extent is not None and entry.predicate not in {"controls", "took"}:
            self.reader.add(
                path,
                f"{where}.extent",
                f"expected no extent on a "
                f"{entry.predicate!r} claim, found {entry.extent.value!r} (extent "
                "belongs to 'controls' and 'took' claims)",
            )
        self._check_quote(path, f"{where}.quote", report, entry.quote)
        quantity = self._quantity(path, f"{where}.quantity", entry.quantity)
        restated = self._quantity(path, f"{where}.restated", entry.restated)
        if entry.restated is not None and entry.quantity is None:
            self.reader.add(
                path,
                f"{where}.restated",
                "expected a quantity to restate, found "
                "none (give the first figure as quantity, the other as restated)",
            )
        if quantity is not None and restated is not None:
            self._comparable(path, f"{where}.restated", restated, quantity, "the quantity")
        counted_from = entry.when.counted_from if isinstance(entry.when, WhenEntry) else None
        when = self._when(path, f"{where}.when", entry, report)
        as_of = self._as_of(path, f"{where}.as_of", entry, report, when)
        if entry.total is not None:
            self.totals.append((path, where, entry))
        if counted_from is not None and when is None:
            self.counted.setdefault(entry.id, (path, where, entry, report, counted_from))
        if any(
            written is not None and read is None
            for written, read in (
                (entry.quantity, quantity),
                (entry.restated, restated),
                (entry.when if counted_from is None else None, when),
                (entry.as_of, as_of),
            )
        ):
            return None
        return Claim(
            id=entry.id,
            report=report.id,
            predicate=entry.predicate,
            source=entry.source,
            quote=entry.quote,
            modality=entry.modality,
            agents=agents,
            patient=entry.patient,
            place=entry.place,
            quantity=quantity,
            restated=restated,
            when=when,
            extent=entry.extent,
            event=entry.event,
            via=entry.via,
            total=entry.total,
            exhaustive=entry.exhaustive,
            denies=entry.denies,
            as_of=as_of,
            note=entry.note,
            reference=entry.reference,
            when_from=counted_from,
        )

    def _well_formed(self, path: Path, where: str, when: WhenEntry) -> bool:
        problem = _well_formed_when(when)
        if problem is not None:
            self.reader.add(path, where, problem)
        return problem is None

    def _check_denial(self, path: Path, where: str, entry: ClaimEntry) -> None:
        if entry.denies is None:
            return
        if entry.modality is not Modality.DENIED:
            self.reader.add(path, f"{where}.denies", f"expected denies only on a denial, found "
                            f"it on a claim of modality {entry.modality.value!r} (add modality "
                            '= "denied", or leave denies out)')  # fmt: skip
        elif entry.denies is Denial.AGENT and not entry.agents:
            self.reader.add(path, f"{where}.denies", "expected the agent whose part is denied, "
                            'found no agent (name it, or write denies = "event" for a denial '
                            "that it happened at all)")  # fmt: skip
        elif (
            entry.denies is Denial.AGENT
            and (act := VOCABULARY.get(entry.predicate))
            and (not act.attributed)
        ):
            self.reader.add(path, f"{where}.denies", f'expected denies = "event" on a claim '
                            f"of predicate {entry.predicate!r}, found \"agent\" (nobody is "
                            f"blamed or credited for {act.act}: the denial says it did not "
                            "happen, and its agent says by whom)")  # fmt: skip

    def _as_of(
        self, path: Path, where: str, entry: ClaimEntry, report: Report, when: DateSpan | None
    ) -> DateSpan | datetime.datetime | None:
        """The statement time as written, resolved against the report's day, and checked: not
        after the report was published, not before what it tells of."""
        written = entry.as_of
        if written is None:
            return None
        found: DateSpan | datetime.datetime
        try:
            if isinstance(written, datetime.datetime):
                found = written
            elif isinstance(written, datetime.date):
                found = DateSpan.of(written)
            elif isinstance(written, WhenEntry):
                if written.start is None or written.counted_from is not None:
                    self.reader.add(path, where, "expected start (and optionally end) for a "
                                    "statement time of your own, found none (a statement time "
                                    "is not counted from another claim)")  # fmt: skip
                    return None
                found = DateSpan.of(written.start, written.end, text=written.text)
            else:
                found = read_when(written, report)
        except ValueError as error:
            self.reader.add(path, where, str(error))
            return None
        shown = found.isoformat() if isinstance(found, datetime.datetime) else str(found)
        if isinstance(found, datetime.datetime):
            # a moment against the report's moment, or against its day counted in any zone
            if report.published_at is not None:
                late = found > report.published_at
            else:
                late = found >= day_bounds(report.published, report.published)[1]
        else:
            late = found.end > report.published
        if late:
            published = (report.published_at or report.published).isoformat()
            self.reader.add(path, where, f"expected a statement time on or before the report's "
                            f"publication ({published}), found {shown} (as_of says when the "
                            "claim was stated; a report cannot quote what was said after it "
                            "appeared)")  # fmt: skip
        elif when is not None:
            self._check_stated_after(path, where, entry, found, when)
        return found

    def _check_stated_after(
        self,
        path: Path,
        where: str,
        entry: ClaimEntry,
        as_of: DateSpan | datetime.datetime,
        when: DateSpan,
    ) -> None:
        """Record a problem when a claim is stated before what it tells of began."""
        if entry.modality is Modality.PLANNED:
            return
        if isinstance(as_of, datetime.datetime):
            early = as_of < day_bounds(when.start, when.start)[0]
            shown = as_of.isoformat()
        else:
            early, shown = as_of.end < when.start, str(as_of)
        if early:
            self.reader.add(path, where, f"expected a statement time on or after what it tells "
                            f"of (when starts {when.start}), found {shown} (as_of is when the "
                            "claim was stated, when is when the thing happened)")  # fmt: skip

    def finish(self, loaded: list[Claim]) -> list[Claim]:
        """What only the whole dataset can tell: dates counted from other claims' dates are
        resolved (in the order they depend on each other), and totals checked."""
        claims = self._count_dates(loaded) if self.counted else loaded
        self.check_totals(claims)
        return claims

    def _count_dates(self, loaded: list[Claim]) -> list[Claim]:
        """Resolve each date counted from another claim's, following chains without recursion,
        so a long chain cannot exhaust the stack and a cycle is one problem."""
        claims = {claim.id: claim for claim in loaded}
        spans: dict[str, DateSpan | None] = {}
        for claim_id, (path, where, _, _, counted_from) in self.counted.items():
            if counted_from.claim == claim_id:
                key = "after" if counted_from.after else "before"
                message = ("expected another claim, found this claim itself (a date cannot be "
                           "counted from itself)")  # fmt: skip
                self.reader.add(path, f"{where}.when.{key}", message)
                spans[claim_id] = None
        for first in self.counted:
            chain: list[str] = []
            current = first
            while current in self.counted and current not in spans:
                if current in chain:
                    cycle = " → ".join([*chain[chain.index(current) :], current])
                    path, where, *_ = self.counted[current]
                    self.reader.add(path, f"{where}.when", f"expected a date counted from a "
                                    f"claim whose date does not depend on this one, found a "
                                    f"cycle: {cycle} (date one of them from the report or "
                                    "explicitly)")  # fmt: skip
                    spans.update(dict.fromkeys(chain))
                    break
                chain.append(current)
                current = self.counted[current][4].claim
            for claim_id in reversed(chain):
                if claim_id not in spans:
                    spans[claim_id] = self._counted_span(claim_id, claims, spans)
        resolved = []
        for claim in loaded:
            span = spans.get(claim.id)
            if claim.id in self.counted and span is not None:
                claim = attrs.evolve(claim, when=span)
            resolved.append(claim)
        return resolved

    def _counted_span(
        self, claim_id: str, claims: Mapping[str, Claim], spans: Mapping[str, DateSpan | None]
    ) -> DateSpan | None:
        """The date of claim `claim_id`, counted from its base claim's (already resolved)."""
        path, where, entry, report, counted_from = self.counted[claim_id]
        at = f"{where}.when"
        text = entry.when.text if isinstance(entry.when, WhenEntry) else ""
        base_id = counted_from.claim
        key = "after" if counted_from.after else "before"
        if base_id in self.counted:
            base = spans.get(base_id)
            if base is None:
                return None  # its own date has a problem, reported there
        elif (base_claim := claims.get(base_id)) is not None:
            if base_claim.when is None:
                self.reader.add(path, f"{at}.{key}", f"expected a claim with a date to count "
                                f"from, found {base_id!r}, which has none (give it a when, or "
                                "date this claim from the report)")  # fmt: skip
                return None
            base = base_claim.when
        else:
            if base_id not in self.claim_ids and base_id not in self.unreadable_claims:
                hint = did_you_mean(base_id, claims) or "give the id of the claim it follows"
                self.reader.add(path, f"{at}.{key}", f"expected the id of a claim in the "
                                f"dataset, found {base_id!r} ({hint})")  # fmt: skip
            return None
        try:
            span = DateSpan.parse_relative(text, base, after=counted_from.after)
        except ValueError as error:
            self.reader.add(path, at, str(error))
            return None
        chain = f"{span.reading}; claim {base_id} is dated {base.days} ({base.reading})"
        span = attrs.evolve(span, reading=chain)
        if span.end > report.published and entry.modality is not Modality.PLANNED:
            self.reader.add(path, at, f"expected a date on or before the report's publication "
                            f"({report.published.isoformat()}), found {span} (a future event "
                            'announced in the report takes modality = "planned")')  # fmt: skip
        as_of = claims[claim_id].as_of if claim_id in claims else None
        if as_of is not None:
            self._check_stated_after(path, f"{where}.as_of", entry, as_of, span)
        return span

    def check_totals(self, loaded: Iterable[Claim]) -> None:
        """Check that each `total` names a claim with a quantity, and the part has one too."""
        claims = {claim.id: claim for claim in loaded} if self.totals else {}
        for path, where, entry in self.totals:
            assert entry.total is not None
            total = claims.get(entry.total)
            if total is None and (
                entry.total in self.claim_ids or entry.total in self.unreadable_claims
            ):
                continue  # the total exists but has problems of its own, reported there
            if total is None:
                hint = did_you_mean(entry.total, claims) or "give the id of the claim of the total"
                self.reader.add(
                    path,
                    f"{where}.total",
                    f"expected the id of a claim in the dataset, found {entry.total!r} ({hint})",
                )
            elif total.quantity is None or entry.quantity is None:
                self.reader.add(
                    path,
                    f"{where}.total",
                    "expected a part and a total that both have a quantity, found none on "
                    + (entry.total if total.quantity is None else "this claim"),
                )
            elif entry.total == entry.id:
                self.reader.add(
                    path,
                    f"{where}.total",
                    "expected another claim, found this "
                    "claim itself (a claim cannot be a part of itself)",
                )
            elif (part := claims.get(entry.id)) is not None and part.quantity is not None:
                self._comparable(
                    path,
                    f"{where}.quantity",
                    part.quantity,
                    total.quantity,
                    f"its total {total.id}",
                )

    def _comparable(
        self, path: Path, where: str, quantity: Quantity, other: Quantity, what: str
    ) -> None:
        """Record a problem unless `quantity` can be compared with `other`."""
        try:
            quantity.to(other.unit)
        except UnitError:
            self.reader.add(
                path,
                where,
                f"expected a figure comparable with {what} ({other.unit}), found "
                f"{quantity.unit} (a count only compares with a count of the same noun, a "
                "measure with one of its own kind: a length, an area, a mass, a duration or a "
                "percentage)",
            )

    def _check_quote(self, path: Path, where: str, report: Report, quote: str) -> None:
        if self.texts_optional and not report.text:
            return
        wanted = " ".join(quote.split())
        # A quote found as written is found with the text's white space normalised (its own is).
        if wanted and (wanted in report.text or wanted in _spaced(report.text)):
            return
        shown = wanted if len(wanted) <= 60 else wanted[:57] + "…"
        self.reader.add(
            path,
            where,
            f"expected a passage that occurs verbatim in "
            f"{report.text_file or report.id + '.txt'}, found {shown!r} "
            f"({_closest_passage(report.text, wanted)})",
        )

    def _quantity(
        self, path: Path, where: str, entry: str | QuantityEntry | None
    ) -> Quantity | None:
        if entry is None:
            return None
        if isinstance(entry, str):
            entry = QuantityEntry(entry)
        try:
            if entry.low is None and entry.high is None:
                return Quantity.parse(entry.text, unit=entry.unit)
            if entry.low is None or entry.high is None:
                self.reader.add(
                    path,
                    where,
                    "expected both low and high for an explicit "
                    "interval, found only one (give both, e.g. low = 24, high = 99)",
                )
                return None
            if entry.low < 0 or entry.high < 0:
                bound = "low" if entry.low < 0 else "high"
                value = entry.low if entry.low < 0 else entry.high
                message = (f"expected a bound of 0 or more, found {value:g} (no count or "
                           "measure in a report is negative)")  # fmt: skip
                self.reader.add(path, f"{where}.{bound}", message)
                return None
            if math.isinf(entry.low):
                message = ("expected a finite low bound, found inf (only high may be inf: 'at "
                           "least 12' is low = 12, high = inf)")  # fmt: skip
                self.reader.add(path, f"{where}.low", message)
                return None
            return Quantity.interval(
                entry.low, entry.high, unit=entry.unit or "person", text=entry.text
            )
        except ValueError as error:
            self.reader.add(path, where, str(error))
            return None

    def _when(self, path: Path, where: str, entry: ClaimEntry, report: Report) -> DateSpan | None:
        published = report.published
        when = entry.when
        if when is None:
            return None
        try:
            if isinstance(when, WhenEntry):
                if not self._well_formed(path, where, when):
                    return None
                if when.start is None:
                    return None  # counted from another claim, once every claim is read
                span = DateSpan.of(when.start, when.end, text=when.text)
            else:
                span = read_when(when, report, ahead=entry.modality is Modality.PLANNED)
        except ValueError as error:
            self.reader.add(path, where, str(error))
            return None
        if span.end > published and entry.modality is not Modality.PLANNED:
            self.reader.add(
                path,
                where,
                f"expected a date on or before the report's "
                f"publication ({published.isoformat()}), found {span} (a future "
                'event announced in the report takes modality = "planned")',
            )
        return span


def with_id(where: str, identity: str) -> str:
    """Where a claim stands, with its id when it has one: ``claims[4] (meo-seven-killed)``,
    ``line 12 (c-12)``; a long id is shortened."""
    identity = " ".join(identity.split())
    if not identity:
        return where
    shown = identity if len(identity) <= 40 else identity[:39] + "…"
    return f"{where} ({shown})"


def _well_formed_when(when: WhenEntry) -> str | None:
    """Why a `when` table is not one of its two forms, or None when it is."""
    counted = [key for key in ("after", "before") if getattr(when, key) is not None]
    if len(counted) == 2:
        return ("expected after or before, found both (a date is counted from one claim, "
                "forward with after, back with before)")  # fmt: skip
    if counted and when.start is not None:
        return (f"expected start (a span of your own) or {counted[0]} (a date counted from "
                "another claim), found both (keep one)")  # fmt: skip
    if counted and when.end is not None:
        return (f"expected no end on a date counted from another claim, found end with "
                f"{counted[0]} (the wording says how far from that claim's date)")  # fmt: skip
    if not counted and when.start is None:
        return ("expected start (and optionally end) for a span of your own, or after or before "
                "naming the claim the wording counts from, found neither")  # fmt: skip
    return None


def _day(published: Published) -> datetime.date:
    """The day of a publication as written (a moment's own local date)."""
    return published.date() if isinstance(published, datetime.datetime) else published


def _moment(published: Published) -> datetime.datetime | None:
    return published if isinstance(published, datetime.datetime) else None


_HINT_CHARACTERS = 500
"""A longer quote is cut to its words within this many characters to look for its closest
passage; whether it occurs is checked with the whole of it."""
_LOOKUPS = 4_000
"""The most occurrences in the text of a quote's words, rarest words first, that vote for where
the quote may come from."""
_ALIGNMENTS = 4
"""The most places voted for that are compared letter by letter with a quote."""
_SHIFTS = 2
"""How many words earlier and later than the best of them a quote is compared, too (where a
word is missing or added, or the quote is longer than its passage)."""
_NOT_IN_KEY = re.compile(r"[^\w ]+")


@functools.lru_cache(maxsize=4)
def _spaced(text: str) -> str:
    """`text` with each run of white space made one space, the way quotes are matched.

    Cached, so a report's text is normalised once, not once per quote."""
    return " ".join(text.split())


def _keys(spaced: str) -> list[str]:
    """The words of a normalised text, folded to compare: lower case, without punctuation."""
    return _NOT_IN_KEY.sub("", spaced.lower()).split(" ") if spaced else []


@attrs.frozen
class _Words:
    """A text with its white space normalised and its words indexed by their folded form."""

    text: str
    starts: list[int]
    """Where each word of `text` starts; last, the length of `text` plus one."""
    where: dict[str, list[int]]
    """The positions, in order, of the words that fold to each key."""

    @classmethod
    def of(cls, text: str) -> _Words:
        spaced = _spaced(text)
        starts, at = [0], 0
        for word in spaced.split():
            at += len(word) + 1
            starts.append(at)
        where: dict[str, list[int]] = {}
        for position, key in enumerate(_keys(spaced)):
            if key:
                where.setdefault(key, []).append(position)
        return cls(spaced, starts, where)

    def passage(self, start: int, size: int) -> str:
        """The `size` words from word `start` on (fewer at the end of the text)."""
        end = min(len(self.starts) - 1, start + size)
        return self.text[self.starts[start] : max(self.starts[start], self.starts[end] - 1)]


@functools.lru_cache(maxsize=2)
def _words(text: str) -> _Words:
    """`text`'s words, indexed once for all the quotes of its report that do not occur in it."""
    return _Words.of(text)


def _closest_passage(text: str, wanted: str) -> str:
    """Hint at the passage of `text` that `wanted` (a quote, white space normalised) most
    resembles: a run of as many words as it has that reads at least half like it (difflib's
    ratio), else that there is none.

    The places where the quote's words occur in the text, rarest words first, vote for where
    the quote would start; the few places voted for most are compared letter by letter. So the
    work per quote is bounded — at most `_LOOKUPS` votes and `_ALIGNMENTS + 2 × _SHIFTS`
    comparisons of at most `_HINT_CHARACTERS` characters — and a text is indexed once for all
    its quotes. Of passages alike, the earliest is named."""
    if len(wanted) > _HINT_CHARACTERS:
        cut = wanted[: _HINT_CHARACTERS + 1]
        wanted = cut.rsplit(" ", 1)[0] if " " in cut else cut[:-1]
    words = _words(text)
    size = max(1, len(wanted.split()))
    last = max(0, len(words.starts) - 1 - size)
    found = sorted((len(words.where[key]), j, key) for j, key in enumerate(_keys(wanted))
                   if key in words.where)  # fmt: skip
    votes: Counter[int] = Counter()
    budget = _LOOKUPS
    for _, j, key in found:
        positions = words.where[key][:budget]
        votes.update(i - j for i in positions)
        budget -= len(positions)
        if budget <= 0:
            break
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(wanted)
    best, best_start, best_ratio = "", 0, 0.0

    def compare(start: int) -> None:
        nonlocal best, best_start, best_ratio
        candidate = words.passage(start, size)
        matcher.set_seq1(candidate)
        if matcher.quick_ratio() < best_ratio or (ratio := matcher.ratio()) < best_ratio:
            return
        if ratio > best_ratio or start < best_start:
            best, best_start, best_ratio = candidate, start, ratio

    aligned = sorted({min(last, max(0, start)) for start, _ in votes.most_common(_ALIGNMENTS)})
    for start in aligned:
        compare(start)
    if best_ratio > 0:
        for start in range(max(0, best_start - _SHIFTS), min(last, best_start + _SHIFTS) + 1):
            if start not in aligned:
                compare(start)
    if best_ratio < 0.5:
        return "no similar passage; check it was copied from this report"
    return (
        f"closest passage: {shortened(best)!r}; quotes are matched exactly, except for white space"
    )


# -- dumping ----------------------------------------------------------------------------------


def quantity_entry(quantity: Quantity) -> str | QuantityEntry:
    try:
        reparsed = Quantity.parse(quantity.text, unit=quantity.unit)
    except ValueError:
        reparsed = None
    if reparsed == quantity:
        bare = _try(lambda: Quantity.parse(quantity.text))
        return quantity.text if bare == quantity else QuantityEntry(quantity.text, quantity.unit)
    return QuantityEntry(quantity.text, quantity.unit, quantity.low, quantity.high)


def read_when(text: str, report: Report, *, ahead: bool = False) -> DateSpan:
    """Resolve a claim's date wording against its report's publication date, in the report's
    order of numeric dates (looking ahead for a planned claim, see `DateSpan.parse`).

    A weekday that contradicts its date is the source's own inconsistency, not a curator's
    mistake: the date is kept, and the rule `date.weekday-mismatch` reports it.
    """
    try:
        return DateSpan.parse(
            text, anchor=report.published, ahead=ahead, numeric=report.numeric_dates
        )
    except WeekdayMismatchError as mismatch:
        return mismatch.span


def when_entry(
    span: DateSpan, report: Report, ahead: bool, counted_from: CountedFrom | None = None
) -> str | WhenEntry:
    """How `when` is written back: the wording, a table counting it from another claim's date,
    or the wording with its explicit span."""
    if counted_from is not None:
        if counted_from.after:
            return WhenEntry(span.text, after=counted_from.claim)
        return WhenEntry(span.text, before=counted_from.claim)
    if _try(lambda: read_when(span.text, report, ahead=ahead)) == span:
        return span.text
    return WhenEntry(span.text, span.start, None if span.end == span.start else span.end)


def claim_fields(claim: Claim, report: Report) -> dict[str, Any]:
    """The fields `claim`, of `report`, is written back with: the one copy from the model to
    the file formats (a report file's ClaimEntry, a bulk line's BulkClaim)."""
    planned = claim.modality is Modality.PLANNED
    when = claim.when
    return {
        "id": claim.id,
        "predicate": claim.predicate,
        "source": claim.source,
        "quote": claim.quote,
        "modality": claim.modality,
        "agent": names_entry(claim.agents),
        "patient": claim.patient,
        "place": claim.place,
        "quantity": None if claim.quantity is None else quantity_entry(claim.quantity),
        "restated": None if claim.restated is None else quantity_entry(claim.restated),
        "when": None if when is None else when_entry(when, report, planned, claim.when_from),
        "extent": claim.extent,
        "event": claim.event,
        "via": claim.via,
        "total": claim.total,
        "exhaustive": claim.exhaustive,
        "denies": claim.denies,
        "as_of": as_of_entry(claim.as_of, report),
        "note": claim.note,
        "reference": claim.reference,
    }


def names_entry(names: tuple[str, ...]) -> Names:
    """How `agent` is written: one name as a string, several as a list, none left out."""
    if not names:
        return None
    return names[0] if len(names) == 1 else names


def as_of_entry(as_of: DateSpan | datetime.datetime | None, report: Report) -> AsOf:
    """How `as_of` is written back: the moment, the date, the wording or a table."""
    if as_of is None or isinstance(as_of, datetime.datetime):
        return as_of
    if as_of.explicit and not as_of.text and as_of.start == as_of.end:
        return as_of.start
    return when_entry(as_of, report, False)


_R = TypeVar("_R")


def _try(make: Callable[[], _R]) -> _R | None:
    try:
        return make()
    except ValueError:
        return None


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


def dump_accepted(accepted: Sequence[Acceptance], path: str | os.PathLike[str]) -> None:
    """Write a dataset's accepted findings — accepted.toml, or accepted.jsonl in the bulk
    format — whole or not at all, leaving every other file as it is."""
    root = Path(path)
    if (root / BULK_MANIFEST).is_file():
        from crosscheck.bulk import dump_accepted_bulk

        dump_accepted_bulk(accepted, root)
        return
    document = make_converter().unstructure(AcceptedFile(tuple(accepted)))
    write_atomically(root / ACCEPTED_FILE, tomli_w.dumps(document).encode("utf-8"))


def dump(dataset: Dataset, path: str | os.PathLike[str]) -> None:
    """Write `dataset` to folder `path` in the format `load` reads.

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
