"""The entries both file formats share, and the one copy of a claim from the model to them.

A claim is written the same way in a report file's ``[[claims]]`` and on a line of
claims.jsonl: `ClaimEntry` is that shape (the bulk format's `BulkClaim` adds its report's id).
Its fields are listed twice in all: here, and in `crosscheck.model.Claim`; `claim_fields` is the
one place that copies a Claim back into an entry, and `crosscheck.loading.checks.Checker.claim`
the one place that makes a Claim of an entry.
"""

from __future__ import annotations

import datetime
import operator
from collections.abc import Callable
from typing import Any, Final, Protocol, TypeVar

import attrs

from crosscheck.dates import DateSpan, NumericDates, WeekdayMismatchError
from crosscheck.model import Claim, CountedFrom, Denial, Extent, Modality, Report
from crosscheck.quantity import Quantity

__all__ = [
    "AS_WRITTEN",
    "AsOf",
    "ClaimEntry",
    "Names",
    "Published",
    "QuantityEntry",
    "ReportHeader",
    "WhenEntry",
    "claim_fields",
    "make_claim",
    "make_report",
    "read_when",
    "written_as_is",
]


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


AS_WRITTEN: Final = tuple(
    name
    for name in attrs.fields_dict(ClaimEntry)
    if name in attrs.fields_dict(Claim) and name not in {"quantity", "restated", "when", "as_of"}
)
"""The fields a claim holds exactly as they are written (its id, predicate, source, quote, …),
copied by name between `ClaimEntry` and `crosscheck.model.Claim` both ways. The others are
read: `agent` (one name or a list) is the claim's `agents`, wordings are a `Quantity` or a
`DateSpan`. So a new field written as it is held is added in two places: here and the model."""

_as_written = operator.attrgetter(*AS_WRITTEN)


def written_as_is(item: ClaimEntry | Claim) -> dict[str, Any]:
    """The fields of `item` that a Claim holds as they are written (`AS_WRITTEN`)."""
    return dict(zip(AS_WRITTEN, _as_written(item), strict=True))


class ClaimMaker(Protocol):
    """The signature of `make_claim`."""

    def __call__(
        self,
        entry: ClaimEntry,
        *,
        report: str,
        agents: tuple[str, ...],
        quantity: Quantity | None,
        restated: Quantity | None,
        when: DateSpan | None,
        as_of: DateSpan | datetime.datetime | None,
        when_from: CountedFrom | None,
    ) -> Claim: ...


def _claim_maker() -> ClaimMaker:
    """`make_claim`, generated once from `AS_WRITTEN` the way attrs and cattrs generate their
    methods: one call that copies each field by name, so reading a million claims builds no
    dictionary of keyword arguments per claim."""
    copied = ", ".join(f"{name}=entry.{name}" for name in AS_WRITTEN)
    read = ("report", "agents", "quantity", "restated", "when", "as_of", "when_from")
    source = (f"def make_claim(entry, *, {', '.join(read)}):\n"
              f"    return Claim({copied}, {', '.join(f'{n}={n}' for n in read)})\n")  # fmt: skip
    namespace: dict[str, Any] = {"Claim": Claim}
    exec(compile(source, "<crosscheck.loading.schema.make_claim>", "exec"), namespace)
    maker: ClaimMaker = namespace["make_claim"]
    return maker


make_claim: Final = _claim_maker()
"""The Claim an entry is read as: its fields held as written (`AS_WRITTEN`) copied by name,
and the fields read from its wordings and names given."""


def _as_names(value: Names) -> tuple[str, ...]:
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


Published = datetime.datetime | datetime.date
"""A publication as written: a day, or a moment with its UTC offset."""


class ReportHeader(Protocol):
    """What each format says of a report besides its id and text: a TOML report file's [report]
    table, a line of reports.jsonl."""

    @property
    def outlet(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def published(self) -> Published: ...
    @property
    def url(self) -> str | None: ...
    @property
    def language(self) -> str: ...
    @property
    def numeric_dates(self) -> NumericDates | None: ...


def make_report(identity: str, header: ReportHeader, text: str, text_file: str = "") -> Report:
    """The report `header` describes, published on the day (and at the moment) it was written
    with."""
    published = header.published
    moment = published if isinstance(published, datetime.datetime) else None
    return Report(
        id=identity,
        outlet=header.outlet,
        title=header.title,
        published=published if moment is None else moment.date(),
        text=text,
        url=header.url,
        language=header.language,
        text_file=text_file,
        published_at=moment,
        numeric_dates=header.numeric_dates,
    )


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
        **written_as_is(claim),
        "agent": names_entry(claim.agents),
        "quantity": None if claim.quantity is None else quantity_entry(claim.quantity),
        "restated": None if claim.restated is None else quantity_entry(claim.restated),
        "when": None if when is None else when_entry(when, report, planned, claim.when_from),
        "as_of": as_of_entry(claim.as_of, report),
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
