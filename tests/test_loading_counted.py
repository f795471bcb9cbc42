"""Dates counted from another claim's: `when = { text = "two days later", after = "claim-id" }`."""

from __future__ import annotations

import datetime
import shutil
import tomllib
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from crosscheck import DatasetError, dump, load
from crosscheck.bulk import dump_bulk
from crosscheck.model import CountedFrom

REPORT = "reuters-2020-02-06"
QUOTE = "Syrian forces backed by air strikes had on Wednesday encircled and entered Saraqeb"
BASE = "reuters-entered-saraqeb"  # "on Wednesday" in a report of Thu 2020-02-06: 2020-02-05


def with_claims(mini: Path, root: Path, *claims: dict[str, Any]) -> Path:
    """A copy of the mini dataset whose Reuters report has `claims` added."""
    shutil.copytree(mini, root)
    path = root / "reports" / f"{REPORT}.toml"
    document = tomllib.loads(path.read_text(encoding="utf-8"))
    document["claims"].extend(claims)
    path.write_text(tomli_w.dumps(document), encoding="utf-8")
    return root


def counted(claim_id: str, text: str, **when: str) -> dict[str, Any]:
    return {"id": claim_id, "predicate": "entered", "source": "the Observatory",
            "agent": "Syrian forces", "place": "Saraqeb", "quote": QUOTE,
            "when": {"text": text, **when}}  # fmt: skip


def problems(root: Path) -> list[str]:
    with pytest.raises(DatasetError) as caught:
        load(root)
    return [str(problem) for problem in caught.value.problems]


def test_a_date_counted_from_another_claim_shifts_that_claims_span(
    mini: Path, tmp_path: Path
) -> None:
    """'the next day' after a claim dated 2020-02-05 is 2020-02-06; the claim records what it
    was counted from, and the reading names that claim and its date."""
    root = with_claims(mini, tmp_path / "d", counted("next", "the next day", after=BASE))
    claim = load(root).claim("next")
    assert claim.when is not None
    assert (claim.when.start, claim.when.end) == (datetime.date(2020, 2, 6),) * 2
    assert claim.when_from == CountedFrom(BASE, after=True)
    assert BASE in claim.when.reading
    assert "2020-02-05" in claim.when.reading


def test_a_chain_resolves_whatever_order_its_claims_are_written_in(
    mini: Path, tmp_path: Path
) -> None:
    """c counts from b, b from a, a from the report: written c, b, a, each still resolves."""
    root = with_claims(
        mini,
        tmp_path / "d",
        counted("c", "the day before", before="b"),
        counted("b", "the day before", before="a"),
        counted("a", "the day before", before=BASE),
    )
    dataset = load(root)
    days = {i: dataset.claim(i).when for i in "abc"}
    assert {i: span.start for i, span in days.items() if span} == {
        "a": datetime.date(2020, 2, 4),
        "b": datetime.date(2020, 2, 3),
        "c": datetime.date(2020, 2, 2),
    }
    c = days["c"]
    assert c is not None
    assert "claim b" in c.reading
    assert "claim a" in c.reading  # the whole chain


def test_a_long_chain_loads_without_exhausting_the_stack(mini: Path, tmp_path: Path) -> None:
    """Three thousand claims each counted from the next resolve one by one, not recursively."""
    chain = [counted(f"c{i}", "the same day", after=f"c{i + 1}") for i in range(3000)]
    chain.append(counted("c3000", "the same day", after=BASE))
    root = with_claims(mini, tmp_path / "d", *chain)
    when = load(root).claim("c0").when
    assert when is not None
    assert when.start == datetime.date(2020, 2, 5)


