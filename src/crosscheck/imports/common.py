"""What the importers of coded event datasets share: reading the CSV a row at a time, the
one-line problems of a row, and the builder that turns names into actors and places once.

An importer reads one export (UCDP GED, ACLED) and hands each row to a function that adds the
row's report and claims to a `Builder`; a value it cannot map raises `RowProblem`, which
becomes one `Problem` naming the file, the line and the column. The builder keeps one actor per
spelling of a name (folded, and through `KNOWN_SOURCES`, so "SOHR" and "Syrian Observatory for
Human Rights" are one voice) and one place per name within its enclosing place.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Final, TypeVar

import attrs

from crosscheck.dates import DateSpan
from crosscheck.loading.files import not_a_file, without_bom
from crosscheck.loading.problems import DatasetError, Problem, describe, shortened, with_id
from crosscheck.model import Actor, ActorKind, Claim, Dataset, Place, PlaceKind, Report
from crosscheck.names import fold

__all__ = [
    "BATCH",
    "KNOWN_SOURCES",
    "Builder",
    "Imported",
    "Layout",
    "RowProblem",
    "Streamed",
    "origins",
    "read_rows",
    "slug",
    "stream",
]

_T = TypeVar("_T")

LONGEST_FIELD: Final = 1 << 20
"""The longest cell read (1 MiB): GED's longest `source_article` cells are a few kilobytes."""

PROBLEMS_KEPT: Final = 200
"""The most problems one import lists; the rest are counted."""


@attrs.frozen
class KnownSource:
    """A source that coded datasets name in several spellings."""

    id: str
    name: str
    kind: ActorKind
    aliases: tuple[str, ...] = ()


_M, _O, _P = ActorKind.MONITOR, ActorKind.ORGANISATION, ActorKind.MEDIA
KNOWN_SOURCES: Final[tuple[KnownSource, ...]] = (
    KnownSource("sohr", "Syrian Observatory for Human Rights", _M,
                ("SOHR", "Syrian Observatory", "The Syrian Observatory for Human Rights",
                 "Syrian Observatory for Human Rights (SOHR)", "SOHR (Syrian Observatory)",
                 "SOHR (Syrian Observatory for Human Rights)", "Syrian Observatory for HR")),
    KnownSource("vdc", "Violations Documentation Center", _M,
                ("VDC", "Violations Documentation Centre", "VDC Syria",
                 "Violation Documentation Center")),
    KnownSource("snhr", "Syrian Network for Human Rights", _M, ("SNHR",)),
    KnownSource("shrc", "Syrian Human Rights Committee", _M, ("SHRC",)),
    KnownSource("airwars", "Airwars", _M),
    KnownSource("satp", "South Asia Terrorism Portal", _M, ("SATP",)),
    KnownSource("unama", "United Nations Assistance Mission in Afghanistan", _O, ("UNAMA",)),
    KnownSource("hrw", "Human Rights Watch", _O, ("HRW",)),
    KnownSource("amnesty", "Amnesty International", _O, ("Amnesty",)),
    KnownSource("ocha", "UN Office for the Coordination of Humanitarian Affairs", _O,
                ("OCHA", "UN OCHA", "UNOCHA")),
    KnownSource("kst", "Kivu Security Tracker", _M, ("KST",)),
    KnownSource("nyt", "The New York Times", _P, ("New York Times", "NY Times", "NYT",
                                                 "NYTimes.com")),
    KnownSource("reuters", "Reuters", _P, ("Reuters News",)),
    KnownSource("afp", "Agence France-Presse", _P, ("AFP", "Agence France Presse")),
    KnownSource("ap", "Associated Press", _P, ("AP", "The Associated Press")),
    KnownSource("bbc", "BBC", _P, ("BBC News", "BBC Monitoring")),
    KnownSource("al-jazeera", "Al Jazeera", _P, ("Al-Jazeera", "Aljazeera")),
    KnownSource("xinhua", "Xinhua News Agency", _P, ("Xinhua",)),
    KnownSource("sana", "Syrian Arab News Agency", _P, ("SANA",)),
    KnownSource("anadolu", "Anadolu Agency", _P, ("Anadolu", "AA")),
    KnownSource("ukrinform", "Ukrinform", _P),
    KnownSource("step-news", "Step News Agency", _P, ("Step News",)),
)  # fmt: skip
"""Monitors, agencies and outlets that coded datasets name in several spellings; any other
source becomes an actor of its own, its spellings matched case- and accent-insensitively."""

