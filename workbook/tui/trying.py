"""``workbook try PACK``: walk one pack file with a sample couple, in a throwaway data folder.

An author edits the pack in one window and tries it in another: F5 reads the file again and the
walk stays on the same step. Nothing is kept: the data folder is removed when the app exits.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from textual.binding import Binding

from workbook.data.store import Store
from workbook.packs.library import Library
from workbook.tui.app import WorkbookApp

SAMPLE_COUPLE = ("Robin", "Sam")


class TryApp(WorkbookApp):
    BINDINGS = [
        Binding("f5", "reload", "Reload pack", id="try.reload"),
        Binding("ctrl+r", "reload", "Reload pack", show=False, id="try.reload"),
    ]

    def __init__(self, store: Store, file: Path, *, theme: str | None = None) -> None:
        super().__init__(store, Library(), theme=theme)
        self.file = file

    def open_first_screen(self) -> None:
        from workbook.tui.screens.trying import TryScreen

        couple = self.store.create_couple(*SAMPLE_COUPLE)
        self.push_screen(TryScreen(self.store, couple, self.file))

    async def action_reload(self) -> None:
        from workbook.tui.screens.trying import TryScreen

        for screen in self.screen_stack:
            if isinstance(screen, TryScreen):
                await screen.reload()
                return


def try_pack(file: Path) -> None:
    """Run ``workbook try`` on ``file`` in a data folder of its own, removed at exit."""
    folder = Path(tempfile.mkdtemp(prefix="workbook-try-"))
    store = Store(folder)
    try:
        TryApp(store, file).run()
    finally:
        store.close()
        shutil.rmtree(folder, ignore_errors=True)
