"""The clock and "End the session now", as a counsellor uses them: the agenda's total, the time
spent against the budget while the couple types, and an early end that marks what was not
reached and keeps the agreements already confirmed."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from textual.widgets import TextArea

from tests.packs_helpers import write_pack
from tests.tui.conftest import (
    SIZE,
    WHEN,
    add_and_confirm_term,
    answer,
    app_for,
    make_couple,
    ready,
    screen_text,
    until,
    walk,
)
from workbook import tomlio
from workbook.data.store import Store
from workbook.export.documents import export
from workbook.i18n.said import Words
from workbook.packs.library import Library, load_library
from workbook.tui.commands import WorkbookCommands
from workbook.tui.screens.agenda import AgendaScreen
from workbook.tui.screens.confirm import ConfirmScreen
from workbook.tui.screens.done import DoneScreen
from workbook.tui.screens.walk import WalkScreen

TALK = """minutes = 25

[[steps]]
id = "one"
kind = "text"
title = "First words"
prompt = "What comes to mind?"

[[steps]]
id = "agree"
kind = "agreement"
title = "What we agree"
prompt = "What will you try?"

[[steps]]
id = "two"
kind = "text"
title = "Second words"
prompt = "And now?"
answer = "together"
"""
UNTIMED = """[[steps]]
id = "three"
kind = "text"
title = "Third words"
prompt = "Anything else?"
"""


class Clock:
    """The time of day the app reads, moved on by the test."""

    def __init__(self) -> None:
        self.at = WHEN

    def __call__(self) -> datetime:
        return self.at

    def wait(self, minutes: int) -> None:
        self.at += timedelta(minutes=minutes)


@pytest.fixture
def library(tmp_path: Path) -> Library:
    write_pack(tmp_path / "packs", "talk", TALK)
    write_pack(tmp_path / "packs", "untimed", UNTIMED)
    return load_library([tmp_path / "packs"], environ={}, builtin=False)


async def test_the_clock_shows_the_time_spent_against_the_agendas_budget(
    store: Store, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("workbook.tui.widgets.clock.TICK_SECONDS", 0.05)
    couple = make_couple(store)
    app = app_for(store, library)
    clock = Clock()
    app.now = clock
    async with app.run_test(size=SIZE) as pilot:
        app.open_agenda(couple)
        await pilot.pause()
        agenda = app.screen
        assert isinstance(agenda, AgendaScreen)
        assert "No packs chosen yet." in screen_text(app)
        await pilot.press("enter", "down", "enter")
        assert agenda.agenda == ["talk", "untimed"]
        assert "Today: 2 packs, about 25 min, and 1 pack without a time." in screen_text(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await ready(pilot)
        screen = walk(app)
        assert "0 of 25 min (1 pack without a time)" in screen_text(app)

        # The couple type while the clock runs on: it changes its own line and nothing else.
        area = screen.query_one(TextArea)
        await pilot.press("h", "i")
        clock.wait(23)
        # The clock's next tick shows it.
        await until(pilot, lambda: "23 of 25 min (1 pack without a time)" in screen_text(app))
        await pilot.press("!")
        assert area.has_focus
        assert area.text == "hi!"


async def test_ending_now_marks_what_was_not_reached_and_keeps_the_agreements(
    store: Store, library: Library
) -> None:
    couple = make_couple(store)
    app = app_for(store, library)
    app.now = Clock()
    async with app.run_test(size=SIZE) as pilot:
        app.begin(couple, ["talk", "untimed"])
        await pilot.pause()
        screen = walk(app)
        commands = [name for name, _, _ in WorkbookCommands(screen)._commands()]
        assert "End the session now" in commands
        await answer(pilot, "Mine")
        await pilot.press("ctrl+n")
        await pilot.pause()
        await answer(pilot, "Yours")
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press("ctrl+n")  # past the reveal, to the agreement step
        await pilot.pause()
        await add_and_confirm_term(pilot, "We take a walk on Sundays")

        # Asked first; Esc keeps the session going, with nothing marked.
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "End the session here for today?" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert walk(app) is screen
        assert screen.session.finished is None

        await pilot.press("ctrl+g")
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
        assert isinstance(app.screen, DoneScreen)
        text = screen_text(app)
        assert "That is all for today, Sam and Alex." in text
        assert "What you agreed:" in text

    (session_id,) = store.session_ids(couple.id)
    file = store.layout.session_file(couple.id, session_id)
    saved = tomlio.loads(file.read_text(encoding="utf-8"))
    assert "finished" in saved
    ending = saved["trail"][-1]
    assert (ending["pack"], ending["step"], ending["ended"]) == ("talk", "agree", True)
    assert ending["not_reached"] == ["talk.two", "untimed.three"]
    kept = store.load_agreements(couple.id).agreements
    assert [a.text for a in kept] == ["We take a walk on Sundays"]

    summary = export(store, couple.id, library.packs, date(2026, 11, 22), session_id=session_id)
    assert "before the end of its agenda" in summary.text
    assert "*Not reached, as the session was ended early: Second words.*" in summary.text
    untimed_part = summary.text.split("## A pack")[2]
    assert "*Not reached in this session.*" in untimed_part
    assert "Mine" in summary.text


async def test_a_read_only_window_cannot_end_the_session(store: Store, library: Library) -> None:
    couple = make_couple(store)
    session = store.new_session(couple.id, ["talk"], when=WHEN)
    app = app_for(store, library)
    async with app.run_test(size=SIZE) as pilot:
        screen = WalkScreen(
            store, couple, session, [library.pack("talk")], Words("Open elsewhere.")
        )
        await app.push_screen(screen)
        await pilot.pause()
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert app.screen is screen
        assert "End the session now" not in [n for n, _, _ in WorkbookCommands(screen)._commands()]
