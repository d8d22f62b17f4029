"""The couple's week, from Home (h): their next appointment, and homework between sessions (a
pack to do at home by a day, with a word for them). Saved at once through the services; the
open homework is listed as the file holds it then, done ones marked by the session that did
them (``service/homework.settle``)."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Select, Static

from workbook.data.dates import now
from workbook.data.goals import appointment
from workbook.data.models import Couple
from workbook.data.store import Store
from workbook.i18n.catalog import speaking
from workbook.service import goals, homework
from workbook.service.errors import ServiceError
from workbook.service.when import parse_day, parse_when
from workbook.tui.actions import bindings
from workbook.tui.host import tr_of
from workbook.tui.plain import fill, plain
from workbook.tui.widgets.box import Box
from workbook.tui.widgets.button import Button


class HomeworkScreen(ModalScreen[None]):
    """The next appointment and the homework of one couple."""

    BINDINGS = bindings("homework")
    DEFAULT_CSS = """
    HomeworkScreen { align: center middle; }
    HomeworkScreen .week-row { height: auto; margin-bottom: 1; }
    HomeworkScreen #homework-note { margin-bottom: 1; }
    HomeworkScreen .week-row Box { width: 1fr; }
    HomeworkScreen #homework-pack { width: 1fr; }
    HomeworkScreen #homework-due { width: 16; }
    """

    def __init__(
        self, store: Store, couple: Couple, packs: list[tuple[Text, str]], today: date
    ) -> None:
        super().__init__()
        self.store = store
        self.couple = couple
        # (title, id) of each pack in the library.
        self.packs = packs
        self.today = today

    def compose(self) -> ComposeResult:
        tr = tr_of(self)
        a, b = self.couple.names
        when, _rest = appointment(self.couple.next_session)
        with Vertical(id="homework", classes="dialog"):
            yield Static(fill(tr._("The week of $a and $b"), a=a, b=b), classes="dialog-title")
            # TRANSLATORS: a weekday in your language: it is read when typed, as English is.
            yield Static(tr._("Next appointment (2026-12-01 18:00 or friday 18:00; empty: none)"))
            with Horizontal(classes="week-row"):
                yield Box(
                    when.strftime("%Y-%m-%d %H:%M") if when else "",
                    id="appointment",
                    placeholder=tr._("Date and time"),
                    max_length=40,
                    compact=True,
                )
                yield Button(tr._("Save"), id="appointment-save", compact=True)
            yield Static("", id="homework-open", markup=False)
            yield Static(tr._("Homework: a pack to do at home, by a day"))
            with Horizontal(classes="week-row"):
                yield Select(
                    self.packs,
                    allow_blank=True,
                    id="homework-pack",
                    compact=True,
                    prompt=tr._("The pack"),
                )
                # TRANSLATORS: a weekday in your language: it is read when typed, as English is.
                by = tr._("By (friday)")
                yield Box(id="homework-due", placeholder=by, max_length=20, compact=True)
            yield Box(
                id="homework-note",
                placeholder=tr._("A note for them (optional)"),
                max_length=homework.MAX_NOTE,
                compact=True,
            )
            yield Static("", id="homework-said", markup=False)
            with Horizontal(classes="week-row"):
                yield Button(tr._("Give it"), id="homework-give", variant="primary", compact=True)
                yield Button(tr._("Close"), id="homework-close", compact=True)

    def on_mount(self) -> None:
        self.show_open()
        self.query_one("#appointment", Input).focus()

    def show_open(self) -> None:
        titles = {pack_id: title.plain for title, pack_id in self.packs}
        try:
            settled = homework.settle(self.store, self.couple.id)
        except ServiceError as error:
            self._say(error.said(tr_of(self)))
            return
        _ = tr_of(self)._
        lines = []
        for item in settled.open:
            late = item.overdue(self.today)
            if item.due and late:
                line = _("• {pack}, by {day} (overdue)")
            elif item.due:
                line = _("• {pack}, by {day}")
            else:
                line = _("• {pack} (overdue)") if late else "• {pack}"
            day = item.due.isoformat() if item.due else ""
            lines.append(line.format(pack=titles.get(item.pack, item.pack), day=day))
        said = _("Open: {items}").format(items="\n".join(lines)) if lines else _("Open: none.")
        self.query_one("#homework-open", Static).update(plain(said))

    def _say(self, text: str) -> None:
        self.query_one("#homework-said", Static).update(plain(text))

    @on(Input.Submitted, "#appointment")
    @on(Button.Pressed, "#appointment-save")
    def save_appointment(self) -> None:
        text = self.query_one("#appointment", Input).value.strip()
        try:
            # A day is typed in English or in the language spoken here ("viernes 18:00").
            with speaking(tr_of(self)):
                when = parse_when(text, self.today) if text else None
            self.couple = goals.schedule(self.store, self.couple.id, when)
        except ServiceError as error:
            self._say(error.said(tr_of(self)))
            return
        _ = tr_of(self)._
        self._say(
            _("Next appointment: {when}.").format(when=when.strftime("%Y-%m-%d %H:%M"))
            if when
            else _("No next appointment now.")
        )

    @on(Input.Submitted, "#homework-due")
    @on(Input.Submitted, "#homework-note")
    @on(Button.Pressed, "#homework-give")
    def give(self) -> None:
        pack = self.query_one("#homework-pack", Select).value
        if not isinstance(pack, str):
            self._say(tr_of(self)._("Choose the pack first."))
            return
        due_text = self.query_one("#homework-due", Input).value.strip()
        note = self.query_one("#homework-note", Input).value
        try:
            with speaking(tr_of(self)):
                due = parse_day(due_text, self.today) if due_text else None
            homework.assign(
                self.store, self.couple.id, pack, [p for _, p in self.packs], now(), due, note
            )
        except ServiceError as error:
            self._say(error.said(tr_of(self)))
            return
        self.query_one("#homework-due", Input).value = ""
        self.query_one("#homework-note", Input).value = ""
        self._say(tr_of(self)._("Given. It shows first on their agenda."))
        self.show_open()

    @on(Button.Pressed, "#homework-close")
    def _close(self) -> None:
        self.dismiss(None)
