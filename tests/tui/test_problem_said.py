"""A couple whose agreements file is damaged, on a Spanish Home (issue 25): the problem beside
the couple is said in Spanish, read from the files and again from index.toml."""

from __future__ import annotations

from textual.widgets import Static

from tests.test_said_reasons import _english_left
from tests.tui.conftest import SIZE, app_for, home_loaded, make_couple
from workbook.data.store import Store
from workbook.packs.library import Library

SAID = "⚠ no se puede leer agreements.toml: agreements debe ser una lista de tablas"


async def test_a_spanish_home_says_a_couple_s_problem_in_spanish(
    store: Store, library: Library
) -> None:
    store.save_settings({"language": "es"})
    couple = make_couple(store)
    store.layout.agreements_file(couple.id).write_text("format = 1\nagreements = 3\n")
    for _time in ("from the files", "from index.toml"):
        app = app_for(store, library)
        async with app.run_test(size=SIZE) as pilot:
            home = await home_loaded(pilot)
            assert home.choose(couple.id)
            await pilot.pause()
            line = str(home.query_one("#detail", Static).content)
            assert SAID in line, line
            assert _english_left(line.split("⚠", 1)[1], "es") == []
