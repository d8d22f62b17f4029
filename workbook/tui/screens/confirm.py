"""A yes-or-no question asked before something that cannot be undone; Esc and the safe answer
(focused first) keep things as they are."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from workbook.tui.actions import bindings
from workbook.tui.widgets.button import Button


class ConfirmScreen(ModalScreen[bool]):
    """Dismisses with True only when the person chose ``yes``."""

    BINDINGS = bindings("confirm")

    def __init__(self, question: Content, yes: str, no: str) -> None:
        super().__init__()
        self.question = question
        self.yes, self.no = yes, no

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm", classes="dialog"):
            yield Static(self.question)
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.no, id="no", variant="primary")
                yield Button(self.yes, id="yes", variant="error")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed)
    def _chosen(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")
