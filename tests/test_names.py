"""Spellings of one name match regardless of case, accents and punctuation."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crosscheck.names import did_you_mean, fold


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Erdoğan", "Erdogan"),
        ("Recep Tayyip Erdoğan", "recep tayyip erdogan"),
        ("al-Assad", "al Assad"),
        ("Bashar al-Assad", "BASHAR AL ASSAD"),
        ("Ras al-Ain", "Ras al Ain"),
        ("Mevlüt Çavuşoğlu", "Mevlut Cavusoglu"),
        ("Jan.", "jan"),
        ("U.N.", "UN"),
        ("S.A.N.A.", "SANA"),
        ("Hayat Tahrir al-Sham", "Hayat  Tahrir  al‐Sham"),
    ],
)
def test_spellings_of_one_name_fold_alike(one: str, other: str) -> None:
    """Accents, case, hyphens, dots and repeated spaces do not make two names differ."""
    assert fold(one) == fold(other)


@pytest.mark.parametrize(("one", "other"), [("Saraqeb", "Saraqib"), ("Idlib", "Idlib city")])
def test_different_spellings_are_not_guessed(one: str, other: str) -> None:
    """Transliteration variants are left to curated aliases, never guessed."""
    assert fold(one) != fold(other)


@given(st.text())
def test_fold_is_idempotent(name: str) -> None:
    """Folding a folded name changes nothing."""
    assert fold(fold(name)) == fold(name)


def test_did_you_mean_names_the_closest_choice() -> None:
    """A near miss gets a hint naming the intended spelling."""
    assert did_you_mean("SOHRR", ["SOHR", "SANA", "reuters"]) == "did you mean 'SOHR'?"


def test_did_you_mean_is_silent_when_nothing_is_close() -> None:
    """A hint is only given when some choice is close."""
    assert did_you_mean("xyzzy", ["SOHR", "SANA"]) == ""
