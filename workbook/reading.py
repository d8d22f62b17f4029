"""Reading a file that may be hostile: a regular file only, never more than a limit, never a hang.

A pack folder or a data folder can hold a pipe, a device, a folder or a link that loops where a
file belongs. ``Path.read_bytes`` would wait forever on a pipe and read /dev/zero until memory
runs out; this opens without blocking, checks what it opened, and reads at most the limit plus
one byte, so a file that is too large is refused without being read whole.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path


class Unreadable(Exception):
    """A file that cannot be read, with the reason in plain words."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


_REASONS = {
    errno.ENOENT: "the file does not exist",
    errno.ELOOP: "it is a link that leads back to itself",
    errno.EACCES: "permission to read it is denied",
    errno.EPERM: "permission to read it is denied",
    errno.EISDIR: "it is a folder, not a file",
    errno.ENAMETOOLONG: "its name is too long",
    errno.ENOTDIR: "a part of its path is not a folder",
}


def reason_for(error: OSError) -> str:
    """An ``OSError`` in plain words."""
    return _REASONS.get(error.errno or 0, error.strerror or str(error) or type(error).__name__)


def read_limited(path: Path, limit: int) -> bytes:
    """The bytes of the regular file at ``path``, as they are on disk; raises ``Unreadable``.

    Refuses anything that is not a regular file, and any file of more than ``limit`` bytes.
    (A data file, which may be sealed, is read with ``data.opened.read_limited``.)
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as error:
        raise Unreadable(path, reason_for(error)) from error
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise Unreadable(path, "it is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise Unreadable(path, "it is not a regular file (a pipe, a socket or a device)")
        if info.st_size > limit:
            raise Unreadable(path, f"it is larger than {size_words(limit)}")
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise Unreadable(path, f"it is larger than {size_words(limit)}")
        return b"".join(chunks)
    except OSError as error:
        raise Unreadable(path, reason_for(error)) from error
    finally:
        os.close(fd)


def size_words(limit: int) -> str:
    if limit >= 1_000_000:
        return f"{limit / 1_000_000:g} MB"
    return f"{limit / 1000:g} KB"
