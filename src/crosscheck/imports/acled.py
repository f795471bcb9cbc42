"""ACLED-layout exports (the Armed Conflict Location & Event Data project's CSV) as a
crosscheck dataset.

Each row is one incident (its `event` is ``acled:`` and `event_id_cnty`) and one report by
ACLED, stated on the day of the row's `timestamp`. `fatalities` is ACLED's conservative count:
read as "at least" that many killed, of no side in particular. `actor1` and `actor2` carry no
direction in a battle, so a battle is a `clashed` claim, a predicate whose parties may be named
either way round; an explosion or an attack on civilians is `attacked`, with `actor1` the
agent. `time_precision` widens the day into a span (2: the week around it, 3: its month);
`geo_precision` says whether the coordinates are the town itself (1), a place near it (2) or
stand for the province (3). Every claim rests on each source `source` names. docs/import.md
maps every column.
"""

from __future__ import annotations

import calendar
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

__all__ = ["COLUMNS", "DATASET", "GEO_PRECISION_KM", "read_acled"]

DATASET: Final = "acled"

REQUIRED: Final = ("event_id_cnty", "event_date", "event_type", "actor1", "country",
                   "location", "fatalities")  # fmt: skip
COLUMNS: Final = (*REQUIRED, "time_precision", "sub_event_type", "actor2", "admin1", "admin2",
                  "admin3", "latitude", "longitude", "geo_precision", "source", "notes",
                  "timestamp")  # fmt: skip
"""The columns the import reads (the others are left alone)."""

GEO_PRECISION_KM: Final = {1: 0.0, 2: 25.0}
"""How far an event of each `geo_precision` may lie from its coordinates: 1 is the town
itself, 2 somewhere near it (a village nearby, the town's outskirts); at 3 the coordinates
stand for a province, and the event is placed in `admin1` instead."""

VIOLENT: Final = {"battles": "clashed", "explosions/remote violence": "attacked",
                  "violence against civilians": "attacked"}  # fmt: skip
"""The event types that are acts between the actors, and the predicate of each (the older
exports' "Battle-…" and "Remote violence" too)."""

_OLDER: Final = {"battle": "clashed", "remote violence": "attacked"}
"""Event types of ACLED's older exports, by how they begin ("Battle-No change of territory")."""


def _predicate(event_type: str) -> str | None:
    """The predicate of an event type that is an act between the actors, or None."""
    folded = fold(event_type)
    for name, predicate in (*VIOLENT.items(), *_OLDER.items()):
        if folded.startswith(fold(name)):
            return predicate
    return None


_WEEK_DAYS: Final = 3


DAY_FORMATS: Final = ("%d %B %Y", "%d-%B-%Y", "%d %b %Y", "%d-%b-%Y", "%B %d, %Y")
"""The ways ACLED's exports have written a day besides ISO ("17 June 2020", "17-Jun-2020"):
each names the day, the month by name and the year, so no day is guessed ("03/04/2020" and
"June 2020" are refused)."""


def _day(column: str, value: str) -> datetime.date:
    """ACLED's dates: ISO ("2020-06-17") or one of `DAY_FORMATS`."""
    text = " ".join(value.split())
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        pass
    for form in DAY_FORMATS:
        try:
            return datetime.datetime.strptime(text, form).date()
        except ValueError:
            continue
    raise expected(column, "a day such as 2020-06-17 or 17 June 2020", value,
                   "a day, its month and its year")  # fmt: skip


def _span(row: Row) -> DateSpan:
    day = _day("event_date", row["event_date"])
    precision = whole("time_precision", row.get("time_precision", "") or "1", minimum=1)
    if precision == 1:
        return DateSpan.of(day, day, text=day.isoformat())
    if precision == 2:
        start = day - datetime.timedelta(days=_WEEK_DAYS)
        end = day + datetime.timedelta(days=_WEEK_DAYS)
        return DateSpan.of(start, end, text=f"the week around {day.isoformat()}")
    if precision == 3:
        last = calendar.monthrange(day.year, day.month)[1]
        start, end = day.replace(day=1), day.replace(day=last)
        return DateSpan.of(start, end, text=f"{day:%B %Y}")
    raise expected("time_precision", "1, 2 or 3", row["time_precision"])


def _published(row: Row, span: DateSpan, published: datetime.date | None) -> datetime.date:
    if published is not None:
        if span.end > published:
            raise expected("event_date", f"a day on or before the publication {published}",
                           row["event_date"], "give --published a later day")  # fmt: skip
        return published
    stamp = row.get("timestamp", "").strip()
    if not stamp:
        return span.end
    if not (stamp.isascii() and stamp.isdigit() and len(stamp) <= 12):
        raise expected("timestamp", "a Unix time (seconds since 1970)", stamp)
    seconds = int(stamp)
    try:
        day = datetime.datetime.fromtimestamp(seconds, datetime.UTC).date()
    except (OverflowError, OSError, ValueError):
        raise expected("timestamp", "a Unix time", stamp) from None
    return max(day, span.end)  # an update stamped before the week it dates ends: not earlier


