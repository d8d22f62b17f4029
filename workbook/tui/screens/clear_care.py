"""Clearing a couple's care flag, from Home (F2, then "Clear the care flag…"): only with a short
reason, which is kept as a note in the notes file of the session that raised the flag
(``data/care.py``). Esc, and "Keep it" (focused first), leave the flag up."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from workbook.data.care import MAX_REASON
from workbook.data.models import Couple
from workbook.export.markdown import long_date
from workbook.i18n.catalog import N_, speaking
from workbook.tui.actions import bindings
from workbook.tui.host import tr_of
from workbook.tui.plain import fill
from workbook.tui.widgets.box import Box
from workbook.tui.widgets.button import Button

ASK = N_(
    "The flag went up on $day, in session $session, when a sealed answer asked for care. "
    "Clearing it takes the ⚑ off Home and off the console. Write a short reason: it is kept "
    "in that session's notes."
)


class ClearCareScreen(ModalScreen[str | None]):
    """Dismisses with the reason given, or None when the flag stays up."""

    BINDINGS = bindings("clear-care")

    def __init__(self, couple: Couple) -> None:
        super().__init__()
        self.couple = couple

    def compose(self) -> ComposeResult:
        tr = tr_of(self)
        _ = tr._
        a, b = self.couple.names
        care = self.couple.care
        with speaking(tr):
            day = long_date(care.raised.date()) if care is not None else "?"
        session = care.session if care is not None else "?"
        with Vertical(id="clear-care", classes="dialog"):
            title = fill(_("Clear the care flag of $a and $b?"), a=a, b=b)
            yield Static(title, classes="dialog-title")
            yield Static(fill(tr.gettext(ASK), day=day, session=session))
            yield Box(id="reason", placeholder=_("The reason"), max_length=MAX_REASON)
            yield Static("", id="clear-care-error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Keep it"), id="keep", variant="primary")
                yield Button(_("Clear the flag"), id="clear", variant="error")

    def on_mount(self) -> None:
        self.query_one("#reason", Input).focus()

    @on(Button.Pressed, "#keep")
    def _keep(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted, "#reason")
    @on(Button.Pressed, "#clear")
    def _clear(self) -> None:
        reason = " ".join(self.query_one("#reason", Input).value.split())
        if not reason:
            said = tr_of(self)._("Please write a short reason first: it is kept in the notes.")
            self.query_one("#clear-care-error", Static).update(said)
            self.query_one("#reason", Input).focus()
            return
        self.dismiss(reason)
