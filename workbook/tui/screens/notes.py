"""The facilitator's private notes on a session: kept in the session file, left out of the
couple's exports unless asked for (``workbook export --include-notes``)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from workbook.text import clean
from workbook.tui.plain import fill
from workbook.tui.steps.text import AnswerArea
from workbook.tui.widgets.blink import cursor_blink


class NotesScreen(ModalScreen[str | None]):
    """Dismisses with the notes, or None when closed without saving."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save notes"),
        Binding("escape", "dismiss(None)", "Close without saving"),
    ]

    def __init__(self, facilitator: str, notes: str) -> None:
        super().__init__()
        self.facilitator = facilitator
        self.notes = notes

    def compose(self) -> ComposeResult:
        with Vertical(id="notes", classes="dialog"):
            yield Static(fill("Notes for $name", name=self.facilitator), classes="dialog-title")
            yield Static(
                "Private to the facilitator: they stay out of the couple's agreement document "
                "and summaries. Ctrl+S saves, Esc closes without saving.",
                classes="legend",
                markup=False,
            )
            area = AnswerArea(clean(self.notes), soft_wrap=True, tab_behavior="indent")
            area.cursor_blink = cursor_blink()
            yield area

    def on_mount(self) -> None:
        area = self.query_one(AnswerArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_save(self) -> None:
        self.dismiss(clean(self.query_one(AnswerArea).text))
