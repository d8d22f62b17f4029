"""A couple's language chooses the version of each pack: the agenda lists each pack in their
language where it is written in it, says which language the others are in, and the session
walks and keeps the versions it listed."""

from __future__ import annotations

from textual.widgets import Static
from textual.widgets._footer import FooterKey

from tests.tui.conftest import SIZE, app_for, make_couple, screen_text, walk
from workbook.data.models import Couple
from workbook.data.store import Store
from workbook.i18n.bidi import visual
from workbook.packs.library import Library
from workbook.tui.app import WorkbookApp
from workbook.tui.screens.agenda import AgendaScreen


def arabic_couple(store: Store, library: Library) -> tuple[Couple, WorkbookApp]:
    """A couple whose language is Arabic, and the app over their folder."""
    couple = make_couple(store)
    couple.language = "ar"
    store.save_couple(couple)
    return couple, app_for(store, library)


async def test_an_arabic_couple_s_agenda_and_session(store: Store, library: Library) -> None:
    couple, app = arabic_couple(store, library)
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


async def test_an_english_pack_on_an_arabic_agenda_reads_right_to_left(
    store: Store, library: Library
) -> None:
    # The row is the app's sentence: its English title comes first in it, yet on an Arabic
    # screen the row reads right to left (base direction right to left, tui/bidi_lines.py).
    _couple, app = arabic_couple(store, library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        agenda = app.screen
        assert isinstance(agenda, AgendaScreen)
        # The first pack with no Arabic version, seen without scrolling.
        english = next(
            loaded for loaded in agenda.packs if loaded.pack and loaded.pack.language == "en"
        )
        assert english.pack is not None
        row = agenda._row(english).plain.rstrip()
        assert row.split()[2] == english.pack.title.split()[0]
        assert visual(row, rtl=True) != visual(row)
        rows = screen_text(app).splitlines()
        shown = next(line for line in rows if visual(row, rtl=True) in line)
        # Set against the right edge of the list, where the row starts.
        listing = agenda.query_one("#packs")
        assert shown.index(visual(row, rtl=True)) + len(visual(row, rtl=True)) >= (
            listing.content_region.right - 3
        )
        # A footer key's name stays whole, on the right of what it does.
        quit_key = next(key for key in agenda.query(FooterKey) if key.key_display == "^q")
        footer = rows[quit_key.region.y]
        assert footer.index("^q") > footer.index(visual(quit_key.description, rtl=True))
        # A pack's own text keeps the direction of its first strong letter.
        agenda.query_one("#summary", Static).update("Lia said: نعم")
        await pilot.pause()
        assert visual("Lia said: نعم", rtl=False) in screen_text(app)
