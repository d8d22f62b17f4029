"""What is wrong with a couple's files, in words a screen says in its own language (issue 25).

Each problem is ``Words`` (``i18n/said.py``): its ``message`` is the English that
``Overview.problem`` joins with "; ", word for word as before, for the command line and old
readers of ``index.toml``. ``index.toml`` keeps each problem as a table of its template and
fields as well (``tables``); reading them back (``from_tables``) is lenient and safe, since the
file may be hand-edited: a template is used only when it is one of ``TEMPLATES``, a fixed list
in this module, never one taken from the file, and every field must be text (or such a table);
anything else makes the whole list unusable, and the English ``problem`` is shown as given.
"""

from __future__ import annotations

import errno
from datetime import datetime
from typing import TYPE_CHECKING, Any

from workbook import reading
from workbook.data import read_only_reasons
from workbook.data.files import NO_FORMAT, NOT_TOML, NOT_TOML_SOMEWHERE, OUTSIDE, NotToml
from workbook.i18n.catalog import N_
from workbook.i18n.said import Listed, Words
from workbook.text import clean

if TYPE_CHECKING:
    from collections.abc import Sequence

    from workbook.i18n.catalog import Translations

# TRANSLATORS: {name} is a file's name (couple.toml); {reason} says why it is not used.
FLAGGED = N_("{name}: {reason}")
# TRANSLATORS: {id} is a session's id (2026-11-29-1805); {reason} says why it is not used.
FLAGGED_SESSION = N_("session {id}: {reason}")
OTHER_ID = N_("couple.toml names another id than its folder ({folder})")
NEWER = N_("written by a newer workbook")
ARCHIVED = N_("archived in couple.toml is not true or false")
CARE = N_("[care] in couple.toml cannot be read; the care flag is shown as up")
# TRANSLATORS: {problem} is what the file reader says is wrong.
AGREEMENTS = N_("agreements.toml cannot be read: {problem}")
# TRANSLATORS: {problem} is what the file reader says is wrong.
HOMEWORK = N_("homework.toml cannot be read: {problem}")
# TRANSLATORS: {problem} is "homework 2 cannot be read; it stays in the file".
IN_HOMEWORK = N_("homework.toml: {problem}")
GOAL = N_("goal {number} in couple.toml cannot be read; it stays in the file")
HOMEWORK_ENTRY = N_("homework {number} cannot be read; it stays in the file")
APPOINTMENT = N_("next_session in couple.toml is not a date and time; it is left as it is")
AS_LIST = N_("agreements must be a list of tables ([[agreements]])")
# What the file reader says is wrong with a file (``files.read_table``), as it says it.
READER = (
    "the file is not UTF-8 text",
    "cannot read the file: {reason}",
    NOT_TOML,
    NOT_TOML_SOMEWHERE,
    "{key}: values are nested more than {depth} levels deep",
    NO_FORMAT,
    OUTSIDE,
)
# The reasons inside "cannot read the file: {reason}" that are ours (``reading.reason_for``,
# for the errors it has words for: a test checks that none is missing); an OS error's own words
# are kept as their text.
_OWN_WORDS = (
    errno.ENOENT,
    errno.ELOOP,
    errno.EACCES,
    errno.EISDIR,
    errno.ENAMETOOLONG,
    errno.ENOTDIR,
)
READING = frozenset(
    {reading.LINK, reading.NOT_REGULAR, reading.TOO_LARGE}
    | {str(reading.reason_for(OSError(code, "")).template) for code in _OWN_WORDS}
)
# Said with ``ngettext`` (``Unreadable``), where the catalog finds both forms.
UNREADABLE = ("{count} session file cannot be read", "{count} session files cannot be read")
# Any day: the reasons' templates do not depend on it.
_DAY = datetime(2026, 1, 1)


def _reasons() -> set[str]:
    """The templates of the reasons a sealed file is flagged (``places.flag``), and of the words
    inside them."""
    found: set[str] = set()
    here = "couples/x/sessions/2026-01-01-0900"
    made = []
    for place in (f"{here}.toml", f"{here}.notes.toml", f"{here}.a.toml", "x/couple.toml"):
        made += [read_only_reasons.misplaced(place, "y"), read_only_reasons.older(place, _DAY)]
    made += [
        read_only_reasons.misplaced("x/agreements.toml", "y"),
        read_only_reasons.misplaced("x/homework.toml", "y"),
    ]
    stack: list[Any] = made
    while stack:
        words = stack.pop()
        found.add(words.template)
        stack += [value for value in words.fields.values() if isinstance(value, Words)]
    return found


