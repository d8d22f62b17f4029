"""The facilitator's private notes on a session, saved as they are typed, like every answer.

They are kept in the session file under ``[facilitator] notes`` and left out of the couple's
exports unless asked for (``workbook export --include-notes``). Esc closes the notes.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from workbook.data.models import FacilitatorNotes
from workbook.text import clean
from workbook.tui.autosave import Autosave
from workbook.tui.plain import fill
from workbook.tui.steps.text import AnswerArea
from workbook.tui.widgets.blink import cursor_blink


class NotesScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape", "dismiss", "Close notes", id="notes.dismiss")]

    def __init__(self, facilitator: str, autosave: Autosave) -> None:
        super().__init__()
        self.facilitator = facilitator
        self.autosave = autosave

    @property
    def session_notes(self) -> str:
        notes = self.autosave.recorder.session.facilitator
        return notes.notes if notes else ""

    def compose(self) -> ComposeResult:
        with Vertical(id="notes", classes="dialog"):
            yield Static(fill("Notes for $name", name=self.facilitator), classes="dialog-title")
            yield Static(
                "Private to the facilitator: they stay out of the couple's agreement document "
                "and summaries. They are saved as you type; Esc closes them.",
                classes="legend",
                markup=False,
            )
            # Tab leaves the box, so that Esc reaches the screen and closes the notes.
            area = AnswerArea(clean(self.session_notes), soft_wrap=True, tab_behavior="focus")
            area.cursor_blink = cursor_blink()
            yield area

    def on_mount(self) -> None:
        area = self.query_one(AnswerArea)
        area.focus()
        area.move_cursor(area.document.end)

    @on(TextArea.Changed)
    def _typed(self, event: TextArea.Changed) -> None:
        event.stop()
        recorder = self.autosave.recorder
        if recorder.read_only:
            return
        recorder.session.facilitator = FacilitatorNotes(notes=clean(event.text_area.text))
        recorder.changed()
        self.autosave.schedule()

    def on_unmount(self) -> None:
        self.autosave.now()
