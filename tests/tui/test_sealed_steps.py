"""Sealed steps as a couple walks them: what the partner sees never depends on what was
answered, a partner whose answer asks for care can end the session without a reason shown, and
sealed answers are nowhere in the couple's files or exports."""

from __future__ import annotations

import difflib
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.packs_helpers import write_pack
from tests.tui.conftest import SIZE, WHEN, answer, app_for, ready, screen_text, walk
from workbook.data.store import Store
from workbook.export.documents import export
from workbook.logic.phases import SEALED
from workbook.logic.safety import PACK, flags
from workbook.packs.library import Library, load_library
from workbook.tui.screens.done import DoneScreen


async def _next(pilot: Any) -> None:
    await pilot.press("ctrl+n")
    await pilot.pause()


async def settled(pilot: Any) -> None:
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()
    await pilot.pause()


async def walk_the_check(data_dir: Path, first_answers: tuple[str, str]) -> dict[str, str]:
    """Walk "Before we begin" with a counsellor: Sam answers ``first_answers`` to the two
    questions, Alex always the same; every screen Alex (or both) can see is kept, and so is the
    screen after the session ends (with the care panel's button after an answer that asks for
    care, else with Ctrl+G)."""
    store = Store(data_dir)
    store.prepare()
    couple = store.create_couple("Sam", "Alex", "Dr. Lee", when=WHEN)
    couple.care_note_seen = True
    store.save_couple(couple)
    app = app_for(store, load_library(environ={}))
    app.now = lambda: WHEN
    seen: dict[str, str] = {}
    async with app.run_test(size=SIZE) as pilot:
        app.begin(couple, [PACK, "values"])
        await pilot.pause()
        screen = walk(app)
        await _next(pilot)  # the opening page: Sam answers "safe" first
        await answer(pilot, [first_answers[0]])
        await settled(pilot)  # a note that shows is scrolled into view once drawn
        seen["sam-safe"] = screen_text(app)
        await _next(pilot)
        await settled(pilot)
        seen["handover"] = screen_text(app)
        await ready(pilot)
        await settled(pilot)
        seen["alex-safe"] = screen_text(app)
        await answer(pilot, ["Yes"])
        await _next(pilot)
        assert screen.place.phase == SEALED
        await settled(pilot)
        seen["after"] = screen_text(app)
        await _next(pilot)  # "afraid": Alex first this time
        await settled(pilot)
        seen["lookaway"] = screen_text(app)
        await answer(pilot, ["No"])
        await _next(pilot)
        await ready(pilot)
        await answer(pilot, [first_answers[1]])
        await settled(pilot)
        sam = screen_text(app)
        if "End here for today" in sam:
            await pilot.click("#end-here")
        else:
            await pilot.press("ctrl+g")
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
        assert isinstance(app.screen, DoneScreen)
        await settled(pilot)
        (session_id,) = store.session_ids(couple.id)
        # The two runs differ only in their folder's name (of the same length, but a long path
        # may be folded anywhere in it, and a scroll bar drawn across it) and their session id.
        done = "".join(re.sub("[\u2580-\u259f]", "", screen_text(app)).split())
        seen["done"] = done.replace(data_dir.name, "run-N").replace(session_id, "<id>")
        seen["flags"] = repr(flags(store.notes(couple.id, session_id).read().given))
    return seen


async def test_the_partners_screens_are_the_same_whatever_was_answered(tmp_path: Path) -> None:
    safe = await walk_the_check(tmp_path / "run-1", ("Yes", "No"))
    afraid = await walk_the_check(tmp_path / "run-2", ("No", "Not sure"))
    for shared in ("handover", "alex-safe", "after", "lookaway", "done"):
        differ = difflib.unified_diff(safe[shared].splitlines(), afraid[shared].splitlines())
        assert safe[shared] == afraid[shared], shared + "\n" + "\n".join(differ)
    # The partner who answered "No" saw, in their own turn, where to find help and a way out.
    assert "End here for today" in afraid["sam-safe"]
    assert "End here for today" not in safe["sam-safe"]
    assert "Thatisallfortoday,SamandAlex." in afraid["done"]
    assert "Only Dr. Lee can see it." in afraid["after"]
    # The counsellor's console reads a discreet flag from the notes file; nothing else does.
    assert safe["flags"] == "[]"
    assert "'safe'" in afraid["flags"]
    assert "'afraid'" in afraid["flags"]


SECRET_TEXT = "sealed-words-b41d"
SECRET_CHOICE = "sealed-choice-9c2e"
OPEN_TEXT = "ordinary-words-5a7f"
PRIVATE = """
[[steps]]
id = "words"
kind = "text"
prompt = "{me}, what would you not say in front of {partner}?"
answer = "each-sealed"

[[steps]]
id = "pick"
kind = "choice"
prompt = "{me}, pick one."
answer = "each-sealed"
options = ["Calm", "Tense"]
other = true

[[steps]]
id = "open"
kind = "text"
prompt = "{me}, something to share?"
"""


@pytest.fixture
def private(tmp_path: Path) -> Library:
    write_pack(tmp_path / "packs", "private", PRIVATE)
    return load_library([tmp_path / "packs"], environ={}, builtin=False)


@pytest.mark.parametrize("facilitator", ["Dr. Lee", None])
async def test_sealed_answers_are_nowhere_in_the_couples_files_or_exports(
    data_dir: Path, private: Library, facilitator: str | None
) -> None:
    store = Store(data_dir)
    store.prepare()
    couple = store.create_couple("Sam", "Alex", facilitator, when=WHEN)
    couple.care_note_seen = True
    store.save_couple(couple)
    app = app_for(store, private)
    async with app.run_test(size=SIZE) as pilot:
        app.begin(couple, ["private"])
        await pilot.pause()
        screen = walk(app)
        kept = "Only Dr. Lee does." if facilitator else "and it is not saved."
        values: list[Any] = [SECRET_TEXT, [SECRET_CHOICE], OPEN_TEXT]
        for value in values:
            for _turn in ("first", "second"):
                await answer(pilot, value)
                if value != OPEN_TEXT:
                    assert kept in screen_text(app)
                await _next(pilot)
                await ready(pilot)
            await _next(pilot)  # past the screen after a sealed step, or the reveal
        assert isinstance(app.screen, DoneScreen), screen.place

    (session_id,) = store.session_ids(couple.id)
    today = date(2026, 11, 22)
    documents = [
        export(store, couple.id, private.packs, today, session_id=session_id, fmt=fmt).text
        for fmt in ("md", "html")
    ] + [export(store, couple.id, private.packs, today).text]
    for text in documents:
        assert SECRET_TEXT not in text
        assert SECRET_CHOICE not in text
    assert OPEN_TEXT in documents[0]  # the search can find an answer that is the couple's

    notes = [p for p in data_dir.rglob("*") if ".notes.toml" in p.name]
    files = [p for p in data_dir.rglob("*") if p.is_file() and p not in notes]
    holding = [p for p in files if OPEN_TEXT in p.read_text(encoding="utf-8", errors="replace")]
    assert holding == [store.layout.session_file(couple.id, session_id)]
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        assert SECRET_TEXT not in text, path
        assert SECRET_CHOICE not in text, path
    if facilitator:
        sealed = store.notes(couple.id, session_id).read().sealed["private"]
        assert sealed["words"] == {"a": SECRET_TEXT, "b": SECRET_TEXT}
        assert sealed["pick"] == {"a": [SECRET_CHOICE], "b": [SECRET_CHOICE]}
    else:
        assert notes == []
