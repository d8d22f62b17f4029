"""Durable, private files: every save is complete or not there at all.

A save writes a temp file in the same folder, flushes and fsyncs it, renames it over the old file
and fsyncs the folder, so a crash, a kill or a full disk leaves either the old or the new version,
never a torn one. Anything that fails along the way raises ``SaveError`` and keeps the old file.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import time
from pathlib import Path
from typing import TYPE_CHECKING

from workbook.data import vault
from workbook.i18n.catalog import N_
from workbook.i18n.os_words import OsProblem
from workbook.i18n.said import AS_GIVEN, Words, said_in

if TYPE_CHECKING:
    from workbook.i18n.catalog import Translations

FILE_MODE = 0o600
FOLDER_MODE = 0o700
_TEMP_PREFIX = ".wb-"
_TEMP_SUFFIX = ".tmp"
# A temp file younger than this may belong to a save in progress in another process.
STALE_TEMP_SECONDS = 60.0


class SaveError(OSError):
    """A file could not be saved. The previous version, if any, is untouched. ``reason`` is an
    OS error's words (``os_words.OsProblem``, said by its errno), or words of the workbook's
    own (said in a screen's language), in English; ``given`` is the reason as given, and
    ``said(tr)`` the whole message in ``tr``'s language."""

    def __init__(self, path: Path, reason: str | Exception | Words) -> None:
        super().__init__(f"could not save {path}: {reason}")
        self.path = path
        self.reason = str(reason)
        # The reason as given: words of the workbook's own are said in a screen's language.
        self.given = reason

    @property
    def why(self) -> Words:
        """The reason alone: ``message`` the English, ``said(tr)`` in ``tr``'s language."""
        return Words(AS_GIVEN, problem=self.given)

    def said(self, tr: Translations) -> str:
        """The message in ``tr``'s language (an OS error's problem in the catalog's words,
        ``os_words``; one not in its list as the OS words it)."""
        template = tr.gettext(N_("could not save {path}: {reason}"))
        return template.format(path=said_in(self.path, tr), reason=said_in(self.given, tr))


def private_folder(path: Path) -> Path:
    """Make ``path`` and any missing parents, private to the user (0700)."""
    missing = [p for p in (path, *path.parents) if not p.exists()]
    for folder in reversed(missing):
        with contextlib.suppress(FileExistsError):
            folder.mkdir(mode=FOLDER_MODE)
        os.chmod(folder, FOLDER_MODE)
    return path


def replace_file(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` as it is: a temp file, fsync, rename, fsync the folder."""
    folder = path.parent
    try:
        private_folder(folder)
    except OSError as error:
        raise SaveError(path, reason_words(error)) from error
    temp = folder / vault.temp_name(path, secrets.token_hex(8))
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        try:
            os.fchmod(fd, FILE_MODE)
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise SaveError(path, reason_words(error)) from error
    try:
        fsync_folder(folder)
    except OSError as error:
        # The new file is in place but the rename may not survive a power cut.
        raise SaveError(path, reason_words(error)) from error


def fsync_folder(folder: Path) -> None:
    """Flush a folder's entries (a rename) to disk."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def sweep_temp_files(root: Path, *, now: float | None = None) -> list[Path]:
    """Remove temp files that interrupted saves left under ``root``; return what was removed."""
    now = time.time() if now is None else now
    removed: list[Path] = []
    if not root.is_dir():
        return removed
    # os.walk, not Path.rglob: it never follows a link out of the folder, and it is quick
    # over the thousands of session files of a caseload, at every start.
    for folder, _dirs, files in os.walk(root):
        for name in files:
            if not (name.startswith(_TEMP_PREFIX) and name.endswith(_TEMP_SUFFIX)):
                continue
            temp = Path(folder) / name
            with contextlib.suppress(OSError):
                if now - temp.lstat().st_mtime >= STALE_TEMP_SECONDS:
                    temp.unlink()
                    removed.append(temp)
    return removed


def reason_words(error: OSError | ValueError) -> str | Exception:
    """Why a save failed, for a ``SaveError``: an OS error's problem (its English the OS's
    words, as before; said in a screen's language by its errno), or a value's words."""
    if isinstance(error, ValueError):
        return str(error)
    if callable(getattr(error, "said", None)):
        # Words of its own (``vault.Locked``, a ``SaveError``): its English is its ``str``.
        return error
    return OsProblem(error)