def test_a_cycle_is_one_problem_naming_it(mini: Path, tmp_path: Path) -> None:
    root = with_claims(
        mini,
        tmp_path / "d",
        counted("x", "the next day", after="y"),
        counted("y", "the next day", after="x"),
    )
    found = problems(root)
    assert len(found) == 1
    assert "cycle: x → y → x" in found[0]
    assert found[0].startswith(f"{root}/reports/{REPORT}.toml: claims[")


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        (counted("z", "the next day", after="reuters-entered-saraqb"),
         f"when.after: expected the id of a claim in the dataset, found 'reuters-entered-saraqb' "
         f"(did you mean '{BASE}'?)"),
        (counted("z", "the next day", after="reuters-idlib-population"),
         "when.after: expected a claim with a date to count from, found "
         "'reuters-idlib-population', which has none"),
        (counted("z", "the next day", after="z"),
         "when.after: expected another claim, found this claim itself"),
        (counted("z", "the next day", after=BASE, before=BASE),
         "when: expected after or before, found both"),
        (counted("z", "the next day", after=BASE, start="2020-02-06"),
         "when: expected start (a span of your own) or after"),
        (counted("z", "the next day", after=BASE, end="2020-02-06"),
         "when: expected no end on a date counted from another claim"),
        (counted("z", "the next day"),
         "when: expected start (and optionally end) for a span of your own, or after or before"),
        (counted("z", "two days later", after=BASE),
         "when: expected a date on or before the report's publication (2020-02-06)"),
    ],
)  # fmt: skip
def test_every_mistake_in_a_counted_date_is_one_line(
    mini: Path, tmp_path: Path, claim: dict[str, Any], expected: str
) -> None:
    if "start" in claim["when"]:
        claim["when"]["start"] = datetime.date(2020, 2, 6)
    if "end" in claim["when"]:
        claim["when"]["end"] = datetime.date(2020, 2, 6)
    found = problems(with_claims(mini, tmp_path / "d", claim))
    assert len(found) == 1, found
    assert f"claims[4] (z).{expected}" in found[0]


def test_load_then_dump_keeps_what_a_date_is_counted_from(mini: Path, tmp_path: Path) -> None:
    """The TOML and bulk formats both write the wording and the claim back, not the days."""
    root = with_claims(mini, tmp_path / "d", counted("next", "the next day", after=BASE))
    dataset = load(root)
    dump(dataset, tmp_path / "toml")
    dump_bulk(dataset, tmp_path / "bulk")
    assert load(tmp_path / "toml") == dataset
    assert load(tmp_path / "bulk").claim("next") == dataset.claim("next")
    written = (tmp_path / "toml" / "reports" / f"{REPORT}.toml").read_text(encoding="utf-8")
    assert 'after = "reuters-entered-saraqeb"' in written


def test_a_report_declares_the_order_of_its_numeric_dates(mini: Path, tmp_path: Path) -> None:
    """`numeric_dates = "month-first"` in [report] reads 02/03/2020 as 3 February, and the
    declaration survives a dump in both formats."""
    root = with_claims(mini, tmp_path / "d", counted("numeric", "02/03/2020"))
    path = root / "reports" / f"{REPORT}.toml"
    document = tomllib.loads(path.read_text(encoding="utf-8"))
    document["claims"][-1]["when"] = "02/03/2020"
    document["report"]["numeric_dates"] = "month-first"
    path.write_text(tomli_w.dumps(document), encoding="utf-8")
    dataset = load(root)
    when = dataset.claim("numeric").when
    assert when is not None
    assert (when.start, when.end) == (datetime.date(2020, 2, 3),) * 2
    dump(dataset, tmp_path / "toml")
    dump_bulk(dataset, tmp_path / "bulk")
    assert load(tmp_path / "toml") == dataset
    assert load(tmp_path / "bulk").report(REPORT).numeric_dates is not None


def test_an_unknown_numeric_order_is_one_line(mini: Path, tmp_path: Path) -> None:
    root = with_claims(mini, tmp_path / "d")
    path = root / "reports" / f"{REPORT}.toml"
    document = tomllib.loads(path.read_text(encoding="utf-8"))
    document["report"]["numeric_dates"] = "us"
    path.write_text(tomli_w.dumps(document), encoding="utf-8")
    found = problems(root)
    assert len(found) == 1
    assert "report.numeric_dates: expected one of day-first, month-first, found" in found[0]
