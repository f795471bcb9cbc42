"""The bulk format's public names, where crosscheck 0.1 had them.

The format itself — JSON Lines for claim sets too large to curate by hand — lives in
`crosscheck.loading.jsonl`; this module keeps ``from crosscheck.bulk import dump_bulk`` working.
"""

from __future__ import annotations

from crosscheck.loading.jsonl import *  # noqa: F403 - every public name, as listed there
from crosscheck.loading.jsonl import __all__ as __all__
