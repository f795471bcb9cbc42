"""Rules of the quantities family."""

from __future__ import annotations

from crosscheck.registry import Rule

RULES: tuple[Rule, ...] = ()