_KNOWN_NAMES: Final = frozenset(fold(n) for k in KNOWN_SOURCES for n in (k.name, *k.aliases))

_GENERIC: Final = frozenset(
    fold(word)
    for word in ("police", "officials", "official", "military", "army", "witnesses", "locals",
                 "residents", "security sources", "security officials", "local official",
                 "local officials", "local sources", "sources", "activists", "medics",
                 "hospital sources", "military spokesman", "government", "authorities")
)  # fmt: skip
"""Collective or anonymous voices: actors of kind `unnamed`."""


_RANK: Final = {
    ActorKind.UNNAMED: 0,
    ActorKind.ORGANISATION: 1,
    ActorKind.PEOPLE: 2,
    ActorKind.ARMED_GROUP: 3,
    ActorKind.ARMED_FORCES: 4,
    ActorKind.GOVERNMENT: 5,
}
"""Which kind an actor named in several roles keeps, whatever the order of the rows: a side's
over a source's ("Taliban" as a source and as side B is the armed group)."""


class RowProblem(Exception):  # noqa: N818  (a row's problem, not an error of crosscheck)
    """A value of one row that cannot be mapped: its column, what was expected, what was found."""

    def __init__(self, column: str, message: str) -> None:
        super().__init__(message)
        self.column = column
        self.message = message


def expected(column: str, what: str, value: str, hint: str = "") -> RowProblem:
    """A `RowProblem` reading "expected WHAT, found VALUE (HINT)"."""
    found = "nothing" if value == "" else describe(value)
    return RowProblem(column, f"expected {what}, found {found}" + (f" ({hint})" if hint else ""))


def slug(name: str) -> str:
    """An id made of a name: "Government of Syria" → "government-of-syria"."""
    return "-".join(fold(name).split()) or "unnamed"


_LIST = re.compile(r"\s*;\s*")


def origins(cell: str) -> list[str]:
    """The sources a cell names, in order, each once: split on ";", and on "," when every
    piece is a short name ("SOHR, Airwars"), not a phrase with a comma inside ("the head of
    the Luhansk administration, Serhiy Gaidai" stays one source)."""
    found: list[str] = []
    for part in _LIST.split(cell.strip()):
        pieces = [p.strip() for p in part.split(",")]
        if len(pieces) > 1 and all(0 < len(p.split()) <= 4 or fold(p) in _KNOWN_NAMES
                                   for p in pieces):  # fmt: skip
            found.extend(pieces)
        else:
            found.append(part.strip())
    kept: dict[str, str] = {}
    for name in found:
        if fold(name):  # "." or "-" names nobody
            kept.setdefault(fold(name), " ".join(name.split()))
    return list(kept.values())


def day(column: str, value: str) -> datetime.date:
    """An ISO day ("2020-02-11") of a column, or a `RowProblem`."""
    try:
        return datetime.date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise expected(column, "a date such as 2020-02-11", value) from None


_WHOLE = re.compile(r"-?[0-9]{1,9}(?:\.0)?", re.ASCII)  # R and pandas write 4.0
_IDENTITY = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*", re.ASCII)


def whole(column: str, value: str, *, minimum: int = 0) -> int:
    """A whole number of a column (ASCII digits, below a billion), at least `minimum`, or a
    `RowProblem`."""
    text = value.strip()
    if not _WHOLE.fullmatch(text):
        long = text.isascii() and text.isdigit()
        raise expected(column, "a whole number below a billion" if long else "a whole number",
                       value)  # fmt: skip
    number = int(text.removesuffix(".0"))
    if number < minimum:
        raise expected(column, f"a whole number of at least {minimum}", value)
    return number


def identity(column: str, value: str) -> str:
    """A row's id: letters, digits, ".", "_" and "-" (it names files), or a `RowProblem`."""
    text = value.strip()
    if not text:
        raise expected(column, "the event's id", "")
    if not _IDENTITY.fullmatch(text) or len(text) > 100:
        raise expected(column, "an id of letters, digits, '.', '_' and '-'", value,
                       "the id names the incident's report and its file")  # fmt: skip
    return text


