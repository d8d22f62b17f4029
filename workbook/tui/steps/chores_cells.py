"""The cells of the chores task table (``chores_table.py``): a text cell, the "who now" cell,
and the table's column widths, on one line per task or, narrower than ``NARROW``, on two."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual import events
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from workbook.text import clean_line
from workbook.tui.actions import bindings
from workbook.tui.widgets.box import Box

NOW_CYCLE = ("nobody", "a", "b", "both")
# The columns of the task table, left to right; each row has one cell of each.
COLUMNS = ("name", "minutes", "now", "done", "remove")


# On the "who now" column, one key per choice. Text cells never take them: they type.
class CellInput(Box):
    """A text cell of the task table.

    Arriving puts the cursor at the end, and never selects the text (typing adds to it; a
    number arrived at and typed over was lost that way): ← → go on to the next cell. Enter
    edits in place: ← → then move within the text, and go on to the next cell at its edge.
    Enter again, or leaving the cell, ends the editing.
    """

    @dataclass
    class Leave(Message):
        """← or → at the edge of ``cell``: go ``across`` one cell."""

        cell: CellInput
        across: int

    def __init__(self, value: str, **kwargs: Any) -> None:
        super().__init__(value, compact=True, **kwargs)
        self.editing = False

    def _on_focus(self, event: events.Focus) -> None:
        self.editing = False
        super()._on_focus(event)
        self.cursor_position = len(self.value)

    def action_cursor_left(self, select: bool = False) -> None:
        at_start = self.selection.is_empty and self.cursor_position == 0
        if not select and (not self.editing or at_start):
            self.post_message(self.Leave(self, -1))
        else:
            super().action_cursor_left(select)

    def action_cursor_right(self, select: bool = False) -> None:
        at_end = self.selection.is_empty and self.cursor_position == len(self.value)
        if not select and (not self.editing or at_end):
            self.post_message(self.Leave(self, 1))
        else:
            super().action_cursor_right(select)

    async def action_submit(self) -> None:
        self.editing = not self.editing
        if not self.editing:
            self.cursor_position = len(self.value)


class WhoCell(Widget, can_focus=True):
    """Who does a task now. On it, 1, 2, b and n choose; Enter or Space goes round them. The
    cell with the cursor shows its name in brackets, so colour is never the only sign."""

    DEFAULT_CSS = """
    WhoCell { height: 1; }
    WhoCell:focus { background: $boost; text-style: bold; }
    """
    BINDINGS = bindings("chores-cell")

    now: reactive[str] = reactive("nobody")

    @dataclass
    class Chosen(Message):
        """Who does the task now: a, b, both or nobody."""

        now: str

    def __init__(self, now: str, names: dict[str, str]) -> None:
        super().__init__(classes="now")
        self.names = names
        self.set_reactive(WhoCell.now, now)

    def render(self) -> Content:
        name = clean_line(self.names.get(self.now, self.now))
        room = max(self.size.width - 2, 1)
        if len(name) > room:
            name = name[: room - 1] + "…"
        return Content(f"[{name}]" if self.has_focus else f" {name} ")

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def action_choose(self, who: str) -> None:
        self.now = who
        self.post_message(self.Chosen(who))

    def action_cycle(self) -> None:
        at = NOW_CYCLE.index(self.now) if self.now in NOW_CYCLE else 0
        self.action_choose(NOW_CYCLE[(at + 1) % len(NOW_CYCLE)])

    def on_click(self) -> None:
        self.action_cycle()


CELLS_CSS = """
{0} {{ height: 1; }}
{0} .gutter {{ width: 2; }}
{0} .name {{ width: 30; margin-right: 1; }}
{0} .minutes {{ width: 7; }}
{0} .now {{ width: 10; min-width: 10; }}
{0} .done {{ width: 1fr; }}
{0} .remove {{ width: 3; min-width: 3; }}
"""
NARROW_CSS = """
ChoresList.-narrow {0} {{
    layout: grid; grid-size: 4 2; grid-columns: 2 1fr 7 10; height: 2;
}}
ChoresList.-narrow {0} .name {{ width: 1fr; margin-right: 1; }}
ChoresList.-narrow {0} .done {{ column-span: 3; width: 1fr; margin-left: 2; }}
"""
# Narrower than this, each task takes two lines: its name, minutes and who does it now, then
# what done looks like and ✕, so that every cell can be reached by a tap at 40 columns.
NARROW = 66
