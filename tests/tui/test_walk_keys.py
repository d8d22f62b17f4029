"""The walk at 80×24 with real keys: the place the keys act on stays in view, a key meant for
the text box goes there, and each partner keeps their own side of the reveal."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.packs_helpers import write_pack
from tests.tui.burst import at_once
from tests.tui.conftest import SIZE, answer, app_for, make_couple, ready, screen_text, walk
from tests.tui.test_walk import MODES, begun
from workbook.data.store import Store
from workbook.logic.phases import REVEAL
from workbook.packs.library import Library, load_library
from workbook.tui.steps.choice import ChoiceList
from workbook.tui.widgets.reveal import Reveal


@pytest.fixture
def modes(tmp_path: Path) -> Library:
    write_pack(tmp_path / "packs", "modes", MODES)
    return load_library([tmp_path / "packs"], environ={}, builtin=False)


async def test_the_highlight_in_a_long_list_stays_on_screen(store: Store, library: Library) -> None:
    couple = make_couple(store)
    app = app_for(store, library)
    async with app.run_test(size=SIZE) as pilot:
        app.begin(couple, ["values"])
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        await ready(pilot)
        listing = walk(app).query_one(ChoiceList)
        assert listing.has_focus
        stage = walk(app).query_one("#stage")
        for _ in range(len(listing.options) - 1):
            await pilot.press("down")
            await pilot.pause()
            option = str(listing.get_option_at_index(listing.highlighted or 0).prompt)
            # Whatever is highlighted is drawn, so Space never picks an option out of sight.
            assert option.split("] ", 1)[-1][:20] in screen_text(app), option
        assert stage.scroll_y > 0


async def test_a_key_typed_away_from_the_box_is_typed_nowhere(store: Store, modes: Library) -> None:
    """What you see is where your typing goes: letters typed on a button mean nothing there,
    and are never put into the answer box beside it."""
    async with begun(store, modes) as (app, pilot):
        await ready(pilot)
        await pilot.press("shift+tab")
        await pilot.pause()
        away = app.focused
        assert away is not None
        assert away.__class__.__name__ != "AnswerArea"
        await pilot.press(*"Hello")
        await pilot.pause()
        area = walk(app).query_one("AnswerArea")
        assert area.text == ""  # type: ignore[attr-defined]
        assert app.focused is away


async def test_the_stage_is_never_an_empty_tab_stop(store: Store, modes: Library) -> None:
    async with begun(store, modes) as (app, pilot):
        await ready(pilot)
        stage = walk(app).query_one("#stage")
        assert not stage.can_focus
        for _ in range(6):
            await pilot.press("tab")
            await pilot.pause()
            assert app.focused is not stage


async def test_each_partner_keeps_their_side_of_the_reveal(store: Store, modes: Library) -> None:
    async with begun(store, modes) as (app, pilot):
        screen = walk(app)
        # The second step (open) starts with Alex; at the reveal Sam is still on the left.
        await screen.goto_step(0, 1)
        await pilot.pause()
        assert screen.walk.answering(screen.place) == "b"
        await answer(pilot, "Alex first")
        await pilot.press("ctrl+n")
        await pilot.pause()
        await answer(pilot, "Sam second")
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.place.phase == REVEAL
        assert screen.query_one(Reveal).order == ("a", "b")
        row = next(line for line in screen_text(app).splitlines() if "Alex first" in line)
        assert row.index("Sam second") < row.index("Alex first")


async def test_one_enter_suggests_the_split_explains_it_and_shift_tab_stays_in_view(
    store: Store, library: Library
) -> None:
    from tests.tui.test_snapshots import _chores_split, walking
    from workbook.tui.steps.chores import ChoresSplit

    app = walking(store, library, ["chores"])
    async with app.run_test(size=SIZE) as pilot:
        screen = await _chores_split(pilot)
        split = screen.query_one(ChoresSplit)
        assert app.focused is split.query_one("#suggest")
        await at_once(app, pilot, "enter")
        assert split.owner, "one Enter on Suggest a fair split suggests it"
        # Beside the two shares ("36%" each), on screen at once: why they need not make 100.
        shown = screen_text(app)
        assert "From now on, with the split below:" in shown
        assert "Each share is by its owner's own ratings, so the two need not" in shown
        assert "100%: each of you carries less than half" in shown
        stage = screen.query_one("#stage")
        for _ in range(5):
            await pilot.press("shift+tab")
            await pilot.pause()
            focused = app.focused
            assert focused is not None
            assert focused is not stage
            # Whatever has focus is at least partly drawn: no invisible stops.
            assert focused.region.height > 0
            assert focused.region.width > 0
            assert focused.region.overlaps(screen.region)
