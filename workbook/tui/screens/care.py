"""The care note, shown once per couple before their first session.

It says what the workbook is not, and where to turn when a shared exercise is the wrong tool.
A couple with a counsellor is not sent off to find one: their counsellor is named instead.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from workbook.tui.actions import bindings
from workbook.tui.plain import plain
from workbook.tui.widgets.button import Button

NOT_THERAPY = (
    "This workbook helps the two of you talk. It is not therapy, and it cannot tell you "
    "what is right or wrong in your relationship."
)
ON_YOUR_OWN = (
    "Some couples find it helps to talk with a counsellor as well; counselling online helps "
    "about as much as meeting in person."
)
WITH_COUNSELLOR = "{name} is working with you; you can raise anything here with them too."
UNSAFE = (
    "If either of you feels unsafe, afraid, or controlled by the other, a shared exercise is "
    "not the right tool. {whom} If anyone is in danger, call your local emergency number; a "
    "local helpline for relationship or family violence can listen in confidence."
)
ALONE = "Please reach out to a professional on your own first."
IN_THE_ROOM = "Please tell {name} on your own, away from this screen."


def care_note(facilitator: str | None) -> str:
    """The note's words, for a couple with a counsellor (``facilitator``) or without one."""
    if facilitator:
        middle = WITH_COUNSELLOR.format(name=facilitator)
        whom = IN_THE_ROOM.format(name=facilitator)
    else:
        middle, whom = ON_YOUR_OWN, ALONE
    return f"{NOT_THERAPY}\n\n{middle}\n\n{UNSAFE.format(whom=whom)}"


class CareScreen(ModalScreen[None]):
    BINDINGS = bindings("care")

    def __init__(self, facilitator: str | None = None) -> None:
        super().__init__()
        self.facilitator = facilitator

    def compose(self) -> ComposeResult:
        with Vertical(id="care", classes="dialog"):
            yield Static("Before you begin", classes="dialog-title", markup=False)
            yield Static(plain(care_note(self.facilitator)))
            yield Button("We understand, continue", id="continue", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#continue", Button).focus()

    def on_button_pressed(self) -> None:
        self.dismiss()
