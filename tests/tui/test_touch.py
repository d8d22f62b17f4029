"""Every action by a tap (issue 26, small screens): the agenda's order and the chores task
table have buttons a finger can press, at 40 columns, and what they do is saved."""

from __future__ import annotations

from typing import Any

from textual.widget import Widget
from textual.widgets import Input, OptionList

from tests.tui.conftest import app_for, make_couple, until, walk
from tests.tui.test_chores_table import at_the_table, saved_tasks
from workbook.data.store import Store
from workbook.packs.library import Library
from workbook.tui.screens.agenda import AgendaScreen
from workbook.tui.screens.confirm import ConfirmScreen
from workbook.tui.screens.walk import WalkScreen
from workbook.tui.steps.chores_table import ChoresList, TaskRow, WhoCell

NARROW = (40, 24)


def on_top(app: Any) -> object:
    return app.screen


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
            # Scrolled to it first, as a thumb would (the list is short on a phone).
            listing.scroll_to(y=_line_of(listing, index), animate=False, immediate=True)
            await pilot.pause()
            shown_at = _line_of(listing, index) - round(listing.scroll_y)
            assert await pilot.click(OptionList, offset=(4, 1 + shown_at))
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
    """The line of option ``index`` in the whole list (options wrap at 40 columns)."""
    lines = listing._lines  # the list's own layout: (option index, line in option)
    return next(n for n, (option, _) in enumerate(lines) if option == index)


async def tap(pilot: Any, widget: Widget, x: int = 0) -> None:
    """A finger on ``widget`` (``x`` cells in), scrolled into view first as a thumb would."""
    widget.scroll_visible(animate=False, immediate=True)
    await pilot.pause()
    assert await pilot.click(widget, offset=(x, 0))
    await pilot.pause()


async def test_the_chores_table_is_worked_by_taps_at_40_columns(
    store: Store, library: Library
) -> None:
    app = app_for(store, library)
    async with app.run_test(size=NARROW) as pilot:
        screen, rows = await at_the_table(pilot, store)
        table = screen.query_one(ChoresList)
        assert table.has_class("-narrow")
        names = [row.chore.name for row in rows]
        # Every cell of a row is on screen, within the 40 columns.
        for cell in rows[0].cells():
            assert cell.region.x >= 0, cell
            assert cell.region.right <= 40, cell
        # Who does it now: each tap goes on to the next choice.
        await tap(pilot, rows[0].query_one(WhoCell))
        await tap(pilot, rows[0].query_one(WhoCell))
        assert rows[0].chore.now == "b"
        # A tap puts the cursor in a text cell; the phone's keyboard types.
        minutes = rows[1].query_one(".minutes", Input)
        await tap(pilot, minutes, x=minutes.size.width - 1)  # after the number
        await pilot.press("backspace", "backspace", "backspace", "4", "5")
        # ✕ asks first; "Remove it" by a tap too.
        await tap(pilot, rows[2].query_one(".remove"))
        asked = app.screen
        assert isinstance(asked, ConfirmScreen)
        await tap(pilot, asked.query_one("#yes"))
        assert on_top(app) is screen
        # + Add a task, then its name typed.
        await tap(pilot, table.query_one("#add"))
        new = list(screen.query(TaskRow))[-1]
        await pilot.press(*"Plants")
        await pilot.pause()
        assert new.read() is not None
        screen.autosave.now()
    saved = saved_tasks(store)
    expected = [names[0], names[1], *names[3:], "Plants"]
    assert [task["name"] for task in saved] == expected
    assert saved[0]["now"] == "b"
    assert saved[1]["minutes"] == 45
