"""The dialog asked before leaving while saving fails speaks the couple's language (issue 25):
how many answers changed, in Spanish with its plural, and none of the app's English words."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.tui.conftest import SIZE, WHEN, answer, app_for
from tests.tui.language_walk import without_literals
from tests.tui.test_language_walks import english_only, words
from tests.tui.test_safety import _disk_full, modes
from tests.tui.test_walk import start
from workbook.data.store import Store
from workbook.packs.library import Library
from workbook.tui.screens.unsaved import UnsavedScreen

__all__ = ["modes"]


async def test_the_unsaved_dialog_says_what_changed_in_spanish(
    store: Store, modes: Library, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    couple = store.create_couple("Sam", "Alex", when=WHEN, language="es")
    couple.care_note_seen = True
    store.save_couple(couple)
    app = app_for(store, modes)
    async with app.run_test(size=SIZE) as pilot:
        await start(app, store, pilot)
        await pilot.pause()
        _disk_full(store, monkeypatch)
        await answer(pilot, "palabras que no deben perderse")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedScreen)
        shown = " ".join(str(widget.render()) for widget in app.screen.query("#unsaved Static"))
    assert "1 respuesta cambiada desde las " in shown
    mine = without_literals(shown, ["No space left on device", "workbook"])
    assert words(mine) & english_only("es") == set()