def named(row: Row, column: str, what: str, *, required: bool = True) -> str:
    """The name in a column, its white space collapsed; "" when empty and not `required`; a
    `RowProblem` when required and empty, or naming nothing ("...", "?")."""
    text = " ".join(row.get(column, "").split())
    if not text and not required:
        return ""
    if not fold(text):
        raise expected(column, what, text, "a name has letters or digits")
    return text


def degrees(column: str, value: str, limit: int) -> float | None:
    """A latitude or longitude of a column, None when the cell is empty, or a `RowProblem`."""
    if not value.strip():
        return None
    try:
        found = float(value)
    except ValueError:
        raise expected(column, "a number of degrees", value) from None
    if not -limit <= found <= limit:
        raise expected(column, f"degrees between -{limit} and {limit}", value)
    return found


@attrs.frozen
class Imported:
    """A dataset read from a coded export, and the rows left out."""

    dataset: Dataset
    rows: int
    """How many rows the export has."""
    skipped: tuple[Problem, ...] = ()
    """With `skip_invalid`: one problem per row left out (the first `PROBLEMS_KEPT`)."""
    skipped_rows: int = 0
    silent_rows: int = 0
    """Rows that gave no claim (a protest without fatalities): imported as nothing to check."""
    lines: Mapping[str, int] = attrs.field(factory=dict, repr=False, eq=False)
    """The line of the export each report (row) starts on, by report id."""

    def locations(self, file: str = "") -> Mapping[str, tuple[str, int]]:
        """Where each claim is written: (`file`, the line of its row), by claim id — the
        mapping `crosscheck.render.Run.locations` takes ("" names the export itself)."""
        return _RowLocations(self.dataset, self.lines, file)


class _RowLocations(Mapping[str, tuple[str, int]]):
    """Each claim's row, looked up when asked: a million claims need no second index."""

    def __init__(self, dataset: Dataset, lines: Mapping[str, int], file: str) -> None:
        self._dataset, self._lines, self._file = dataset, lines, file

    def __getitem__(self, claim: str) -> tuple[str, int]:
        return self._file, self._lines[self._dataset.claim(claim).report]

    def __iter__(self) -> Iterator[str]:
        return (claim.id for claim in self._dataset.claims)

    def __len__(self) -> int:
        return len(self._dataset.claims)


