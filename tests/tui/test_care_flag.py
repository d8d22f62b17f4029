"""Sealed answers kept as given, and the care flag (DESIGN.md sections 3.11 and 5): Back over a
sealed step adds an answer and never takes one away; the first answer that asked for care
raises the flag on the case, which stays (on Home, in ``couples --json``, at the top of the
console in later sessions) until it is cleared on Home with a reason kept in the notes; and
"End here for today" from the safety box shows in the console as an early end."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest
from textual.widgets import Input

from tests.tui.conftest import SIZE, WHEN, app_for, home_loaded, ready, screen_text, until, walk
from tests.tui.test_console import console, couple_walking
from workbook import tomlio
from workbook.cli import main
from workbook.data.care import raise_flag
from workbook.data.store import Store
from workbook.logic.phases import SEALED, SECOND
from workbook.logic.safety import PACK
from workbook.packs.library import Library
from workbook.tui.console import ConsoleApp
from workbook.tui.screens.clear_care import ClearCareScreen
from workbook.tui.screens.done import DoneScreen
from workbook.tui.screens.edit_couple import EditCoupleScreen
from workbook.tui.screens.home import HomeScreen


def at(minutes: int) -> Any:
    return WHEN + timedelta(minutes=minutes)


def console_on(store: Store, library: Library, couple_id: str, session_id: str) -> ConsoleApp:
    return ConsoleApp(
        Store(store.root),
        library,
        couple_id,
        session_id,
        theme="textual-dark",
        clock=lambda: at(30),
    )


async def test_back_over_a_sealed_step_adds_an_answer_and_the_flag_stays(
    store: Store, library: Library
) -> None:
    couple = store.create_couple("Sam", "Alex", "Dr. Lee", when=WHEN)
    couple.care_note_seen = True
    store.save_couple(couple)
    app = app_for(store, library)
    clock = [at(1)]
    app.now = lambda: clock[0]
    async with app.run_test(size=SIZE) as pilot:
        app.begin(couple, [PACK, "values"])
        await pilot.pause()
        screen = walk(app)
        await pilot.press("ctrl+n")  # past the opening page, to "do you feel safe"
        for _turn in ("first", "second"):
            await ready(pilot)
            await pilot.press("space")  # "Yes"
            await pilot.press("ctrl+n")
        await pilot.press("ctrl+n")  # "afraid": Alex first, then Sam
        await ready(pilot)
        await pilot.press("down", "space")  # Alex: "No"
        await pilot.press("ctrl+n")
        await ready(pilot)
        assert (screen.walk.step(screen.place).id, screen.place.phase) == ("afraid", SECOND)
        clock[0] = at(11)
        await pilot.press("space")  # Sam: "Yes"
        await pilot.press("ctrl+n")
        assert screen.place.phase == SEALED
        # Back over the sealed step, into Sam's turn: it opens empty, and "No" is added.
        await pilot.press("ctrl+b")
        await ready(pilot)
        assert screen.place.phase == SECOND
        assert "[x]" not in screen_text(app)
        clock[0] = at(13)
        await pilot.press("down", "space")
        await until(pilot, lambda: not screen.recorder.dirty)
        notes = store.notes(couple.id, screen.session.id)
        given = notes.read().given[PACK]["afraid"]
        assert [(g.who, g.answer) for g in given] == [("b", ["No"]), ("a", ["Yes"]), ("a", ["No"])]
        care = store.load_couple(couple.id).care
        assert care is not None
        assert (care.raised, care.session, care.cleared) == (at(11), screen.session.id, None)
        # Then "Not sure", which asks for care again: the safety box ends the session.
        clock[0] = at(14)
        await pilot.press("down", "space")
        await pilot.pause()
        await pilot.click("#end-here")
        await pilot.pause()
        await pilot.click("#yes")
        await until(pilot, lambda: isinstance(app.screen, DoneScreen))
        session_id = screen.session.id
    # The file keeps every answer, and a and b the latest, for older readers.
    kept = tomlio.loads(notes.path.read_text(encoding="utf-8"))["sealed"][PACK]["afraid"]
    assert (kept["a"], kept["b"]) == (["Not sure"], ["No"])
    assert [entry["answer"] for entry in kept["given"]] == [["No"], ["Yes"], ["No"], ["Not sure"]]
    assert store.load_couple(couple.id).care == care  # raised once, by the first
    watching = console_on(store, library, couple.id, session_id)
    async with watching.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: "sealed answers, as given" in screen_text(watching))
        text = " ".join(screen_text(watching).split())
        assert "The session ended early, at 19:19" in text
        assert (
            '⚑ Sam: "Yes" at 19:16 (has felt afraid of or controlled by the partner), '
            'then "Not sure" later' in text
        )
        assert "Sam: Yes at 19:16, then No at 19:18, then Not sure at 19:19" in text
        assert "⚑ Care flag" in text


async def test_the_care_flag_stays_on_the_case_until_cleared_with_a_reason(
    store: Store, library: Library, capsys: pytest.CaptureFixture[str]
) -> None:
    couple, first = couple_walking(store, library, ("respect",))
    first.finished = at(40)
    store.save_session(couple.id, first, stamp=False)
    store.notes(couple.id, first.id).seal(PACK, "afraid", "b", ["Yes"], at(10))
    assert raise_flag(store, couple.id, first.id, at(10))
    assert not raise_flag(store, couple.id, first.id, at(12))  # up already
    store.create_couple("Jo", "Kim", when=WHEN)
    later = store.new_session(couple.id, ["respect"], when=WHEN + timedelta(days=7))
    store.save_session(couple.id, later, stamp=False)
    store.close()

    def flags_in_json() -> dict[str, Any]:
        assert main(["--data-dir", str(store.root), "couples", "--json"]) == 0
        return {row["id"]: row["care_flag"] for row in json.loads(capsys.readouterr().out)}

    raised = {"raised": "2026-11-22T19:15:00+01:00", "session": first.id}
    assert flags_in_json() == {couple.id: raised, "jo-and-kim": None}
    # At the top of the console in a later session, with when and where, never who.
    watching = console_on(store, library, couple.id, later.id)
    async with watching.run_test(size=SIZE) as pilot:
        screen = console(watching)
        await until(pilot, lambda: screen.shown)
        top = str(screen.query_one("#console-care").render())
        assert top.startswith("⚑ Care flag: a sealed answer asked for care on 22 November 2026")
        assert first.id in top
        assert "Alex" not in top
        assert "Sam" not in top
    app = app_for(Store(store.root), library)
    async with app.run_test(size=SIZE) as pilot:
        home = await home_loaded(pilot)
        assert "⚑ Sam and Alex" in screen_text(app)
        assert "⚑ Jo" not in screen_text(app)
        assert home.choose(couple.id)
        await pilot.pause()
        assert "care flag since 2026-11-22 (F2 clears it)" in screen_text(app)
        await pilot.press("f2")
        await until(pilot, lambda: isinstance(app.screen, EditCoupleScreen))
        await pilot.click("#clear-care")
        await until(pilot, lambda: isinstance(app.screen, ClearCareScreen))
        # A reason is needed: Enter on an empty one says so, and clears nothing.
        await pilot.press("enter")
        assert "Please write a short reason" in screen_text(app)
        assert isinstance(app.screen, ClearCareScreen)
        await pilot.press(*"Seen alone; safety plan made")
        assert app.screen.query_one("#reason", Input).value == "Seen alone; safety plan made"
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        await home.loaded()
        await pilot.pause()
        assert "⚑" not in screen_text(app)
    care = store.load_couple(couple.id).care
    assert care is not None
    assert care.cleared is not None
    (note,) = store.notes(couple.id, first.id).read().notes
    assert note.text == "Care flag cleared: Seen alone; safety plan made"
    assert flags_in_json() == {couple.id: None, "jo-and-kim": None}
