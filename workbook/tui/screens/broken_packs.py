"""The pack files that could not be read, with their problems, and the packs that load with
warnings: for the author, on request."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from workbook.i18n.catalog import Translations
from workbook.packs.load import LoadedPack
from workbook.packs.problems import Problem
from workbook.tui.actions import bindings
from workbook.tui.host import tr_of
from workbook.tui.plain import plain
from workbook.tui.widgets.button import Button

# Enough to find and fix a file; `workbook validate` gives every problem.
SHOWN_PER_FILE = 8


class BrokenPacksScreen(ModalScreen[None]):
    BINDINGS = bindings("broken-packs")

    def __init__(self, broken: list[LoadedPack], warned: list[LoadedPack] | None = None) -> None:
        super().__init__()
        self.broken = broken
        self.warned = warned or []

    def compose(self) -> ComposeResult:
        tr = tr_of(self)
        _ = tr._
        with VerticalScroll(id="broken-packs", classes="dialog"):
            if self.broken:
                title = _("Packs that could not be read")
                yield Static(title, classes="dialog-title", markup=False)
                yield Static(
                    _(
                        "These files are left out of the list. The other packs work as usual. "
                        "To see every problem, run: workbook validate FOLDER"
                    ),
                    classes="legend",
                    markup=False,
                )
                for loaded in self.broken:
                    yield _listed(loaded, loaded.problems, tr)
            if self.warned:
                yield Static(_("Packs with warnings"), classes="dialog-title", markup=False)
                yield Static(
                    _("These packs work, but something in them is surely not what was meant."),
                    classes="legend",
                    markup=False,
                )
                for loaded in self.warned:
                    yield _listed(loaded, loaded.warnings, tr)
            yield Button(_("Close"), id="close", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#close", Button).focus()

    def on_button_pressed(self) -> None:
        self.dismiss()


def _listed(loaded: LoadedPack, problems: list[Problem], tr: Translations) -> Static:
    # The problems themselves are validate's words, which stay English (docs/translating.md).
    lines = [p.short() for p in problems[:SHOWN_PER_FILE]]
    more = len(problems) - len(lines)
    if more > 0:
        lines.append(tr._("... and {count} more").format(count=more))
    return Static(plain(f"{loaded.file}\n  " + "\n  ".join(lines)))
