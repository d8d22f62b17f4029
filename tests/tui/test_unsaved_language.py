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


# What the dialog says for each count: the title, the sentence's "them" and the button.
FORMS = {
    "es": {
        1: ("Su respuesta no está guardada", "no pudo guardarla", "Salir y perderla"),
        **dict.fromkeys(
            (0, 2, 3, 11, 100),
            ("Sus respuestas no están guardadas", "no pudo guardarlas", "Salir y perderlas"),
        ),
    },
    "ar": {
        1: ("إجابتكما غير محفوظة", "من حفظها", "الخروج وفقدانها"),
        2: ("إجابتاكما غير محفوظتين", "من حفظهما", "الخروج وفقدانهما"),
        **dict.fromkeys((0, 3, 11, 100), ("إجاباتكما غير محفوظة", "من حفظها", "الخروج وفقدانها")),
    },
}


@pytest.mark.parametrize("language", sorted(FORMS))
async def test_the_unsaved_dialog_reads_right_for_each_count(
    language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from textual.app import App
    from textual.widgets import Button

    from workbook.data.durable import SaveError, reason_words
    from workbook.i18n.catalog import translations
    from workbook.service.recorder import Unsaved
    from workbook.tui.screens import unsaved

    tr = translations(language)
    monkeypatch.setattr(unsaved, "tr_of", lambda node: tr)
    full = OSError(28, "No space left on device")
    reason = SaveError(Path("/d/s.toml"), reason_words(full)).why
    app: App[None] = App()
    async with app.run_test(size=SIZE) as pilot:
        for count, (title, them, lose) in FORMS[language].items():
            await app.push_screen(UnsavedScreen(Unsaved(count, WHEN, reason), "Quit"))
            await pilot.pause()
            shown = [str(widget.render()) for widget in app.screen.query("#unsaved Static")]
            assert shown[0] == title, count
            assert them in shown[1], count
            # The disk's problem in the language too, not the OS's English.
            assert "No space" not in shown[1]
            assert str(app.screen.query_one("#lose", Button).label) == lose
            mine = without_literals(" ".join(shown), ["workbook"])
            assert words(mine) & english_only(language) == set()
            app.pop_screen()
