"""``workbook try``: a pack edited on disk is walked again at the same step, and a broken one
shows its problems until it is fixed."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.command import CommandPalette

from tests.packs_helpers import write_pack
from tests.tui.conftest import SIZE, answer, screen_text, step_input, walk
from workbook.data.store import Store
from workbook.logic.phases import REVEAL
from workbook.tui.screens.trying import TryScreen
from workbook.tui.steps.scale import ScaleInput
from workbook.tui.trying import TryApp

STEPS = """
[[steps]]
id = "why"
kind = "read"
body = "Why we talk."

[[steps]]
id = "feel"
kind = "read"
title = "How it feels"
body = "First words."

[[steps]]
id = "plan"
kind = "read"
body = "Make a plan."
"""


async def test_an_edited_pack_is_walked_again_at_the_same_step(tmp_path: Path) -> None:
    file = write_pack(tmp_path / "packs", "mine", STEPS)
    app = TryApp(Store(tmp_path / "data"), file, theme="textual-dark")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await walk(app).goto_step(0, 1)
        await pilot.pause()
        assert "First words." in screen_text(app)
        file.write_text(file.read_text().replace("First words.", "Second words."))
        await pilot.press("f5")
        await pilot.pause()
        assert walk(app).place.step == 1
        assert "Second words." in screen_text(app)
        assert "First words." not in screen_text(app)


async def test_a_broken_pack_shows_its_problems_and_recovers_once_fixed(tmp_path: Path) -> None:
    file = write_pack(tmp_path / "packs", "mine", STEPS)
    good = file.read_text()
    app = TryApp(Store(tmp_path / "data"), file, theme="textual-dark")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await walk(app).goto_step(0, 2)
        file.write_text(good.replace('body = "Make a plan."', 'body = "Make a plan.'))
        await pilot.press("f5")
        await pilot.pause()
        assert isinstance(app.screen, TryScreen)
        text = screen_text(app)
        assert "1 problem: fix it in your editor" in text
        assert "mine.toml:21:8: steps[2].body: this text is never closed" in text
        file.write_text(good.replace("Make a plan.", "Make a plan together."))
        await pilot.press("f5")
        await pilot.pause()
        assert walk(app).place.step == 2
        assert "Make a plan together." in screen_text(app)


TEXT_STEPS = """
[[steps]]
id = "meaning"
kind = "text"
answer = "together"
prompt = "What does respect mean to you?"

[[steps]]
id = "last"
kind = "read"
body = "The end."
"""


async def test_f5_reloads_while_typing_and_a_changed_kind_starts_the_step_again(
    tmp_path: Path,
) -> None:
    file = write_pack(tmp_path / "packs", "mine", TEXT_STEPS)
    app = TryApp(Store(tmp_path / "data"), file, theme="textual-dark")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await answer(pilot, "Being heard.")
        file.write_text(file.read_text().replace("mean to you?", "look like?"))
        await pilot.press("f5")
        await pilot.pause()
        assert "look like?" in screen_text(app)
        assert step_input(app).value() == "Being heard."  # type: ignore[attr-defined]
        file.write_text(file.read_text().replace('kind = "text"', 'kind = "scale"'))
        await pilot.press("f5")
        await pilot.pause()
        assert isinstance(step_input(app), ScaleInput)
        assert walk(app).session.answer("mine", "meaning") == {}


CHOICE_STEPS = """
[[steps]]
id = "why"
kind = "read"
body = "Why we talk."

[[steps]]
id = "values"
kind = "choice"
title = "What matters"
prompt = "{me}, which of these matter most to you?"
options = ["Rest", "Fun", "Time alone"]
"""


async def test_saving_reloads_by_itself_and_the_palette_goes_to_a_reveal(tmp_path: Path) -> None:
    file = write_pack(tmp_path / "packs", "mine", CHOICE_STEPS)
    app = TryApp(Store(tmp_path / "data"), file, theme="textual-dark")
    app.WATCH_EVERY = 0.05
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Why we talk." in screen_text(app)
        app.reloaded.clear()
        file.write_text(file.read_text().replace("Why we talk.", "Why we talk, saved."))
        await asyncio.wait_for(app.reloaded.wait(), timeout=30)
        await pilot.pause()
        assert "Why we talk, saved." in screen_text(app)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"matters reveal")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = walk(app)
        assert (screen.walk.step(screen.place).id, screen.place.phase) == ("values", REVEAL)
        assert "What matters" in screen_text(app)