# The only templates ``from_tables`` ever fills.
TEMPLATES: frozenset[str] = frozenset(
    {
        FLAGGED,
        FLAGGED_SESSION,
        OTHER_ID,
        NEWER,
        ARCHIVED,
        CARE,
        AGREEMENTS,
        HOMEWORK,
        IN_HOMEWORK,
        GOAL,
        HOMEWORK_ENTRY,
        APPOINTMENT,
        AS_LIST,
        *READER,
        *READING,
        *UNREADABLE,
    }
    | _reasons()
)
# How deep a problem's words may nest in index.toml (a flagged file's reason has two levels).
DEPTH = 4


class Unreadable(Words):
    """How many session files cannot be read, said with the plural its language has."""

    def __init__(self, count: int) -> None:
        self.count = count
        super().__init__(UNREADABLE[count != 1], count=count)

    def said(self, tr: Translations) -> str:
        said = tr.ngettext(
            "{count} session file cannot be read",
            "{count} session files cannot be read",
            self.count,
        )
        return clean(said.format(count=self.count))


def unreadable(count: int) -> Words:
    """``count`` session files cannot be read."""
    return Unreadable(count)


def tables(problems: Sequence[Words]) -> list[dict[str, Any]]:
    """``problems`` as ``index.toml`` keeps them: each its template and its fields."""
    return [_table(problem) for problem in problems]


def _table(words: Words | reading.Reason) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for name, value in words.fields.items():
        if isinstance(value, Words | reading.Reason) and value.template in TEMPLATES:
            fields[name] = _table(value)
        else:
            fields[name] = clean(str(value))
    return {"said": words.template, "fields": fields}


def from_tables(raw: Any) -> tuple[Words, ...] | None:
    """The problems kept in ``index.toml``, or None when any of them is not one of ours."""
    if not isinstance(raw, list):
        return None
    found = [_words(entry, DEPTH) for entry in raw]
    if not all(isinstance(words, Words) for words in found):
        return None
    return tuple(words for words in found if words is not None)


def _words(entry: Any, depth: int) -> Words | None:
    if depth <= 0 or not isinstance(entry, dict) or set(entry) != {"said", "fields"}:
        return None
    template, raw = entry["said"], entry["fields"]
    if not isinstance(template, str) or template not in TEMPLATES or not isinstance(raw, dict):
        return None
    fields: dict[str, object] = {}
    for name, value in raw.items():
        if isinstance(value, str):
            fields[name] = clean(value)
        else:
            inner = _words(value, depth - 1)
            if inner is None:
                return None
            fields[name] = inner
    if template in UNREADABLE:
        count = _number(fields.get("count"))
        return None if set(fields) != {"count"} or count is None else unreadable(count)
    if template in (NOT_TOML, NOT_TOML_SOMEWHERE):
        return _not_toml(fields)
    try:
        # Only our own templates: a missing field is a KeyError, never an attribute lookup.
        return Words(template, **fields)
    except (KeyError, IndexError, ValueError):
        return None


def _number(value: object) -> int | None:
    # ASCII digits only, and few of them: int() refuses "²" and 5,000 digits.
    if not isinstance(value, str) or not value.isascii() or not value.isdigit():
        return None
    return int(value) if len(value) <= 9 else None


def _not_toml(fields: dict[str, object]) -> NotToml | None:
    """The parser's refusal, said in our words on a translated screen as when it was met."""
    problem = fields.get("problem")
    if not isinstance(problem, str):
        return None
    if set(fields) == {"problem"}:
        return NotToml(problem)
    line, column = _number(fields.get("line")), _number(fields.get("column"))
    if set(fields) != {"line", "column", "problem"} or line is None or column is None:
        return None
    return NotToml(problem, line, column)


def said(problem: str | None, problems: Sequence[Words], tr: Translations) -> str:
    """A couple's problems in ``tr``'s language, joined as it joins them; the English
    ``problem`` as given when there are no words for them (an old ``index.toml``, or one whose
    words are not ours)."""
    if problems:
        return Listed(problems).said(tr)
    return clean(problem or "")