@attrs.define
class Builder:
    """The actors, places, reports and claims of an import, each made once."""

    _actors: dict[str, Actor] = attrs.field(factory=dict)
    _actor_ids: dict[str, str] = attrs.field(factory=dict)
    """Each folded spelling of an actor's name → its id."""
    _places: dict[str, Place] = attrs.field(factory=dict)
    _place_ids: dict[tuple[str | None, str], str] = attrs.field(factory=dict)
    """(enclosing place id, folded name) → the place's id."""
    _same_name: defaultdict[str, list[str]] = attrs.field(factory=lambda: defaultdict(list))
    """Each folded place name → the ids of the places of that name."""
    reports: list[Report] = attrs.field(factory=list)
    claims: list[Claim] = attrs.field(factory=list)

    def actor(self, name: str, kind: ActorKind, **fields: object) -> str:
        """The id of the actor `name` names, made (with `kind`) on its first mention; a known
        source keeps its own kind and aliases."""
        name = " ".join(name.split())
        found = self._actor_ids.get(fold(name))
        if found is not None:
            held = self._actors[found]
            if _RANK.get(kind, 0) > _RANK.get(held.kind, 0):  # a side named as a source first
                self._actors[found] = attrs.evolve(held, kind=kind)
            return found
        known = next((k for k in KNOWN_SOURCES
                      if fold(name) in {fold(n) for n in (k.name, *k.aliases)}), None)  # fmt: skip
        if known is not None:
            made = Actor(known.id, known.name, known.kind, known.aliases)
        else:
            made = Actor(self._free_id(slug(name), self._actors), name, kind, **fields)  # type: ignore[arg-type]
        self._actors[made.id] = made
        for spelling in made.names:
            self._actor_ids.setdefault(fold(spelling), made.id)
        return made.id

    def source(self, name: str) -> str:
        """The id of a source named in a source column: a known source, a collective voice
        ("police", "officials": `unnamed`) or an organisation."""
        kind = ActorKind.UNNAMED if fold(name) in _GENERIC else ActorKind.ORGANISATION
        return self.actor(name, kind)

    def word(self, cell: str, dataset: str) -> tuple[str, tuple[str, ...]]:
        """Whose word a row's figures rest on, from its source column (`origins`): the one
        source it names; else the dataset itself, with the names of the sources it names
        (several, or none)."""
        ids = {self.source(name): name for name in origins(cell)}
        if len(ids) == 1:
            return next(iter(ids)), ()
        return dataset, tuple(self.name_of_actor(i) for i in ids)

    def name_of_actor(self, actor: str) -> str:
        """The display name of an actor made here, by id."""
        return self._actors[actor].name

    def place(self, name: str, kind: PlaceKind, within: str | None, **fields: object) -> str:
        """The id of the place `name` within `within`, made on its first mention. Two places
        of one name elsewhere (two villages called Hamra) are told apart by their enclosing
        places' names once every row is read (`dataset`), whatever the order of the rows."""
        name = " ".join(name.split())
        key = (within, fold(name))
        found = self._place_ids.get(key)
        if found is not None:
            self._sharpen(found, kind, fields)
            return found
        made = Place(self._free_id(slug(name), self._places), name, kind, within=within, **fields)  # type: ignore[arg-type]
        self._places[made.id] = made
        self._place_ids[key] = made.id
        self._same_name[fold(name)].append(made.id)
        return made.id

    def _sharpen(self, place_id: str, kind: PlaceKind, fields: Mapping[str, object]) -> None:
        """A place named again: it keeps the most exact point any row gives it (the least
        precision, then the least coordinates) and the first kind in `PlaceKind`'s order, so
        the rows' order changes nothing."""
        place = self._places[place_id]
        lat, lon, precision = fields.get("lat"), fields.get("lon"), fields.get("precision_km")
        if isinstance(lat, float) and isinstance(lon, float) and isinstance(precision, float):
            given = (precision, lat, lon)
            if (
                place.lat is None
                or place.lon is None
                or given < (place.precision_km, place.lat, place.lon)
            ):
                place = attrs.evolve(place, lat=lat, lon=lon, precision_km=precision)
        kinds = list(PlaceKind)
        if kinds.index(kind) < kinds.index(place.kind):
            place = attrs.evolve(place, kind=kind)
        self._places[place_id] = place

    def name_of(self, place: str) -> str:
        """The name of a place made here, by id."""
        return self._places[place].name

    @staticmethod
    def _free_id(base: str, taken: Mapping[str, object]) -> str:
        if base not in taken:
            return base
        n = 2
        while f"{base}-{n}" in taken:
            n += 1
        return f"{base}-{n}"

    def _told_apart(self) -> dict[str, Place]:
        """The places sharing a name, renamed after their enclosing places ("Hamra village
        (As Suqaylibiyah district)", "Atareb (town)" within the district of Atareb), with ids
        made of those names: the same for any order of the rows."""
        renamed: dict[str, Place] = {}
        taken = {fold(p.name) for p in self._places.values()}
        for ids in self._same_name.values():
            if len(ids) < 2:
                continue
            chains = {i: self._qualifiers(i) for i in ids}
            depth = 1
            while depth < 8 and len({tuple(chains[i][:depth]) for i in ids}) < len(ids):
                depth += 1
            for place_id in sorted(
                ids, key=lambda i: (chains[i], self._places[i].coordinates or ())
            ):
                place = self._places[place_id]
                shown = f"{place.name} ({', '.join(chains[place_id][:depth])})"
                while fold(shown) in taken:
                    shown = f"{shown} {len(renamed) + 2}"  # the same names all the way up
                taken.add(fold(shown))
                renamed[place_id] = attrs.evolve(place, name=shown, id=slug(shown))
        return renamed

    def _qualifiers(self, place_id: str) -> list[str]:
        place = self._places[place_id]
        names: list[str] = []
        outer = place.within
        while outer is not None:
            parent = self._places[outer]
            same = fold(parent.name).startswith(fold(place.name))  # Atareb, the town, in Atareb
            names.append(place.kind.value if same and not names else parent.name)
            outer = parent.within
        return names or [place.kind.value]

    def dataset(self) -> Dataset:
        """Everything built, as a dataset (places of one name told apart)."""
        places, ids = self.final_places()
        return Dataset(self.reports, self.actors(), places, self.renamed(ids))

    def final_places(self) -> tuple[list[Place], dict[str, str]]:
        """Every place, those of one name told apart, and the ids that changed (old → new)."""
        renamed = self._told_apart()
        ids = {old: place.id for old, place in renamed.items()}
        places = []
        for place in self._places.values():
            place = renamed.get(place.id, place)
            if place.within in ids:
                place = attrs.evolve(place, within=ids[place.within])
            places.append(place)
        return places, ids

    def renamed(self, ids: dict[str, str]) -> list[Claim]:
        """The claims built, their places under their told-apart ids."""
        if not ids:
            return self.claims
        return [c if c.place not in ids else attrs.evolve(c, place=ids[c.place])
                for c in self.claims]  # fmt: skip

    def actors(self) -> tuple[Actor, ...]:
        """Every actor made, in the order first named."""
        return tuple(self._actors.values())

    def sizes(self) -> tuple[int, int]:
        """How many actors and places have been made."""
        return len(self._actors), len(self._places)


