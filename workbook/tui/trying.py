"""``workbook try PACK``: walk one pack file with a sample couple, in a throwaway data folder.

An author edits the pack in one window and tries it in another: saving the file reloads it (the
app looks at the file's size and modification time twice a second), F5 reloads it at once, and
the walk stays on the same step. The palette goes to any step and any of its phases, so a reveal
can be checked without answering everything. Nothing is kept: the data folder is removed when
the app exits.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import tempfile
from pathlib import Path

from workbook.data.store import Store
from workbook.packs.library import Library
from workbook.service import caseload
from workbook.tui.actions import bindings
from workbook.tui.app import WorkbookApp
from workbook.tui.try_places import TryPlaces

SAMPLE_COUPLE = ("Robin", "Sam")


class TryApp(WorkbookApp):
    COMMANDS = WorkbookApp.COMMANDS | {TryPlaces}
    BINDINGS = bindings("try")
    # How often the file is looked at, in seconds: a stat, nothing more.
    WATCH_EVERY = 0.5

    def __init__(self, store: Store, file: Path, *, theme: str | None = None) -> None:
        super().__init__(store, Library(), theme=theme)
        self.file = file
        # Set once each reload is done, the walk shown again: what a test waits on.
        self.reloaded = asyncio.Event()
        self._seen: tuple[int, int] | None = None
        self._reloading = False

    def home_first(self) -> bool:
        return False

    def open_first_screen(self) -> None:
        from workbook.tui.screens.trying import TryScreen

        couple = caseload.add(self.store, *SAMPLE_COUPLE)
        self._seen = self._look()
        self.push_screen(TryScreen(self.store, couple, self.file))
        self.set_interval(self.WATCH_EVERY, self._watch)

    def _look(self) -> tuple[int, int] | None:
        """The file's modification time and size, or None while it cannot be read (an editor
        may replace it as it saves)."""
        try:
            found = os.stat(self.file)
        except OSError:
            return None
        return found.st_mtime_ns, found.st_size

    async def _watch(self) -> None:
        now = self._look()
        if now is not None and now != self._seen and not self._reloading:
            await self.action_reload()

    async def action_reload(self) -> None:
        from workbook.tui.screens.trying import TryScreen

        self._reloading = True
        try:
            # Looked at before reading, so a save while reading is read again.
            self._seen = self._look()
            for screen in self.screen_stack:
                if isinstance(screen, TryScreen):
                    await screen.reload()
                    break
        finally:
            self._reloading = False
        self.reloaded.set()


def try_pack(file: Path) -> None:
    """Run ``workbook try`` on ``file`` in a data folder of its own, removed at exit."""
    folder = Path(tempfile.mkdtemp(prefix="workbook-try-"))
    store = Store(folder)
    try:
        TryApp(store, file).run()
    finally:
        store.close()
        shutil.rmtree(folder, ignore_errors=True)
