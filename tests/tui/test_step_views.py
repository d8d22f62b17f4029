"""What the step views say at a reveal, and how they show emoji: one pick each reads as one pick
each, a gap reads as a difference in how each feels, and ❤️ is one cell wide in every list."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len

from tests.packs_helpers import write_pack
from tests.tui.conftest import SIZE, answer, app_for, make_couple, ready, screen_text, walk
from workbook.data.store import Store
from workbook.logic.phases import REVEAL
from workbook.packs.library import Library, load_library
from workbook.tui.app import WorkbookApp
from workbook.tui.steps.choice import ChoiceList

STEPS = """
[[steps]]
id = "ready"
kind = "choice"
prompt = "{me}, are you ready to listen?"
options = ["❤️ Yes, now", "Later this week", "Not today"]

[[steps]]
id = "felt"
kind = "scale"
prompt = "{me}, how respected do you feel by {partner} here?"
items = ["Your work ❤️"]
gap = 2
"""


@pytest.fixture
def views(tmp_path: Path) -> Library:
    write_pack(tmp_path / "packs", "views", STEPS)
    return load_library([tmp_path / "packs"], environ={}, builtin=False)


@asynccontextmanager
async def begun(store: Store, views: Library) -> AsyncIterator[tuple[WorkbookApp, Any]]:
    """Zoë and Alex, and a session of the views pack begun in a new app: (app, pilot)."""
    couple = make_couple(store, "Zoë", "Alex")
    app = app_for(store, views)
    async with app.run_test(size=SIZE) as pilot:
        app.begin(couple, ["views"])
        await pilot.pause()
        yield app, pilot


async def both_answer(pilot: Any, first: Any, second: Any) -> None:
    """Zoë answers ``first``, hands over, and Alex answers ``second``: on to the reveal."""
    await answer(pilot, first)
    await pilot.press("ctrl+n", "enter")
    await pilot.pause()
    await answer(pilot, second)
    await pilot.press("ctrl+n")
    await pilot.pause()


def words(text: str) -> str:
    return " ".join(text.split())


async def test_a_single_choice_reveal_speaks_of_one_pick_each(store: Store, views: Library) -> None:
    async with begun(store, views) as (app, pilot):
        screen = walk(app)
        await both_answer(pilot, ["Not today"], ["❤️ Yes, now"])
        assert screen.place.phase == REVEAL
        text = words(screen_text(app))
        assert "You chose differently: Zoë chose Not today, Alex chose ❤ Yes, now." in text
        assert "none" not in text
        assert "Only" not in text


async def test_a_gap_reads_as_a_difference_in_how_each_feels(store: Store, views: Library) -> None:
    async with begun(store, views) as (app, pilot):
        screen = walk(app)
        await screen.goto_step(0, 1)
        await pilot.pause()
        await both_answer(pilot, {"Your work ❤️": 5}, {"Your work ❤️": 2})
        assert screen.place.phase == REVEAL
        text = words(screen_text(app))
        assert "You feel this differently: worth talking about" in text
        assert "apart" not in text


async def test_a_heart_is_one_cell_wide_in_the_option_list(store: Store, views: Library) -> None:
    async with begun(store, views) as (app, pilot):
        await ready(pilot)
        listing = walk(app).query_one(ChoiceList)
        prompts = [listing.get_option_at_index(i).prompt for i in range(listing.option_count)]
        # Textual counts each option as the cells every terminal draws: no emoji selector after
        # a narrow heart, whose width terminals disagree on.
        for prompt in prompts:
            shown = str(prompt)
            assert "\ufe0f" not in shown
            assert cell_len(shown) == len(shown)
        assert "\ufe0f" not in screen_text(app)
        assert "[ ] ❤ Yes, now" in screen_text(app)
