"""Trying a pack file: its problems while it is broken, else the walk of it, at the same step.

The screen stays at the bottom of ``workbook try``. Each reload (on save, or F5) reads the file
again: a pack that loads is walked on top of this screen, from the step the author was on, or the
step now in its place if it was renamed or deleted; a broken one takes the walk away and lists
its problems here until it loads again. Warnings are said as the pack is reloaded, and listed here.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from workbook.data.models import Couple
from workbook.data.store import Store
from workbook.logic.trial import follow
from workbook.packs.load import LoadedPack, load_pack
from workbook.packs.models import Pack
from workbook.tui.actions import bindings
from workbook.tui.host import WorkbookScreen
from workbook.tui.plain import line, plain
from workbook.tui.widgets.footer import KeysFooter


class TryScreen(WorkbookScreen[None]):
    BINDINGS = bindings("try-screen")

    def __init__(self, store: Store, couple: Couple, file: Path) -> None:
        super().__init__()
        self.store = store
        self.couple = couple
        self.file = file
        self.session = store.new_session(couple.id, [])
        # The pack as last loaded without problems, and what its loading found.
        self.pack: Pack | None = None
        self.loaded: LoadedPack | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="trying"):
            trying = self.tr._("Trying {file}").format(file=self.file)
            yield Static(line(trying), classes="step-title")
            yield Static(id="try-status", classes="legend", markup=False)
            yield VerticalScroll(id="try-problems")
        yield KeysFooter()

    async def on_mount(self) -> None:
        await self.reload()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "walk":
            return self.loaded is not None and self.loaded.ok
        return True

    async def reload(self) -> None:
        """Read the pack again, and walk it from the same step, or show why it cannot be."""
        loaded = load_pack(self.file)
        self.loaded = loaded
        self.refresh_bindings()
        if loaded.pack is None:
            await self._show_problems(loaded)
            await self._back_here()
            return
        follow(self.session, self.pack, loaded.pack, loaded.digest)
        self.pack = loaded.pack
        await self._show_problems(loaded)
        tr = self.tr
        said = tr._("Reloaded {file}.").format(file=self.file.name)
        if loaded.warnings:
            count = len(loaded.warnings)
            warned = tr.ngettext(
                "{said} {count} warning: {first}", "{said} {count} warnings: {first}", count
            )
            said = warned.format(said=said, count=count, first=loaded.warnings[0].short())
        self.notify(said, markup=False)
        await self.action_walk()

    async def action_walk(self) -> None:
        from workbook.tui.screens.walk import WalkScreen

        if self.pack is None or self.loaded is None or not self.loaded.ok:
            return
        walk = WalkScreen(self.store, self.couple, self.session, [self.pack])
        if isinstance(self.app.screen, WalkScreen):
            # The walk saves as it goes, and once more as it leaves.
            await self.app.switch_screen(walk)
        else:
            await self._back_here()
            await self.app.push_screen(walk)

    async def _back_here(self) -> None:
        while self.app.screen is not self and len(self.app.screen_stack) > 1:
            await self.app.pop_screen()

    async def _show_problems(self, loaded: LoadedPack) -> None:
        status = self.query_one("#try-status", Static)
        listing = self.query_one("#try-problems", VerticalScroll)
        await listing.remove_children()
        count = len(loaded.problems)
        tr = self.tr
        if not count:
            walk, reload = self.wb.keys_for("try-screen.walk"), self.wb.keys_for("try.reload")
            said = tr._(
                "No problems. {walk} walks the pack; saving it in your editor (or {reload}) "
                "reads it again, and the walk stays on the same step."
            )
            status.update(said.format(walk=walk, reload=reload))
        else:
            said = tr.ngettext(
                "{count} problem: fix it in your editor and save; the pack is read again by "
                "itself.",
                "{count} problems: fix them in your editor and save; the pack is read again by "
                "itself.",
                count,
            )
            status.update(said.format(count=count))
        await listing.mount_all(
            Static(plain(problem.short()), classes="broken")
            for problem in [*loaded.problems, *loaded.warnings]
        )
