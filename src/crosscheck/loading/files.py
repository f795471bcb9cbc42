"""Where a file belongs, what is there instead, and how large it is: the looks both formats
take before reading."""

from __future__ import annotations

import errno
import stat
from pathlib import Path

__all__ = ["LARGEST_FILE", "not_a_file", "too_large", "without_bom"]


def not_a_file(path: Path) -> str | None:
    """Why nothing can be read at `path` as a file — "found nothing", "found a folder", … —
    or None when it is a regular file (or a symlink to one). Checked before reading, so a FIFO
    where a file belongs is reported instead of waiting for a writer for ever."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "found nothing (create it, even if empty)" if not path.is_symlink() else (
            "found a symlink to nothing (point it at the file, or replace it)")  # fmt: skip
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "found a symlink loop (replace it with the file)"
        return f"found an error ({error.strerror or error})"
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "found a folder (a file belongs here)"
    return "found a special file, not a regular one (a file belongs here)"


LARGEST_FILE = 64 * 1024 * 1024
"""The most bytes a TOML file or a report's text may have: a long article is a few hundred
thousand; a larger file is a mistake, and is never read into memory."""


def too_large(path: Path) -> str | None:
    """Why the file at `path` is too large to read ("found 2,147,483,648 bytes …"), or None."""
    try:
        size = path.stat().st_size
    except OSError:
        return None  # reading it will say what is wrong
    if size <= LARGEST_FILE:
        return None
    return (f"found {size:,} bytes (at most {LARGEST_FILE:,}; a dataset this large belongs in "
            "the bulk format, one entry per line)")  # fmt: skip


def without_bom(text: str) -> str:
    """`text` without the byte-order mark some editors write first."""
    return text.removeprefix("\ufeff")
