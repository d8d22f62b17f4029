"""A partner's own seat (``serve --couple``'s link for one partner), until the apart walk is
built: it says plainly that answering on one's own device is not ready, and what to use
instead. It opens no session, so it can show nothing of either partner's answers."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from workbook.tui.widgets.button import Button

NOT_YET = (
    "This is {name}'s own link. Answering on your own device, with private answers kept apart "
    "until both of you have answered, is not ready in this version of the workbook. For now, "
    "sit together and use the link for both at one screen; the counsellor can send it again "
    "(New link in the console)."
)


class SeatNotice(App[None]):
    """One message and a button to close it."""

    CSS = """
    Screen { align: center middle; }
    #seat-notice { width: 100%; max-width: 70; height: auto; padding: 1 2; }
    #seat-notice Button { margin-top: 1; }
    """
    BINDINGS = [Binding("escape", "quit", "Close", id="seat-notice.close")]

    def __init__(self, name: str) -> None:
        super().__init__()
        self.partner = name

    def compose(self) -> ComposeResult:
        with Vertical(id="seat-notice"):
            yield Static(Content(NOT_YET.format(name=self.partner)))
            yield Button("Close", id="close", variant="primary")

    def on_button_pressed(self) -> None:
        self.exit()