@attrs.frozen
class Record:
    """One row as an incident: the report it is (`name`), and what every claim of it shares —
    its event id, place, dates and the word it rests on: the one source the row names, or, when
    it names several, the dataset itself (a figure coded from several sources is the coders'
    own estimate, not any one source's), with the sources said in each claim's note."""

    name: str
    event: str
    place: str
    when: DateSpan
    source: str
    basis: tuple[str, ...] = ()
    """The names of the sources, when the row names several."""

    def claim(self, measure: str, predicate: str, quote: str, **fields: Any) -> Claim:
        """The row's claim of `measure`: ``ged-336685-best``."""
        if self.basis:
            said = f"coded from {'; '.join(self.basis)}"
            fields["note"] = f"{fields['note']}; {said}" if fields.get("note") else said
        return Claim(f"{self.name}-{measure}", self.name, predicate, self.source, quote,
                     place=self.place, when=self.when, event=self.event, **fields)  # fmt: skip


def text_of(row: Mapping[str, str], columns: Sequence[str]) -> str:
    """A row as a report's text, a column a line ("best: 52"): what its claims quote."""
    return "\n".join(f"{column}: {row.get(column, '')}" for column in columns)


Row = Mapping[str, str]
AddRow = Callable[[Builder, Row, int], bool]
"""Adds one row (with its line number) to the builder; False when it gave no claim."""


_UNDECODED = re.compile("[\udc80-\udcff]")
"""A byte that is not UTF-8, kept by the "surrogateescape" error handler to be reported on its
own line."""


def read_rows(path: Path, required: Sequence[str]) -> Iterator[tuple[int, Row, RowProblem | None]]:
    """The rows of a CSV export with their line numbers, one at a time, each with the problem
    of its shape (a cell too many or too few, bytes that are not UTF-8) or None; raises
    `DatasetError` for a file that is not a readable CSV with the `required` columns."""
    problem = not_a_file(path)
    if problem is not None:
        found = problem if path.exists() or path.is_symlink() else "found nothing (check the path)"
        raise DatasetError([Problem(str(path), "", f"expected a CSV export, {found}")])
    csv.field_size_limit(LONGEST_FIELD)
    try:
        raw = path.open("rb")
    except OSError as error:
        raise DatasetError([Problem(str(path), "", f"expected a readable file, found an error "
                                    f"({error.strerror or error})")]) from None  # fmt: skip
    with raw:
        text = io.TextIOWrapper(raw, encoding="utf-8", errors="surrogateescape", newline="")
        first = without_bom(text.readline())
        if _UNDECODED.search(first):
            message = "expected UTF-8 text, found undecodable bytes (save the file as UTF-8)"
            raise DatasetError([Problem(str(path), "line 1", message)])
        header = next(csv.reader([first]), [])
        missing = [c for c in required if c not in header]
        if missing:
            shown = ", ".join(shortened(c, 30) for c in header[:8]) or "nothing"
            raise DatasetError([Problem(str(path), "line 1", f"expected the columns "
                                        f"{', '.join(missing)}, found {shown}"
                                        f"{' …' if len(header) > 8 else ''} (is this the right "
                                        "export?)")])  # fmt: skip
        reader = csv.DictReader(text, fieldnames=header, strict=True)
        line = 1
        while True:
            start = line + 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                message = f"expected a CSV row, found {error}"
                raise DatasetError([Problem(str(path), f"line {start}", message)]) from None
            line = reader.line_num + 1  # a quoted cell may span lines
            if None in row or any(v is None for v in row.values()):
                more = "more" if None in row else "fewer"
                yield start, row, RowProblem("", f"expected {len(header)} cells as the header "
                                             f"has, found {more}")  # fmt: skip
            elif any(_UNDECODED.search(v) for v in row.values() if v):
                column = next(c for c, v in row.items() if v and _UNDECODED.search(v))
                yield start, row, RowProblem(column, "expected UTF-8 text, found undecodable "
                                             "bytes (save the file as UTF-8)")  # fmt: skip
            else:
                yield start, row, None


