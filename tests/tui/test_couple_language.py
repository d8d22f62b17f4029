"""Choosing a couple's language: in the New couple form (the app's language by default) and
with F2, where a change writes their agreement document again in it; and the palette's
right-to-left setting, kept in settings.toml."""

from __future__ import annotations

from datetime import date

from textual.widgets import Input, Select

from tests.tui.conftest import SIZE, app_for, home_loaded, make_caseload
from workbook.data.store import Store
from workbook.packs.library import Library
from workbook.tui import actions
from workbook.tui.screens.care import CareScreen
from workbook.tui.screens.edit_couple import EditCoupleScreen
from workbook.tui.screens.new_couple import NewCoupleScreen


async def test_the_new_couple_form_offers_each_language_and_saves_the_one_chosen(
    store: Store, library: Library
) -> None:
    store.save_settings({"language": "ar"})
    app = app_for(store, library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, NewCoupleScreen)
        chosen = form.query_one("#language", Select)
        # The app's language first (settings.toml), among the languages with a catalog.
        assert chosen.value == "ar"
        assert [tag for _name, tag in form.languages()] == ["en", "ar", "es"]
        assert ("Español", "es") in form.languages()
        form.query_one("#name-a", Input).value = "Lucía"
        form.query_one("#name-b", Input).value = "Mateo"
        chosen.value = "es"
        await pilot.click("#continue")
        await pilot.pause()
        assert isinstance(app.screen, CareScreen)
    (couple,) = [store.load_couple(c) for c in store.couple_ids()]
    assert couple.language == "es"


async def test_f2_changes_the_couple_s_language_and_their_document_follows(
    store: Store, library: Library
) -> None:
    make_caseload(store)
    app = app_for(store, library)
    app.today = lambda: date(2026, 11, 22)
    async with app.run_test(size=SIZE) as pilot:
        home = await home_loaded(pilot)
        assert home.choose("sam-and-alex")
        await pilot.press("f2")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, EditCoupleScreen)
        # No language saved: English, the app's (no setting, no --lang, the tests' locale).
        assert form.query_one("#language", Select).value in ("en", "es", "ar")
        form.query_one("#language", Select).value = "es"
        await pilot.click("#continue")
        await home.loaded()
        await pilot.pause()
    couple = store.load_couple("sam-and-alex")
    assert couple.language == "es"
    document = store.layout.agreement_document(couple.id).read_text(encoding="utf-8")
    assert document.startswith("# Nuestros acuerdos")


async def test_the_palette_switches_who_lays_out_right_to_left_text(
    store: Store, library: Library
) -> None:
    assert "app.bidi" in {action.id for action in actions.palette("app")}
    app = app_for(store, library)
    async with app.run_test(size=SIZE) as pilot:
        before = app.bidi
        await app.run_action("toggle_bidi")
        await pilot.pause()
        assert (before, app.bidi) == ("app", "terminal")
        assert store.load_settings()["bidi"] == "terminal"
        await app.run_action("toggle_bidi")
        await pilot.pause()
    assert store.load_settings()["bidi"] == "app"
