"""Score crosscheck's readers on a peer's public test suite: Microsoft Recognizers-Text.

    nox -s peers                         # specs from ../shared/peers/recognizers-text
    nox -s peers -- PATH                 # specs from PATH
    nox -s peers -- PATH --failures      # also print every phrase not read right

The English specs of Recognizers-Text (MIT) pair a phrase found in a sentence with what it
means. Five files are scored, each phrase as a curator would write it in a claim:

- `DateParser.json`, `DatePeriodParser.json`: the day-level date phrases, read as `when`
  against the case's reference date (a report published that day). A reading is *exact* when it
  names the same days, *covering* when its span holds the true days and is at most three times as
  long; anything wider is *too wide*, anything that misses a true day *wrong*. Right = exact +
  covering. The past resolution is the truth (reports are written after the fact), cut off at
  the reference date for a past-tense claim (a report cannot tell of days after it appeared;
  the uncut score is reported beside it); a phrase that looks ahead ("next week") has the same
  past and future resolution, and a phrase whose true days all lie after the reference date is
  about the future and is read as a planned claim's (`ahead`), as a curator would curate it. A
  phrase that counts from another event ("the next day") is read
  as a claim counted from the reference day (`DateSpan.parse_relative`). dateparser, the usual
  Python choice, is scored on the same phrases: right when the one day it returns lies in the
  true span.
- `NumberModel.json`, `NumberRangeModel.json` and the lengths of `DimensionModel.json`: figures,
  read as `value`. A reading is *right* when its interval holds the true value (or range) and
  excludes values well outside it — nothing below half the true low end or above one and a half
  times the true high end, with a margin of at least 1. A whole figure is read as a count (the
  default unit); a figure that is not whole as a measured one (in km: any measured unit reads
  alike), since a count is whole; a length with its own unit.

Phrases that make no sense in a report are left out only through `EXCLUDED` below, each with
its reason, and the list is printed in the results. Writes benchmarks/peers.md.
"""

from __future__ import annotations

import datetime
import json
import math
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final

import attrs

from crosscheck.dates import DateError, DateSpan
from crosscheck.quantity import Quantity, QuantityError, UnitError

HERE = Path(__file__).parent
DEFAULT_SPECS = HERE.parent.parent / "shared" / "peers" / "recognizers-text"
DATE_FILES: Final = ("DateParser.json", "DatePeriodParser.json")
FIGURE_FILES: Final = ("NumberModel.json", "NumberRangeModel.json", "DimensionModel.json")
HOW_TO_GET: Final = (
    "copy Specs/DateTime/English/{DateParser,DatePeriodParser}.json, "
    "Specs/Number/English/{NumberModel,NumberRangeModel}.json and "
    "Specs/NumberWithUnit/English/DimensionModel.json from "
    "https://github.com/microsoft/Recognizers-Text (commit "
    "90e968ea44dc8fda3f2e1c3e4b20aa233817488d, MIT licence) into one folder and pass its path"
)

_NEGATIVE: Final = "a count, a length or a duration in a report is never negative"
EXCLUDED: Final[dict[str, str]] = {
    # phrase (as written in the spec) -> why a report never says it of a claim crosscheck compares
    **dict.fromkeys(
        (
            "minus 5",
            "negative one over 20",
            "negative ninety - five hundred fifths",
            "negative one hundred and thirty fifths",
            "between negative ten and fifteen",
            "-5",
            "negative 5",
            "-9.2321312",
            "-1",
            "-4/5",
            "- 1 4/5",
            "-123456789101231",
            "- 10  k",
            "-2500^-1",
            "-1.1^+23",
            "-2.5^-1",
            "-1.1^--23",
            "-127.32e13",
            "-12e-1",
            "minus ninety - five hundred fifths",
            "minus one",
            "minus one hundred thirty fifths",
            "minus five point five",
            "negative one",
            "<-30",
            "<=  -30",
        ),
        _NEGATIVE,
    ),
    **dict.fromkeys(
        ("1e10", "12.32e+14", "1.3e6", "1.3x10^6", "6.23x10^-4", "1.1^23", "1.1^+23", "2.5^-1"),
        "scientific notation and powers are how papers and calculators write a number; a news "
        "report writes '1.3 million' or '10 billion', and never raises a figure to a power",
    ),
    **dict.fromkeys(
        ("my day", "my week", "my weekend", "rest of my week"),
        "the speaker's own diary ('my week'): a report dates what happened, not its writer's plans",
    ),
    **dict.fromkeys(
        ("Feb 30", "2/29/2019", "31st of this month", "fifth Sunday"),
        "no such day: the spec's own truth is no date (0001-01-01), and crosscheck refuses the "
        "wording with a DateError, which this scorer can only count as unread",
    ),
}

