"""The walk at a phone's width (issue 26): Home, the agenda and a whole session at 40×24, and
the first screen of each structured kind, with no words cut (``language_walk.cut_widgets``: a
label or a button wider than its place, a fixed-height text with more lines than its
height)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from tests.tui.conftest import (
    add_and_confirm_term,
    answer,
    app_for,
    auto_answer,
    home_loaded,
    make_couple,
    screen_text,
    step_on,
    until,
    walk,
)
from tests.tui.language_walk import Looker, cut_widgets, to_agenda
from workbook.data.store import Store
from workbook.logic.walk import REVEAL
from workbook.packs.library import Library
from workbook.tui.app import WorkbookApp
from workbook.tui.screens.done import DoneScreen
from workbook.tui.screens.walk import WalkScreen

NARROW = (40, 24)


def past_the_edge(app: Any) -> list[str]:
    """Widgets that reach past the screen's right edge: cut there without a sign."""
    width = app.size.width
    found = []
    for widget in app.screen.query("*"):
        try:
            shown = widget.display and widget.visible and widget.region.area > 0
        except Exception:  # a widget being removed
            continue
        if shown and widget.region.right > width:
            found.append(f"{type(widget).__name__}#{widget.id} ({widget.region.right} > {width})")
    return found


class NarrowLooker(Looker):
    """Also keeps the widgets cut at the screen's right edge."""

    def look(self, where: str) -> str:
        text = super().look(where)
        edge = past_the_edge(self.app)
        if edge:
            self.cut.setdefault(where, []).extend(edge)
        return text


async def walk_through(pilot: Any, looker: Looker, last_only: bool = False) -> None:
    """Every place of the session begun, answered as a couple would, looked at on the way."""
    app = pilot.app
    screen = walk(app)
    for _ in range(300):
        place = screen.place
        step = screen.walk.step(place)
        where = f"{screen.walk.packs[place.pack].id}.{step.id} {place.phase}"
        looker.look(where)
        if step.kind == "agreement":
            await add_and_confirm_term(pilot, f"A term {place.pack}{place.step}")
            looker.look(f"{where} agreed")
        elif screen.walk.is_handoff(place):
            await pilot.press("enter")
            await pilot.pause()
            continue
        elif place.phase != REVEAL and step.kind != "read":
            await answer(pilot, auto_answer(app))
            looker.look(f"{where} answered")
        last = screen.walk.next(place) is None
        await pilot.press("ctrl+n")
        await pilot.pause()
        if last:
            break
    await until(pilot, lambda: isinstance(app.screen, DoneScreen))
    looker.look("done")


async def test_home_and_a_session_at_40_columns_cut_no_words(
    store: Store, library: Library
) -> None:
    make_couple(store, "Alexandra", "Benjamin", seen=False)
    app = app_for(store, library)
    looker = NarrowLooker(app, lambda line: [])
    async with app.run_test(size=NARROW) as pilot:
        await home_loaded(pilot)
        home = looker.look("home")
        # The table's row has the names whole (the columns after them gave way).
        (row,) = [text for text in home.splitlines() if "▊ Alexandra" in text]
        assert "Alexandra and Benjamin" in row
        agenda = await to_agenda(pilot, looker)
        agenda.agenda = ["values", "respect"]
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, WalkScreen))
        await walk_through(pilot, looker)
    assert len(looker.seen) > 30
    assert looker.cut == {}


async def test_the_structured_kinds_at_40_columns_cut_no_words(
    store: Store, library: Library
) -> None:
    looker = NarrowLooker(WorkbookApp(store, library), lambda line: [])
    for pack in ("chores", "knowing", "listening", "requests"):
        app = app_for(store, library)
        looker.app = app
        async with app.run_test(size=NARROW) as pilot:
            app.begin(make_couple(store, "Alexandra", pack.title()), [pack])
            await pilot.pause()
            screen = walk(app)
            # To the first step of the pack's own kind, past its reading.
            while screen.walk.step(screen.place).kind in ("read",):
                await pilot.press("ctrl+n")
                await pilot.pause()
            step = screen.walk.step(screen.place)
            looker.look(f"{pack}.{step.id} {screen.place.phase}")
    assert looker.cut == {}


async def test_a_long_counter_and_clock_at_40_columns_each_take_a_line_uncut(
    store: Store, tmp_path: Path
) -> None:
    from tests.packs_helpers import write_pack
    from workbook.data.dates import now as wall_clock
    from workbook.packs.library import load_library
    from workbook.tui.widgets.clock import SessionClock

    steps = "".join(
        f'[[steps]]\nid = "s{n}"\nkind = "read"\ntitle = "Step {n}"\nbody = "Read this."\n\n'
        for n in range(1, 13)
    )
    write_pack(tmp_path / "packs", "long", steps)
    library = load_library([tmp_path / "packs"], environ={})
    app = app_for(store, library)
    async with app.run_test(size=NARROW) as pilot:
        app.begin(make_couple(store, "Alexandra", "Benjamin"), ["long"])
        await until(pilot, lambda: isinstance(app.screen, WalkScreen))
        screen = walk(app)
        for _ in range(11):
            await step_on(pilot, "ctrl+n")
        # Two hours on: "step 12 of 12 · pack 1 of 1 │" and "120 min (no time suggested)".
        later = wall_clock() + timedelta(hours=2)
        app.now = lambda: later
        screen.query_one(SessionClock).tick()
        await pilot.pause()
        text = screen_text(app)
        assert "step 12 of 12 · pack 1 of 1 │" in text
        assert "120 min" in text
        assert cut_widgets(app) == []
        assert past_the_edge(app) == []
        assert screen.query_one("#top").has_class("-stacked")
        # Wide enough, one line again; and back at a phone's width, two.
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not screen.query_one("#top").has_class("-stacked")
        await pilot.resize_terminal(*NARROW)
        await pilot.pause()
        assert screen.query_one("#top").has_class("-stacked")
        assert cut_widgets(app) == []


def test_homes_table_gives_way_to_the_names_on_a_phone_and_not_at_80_columns() -> None:
    from workbook.tui.screens.home_rows import table_columns

    keys, columns = table_columns(80, wide=False)
    assert keys == ["last", "review", "status"]
    assert columns[0].width == 29
    keys, columns = table_columns(40, wide=False)
    assert keys == ["status"]
    assert columns[0].width >= len("Alexandra and Benjamin")
