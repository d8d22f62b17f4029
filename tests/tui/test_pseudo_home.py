"""Home in the pseudo-language, empty and with a caseload: the empty table's words, the
search bar's choices and what each choice says when it shows no couple all come from the
catalog (the session walk sees Home with one couple only, where none of these show)."""

from __future__ import annotations

from typing import Any

from textual.widgets import Input, Select

from tests.tui.conftest import SIZE, WHEN
from tests.tui.language_walk import Looker, english_runs
from workbook.data.store import Store
from workbook.i18n.catalog import PSEUDO
from workbook.packs.library import Library
from workbook.tui.app import WorkbookApp
from workbook.tui.screens.home import HomeScreen


def pseudo_app(store: Store, library: Library) -> tuple[WorkbookApp, Looker]:
    app = WorkbookApp(store, library, theme="textual-dark")
    app.app_language = PSEUDO
    return app, Looker(app, lambda line: english_runs(line, [str(store.root)]))


async def loaded_home(pilot: Any) -> HomeScreen:
    """Home, once its table shows the couples as read."""
    home = pilot.app.screen
    assert isinstance(home, HomeScreen)
    await home.loaded()
    await pilot.pause()
    return home


async def test_an_empty_home_speaks_the_pseudo_language(store: Store, library: Library) -> None:
    app, looker = pseudo_app(store, library)
    async with app.run_test(size=SIZE) as pilot:
        await loaded_home(pilot)
        text = looker.look("empty home")
    assert "couples yet" not in text
    assert looker.english == {}
    assert looker.cut == {}


async def test_homes_choices_and_what_they_find_speak_the_pseudo_language(
    store: Store, library: Library
) -> None:
    store.create_couple("Àñà", "Ɓéñ", when=WHEN)
    archived = store.create_couple("Çàŕ", "Ďàñ", when=WHEN)
    archived.archived = True
    store.save_couple(archived)
    app, looker = pseudo_app(store, library)
    async with app.run_test(size=SIZE) as pilot:
        home = await loaded_home(pilot)
        looker.look("home")
        shows = home.query_one("#show", Select)
        for value in ("due", "unfinished", "current"):
            shows.value = value
            await pilot.pause()
            assert home.view.show == value
            looker.look(f"show {value}")
        # Every choice's label, as the open list shows them.
        shows.expanded = True
        await pilot.pause()
        looker.look("choices")
        shows.expanded = False
        orders = home.query_one("#order", Select)
        orders.expanded = True
        await pilot.pause()
        looker.look("orders")
        orders.expanded = False
        home.query_one("#search", Input).value = "ẑẑẑ"
        await pilot.pause()
        assert home.couples == []
        looker.look("nothing found")
    assert looker.english == {}
    assert looker.cut == {}
