"""The second pass of loading: the checks both formats share, on entries already structured.

References resolve (through `crosscheck.loading.directory.Directory`), ids are unique, quotes
occur in their report's text, wordings parse, dates do not lie after publication or before what
they tell of, dates counted from other claims resolve without cycles, parts have totals of the
same kind. The formats read the files and hand each entry here; nothing here reads a file.
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

import attrs

from crosscheck.dates import DateSpan
from crosscheck.loading.converter import Intake
from crosscheck.loading.directory import Directory
from crosscheck.loading.problems import shortened, shortened_chain, with_id
from crosscheck.loading.quotes import Quotes
from crosscheck.loading.schema import (
    ClaimEntry,
    QuantityEntry,
    WhenEntry,
    make_claim,
    read_when,
)
from crosscheck.model import (
    PREDICATES,
    Acceptance,
    Actor,
    Claim,
    CountedFrom,
    Denial,
    Modality,
    Place,
    Report,
)
from crosscheck.names import did_you_mean
from crosscheck.quantity import Quantity, UnitError
from crosscheck.timing import day_bounds
from crosscheck.vocabulary import PREDICATES as VOCABULARY

__all__ = ["Checker", "check_acceptances"]


@attrs.define
class Checker:
    """The second pass: what only the whole dataset can tell, entry by entry as the formats read
    them, then once all are read (`finish`). It reads no file."""

    intake: Intake
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
    quotes: Quotes = attrs.field(factory=Quotes)

    def report_id(self, path: Path, where: str, identity: str) -> bool:
        """Check that `identity` can name a report's files (ID.toml, ID.txt) in the reports
        folder and nowhere else; say why not and return False when it cannot."""
        problem = _unfit_report_id(identity)
        if problem is not None:
            self.intake.add(path, where, f"expected a report id that names its files in the "
                            f"reports folder, found {identity!r} ({problem})")  # fmt: skip
        return problem is None

    def url(self, path: Path, where: str, report: Report) -> None:
        """Check that a report's URL is a web address (`Report.web_url`): anything else — a
        ``javascript:`` URL — would be a link that runs, not one that leads to the report."""
        if report.url is not None and report.web_url is None:
            self.intake.add(path, where, f"expected an http or https URL, found {report.url!r} "
                            "(the address of the report on the web, or leave url out)")  # fmt: skip

    def outlet(self, path: Path, where: str, name: str) -> None:
        """Check that a report's outlet, `name` at `where` in `path`, is a known actor."""
        self.actors.resolve(self.intake, path, where, name)

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
            found = "an empty string" if not entry.id else "only white space"
            self.intake.add(path, f"{where}.id", f"expected a claim id, found {found} "
                            "(give every claim a short, unique id)")  # fmt: skip
        first = self.claim_ids.setdefault(entry.id, here)
        where = with_id(where, entry.id)
        if entry.event is not None and not entry.event.strip():
            self.intake.add(path, f"{where}.event", "expected an event id, found "
                            f"{'an empty string' if not entry.event else 'only white space'} "
                            "(leave event out when the claim names no event)")  # fmt: skip
        if first != here:
            self.intake.add(
                path,
                f"{where}.id",
                f"expected a claim id unique in the dataset, "
                f"found {entry.id!r} again (first used at {first})",
            )
        if entry.predicate not in PREDICATES:
            hint = did_you_mean(entry.predicate, PREDICATES) or "see docs/model.md for the list"
            self.intake.add(
                path,
                f"{where}.predicate",
                f"expected a known predicate, found {entry.predicate!r} ({hint})",
            )
        for role in ("source", "patient"):
            self.actors.resolve(self.intake, path, f"{where}.{role}", getattr(entry, role))
        agents = entry.agents
        for index, agent in enumerate(agents):
            at = f"{where}.agent" + (f"[{index}]" if isinstance(entry.agent, tuple) else "")
            self.actors.resolve(self.intake, path, at, agent)
        if isinstance(entry.agent, tuple) and not agents:
            self.intake.add(path, f"{where}.agent", "expected at least one name, found an "
                            "empty list (leave agent out when nobody is named)")  # fmt: skip
        self._check_denial(path, where, entry)
        for index, relay in enumerate(entry.via):
            self.actors.resolve(self.intake, path, f"{where}.via[{index}]", relay)
        self.places.resolve(self.intake, path, f"{where}.place", entry.place)
        self.places.resolve(self.intake, path, f"{where}.reference", entry.reference)
        if entry.reference is not None and entry.predicate != "distance":
            self.intake.add(path, f"{where}.reference", f"expected a reference only on a "
                            f"'distance' claim, found it on a {entry.predicate!r} claim (it "
                            "names the place a distance is measured from)")  # fmt: skip
        if entry.extent is not None and entry.predicate not in {"controls", "took"}:
            self.intake.add(
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
            self.intake.add(
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
        return make_claim(
            entry,
            report=report.id,
            agents=agents,
            quantity=quantity,
            restated=restated,
            when=when,
            as_of=as_of,
            when_from=counted_from,
        )

    def _well_formed(self, path: Path, where: str, when: WhenEntry) -> bool:
        problem = _well_formed_when(when)
        if problem is not None:
            self.intake.add(path, where, problem)
        return problem is None

    def _check_denial(self, path: Path, where: str, entry: ClaimEntry) -> None:
        if entry.denies is None:
            return
        if entry.modality is not Modality.DENIED:
            self.intake.add(path, f"{where}.denies", f"expected denies only on a denial, found "
                            f"it on a claim of modality {entry.modality.value!r} (add modality "
                            '= "denied", or leave denies out)')  # fmt: skip
        elif entry.denies is Denial.AGENT and not entry.agents:
            self.intake.add(path, f"{where}.denies", "expected the agent whose part is denied, "
                            'found no agent (name it, or write denies = "event" for a denial '
                            "that it happened at all)")  # fmt: skip
        elif (
            entry.denies is Denial.AGENT
            and (act := VOCABULARY.get(entry.predicate))
            and (not act.attributed)
        ):
            self.intake.add(path, f"{where}.denies", f'expected denies = "event" on a claim '
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
                    self.intake.add(path, where, "expected start (and optionally end) for a "
                                    "statement time of your own, found none (a statement time "
                                    "is not counted from another claim)")  # fmt: skip
                    return None
                found = DateSpan.of(written.start, written.end, text=written.text)
            else:
                found = read_when(written, report)
        except ValueError as error:
            self.intake.add(path, where, str(error))
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
            self.intake.add(path, where, f"expected a statement time on or before the report's "
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
            self.intake.add(path, where, f"expected a statement time on or after what it tells "
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
                self.intake.add(path, f"{where}.when.{key}", message)
                spans[claim_id] = None
        for first in self.counted:
            chain: list[str] = []
            current = first
            while current in self.counted and current not in spans:
                if current in chain:
                    cycle = " → ".join(shortened_chain([*chain[chain.index(current) :], current]))
                    path, where, *_ = self.counted[current]
                    self.intake.add(path, f"{where}.when", f"expected a date counted from a "
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
                self.intake.add(path, f"{at}.{key}", f"expected a claim with a date to count "
                                f"from, found {base_id!r}, which has none (give it a when, or "
                                "date this claim from the report)")  # fmt: skip
                return None
            base = base_claim.when
        else:
            if base_id not in self.claim_ids and base_id not in self.unreadable_claims:
                hint = did_you_mean(base_id, claims) or "give the id of the claim it follows"
                self.intake.add(path, f"{at}.{key}", f"expected the id of a claim in the "
                                f"dataset, found {base_id!r} ({hint})")  # fmt: skip
            return None
        try:
            span = DateSpan.parse_relative(text, base, after=counted_from.after)
        except ValueError as error:
            self.intake.add(path, at, str(error))
            return None
        chain = f"{span.reading}; claim {base_id} is dated {base.days} ({base.reading})"
        span = attrs.evolve(span, reading=chain)
        if span.end > report.published and entry.modality is not Modality.PLANNED:
            self.intake.add(path, at, f"expected a date on or before the report's publication "
                            f"({report.published.isoformat()}), found {span} (a future event "
                            'announced in the report takes modality = "planned")')  # fmt: skip
        as_of = claims[claim_id].as_of if claim_id in claims else None
        if as_of is not None:
            self._check_stated_after(path, f"{where}.as_of", entry, as_of, span)
        return span

    def check_totals(self, loaded: Iterable[Claim]) -> None:
        """Check that each `total` names a claim with a quantity, the part has one too, and no
        chain of totals comes back to where it began."""
        claims = {claim.id: claim for claim in loaded} if self.totals else {}
        self._total_cycles()
        for path, where, entry in self.totals:
            assert entry.total is not None
            total = claims.get(entry.total)
            if total is None and (
                entry.total in self.claim_ids or entry.total in self.unreadable_claims
            ):
                continue  # the total exists but has problems of its own, reported there
            if total is None:
                hint = did_you_mean(entry.total, claims) or "give the id of the claim of the total"
                self.intake.add(
                    path,
                    f"{where}.total",
                    f"expected the id of a claim in the dataset, found {entry.total!r} ({hint})",
                )
            elif total.quantity is None or entry.quantity is None:
                self.intake.add(
                    path,
                    f"{where}.total",
                    "expected a part and a total that both have a quantity, found none on "
                    + (entry.total if total.quantity is None else "this claim"),
                )
            elif entry.total == entry.id:
                self.intake.add(
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

    def _total_cycles(self) -> None:
        """One problem per cycle of `total` links (a is part of b, b part of a), named once."""
        parent = {entry.id: (path, where, entry.total) for path, where, entry in self.totals}
        reported: set[frozenset[str]] = set()
        for start in parent:
            chain = [start]
            current = parent[start][2]
            while current in parent and current not in chain:
                chain.append(current)
                current = parent[current][2]
            if current != start or frozenset(chain) in reported or len(chain) == 1:
                continue  # a claim its own total is reported on its own
            reported.add(frozenset(chain))
            path, where, _ = parent[start]
            cycle = " ⊂ ".join(shortened_chain([*chain, start]))
            self.intake.add(path, f"{where}.total", f"expected totals that end, found a cycle "
                            f"{cycle} (a part cannot contain its own total)")  # fmt: skip

    def _comparable(
        self, path: Path, where: str, quantity: Quantity, other: Quantity, what: str
    ) -> None:
        """Record a problem unless `quantity` can be compared with `other`."""
        try:
            quantity.to(other.unit)
        except UnitError:
            self.intake.add(
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
        if self.quotes.occurs(report.text, quote):
            return
        shown = shortened(" ".join(quote.split()))
        self.intake.add(
            path,
            where,
            f"expected a passage that occurs verbatim in "
            f"{report.text_file or report.id + '.txt'}, found {shown!r} "
            f"({self.quotes.closest(report.text, quote)})",
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
                self.intake.add(
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
                self.intake.add(path, f"{where}.{bound}", message)
                return None
            if math.isinf(entry.low):
                message = ("expected a finite low bound, found inf (only high may be inf: 'at "
                           "least 12' is low = 12, high = inf)")  # fmt: skip
                self.intake.add(path, f"{where}.low", message)
                return None
            return Quantity.interval(
                entry.low, entry.high, unit=entry.unit or "person", text=entry.text
            )
        except ValueError as error:
            self.intake.add(path, where, str(error))
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
            self.intake.add(path, where, str(error))
            return None
        if span.end > published and entry.modality is not Modality.PLANNED:
            self.intake.add(
                path,
                where,
                f"expected a date on or before the report's "
                f"publication ({published.isoformat()}), found {span} (a future "
                'event announced in the report takes modality = "planned")',
            )
        return span


_FINGERPRINT = re.compile(r"[0-9a-f]{16}")
"""What `crosscheck.findings.fingerprint` gives."""

_UNFIT = re.compile(r"[/\\\x00-\x1f\x7f]")
"""What a report id may not hold: a path separator or a control character."""


def _unfit_report_id(identity: str) -> str | None:
    """Why `identity` cannot be the stem of a report's file names, or None."""
    if not identity.strip():
        return "give every report a short id of letters, digits and dashes"
    if identity != identity.strip():
        return "it begins or ends with white space"
    if _UNFIT.search(identity):
        return "no '/', '\\' or control character: the id is a file name"
    if identity.startswith("."):
        return "it may not begin with '.': the id is a file name"
    try:
        identity.encode("utf-8")
    except UnicodeEncodeError:
        return "it is not valid UTF-8"
    return None


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


def check_acceptances(
    intake: Intake, path: Path, entries: Sequence[tuple[str, Acceptance]]
) -> list[Acceptance]:
    """The acceptances of either format, each with a reason and each fingerprint once."""
    first_at: dict[str, str] = {}
    for where, acceptance in entries:
        if acceptance.fingerprint in first_at:
            intake.add(
                path,
                f"{where}.fingerprint",
                f"expected each fingerprint once, found "
                f"{acceptance.fingerprint!r} again (first at {first_at[acceptance.fingerprint]})",
            )
        first_at.setdefault(acceptance.fingerprint, where)
        if not _FINGERPRINT.fullmatch(acceptance.fingerprint):
            intake.add(path, f"{where}.fingerprint", f"expected a finding's fingerprint, 16 "
                       f"lower-case hexadecimal digits, found {acceptance.fingerprint!r} (copy it "
                       "from crosscheck run, or let crosscheck accept write it)")  # fmt: skip
        if not acceptance.reason.strip():
            intake.add(
                path,
                f"{where}.reason",
                "expected the reviewer's reason, found an empty "
                "string (say why the finding is accepted)",
            )
    return [acceptance for _, acceptance in entries]
