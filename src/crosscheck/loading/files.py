"""Where a file belongs, what is there instead: the one look both formats take before reading."""

from __future__ import annotations

import errno
import stat
from pathlib import Path

__all__ = ["not_a_file"]


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
