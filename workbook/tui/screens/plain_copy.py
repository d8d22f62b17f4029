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
from workbook.i18n.catalog import N_
from workbook.i18n.said import said_in
from workbook.tui.actions import bindings
from workbook.tui.host import tr_of
from workbook.tui.widgets.box import Box
from workbook.tui.widgets.button import Button

ABOUT = N_(
    "This workbook is encrypted: its documents open only with the passphrase. To read or "
    "print them, save a copy in a folder outside the data folder. {not_encrypted}"
)


class PlainCopyScreen(ModalScreen[list[Path] | None]):
    """Dismisses with the files written, or None when cancelled."""

    BINDINGS = bindings("plain-copy")

    def __init__(self, root: Path, documents: list[tuple[str, str]]) -> None:
        super().__init__()
        self.root = root
        self.documents = documents

    def compose(self) -> ComposeResult:
        tr = tr_of(self)
        _ = tr._
        about = tr.gettext(ABOUT).format(not_encrypted=tr.gettext(NOT_ENCRYPTED))
        with Vertical(id="plain-copy", classes="dialog"):
            yield Static(_("A plain copy of your documents"), classes="step-title", markup=False)
            yield Static(about, markup=False)
            yield Label(_("Folder for the copy"))
            yield Box(str(default_folder()), id="folder")
            yield Static(id="copy-error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Save the plain copy"), id="write", variant="primary")
                yield Button(_("Cancel"), id="cancel")

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
            tr = tr_of(self)
            said = tr._("The copy was not saved: {problem}").format(problem=said_in(error, tr))
            self.query_one("#copy-error", Static).update(said)
            return
        self.dismiss(written)

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)
