"""A partial answer is never a pass by accident: Next on an optional scale with some lines rated
asks first, with the lines left in view; a request left undecided asks too, and is set aside
for later rather than lost; and a passed step's score says "passed" in the summary."""

from __future__ import annotations

from datetime import date

from tests.tui.burst import at_once, settled
from tests.tui.conftest import SIZE, app_for, make_couple, screen_text, walk
from workbook.data.store import Store
from workbook.export.documents import export
from workbook.logic.phases import HANDOVER, REVEAL
from workbook.logic.skips import KEPT_LINE
from workbook.packs.library import Library
from workbook.tui.screens.confirm import ConfirmScreen
from workbook.tui.steps.requests import RequestsInput
from workbook.tui.steps.scale import ScaleRow

DAY = date(2026, 11, 22)


async def test_a_scale_rated_in_part_asks_before_it_is_passed(
    store: Store, library: Library
) -> None:
    couple = make_couple(store, "Noor", "Sam")
    app = app_for(store, library)
    app.today = lambda: DAY
    async with app.run_test(size=SIZE) as pilot:
        app.begin(couple, ["before-you-commit"])
        await settled(app, pilot)
        screen = walk(app)
        steps = [step.id for step in screen.walk.packs[0].steps]
        await screen.goto_step(0, steps.index("balance"))
        await settled(app, pilot)
        # Past the look-away, the first partner rates the first four lines and presses Next.
        await at_once(app, pilot, "enter", "4", "down", "4", "down", "4", "down", "4", "ctrl+n")
        asked = app.screen
        assert isinstance(asked, ConfirmScreen)
        assert asked.question.plain == (
            "1 line has no answer. Pass this step, so neither of you sees it?"
        )
        # The line left is where the cursor is, and in view on the stage.
        left = screen.query(ScaleRow).last()
        assert left.value is None
        assert screen.focused is left
        assert screen.query_one("#stage").region.contains_region(left.region)
        # Go back (focused first): the same turn, the line left still to rate.
        await at_once(app, pilot, "enter")
        assert app.screen is screen
        assert app.focused is left
        # Next again asks again; passing goes on to the hand-over.
        await at_once(app, pilot, "ctrl+n", "right", "enter")
        assert app.screen is screen
        assert screen.place.phase == HANDOVER
        # The second partner rates every line; the reveal shows neither answer.
        await at_once(app, pilot, "enter", *["5", "down"] * 5, "ctrl+n")
        assert screen.place.phase == REVEAL
        assert KEPT_LINE in screen_text(app)
        session_id = screen.session.id
        screen.finish()
        await settled(app, pilot)
    summary = export(store, couple.id, library.packs, DAY, session_id=session_id).text
    assert "- How the balance feels: passed" in summary
    assert "not complete" not in summary


async def test_a_request_left_undecided_asks_and_is_set_aside(
    store: Store, library: Library
) -> None:
    couple = make_couple(store)
    app = app_for(store, library)
    async with app.run_test(size=SIZE) as pilot:
        app.begin(couple, ["requests"])
        await settled(app, pilot)
        screen = walk(app)
        steps = [step.id for step in screen.walk.packs[0].steps]
        await screen.goto_step(0, steps.index("asks"))
        await settled(app, pilot)
        widget = screen.query_one(RequestsInput)
        here = screen.place
        await at_once(app, pilot, *"Call me", "enter", *"Plan a day out", "enter", "ctrl+n")
        asked = app.screen
        assert isinstance(asked, ConfirmScreen)
        assert asked.question.plain.startswith("2 requests have no decision yet.")
        await at_once(app, pilot, "enter")
        assert screen.place == here
        assert app.focused is widget.query_one("#decision")
        # The first is decided (yes); the other is set aside for later, never dropped.
        await at_once(app, pilot, "enter", "ctrl+n")
        asked = app.screen
        assert isinstance(asked, ConfirmScreen)
        assert asked.question.plain.startswith("1 request has no decision yet.")
        await at_once(app, pilot, "right", "enter")
        assert screen.place != here
    decisions = [r.decision for r in widget.rows]
    assert decisions == ["yes", "later"]
