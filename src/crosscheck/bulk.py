"""The bulk format's public names, where crosscheck 0.1 had them.

The format itself — JSON Lines for claim sets too large to curate by hand — lives in
`crosscheck.loading.jsonl`; this module keeps ``from crosscheck.bulk import dump_bulk`` working.
"""

from __future__ import annotations

from crosscheck.loading.jsonl import (
    FORMAT,
    MANIFEST,
    VERSION,
    BulkClaim,
    BulkReport,
    dump_accepted_bulk,
    dump_bulk,
    load_bulk,
)

__all__ = [
    "FORMAT",
    "MANIFEST",
    "VERSION",
    "BulkClaim",
    "BulkReport",
    "dump_accepted_bulk",
    "dump_bulk",
    "load_bulk",
]
