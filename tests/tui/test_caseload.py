"""Home as a caseload: search, filters, sorting, editing, the archive, and deleting a couple
only after their names are typed."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from textual.widgets import Button, Input, Select

from tests.tui.conftest import SIZE, app_for, home_loaded, make_caseload, screen_text
from workbook import tomlio
from workbook.data.store import Store
from workbook.packs.library import Library
from workbook.tui.app import WorkbookApp
from workbook.tui.screens.delete_couple import DeleteCoupleScreen
from workbook.tui.screens.edit_couple import EditCoupleScreen
from workbook.tui.screens.home import HomeScreen
from workbook.tui.widgets.case_table import CaseTable


@pytest.fixture
def app(store: Store, library: Library) -> WorkbookApp:
    make_caseload(store)
    made = app_for(store, library)
    made.today = lambda: date(2026, 11, 22)
    return made


def shown(home: HomeScreen) -> list[str]:
    """The first names of the couples in the table, in its order."""
    return [couple.names[0] for couple in home.couples]


async def test_typing_a_name_searches_at_once_and_esc_clears(app: WorkbookApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        home = await home_loaded(pilot)
        assert shown(home) == ["Ana", "Jo", "Robin", "Sam"]
        assert isinstance(app.focused, CaseTable)
        # On the table, a name goes to the search (j is not one of Home's keys)...
        await pilot.press("j", "o")
        assert home.query_one("#search", Input).value == "jo"
        assert shown(home) == ["Jo"]
        # ... each word anywhere in the two names; and / starts a search too.
        await pilot.press("escape", "slash", *"lee ro")
        assert shown(home) == ["Robin"]
        await pilot.press("escape")
        assert home.query_one("#search", Input).value == ""
        assert shown(home) == ["Ana", "Jo", "Robin", "Sam"]
        assert isinstance(app.focused, CaseTable)
        await pilot.press("slash", *"nobody")
        assert "No couple's names match “nobody”" in screen_text(app)
        # Enter on a search goes to the table: Home's keys act on the couple found.
        await pilot.press(*["backspace"] * 6, "k", "i", "m", "enter", "r")
        await pilot.pause()
        assert type(app.screen).__name__ == "WalkScreen"
        assert app.screen.couple.id == "jo-and-kim"  # type: ignore[attr-defined]


async def test_filters_and_sorting(app: WorkbookApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        home = await home_loaded(pilot)
        show, order = home.query_one("#show", Select), home.query_one("#order", Select)
        for value, expected in (
            ("due", ["Sam"]),
            ("unfinished", ["Jo"]),
            ("archived", ["Zoë"]),
            ("current", ["Ana", "Jo", "Robin", "Sam"]),
        ):
            show.value = value
            await pilot.pause()
            assert shown(home) == expected, value
        order.value = "review"
        await pilot.pause()
        assert shown(home) == ["Sam", "Jo", "Ana", "Robin"]
        assert "due 2026-11-20" in screen_text(app)
        order.value = "last"
        await pilot.pause()
        assert shown(home) == ["Jo", "Sam", "Ana", "Robin"]
        # The search works within the filter and the order.
        await pilot.press("slash", "a")
        assert shown(home) == ["Sam", "Ana"]
        # A click on a row (under the border and the header) highlights it.
        await pilot.click("#couples", offset=(4, 3))
        assert home.query_one("#couples", CaseTable).cursor_key == "ana-and-ben"


async def test_edit_names_and_facilitator(app: WorkbookApp, store: Store) -> None:
    async with app.run_test(size=SIZE) as pilot:
        home = await home_loaded(pilot)
        assert home.choose("sam-and-alex")
        await pilot.press("f2")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, EditCoupleScreen)
        assert form.query_one("#facilitator", Input).value == "Dr. Lee"
        form.query_one("#name-b", Input).value = "Sam"
        await pilot.click("#continue")
        assert "two different names" in screen_text(app)
        form.query_one("#name-b", Input).value = "Alexandra"
        form.query_one("#facilitator", Input).value = "Dr. Okafor"
        await pilot.click("#continue")
        await home.loaded()
        await pilot.pause()
        assert app.screen is home
        assert "Sam and Alexandra" in screen_text(app)
    couple = store.load_couple("sam-and-alex")
    assert (couple.names, couple.facilitator) == (("Sam", "Alexandra"), "Dr. Okafor")
    # The agreement document names them: written again with the new names.
    assert "Alexandra" in store.layout.agreement_document(couple.id).read_text()


async def test_archive_and_bring_back(app: WorkbookApp, store: Store) -> None:
    async with app.run_test(size=SIZE) as pilot:
        home = await home_loaded(pilot)
        assert home.choose("jo-and-kim")
        await pilot.press("f2")
        await pilot.pause()
        await pilot.click("#archive")
        await home.loaded()
        await pilot.pause()
        assert "Jo" not in shown(home)
        assert store.load_couple("jo-and-kim").archived is True
        home.query_one("#show", Select).value = "archived"
        await pilot.pause()
        assert shown(home) == ["Jo", "Zoë"]
        assert home.choose("jo-and-kim")
        await pilot.press("f2")
        await pilot.pause()
        assert str(app.screen.query_one("#archive", Button).label) == "Bring back"
        await pilot.click("#archive")
        await home.loaded()
        await pilot.pause()
        assert shown(home) == ["Zoë"]
    assert store.load_couple("jo-and-kim").archived is False


async def test_delete_only_after_the_names_are_typed(app: WorkbookApp, store: Store) -> None:
    folder = store.layout.couple_folder("sam-and-alex")
    async with app.run_test(size=SIZE) as pilot:
        home = await home_loaded(pilot)
        assert home.choose("sam-and-alex")

        async def confirm(typed: str, *keys: str) -> Any:
            await pilot.press("delete")
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, DeleteCoupleScreen)
            dialog.query_one("#names", Input).value = typed
            await pilot.pause()
            await pilot.press(*keys)
            await pilot.pause()
            return dialog

        dialog = await confirm("Sam and Alexa", "enter")
        assert dialog.query_one("#delete", Button).disabled
        assert "nothing was deleted" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert folder.is_dir()
        # The names, in either order and any case, and nothing else.
        await confirm("  alex AND sam ", "enter")
        await home.loaded()
        await pilot.pause()
        assert app.screen is home
        assert shown(home) == ["Ana", "Jo", "Robin"]
    assert not folder.exists()
    assert not any(p.name.startswith(".removed") for p in store.layout.couples.iterdir())
    index = tomlio.loads((store.root / "index.toml").read_text())
    assert "sam-and-alex" not in index["couples"]
    assert "Alex" not in (store.root / "index.toml").read_text()


async def test_one_couple_keeps_home_calm(store: Store, library: Library) -> None:
    store.create_couple("Sam", "Alex")
    app = app_for(store, library)
    async with app.run_test(size=SIZE) as pilot:
        home = await home_loaded(pilot)
        assert not home.query_one("#caseload-bar").display
        assert "Guided conversations" in screen_text(app)
        # No search box to type into: the keys stay Home's, and other letters do nothing.
        await pilot.press("j")
        assert not home.query("#search")
        assert type(app.screen) is HomeScreen
        # A second couple makes a caseload: the search comes, and a name typed goes to it.
        store.create_couple("Jo", "Kim")
        home.refresh_couples()
        await home.loaded()
        await pilot.press("j")
        assert home.query_one("#caseload-bar").display
        assert home.query_one("#search", Input).value == "j"
