"""The pack files that could not be read, with their problems: for the author, on request."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from workbook.packs.load import LoadedPack
from workbook.tui.plain import plain

# Enough to find and fix a file; `workbook validate` gives every problem.
SHOWN_PER_FILE = 8


class BrokenPacksScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape", "dismiss", "Close", id="broken-packs.dismiss")]

    def __init__(self, broken: list[LoadedPack]) -> None:
        super().__init__()
        self.broken = broken

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="broken-packs", classes="dialog"):
            yield Static("Packs that could not be read", classes="dialog-title", markup=False)
            yield Static(
                "These files are left out of the list. The other packs work as usual. "
                "To see every problem, run: workbook validate FOLDER",
                classes="legend",
                markup=False,
            )
            for loaded in self.broken:
                problems = [p.short() for p in loaded.problems[:SHOWN_PER_FILE]]
                more = len(loaded.problems) - len(problems)
                if more > 0:
                    problems.append(f"... and {more} more")
                yield Static(plain(f"{loaded.file}\n  " + "\n  ".join(problems)))
            yield Button("Close", id="close", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#close", Button).focus()

    def on_button_pressed(self) -> None:
        self.dismiss()
