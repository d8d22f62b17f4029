"""An explanation of a TOML syntax error (``Explained``), and the source as the explanations
read it (``Reading``): ``syntax`` explains, with the help of ``twice`` and ``values``."""

from __future__ import annotations

from dataclasses import dataclass

from workbook.packs.fixes import Edit, Source
from workbook.packs.rules import KeyPath
from workbook.packs.scan import Statement, scan


@dataclass(frozen=True)
class Explained:
    """A syntax error as an author should read it: where it starts, what it is about, the fix."""

    line: int
    col: int
    path: KeyPath
    message: str
    help: str = ""
    edits: tuple[Edit, ...] = ()


# What an edit is made of: replace the source from one offset up to another with a text.
Offsets = tuple[tuple[int, int, str], ...]


class Reading:
    """The source read up to a parser's error: positions, lines and statements."""

    def __init__(self, source: str, message: str, line: int, col: int) -> None:
        self.src = source
        self.msg = message
        self.text = Source(source)
        self.starts = self.text.starts
        line = min(max(line, 1), len(self.starts))
        self.at = min(self.starts[line - 1] + max(col, 1) - 1, len(source))
        # A line end at the error is read too: that is where a one-line string was cut.
        self.line_end = source.startswith(("\n", "\r\n"), self.at)
        self.state = scan(source, self.at + 1 if self.line_end else self.at)
        self.number = self._statement()

    # Positions and text

    def line_of(self, index: int) -> int:
        return self.src.count("\n", 0, index) + 1

    def made(
        self, index: int, path: KeyPath, message: str, help: str = "", edits: Offsets = ()
    ) -> Explained:
        line = self.line_of(index)
        made = tuple(self.text.edit(start, end, text) for start, end, text in edits)
        return Explained(line, index - self.starts[line - 1] + 1, path, message, help, made)

    def rest_of_line(self, index: int) -> str:
        end = self.src.find("\n", index)
        return self.src[index : len(self.src) if end == -1 else end]

    # Statements and their key paths

    def _statement(self) -> int | None:
        found = None
        for number, statement in enumerate(self.state.statements):
            if statement.start <= self.at:
                found = number
        return found

    @property
    def current(self) -> Statement | None:
        return None if self.number is None else self.state.statements[self.number]

    def path(self, number: int | None) -> KeyPath:
        return () if number is None else self.state.statements[number].path

    def habit_path(self, index: int) -> KeyPath:
        """The key path of a habit's spot: its statement's, once the key is read, else its
        table's."""
        current = self.current
        if current is None or self.line_of(current.start) != self.line_of(index):
            return self.state.table
        if current.header or (current.value < 0 and self.src[index : index + 1] != ":"):
            return self.state.table
        return current.path
