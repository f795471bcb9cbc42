"""The engine against its all-pairs reference (tests/reference.py): blocking, sweeps and
skipped passes are shortcuts, so every finding must be the one trying every pair gives."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crosscheck import Dataset, check, load
from crosscheck.config import load_config
from crosscheck.sameness import Window
from crosscheck.testing import RuleCase, read_cases, write_case
from crosscheck.testing import datasets as generated
from reference import reference_check
from test_engine import merged
from test_rules import CASES
from test_window import syria_2019_2020

FIXTURES = Path(__file__).parent.parent / "fixtures"
WINDOWS = st.one_of(st.none(), st.builds(Window, st.integers(0, 3),
                                         st.sampled_from([None, 0.0, 10.0, 50.0])))  # fmt: skip


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(generated(), WINDOWS)
def test_the_engine_finds_what_trying_every_pair_finds(
    dataset: Dataset, window: Window | None
) -> None:
    assert check(dataset, preview=True, window=window) == reference_check(dataset, window=window)


def test_the_engine_and_the_reference_agree_on_the_merged_rule_cases() -> None:
    dataset = merged()
    assert check(dataset, preview=True) == reference_check(dataset)


@pytest.mark.parametrize("case", [c for c in read_cases(CASES) if c.window is not None], ids=str)
def test_the_engine_and_the_reference_agree_on_each_windowed_case(
    case: RuleCase, tmp_path: Path
) -> None:
    dataset = load(write_case(case, tmp_path / "dataset"))
    assert check(dataset, preview=True, window=case.window) == reference_check(
        dataset, window=case.window
    )


@functools.cache
def fixture(name: str) -> Dataset:
    return load(FIXTURES / name)


@pytest.mark.parametrize(
    "name", sorted(p.name for p in FIXTURES.iterdir() if (p / "FINDINGS.md").is_file())
)
def test_the_engine_and_the_reference_agree_on_every_fixture(name: str) -> None:
    """Each with the window its settings give (ged-acled-syria: a day and 10 km)."""
    dataset, window = fixture(name), load_config(FIXTURES / name).window
    assert check(dataset, preview=True, window=window) == reference_check(dataset, window=window)


@pytest.mark.parametrize("window", [Window(0), Window(1, 10.0), Window(3, 50.0)])
def test_the_engine_and_the_reference_agree_across_two_coded_datasets(window: Window) -> None:
    """The GED and ACLED records of Syria in 2019–2020, under windows that join records."""
    dataset = syria_2019_2020()
    assert check(dataset, preview=True, window=window) == reference_check(dataset, window=window)
