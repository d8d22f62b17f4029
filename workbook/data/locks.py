"""The one sidecar lock: a ``name.lock`` file beside what it guards, held while a file is
changed, so that two windows (or two processes) never write it at once.

A lock file is private (0600) and never opened through a link. ``filelock`` loads only when a
lock is first taken, so a window that only reads pays nothing for it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from workbook.data.durable import FILE_MODE
from workbook.reading import Linked


class Busy(Exception):
    """Another window holds the lock, and did not let go of it in the time given."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} is held by another window")
        self.path = path


def file_lock(path: Path, wait: float) -> Any:
    """The lock at ``path``, held: waits up to ``wait`` seconds (0: not at all). Raises
    ``Busy`` when another holds it, and ``OSError`` when it cannot be used (a link, say)."""
    import filelock

    if path.is_symlink():
        raise Linked()
    lock = filelock.FileLock(path, mode=FILE_MODE)
    try:
        lock.acquire(timeout=wait)
    except filelock.Timeout as error:
        raise Busy(path) from error
    return lock


def release(lock: Any) -> None:
    """Let go of ``lock``; a lock file that has gone meanwhile is no matter."""
    with contextlib.suppress(OSError):
        lock.release()


@contextlib.contextmanager
def held(path: Path, wait: float) -> Iterator[None]:
    """``file_lock`` for the length of a ``with`` block."""
    lock = file_lock(path, wait)
    try:
        yield
    finally:
        release(lock)
