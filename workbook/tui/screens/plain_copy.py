"""A plain copy of the documents, from an encrypted workbook: the couple chooses a folder outside
the data folder, and is told the copy is not encrypted (``export.plain_copy``)."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from workbook.data.durable import SaveError
from workbook.export.plain_copy import NOT_ENCRYPTED, chosen_folder, default_folder, write_copy
from workbook.tui.actions import bindings
from workbook.tui.widgets.box import Box
from workbook.tui.widgets.button import Button

ABOUT = (
    "This workbook is encrypted: its documents open only with the passphrase. To read or "
    "print them, save a copy in a folder outside the data folder. " + NOT_ENCRYPTED
)


class PlainCopyScreen(ModalScreen[list[Path] | None]):
    """Dismisses with the files written, or None when cancelled."""

    BINDINGS = bindings("plain-copy")

    def __init__(self, root: Path, documents: list[tuple[str, str]]) -> None:
        super().__init__()
        self.root = root
        self.documents = documents

    def compose(self) -> ComposeResult:
        with Vertical(id="plain-copy", classes="dialog"):
            yield Static("A plain copy of your documents", classes="step-title", markup=False)
            yield Static(ABOUT, markup=False)
            yield Label("Folder for the copy")
            yield Box(str(default_folder()), id="folder")
            yield Static(id="copy-error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save the plain copy", id="write", variant="primary")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#folder", Input).focus()

    @on(Input.Submitted, "#folder")
    @on(Button.Pressed, "#write")
    def _write(self) -> None:
        folder = chosen_folder(self.query_one("#folder", Input).value, self.root)
        if isinstance(folder, str):
            self.query_one("#copy-error", Static).update(folder)
            return
        try:
            written = write_copy(folder, self.documents)
        except SaveError as error:
            self.query_one("#copy-error", Static).update(f"The copy was not saved: {error}")
            return
        self.dismiss(written)

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)
