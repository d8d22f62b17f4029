"""A pack that loads with warnings is listed quietly in the agenda, and its warnings are in the
details, beside the packs that could not be read."""

from __future__ import annotations

import shutil
from pathlib import Path

from textual.widgets import Static

from tests.packs_helpers import write_pack
from tests.tui.conftest import SIZE, app_for, make_couple, screen_text
from workbook.data.store import Store
from workbook.packs.library import load_library
from workbook.tui.screens.agenda import AgendaScreen
from workbook.tui.screens.broken_packs import BrokenPacksScreen

WARNED = Path(__file__).parents[1] / "fixtures" / "warning_packs" / "pack_key_under_last_step.toml"


async def test_warnings_are_listed_quietly_and_the_pack_works(tmp_path: Path, store: Store) -> None:
    write_pack(tmp_path / "packs", "fine")
    shutil.copy(WARNED, tmp_path / "packs" / "warned.toml")
    library = load_library([tmp_path / "packs"], environ={}, builtin=False)
    assert set(library.packs) == {"fine", "p"}
    make_couple(store)
    app = app_for(store, library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        text = screen_text(app)
        assert "1 pack with warnings (d: details)" in text
        assert "could not be read" not in text
        assert not app._notifications
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, BrokenPacksScreen)
        details = "\n".join(str(s.render()) for s in app.screen.query(Static))
        assert "Packs with warnings" in details
        assert "Packs that could not be read" not in details
        assert (
            "warned.toml:15:1: steps[1].minutes: warning: minutes is a key of the pack" in details
        )