@attrs.frozen
class Layout:
    """How one export layout is read: its required columns, the column of a row's id, and
    the function that adds a row to a builder (with the reader's options as keywords)."""

    required: tuple[str, ...]
    identity: str
    add: Callable[..., bool]

    def adding(self, **options: object) -> AddRow:
        """`add` with the reader's `options` (`published`, `texts`) given."""

        def add(builder: Builder, row: Row, line: int) -> bool:
            return self.add(builder, row, line, **options)

        return add


@attrs.define
class _Pass:
    """What one reading of every row found: the problems, each report's line, the counts."""

    problems: list[Problem] = attrs.field(factory=list)
    lines: dict[str, int] = attrs.field(factory=dict)
    refused: set[int] = attrs.field(factory=set)
    """The lines of the rows left out."""
    failed: int = 0
    silent: int = 0
    rows: int = 0
    claims: int = 0
    reports: int = 0


def _read_all(path: Path, layout: Layout, add: AddRow, *, builder: Builder, keep: bool) -> _Pass:
    """Every row of the export at `path` added to `builder`; with `keep` False, each row's
    report and claims are counted and dropped (only the actors and places stay)."""
    read = _Pass()
    identity = layout.identity
    first_on: dict[str, int] = {}  # each row's id → its line
    for line, row, shape in read_rows(path, layout.required):
        read.rows += 1
        claims, reports = len(builder.claims), len(builder.reports)
        try:
            if shape is not None:
                raise shape
            key = (row.get(identity) or "").strip()
            if key in first_on:
                raise RowProblem(identity, f"expected each event once, found {key!r} again "
                                 f"(first on line {first_on[key]})")  # fmt: skip
            if not add(builder, row, line):
                read.silent += 1
            first_on[key] = line
            for report in builder.reports[reports:]:
                read.lines[report.id] = line
        except RowProblem as problem:
            del builder.claims[claims:], builder.reports[reports:]
            read.failed += 1
            read.refused.add(line)
            if len(read.problems) < PROBLEMS_KEPT:
                where = with_id(f"line {line}", row.get(identity, "") or "")
                at = f"{where}.{problem.column}" if problem.column else where
                read.problems.append(Problem(str(path), at, problem.message))
        if not keep:
            read.claims += len(builder.claims)
            read.reports += len(builder.reports)
            builder.claims.clear()
            builder.reports.clear()
    if keep:
        read.claims, read.reports = len(builder.claims), len(builder.reports)
    return read


def _judged(path: Path, read: _Pass, skip_invalid: bool) -> None:
    """Raise `DatasetError` for rows that cannot be mapped (unless `skip_invalid`), or for an
    export with nothing to check."""
    problems = read.problems
    if read.failed and not skip_invalid:
        more = read.failed - len(problems)
        if more:
            problems.append(Problem(str(path), "", f"{more:,} more rows cannot be imported"))
        raise DatasetError(problems)
    if not read.claims:
        found = f"none of its {read.rows:,} rows" if read.rows else "no rows"
        raise DatasetError([Problem(str(path), "", f"expected a row with something to check "
                                    f"(deaths, or an act between two actors), found {found}"
                                    )])  # fmt: skip


