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
from typing import Protocol


def N_(message: str) -> str:
    """Mark ``message`` for the catalogs, as ``i18n.catalog.N_`` does (this module is below
    the catalogs and imports nothing of theirs)."""
    return message


class Speaks(Protocol):
    """A language's translations (``i18n.catalog.Translations``), as far as a reason needs."""

    def gettext(self, message: str) -> str: ...


class Reason(Exception):
    """Why a file cannot be read, in words: ``str`` is the English (for the command line and
    the logs), ``said(tr)`` the same in ``tr``'s language (``i18n.said.said_in`` calls it), from
    a template marked with ``N_`` and its fields. ``Reason.given`` is a lower layer's own words
    (the OS's), said as they are. An error, so that a ``SaveError`` takes it as its reason.
    Not cleaned here (this module imports nothing above it): ``said_in`` cleans what it says."""

    def __init__(self, template: str, /, **fields: object) -> None:
        self.template: str | None = template
        self.own: object = None
        # The OS's error behind a reason given in its own words, if any (``reason_for``).
        self.os_error: OSError | None = None
        self.fields = {name: str(value) for name, value in fields.items()}
        self.message = template.format(**self.fields)
        super().__init__(self.message)

    @classmethod
    def given(cls, words: object) -> Reason:
        """``words`` passed on whole: an error with a ``said(tr)`` of its own (a higher
        layer's) is said in the same language; any other as it is."""
        reason = cls("{words}", words=words)
        reason.template = None
        reason.own = words
        return reason

    def said(self, tr: Speaks) -> str:
        if self.template is None:
            own = getattr(self.own, "said", None)
            if callable(own) and not isinstance(self.own, str):
                return str(own(tr))
            return self.message
        return tr.gettext(self.template).format(**self.fields)


class Unreadable(Exception):
    """A file that cannot be read, with the reason in plain words: ``reason`` in English (for
    the command line and the logs), ``why`` (a ``Reason``) to be said in a screen's language."""

    def __init__(self, path: Path, reason: str | Reason) -> None:
        self.why = reason if isinstance(reason, Reason) else Reason.given(reason)
        self.reason = self.why.message
        super().__init__(f"{path}: {self.reason}")
        self.path = path

    def said(self, tr: Speaks) -> str:
        return f"{self.path}: {self.why.said(tr)}"


# TRANSLATORS: why a file cannot be read, after "cannot read the file:" and the like.
_REASONS = {
    errno.ENOENT: N_("the file does not exist"),
    errno.ELOOP: N_("it is a link that leads back to itself"),
    errno.EACCES: N_("permission to read it is denied"),
    errno.EPERM: N_("permission to read it is denied"),
    errno.EISDIR: N_("it is a folder, not a file"),
    errno.ENAMETOOLONG: N_("its name is too long"),
    errno.ENOTDIR: N_("a part of its path is not a folder"),
}
FOLDER = _REASONS[errno.EISDIR]
# TRANSLATORS: a lock file that is a symbolic link, which workbook never opens.
LINK = N_("it is a link")
NOT_REGULAR = N_("it is not a regular file (a pipe, a socket or a device)")
# TRANSLATORS: {size} is a size such as "32 MB".
TOO_LARGE = N_("it is larger than {size}")


class Linked(OSError):
    """A file that is a link where workbook never follows one (a lock file)."""

    def __init__(self) -> None:
        super().__init__(0, LINK)


def reason_for(error: OSError) -> Reason:
    """An ``OSError`` in plain words: ours for the common ones, else the OS's own as given."""
    if isinstance(error, Linked):
        return Reason(LINK)
    known = _REASONS.get(error.errno or 0)
    if known is not None:
        return Reason(known)
    given = Reason.given(error.strerror or str(error) or type(error).__name__)
    # A screen above says it by its errno where the catalog has words for it (os_words).
    given.os_error = error
    return given


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
            raise Unreadable(path, Reason(FOLDER))
        if not stat.S_ISREG(info.st_mode):
            raise Unreadable(path, Reason(NOT_REGULAR))
        if info.st_size > limit:
            raise Unreadable(path, too_large(limit))
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise Unreadable(path, too_large(limit))
        return b"".join(chunks)
    except OSError as error:
        raise Unreadable(path, reason_for(error)) from error
    finally:
        os.close(fd)


def too_large(limit: int) -> Reason:
    """Why a file of more than ``limit`` bytes is refused."""
    return Reason(TOO_LARGE, size=size_words(limit))


def size_words(limit: int) -> str:
    if limit >= 1_000_000:
        return f"{limit / 1_000_000:g} MB"
    return f"{limit / 1000:g} KB"
