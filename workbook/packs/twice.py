"""A key or a table given twice: a forgotten ``[[steps]]``, ``[steps]`` for ``[[steps]]``, or a
real repeat.

Two steps run together when a ``[[steps]]`` line is forgotten: the second step's ``id`` repeats
the first's. The fix is a ``[[steps]]`` line before the second step's first key, never "keep one
of them", which would delete a step.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from workbook.packs.rules import KeyPath
from workbook.packs.scan import Statement

if TYPE_CHECKING:
    from workbook.packs.explaining import Explained, Reading

STEPS_HEADER = (
    "write [[steps]], with two brackets on each side: each step starts with its own [[steps]] line"
)
# The keys that start a step or a score: given twice, a table was never opened.
_OPENERS = ("id", "kind")
_BLANK = re.compile(r"\n[ \t]*\r?\n")


def explain(ex: Reading) -> Explained | None:
    """What a key or table given twice means, at ``ex``'s statement."""
    current, number = ex.current, ex.number
    if current is None or number is None:
        return None
    earlier = ex.state.statements[:number]
    if not current.header:
        full = current.path
        firsts = [s for s in earlier if not s.header and s.path == full]
        if firsts:
            forgot = _forgotten_table(ex, current, firsts[0], earlier)
            if forgot is not None:
                return forgot
        first = f"; the first is on line {ex.line_of(firsts[0].start)}" if firsts else ""
        where = "the pack" if len(full) == 1 else "this table"
        where = "this step" if len(full) == 3 and full[0] == "steps" else where
        return ex.made(
            current.start,
            full,
            f'"{".".join(current.keys)}" is given twice in {where}{first}: keep one of them',
            "delete the one you do not mean",
        )
    named = current.named
    tables = [s for s in earlier if s.header and s.named == named]
    singles = [s for s in tables if not s.array]
    values = [s for s in earlier if not s.header and s.path == named]
    name = ".".join(current.keys)
    if values:
        first_line = ex.line_of(values[0].start)
        return ex.made(
            current.start,
            named,
            f"{name} is already given on line {first_line}: keep one",
            "delete the one you do not mean",
        )
    if named == ("steps",) and (singles or not current.array):
        # [steps] written where [[steps]] was meant: point at the first one, fix them all.
        wrong = [*singles, current] if not current.array else singles
        also = f"; line {ex.line_of(wrong[1].start)} has [steps] too" if len(wrong) > 1 else ""
        edits = tuple(_header_edit(ex, statement) for statement in wrong)
        return ex.made(
            wrong[0].start,
            named,
            STEPS_HEADER + also,
            "write [[steps]] in place of [steps]",
            tuple(edit for edit in edits if edit is not None),
        )
    if tables:
        first_line = ex.line_of(tables[0].start)
        return ex.made(
            current.start,
            named,
            f"the table [{name}] is already declared on line {first_line}: put its keys "
            "under one header",
            "put the keys of both under the first header, and delete the second",
        )
    return None


def in_braces(ex: Reading, path: KeyPath) -> Explained:
    name = ex.msg.split("key", 1)[1].strip().strip("'\"")
    found = ex.src.rfind(name, ex.starts[ex.line_of(ex.at) - 1], ex.at)
    return ex.made(
        found if found >= 0 else ex.at,
        path,
        f'"{name}" is given twice in these braces: keep one of them',
        "delete the one you do not mean",
    )


def _forgotten_table(
    ex: Reading, current: Statement, first: Statement, earlier: list[Statement]
) -> Explained | None:
    """Two steps (or scores) run together: the second's ``id`` or ``kind`` repeats the first's.

    The second starts after the last blank line before the repeated key, or at that key.
    """
    full = current.path
    table: KeyPath = full[:-1]
    if full[-1] not in _OPENERS or len(current.keys) != 1:
        return None
    if table == ():
        header = "[[steps]]"  # the pack's own id, then a first step without its line
    elif len(table) == 2 and table[0] in ("steps", "scores") and isinstance(table[1], int):
        header = f"[[{table[0]}]]"
    else:
        return None
    blanks = list(_BLANK.finditer(ex.src, first.start, current.start))
    start = current
    if blanks:
        after = blanks[-1].end()
        same = [s for s in earlier if not s.header and s.path[: len(table)] == table]
        start = next((s for s in [*same, current] if s.start >= after), current)
    line = ex.line_of(start.start)
    line_start = ex.starts[line - 1]
    key = f'"{current.keys[0]}"'
    return ex.made(
        start.start,
        start.path,
        f"a new {'step' if header == '[[steps]]' else 'score'} starts here without its "
        f"{header} line: {key} is given twice (line {ex.line_of(first.start)} and line "
        f"{ex.line_of(current.start)})",
        f"add a {header} line before line {line}",
        ((line_start, line_start, f"{header}\n"),),
    )


def _header_edit(ex: Reading, statement: Statement) -> tuple[int, int, str] | None:
    found = re.compile(r"\[[ \t]*steps[ \t]*\]").match(ex.src, statement.start)
    return (found.start(), found.end(), "[[steps]]") if found else None
