"""The care note, shown once per couple before their first session."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

CARE_NOTE = (
    "This workbook helps the two of you talk. It is not therapy, and it cannot tell you "
    "what is right or wrong in your relationship.\n\n"
    "Some couples find it helps to talk with a counsellor as well; counselling online helps "
    "about as much as meeting in person.\n\n"
    "If either of you feels unsafe, afraid, or controlled by the other, a shared exercise is "
    "not the right tool. Please reach out to a professional on your own first."
)


class CareScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape", "dismiss", "Continue")]

    def compose(self) -> ComposeResult:
        with Vertical(id="care", classes="dialog"):
            yield Static("Before you begin", classes="dialog-title", markup=False)
            yield Static(CARE_NOTE, markup=False)
            yield Button("We understand, continue", id="continue", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#continue", Button).focus()

    def on_button_pressed(self) -> None:
        self.dismiss()
