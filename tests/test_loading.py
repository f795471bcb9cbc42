"""Loading and dumping curated datasets."""

from __future__ import annotations

import datetime
import os
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings

from crosscheck import Dataset, DatasetError, Modality, dump, load
from crosscheck.testing import datasets


def test_the_mini_dataset_loads_with_everything_resolved(mini: Path) -> None:
    """Reports, claims, actors and places are all there after loading."""
    dataset = load(mini)
    assert (len(dataset.reports), len(dataset.claims)) == (2, 7)
    assert (len(dataset.actors), len(dataset.places)) == (9, 4)


def test_a_report_takes_its_id_and_text_from_its_files(mini: Path) -> None:
    """The report id is its file name; the text is the .txt beside it."""
    report = load(mini).report("reuters-2020-02-06")
    assert report.published == datetime.date(2020, 2, 6)
    assert report.text.startswith("Turkey demands Russia 'rein in' Syrian regime forces")


def test_relative_dates_resolve_against_the_report_publication(mini: Path) -> None:
    """'on Wednesday' in a report of Thu 2020-02-06 is 2020-02-05."""
    when = load(mini).claim("reuters-entered-saraqeb").when
    assert when is not None
    assert (when.start, when.end) == (datetime.date(2020, 2, 5), datetime.date(2020, 2, 5))
    assert when.anchor == datetime.date(2020, 2, 6)


def test_quantity_wording_is_parsed_with_its_unit(mini: Path) -> None:
    """`{ text = "seven", unit = "soldier" }` becomes the exact count [7, 7] of soldiers."""
    quantity = load(mini).claim("reuters-turkish-dead-feb3").quantity
    assert quantity is not None
    assert (quantity.low, quantity.high, quantity.unit) == (7, 7, "soldier")


def test_roles_keep_the_curated_spelling_and_resolve_through_the_dataset(mini: Path) -> None:
    """A claim citing 'Erdoğan' and 'Saraqib' resolves to the canonical actor and place."""
    dataset = load(mini)
    claim = dataset.claim("tr-three-martyrs")
    assert claim.source == "Erdoğan"
    assert dataset.actor(claim.source).id == "erdogan"
    assert dataset.place(dataset.claim("tr-saraqib-retaken").place or "").id == "saraqeb"
    assert claim.modality is Modality.ASSERTED


def test_load_then_dump_then_load_is_identity(mini: Path, tmp_path: Path) -> None:
    """Dumping a loaded dataset and loading it again gives an equal dataset."""
    dataset = load(mini)
    dump(dataset, tmp_path / "copy")
    assert load(tmp_path / "copy") == dataset


def test_dump_is_stable(mini: Path, tmp_path: Path) -> None:
    """Dumping the same dataset twice writes the same bytes."""
    dump(load(mini), tmp_path / "one")
    dump(load(tmp_path / "one"), tmp_path / "two")
    for path in sorted((tmp_path / "one").rglob("*.*")):
        assert (
            path.read_bytes()
            == (tmp_path / "two" / path.relative_to(tmp_path / "one")).read_bytes()
        )


