"""Deleting a couple asks for their names to be typed, so it never happens by a slip of a key.

Anything but the couple's two names ("Sam and Alex", in either order, any case) deletes
nothing; Esc and "Keep them" (focused after the box) keep them.
"""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Static

from workbook.text import clean_line
from workbook.tui.actions import bindings
from workbook.tui.host import WorkbookModal
from workbook.tui.plain import fill
from workbook.tui.widgets.box import Box
from workbook.tui.widgets.button import Button


def typed_names(typed: str, names: tuple[str, str]) -> bool:
    """True when ``typed`` is the couple's two names joined by "and", in either order."""
    said = " ".join(clean_line(typed).casefold().split())
    a, b = (" ".join(name.casefold().split()) for name in names)
    return said in (f"{a} and {b}", f"{b} and {a}")


class DeleteCoupleScreen(WorkbookModal[bool]):
    """Dismisses with True only when the couple's names were typed and Delete chosen."""

    BINDINGS = bindings("delete-couple")

    def __init__(self, names: tuple[str, str], sessions: int, folder: Path) -> None:
        super().__init__()
        self.names = names
        self.sessions = sessions
        self.folder = folder

    def compose(self) -> ComposeResult:
        a, b = self.names
        plural = "s" if self.sessions != 1 else ""
        with Vertical(id="delete-couple", classes="dialog"):
            yield Static(fill("Delete $a and $b?", a=a, b=b), classes="dialog-title")
            yield Static(
                fill(
                    f"This removes every file of theirs from this computer: {self.sessions} "
                    f"session{plural}, their agreements and their agreement document, in "
                    "$folder. It cannot be undone. To keep them out of sight instead, "
                    "archive them.",
                    folder=str(self.folder),
                )
            )
            yield Static(
                fill("Type their names to delete them: $a and $b", a=a, b=b), id="ask-names"
            )
            # The names are not the placeholder: a box that looks filled in invites Enter.
            yield Box(id="names", max_length=200, placeholder="their names")
            yield Static(id="error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Keep them", id="keep", variant="primary")
                yield Button("Delete", id="delete", variant="error", disabled=True)

    def on_mount(self) -> None:
        box = self.query_one("#names", Input)
        box.focus()

    @on(Input.Changed, "#names")
    def _typed(self, event: Input.Changed) -> None:
        self.query_one("#delete", Button).disabled = not typed_names(event.value, self.names)
        self.query_one("#error", Static).update("")

    @on(Input.Submitted, "#names")
    @on(Button.Pressed, "#delete")
    def _delete(self) -> None:
        if typed_names(self.query_one("#names", Input).value, self.names):
            self.dismiss(True)
            return
        a, b = self.names
        keep = self.wb.keys_for("delete-couple.keep-them")
        self.query_one("#error", Static).update(
            f"That is not “{a} and {b}”, so nothing was deleted. Type their names, or press "
            f"{keep} to keep them."
        )

    @on(Button.Pressed, "#keep")
    def _keep(self) -> None:
        self.dismiss(False)
