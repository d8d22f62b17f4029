"""The console's "New link": a new private link for one seat (the couple at one screen, or a
partner's own device), which ends the old one. Served only: ``workbook serve`` makes the link,
prints it in its terminal, and sends it here to be read out or copied."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Static

from workbook.i18n.catalog import N_
from workbook.tui.actions import bindings
from workbook.tui.host import WorkbookModal
from workbook.tui.plain import fill
from workbook.tui.served import tell_server
from workbook.tui.widgets.box import Box
from workbook.tui.widgets.button import Button

ASK = N_(
    "A new link for whom? The old link, and the browser that opened it, stop working at once; "
    "the new one opens in one browser."
)


class NewLinkScreen(WorkbookModal[None]):
    """Choose a seat, then see its new link."""

    BINDINGS = bindings("new-link")
    # The console's dialog: the counsellor's words, whatever the couple speaks.
    APP_LANGUAGE = True

    def __init__(self, seats: list[tuple[str, str]], names: tuple[str, str] | None = None) -> None:
        super().__init__()
        self.seats = seats
        # The couple's names, when the console follows one: the seats are named in the
        # counsellor's language from them (the server's titles are English, as printed in
        # its terminal).
        self.names = names

    def title_of(self, seat: str, title: str) -> Content:
        """The seat's title in this dialog's words; the server's own when it is not one of
        the seats ``serve --couple`` makes."""
        _ = self.tr._
        if self.names is not None:
            a, b = self.names
            if seat == "couple":
                return fill(_("$a and $b, both at one screen"), a=a, b=b)
            if seat in ("a", "b"):
                said = _("$name, on their own device")
                return fill(said, name=a if seat == "a" else b)
        elif seat == "couple" and title == "the couple's workbook":
            return Content(_("The couple's workbook"))
        return Content(title)

    def compose(self) -> ComposeResult:
        _ = self.tr._
        with Vertical(id="new-link", classes="dialog"):
            yield Static(self.tr.gettext(ASK), id="new-link-ask", markup=False)
            for name, title in self.seats:
                yield Button(self.title_of(name, title), id=f"seat-{name}")
            yield Static("", id="new-link-said", markup=False)
            yield Box("", id="new-link-url", disabled=True)
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Close"), id="close", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#new-link-url", Box).display = False

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        chosen = (event.button.id or "").removeprefix("seat-")
        if event.button.id == "close":
            self.dismiss(None)
        elif any(name == chosen for name, _ in self.seats):
            said = self.query_one("#new-link-said", Static)
            _ = self.tr._
            if tell_server(self.app, "new_link", seat=chosen):
                said.update(_("Asking workbook serve for a new link…"))
            else:
                said.update(_("Only a console opened through workbook serve can make links."))

    def show_link(self, title: str, url: str, seat: str = "") -> None:
        """The server's answer: the new link, also printed in its terminal."""
        said = self.tr._("The new link for $title (also printed where workbook serve runs):")
        shown = self.title_of(seat, title).plain
        self.query_one("#new-link-said", Static).update(fill(said, title=shown))
        box = self.query_one("#new-link-url", Box)
        box.value = url
        box.disabled = False
        box.display = True
        box.focus()