@settings(
    max_examples=60,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(dataset=datasets())
def test_load_dump_is_identity_on_generated_datasets(dataset: Dataset, tmp_path: Path) -> None:
    """For any valid dataset, load(dump(dataset)) == dataset."""
    target = tmp_path / f"d{abs(hash(dataset))}"
    dump(dataset, target)
    assert load(target) == dataset


def test_dump_writes_nothing_when_rendering_fails(
    mini: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every file is rendered before any is written, so a failure leaves the folder as it was."""
    dataset = load(mini)
    calls = []

    def failing(document: object, **kwargs: object) -> str:
        calls.append(document)
        if len(calls) == 3:
            raise RuntimeError("disk full")
        return tomli_w.dumps(document, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(tomli_w, "dumps", failing)
    with pytest.raises(RuntimeError):
        dump(dataset, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_dump_leaves_no_temporary_file_when_a_write_fails(
    mini: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file is replaced whole or not at all; its temporary copy is cleaned up."""
    dataset = load(mini)
    dump(dataset, tmp_path)
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}

    def broken_replace(source: object, target: object) -> None:
        raise OSError("no space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="no space"):
        dump(dataset, tmp_path)
    after = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert after == before


def test_dump_removes_reports_the_dataset_no_longer_has(mini: Path, tmp_path: Path) -> None:
    """Dumping a smaller dataset over a larger one leaves exactly the smaller one."""
    dataset = load(mini)
    dump(dataset, tmp_path)
    (tmp_path / "README.md").write_text("notes")
    kept = dataset.reports[0]
    smaller = Dataset(
        reports=(kept,),
        actors=dataset.actors,
        places=dataset.places,
        claims=dataset.claims_of(kept.id),
    )
    dump(smaller, tmp_path)
    assert load(tmp_path) == smaller
    assert (tmp_path / "README.md").read_text() == "notes"
    assert sorted(p.name for p in (tmp_path / "reports").iterdir()) == [
        f"{kept.id}.toml",
        f"{kept.id}.txt",
    ]


def test_a_missing_folder_is_one_problem(tmp_path: Path) -> None:
    """Loading a path that is not a folder names the path and what a dataset is."""
    with pytest.raises(DatasetError) as caught:
        load(tmp_path / "nowhere")
    (problem,) = caught.value.problems
    assert str(problem).startswith(f"{tmp_path / 'nowhere'}: expected a dataset folder")


def test_an_explicit_interval_overrides_the_wording(mini: Path, tmp_path: Path) -> None:
    """An explicit low and high override the wording's interval; the wording is kept."""
    dump(load(mini), tmp_path)
    report = tmp_path / "reports" / "reuters-2020-02-06.toml"
    report.write_text(
        report.read_text().replace(
            'quantity = "some 3 million"',
            'quantity = { text = "some 3 million", low = 2.5e6, high = 3e6 }',
        )
    )
    quantity = load(tmp_path).claim("reuters-idlib-population").quantity
    assert quantity is not None
    assert (quantity.low, quantity.high, quantity.text) == (2.5e6, 3e6, "some 3 million")
    dump(load(tmp_path), tmp_path / "again")
    assert load(tmp_path / "again") == load(tmp_path)


def test_a_planned_event_may_lie_after_publication(mini: Path, tmp_path: Path) -> None:
    """'tomorrow' in a claim with modality planned loads; the same date as fact does not."""
    dump(load(mini), tmp_path)
    report = tmp_path / "reports" / "reuters-2020-02-06.toml"
    text = report.read_text()
    planned = text.replace(
        'when = "on Monday"\nevent', 'when = "tomorrow"\nmodality = "planned"\nevent', 1
    )
    report.write_text(planned)
    claim = load(tmp_path).claim("reuters-turkish-dead-feb3")
    assert claim.when is not None
    assert claim.when.start == datetime.date(2020, 2, 7)
    report.write_text(text.replace('when = "on Monday"', 'when = "tomorrow"', 1))
    with pytest.raises(DatasetError, match="on or before the report's publication"):
        load(tmp_path)


def test_a_weekday_that_contradicts_its_date_loads_and_keeps_the_date(
    mini: Path, tmp_path: Path
) -> None:
    """'Monday, February 4' (a Tuesday in 2020) is the source's slip: the date is kept."""
    dump(load(mini), tmp_path)
    report = tmp_path / "reports" / "reuters-2020-02-06.toml"
    report.write_text(report.read_text().replace('"on Monday"', '"Monday, February 4"', 1))
    when = load(tmp_path).claim("reuters-turkish-dead-feb3").when
    assert when is not None
    assert when.start == datetime.date(2020, 2, 4)
    assert "is a Tuesday" in when.reading
    dump(load(tmp_path), tmp_path / "again")
    assert load(tmp_path / "again") == load(tmp_path)


def test_a_statement_time_is_compared_with_the_publication_as_moments(tmp_path: Path) -> None:
    """An as_of at 01:00 in Kyiv is 8½ hours before a New York report published at 23:30 the
    evening before by the local calendar: it loads. Half an hour after publication does not."""
    from test_rules import write_case

    def case(as_of: datetime.datetime) -> dict[str, Any]:
        claim = {"id": "toll", "predicate": "killed", "source": "donetsk-governor",
                 "patient": "civilians", "quantity": "50", "as_of": as_of,
                 "quote": "by morning the toll had risen to 50"}  # fmt: skip
        report = {"id": "ny", "outlet": "reuters", "claims": [claim],
                  "published": datetime.datetime(2022, 4, 8, 23, 30, tzinfo=NEW_YORK)}  # fmt: skip
        return {"reports": [report]}

    early = datetime.datetime(2022, 4, 9, 1, 0, tzinfo=KYIV)
    dataset = load(write_case(case(early), tmp_path / "early"))
    assert dataset.claim("toll").as_of == early
    with pytest.raises(DatasetError, match="on or before the report's publication"):
        load(write_case(case(early + datetime.timedelta(hours=9)), tmp_path / "late"))


KYIV = datetime.timezone(datetime.timedelta(hours=3))
NEW_YORK = datetime.timezone(datetime.timedelta(hours=-4))
