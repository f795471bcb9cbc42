"""UCDP GED, the Georeferenced Event Dataset, in its CSV layout, as a crosscheck dataset.

Each row is one incident (its `event` is ``ged:`` and the row's `id`) and one report by UCDP
(``ged-`` and the id). The row's deaths become `killed` claims: the event's total, read as
the interval [`low`, `high`] around `best`, and its parts — `deaths_a` and `deaths_b` of the
two sides, `deaths_civilians`, `deaths_unknown` — each naming the total, which they exhaust. A
fight between the sides (violence types 1 and 2) is also a `clashed` claim; in one-sided
violence (type 3) side A is the agent of the civilians' deaths. The place is the most exact
one `where_prec` allows, nested in `adm_2`, `adm_1` and `country`, with coordinates where the
row places the event at a point; the dates are the span `date_start`–`date_end`. Every claim
rests on each source `source_original` names, through UCDP: a row naming SOHR and Airwars
gives each figure once on SOHR's word and once on Airwars' (UCDP, the report's outlet, quotes
them: it is no relay). docs/import.md maps every column.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Final

from crosscheck.dates import DateSpan
from crosscheck.imports.common import (
    Builder,
    Imported,
    Layout,
    Record,
    Row,
    build,
    day,
    degrees,
    expected,
    identity,
    named,
    text_of,
    whole,
)
from crosscheck.model import ActorKind, PlaceKind, Report
from crosscheck.names import fold
from crosscheck.quantity import Quantity

__all__ = ["COLUMNS", "DATASET", "WHERE_PRECISION_KM", "read_ged"]

DATASET: Final = "ucdp-ged"
"""The id of the actor that reports every imported event: UCDP, through its GED."""

REQUIRED: Final = ("id", "type_of_violence", "side_a", "side_b", "date_start", "date_end",
                   "where_prec", "country", "deaths_a", "deaths_b", "deaths_civilians",
                   "deaths_unknown", "best", "low", "high")  # fmt: skip
COLUMNS: Final = (*REQUIRED, "where_coordinates", "adm_1", "adm_2", "latitude", "longitude",
                  "source_original", "dyad_name", "date_prec")  # fmt: skip
"""The columns the import reads (the others are left alone)."""

WHERE_PRECISION_KM: Final = {1: 0.0, 2: 25.0}
"""How far an event of each point-like `where_prec` may lie from its coordinates: 1 is the
place itself, 2 "within 25 km of a known point"; 3 and above place it in an area."""

_VIOLENCE: Final = {1: "state-based", 2: "non-state", 3: "one-sided"}


def _place_kind(name: str) -> PlaceKind:
    words = set(fold(name).split())
    for word, kind in (("village", PlaceKind.VILLAGE), ("town", PlaceKind.TOWN),
                       ("city", PlaceKind.CITY)):  # fmt: skip
        if word in words:
            return kind
    return PlaceKind.SITE


def _side(builder: Builder, name: str) -> str:
    if fold(name) == "civilians":
        return _civilians(builder)
    kind = ActorKind.GOVERNMENT if fold(name).startswith("government of") else ActorKind.ARMED_GROUP
    return builder.actor(name, kind)


def _civilians(builder: Builder) -> str:
    return builder.actor("civilians", ActorKind.PEOPLE)


def _place(builder: Builder, row: Row) -> str:
    """The most exact place the row's `where_prec` allows, made with its enclosing places."""
    precision = whole("where_prec", row["where_prec"], minimum=1)
    if precision > 7:
        raise expected("where_prec", "a precision grade from 1 to 7", row["where_prec"])
    country_name = named(row, "country", "a country", required=precision != 7)
    country = builder.place(country_name, PlaceKind.COUNTRY, None) if country_name else None
    adm_1 = named(row, "adm_1", "a province", required=False)
    adm_2 = named(row, "adm_2", "a district", required=False)
    province = builder.place(adm_1, PlaceKind.PROVINCE, country) if adm_1 else None
    district = builder.place(adm_2, PlaceKind.DISTRICT, province or country) if adm_2 else None
    point = named(row, "where_coordinates", "the name of the place", required=False)
    if (
        precision == 6
        or (precision == 4 and province is None)
        or (precision == 3 and district is None and not point)
    ):
        if country is None:
            raise expected("country", "a country", row["country"])
        return province if precision == 4 and province else country
    if precision == 4 and province is not None:
        return province
    if precision == 3:
        if district is not None:
            return district
        return builder.place(point, PlaceKind.DISTRICT, province or country)
    if not point:
        raise expected("where_coordinates", "the name of the place", "",
                       f"where_prec {precision} places the event at a named place")  # fmt: skip
    if precision == 7:
        return builder.place(point, PlaceKind.WATER, None)
    enclosing = district or province or country
    if precision == 5:
        return builder.place(point, PlaceKind.REGION, province or country)
    lat = degrees("latitude", row.get("latitude", ""), 90)
    lon = degrees("longitude", row.get("longitude", ""), 180)
    if (lat is None) != (lon is None):
        column = "longitude" if lon is None else "latitude"
        raise expected(column, "both coordinates or neither", "")
    fields: dict[str, object] = {}
    if lat is not None:
        fields = {"lat": lat, "lon": lon, "precision_km": WHERE_PRECISION_KM[precision]}
    return builder.place(point, _place_kind(point), enclosing, **fields)


def _wording(low: int, best: int, high: int) -> str:
    return str(best) if low == best == high else f"{best} (low {low}, high {high})"


def _estimates(low: int, best: int, high: int) -> str:
    """The note on an event's total: UCDP's three estimates, and how an inconsistent row (GED
    has some: low above high, best outside both) was read — never refused, since the rules then
    say what does not add up (the sides' deaths make `best`)."""
    note = f"UCDP's estimates: low {low}, best {best}, high {high}"
    if low > high:
        note += f"; low lies above high, read as the interval {high}–{low}"
    elif not low <= best <= high:
        note += "; best lies outside low–high"
    return note


