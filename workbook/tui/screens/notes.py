"""The facilitator's private notes, on the couple's screen (Ctrl+O), for a facilitator without a
second screen for the console (``workbook facilitate``).

Each note is stamped with the time and the step when it is begun, and saved as it is typed into
the session's notes file, the same file the console writes, under its own lock; Ctrl+N starts a
new note and Esc closes the notes. Notes an older workbook kept in the session file
(``[facilitator] notes``) are shown above them. They stay out of the couple's documents unless
exported with ``--include-notes``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from workbook.data.models import now
from workbook.data.notepad import NotePad
from workbook.export.console import step_title
from workbook.tui.plain import fill
from workbook.tui.widgets.notes_pane import NotesPane

if TYPE_CHECKING:
    from workbook.tui.screens.walk import WalkScreen


class NotesScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape", "dismiss", "Close notes", id="notes.dismiss")]

    def __init__(self, facilitator: str, walk: WalkScreen) -> None:
        super().__init__()
        self.facilitator = facilitator
        self.walk = walk
        session = walk.session
        legacy = session.facilitator.notes if session.facilitator else ""
        self.notes = walk.store.notes(walk.couple.id, session.id, legacy)
        self.pad = NotePad(self.notes)

    def compose(self) -> ComposeResult:
        with Vertical(id="notes", classes="dialog"):
            yield Static(fill("Notes for $name", name=self.facilitator), classes="dialog-title")
            yield Static(
                "Private to the facilitator, and out of the couple's documents. Each note is "
                "stamped with the time and the step, and saved as you type; Ctrl+N starts a new "
                "one, Esc closes the notes. On a screen of your own, workbook facilitate shows "
                "them beside the session.",
                classes="legend",
                markup=False,
            )
            yield NotesPane(self.pad, self._place, now, self._title_of)

    def on_mount(self) -> None:
        pane = self.query_one(NotesPane)
        pane.show(self.notes.read())
        pane.box.focus()

    def _place(self) -> tuple[str, str]:
        walk = self.walk.walk
        place = self.walk.place
        return walk.packs[place.pack].id, walk.step(place).id

    def _title_of(self, pack_id: str, step_id: str) -> str:
        for pack in self.walk.walk.packs:
            if pack.id == pack_id:
                step = next((s for s in pack.steps if s.id == step_id), None)
                return step_title(step) if step else f"{pack.title} › {step_id}"
        return f"{pack_id} › {step_id}" if pack_id else ""

    def on_unmount(self) -> None:
        # Closing saves at once what the timer had not saved yet.
        if not self.pad.save():
            self.app.notify(
                f"The notes are NOT saved: {self.pad.failure}.",
                title="Not saved",
                severity="error",
                timeout=20,
                markup=False,
            )
