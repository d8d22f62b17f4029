"""Sessions started in the app keep the pack version they began with: deleted from the library,
the session still exports in full (from the command line with no --exercises too); edited, the
session resumes with the old prompts and the removed step, and exports the same way."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.packs_helpers import write_pack
from tests.test_session_packs import EDITED, STEPS
from tests.tui.conftest import (
    SIZE,
    add_and_confirm_term,
    answer,
    app_for,
    make_couple,
    ready,
    screen_text,
    to_home,
    walk,
)
from workbook.cli import main
from workbook.data.models import Couple
from workbook.data.store import Store
from workbook.logic.walk import FIRST, SECOND
from workbook.packs.library import Library, load_library

OLD_PROMPT = "What does a good evening look like"


@pytest.fixture(autouse=True)
def _nothing_parsed_yet(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("workbook.logic.session_packs._PARSED", {})


def _library(folder: Path) -> Library:
    return load_library([folder], environ={}, builtin=False)


async def _answer_every_step(pilot: Pilot[Any], couple: Couple) -> None:
    """Walk the pack "ours" from the start, answering each step, and leave at the end."""
    screen = walk(pilot.app)  # type: ignore[arg-type]
    for _ in range(20):
        step, phase = screen.walk.step(screen.place), screen.place.phase
        if screen.walk.is_handoff(screen.place):
            await ready(pilot)
            continue
        if step.kind == "agreement":
            await add_and_confirm_term(pilot, "Walk on Sundays")
            break
        if phase in (FIRST, SECOND):
            who = screen.walk.answering(screen.place)
            if step.kind == "text":
                await answer(pilot, f"A quiet dinner, says {who}")
            else:
                await answer(pilot, {"Talking": 4, "Touch": 2 if who == "a" else 5})
        await pilot.press("ctrl+n")
        await pilot.pause()
    else:
        raise AssertionError("the agreement step was never reached")
    await pilot.press("escape")
    await pilot.pause()


def _summary(capsys: pytest.CaptureFixture[str], store: Store, couple: Couple) -> str:
    (session_id,) = store.session_ids(couple.id)
    capsys.readouterr()
    code = main(["--data-dir", str(store.root), "export", couple.id, "--session", session_id])
    printed = capsys.readouterr()
    assert code == 0, printed.err
    return printed.out


async def test_a_session_of_a_pack_deleted_since_exports_in_full(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "packs"
    path = write_pack(folder, "ours", STEPS)
    couple = make_couple(store)
    app = app_for(store, _library(folder))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        app.begin(couple, ["ours"])
        await pilot.pause()
        await _answer_every_step(pilot, couple)
        await to_home(pilot)
    path.unlink()
    text = _summary(capsys, store, couple)
    for expected in (
        OLD_PROMPT,
        "A quiet dinner, says a",
        "A quiet dinner, says b",
        "How close do you feel to",
        "Touch: Sam 2, Alex 5",
        "Closeness score: Sam 6 (Room to grow), Alex 9 (Close)",
        "What will you try?",
        "**Both of you:** Walk on Sundays",
    ):
        assert expected in text, expected
    assert "not in the library" not in text


async def test_a_session_of_an_edited_pack_resumes_and_exports_as_it_began(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "packs"
    path = write_pack(folder, "ours", STEPS)
    couple = make_couple(store)
    app = app_for(store, _library(folder))
    async with app.run_test(size=SIZE) as pilot:
        app.begin(couple, ["ours"])
        await pilot.pause()
        await answer(pilot, "A quiet dinner, says a")
        await pilot.press("escape")
        await pilot.pause()
    path.write_text(path.read_text().replace(STEPS, EDITED))
    edited = _library(folder)
    assert [step.id for step in edited.pack("ours").steps] == ["say", "agree"]
    app = app_for(store, edited)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("r")
        await pilot.pause()
        await ready(pilot)  # the private turn resumes behind its look-away screen
        screen = walk(app)
        assert OLD_PROMPT in screen_text(app)
        assert "bad evening" not in screen_text(app)
        assert "changed" not in screen_text(app)  # no note: this is the version it began with
        seen = {}
        for place in screen.walk.places:
            await screen.go(place)
            await pilot.pause()
            seen[screen.walk.step(place).id] = screen_text(app)
        assert list(seen) == ["say", "feel", "agree"]
        assert "How close do you feel to" in seen["feel"]
        assert "bad evening" not in "".join(seen.values())
        await screen.goto_step(0, 1)
        await pilot.pause()
        await answer(pilot, {"Talking": 3, "Touch": 3})
        await pilot.press("escape")
        await pilot.pause()
    text = _summary(capsys, store, couple)
    assert OLD_PROMPT in text
    assert "How close do you feel to" in text
    assert "bad evening" not in text
