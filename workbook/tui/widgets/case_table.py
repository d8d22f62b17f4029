"""A table of couples that draws only the lines on screen, so a caseload searches at once.

Textual's DataTable measures and lays out every cell of every row each time rows change: with
200 couples that made each search key cost twice a key in an empty table. Here the columns
have fixed widths, the rows are plain strings, and a line is made only when it is drawn, so
changing the rows costs what the screen shows, whatever the caseload. It scrolls itself,
without a scroll bar (a change in the number of rows would lay out the whole screen again at
every key): the header says which rows show, "1–12/37", when they do not all fit.

A header line stays at the top; the cursor row (in the cursor's colours) follows ↑ ↓ Page
Up/Down Home End, the wheel and the mouse; Enter or a double click chooses it.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Region
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from workbook.i18n.bidi import visual
from workbook.text import clean_line, one_width
from workbook.tui.actions import bindings
from workbook.tui.bidi_lines import lays_out, screen_rtl
from workbook.tui.mirror import mirrored_screen


@dataclass(frozen=True)
class Column:
    label: str
    width: int


class CaseTable(Widget, can_focus=True):
    """Rows of cells under a header; the row under the cursor is the chosen one."""

    COMPONENT_CLASSES = {"case-table--header", "case-table--cursor", "case-table--placeholder"}
    DEFAULT_CSS = """
    CaseTable {
        background: $surface;
        & > .case-table--header { text-style: bold; background: $panel; }
        & > .case-table--placeholder { color: $text-muted; }
        & > .case-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
        }
        &:focus > .case-table--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
    }
    """
    BINDINGS = bindings("couples")

    class Highlighted(Message):
        """The cursor moved to another row (``key`` is None when there are no rows)."""

        def __init__(self, table: CaseTable, key: str | None) -> None:
            super().__init__()
            self.table = table
            self.key = key

        @property
        def control(self) -> CaseTable:
            return self.table

    class Selected(Message):
        """Enter, or a double click, on a row."""

        def __init__(self, table: CaseTable, key: str) -> None:
            super().__init__()
            self.table = table
            self.key = key

        @property
        def control(self) -> CaseTable:
            return self.table

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.columns: list[Column] = []
        self.keys: list[str] = []
        self._cells: list[list[str]] = []
        self.cursor = 0
        # The first row shown under the header.
        self.top = 0
        self._lines: dict[tuple[str, int, Style, bool, bool], Strip] = {}
        self._source: dict[str, list[str]] = {}
        # Said on the first line when there are no rows.
        self.placeholder = ""

    # Attributes down

    def set_columns(self, columns: list[Column]) -> None:
        self.columns = columns
        self._lines.clear()
        self.refresh()

    def set_rows(
        self, rows: list[tuple[str, list[str]]], keep: str | None = None, placeholder: str = ""
    ) -> None:
        """Show ``rows`` (a key and its cells), with the cursor on the row ``keep`` if it is
        there, else on the first; ``placeholder`` says why when there are none."""
        self.placeholder = placeholder
        # Lines made before are kept while each key's cells are the very same list.
        if any(self._source.get(key) is not cells for key, cells in rows):
            self._lines.clear()
            self._source.update(rows)
        self.keys = [key for key, _ in rows]
        # Cleaned when drawn, a screenful at a time, not all of them at every search key.
        self._cells = [cells for _, cells in rows]
        self._move(self.keys.index(keep) if keep in self.keys else 0, announce=True)

    @property
    def row_count(self) -> int:
        return len(self.keys)

    @property
    def cursor_key(self) -> str | None:
        return self.keys[self.cursor] if self.keys else None

    def move_to(self, key: str) -> bool:
        """Put the cursor on the row ``key``; False when no row has it."""
        if key not in self.keys:
            return False
        self._move(self.keys.index(key))
        return True

    # Keys and the mouse

    def action_move(self, step: int) -> None:
        self._move(self.cursor + step)

    def action_page(self, direction: int) -> None:
        self._move(self.cursor + direction * max(self.size.height - 2, 1))

    def action_to(self, row: int) -> None:
        self._move(row if row >= 0 else len(self.keys) - 1)

    def action_select(self) -> None:
        if self.keys:
            self.post_message(self.Selected(self, self.keys[self.cursor]))

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        event.stop()
        self._scroll(self.top + 3)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        event.stop()
        self._scroll(self.top - 3)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y < 1:
            return
        row = self.top + offset.y - 1
        if row < len(self.keys):
            self._move(row)
            if event.chain >= 2:
                self.action_select()

    # Drawing

    def render_lines(self, crop: Region) -> list[Strip]:
        # The styles are looked up once for the lines drawn together, not once a line.
        self._styles = (
            self.rich_style,
            self.rich_style + self.get_component_rich_style("case-table--cursor"),
            self.get_component_rich_style("case-table--header"),
        )
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        plain, cursor, header = getattr(self, "_styles", None) or (self.rich_style,) * 3
        if y == 0:
            return self._strip(self._labels(), header, width)
        row = self.top + y - 1
        if row == 0 and not self.keys and self.placeholder:
            muted = self.get_component_rich_style("case-table--placeholder")
            placeholder = one_width(clean_line(self.placeholder))
            if lays_out(self):
                placeholder = visual(placeholder, True if screen_rtl(self) else None)
            text = set_cell_size(" " + placeholder, width)
            if mirrored_screen(self):
                text = _right(placeholder + " ", width)
            return Strip([Segment(text, muted)], width)
        if row >= len(self.keys):
            return Strip.blank(width, plain)
        style = cursor if row == self.cursor else plain
        # A couple's line is the same wherever it moves in the list: made once for each
        # width and look, not again at every key of a search.
        key = (self.keys[row], width, style, lays_out(self), mirrored_screen(self))
        strip = self._lines.get(key)
        if strip is None:
            if len(self._lines) > 2000:
                self._lines.clear()
            strip = self._lines[key] = self._strip(self._cells[row], style, width)
        return strip

    def _strip(self, cells: list[str], style: Style, width: int) -> Strip:
        parts: list[str] = []
        # Each cell is a line of its own for right-to-left text (``tui/bidi_lines.py``): cut
        # in logical order, then laid out.
        laid_out = lays_out(self)
        # The app's words on a right-to-left screen read right to left ("Lia وسامي").
        rtl = True if laid_out and screen_rtl(self) else None
        # On a mirrored screen (``tui/mirror.py``) the columns run from the right, the names
        # first, each cell set against its column's right edge.
        mirrored = mirrored_screen(self)
        for column, cell in zip(self.columns, cells, strict=False):
            fitted = one_width(clean_line(cell))
            if cell_len(fitted) > column.width:
                fitted = set_cell_size(fitted, column.width - 1) + "…"
            if laid_out:
                fitted = visual(fitted, rtl)
            if mirrored:
                parts.insert(0, " " + _right(fitted, column.width) + " ")
            else:
                parts.append(" " + set_cell_size(fitted, column.width) + " ")
        joined = "".join(parts)
        line = _right(joined, width) if mirrored else set_cell_size(joined, width)
        return Strip([Segment(line, style)], width)

    def _labels(self) -> list[str]:
        labels = [column.label for column in self.columns]
        shown = self._shown()
        if labels and len(self.keys) > shown:
            last = min(self.top + shown, len(self.keys))
            labels[-1] = f"{self.top + 1}–{last}/{len(self.keys)}"
        return labels

    def _shown(self) -> int:
        """How many rows fit under the header."""
        return max(self.size.height - 1, 1)

    def _move(self, row: int, *, announce: bool = False) -> None:
        row = max(0, min(row, len(self.keys) - 1)) if self.keys else 0
        moved = row != self.cursor
        self.cursor = row
        self._follow()
        self.refresh()
        if moved or announce:
            self.post_message(self.Highlighted(self, self.cursor_key))

    def _follow(self) -> None:
        """Scroll so that the cursor row shows below the header."""
        shown = self._shown()
        if self.cursor < self.top:
            self.top = self.cursor
        elif self.cursor >= self.top + shown:
            self.top = self.cursor - shown + 1
        self._scroll(self.top)

    def _scroll(self, top: int) -> None:
        self.top = max(0, min(top, len(self.keys) - self._shown()))
        self.refresh()

    def on_resize(self) -> None:
        self._follow()


def _right(text: str, width: int) -> str:
    """``text`` in ``width`` cells, against the right edge (cut on the left when too wide)."""
    while cell_len(text) > width:
        text = text[1:]
    return " " * (width - cell_len(text)) + text
