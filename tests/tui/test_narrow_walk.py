"""The walk at a phone's width (issue 26): Home, the agenda and a whole session at 40×24, and
the first screen of each structured kind, with no words cut (``language_walk.cut_widgets``: a
label or a button wider than its place, a fixed-height text with more lines than its
height)."""

from __future__ import annotations

from typing import Any

from tests.tui.conftest import (
    add_and_confirm_term,
    answer,
    app_for,
    auto_answer,
    home_loaded,
    make_couple,
    until,
    walk,
)
from tests.tui.language_walk import Looker, to_agenda
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
        looker.look("home")
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
