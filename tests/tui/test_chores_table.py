"""The chores task table, worked with real key presses: arrows move between rows and cells, a key
per choice says who does a task now, text cells take typing, and ✕ asks before removing."""

from __future__ import annotations

from typing import Any

from textual.widgets import Input, Static

from tests.tui.conftest import SIZE, app_for, make_couple, walk
from workbook import tomlio
from workbook.data.store import Store
from workbook.logic.phases import LIST
from workbook.packs.library import Library
from workbook.tui.screens.confirm import ConfirmScreen
from workbook.tui.screens.walk import WalkScreen
from workbook.tui.steps.chores_table import ChoresList, TaskRow, WhoCell

NAME, MINUTES, NOW, DONE, REMOVE = range(5)


def saved_tasks(store: Store) -> list[dict[str, Any]]:
    (file,) = (store.root / "couples" / "sam-and-alex" / "sessions").glob("*.toml")
    tasks: list[dict[str, Any]] = tomlio.loads(file.read_text())["answers"]["chores"]["share"][
        "tasks"
    ]
    return tasks


async def at_the_table(pilot: Any, store: Store) -> tuple[WalkScreen, list[TaskRow]]:
    pilot.app.begin(make_couple(store), ["chores"])
    await pilot.pause()
    screen = walk(pilot.app)
    await pilot.press("ctrl+n")
    await pilot.pause()
    assert screen.place.phase == LIST
    return screen, list(screen.query(TaskRow))


def on_top(app: Any) -> object:
    return app.screen


def at(pilot: Any, row: TaskRow, column: int) -> bool:
    return bool(pilot.app.focused is row.cells()[column])


async def test_arrows_move_and_a_key_per_choice_says_who_does_it_now(
    store: Store, library: Library
) -> None:
    app = app_for(store, library)
    async with app.run_test(size=SIZE) as pilot:
        screen, rows = await at_the_table(pilot, store)
        # The cursor starts on who does the first task, where the choice keys work at once.
        assert at(pilot, rows[0], NOW)
        await pilot.press("1", "down", "2", "down", "b", "down", "n", "down", "2")
        assert [row.chore.now for row in rows[:5]] == ["a", "b", "both", "nobody", "b"]
        assert at(pilot, rows[4], NOW)
        # The cell with the cursor shows its choice in brackets, and ▶ marks its row.
        assert rows[4].query_one(WhoCell).render().plain.startswith("[Alex]")
        assert rows[3].query_one(WhoCell).render().plain.startswith(" nobody ")
        gutters = [str(row.query_one(".gutter", Static).content) for row in rows]
        assert gutters[4] == "▶"
        assert set(gutters[:4] + gutters[5:]) == {" "}
        await pilot.press("up", "left")
        assert at(pilot, rows[3], MINUTES)
        await pilot.press("up")
        assert at(pilot, rows[2], MINUTES)
        await pilot.press("right", "right", "right")
        assert at(pilot, rows[2], REMOVE)
        await pilot.press("right", "up", "up", "up")
        assert at(pilot, rows[0], REMOVE), "the cursor stops at the table's edges"
        # Enter and Space go round the choices too.
        await pilot.press("left", "left", "enter", "space")
        assert at(pilot, rows[0], NOW)
        assert rows[0].chore.now == "both"
        # Down from the last row reaches Add, and up comes back to the same column.
        rows[-2].focus_cell(NOW)
        await pilot.press("down", "down")
        assert app.focused is screen.query_one("#add")
        await pilot.press("up")
        assert at(pilot, rows[-1], NOW)
        screen.autosave.now()
    assert [task["now"] for task in saved_tasks(store)[:5]] == ["both", "b", "both", "nobody", "b"]


async def test_text_cells_take_typing_and_never_the_choice_keys(
    store: Store, library: Library
) -> None:
    app = app_for(store, library)
    async with app.run_test(size=SIZE) as pilot:
        screen, rows = await at_the_table(pilot, store)
        await pilot.press("left")
        assert at(pilot, rows[0], MINUTES)
        # Arriving never selects the cell: typing adds at the end, and nothing is lost.
        minutes = rows[0].query_one(".minutes", Input)
        before = minutes.value
        assert minutes.selection.is_empty
        await pilot.press("backspace", "4")
        assert minutes.value == before[:-1] + "4"
        # ← goes on to the next cell; Enter edits in place, where ← moves within the text and
        # goes on at its start.
        await pilot.press("left")
        assert at(pilot, rows[0], NAME)
        name = rows[0].query_one(".name", Input)
        typed = name.value
        await pilot.press("b", "n", "1", "2", "enter", "left", "left", "!")
        assert name.value == typed + "bn!12"
        assert rows[0].chore.now == "nobody", "a choice key typed in a text cell chose"
        # Enter again ends the editing: ← goes on to the next cell again.
        await pilot.press("enter", "right")
        assert at(pilot, rows[0], MINUTES)
        # The table posts the whole answer on every change: the session has it already.
        first = screen.session.answer("chores", "share")["tasks"][0]
        expected = (typed + "bn!12", int(before[:-1] + "4"), "nobody")
        assert (first["name"], first["minutes"], first["now"]) == expected
        screen.autosave.now()
    first = saved_tasks(store)[0]
    assert (first["name"], first["minutes"], first["now"]) == expected


async def test_removing_a_task_asks_first(store: Store, library: Library) -> None:
    app = app_for(store, library)
    async with app.run_test(size=SIZE) as pilot:
        screen, rows = await at_the_table(pilot, store)
        names = [row.chore.name for row in rows]
        await pilot.press("right", "right")
        assert at(pilot, rows[0], REMOVE)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(on_top(app), ConfirmScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert on_top(app) is screen
        assert [t.name for t in screen.query_one(ChoresList).tasks()] == names
        await pilot.press("enter")
        await pilot.pause()
        # "Keep it" comes first and has the cursor; → reaches "Remove it".
        await pilot.press("right", "enter")
        await pilot.pause()
        assert on_top(app) is screen
        left = list(screen.query(TaskRow))
        assert [row.chore.name for row in left] == names[1:]
        assert at(pilot, left[0], REMOVE)
        # A new row with no name yet holds nothing to lose: it goes without a question.
        screen.query_one("#add").focus()
        await pilot.press("enter")
        await pilot.pause()
        new = list(screen.query(TaskRow))[-1]
        assert at(pilot, new, NAME)
        await pilot.press("right", "right", "right", "right")
        assert at(pilot, new, REMOVE)
        await pilot.press("enter")
        await pilot.pause()
        assert on_top(app) is screen
        assert len(screen.query(TaskRow)) == len(names) - 1
        screen.autosave.now()
    assert [task["name"] for task in saved_tasks(store)] == names[1:]
