"""Arriving at a step: the first keys typed after a move are never lost, however soon they
come, and the question stays in sight above a tall list.

Two ways they were lost: a key given to what had the focus a moment before the answer box took
it (focus moves later than it is asked for) reached the screen after the box had the focus, and
was thrown away; and keys typed straight after Enter on "I'm ready" reached the look-away
screen, which has no box, before the button's Enter had shown the step. Both are made to happen
here on purpose, without timing.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.widgets import Button, TextArea

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


async def typed_at_once(app: WorkbookApp, pilot: Any, *keys: tuple[str, str | None]) -> None:
    """``keys`` (name, character) sent all at once, as a fast typist would: nothing waits for
    the app between them. Then time for the app to take them all."""
    driver = app._driver
    assert driver is not None
    for name, character in keys:
        made = events.Key(name, character)
        made.set_sender(app)
        driver.send_message(made)
    for _ in range(20):
        await pilot.pause(0.05)


def forwarded_key(character: str) -> events.Key:
    """A key as the app hands it to the focused widget: marked as forwarded, so that it is not
    handed out a second time when it comes back up to the app."""
    made = events.Key(character, character)
    made._set_forwarded()
    return made


async def test_a_key_given_to_the_old_focus_goes_into_the_box_that_took_the_focus(
    store: Store, library: Library
) -> None:
    make_couple(store)
    app = app_for(store, library)
    async with app.run_test(size=SIZE) as pilot:
        await at_the_look_away(app, pilot)
        await pilot.press("enter")
        await pilot.pause()
        screen = walk(app)
        area = screen.query_one(TextArea)
        nav_button = screen.query_one("#nav").query(Button).first()
        # The key is given to the button that has the focus; before it has gone up to the
        # screen, the box takes the focus, as it does a moment after a step is shown.
        screen.set_focus(nav_button)
        nav_button.post_message(forwarded_key("a"))
        screen.set_focus(area)
        await pilot.pause()
        await pilot.press("b")
        await pilot.pause()
        assert area.text == "ab"


async def test_keys_typed_while_the_step_is_built_all_arrive_in_order(
    store: Store, library: Library
) -> None:
    make_couple(store)
    app = app_for(store, library)
    async with app.run_test(size=SIZE) as pilot:
        await at_the_look_away(app, pilot)
        # Enter on "I'm ready" and the first letters: nothing waits for the step to be shown.
        await typed_at_once(app, pilot, ("enter", "\r"), ("a", "a"), ("b", "b"), ("c", "c"))
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
        await typed_at_once(app, pilot, ("w", "w"), ("e", "e"), ("ctrl+n", None))
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
        for _ in range(10):
            await pilot.pause(0.05)
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
