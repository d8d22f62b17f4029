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

from workbook.i18n.catalog import SOURCE_TRANSLATIONS, Translations
from workbook.text import clean_line
from workbook.tui.actions import bindings
from workbook.tui.host import WorkbookModal
from workbook.tui.plain import fill
from workbook.tui.widgets.box import Box
from workbook.tui.widgets.button import Button


def typed_names(typed: str, names: tuple[str, str], tr: Translations = SOURCE_TRANSLATIONS) -> bool:
    """True when ``typed`` is the couple's two names, in either order (any case or spacing),
    joined as English or the screen's language joins two names ("Sam y Alex")."""
    said = " ".join(clean_line(typed).casefold().split())
    a, b = (" ".join(name.casefold().split()) for name in names)
    joined = {SOURCE_TRANSLATIONS._("{a} and {b}"), tr._("{a} and {b}")}
    return any(
        said == " ".join(both.casefold().split())
        for way in joined
        for both in (way.format(a=a, b=b), way.format(a=b, b=a))
    )


class DeleteCoupleScreen(WorkbookModal[bool]):
    """Dismisses with True only when the couple's names were typed and Delete chosen."""

    BINDINGS = bindings("delete-couple")

    def __init__(self, names: tuple[str, str], sessions: int, folder: Path) -> None:
        super().__init__()
        self.names = names
        self.sessions = sessions
        self.folder = folder

    def compose(self) -> ComposeResult:
        tr = self.tr
        _ = tr._
        a, b = self.names
        with Vertical(id="delete-couple", classes="dialog"):
            yield Static(fill(_("Delete $a and $b?"), a=a, b=b), classes="dialog-title")
            removes = tr.ngettext(
                "This removes every file of theirs from this computer: $count session, their "
                "agreements and their agreement document, in $folder. It cannot be undone. To "
                "keep them out of sight instead, archive them.",
                "This removes every file of theirs from this computer: $count sessions, their "
                "agreements and their agreement document, in $folder. It cannot be undone. To "
                "keep them out of sight instead, archive them.",
                self.sessions,
            )
            yield Static(fill(removes, count=str(self.sessions), folder=str(self.folder)))
            ask = fill(_("Type their names to delete them: $a and $b"), a=a, b=b)
            yield Static(ask, id="ask-names")
            # The names are not the placeholder: a box that looks filled in invites Enter.
            yield Box(id="names", max_length=200, placeholder=_("their names"))
            yield Static(id="error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Keep them"), id="keep", variant="primary")
                yield Button(_("Delete"), id="delete", variant="error", disabled=True)

    def on_mount(self) -> None:
        box = self.query_one("#names", Input)
        box.focus()

    @on(Input.Changed, "#names")
    def _typed(self, event: Input.Changed) -> None:
        typed = typed_names(event.value, self.names, self.tr)
        self.query_one("#delete", Button).disabled = not typed
        self.query_one("#error", Static).update("")

    @on(Input.Submitted, "#names")
    @on(Button.Pressed, "#delete")
    def _delete(self) -> None:
        if typed_names(self.query_one("#names", Input).value, self.names, self.tr):
            self.dismiss(True)
            return
        a, b = self.names
        keep = self.wb.keys_for("delete-couple.keep-them")
        said = self.tr._(
            "That is not “{names}”, so nothing was deleted. Type their names, or press {keys} "
            "to keep them."
        )
        names = self.tr._("{a} and {b}").format(a=a, b=b)
        self.query_one("#error", Static).update(said.format(names=names, keys=keep))

    @on(Button.Pressed, "#keep")
    def _keep(self) -> None:
        self.dismiss(False)
