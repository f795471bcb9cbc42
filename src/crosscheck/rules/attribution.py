"""Rules of the attribution family."""

from __future__ import annotations

from crosscheck.registry import Rule

RULES: tuple[Rule, ...] = ()
