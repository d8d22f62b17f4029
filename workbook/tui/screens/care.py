"""The care note, shown once per couple before their first session.

It says what the workbook is not, and where to turn when a shared exercise is the wrong tool.
A couple with a counsellor is not sent off to find one: their counsellor is named instead.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from workbook.i18n.catalog import N_, SOURCE_TRANSLATIONS, Translations
from workbook.tui.actions import bindings
from workbook.tui.host import tr_of
from workbook.tui.plain import plain
from workbook.tui.widgets.button import Button

NOT_THERAPY = N_(
    "This workbook helps the two of you talk. It is not therapy, and it cannot tell you "
    "what is right or wrong in your relationship."
)
ON_YOUR_OWN = N_(
    "Some couples find it helps to talk with a counsellor as well; counselling online helps "
    "about as much as meeting in person."
)
WITH_COUNSELLOR = N_("{name} is working with you; you can raise anything here with them too.")
# Two whole paragraphs, one for a couple alone and one with a counsellor, so that a language
# may order the advice as it reads best.
UNSAFE_ALONE = N_(
    "If either of you feels unsafe, afraid, or controlled by the other, a shared exercise is "
    "not the right tool. Please reach out to a professional on your own first. If anyone is in "
    "danger, call your local emergency number; a local helpline for relationship or family "
    "violence can listen in confidence."
)
UNSAFE_IN_THE_ROOM = N_(
    "If either of you feels unsafe, afraid, or controlled by the other, a shared exercise is "
    "not the right tool. Please tell {name} on your own, away from this screen. If anyone is in "
    "danger, call your local emergency number; a local helpline for relationship or family "
    "violence can listen in confidence."
)


def care_note(facilitator: str | None, tr: Translations = SOURCE_TRANSLATIONS) -> str:
    """The note's words, for a couple with a counsellor (``facilitator``) or without one."""
    if facilitator:
        middle = tr.gettext(WITH_COUNSELLOR).format(name=facilitator)
        unsafe = tr.gettext(UNSAFE_IN_THE_ROOM).format(name=facilitator)
    else:
        middle, unsafe = tr.gettext(ON_YOUR_OWN), tr.gettext(UNSAFE_ALONE)
    return f"{tr.gettext(NOT_THERAPY)}\n\n{middle}\n\n{unsafe}"


class CareScreen(ModalScreen[None]):
    BINDINGS = bindings("care")

    def __init__(self, facilitator: str | None = None) -> None:
        super().__init__()
        self.facilitator = facilitator

    def compose(self) -> ComposeResult:
        tr = tr_of(self)
        with Vertical(id="care", classes="dialog"):
            yield Static(tr._("Before you begin"), classes="dialog-title", markup=False)
            yield Static(plain(care_note(self.facilitator, tr)))
            yield Button(tr._("We understand, continue"), id="continue", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#continue", Button).focus()

    def on_button_pressed(self) -> None:
        self.dismiss()