# Units of the DimensionModel lengths, in crosscheck's spelling.
_LENGTH_UNITS: Final = {
    "Meter": "m",
    "Kilometer": "km",
    "Centimeter": "cm",
    "Millimeter": "mm",
    "Mile": "mi",
    "Foot": "ft",
    "Inch": "in",
    "Yard": "yd",
    "Nautical mile": "nmi",
    "Decimeter": "dm",
    "Light year": "light year",
}


@attrs.frozen
class Case:
    """One phrase and its truth."""

    file: str
    text: str
    truth: tuple[Any, Any]
    anchor: datetime.date | None = None
    unit: str | None = None


@attrs.frozen
class Scored:
    case: Case
    verdict: str
    reading: str


def _load(specs: Path, name: str) -> list[dict[str, Any]]:
    path = specs / name
    try:
        cases: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        sys.exit(f"peers: {path} not found; {HOW_TO_GET}")
    return cases


def _day(iso: str | None, otherwise: datetime.date) -> datetime.date:
    return otherwise if iso is None else datetime.date.fromisoformat(iso)


def date_cases(specs: Path) -> Iterator[Case]:
    """The day-level date phrases: a reference date, a resolution, no clock time."""
    for name in DATE_FILES:
        for case in _load(specs, name):
            reference = case.get("Context", {}).get("ReferenceDateTime")
            for result in case.get("Results", []):
                value = result["Value"]
                past = value.get("PastResolution") or {}
                if reference is None or "T" in value.get("Timex", "") or not past:
                    continue
                anchor = datetime.date.fromisoformat(reference[:10])
                if "date" in past:
                    day = datetime.date.fromisoformat(past["date"])
                    truth = (day, day)
                else:
                    # an open end ("more than 2 weeks before today") is the calendar's end
                    start = _day(past.get("startDate"), datetime.date.min)
                    after = _day(past.get("endDate"), datetime.date.max)
                    end = after if after == datetime.date.max else after - datetime.timedelta(1)
                    truth = (start, max(start, end))
                yield Case(name, result["Text"], truth, anchor=anchor)


_RANGE: Final = re.compile(r"([\[(])(-?[\d.]*),(-?[\d.]*)([\])])")


def _range(match: re.Match[str]) -> tuple[float, float]:
    """A spec's range ("[20,100)", "(30,)") as inclusive bounds; an open end of a whole number
    moves to the next whole number inward, since a count holds only whole numbers."""
    low = float(match[2]) if match[2] else -math.inf
    high = float(match[3]) if match[3] else math.inf
    whole = all(math.isinf(x) or x == int(x) for x in (low, high))
    if whole and match[1] == "(" and math.isfinite(low):
        low += 1
    if whole and match[4] == ")" and math.isfinite(high):
        high -= 1
    return low, high


def figure_cases(specs: Path) -> Iterator[Case]:
    for name in FIGURE_FILES:
        for case in _load(specs, name):
            for result in case.get("Results", []):
                resolution = result["Resolution"]
                unit = None
                if name == "DimensionModel.json":
                    if resolution.get("subtype") != "Length":
                        continue
                    unit = _LENGTH_UNITS.get(resolution["unit"], resolution["unit"])
                value = resolution["value"]
                if match := _RANGE.fullmatch(value):
                    truth = _range(match)
                else:
                    truth = (float(value), float(value))
                yield Case(name, result["Text"], truth, unit=unit)


