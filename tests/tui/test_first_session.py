"""A whole first session, as a couple would walk it: names, agenda, answers, agreement, done."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from tests.tui.conftest import (
    SIZE,
    add_and_confirm_term,
    answer,
    app_for,
    auto_answer,
    screen_text,
    walk,
)
from workbook import tomlio
from workbook.data.store import Store
from workbook.logic.walk import REVEAL
from workbook.packs.library import Library
from workbook.tui.screens.agenda import AgendaScreen
from workbook.tui.screens.care import CareScreen
from workbook.tui.screens.done import DoneScreen
from workbook.tui.screens.new_couple import NewCoupleScreen
from workbook.tui.steps.agreement import AgreementInput


async def test_full_first_session(store: Store, library: Library, data_dir: Path) -> None:
    app = app_for(store, library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NewCoupleScreen)
        app.screen.query_one("#name-a", Input).value = "Sam"
        app.screen.query_one("#name-b", Input).value = "Alex"
        await pilot.click("#continue")
        await pilot.pause()
        assert isinstance(app.screen, CareScreen)
        assert "not therapy" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        agenda = app.screen
        agenda.agenda = ["values", "respect"]
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = walk(app)
        assert [p.id for p in screen.walk.packs] == ["values", "respect"]
        terms = 0
        for _ in range(200):
            place = screen.place
            step = screen.walk.step(place)
            if step.kind == "agreement":
                terms += 1
                await add_and_confirm_term(pilot, f"Term {terms} from {step.id}")
                widget = screen.query_one(AgreementInput)
                assert widget.terms[-1].agreement
            elif screen.walk.is_handoff(place):
                # Only the partner named on the screen goes on, with their own button.
                await pilot.press("enter")
                await pilot.pause()
                continue
            elif place.phase != REVEAL and step.kind != "read":
                await answer(pilot, auto_answer(app))
            last = screen.walk.next(place) is None
            await pilot.press("ctrl+n")
            await pilot.pause()
            if last:
                break
        assert isinstance(app.screen, DoneScreen)
        assert "Well done, Sam and Alex." in screen_text(app)

    couple_dir = data_dir / "couples" / "sam-and-alex"
    (session_file,) = (couple_dir / "sessions").glob("*.toml")
    session = tomlio.loads(session_file.read_text())
    assert "finished" in session
    assert session["answers"]["values"]["top"] == {"a": "An answer to top", "b": "An answer to top"}
    assert set(session["answers"]["respect"]["areas"]) == {"a", "b"}
    agreements = tomlio.loads((couple_dir / "agreements.toml").read_text())["agreements"]
    assert [a["text"] for a in agreements] == ["Term 1 from protect", "Term 2 from agree"]
    assert all(a["confirmed_by"] == ["a", "b"] for a in agreements)
    document = (couple_dir / "agreement.md").read_text()
    assert "- **Both of you:** Term 1 from protect" in document
    assert "- **Both of you:** Term 2 from agree" in document
    assert (couple_dir / "couple.toml").read_text().count("care_note_seen = true") == 1
