"""Arriving at a step: the first keys typed after a move are never lost, however soon they
come, and the question stays in sight above a tall list.

Keys typed straight after Enter on "I'm ready" used to reach the look-away screen, which has no
box, before the step was shown. Keys now wait for each move to be complete (``key_gate``); these
tests send them all at once, without timing.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.widgets import Button, TextArea

from tests.tui.burst import at_once, settled
from tests.tui.conftest import SIZE, app_for, make_couple, screen_text, walk
from workbook.data.store import Store
from workbook.packs.library import Library
from workbook.tui.app import WorkbookApp
from workbook.tui.steps.choice import ChoiceList


async def at_step(app: WorkbookApp, pilot: Any, pack_id: str, step_id: str) -> None:
    """A new session of ``pack_id``, at the start of its step ``step_id``."""
    app.begin(app.store.load_couple("sam-and-alex"), [pack_id])
    await pilot.pause()
    screen = walk(app)
    steps = [step.id for step in screen.walk.packs[0].steps]
    await screen.goto_step(0, steps.index(step_id))
    await pilot.pause()


async def at_the_look_away(app: WorkbookApp, pilot: Any) -> None:
    """Sam's look-away screen before the first written question of "respect"."""
    await at_step(app, pilot, "respect", "meaning")
    assert walk(app).walk.is_handoff(walk(app).place)


async def test_keys_typed_while_the_step_is_built_all_arrive_in_order(
    store: Store, library: Library
) -> None:
    make_couple(store)
    app = app_for(store, library)
    async with app.run_test(size=SIZE) as pilot:
        await at_the_look_away(app, pilot)
        # Enter on "I'm ready" and the first letters: nothing waits for the step to be shown.
        await at_once(app, pilot, "enter", "a", "b", "c")
        area = walk(app).query_one(TextArea)
        assert area.text == "abc"
        assert app.focused is area


async def test_keys_typed_straight_before_next_are_in_the_answer_it_goes_on_with(
    store: Store, library: Library
) -> None:
    """Why Next is not run the moment its key comes, as "I'm ready" is: the keys typed just
    before it would still be on their way to the box, and Next would find no answer."""
    make_couple(store)
    app = app_for(store, library)
    async with app.run_test(size=SIZE) as pilot:
        await at_step(app, pilot, "compromise", "issue")
        screen = walk(app)
        await at_once(app, pilot, "w", "e", "ctrl+n")
        assert screen.session.answers["compromise"]["issue"] == {"together": "we"}
        assert screen.walk.step(screen.place).id != "issue"


async def test_enter_on_back_at_the_look_away_goes_back(store: Store, library: Library) -> None:
    make_couple(store)
    app = app_for(store, library)
    async with app.run_test(size=SIZE) as pilot:
        await at_the_look_away(app, pilot)
        screen = walk(app)
        screen.query_one("#back", Button).focus()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert screen.walk.step(screen.place).id == "why"


async def test_a_tall_list_keeps_the_question_above_it_in_sight(
    store: Store, library: Library
) -> None:
    """Fifteen values at 80×24: Textual centres a focused widget taller than the view, which
    pushed the step's title and question out of sight."""
    make_couple(store)
    app = app_for(store, library)
    async with app.run_test(size=SIZE) as pilot:
        await at_step(app, pilot, "values", "pick")
        await pilot.press("enter")
        await settled(app, pilot)
        assert isinstance(app.focused, ChoiceList)
        shown = screen_text(app)
        assert "Your values" in shown
        assert "Sam, which of these matter most to you" in shown
        assert "[ ] Love" in shown


async def test_next_pressed_again_and_again_on_a_look_away_says_so_once(
    store: Store, library: Library
) -> None:
    make_couple(store)
    app = app_for(store, library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await at_the_look_away(app, pilot)
        await pilot.press("ctrl+n", "ctrl+n", "ctrl+n")
        await pilot.pause()
        said = [n.message for n in app._notifications if "with the button" in n.message]
        assert said == ["Sam goes on, with the button that says so."]
        # Once it has gone, the key says it again.
        app._notices_until.clear()
        app.clear_notifications()
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert len([n for n in app._notifications if "with the button" in n.message]) == 1


async def test_alt_with_a_letter_never_types_the_letter(store: Store, library: Library) -> None:
    """A terminal sends Alt+N as ESC n, which Textual reads as alt+n carrying "n": a text box
    typed it. In the walk, Alt+N is a key only: it types nothing where it means nothing."""
    make_couple(store)
    app = app_for(store, library)
    async with app.run_test(size=SIZE) as pilot:
        await at_step(app, pilot, "compromise", "issue")
        area = walk(app).query_one(TextArea)
        assert app.focused is area
        alt_n = events.Key("alt+n", "n")
        alt_n.set_sender(app)
        app.post_message(alt_n)
        await at_once(app, pilot, "o", "k")
        assert area.text == "ok"
