"""The guess kind in the app, end to end: each partner answers about themselves and guesses the
other in a private turn, the reveal shows every answer beside its guess, each partner marks the
guesses about them, the session file keeps all three, and a "not quite" becomes an offer."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, OptionList

from tests.packs_helpers import write_pack
from tests.tui.conftest import SIZE, app_for, make_couple, ready, screen_text, walk
from workbook import tomlio
from workbook.data.models import PackUse, Position
from workbook.data.store import Store
from workbook.logic.phases import FIRST, HANDOVER, REVEAL, SECOND
from workbook.packs.library import Library, load_library
from workbook.tui.steps.agreement import AgreementInput
from workbook.tui.steps.guess import GuessInput, GuessReveal, MarkRow

FRIEND = "A friend you feel closest to"
WORRY = "Something on your mind lately"

PACK = f"""
[[steps]]
id = "world"
kind = "guess"
title = "Your world"
prompt = "{{me}}, how well do you know {{partner}}'s world?"
questions = ["{FRIEND}", "{WORRY}"]

[[steps]]
id = "agree"
kind = "agreement"
prompt = "How will you keep up?"
from = ["world"]
"""


@pytest.fixture
def guessing(tmp_path: Path) -> Library:
    write_pack(tmp_path / "packs", "guessing", PACK)
    return load_library([tmp_path / "packs"], environ={}, builtin=False)


def fill(screen: object, values: dict[str, str]) -> None:
    """Set the boxes of a turn by id (own-0, guess-0, ...)."""
    for box, value in values.items():
        screen.query_one(f"#{box}", Input).value = value  # type: ignore[attr-defined]


def session_table(data_dir: Path) -> dict[str, object]:
    (file,) = (data_dir / "couples" / "sam-and-alex" / "sessions").glob("*.toml")
    return tomlio.loads(file.read_text())


async def test_a_guess_step_from_both_turns_to_marks_and_an_offer(
    store: Store, guessing: Library, data_dir: Path
) -> None:
    couple = make_couple(store)
    app = app_for(store, guessing)
    async with app.run_test(size=SIZE) as pilot:
        app.begin(couple, ["guessing"])
        await pilot.pause()
        screen = walk(app)
        await ready(pilot)
        assert screen.place.phase == FIRST
        text = screen_text(app)
        assert "Sam, how well do you know Alex's world?" in text
        assert f"1. {FRIEND}" in text
        assert "Your guess of Alex's answer" in text
        # Typing: the first box has the cursor, and Enter goes on to the guess box.
        assert app.focused is screen.query_one("#own-0", Input)
        await pilot.press(*"Priya", "enter")
        await pilot.pause()
        assert screen.query_one("#own-0", Input).value == "Priya"
        assert app.focused is screen.query_one("#guess-0", Input)
        fill(screen, {"guess-0": "Jo", "own-1": "My mother's operation"})
        await pilot.pause()
        # A question without a guess keeps Sam in the turn.
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.place.phase == FIRST
        fill(screen, {"guess-1": "The new job"})
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.place.phase == HANDOVER
        assert "Priya" not in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.place.phase == SECOND
        text = screen_text(app)
        assert "Alex, how well do you know Sam's world?" in text
        assert "Priya" not in text
        assert "operation" not in text
        assert all(box.value == "" for box in screen.query_one(GuessInput).query(Input))
        fill(
            screen,
            {
                "own-0": "Jo",
                "guess-0": "Kim from the choir",
                "own-1": "Whether to take the new job",
                "guess-1": "Your mother's operation",
            },
        )
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.place.phase == REVEAL
        reveal = screen.query_one(GuessReveal)
        text = "\n".join(str(s.render()) for s in reveal.query("Static"))
        for said in ("Priya", "Alex guessed: Kim from the choir", "Jo", "Sam guessed: Jo"):
            assert said in text
        # The keys mark: the cursor starts on Sam's row of the first question.
        rows = list(reveal.query(MarkRow))
        assert [(row.key, row.question) for row in rows] == [
            ("a", FRIEND),
            ("b", FRIEND),
            ("a", WORRY),
            ("b", WORRY),
        ]
        assert rows[0].has_focus
        await pilot.press("3")  # Kim was not quite Priya
        await pilot.press("tab", "right", "right")  # Sam's "Jo": from nothing to close
        await pilot.press("down", "2")
        await pilot.press("tab", "1", "right", "left")
        await pilot.pause()
        assert [row.mark for row in rows] == ["not quite", "close", "close", "got it"]
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(screen.query_one("AgreementInput"), AgreementInput)
        offered = screen.query_one("#offers", OptionList)
        options = [str(offered.get_option_at_index(i).prompt) for i in range(offered.option_count)]
        assert options == [f"Both of you: Ask each other about “{FRIEND}” more often"]
    table = session_table(data_dir)["answers"]["guessing"]["world"]  # type: ignore[index]
    assert table == {
        "a": {
            "own": {FRIEND: "Priya", WORRY: "My mother's operation"},
            "guess": {FRIEND: "Jo", WORRY: "The new job"},
            "marks": {FRIEND: "not quite", WORRY: "close"},
        },
        "b": {
            "own": {FRIEND: "Jo", WORRY: "Whether to take the new job"},
            "guess": {FRIEND: "Kim from the choir", WORRY: "Your mother's operation"},
            "marks": {FRIEND: "close", WORRY: "got it"},
        },
    }


async def test_marks_come_back_on_resume(store: Store, guessing: Library) -> None:
    """A mark is saved like any answer: leaving and resuming shows it on its row."""
    couple = make_couple(store)
    session = store.new_session(couple.id, ["guessing"])
    side = {"own": {FRIEND: "Priya", WORRY: "Work"}, "guess": {FRIEND: "Jo", WORRY: "Money"}}
    session.set_answer(
        "guessing", "world", {"a": {**side, "marks": {WORRY: "close"}}, "b": dict(side)}
    )
    session.packs["guessing"] = PackUse(title="A pack", digest=guessing.packs["guessing"].digest)
    session.position = Position(pack="guessing", step="world", phase=REVEAL)
    store.save_session(couple.id, session)
    store.close()
    app = app_for(store, guessing)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        await pilot.pause()
        screen = walk(app)
        assert screen.place.phase == REVEAL
        rows = {(row.key, row.question): row for row in screen.query(MarkRow)}
        assert rows[("a", WORRY)].mark == "close"
        assert rows[("a", FRIEND)].mark is None
        # The cursor waits on the first row still to mark.
        assert app.focused is rows[("a", FRIEND)]