def _place(builder: Builder, row: Row) -> str:
    country = builder.place(named(row, "country", "a country"), PlaceKind.COUNTRY, None)
    enclosing = country
    for column, kind in (("admin1", PlaceKind.PROVINCE), ("admin2", PlaceKind.DISTRICT),
                         ("admin3", PlaceKind.DISTRICT)):  # fmt: skip
        name = named(row, column, "a place", required=False)
        if name and fold(name) != fold(builder.name_of(enclosing)):
            enclosing = builder.place(name, kind, enclosing)
    precision = whole("geo_precision", row.get("geo_precision", "") or "1", minimum=1)
    if precision not in (1, 2, 3):
        raise expected("geo_precision", "1, 2 or 3", row["geo_precision"])
    location = named(row, "location", "the name of the place")
    if precision == 3:
        admin1 = named(row, "admin1", "a province", required=False)
        return builder.place(admin1, PlaceKind.PROVINCE, country) if admin1 else country
    lat = degrees("latitude", row.get("latitude", ""), 90)
    lon = degrees("longitude", row.get("longitude", ""), 180)
    if (lat is None) != (lon is None):
        raise expected("longitude" if lon is None else "latitude", "both coordinates or neither",
                       "")  # fmt: skip
    fields: dict[str, object] = {}
    if lat is not None:
        fields = {"lat": lat, "lon": lon, "precision_km": GEO_PRECISION_KM[precision]}
    return builder.place(location, PlaceKind.TOWN, enclosing, **fields)


def _party(builder: Builder, name: str) -> str:
    folded = fold(name)
    if folded.startswith("civilians"):
        return builder.actor("civilians", ActorKind.PEOPLE)
    if folded.startswith(("military forces of", "police forces of", "government of")):
        return builder.actor(name, ActorKind.ARMED_FORCES)
    if folded.startswith(("protesters", "rioters")):
        return builder.actor(name, ActorKind.PEOPLE)
    return builder.actor(name, ActorKind.ARMED_GROUP)


def _add(builder: Builder, row: Row, line: int, *, published: datetime.date | None,
         texts: bool) -> bool:  # fmt: skip
    del line
    ident = identity("event_id_cnty", row["event_id_cnty"])
    span = _span(row)
    day = _published(row, span, published)
    fatalities = whole("fatalities", row["fatalities"])
    event_type = named(row, "event_type", "an event type such as Battles")
    actor1_name = named(row, "actor1", "the name of the first actor")
    actor2_name = named(row, "actor2", "the name of the second actor", required=False)
    predicate = _predicate(event_type)
    if predicate is None and fatalities == 0:
        return False  # a protest, a riot without deaths, a strategic development: nothing to check
    place = _place(builder, row)
    actor1 = _party(builder, actor1_name)
    actor2 = _party(builder, actor2_name) if actor2_name else None
    dataset = builder.actor("Armed Conflict Location & Event Data", ActorKind.ORGANISATION,
                            aliases=("ACLED", "ACLED project"))  # fmt: skip
    source, basis = builder.word(row.get("source", ""), dataset)
    record = Record(f"acled-{ident}", f"acled:{ident}", place, span, source, basis)
    title = row.get("sub_event_type", "").strip() or event_type
    builder.reports.append(Report(record.name, dataset, f"ACLED event {ident}: {title}", day,
                                  text_of(row, COLUMNS) if texts else ""))  # fmt: skip
    civilians = builder.actor("civilians", ActorKind.PEOPLE)
    # ACLED's fatalities are the event's: civilians only in violence against them (a strike
    # on a town kills whoever is there)
    one_sided = actor2 == civilians and fold(event_type) == fold("Violence against civilians")
    builder.claims.append(record.claim(
        "fatalities", "killed", f"fatalities: {fatalities}",
        patient=civilians if one_sided else None, agents=(actor1,) if one_sided else (),
        quantity=Quantity.parse(f"at least {fatalities}"),
        note=f"ACLED's conservative count: at least {fatalities}",
    ))  # fmt: skip
    if predicate is not None and actor2 is not None:
        builder.claims.append(record.claim("actors", predicate, f"actor1: {actor1_name}",
                                           agents=(actor1,), patient=actor2))  # fmt: skip
    return True


LAYOUT: Final = Layout(REQUIRED, "event_id_cnty", _add)
"""How `build` and `stream` read this layout."""


def read_acled(
    path: str | Path,
    *,
    skip_invalid: bool = False,
    published: datetime.date | None = None,
    texts: bool = False,
) -> Imported:
    """The ACLED-layout export (CSV) at `path` as a dataset, read a row at a time.

    `published` overrides when ACLED stated the figures (by default the day of each row's
    `timestamp`, its last update). `texts`, `skip_invalid` and the errors are as for
    `crosscheck.imports.ged.read_ged`.
    """

    return build(Path(path), LAYOUT, skip_invalid=skip_invalid, published=published, texts=texts)
