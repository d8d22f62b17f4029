"""What to do about a problem: its help, in words, and the edits that make the fix, if certain.

A fix is an edit only when it is certain: made, the file reads again without that problem and
without a new one. The loader checks each edit so before it offers it (``load.py``), and a test
makes every edit that the bad packs suggest. Other fixes are words only, such as "give each step
its own id".

A rule's ``Said`` message names its change by key path (``said.py``); ``edits_of`` finds where
that key was written and makes the edits. A message that is not a ``Said`` gets as help the fix
it ends with, after its last colon.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

from workbook.packs.locate import Locations, Position, Span
from workbook.packs.rules import KeyPath
from workbook.packs.said import DELETE, RENAME, TABLE, TO_PACK, TOP, VALUE, Change, Said


@dataclass(frozen=True)
class Edit:
    """Put ``text`` in place of the source from ``start`` up to ``end`` (1-based lines and
    columns; ``end`` is just after the last character replaced, and equals ``start`` for an
    insertion)."""

    start: Position
    end: Position
    text: str


def help_of(message: str) -> str:
    """The help a message carries, or the fix it ends with (after its last colon)."""
    if isinstance(message, Said) and message.help:
        return message.help
    _, colon, fix = message.rpartition(": ")
    return fix if colon else ""


class Source:
    """A pack's text, to turn offsets into positions and back."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def position(self, index: int) -> Position:
        line = bisect.bisect_right(self.starts, index)
        return Position(line, index - self.starts[line - 1] + 1)

    def index(self, at: Position) -> int:
        line = min(max(at.line, 1), len(self.starts))
        return min(self.starts[line - 1] + at.col - 1, len(self.text))

    def edit(self, start: int, end: int, text: str) -> Edit:
        return Edit(self.position(start), self.position(end), text)

    def line_text(self, number: int) -> str:
        """Line ``number`` (1-based), without its line end."""
        start = self.starts[number - 1]
        end = self.text.find("\n", start)
        return self.text[start : len(self.text) if end == -1 else end].rstrip("\r")

    def whole_lines(self, start: int, end: int) -> tuple[int, int] | None:
        """The lines from ``start`` to ``end`` with their line end, if nothing else is on them
        (spaces and a comment after ``end`` may be)."""
        line_start = self.text.rfind("\n", 0, start) + 1
        if self.text[line_start:start].strip(" \t"):
            return None
        after = re.compile(r"[ \t]*(?:#[^\n]*)?\r?(?:\n|$)").match(self.text, end)
        if after is None:
            return None
        return line_start, after.end()


def apply(source: str, edits: Iterable[Edit]) -> str:
    """``source`` with ``edits`` made, the last first so that earlier positions hold."""
    text = Source(source)
    ordered = sorted(edits, key=lambda e: (e.start.line, e.start.col), reverse=True)
    out = source
    for one in ordered:
        out = out[: text.index(one.start)] + one.text + out[text.index(one.end) :]
    return out


def edits_of(
    change: Change | None, path: KeyPath, source: Source, where: Locations
) -> tuple[Edit, ...]:
    """The edits that make ``change`` to the key at ``path``, or none when it cannot be sure."""
    if change is not None and change.how == TOP:
        at = source.index(where.top)
        return (source.edit(at, at, change.text + "\n"),)
    if change is not None and change.how == TABLE and len(path) == 1:
        header = re.compile(rf"(?m)^[ \t]*\[\[[ \t]*{re.escape(str(path[0]))}[ \t]*\]\]")
        found = header.finditer(source.text)
        return tuple(source.edit(m.start(), m.end(), f"[[{change.text}]]") for m in found)
    span = where.spans.get(path)
    if change is None or span is None:
        return ()
    text = source.text
    if change.how == RENAME:
        key_end = _key_end(text, span)
        return (source.edit(span.key, key_end, change.text),) if key_end > span.key else ()
    if change.how == VALUE:
        return (source.edit(span.value, span.end, change.text),)
    lines = source.whole_lines(span.key, span.end)
    if lines is None:
        return ()
    delete = source.edit(lines[0], lines[1], "")
    if change.how == DELETE:
        return (delete,)
    if change.how == TO_PACK:
        moved = text[span.key : span.end]
        if "\n" in moved:
            return ()
        at = _pack_end(source, where)
        return (delete, source.edit(at, at, moved + "\n"))
    return ()


def _key_end(text: str, span: Span) -> int:
    equals = text.rfind("=", span.key, span.value)
    end = equals if equals >= 0 else span.key
    while end > span.key and text[end - 1] in " \t":
        end -= 1
    return end


def _pack_end(source: Source, where: Locations) -> int:
    """Where a key of the pack goes: after the line of its last key, before the first table."""
    top = [span for path, span in where.spans.items() if len(path) == 1]
    tables = [
        source.index(where.keys[path])
        for path in where.keys
        if len(path) == 1 and path not in where.spans
    ]
    first_table = min(tables, default=len(source.text))
    before = [span.end for span in top if span.end < first_table]
    if not before:
        return source.index(where.top)
    newline = source.text.find("\n", max(before))
    return len(source.text) if newline == -1 else newline + 1


def spot_of(message: str, path: KeyPath, source: Source, where: Locations) -> Position | None:
    """Where in its value the text a message is about was written, if it says and it is there."""
    span = where.spans.get(path)
    spot = message.spot if isinstance(message, Said) else ""
    if not spot or span is None:
        return None
    found = source.text.find(spot, span.value, span.end)
    return source.position(found) if found >= 0 else None
