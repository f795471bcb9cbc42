"""Writing what crosscheck produces to a path a user names, without harming what is there.

`write_output` treats the path the way a shell's ``>`` would, except that a regular file is
written whole or not at all:

- ``-`` is standard output;
- a symlink is followed, and its target written, so the symlink stays a symlink;
- a device, a FIFO or an open file descriptor (``/dev/null``, ``/dev/stdout``, ``/dev/fd/3``)
  is written to as a stream, never replaced by a regular file;
- a regular file (or a path where nothing is yet) is written atomically: a temporary file in
  the folder that really holds it, then a rename (`write_atomically`).
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO

__all__ = ["STDOUT", "mode_for", "replace_folder", "write_atomically", "write_output"]

STDOUT = "-"
"""The path that names standard output."""

_MAX_LINKS = 40
"""As many symlinks as Linux follows in one path before it reports a loop."""

_DESCRIPTORS = re.compile(r"/proc/(?:self|thread-self|\d+)(?:/task/\d+)?/fd")
"""The folders, once resolved, whose entries are a process's open file descriptors."""


def write_output(
    target: str | os.PathLike[str],
    content: bytes | Iterable[bytes],
    *,
    stdout: BinaryIO | None = None,
) -> None:
    """Write `content` (bytes, or chunks of them) to `target`, as the module docstring says.

    `stdout` is where ``-`` goes (default: the standard output's binary stream). Raises
    OSError when the target cannot be written: a missing folder, a folder in the way, no
    permission, a symlink loop; a regular file is then left as it was.
    """
    if os.fspath(target) == STDOUT:
        stream = stdout if stdout is not None else sys.stdout.buffer
        _write(stream, content)
        stream.flush()
        return
    path, descriptor = _resolve(Path(target))
    if descriptor is not None:
        _stream_to_descriptor(path, descriptor, content)
        return
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        mode = None  # a new file, or a dangling symlink's target: created, atomically
    if mode is not None and stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), os.fspath(target))
    if mode is not None and not stat.S_ISREG(mode):
        # A device, FIFO or socket: open it as it is (no creating, no truncating) and stream.
        with open(os.open(path, os.O_WRONLY), "wb") as stream:
            _write(stream, content)
        return
    write_atomically(path, content)


def _resolve(target: Path) -> tuple[Path, int | None]:
    """`target` with every symlink followed, and, when the way passes through an open file
    descriptor (``/dev/stdout`` → ``/proc/self/fd/1``), that descriptor's number.

    A descriptor's entry is a link the kernel makes up (``pipe:[1234]``, a terminal, a file
    that may have been deleted); it is opened as it is, never resolved and replaced.
    """
    path = os.path.abspath(target)
    for _ in range(_MAX_LINKS):
        folder = os.path.realpath(os.path.dirname(path))
        name = os.path.basename(path)
        path = os.path.join(folder, name)
        if _DESCRIPTORS.fullmatch(folder) and name.isdigit():
            return Path(path), int(name)
        if not os.path.islink(path):
            return Path(path), None
        path = os.path.join(folder, os.readlink(path))
    raise OSError(errno.ELOOP, os.strerror(errno.ELOOP), os.fspath(target))


def _stream_to_descriptor(path: Path, number: int, content: bytes | Iterable[bytes]) -> None:
    """Write to an open file descriptor: our own (``/dev/stdout``) through a duplicate, so it
    writes where the descriptor stands, as a shell's ``>`` or ``>>`` left it; another
    process's by opening its entry, appending."""
    if path.parent == Path(f"/proc/{os.getpid()}/fd"):
        for buffered in (sys.stdout, sys.stderr):
            if buffered is not None:
                buffered.flush()  # what is already buffered for the descriptor comes first
        handle = os.dup(number)
    else:
        handle = os.open(path, os.O_WRONLY | os.O_APPEND)
    with open(handle, "wb") as stream:
        _write(stream, content)


def _write(stream: BinaryIO, content: bytes | Iterable[bytes]) -> None:
    if isinstance(content, bytes):
        stream.write(content)
    else:
        stream.writelines(content)


def mode_for(target: Path) -> int:
    """The permissions `target` has, or those a new file gets under the current umask."""
    try:
        return target.stat().st_mode & 0o777
    except FileNotFoundError:
        return 0o666 & ~_umask()


def write_atomically(
    target: Path, content: bytes | Iterable[bytes], *, make_folders: bool = False
) -> None:
    """Write `content` (bytes, or chunks of them, which are never all held in memory) to
    `target` whole or not at all: a temporary file beside the file, then a rename. A symlink is
    followed: its target is written, and the symlink stays a symlink.

    The file gets the permissions a plain write would give it (or keeps the existing file's).
    The folder must exist unless `make_folders`; a missing one raises FileNotFoundError.
    """
    if target.is_symlink():
        target = Path(os.path.realpath(target))
    if make_folders:
        target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(handle, "wb") as stream:
            _write(stream, content)
        os.chmod(temporary, mode_for(target))
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


_BUILDING = ".crosscheck-new-"
_REPLACED = ".crosscheck-old-"


def replace_folder(target: Path, write: Callable[[Path], None]) -> None:
    """Fill the folder `target` whole or not at all: `write` fills a new sibling folder, which
    then takes `target`'s place; the folder it replaces is removed. A symlinked `target` is
    followed. If `write` fails, `target` is left as it was and the new folder removed; what an
    earlier run killed midway left beside `target` is removed first."""
    if target.is_symlink():
        target = Path(os.path.realpath(target))
    parent = target.parent
    parent.mkdir(parents=True, exist_ok=True)
    for stale in parent.glob(f".{target.name}{_REPLACED}*"):
        kept = stale / target.name
        if not target.exists() and kept.exists():
            os.replace(kept, target)  # killed between the two renames: the old folder returns
        shutil.rmtree(stale, ignore_errors=True)
    for stale in parent.glob(f".{target.name}{_BUILDING}*"):
        shutil.rmtree(stale, ignore_errors=True)
    building = Path(tempfile.mkdtemp(dir=parent, prefix=f".{target.name}{_BUILDING}"))
    try:
        write(building)
        os.chmod(building, 0o777 & ~_umask())
        if target.exists():
            replaced = Path(tempfile.mkdtemp(dir=parent, prefix=f".{target.name}{_REPLACED}"))
            os.replace(target, replaced / target.name)
            os.replace(building, target)
            shutil.rmtree(replaced, ignore_errors=True)
        else:
            os.replace(building, target)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise


def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask
