"""Habits from other formats that TOML reads as mistakes: what the author meant, and the fix.

Authors who know JSON, YAML, INI, C or Python write ``//`` for a comment, ``key: value``,
``True``, a semicolon at the end of a line; they leave a bracket behind, paste a no-break space,
or type an accented letter in a key. The parser stops at these with words about something else
("expected newline", "invalid statement"). Each check here reads the spot where it stopped and
says what was meant, with an edit when the fix is certain.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from workbook.packs.keytypes import KNOWN_KEYS
from workbook.packs.scan import Scan

# Quotes that word processors put in place of straight ones.
CURLY = "\u201c\u201d\u201e\u201f\u2033\u2018\u2019\u201a\u201b\u00ab\u00bb"
_KEY_CHAR = re.compile(r"[A-Za-z0-9_-]")
_AFTER_STATEMENT = "Expected newline or end of document after a statement"
_NO_EQUALS = "Expected '=' after a key in a key/value pair"
_KEY_START = "Invalid initial character for a key part"
_SPACE_LIKE = ("Zs",)
_INVISIBLE = ("Cf",)
_PYTHON_WORDS = {"True": "true", "False": "false", "TRUE": "true", "FALSE": "false"}
_NULLS = ("null", "None", "nil", "NULL", "~")


@dataclass(frozen=True)
class Habit:
    """A habit found: where it starts, what it is, the fix in words, and the edits as
    (start, end, text) offsets, when the fix is certain."""

    index: int
    message: str
    help: str
    edits: tuple[tuple[int, int, str], ...] = ()


def habit(src: str, at: int, msg: str, state: Scan) -> Habit | None:
    """The habit the parser stopped at, at offset ``at`` with ``msg``, if it is one."""
    char = src[at : at + 1]
    for check in (_slashes, _colon, _stray, _line_end, _character, _words):
        found = check(src, at, msg, char, state)
        if found is not None:
            return found
    return None


def character_name(char: str) -> str:
    """``U+00A0 NO-BREAK SPACE``: a character as Unicode names it."""
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X} {name}" if name else f"U+{ord(char):04X}"


def _slashes(src: str, at: int, msg: str, char: str, state: Scan) -> Habit | None:
    if not src.startswith("//", at) or state.string is not None:
        return None
    return Habit(
        at,
        '"//" does not start a comment in TOML: use # instead',
        "start the comment with #",
        ((at, at + 2, "#"),),
    )


def _colon(src: str, at: int, msg: str, char: str, state: Scan) -> Habit | None:
    if char != ":" or msg != _NO_EQUALS:
        return None
    rest = _rest_of_line(src, at + 1).split("#")[0].strip()
    edits: tuple[tuple[int, int, str], ...] = ()
    if rest:
        before = "" if src[at - 1 : at] in (" ", "\t") else " "
        after = "" if src[at + 1 : at + 2] in (" ", "\t") else " "
        edits = ((at, at + 1, f"{before}={after}"),)
    return Habit(
        at,
        'a key and its value are joined by =, not by ":"',
        "write = in place of the colon",
        edits,
    )


def _stray(src: str, at: int, msg: str, char: str, state: Scan) -> Habit | None:
    if char not in ("]", "}") or msg not in (_AFTER_STATEMENT, "Invalid statement"):
        return None
    if state.brackets or state.string is not None:
        return None
    edit = (at, at + 1, "")
    line_start = src.rfind("\n", 0, at) + 1
    line_end = src.find("\n", at)
    if not (src[line_start:at] + src[at + 1 : len(src) if line_end < 0 else line_end]).strip():
        # Alone on its line: the line goes with it.
        edit = (line_start, len(src) if line_end < 0 else line_end + 1, "")
    return Habit(at, f'this "{char}" closes nothing: delete it', f'delete the "{char}"', (edit,))


def _line_end(src: str, at: int, msg: str, char: str, state: Scan) -> Habit | None:
    """A semicolon or a comma after a value, as in C or JSON."""
    if char not in (";", ",") or msg != _AFTER_STATEMENT or state.brackets:
        return None
    if _rest_of_line(src, at + 1).split("#")[0].strip():
        return None
    what = "a semicolon" if char == ";" else "a comma"
    return Habit(
        at,
        f"{what} does not end a line in TOML: delete it",
        f'delete the "{char}": a line ends a key = value',
        ((at, at + 1, ""),),
    )


def _character(src: str, at: int, msg: str, char: str, state: Scan) -> Habit | None:
    """A character that cannot be in a key: a no-break space, an invisible one, a letter with
    an accent."""
    if not char or char.isascii() or char in CURLY or state.string is not None:
        return None
    if msg not in (_NO_EQUALS, "Invalid statement", _KEY_START, "Invalid value"):
        return None
    named = character_name(char)
    category = unicodedata.category(char)
    line_start = src.rfind("\n", 0, at) + 1
    where = "here" if "=" in src[line_start:at] else "in this key"
    alone = not src[line_start:at].strip(" \t") or src[at - 1 : at] in (" ", "\t", "=")
    before_equals = re.match(r"[ \t]*=", src[at + 1 :]) is not None
    if category in _SPACE_LIKE:
        edits = ((at, at + 1, "" if not src[line_start:at].strip() else " "),)
        certain = alone or before_equals
        return Habit(
            at,
            f"{named} is {where}: it looks like a space, but TOML does not read it as one",
            "replace it with a plain space"
            if certain
            else "write the key as one word, like max_chars",
            edits if certain else (),
        )
    if category in _INVISIBLE:
        return Habit(
            at,
            f"an invisible character, {named}, is {where}: delete it",
            f"delete the {named} (your editor may show it only with invisible characters on)",
            ((at, at + 1, ""),),
        )
    if msg == "Invalid value":
        return None
    return _accented(src, at, f'"{char}" ({named})')


def _accented(src: str, at: int, named: str) -> Habit:
    start = at
    while start > 0 and (_KEY_CHAR.match(src[start - 1]) or not src[start - 1].isascii()):
        start -= 1
    end = at
    while end < len(src) and (_KEY_CHAR.match(src[end]) or not src[end].isascii()):
        if src[end] in " \t\n":
            break
        end += 1
    key = src[start:end]
    plain = "".join(c for c in unicodedata.normalize("NFKD", key) if not unicodedata.combining(c))
    known = plain if plain in KNOWN_KEYS else None
    like = f": write {known}" if known else ""
    return Habit(
        at,
        f"keys are ASCII (a to z, digits, _ and -), and {named} is not one of them{like}",
        f"write the key {known}" if known else "write the key with plain letters",
        ((start, end, known),) if known else (),
    )


def _words(src: str, at: int, msg: str, char: str, state: Scan) -> Habit | None:
    """``True`` from Python, ``null`` from JSON or YAML."""
    if msg != "Invalid value":
        return None
    word = re.match(r"[A-Za-z~]+", src[at:])
    if word is None:
        return None
    text = word.group(0)
    if text in _PYTHON_WORDS:
        fixed = _PYTHON_WORDS[text]
        return Habit(
            at,
            f"true and false are lowercase in TOML: write {fixed}",
            f"write {fixed}",
            ((at, at + len(text), fixed),),
        )
    if text in _NULLS:
        return Habit(
            at,
            f"TOML has no {text}: leave the key out to use its default",
            "delete the line",
        )
    return None


def _rest_of_line(src: str, index: int) -> str:
    end = src.find("\n", index)
    return src[index : len(src) if end == -1 else end]
