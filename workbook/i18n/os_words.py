"""An OS error in the screen's language: the errors a person can meet and act on (a disk that
is full or read-only, a permission refused, a file not there) in words of the catalog, chosen
by ``errno``, with the file's name when the error has one.

``str(error)`` stays the OS's English, for the command line and the logs; an English screen
shows it too, as the OS words it. An error not in the list is shown in the OS's words in every
language: they are the most a person can be told about it.
"""

from __future__ import annotations

import errno
import os
from typing import TYPE_CHECKING

from workbook.i18n.catalog import N_
from workbook.i18n.tags import SOURCE
from workbook.text import clean, clean_line

if TYPE_CHECKING:
    from workbook.i18n.catalog import Translations

# TRANSLATORS: what went wrong on the disk, after "could not save {path}:" and the like, or
# alone: short, without a capital letter or a full stop.
_DENIED = N_("permission denied")
_TOO_MANY_OPEN = N_("too many files are open; close some programs and try again")
PROBLEMS: dict[int, str] = {
    errno.EACCES: _DENIED,
    errno.EPERM: _DENIED,
    errno.ENOSPC: N_("the disk is full"),
    errno.EDQUOT: N_("the disk space allowed to you is used up"),
    errno.EROFS: N_("the disk is read-only"),
    errno.ENOENT: N_("not found"),
    errno.EEXIST: N_("it already exists"),
    errno.EISDIR: N_("it is a folder, not a file"),
    errno.ENOTDIR: N_("a part of the path is not a folder"),
    errno.ENOTEMPTY: N_("the folder is not empty"),
    errno.ELOOP: N_("too many links, or a link that leads back to itself"),
    errno.ENAMETOOLONG: N_("the name is too long"),
    errno.EBUSY: N_("it is in use"),
    errno.EIO: N_("the disk could not be read or written"),
    errno.EMFILE: _TOO_MANY_OPEN,
    errno.ENFILE: _TOO_MANY_OPEN,
    errno.ETIMEDOUT: N_("the disk did not answer in time"),
}
# TRANSLATORS: {problem} is one of the disk's problems above ("permission denied"),
# {filename} the file or folder it happened to.
NAMED = N_("{problem}: {filename}")


def as_given(error: OSError) -> str:
    """The OS's own words for the problem alone (no file name): the English the command line
    and the logs have always shown."""
    return error.strerror or str(error) or type(error).__name__


def said_os(error: OSError, tr: Translations, *, named: bool = True) -> str:
    """``error`` in ``tr``'s language: the catalog's words for its ``errno``, with the file's
    name (cleaned) when ``named`` and it has one; else as the OS words it (all of ``str``
    when ``named``, else ``as_given``), cleaned."""
    problem = PROBLEMS.get(error.errno or 0)
    if problem is None or tr.language == SOURCE:
        return clean(str(error) if named else as_given(error))
    said = tr.gettext(problem)
    filename = _name(error.filename) if named else ""
    if filename:
        said = tr.gettext(NAMED).format(problem=said, filename=filename)
    return clean(said)


def _name(filename: object) -> str:
    if filename is None or isinstance(filename, int):
        return ""
    if isinstance(filename, bytes):
        filename = os.fsdecode(filename)
    return clean_line(str(filename))


class OsProblem(Exception):
    """What went wrong, without the file's name (a ``SaveError`` names the file itself):
    ``str`` the OS's words, as the command line has always shown them; ``said(tr)`` the
    catalog's (``said_os``). An error, so that a ``SaveError`` takes it as its reason."""

    def __init__(self, error: OSError) -> None:
        super().__init__(as_given(error))
        self.error = error

    def said(self, tr: Translations) -> str:
        return said_os(self.error, tr, named=False)
