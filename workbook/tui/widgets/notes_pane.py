"""The counsellor's notes, saved as they are typed: the earlier notes with their stamps (and,
for a note typed on the couple's screen, where it was written), and the box for the note being
written.

A note begins with its first key, stamped with the time and the couple's step at that moment;
Ctrl+N (Ctrl+Enter where the terminal tells it apart) or the New note button ends it, and the
next key begins another. Saving runs in a thread (``NotesSaver``), so typing never waits for the
disk or for the other window's hold on the notes file's lock.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.css.query import NoMatches
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static, TextArea

from workbook.data.notepad import NotePad
from workbook.data.notes import CONSOLE, COUPLE_WINDOW, SessionNotes
from workbook.i18n.catalog import N_
from workbook.i18n.said import Listed, Words, said_in
from workbook.tui.actions import bindings
from workbook.tui.autosave import Saver
from workbook.tui.host import tr_of
from workbook.tui.plain import fill, plain
from workbook.tui.steps.text import AnswerArea
from workbook.tui.widgets.blink import cursor_blink
from workbook.tui.widgets.button import Button

# Where a note was written, when it was not in the console: said after its stamp.
ORIGINS = {CONSOLE: "", COUPLE_WINDOW: N_(" · on the couple's screen")}
# Where the couple is (pack id, step id), and how to name a place in the list of notes.
Place = Callable[[], tuple[str, str]]
Titles = Callable[[str, str], str]


@dataclass
class NotesSaved(Message):
    """A save in the background ended; ``notes`` is the file as it was read just after."""

    ok: bool
    notes: SessionNotes | None


class NotesSaver(Saver):
    """Saves ``pad`` when it is due, in a thread, on timers of ``owner``; one save at a time."""

    def __init__(self, owner: Widget, pad: NotePad, *, read_back: bool = True) -> None:
        super().__init__(owner, pad.due_in, lambda: pad.failure is not None)
        self.pad = pad
        # Whether a save reads the file back to show it: never on the couple's screen.
        self.read_back = read_back
        self.saving = False
        self.stopped = False

    def stop(self) -> None:
        """Save nothing more (the couple was deleted)."""
        self.stopped = True
        self.cancel()

    def may_save(self) -> bool:
        return not (self.saving or self.stopped)

    def save_due(self) -> None:
        self.saving = True
        self.owner.run_worker(self._save, thread=True, group="notes-save", exit_on_error=False)

    def _save(self) -> None:
        ok = self.pad.save()
        notes = self.pad.notes.read() if self.read_back else None
        self.owner.post_message(NotesSaved(ok, notes))

    def saved(self) -> None:
        """Called when ``NotesSaved`` arrives: go on saving what was typed meanwhile, or try
        again a little later if saving failed."""
        self.saving = False
        if self.pad.failure is not None:
            self.retry()
        else:
            self.schedule()

    def now(self) -> bool:
        """Save at once, here (when leaving); True when everything typed is saved."""
        if self.stopped:
            return True
        self.cancel()
        return self.pad.save()


class NotesPane(Vertical):
    """Earlier notes, and the box for the next one."""

    BINDINGS = bindings("notes-pane")
    DEFAULT_CSS = """
    NotesPane { height: 1fr; }
    NotesPane #earlier { height: 1fr; min-height: 3; }
    NotesPane #earlier-text { padding: 0 1 0 0; }
    NotesPane #note-box { height: 7; min-height: 4; }
    NotesPane #note-bar { height: auto; }
    NotesPane #note-state { width: 1fr; color: $text-muted; height: auto; }
    NotesPane #new-note { min-width: 12; height: 1; border: none; margin: 0; }
    """

    def __init__(
        self,
        pad: NotePad,
        place: Place,
        clock: Callable[[], datetime],
        titles: Titles,
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.pad = pad
        self.place = place
        self.clock = clock
        self.titles = titles
        self.saver = NotesSaver(self, pad)
        self.file: SessionNotes = SessionNotes()

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="earlier", can_focus=False):
            yield Static(id="earlier-text")
        area = AnswerArea("", soft_wrap=True, tab_behavior="focus", id="note-box")
        area.cursor_blink = cursor_blink()
        _ = tr_of(self)._
        area.placeholder = _("Type a note: it is stamped with the time and the step.")
        yield area
        with Horizontal(id="note-bar"):
            yield Static(id="note-state", markup=False)
            yield Button(_("New note"), id="new-note", compact=True)

    def on_mount(self) -> None:
        self._show_state()

    @property
    def box(self) -> AnswerArea:
        return self.query_one("#note-box", AnswerArea)

    @on(TextArea.Changed, "#note-box")
    def _typed(self, event: TextArea.Changed) -> None:
        event.stop()
        if self.file.read_only:
            return
        self.pad.type_note(event.text_area.text, self._stamp)
        self.saver.schedule()
        self._show_state()

    def _stamp(self) -> tuple[str, str, datetime]:
        pack, step = self.place()
        return pack, step, self.clock()

    @on(Button.Pressed, "#new-note")
    def action_new_note(self) -> None:
        ended = self.pad.new_note()
        if ended is not None:
            self.box.load_text("")
            # The ended note joins the list now if the file has it, else once it is saved (at
            # once, in the background).
            self.show(self.file)
            self.saver.schedule(0.0)
        self.box.focus()
        self._show_state()

    @on(NotesSaved)
    def _saved(self, event: NotesSaved) -> None:
        event.stop()
        self.saver.saved()
        if event.notes is not None:
            self.show(event.notes)
        self._show_state()

    def show(self, notes: SessionNotes) -> None:
        """The notes file as it was last read: its notes (but the one being written), any
        older notes, and why it may not be written."""
        self.file = notes
        self.box.disabled = bool(notes.read_only)
        current = self.pad.current
        # The note being written is in the box, not the list: the newest note with its stamp.
        skip = None
        if current is not None:
            same = [
                n
                for n in notes.notes
                if (n.at, n.pack, n.step) == (current.at, current.pack, current.step)
            ]
            skip = same[-1] if same else None
        tr = tr_of(self)
        _ = tr._
        lines: list[Content] = []
        if notes.legacy.strip():
            lines.append(Content.from_markup(_("[b]Notes kept in the session file[/b]")))
            lines.append(plain(notes.legacy))
            lines.append(Content(""))
        for note in notes.notes:
            if note is skip or not note.text.strip():
                continue
            where = self.titles(note.pack, note.step)
            known = ORIGINS.get(note.origin)
            if known is None:
                origin = _(" · written in “{origin}”").format(origin=note.origin)
            else:
                origin = tr.gettext(known) if known else ""
            lines.append(
                fill(
                    "[b]$at[/b]  [dim]$where[/dim]$origin",
                    at=f"{note.at:%H:%M}",
                    where=where,
                    origin=origin,
                )
            )
            lines.append(plain(note.text))
        if not lines:
            lines.append(
                Content(
                    _(
                        "No notes yet. A note is stamped with the time and the couple's step "
                        "when you begin it, and saved as you type."
                    )
                )
            )
        # What of the file cannot be read (it stays there as it is); why it is read-only is on
        # the line under the box.
        problems = [problem for problem in notes.problems if problem is not notes.read_only]
        if problems:
            said = Listed(problems).said(tr)
            lines.append(plain(_("⚠ The notes file: {problems}").format(problems=said)))
        try:
            self.query_one("#earlier-text", Static).update(Content("\n").join(lines))
            self.query_one("#earlier", VerticalScroll).scroll_end(animate=False)
        except NoMatches:
            pass

    def gone(self) -> None:
        """The couple was deleted: the box closes, and nothing typed is saved any more."""
        self.saver.stop()
        self.box.disabled = True
        self.file = SessionNotes(
            read_only=Words(N_("the couple has been deleted; nothing is saved"))
        )
        self._show_state()

    def _show_state(self) -> None:
        pad = self.pad
        # The note in the box keeps the stamp it was begun with until Ctrl+N, even once the
        # couple has moved on: the line says which it is.
        _ = tr_of(self)._
        at = f"{pad.current.at:%H:%M}" if pad.current is not None else ""
        if self.file.read_only:
            reason = said_in(self.file.read_only, tr_of(self))
            text = _("Read-only: {reason}").format(reason=reason)
        elif pad.failure is not None:
            problem = said_in(pad.failure, tr_of(self))
            text = _("NOT SAVED: {problem}. Kept here; trying again.").format(problem=problem)
        elif pad.dirty or self.saver.saving:
            text = _("Note of {time} · saving…").format(time=at) if at else _("saving…")
        elif at:
            text = _("Note of {time} · saved").format(time=at)
        else:
            text = _("Saved as you type.")
        for state in self.query("#note-state").results(Static):
            state.update(text)
