"""The console's progress note: the parts of the counsellor's template (DAP, SOAP or BIRP, from
settings), saved as they are typed (``data/notepad.py``); "Sign the note", after which the parts
are read-only and the time it was signed is shown; and addenda, each kept with its own time.

The template can be changed here until the note is signed; the choice is kept in settings.toml
(``notes_template``) for the next notes. A note already written keeps its own template.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Label, Select, Static

from workbook.data.durable import SaveError
from workbook.data.notepad import NotePad
from workbook.data.notes import NotesFile
from workbook.data.progress_note import PART_TITLES, TEMPLATES, ProgressNote
from workbook.export.markdown import long_date
from workbook.i18n.catalog import N_, speaking
from workbook.i18n.said import said_in
from workbook.tui.host import tr_of
from workbook.tui.plain import plain
from workbook.tui.steps.text import AnswerArea
from workbook.tui.widgets.blink import cursor_blink
from workbook.tui.widgets.button import Button

SETTING = "notes_template"
# The parts' titles (``PART_TITLES``, in the data layer), for the catalog: shown translated.
PART_WORDS = (
    N_("Data"),
    N_("Assessment"),
    N_("Plan"),
    N_("Subjective"),
    N_("Objective"),
    N_("Behavior"),
    N_("Intervention"),
    N_("Response"),
)


def chosen_template(settings: dict[str, object]) -> str:
    """The template settings.toml names, else DAP."""
    value = settings.get(SETTING)
    return value if isinstance(value, str) and value in TEMPLATES else "DAP"


class ProgressPane(VerticalScroll):
    """The progress note of one session."""

    DEFAULT_CSS = """
    ProgressPane { height: 1fr; }
    ProgressPane #note-head { margin-bottom: 1; }
    ProgressPane Label { color: $text-muted; }
    ProgressPane .note-part { height: 5; }
    ProgressPane #note-head { height: auto; }
    ProgressPane #note-template { width: 12; }
    ProgressPane #note-signed { height: auto; color: $text-muted; }
    ProgressPane #note-addenda { height: auto; }
    ProgressPane #note-addendum { height: 3; }
    ProgressPane .note-buttons { height: auto; }
    """

    def __init__(
        self,
        pad: NotePad,
        notes: NotesFile,
        template: str,
        clock: Callable[[], datetime],
        save_template: Callable[[str], None],
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.pad = pad
        self.notes = notes
        self.template = template
        self.clock = clock
        self.save_template = save_template
        self.note = ProgressNote(template=template)
        self.closed = False

    @property
    def signed(self) -> bool:
        return self.note.signed is not None

    def compose(self) -> ComposeResult:
        tr = tr_of(self)
        _ = tr._
        with Horizontal(id="note-head"):
            yield Select(
                [(name, name) for name in TEMPLATES],
                value=self.template,
                allow_blank=False,
                id="note-template",
                compact=True,
                disabled=self.signed,
            )
            yield Button(_("Sign the note"), id="note-sign", compact=True, disabled=self.signed)
        yield Static("", id="note-signed", markup=False)
        for part in TEMPLATES[self.template]:
            yield Label(tr.gettext(PART_TITLES[part]))
            area = AnswerArea(
                self.note.parts.get(part, ""),
                soft_wrap=True,
                tab_behavior="focus",
                id=f"dap-{part}",
                classes="note-part",
                read_only=self.signed,
            )
            area.cursor_blink = cursor_blink()
            yield area
        yield Static("", id="note-addenda")
        area = AnswerArea("", soft_wrap=True, tab_behavior="focus", id="note-addendum")
        area.display = self.signed
        yield area
        with Horizontal(classes="note-buttons"):
            yield Button(_("Add the addendum"), id="note-add", compact=True)

    def on_mount(self) -> None:
        self._show_state()

    async def load(self, note: ProgressNote) -> None:
        """The note as the file holds it: its own template once it is written or signed."""
        self.note = note
        template = note.template if note.template in TEMPLATES else self.template
        if (note.written() or note.signed) and template != self.template:
            self.template = template
        self.pad.load_dap(note.parts, self.template)
        await self.recompose()
        self._show_state()

    def show(self, note: ProgressNote) -> None:
        """What another window wrote: a signature and addenda (the parts stay as typed here)."""
        self.note.signed, self.note.addenda = note.signed, note.addenda
        self._show_state()

    def first(self) -> AnswerArea:
        part = TEMPLATES[self.template][0]
        return self.query_one(f"#dap-{part}", AnswerArea)

    def close(self, read_only: bool = True) -> None:
        """Nothing more can be written here (the couple deleted, a newer file)."""
        self.closed = read_only
        for area in self.query(AnswerArea):
            area.disabled = read_only
        for button in self.query(Button):
            button.disabled = read_only or (button.id == "note-sign" and self.signed)

    def _show_state(self) -> None:
        if not self.closed:
            for area in self.query(".note-part").results(AnswerArea):
                area.read_only = self.signed
            self.query_one("#note-template", Select).disabled = self.signed
            self.query_one("#note-sign", Button).disabled = self.signed
        tr = tr_of(self)
        _ = tr._
        said = self.query_one("#note-signed", Static)
        if self.note.signed is not None:
            at = self.note.signed
            with speaking(tr):
                day = long_date(at.date())
            said.update(
                plain(
                    _(
                        "Signed {date} at {time}: read-only. Later words go in an addendum, "
                        "with its own time."
                    ).format(date=day, time=f"{at:%H:%M}")
                )
            )
        else:
            said.update(plain(_("Not signed: the parts can still be changed.")))
        with speaking(tr):
            days = [long_date(a.at.date()) for a in self.note.addenda]
        addenda = [
            _("Addendum, {date} at {time}: {text}").format(
                date=day, time=f"{a.at:%H:%M}", text=a.text
            )
            for day, a in zip(days, self.note.addenda, strict=True)
        ]
        self.query_one("#note-addenda", Static).update(plain("\n".join(addenda)))
        self.query_one("#note-add", Button).display = self.signed
        self.query_one("#note-addendum", AnswerArea).display = self.signed

    def _say(self, text: str) -> None:
        title = tr_of(self)._("Progress note")
        self.notify(text, title=title, severity="error", markup=False)

    @on(Select.Changed, "#note-template")
    async def _template(self, event: Select.Changed) -> None:
        event.stop()
        value = event.value
        if not isinstance(value, str) or value == self.template or self.signed:
            return
        self.pad.save()
        self.template = value
        self.pad.load_dap(self.note.parts, value)
        self.save_template(value)
        await self.recompose()
        self._show_state()

    @on(Button.Pressed, "#note-sign")
    def sign(self) -> None:
        """Save what is typed, then sign: the time is kept, the parts are read-only."""
        if not self.pad.save():
            said = tr_of(self)._("The note is not saved, so it is not signed: {problem}")
            self._say(said.format(problem=said_in(self.pad.failure, tr_of(self))))
            return
        try:
            self.notes.sign_note(self.clock())
        except SaveError as error:
            said = tr_of(self)._("The note could not be signed: {problem}")
            self._say(said.format(problem=said_in(error.why, tr_of(self))))
            return
        self.note = self.notes.read().progress
        self._show_state()
        self.query_one("#note-addendum", AnswerArea).focus()

    @on(Button.Pressed, "#note-add")
    def add(self) -> None:
        area = self.query_one("#note-addendum", AnswerArea)
        if not area.text.strip():
            self._say(tr_of(self)._("Write the addendum first."))
            return
        try:
            self.notes.add_addendum(area.text, self.clock())
        except SaveError as error:
            said = tr_of(self)._("The addendum could not be saved: {problem}")
            self._say(said.format(problem=said_in(error.why, tr_of(self))))
            return
        area.load_text("")
        self.note = self.notes.read().progress
        self._show_state()
