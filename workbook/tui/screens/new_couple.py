"""A new couple: two names (required, different) and an optional facilitator."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, Label, Static

from workbook.text import clean_line
from workbook.tui.widgets.blink import cursor_blink


class NewCoupleScreen(Screen[tuple[str, str, str] | None]):
    """Dismisses with (name a, name b, facilitator), or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="new-couple.cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(id="new-couple", classes="form"):
            yield Static("Who is taking part?", classes="step-title", markup=False)
            yield Label("First partner's name")
            yield Input(id="name-a", max_length=60, placeholder="for example Sam")
            yield Label("Second partner's name")
            yield Input(id="name-b", max_length=60, placeholder="for example Alex")
            yield Label("Facilitator or counsellor (optional)")
            yield Input(id="facilitator", max_length=80, placeholder="leave empty if none")
            yield Static(id="error", markup=False)
            yield Button("Continue", id="continue", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        for field in self.query(Input):
            field.cursor_blink = cursor_blink()
        self.query_one("#name-a", Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "facilitator":
            self._create()
        else:
            self.focus_next()

    @on(Button.Pressed, "#continue")
    def _create(self) -> None:
        a = clean_line(self.query_one("#name-a", Input).value)
        b = clean_line(self.query_one("#name-b", Input).value)
        facilitator = clean_line(self.query_one("#facilitator", Input).value)
        problem = None
        if not a or not b:
            problem = "Please write both names."
        elif a.casefold() == b.casefold():
            problem = "Please use two different names, so the screen can tell you apart."
        if problem:
            self.query_one("#error", Static).update(problem)
            self.query_one("#name-a" if not a else "#name-b", Input).focus()
            return
        self.dismiss((a, b, facilitator))

    def action_cancel(self) -> None:
        self.dismiss(None)