def read_date(case: Case) -> DateSpan:
    """The phrase as a curator would write it: as `when` — of a planned claim, read ahead, when
    every true day lies after the reference date — or, for a phrase that counts from another
    event ("the next day"), as `when = { text = …, after = … }` counted from the case's
    reference day, forward or back as the wording says."""
    assert case.anchor is not None
    ahead = case.truth[0] > case.anchor  # a plan: curated with modality "planned"
    try:
        return DateSpan.parse(case.text, case.anchor, ahead=ahead)
    except DateError as error:
        if "counts from another claim" not in str(error):
            raise
    base = DateSpan.of(case.anchor)
    try:
        return DateSpan.parse_relative(case.text, base, after=True)
    except DateError:
        return DateSpan.parse_relative(case.text, base, after=False)


def score_date(case: Case, *, whole: bool = False) -> Scored:
    """The verdict on one date phrase. A claim in the past tense cannot be about days after its
    report, so unless crosscheck reads the phrase as looking ahead, the truth is cut off at the
    reference date ("this week" read on a Monday is that Monday), as crosscheck cuts its own
    reading off; with `whole`, the truth is the whole period, as the spec gives it."""
    assert case.anchor is not None
    try:
        span = read_date(case)
    except DateError as error:
        return Scored(case, "unread", str(error))
    start, end = case.truth
    if not whole and not span.is_forward and start <= case.anchor < end:
        end = case.anchor
    reading = f"{span.days}: {span.reading}"
    if (span.start, span.end) == (start, end):
        return Scored(case, "exact", reading)
    if span.start <= start and end <= span.end:
        true_days = (end - start).days + 1
        days = (span.end - span.start).days + 1
        verdict = "covering" if days <= 3 * true_days else "too wide"
        return Scored(case, verdict, reading)
    return Scored(case, "wrong", reading)


def score_dateparser(case: Case) -> bool | None:
    """Whether dateparser puts the phrase inside its true span; None when it is not installed."""
    try:
        import dateparser  # type: ignore[import-not-found, import-untyped, unused-ignore]
    except ImportError:
        return None
    assert case.anchor is not None
    base = datetime.datetime.combine(case.anchor, datetime.time())
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
    try:
        parsed = dateparser.parse(case.text, languages=["en"], settings=settings)
    except Exception:  # a peer's crash is a miss, not ours to fix
        return False
    return parsed is not None and case.truth[0] <= parsed.date() <= case.truth[1]


def score_figure(case: Case) -> Scored:
    low, high = case.truth
    unit = case.unit
    if unit is None and not (low == int(low) if math.isfinite(low) else True):
        unit = "km"
    if unit is None and not (high == int(high) if math.isfinite(high) else True):
        unit = "km"
    try:
        quantity = Quantity.parse(case.text, unit)
    except (QuantityError, UnitError, ValueError) as error:
        return Scored(case, "unread", str(error))
    reading = f"[{quantity.low:g}, {quantity.high:g}] {quantity.unit}: {quantity.reading}"
    low = max(low, 0.0)
    tolerance = 1e-9 * max(1.0, abs(low), abs(high) if math.isfinite(high) else 0.0)
    holds = quantity.low <= low + tolerance and quantity.high >= high - tolerance
    if not holds:
        return Scored(case, "wrong", reading)
    floor = min(low / 2, low - 1)
    ceiling = max(high * 1.5, high + 1)
    tight = quantity.low >= floor and quantity.high <= ceiling
    return Scored(case, "right" if tight else "too wide", reading)


def _table(rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + " --- |" * len(rows[0])]
    lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
    return "\n".join(lines)


def _share(part: int, whole: int) -> str:
    return f"{part} ({100 * part / whole:.0f}%)" if whole else "0"


