"""Shared test settings: hypothesis profiles (`HYPOTHESIS_PROFILE=ci` runs more examples)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("default", deadline=None)
settings.register_profile(
    "ci", deadline=None, max_examples=300, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

MINI = Path(__file__).parent / "data" / "mini"

RULE_SECTIONS = """

What it flags
-------------
Test claims.

Why it matters
--------------
It tests crosscheck itself.

Flagged
-------
Its pick.

Not flagged
-----------
The rest.
"""
"""The four sections a rule's docstring needs, for the rules tests declare."""


@pytest.fixture
def mini() -> Path:
    """The path of a small valid dataset built from two seed articles."""
    return MINI
