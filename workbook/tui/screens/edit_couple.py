"""Editing a couple: their names, facilitator and language (the new couple form, filled in), and the
way to the archive, to deleting them, and to clearing their care flag while it is up.

The couple keeps its id and folder when the names change, so commands and scripts that name
it keep working, unless "Rename their folder too" is ticked: then the folder (and the id that
commands use) follows the new names, so a typo does not stay in every path.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Checkbox

from workbook.data.models import Couple
from workbook.i18n.catalog import N_
from workbook.tui.host import tr_of
from workbook.tui.screens.new_couple import CoupleForm
from workbook.tui.widgets.button import Button


@dataclass(frozen=True)
class CoupleChange:
    """What was chosen: new names (``save``), the archive, or deleting the couple."""

    what: Literal["save", "archive", "unarchive", "delete", "clear-care"]
    names: tuple[str, str] = ("", "")
    facilitator: str = ""
    # The couple's folder takes the name the new names make (plain folders only).
    folder: bool = False
    # The language of their screens and documents (a tag the workbook has a catalog for).
    language: str | None = None


class EditCoupleScreen(CoupleForm[CoupleChange]):
    """Dismisses with a ``CoupleChange``, or None when cancelled (Esc)."""

    QUESTION = N_("The couple's names, facilitator and language")

    def __init__(self, couple: Couple, encrypted: bool = False) -> None:
        super().__init__(couple.names, couple.facilitator or "", couple.language)
        # In an encrypted folder a couple's folder name says nothing: there is none to change.
        self.encrypted = encrypted
        self.archived = bool(couple.archived)
        self.care = couple.care is not None and couple.care.up

    def buttons(self) -> ComposeResult:
        tr = tr_of(self)
        _ = tr._
        if not self.encrypted:
            yield Checkbox(
                Content(_("Rename their folder too (not while a session is open)")),
                id="rename-folder",
                compact=True,
            )
        with Horizontal(classes="form-buttons"):
            yield Button(_("Save"), id="continue", variant="primary")
            # A short label: with the care flag's button the row must fit 80 cells, longer
            # languages included. TRANSLATORS: buttons; "Archive" is a verb here.
            archive = tr.pgettext("archive", "Bring back") if self.archived else _("Archive")
            yield Button(archive, id="archive")
            yield Button(_("Delete…"), id="delete", variant="error")
            if self.care:
                yield Button(_("Clear the care flag…"), id="clear-care")

    def finished(self, a: str, b: str, facilitator: str, language: str) -> CoupleChange:
        folder = bool(self.query(Checkbox)) and self.query_one("#rename-folder", Checkbox).value
        return CoupleChange("save", (a, b), facilitator, folder, language)

    @on(Button.Pressed, "#archive")
    def _archive(self) -> None:
        self.dismiss(CoupleChange("unarchive" if self.archived else "archive"))

    @on(Button.Pressed, "#delete")
    def _delete(self) -> None:
        self.dismiss(CoupleChange("delete"))

    @on(Button.Pressed, "#clear-care")
    def _clear_care(self) -> None:
        self.dismiss(CoupleChange("clear-care"))
