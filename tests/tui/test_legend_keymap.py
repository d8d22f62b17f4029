"""A step's words name the keys in force: after a ``[keymap]`` change, the agreement step's
legend and the hand-over's hint name the new keys, and the new keys do what the words say."""

from __future__ import annotations

from tests.tui.conftest import SIZE, app_for, make_couple, screen_text, until, walk
from workbook.data.store import Store
from workbook.packs.library import Library
from workbook.tui.steps.agreement import AgreementInput


async def test_a_keymap_change_shows_in_the_legends(store: Store, library: Library) -> None:
    keymap = {"terms.confirm-1st": "7", "terms.who-does-it": "o", "walk.ready": "f9"}
    store.save_settings({"keymap": keymap})
    couple = make_couple(store)
    app = app_for(store, library)
    async with app.run_test(size=SIZE) as pilot:
        app.begin(couple, ["compromise"])
        await pilot.pause()
        screen = walk(app)
        steps = screen.walk.packs[0].steps
        private = [getattr(step, "answer", None) for step in steps].index("each-private")
        await screen.goto_step(0, private)
        await until(pilot, lambda: screen.walk.is_handoff(screen.place))
        # The hand-over and the bar under it name the key in force, and that key passes it.
        shown = " ".join(screen_text(app).split())
        assert "press F9 when you are ready" in shown
        assert "goes on, with F9." in shown
        await pilot.press("f9")
        await until(pilot, lambda: not screen.walk.is_handoff(screen.place))
        agree = [step.id for step in steps].index("agree")
        await screen.goto_step(0, agree)
        await until(pilot, lambda: screen.query(AgreementInput))
        widget = screen.query_one(AgreementInput)
        legend = " ".join(str(static.render()) for static in widget.query(".legend"))
        assert "Sam presses 7 and Alex presses 2" in legend
        assert "o to say who does it" in legend
        assert "presses 1" not in legend
        # The partner bar says each partner's key too.
        assert "Sam  presses 7" in screen_text(app)
        widget.add("Walk on Sundays")
        await pilot.pause()
        await pilot.press("7")
        await until(pilot, lambda: widget.terms[0].confirmed_by == ["a"])
