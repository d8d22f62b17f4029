"""The end of a session: where the files are, and how to export them."""

from __future__ import annotations

import shlex

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Button, Footer, Static

from workbook.data.models import Couple, Session
from workbook.data.store import Store
from workbook.tui.plain import fill


def command(store: Store) -> str:
    """The command that reaches this data folder, ready to paste (the folder quoted if needed)."""
    return f"workbook --data-dir {shlex.quote(str(store.root))}"


class DoneScreen(Screen[None]):
    BINDINGS = [Binding("escape", "home", "Home")]

    def __init__(self, store: Store, couple: Couple, session: Session) -> None:
        super().__init__()
        self.store = store
        self.couple = couple
        self.session = session

    def compose(self) -> ComposeResult:
        layout = self.store.layout
        a, b = self.couple.names
        with Vertical(id="done"):
            yield Static(fill("Well done, $a and $b.", a=a, b=b), classes="step-title")
            yield Static(
                fill(
                    "Your agreement document:\n  $doc\n\nThis session, with all your answers:\n"
                    "  $session\n\nTo print a summary of this session, or make a web page:\n"
                    "  $command export $couple --session $id\n"
                    "  $command export $couple --format html --out agreement.html",
                    doc=str(layout.agreement_document(self.couple.id)),
                    session=str(layout.session_file(self.couple.id, self.session.id)),
                    command=command(self.store),
                    couple=self.couple.id,
                    id=self.session.id,
                )
            )
            yield Button("Back to the start", id="home", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#home", Button).focus()

    def action_home(self) -> None:
        self.dismiss()

    def on_button_pressed(self) -> None:
        self.dismiss()
