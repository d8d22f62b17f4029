"""The walk: answer modes, the hand-over, the reveal, back and forth, resuming, saving."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.packs_helpers import write_pack
from tests.tui.conftest import SIZE, answer, app_for, make_couple, ready, screen_text, walk
from workbook import tomlio
from workbook.data.store import Store
from workbook.logic.phases import FIRST, HANDBACK, HANDOVER, LOOKAWAY, ONLY, REVEAL, SECOND
from workbook.packs.library import Library, load_library
from workbook.tui.app import WorkbookApp
from workbook.tui.widgets.reveal import Reveal

MODES = """
[[steps]]
id = "private"
kind = "text"
title = "Private words"
prompt = "{me}, say something only you know."

[[steps]]
id = "open"
kind = "text"
answer = "each-open"
prompt = "{me}, thank {partner}."

[[steps]]
id = "together"
kind = "text"
answer = "together"
prompt = "What went well?"

[[steps]]
id = "areas"
kind = "scale"
prompt = "How do you feel about {partner} here?"
items = ["Work", "Play"]
gap = 2

[[steps]]
id = "agree"
kind = "agreement"
prompt = "What will you try?"
from = ["areas"]
"""


@pytest.fixture
def modes(tmp_path: Path) -> Library:
    write_pack(tmp_path / "packs", "modes", MODES)
    return load_library([tmp_path / "packs"], environ={}, builtin=False)


async def start(app: WorkbookApp, store: Store, pilot: object) -> None:
    couple = store.load_couple("sam-and-alex")
    app.begin(couple, ["modes"])


@asynccontextmanager
async def begun(store: Store, modes: Library, **run: Any) -> AsyncIterator[tuple[WorkbookApp, Any]]:
    """Sam and Alex, and a session of the modes pack begun in a new app: (app, pilot)."""
    make_couple(store)
    app = app_for(store, modes)
    async with app.run_test(size=SIZE, **run) as pilot:
        await start(app, store, pilot)
        await pilot.pause()
        yield app, pilot


def session_table(data_dir: Path) -> dict[str, object]:
    (file,) = (data_dir / "couples" / "sam-and-alex" / "sessions").glob("*.toml")
    return tomlio.loads(file.read_text())


async def test_private_answers_are_hidden_until_both_answered(
    store: Store, modes: Library, data_dir: Path
) -> None:
    async with begun(store, modes) as (app, pilot):
        screen = walk(app)
        # Before the first private answer, the screen passes to Sam and Alex looks away.
        assert screen.place.phase == LOOKAWAY
        text = screen_text(app)
        assert "This one is private. Pass the screen to Sam." in text
        assert "Alex, please look away" in text
        # Only Sam's own button passes it: Next does not.
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.place.phase == LOOKAWAY
        await pilot.press("enter")
        await pilot.pause()
        assert screen.place.phase == FIRST
        assert screen.walk.answering(screen.place) == "a"
        assert "▶ Sam (your turn)" in screen_text(app)
        assert "Sam, say something only you know." in screen_text(app)
        await answer(pilot, "SECRET-WORDS-OF-SAM")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.place.phase == HANDOVER
        text = screen_text(app)
        assert "SECRET-WORDS-OF-SAM" not in text
        assert "Pass the screen to Alex." in text
        assert "Sam, please look away" in text
        await pilot.press("enter")
        await pilot.pause()
        assert screen.place.phase == SECOND
        text = screen_text(app)
        assert "SECRET-WORDS-OF-SAM" not in text
        assert "Alex, say something only you know." in text
        assert "▶ Alex (your turn)" in text
        # Going back from Alex's turn hands the screen back; it never shows Sam's answer.
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert screen.place.phase == HANDBACK
        assert "SECRET-WORDS-OF-SAM" not in screen_text(app)
        assert "Pass the screen back to Sam." in screen_text(app)
        # Alex pressing Next by mistake never counts as Sam being ready.
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.place.phase == HANDBACK
        assert "SECRET-WORDS-OF-SAM" not in screen_text(app)
        await pilot.click("#next")
        await pilot.pause()
        assert screen.place.phase == HANDBACK
        await pilot.press("enter")
        await pilot.pause()
        assert screen.place.phase == FIRST
        assert "SECRET-WORDS-OF-SAM" in screen_text(app)
        await pilot.press("ctrl+n")
        await pilot.pause()
        await ready(pilot)
        await pilot.pause()
        await answer(pilot, "Alex's own words")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.place.phase == REVEAL
        text = screen_text(app)
        assert "SECRET-WORDS-OF-SAM" in text
        assert "Alex's own words" in text
    assert session_table(data_dir)["answers"]["modes"]["private"] == {  # type: ignore[index]
        "a": "SECRET-WORDS-OF-SAM",
        "b": "Alex's own words",
    }


async def test_each_open_shows_the_first_answer_and_together_has_one(
    store: Store, modes: Library, data_dir: Path
) -> None:
    async with begun(store, modes) as (app, pilot):
        screen = walk(app)
        await screen.goto_step(0, 1)
        await pilot.pause()
        # Who goes first alternates: the second answered step starts with Alex.
        assert screen.walk.answering(screen.place) == "b"
        assert "Alex, thank Sam." in screen_text(app)
        await answer(pilot, "Thanks for dinner")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.place.phase == SECOND
        text = screen_text(app)
        assert "Alex answered:" in text
        assert "Thanks for dinner" in text
        assert "Sam, thank Alex." in text
        await answer(pilot, "Thanks for listening")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.place.phase == REVEAL
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.place.phase == ONLY
        assert "together" in screen_text(app)
        await answer(pilot, "We cooked together")
        await pilot.press("ctrl+n")
        await pilot.pause()
    answers = session_table(data_dir)["answers"]["modes"]  # type: ignore[index]
    assert answers["open"] == {"b": "Thanks for dinner", "a": "Thanks for listening"}
    assert answers["together"] == {"together": "We cooked together"}


async def test_the_reveal_flags_a_gap_and_offers_it_as_a_term(store: Store, modes: Library) -> None:
    async with begun(store, modes) as (app, pilot):
        screen = walk(app)
        await screen.goto_step(0, 3)
        await pilot.pause()
        await answer(pilot, {"Work": 5, "Play": 3})
        await pilot.press("ctrl+n")
        await pilot.pause()
        await ready(pilot)
        await pilot.pause()
        await answer(pilot, {"Work": 2, "Play": 3})
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.place.phase == REVEAL
        screen.query_one(Reveal)
        assert screen.session.answer("modes", "areas") == {
            "a": {"Work": 5, "Play": 3},
            "b": {"Work": 2, "Play": 3},
        }
        text = screen_text(app)
        assert "⚑ Work: Sam answered 5, Alex 2. You feel this differently" in " ".join(text.split())
        assert "⚑ Play" not in text
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert "Talk about “Work” again, where our answers were far apart" in screen_text(app)


async def test_an_unfinished_answer_cannot_move_on_unless_optional(
    store: Store, modes: Library
) -> None:
    async with begun(store, modes, notifications=True) as (app, pilot):
        screen = walk(app)
        await ready(pilot)
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.place.phase == FIRST
        assert "Write an answer first." in screen_text(app)


async def test_quitting_mid_step_resumes_at_the_same_step_turn_and_text(
    store: Store, modes: Library
) -> None:
    async with begun(store, modes) as (_app, pilot):
        await answer(pilot, "first answer")
        await pilot.press("ctrl+n")
        await pilot.pause()
        await ready(pilot)
        await pilot.pause()
        await answer(pilot, "half-typed by Alex")
        await pilot.press("ctrl+q")
        await pilot.pause()
    again = app_for(store.__class__(store.root), modes)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        await pilot.pause()
        screen = walk(again)
        # Alex's turn was private: it resumes behind the hand-over, until Alex says so.
        assert screen.place.phase == HANDOVER
        assert "half-typed by Alex" not in screen_text(again)
        await ready(pilot)
        assert screen.place.phase == SECOND
        assert screen.walk.answering(screen.place) == "b"
        text = screen_text(again)
        assert "half-typed by Alex" in text
        assert "first answer" not in text


async def test_a_second_window_opens_the_session_read_only(store: Store, modes: Library) -> None:
    make_couple(store)
    first = app_for(store, modes)
    async with first.run_test(size=SIZE) as pilot:
        await start(first, store, pilot)
        await pilot.pause()
        await answer(pilot, "from window one")
        walk(first).autosave.now()
        second_store = Store(store.root)
        second = app_for(second_store, modes)
        async with second.run_test(size=SIZE, notifications=True) as other:
            await other.press("r")
            await other.pause()
            screen = walk(second)
            assert screen.read_only is not None
            assert "read-only" in screen_text(second)
            await answer(other, "from window two")
            screen.autosave.now()
        assert (
            "from window two"
            not in (store.root / "couples")
            .joinpath("sam-and-alex", "sessions", f"{walk(first).session.id}.toml")
            .read_text()
        )