def _part(count: int, low: int, best: int, high: int) -> Quantity:
    """A side's deaths: GED gives them for its best estimate only, so the uncertainty of the
    total may fall on any side — a side's figure lies within `count` less what low takes from
    best and `count` plus what high adds to it. In a row whose best lies outside low–high the
    sides keep their figures, so that the rules say what does not add up."""
    below, above = best - low, high - best
    if below < 0 or above < 0 or (not below and not above):
        return Quantity.parse(str(count))
    lowest, highest = max(0, count - below), count + above
    return Quantity.interval(lowest, highest, "person",
                             f"{count} ({lowest}–{highest} with low and high)")  # fmt: skip


def _count(row: Row, column: str) -> int:
    return whole(column, row[column])


def _add(builder: Builder, row: Row, line: int, *, published: datetime.date | None,
         texts: bool) -> bool:  # fmt: skip
    del line
    ident = identity("id", row["id"])
    kind = whole("type_of_violence", row["type_of_violence"], minimum=1)
    if kind not in _VIOLENCE:
        raise expected("type_of_violence", "1, 2 or 3", row["type_of_violence"])
    start, end = day("date_start", row["date_start"]), day("date_end", row["date_end"])
    if end < start:
        raise expected("date_end", f"a day on or after date_start {start}", row["date_end"])
    if published is not None and end > published:
        raise expected(
            "date_end",
            f"a day on or before the publication {published}",
            row["date_end"],
            "give --published the day this GED version came out",
        )
    low, best, high = (_count(row, c) for c in ("low", "best", "high"))
    deaths = {c: _count(row, c) for c in ("deaths_a", "deaths_b", "deaths_civilians",
                                          "deaths_unknown")}  # fmt: skip
    side_a_name = named(row, "side_a", "the name of side A")
    side_b_name = named(row, "side_b", "the name of side B")
    place = _place(builder, row)
    side_a, side_b = _side(builder, side_a_name), _side(builder, side_b_name)
    dataset = builder.actor("UCDP Georeferenced Event Dataset", ActorKind.ORGANISATION,
                            aliases=("UCDP GED", "UCDP"))  # fmt: skip
    source, basis = builder.word(row.get("source_original", ""), dataset)
    record = Record(f"ged-{ident}", f"ged:{ident}", place, _span(start, end), source, basis)
    title = row.get("dyad_name", "").strip() or f"{side_a_name} - {side_b_name}"
    builder.reports.append(Report(
        record.name, dataset, f"UCDP GED event {ident}: {title}",
        published or _after_the_year(end), text_of(row, COLUMNS) if texts else "",
    ))  # fmt: skip
    civilians = _civilians(builder)
    patients = {"deaths_a": side_a, "deaths_b": side_b, "deaths_civilians": civilians,
                "deaths_unknown": builder.actor("people of unknown affiliation",
                                                ActorKind.PEOPLE)}  # fmt: skip
    for column, side in (("deaths_a", side_a), ("deaths_b", side_b)):
        if side == civilians:
            del patients[column]  # one-sided violence: GED counts the civilians apart
    total = record.claim("best", "killed", f"best: {best}", exhaustive=True,
                         quantity=Quantity.interval(min(low, high), max(low, high), "person",
                                                    _wording(low, best, high)),
                         note=_estimates(low, best, high))  # fmt: skip
    builder.claims.append(total)
    for column, patient in patients.items():
        agents = (side_a,) if kind == 3 and column == "deaths_civilians" else ()
        count = deaths[column]
        builder.claims.append(record.claim(
            column.removeprefix("deaths_"), "killed", f"{column}: {count}", patient=patient,
            agents=agents, quantity=_part(count, low, best, high), total=total.id,
        ))  # fmt: skip
    if kind in (1, 2):
        builder.claims.append(record.claim("dyad", "clashed", f"side_a: {side_a_name}",
                                           agents=(side_a,), patient=side_b))  # fmt: skip
    else:
        builder.claims.append(record.claim("attack", "attacked", f"side_a: {side_a_name}",
                                           agents=(side_a,), patient=civilians))  # fmt: skip
    return True


def _after_the_year(end: datetime.date) -> datetime.date:
    """The 1st of January after `end`'s year: before it, no GED version holds the event."""
    if end.year >= datetime.MAXYEAR:
        raise expected("date_end", f"a day before the year {datetime.MAXYEAR}", end.isoformat())
    return datetime.date(end.year + 1, 1, 1)


def _span(start: datetime.date, end: datetime.date) -> DateSpan:
    text = start.isoformat() if start == end else f"{start.isoformat()} to {end.isoformat()}"
    return DateSpan.of(start, end, text=text)


LAYOUT: Final = Layout(REQUIRED, "id", _add)
"""How `build` and `stream` read this layout."""


def read_ged(
    path: str | Path,
    *,
    skip_invalid: bool = False,
    published: datetime.date | None = None,
    texts: bool = False,
) -> Imported:
    """The UCDP GED export (CSV) at `path` as a dataset, read a row at a time.

    `published` is when UCDP stated the figures (the version's release); by default the first
    day of the year after each event ends, before which no GED version holds it. `texts` gives
    each report a text (the row, a column a line) so its quotes can be checked: the curated
    format needs one; the bulk format does without. Raises `DatasetError` listing every row
    that cannot be mapped, by line and column; with `skip_invalid` those rows are left out
    and listed in `Imported.skipped`.
    """

    return build(Path(path), LAYOUT, skip_invalid=skip_invalid, published=published, texts=texts)