def _distinct(path: Path, make: Callable[[], _T]) -> _T:
    """`make()`, its `ValueError` (two names of one thing) as a one-line `DatasetError`."""
    try:
        return make()
    except ValueError as error:
        raise DatasetError(
            [Problem(str(path), "", f"expected distinct names, found {error}")]
        ) from None


def build(path: Path, layout: Layout, *, skip_invalid: bool, **options: object) -> Imported:
    """Read every row of the export at `path` in `layout` into a dataset (`options` go to the
    layout's `add`); raises `DatasetError` listing every row that cannot be mapped, unless
    `skip_invalid` leaves those rows out."""
    builder = Builder()
    read = _read_all(path, layout, layout.adding(**options), builder=builder, keep=True)
    _judged(path, read, skip_invalid)
    dataset = _distinct(path, builder.dataset)
    return Imported(dataset, read.rows, tuple(read.problems), read.failed, read.silent,
                    read.lines)  # fmt: skip


BATCH: Final = 5_000
"""How many rows a streamed export checks at a time (`Streamed.parts`)."""


@attrs.frozen
class Streamed:
    """An export read as parts of a few thousand rows each, one at a time: what `crosscheck
    run --from` checks, so a 300,000-row export never lies in memory whole. Every actor and
    place is known before the first part (a first reading of every row makes them and checks
    every row, with the one-line errors of `build`); each part is a dataset of its rows'
    reports and claims with every actor and place. Two records of one coded dataset are two
    events no rule relates, so checking part by part gives the findings of checking the
    whole (a property the tests check)."""

    actors: tuple[Actor, ...]
    places: tuple[Place, ...]
    rows: int
    reports: int
    claims: int
    skipped: tuple[Problem, ...]
    skipped_rows: int
    silent_rows: int
    lines: Mapping[str, int] = attrs.field(repr=False, eq=False)
    _again: Callable[[], Iterator[Dataset]] = attrs.field(repr=False, eq=False)

    def parts(self) -> Iterator[Dataset]:
        """The export's rows as datasets of up to `BATCH` rows each, in the file's order (a
        second reading of the file)."""
        return self._again()

    def locations(self, dataset: Dataset, file: str = "") -> Mapping[str, tuple[str, int]]:
        """Where each claim of `dataset` (made of this export's parts) is written, as
        `Imported.locations`."""
        return _RowLocations(dataset, self.lines, file)


def stream(
    path: Path,
    layout: Layout,
    *,
    skip_invalid: bool = False,
    batch: int = BATCH,
    **options: object,
) -> Streamed:
    """The export at `path` in `layout`, read once to make its actors and places and to check
    every row (raising `DatasetError` as `build` does), and ready to be read again in parts
    (`Streamed.parts`); `options` go to the layout's `add`."""
    if batch < 1:
        raise ValueError(f"expected a batch of at least one row, found {batch}")
    builder = Builder()
    add = layout.adding(**options)
    read = _read_all(path, layout, add, builder=builder, keep=False)
    _judged(path, read, skip_invalid)
    places, ids = _distinct(path, builder.final_places)
    actors = builder.actors()
    sizes = builder.sizes()

    def again() -> Iterator[Dataset]:
        def part() -> Dataset:
            made = Dataset(builder.reports, actors, places, builder.renamed(ids))
            builder.claims, builder.reports = [], []
            return made

        for line, row, _ in read_rows(path, layout.required):
            if line in read.refused:
                continue
            try:
                add(builder, row, line)
            except RowProblem:
                changed = True
            else:
                changed = builder.sizes() != sizes
            if changed:
                raise DatasetError([Problem(str(path), f"line {line}", "expected the export "
                                            "to stay as it was while it is checked, found it "
                                            "changed (check it again)")])  # fmt: skip
            if len(builder.reports) >= batch:
                yield part()
        if builder.reports:
            yield part()

    return Streamed(actors, tuple(places), read.rows, read.reports, read.claims,
                    tuple(read.problems), read.failed, read.silent, read.lines,
                    again)  # fmt: skip
