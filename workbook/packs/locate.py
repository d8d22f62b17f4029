"""Find the line and column of every key of a TOML document.

No library maps a key path such as ``("steps", 2, "kind")`` back to where it was written, so this
is a small scanner for documents that already parsed: it follows table headers, arrays of tables,
dotted keys, inline tables and arrays, and skips strings and comments without reading their values.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from workbook import tomlio
from workbook.packs.rules import KeyPath

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_SCALAR_END = re.compile(r"[,\]\}#\n]")


@dataclass(frozen=True)
class Position:
    """A 1-based line and column."""

    line: int
    col: int


@dataclass(frozen=True)
class Span:
    """Where a key and its value were written, as offsets into the source: the key (or, for an
    entry of a list, the entry itself) starts at ``key``, and its value runs from ``value`` up to
    ``end``."""

    key: int
    value: int
    end: int


@dataclass
class Locations:
    """Where each key path of a document was written."""

    keys: dict[KeyPath, Position] = field(default_factory=dict)
    # Where each ``key = value`` and each entry of a list was written, to edit it in place.
    spans: dict[KeyPath, Span] = field(default_factory=dict)
    # The first key or table of the file: where the pack's own keys are, after any comments
    # (such as a ``#:schema`` line).
    top: Position = field(default_factory=lambda: Position(1, 1))

    def find(self, path: KeyPath) -> Position:
        """The position of ``path``, or of its nearest written parent, or the top of the pack."""
        for end in range(len(path), 0, -1):
            found = self.keys.get(path[:end])
            if found is not None:
                return found
        return self.top


def locate(source: str) -> Locations:
    """Scan ``source``, a TOML document that parses, and record where its keys are."""
    return _Scanner(source).scan()


class _Scanner:
    def __init__(self, source: str) -> None:
        self.src = source
        self.i = 0
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.found = Locations()
        # How many tables each array of tables has had so far, by its resolved path.
        self.table_counts: dict[KeyPath, int] = {}

    def position(self, index: int) -> Position:
        line = bisect.bisect_right(self.line_starts, index)
        return Position(line, index - self.line_starts[line - 1] + 1)

    def record(self, path: KeyPath, index: int) -> None:
        self.found.keys.setdefault(path, self.position(index))

    def scan(self) -> Locations:
        table: KeyPath = ()
        while True:
            self.skip_space(newlines=True)
            if self.i >= len(self.src):
                return self.found
            if not self.found.keys:
                self.found.top = self.position(self.i)
            char = self.src[self.i]
            if char == "[":
                table = self.header()
            else:
                self.key_value(table)

    # Tables

    def header(self) -> KeyPath:
        start = self.i
        is_array = self.src.startswith("[[", self.i)
        self.i += 2 if is_array else 1
        keys = self.key()
        self.i = self.src.index("]]" if is_array else "]", self.i) + (2 if is_array else 1)
        for end in range(1, len(keys)):
            self.record(self.resolve(keys[:end]), start)
        path = (*self.resolve(keys[:-1]), keys[-1])
        if is_array:
            index = self.table_counts.get(path, 0)
            self.table_counts[path] = index + 1
            self.record(path, start)
            path = (*path, index)
        self.record(path, start)
        return path

    def resolve(self, keys: tuple[str, ...]) -> KeyPath:
        """Turn header keys into a path, stepping into the latest table of each array."""
        path: KeyPath = ()
        for key in keys:
            path = (*path, key)
            if path in self.table_counts:
                path = (*path, self.table_counts[path] - 1)
        return path

    # Keys and values

    def key_value(self, table: KeyPath) -> None:
        start = self.i
        keys = self.key()
        for end in range(1, len(keys) + 1):
            self.record(table + keys[:end], start)
        self.skip_space()
        self.i += 1  # the "="
        self.skip_space()
        value = self.i
        self.value(table + keys)
        self.found.spans.setdefault(table + keys, Span(start, value, self.i))

    def key(self) -> tuple[str, ...]:
        parts: list[str] = []
        while True:
            self.skip_space()
            char = self.src[self.i]
            if char in "\"'":
                end = self.string_end(self.i)
                parts.append(tomlio.loads("k = " + self.src[self.i : end])["k"])
                self.i = end
            else:
                match = _BARE_KEY.match(self.src, self.i)
                if match is None:
                    raise ValueError(f"no key at {self.position(self.i)}")
                parts.append(match.group(0))
                self.i = match.end()
            self.skip_space()
            if self.i < len(self.src) and self.src[self.i] == ".":
                self.i += 1
                continue
            return tuple(parts)

    def value(self, path: KeyPath) -> None:
        self.skip_space()
        char = self.src[self.i]
        if char == "[":
            self.array(path)
        elif char == "{":
            self.inline_table(path)
        elif char in "\"'":
            self.i = self.string_end(self.i)
        else:
            match = _SCALAR_END.search(self.src, self.i)
            end = match.start() if match else len(self.src)
            # A number or a date ends where the spaces before a comment or a line end begin.
            while end > self.i and self.src[end - 1] in " \t\r":
                end -= 1
            self.i = end

    def array(self, path: KeyPath) -> None:
        self.i += 1
        index = 0
        while True:
            self.skip_space(newlines=True)
            if self.src[self.i] == "]":
                self.i += 1
                return
            if self.src[self.i] == ",":
                self.i += 1
                continue
            self.record((*path, index), self.i)
            value = self.i
            self.value((*path, index))
            self.found.spans.setdefault((*path, index), Span(value, value, self.i))
            index += 1

    def inline_table(self, path: KeyPath) -> None:
        self.i += 1
        while True:
            self.skip_space(newlines=True)
            if self.src[self.i] == "}":
                self.i += 1
                return
            if self.src[self.i] == ",":
                self.i += 1
                continue
            self.key_value(path)

    # Lexing

    def skip_space(self, newlines: bool = False) -> None:
        src = self.src
        while self.i < len(src):
            char = src[self.i]
            if char in " \t\r" or (newlines and char == "\n"):
                self.i += 1
            elif char == "#":
                end = src.find("\n", self.i)
                self.i = len(src) if end == -1 else end
            else:
                return

    def string_end(self, start: int) -> int:
        """The index just after the string that starts at ``start``."""
        src = self.src
        quote = src[start]
        if src.startswith(quote * 3, start):
            i = src.index("'''", start + 3) if quote == "'" else self._basic_close(start + 3, True)
            # Up to two quotes may sit right before the closing three.
            while src.startswith(quote, i + 3):
                i += 1
            return i + 3
        if quote == "'":
            return src.index("'", start + 1) + 1
        return self._basic_close(start + 1, multi=False) + 1

    def _basic_close(self, i: int, multi: bool) -> int:
        src = self.src
        target = '"""' if multi else '"'
        while True:
            char = src[i]
            if char == "\\":
                i += 2
            elif src.startswith(target, i):
                return i
            else:
                i += 1
