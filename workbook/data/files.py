"""Reading one data file as a table: never a crash, never a hang, and no unsafe text.

A data file may have been edited by hand, copied from elsewhere, or replaced by something that is
not a file at all. Whatever it is, reading it gives either a table whose every string has been
cleaned (``text.clean``), or a ``DataError`` that names the file and says what is wrong.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbook import tomlio
from workbook.data.places import read_limited
from workbook.i18n.catalog import N_
from workbook.i18n.said import AS_GIVEN, Said, Words
from workbook.reading import Unreadable
from workbook.text import clean

if TYPE_CHECKING:
    from workbook.i18n.catalog import Translations

# Ten years of weekly sessions with long answers stay far below this; a file above it is not ours.
MAX_BYTES = 32_000_000


class DataError(Exception):
    """A data file that cannot be read: missing, not TOML, or not the expected shape.

    Made like a ``Said`` error: ``DataError(path, N_("template {field}"), field=...)``, or
    with ``Words``. ``message`` (what is wrong) and ``str(error)`` (``path: message``) are the
    English, for the command line and the logs; ``said(tr)`` is the same in ``tr``'s language.
    A message given alone, with no fields, has no placeholders: it is said as the catalog has
    it (a message marked where it is defined, such as ``NO_FORMAT``), else as it is (a
    parser's or pydantic's own words).
    """

    def __init__(self, path: Path, problem: str | Words, /, **fields: object) -> None:
        if isinstance(problem, Words):
            self.words = problem
        elif fields:
            self.words = Words(problem, **fields)
        else:
            self.words = _Fixed(problem)
        # Keys and values quoted in a message come from the file: no control character survives.
        self.message = self.words.message
        super().__init__(f"{path}: {self.message}")
        self.path = path

    def said(self, tr: Translations) -> str:
        return Words(PLACED, path=self.path, problem=self.words).said(tr)

    @property
    def problem(self) -> Said:
        """What is wrong, without the path, as a ``SaveError``'s reason: said in the language
        the ``SaveError`` is said in."""
        return Said(AS_GIVEN, problem=self.words)


class _Fixed(Words):
    """A message with no placeholders: never formatted, so braces in it are text."""

    def __init__(self, message: str) -> None:
        super().__init__(AS_GIVEN, problem=message)
        self.fixed = message

    def said(self, tr: Translations) -> str:
        return clean(tr.gettext(self.fixed))


# TRANSLATORS: {path} is a data file's path, {problem} what is wrong with it. A language
# written right to left may put the problem first, or begin with a word of its own ("the file
# {path}: ..."), so that the line does not begin with a path in Latin letters.
PLACED = N_("{path}: {problem}")

# TRANSLATORS: {problem} is the TOML parser's own words, in English. Shown on the command line
# and on an English screen only: a translated screen says NOT_TOML_AT ("not valid TOML (line
# {line}, column {column})") instead.
NOT_TOML = N_("line {line}, column {column}: not valid TOML: {problem}")
# TRANSLATORS: the same, where the parser does not say where it stopped.
NOT_TOML_SOMEWHERE = N_("not valid TOML: {problem}")
# TRANSLATORS: a data file the TOML parser refused, and the line and column where it stopped.
NOT_TOML_AT = N_("not valid TOML (line {line}, column {column})")
NOT_TOML_ONLY = N_("not valid TOML")


class NotToml(Words):
    """A data file the TOML parser refused. The English (``message``: the command line's, and
    an English screen's) keeps the parser's own words; a screen in another language says ours,
    with the line and column where the parser gives them."""

    def __init__(self, problem: str, line: int | None = None, column: int | None = None) -> None:
        self.place = None if line is None or column is None else (line, column)
        if self.place is None:
            super().__init__(NOT_TOML_SOMEWHERE, problem=problem)
        else:
            super().__init__(NOT_TOML, line=line, column=column, problem=problem)

    def said(self, tr: Translations) -> str:
        if tr.gettext(NOT_TOML_AT) == NOT_TOML_AT:
            return super().said(tr)  # English (or a language with no words for it yet)
        if self.place is None:
            return clean(tr.gettext(NOT_TOML_ONLY))
        line, column = self.place
        return clean(tr.gettext(NOT_TOML_AT).format(line=line, column=column))


def not_toml(error: Exception) -> NotToml:
    """What the parser's ``error`` says, whatever it says: never a failure of its own."""
    place = tomlio.place(error)
    problem = tomlio.words(error)
    return NotToml(problem) if place is None else NotToml(problem, *place)


# Raised as they are by the modules that read a data file's model (model_files, store): marked
# here so that a screen says them in its language.
NO_FORMAT = N_("the file has no format number (format = 1)")
OUTSIDE = N_("it is a link to a place outside the data folder, which workbook does not follow")


def read_table(path: Path) -> dict[str, Any]:
    """The TOML table in ``path``, with every string cleaned; raises ``DataError``."""
    return _parsed(path, _text(path))


def read_head(path: Path) -> dict[str, Any]:
    """The keys at the top of a TOML file, before its first table, cleaned; raises ``DataError``.

    A session's dates and agenda come first in its file and its answers after, so the overview
    parses a few lines instead of the whole file. Cut inside a value (a multi-line string or
    array with a line that starts with ``[``), the head is not valid TOML: the whole file is
    read then, so the answer is always what ``read_table`` would give.
    """
    text = _text(path)
    found = _TABLE_HEADER.search(text)
    if found is not None:
        try:
            table = tomlio.loads(text[: found.start()])
        except tomlio.TOMLDecodeError:
            pass
        else:
            if tomlio.too_deep(table) is None:
                cleaned: dict[str, Any] = _cleaned(table)
                return cleaned
    head = _parsed(path, text)
    return {key: value for key, value in head.items() if not isinstance(value, dict)}


_TABLE_HEADER = re.compile(r"^[ \t]*\[", re.MULTILINE)


def _text(path: Path) -> str:
    try:
        raw = read_limited(path, MAX_BYTES)
    except Unreadable as error:
        said = N_("cannot read the file: {reason}")
        raise DataError(path, said, reason=error.why) from error
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DataError(path, Words(N_("the file is not UTF-8 text"))) from error


def _parsed(path: Path, text: str) -> dict[str, Any]:
    try:
        table = tomlio.loads(text)
    except tomlio.TOMLDecodeError as error:
        raise DataError(path, not_toml(error)) from error
    deep = tomlio.too_deep(table)
    if deep is not None:
        said = N_("{key}: values are nested more than {depth} levels deep")
        raise DataError(path, said, key=key_path(deep), depth=tomlio.MAX_DEPTH)
    if "\\" not in text and clean(text) == text:
        # Without an escape, every string in the table is a piece of the text, and the text is
        # clean: so is each string. Most files are, and this skips a walk of every value.
        return table
    cleaned: dict[str, Any] = _cleaned(table)
    return cleaned


def _cleaned(value: Any) -> Any:
    # The depth is checked first, so this recursion is bounded.
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, dict):
        return {clean(key): _cleaned(child) for key, child in value.items()}
    if isinstance(value, list):
        return [_cleaned(child) for child in value]
    return value


def key_path(parts: tuple[str | int, ...]) -> str:
    """``("answers", "respect", 0)`` as ``answers.respect[0]``, for a message."""
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out[:120]
