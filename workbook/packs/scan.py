"""A forgiving scan of TOML source that may not parse, up to a point in it.

It finds the statements (table headers and ``key = value`` lines: their keys, the key path they
name, and where each starts) and what is still open at that point: a string, or the brackets and
braces of values. The syntax explanations read it to say where a mistake began. It reads the
source once and never raises on bad input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from workbook.packs.rules import KeyPath

_KEY_PART = re.compile(r"[ \t]*(?:([A-Za-z0-9_-]+)|\"((?:[^\"\\\n]|\\.)*)\"|'([^'\n]*)')[ \t]*")


@dataclass(frozen=True)
class Statement:
    """A table header or a ``key = value`` line."""

    start: int
    header: bool
    array: bool
    keys: tuple[str, ...]
    # What it names: a header's table (for [[x]], the array, without the new table's index), or
    # a key's full path.
    named: KeyPath
    # The full path of the table a header opens, or of the key.
    path: KeyPath
    # Where the value of ``key = value`` starts, or -1.
    value: int = -1


@dataclass
class Scan:
    statements: list[Statement] = field(default_factory=list)
    # The start and opening quotes of the string the scan ended in, if any.
    string: tuple[int, str] | None = None
    # The open brackets and braces of values, innermost last.
    brackets: list[tuple[int, str]] = field(default_factory=list)
    # The table that ``key = value`` lines go into, and how many tables each array has so far.
    table: KeyPath = ()
    counts: dict[KeyPath, int] = field(default_factory=dict)


def scan(src: str, end: int) -> Scan:
    """Read ``src`` up to ``end``: its statements, and the string or brackets still open there.

    A one-line string that meets a newline is open there: that is where a parser gives up.
    """
    state = Scan()
    i, line_start = 0, True
    while i < end:
        char = src[i]
        if char == "\n":
            line_start = not state.brackets
            i += 1
        elif char in " \t\r":
            i += 1
        elif char == "#":
            newline = src.find("\n", i)
            i = end if newline == -1 else newline
        elif line_start:
            line_start = False
            i = _header(src, i, state) if char == "[" else _key_value(src, i, state)
        elif char in "\"'":
            quotes = char * 3 if src.startswith(char * 3, i) else char
            close = _string_end(src, i, quotes, end)
            if close is None:
                state.string = (i, quotes)
                return state
            i = close
        elif char in "[{":
            state.brackets.append((i, char))
            i += 1
        elif char in "]}":
            if state.brackets and state.brackets[-1][1] == ("[" if char == "]" else "{"):
                state.brackets.pop()
            i += 1
        else:
            i += 1
    return state


def _keys(src: str, i: int) -> tuple[tuple[str, ...], int]:
    keys: list[str] = []
    while True:
        match = _KEY_PART.match(src, i)
        if match is None:
            return tuple(keys), i
        bare, basic, literal = match.groups()
        keys.append(bare if bare is not None else basic if basic is not None else literal)
        i = match.end()
        if not src.startswith(".", i):
            return tuple(keys), i
        i += 1


def _header(src: str, i: int, state: Scan) -> int:
    array = src.startswith("[[", i)
    keys, j = _keys(src, i + (2 if array else 1))
    named = _resolve(keys[:-1], state.counts) + keys[-1:]
    table = named
    if array:
        state.counts[named] = state.counts.get(named, 0) + 1
        table = (*named, state.counts[named] - 1)
    state.table = table
    state.statements.append(Statement(i, True, array, keys, named, table))
    close = "]]" if array else "]"
    return j + len(close) if src.startswith(close, j) else max(j, i + 1)


def _resolve(keys: tuple[str, ...], counts: dict[KeyPath, int]) -> KeyPath:
    """Header keys as a path, stepping into the latest table of each array on the way."""
    path: KeyPath = ()
    for key in keys:
        path = (*path, key)
        if path in counts:
            path = (*path, counts[path] - 1)
    return path


def _key_value(src: str, i: int, state: Scan) -> int:
    keys, j = _keys(src, i)
    value = -1
    if keys and src.startswith("=", j):
        value = j + 1
        while value < len(src) and src[value] in " \t":
            value += 1
    path = (*state.table, *keys)
    state.statements.append(Statement(i, False, False, keys, path, path, value))
    return value if value >= 0 else max(j, i + 1)


def _string_end(src: str, start: int, quotes: str, end: int) -> int | None:
    """The index after the string that opens at ``start``, or None if it is open at ``end``."""
    i = start + len(quotes)
    escapes = quotes[0] == '"'
    while i < end:
        char = src[i]
        if escapes and char == "\\":
            i += 2
        elif src.startswith(quotes, i):
            i += len(quotes)
            # Up to two more quotes may end a multi-line string: they belong to the text.
            extra = 0
            while len(quotes) == 3 and extra < 2 and src.startswith(quotes[0], i):
                i += 1
                extra += 1
            return i
        elif char == "\n" and len(quotes) == 1:
            return None
        else:
            i += 1
    return None
