"""A Spanish couple's session saved by a newer workbook opens read-only, and says why in
Spanish (issue 25): the toast and the walk's top line hold none of the app's English words."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from tests.tui.conftest import SIZE, WHEN, app_for, said, walk_drawn
from tests.tui.language_walk import without_literals
from tests.tui.test_language_walks import NAMES, english_only, words
from workbook.data.store import Store
from workbook.packs.library import Library


async def test_a_read_only_session_says_why_in_the_couple_s_language(
    store: Store, library: Library, data_dir: Path
) -> None:
    couple = store.create_couple(*NAMES["es"][:2], when=WHEN, language="es")
    couple.care_note_seen = True
    store.save_couple(couple)
    session = store.new_session(couple.id, ["values"], when=WHEN)
    store.close()
    path = store.layout.session_file(couple.id, session.id)
    path.write_text(path.read_text().replace("format = 1\n", "format = 7\n", 1))
    app = app_for(Store(data_dir), library)
    heard = said(app)
    async with app.run_test(size=SIZE) as pilot:
        app.resume(app.store.load_couple(couple.id))
        screen = await walk_drawn(pilot)
        assert screen.read_only is not None
        top = str(screen.query_one("#progress", Static).render())
        # The pack's own title is the pack's words, not the app's.
        title = screen.walk.packs[0].title
    told = [line for line in heard if f"{session.id}.toml" in line]
    assert told == [
        f"{session.id}.toml lo escribió una versión más reciente de workbook (formato 7); se "
        "muestra en solo lectura para que no se pierda nada de lo que contiene. Actualiza "
        "workbook para cambiarlo."
    ]
    assert "solo lectura" in top
    shown = without_literals(" ".join([*told, top]), [f"{session.id}.toml", title])
    assert words(shown) & english_only("es") == set()