def main(argv: list[str]) -> None:
    failures = "--failures" in argv
    paths = [a for a in argv if not a.startswith("--")]
    specs = Path(paths[0]) if paths else DEFAULT_SPECS
    if not specs.is_dir():
        sys.exit(f"peers: no spec folder at {specs}; {HOW_TO_GET}")

    dates = [score_date(c) for c in date_cases(specs) if c.text not in EXCLUDED]
    strict = [score_date(c, whole=True) for c in date_cases(specs) if c.text not in EXCLUDED]
    figures = [score_figure(c) for c in figure_cases(specs) if c.text not in EXCLUDED]
    excluded = sorted(
        {(c.file, c.text) for c in [*date_cases(specs), *figure_cases(specs)]}
        & {(f, t) for f in (*DATE_FILES, *FIGURE_FILES) for t in EXCLUDED}
    )
    peer = [score_dateparser(s.case) for s in dates]

    date_rows = [["file", "phrases", "exact", "covering", "right", "too wide", "wrong", "unread",
                  "right, whole periods", "dateparser right"]]  # fmt: skip
    for name in (*DATE_FILES, "all"):
        chosen = [(s, p, w) for s, p, w in zip(dates, peer, strict, strict=True)
                  if name in ("all", s.case.file)]  # fmt: skip
        counts = Counter(s.verdict for s, _, _ in chosen)
        right = counts["exact"] + counts["covering"]
        whole = sum(w.verdict in ("exact", "covering") for _, _, w in chosen)
        known = [p for _, p, _ in chosen if p is not None]
        date_rows.append([
            name, str(len(chosen)), str(counts["exact"]), str(counts["covering"]),
            _share(right, len(chosen)), str(counts["too wide"]), str(counts["wrong"]),
            str(counts["unread"]), _share(whole, len(chosen)),
            _share(sum(known), len(chosen)) if known else "not installed",
        ])  # fmt: skip
    figure_rows = [["file", "figures", "right", "too wide", "wrong", "unread"]]
    for name in (*FIGURE_FILES, "all"):
        chosen_figures = [s for s in figures if name in ("all", s.case.file)]
        counts = Counter(s.verdict for s in chosen_figures)
        figure_rows.append([
            name, str(len(chosen_figures)), _share(counts["right"], len(chosen_figures)),
            str(counts["too wide"]), str(counts["wrong"]), str(counts["unread"]),
        ])  # fmt: skip

    lines = [
        "# crosscheck's readers on Recognizers-Text's English specs",
        "",
        f"Written by `nox -s peers` on {datetime.date.today().isoformat()} from the specs in "
        f"`{specs.name}/` (Microsoft Recognizers-Text, MIT, commit 90e968e). How each phrase is "
        "scored is in `benchmarks/peers.py`.",
        "",
        "## Dates (day-level phrases, read against the case's reference date)",
        "",
        _table(date_rows),
        "",
        "*Right* counts a past-tense claim's days: unless the phrase looks ahead, the spec's "
        "period cut off at the reference date, since a report cannot tell of days after it "
        "appeared ('this week' read on a "
        "Monday is that Monday; read ahead, as for a plan, it is the whole week). *Right, whole "
        "periods* scores the same readings against the spec's whole periods. A phrase whose "
        "true days all lie after the reference date is read as a planned claim's, ahead. A "
        "phrase that "
        "counts from another event ('the next day') is read as a claim counted from the "
        "reference day.",
        "",
        "## Figures",
        "",
        _table(figure_rows),
        "",
        "## Left out",
        "",
    ]
    lines += [f"- `{text}` ({file}): {EXCLUDED[text]}" for file, text in excluded] or ["None."]
    (HERE / "peers.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    if failures:
        print("\n## Not read right\n")
        for s in (*dates, *figures):
            if s.verdict not in ("exact", "covering", "right"):
                truth = " – ".join(str(t) for t in s.case.truth)
                where = f"anchor={s.case.anchor}\tunit={s.case.unit}\ttruth={truth}"
                print(f"{s.case.file}\t{s.verdict}\t{s.case.text!r}\t{where}\t{s.reading}")


if __name__ == "__main__":
    main(sys.argv[1:])
