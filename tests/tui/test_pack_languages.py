"""A couple's language chooses the version of each pack: the agenda lists each pack in their
language where it is written in it, says which language the others are in, and the session
walks and keeps the versions it listed."""

from __future__ import annotations

from tests.tui.conftest import SIZE, app_for, make_couple, screen_text, walk
from workbook.data.store import Store
from workbook.i18n.bidi import visual
from workbook.packs.library import Library
from workbook.tui.screens.agenda import AgendaScreen


async def test_an_arabic_couple_s_agenda_and_session(store: Store, library: Library) -> None:
    couple = make_couple(store)
    couple.language = "ar"
    store.save_couple(couple)
    app = app_for(store, library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        agenda = app.screen
        assert isinstance(agenda, AgendaScreen)
        rows = {loaded.pack.id: loaded.pack for loaded in agenda.packs if loaded.pack}
        assert rows["values"].language == "ar"
        assert rows["knowing"].language == "en"
        text = screen_text(app)
        # Laid out for the terminal (tui/bidi_lines.py): the screen holds the visual order.
        assert visual(rows["values"].title) in text
        # A pack with no Arabic version says, in Arabic, which languages it is in.
        assert visual("الإنجليزية") in text
        agenda.agenda = ["values"]
        agenda.action_start()
        await pilot.pause()
        assert walk(app).walk.packs[0].language == "ar"
    session = store.load_session(couple.id, store.session_ids(couple.id)[-1])
    kept = session.packs["values"]
    assert kept.digest == library.version("values", "ar").digest
