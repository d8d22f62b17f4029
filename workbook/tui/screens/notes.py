"""A note typed on the couple's screen (Ctrl+O, only for a couple with a facilitator), for a
facilitator in the room without a second screen for the console (``workbook facilitate``).

It opens empty every time and shows no other note: the notes written before, in the console or
here, are the counsellor's, and this is the couple's screen. What is typed is saved as it is
typed, stamped with the time and the step when it is begun, into the session's notes file with
``origin = "couple-window"``, so the console and the case record say where it was written; the
file is never read back here. Reading the notes takes the console, or the practice lock.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from workbook.data.models import now
from workbook.data.notepad import NotePad
from workbook.data.notes import COUPLE_WINDOW, NotesFile
from workbook.i18n.catalog import N_
from workbook.i18n.said import said_in
from workbook.tui.actions import bindings
from workbook.tui.host import key_of, tr_of
from workbook.tui.plain import fill
from workbook.tui.steps.text import AnswerArea
from workbook.tui.widgets.blink import cursor_blink
from workbook.tui.widgets.notes_pane import NotesSaved, NotesSaver

LEGEND = N_(
    "Saved as you type, for $name only, and marked as typed on this screen. Notes written "
    "before are never shown here. $esc closes."
)


class NotesScreen(ModalScreen[None]):
    BINDINGS = bindings("notes")

    def __init__(
        self, facilitator: str, notes: NotesFile, place: Callable[[], tuple[str, str]]
    ) -> None:
        """``notes``: the session's notes file; ``place()``: the pack and the step the couple
        are at, to stamp a note with when it is begun."""
        super().__init__()
        self.facilitator = facilitator
        self.place = place
        self.pad = NotePad(notes, origin=COUPLE_WINDOW)
        self.saver = NotesSaver(self, self.pad, read_back=False)

    def compose(self) -> ComposeResult:
        tr = tr_of(self)
        with Vertical(id="notes", classes="dialog"):
            title = fill(tr._("A note for $name"), name=self.facilitator)
            yield Static(title, classes="dialog-title")
            esc = key_of(self, "notes.dismiss")
            legend = fill(tr.gettext(LEGEND), name=self.facilitator, esc=esc)
            yield Static(legend, classes="legend")
            area = AnswerArea("", soft_wrap=True, tab_behavior="focus", id="note-box")
            area.cursor_blink = cursor_blink()
            area.placeholder = tr._("Type the note: it is stamped with the time and the step.")
            yield area
            yield Static("", id="note-state", markup=False)

    def on_mount(self) -> None:
        self.query_one("#note-box", AnswerArea).focus()

    @on(TextArea.Changed, "#note-box")
    def _typed(self, event: TextArea.Changed) -> None:
        event.stop()
        self.pad.type_note(event.text_area.text, self._stamp)
        self.saver.schedule()
        self._show_state()

    def _stamp(self) -> tuple[str, str, datetime]:
        pack_id, step_id = self.place()
        return pack_id, step_id, now()

    @on(NotesSaved)
    def _saved(self, event: NotesSaved) -> None:
        event.stop()
        self.saver.saved()
        self._show_state()

    def _show_state(self) -> None:
        _ = tr_of(self)._
        if self.pad.failure is not None:
            said = _("NOT SAVED: {problem}. Kept here; trying again.")
            text = said.format(problem=said_in(self.pad.failure, tr_of(self)))
        elif self.pad.dirty or self.saver.saving:
            text = _("Saving…")
        else:
            text = _("Saved.") if self.pad.saved_at is not None else ""
        self.query_one("#note-state", Static).update(text)

    def on_unmount(self) -> None:
        # Closing saves at once what the timer had not saved yet.
        if not self.saver.now():
            _ = tr_of(self)._
            self.app.notify(
                _("The note is NOT saved: {problem}.").format(
                    problem=said_in(self.pad.failure, tr_of(self))
                ),
                title=_("Not saved"),
                severity="error",
                timeout=20,
                markup=False,
            )
