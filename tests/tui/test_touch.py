"""Every action by a tap (issue 26, small screens): the agenda's order and the chores task
table have buttons a finger can press, at 40 columns, and what they do is saved."""

from __future__ import annotations

from textual.widgets import OptionList

from tests.tui.conftest import app_for, make_couple, until, walk
from workbook.data.store import Store
from workbook.packs.library import Library
from workbook.tui.screens.agenda import AgendaScreen
from workbook.tui.screens.walk import WalkScreen

NARROW = (40, 24)


async def test_the_agenda_is_chosen_and_ordered_by_taps(store: Store, library: Library) -> None:
    couple = make_couple(store)
    app = app_for(store, library)
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("s")
        await until(pilot, lambda: isinstance(app.screen, AgendaScreen))
        agenda = app.screen
        assert isinstance(agenda, AgendaScreen)
        ids = [loaded.pack.id for loaded in agenda.packs if loaded.pack]
        listing = agenda.query_one("#packs", OptionList)
        # A tap on a pack adds it; two packs, the second tapped then moved earlier.
        for index in (1, 2):
            assert await pilot.click(OptionList, offset=(4, 1 + _line_of(listing, index)))
            await pilot.pause()
        assert agenda.agenda == [ids[1], ids[2]]
        assert await pilot.click("#earlier")
        await pilot.pause()
        assert agenda.agenda == [ids[2], ids[1]]
        assert await pilot.click("#later")
        assert await pilot.click("#later")  # already last: stays
        await pilot.pause()
        assert agenda.agenda == [ids[1], ids[2]]
        assert await pilot.click("#start")
        await until(pilot, lambda: isinstance(app.screen, WalkScreen))
        walk(app)
    session = store.load_session(couple.id, store.session_ids(couple.id)[-1])
    assert session.agenda == [ids[1], ids[2]]


def _line_of(listing: OptionList, index: int) -> int:
    """The line of option ``index`` in the list as drawn (options wrap at 40 columns)."""
    lines = listing._lines  # the list's own layout: (option index, line in option)
    at = next(n for n, (option, _) in enumerate(lines) if option == index)
    return at - round(listing.scroll_y)
