"""A pack's problems as ``workbook validate`` prints them: full, short, or as data.

Every format starts a problem with the same first line, ``PATH:LINE:COL: key.path: message``,
which editors and scripts read. The full format then quotes the source line with a caret under
the spot, as compilers do, and a ``help:`` line with the fix; when the fix is certain, the line
as it reads once fixed follows.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from workbook.packs.fixes import Source, apply
from workbook.packs.problems import Problem, dotted
from workbook.text import cells

FORMATS = ("full", "short", "json")
_TAB = 4
# How much of a long line is shown on each side of the spot.
_AROUND = 70
_KEY = re.compile(r"[A-Za-z0-9_-]+")
_HEADER = re.compile(r"\[\[?[^\]\n]*\]?\]?")
_SLASHES = re.compile(r"//")
_BRACES = re.compile(r"\{[^{}\n]*\}")


def full(problem: Problem, source: Source | None) -> str:
    """The first line, the source line with a caret under the spot, and the help."""
    lines = [str(problem)]
    number = problem.position.line
    quoted = source is not None and 1 <= number <= len(source.starts)
    if source is not None and quoted:
        text = source.line_text(number)
        col = min(max(problem.position.col, 1), len(text) + 1)
        width = max(1, _width(text, col - 1))
        before, shown = _window(text, col)
        gutter = " " * len(str(number))
        lines += [
            f"{gutter} |",
            f"{number} | {shown}",
            f"{gutter} | {' ' * _cells(_shown(before))}{'^' * min(width, _AROUND)}",
        ]
    if problem.help:
        lines.append(f"help: {problem.help}")
    if source is not None and problem.edits:
        lines += _fixed_lines(problem, source)
    return "\n".join(lines)


def _window(text: str, col: int) -> tuple[str, str]:
    """A long line around column ``col``: the part before the spot, and all that is shown."""
    start = max(0, col - 1 - _AROUND)
    before = ("…" if start else "") + text[start : col - 1]
    after = text[col - 1 : col - 1 + _AROUND]
    tail = "…" if col - 1 + _AROUND < len(text) else ""
    return before, _shown(before + after) + tail


def short(problem: Problem) -> str:
    """The first line only."""
    return str(problem)


def as_data(problem: Problem) -> dict[str, Any]:
    """The problem as JSON data, for editors."""
    return {
        "file": str(problem.file),
        "line": problem.position.line,
        "column": problem.position.col,
        "key_path": dotted(problem.path),
        "message": problem.message,
        "help": problem.help,
        "severity": problem.severity,
        "edits": [
            {
                "line": edit.start.line,
                "column": edit.start.col,
                "end_line": edit.end.line,
                "end_column": edit.end.col,
                "text": edit.text,
            }
            for edit in problem.edits
        ],
    }


def _fixed_lines(problem: Problem, source: Source) -> list[str]:
    """The lines the edits touch, as they read once the fix is made; ``+`` marks a new line."""
    fixed = Source(apply(source.text, problem.edits))
    shift = 0
    shown: list[tuple[str, int, int]] = []
    for edit in sorted(problem.edits, key=lambda e: (e.start.line, e.start.col)):
        first = edit.start.line + shift
        newlines = edit.text.count("\n")
        shift += newlines - (edit.end.line - edit.start.line)
        whole_lines = edit.start.col == 1 and edit.end.col == 1
        col = edit.start.col
        if whole_lines and edit.text.endswith("\n"):
            shown += [("+", number, 1) for number in range(first, first + newlines)]
        elif not (whole_lines and not edit.text):  # whole lines deleted: the help says so
            shown += [(str(n), n, col) for n in range(first, first + newlines + 1)]
    shown = [(mark, n, col) for mark, n, col in shown if 1 <= n <= len(fixed.starts)]
    if not shown:
        return []
    width = max(len(str(n)) for _, n, _ in shown)
    return [
        f"{' ' * width} |",
        *(f"{mark:>{width}} | {_window(fixed.line_text(n), col)[1]}" for mark, n, col in shown),
    ]


def _width(text: str, at: int) -> int:
    """How many cells the caret underlines: a key or a table header, else one character."""
    for pattern in (_HEADER, _KEY, _SLASHES, _BRACES):
        found = pattern.match(text, at)
        if found is not None and found.end() > at:
            return _cells(_shown(found.group(0)))
    return _cells(_shown(text[at : at + 1])) if at < len(text) else 1


def _shown(text: str) -> str:
    """Tabs as spaces, and characters that take no room (or move the cursor) as a dot, so that
    the caret lines up under what it points at."""
    out = []
    for char in text.expandtabs(_TAB):
        category = unicodedata.category(char)
        out.append("·" if category in ("Cc", "Cf", "Zl", "Zp") else char)
    return "".join(out)


def _cells(text: str) -> int:
    """Columns a terminal gives ``text``: two for a wide character, none for a combining mark."""
    return cells(text)
