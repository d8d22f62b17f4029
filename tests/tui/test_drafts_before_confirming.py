"""Draft terms before both confirm them: Enter edits one (a confirmation given is taken back),
Del asks before removing it, and every way out of the step (Next, Back, a step chosen in the
command palette, Esc) says first that a term is not agreed yet."""

from __future__ import annotations

from tests.tui.burst import at_once, settled
from tests.tui.conftest import SIZE, app_for, make_couple, walk
from workbook.data.store import Store
from workbook.packs.library import Library
from workbook.tui.screens.confirm import ConfirmScreen
from workbook.tui.screens.term_dialogs import TermWordsScreen
from workbook.tui.screens.walk import WalkScreen
from workbook.tui.steps.agreement import AgreementInput


def _said(app: object) -> list[str]:
    return [n.message for n in app._notifications]  # type: ignore[attr-defined]


async def test_a_draft_is_edited_removed_after_asking_and_never_left_unsaid(
    store: Store, library: Library
) -> None:
    couple = make_couple(store)
    app = app_for(store, library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        app.begin(couple, ["compromise"])
        await settled(app, pilot)
        screen = walk(app)
        steps = [step.id for step in screen.walk.packs[0].steps]
        await screen.goto_step(0, steps.index("agree"))
        await settled(app, pilot)
        widget = screen.query_one(AgreementInput)
        here = screen.place

        # Sam confirms the term just added, then it is edited: new words, and Sam's
        # confirmation taken back.
        await at_once(app, pilot, *"Walk", "enter", *"Cook", "enter", "down", "1")
        assert widget.terms[1].confirmed_by == ["a"]
        await at_once(app, pilot, "enter")
        assert isinstance(app.screen, TermWordsScreen)
        await at_once(app, pilot, *" on Sundays", "enter")
        assert [(t.text, t.confirmed_by) for t in widget.terms] == [
            ("Walk", []),
            ("Cook on Sundays", []),
        ]

        # Del asks first; "Keep it" (focused first) keeps it, "Remove it" removes it.
        await at_once(app, pilot, "delete")
        assert isinstance(app.screen, ConfirmScreen)
        await at_once(app, pilot, "enter")
        assert [t.text for t in widget.terms] == ["Walk", "Cook on Sundays"]
        await at_once(app, pilot, "delete", "right", "enter")
        assert [t.text for t in widget.terms] == ["Walk"]

        # Back, a step from the palette and Esc each say once that a term is not agreed, and
        # how to go on: the same way again.
        await at_once(app, pilot, "ctrl+b")
        assert screen.place == here
        assert _said(app)[-1].endswith(
            "not agreed: they stay as drafts in this session. Press Back again to go back."
        )
        await screen.leave_to(0, 0)
        await settled(app, pilot)
        assert screen.place == here
        assert _said(app)[-1].endswith("Choose that step again to go there.")
        await at_once(app, pilot, "escape")
        assert isinstance(app.screen, WalkScreen)
        assert _said(app)[-1].endswith("Press Esc again to pause.")
        await at_once(app, pilot, "ctrl+b")
        assert screen.place != here
