"""A couple whose couple.toml is damaged, on a Spanish Home (issue 25): why it cannot be read
is said in Spanish, on the line under the table and when it is opened, with where the TOML
parser stopped but none of its English words."""

from __future__ import annotations

from textual.widgets import Static

from tests.test_said_data import english_left
from tests.tui.conftest import SIZE, app_for, home_loaded, make_couple, said
from workbook.data.store import Store
from workbook.packs.library import Library

ENGLISH = "line 1, column 5: not valid TOML: Invalid value"


async def test_a_spanish_home_says_why_a_couple_cannot_be_read_in_spanish(
    store: Store, library: Library
) -> None:
    store.save_settings({"language": "es"})
    make_couple(store)
    path = store.layout.couple_file("dana")
    path.parent.mkdir(parents=True)
    path.write_text("a = \n", encoding="utf-8")
    app = app_for(store, library)
    async with app.run_test(size=SIZE) as pilot:
        home = await home_loaded(pilot)
        heard = said(app)
        assert home.choose("dana")
        await pilot.pause()
        line = str(home.query_one("#detail", Static).content)
        assert "no es TOML válido (línea 1, columna 5)" in line
        assert english_left(line, ENGLISH) == []
        assert "Invalid" not in line
        assert await home.chosen() is None
        (told,) = heard
    assert told == f"{path}: no es TOML válido (línea 1, columna 5)"
