"""A move between steps (next, hand-over, reveal), with the save, against a bare Textual app that
swaps the same widgets, in the same run. Target: 1.5 or less.

Both apps walk every place of the "respect" pack, 18 moves with Ctrl+N through Textual's Pilot,
headless at 80×24: the workbook through its walk screen (recorder, trail, save, the frame around
the stage), the bare app by replacing the children of a scroll view with the widgets the
workbook's views build for that place, and focusing the first that takes focus. The bare app's
footer is the walk's own (``KeysFooter``, which is rebuilt only when the keys it shows change),
with the same keys (Next, Back, Pause, End now, Quit, Help), so that it costs the same in both.

A move is timed from the key press to the last frame drawn before the app goes idle, so the
time Pilot takes to see that it is idle is not counted; its CPU time is printed too, which a
busy machine disturbs less. The two apps alternate; the ratio of the medians is printed, and
the median of each run's ratio to the bare run beside it.

``--lang es``: the couple speaks Spanish, so the workbook walks the pack's Spanish version with
every word of its screens from the Spanish catalog; the bare app shows the same Spanish pack.

    python bench/moves.py [--runs N] [--lang TAG]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from workbook.data.models import Couple, Session
from workbook.data.store import Store
from workbook.logic.session_packs import begin_packs
from workbook.logic.walk import Walk
from workbook.packs.library import Library, load_library
from workbook.tui import views
from workbook.tui.app import WorkbookApp
from workbook.tui.plain import line
from workbook.tui.screens.walk import WalkScreen
from workbook.tui.steps.context import at_place
from workbook.tui.widgets.footer import KeysFooter
from workbook.tui.widgets.handover import handover

PACK = "respect"
SIZE = (80, 24)
# The couple's language (``--lang``); None is English, the source.
LANGUAGE: str | None = None


def answered(session: Session, walk: Walk) -> None:
    """Answers for every step, so that Next is never refused."""
    for pack in walk.packs:
        for step in pack.steps:
            if step.kind == "text":
                table: dict[str, Any] = {"a": "Being asked first.", "b": "Being listened to."}
            elif step.kind == "scale":
                table = {key: dict.fromkeys(step.items, 3) for key in ("a", "b")}
            else:
                continue
            session.set_answer(pack.id, step.id, table)


Page = Callable[[], list[Widget]]


def pages(walk: Walk, session: Session, names: dict[str, str]) -> list[Page]:
    """For each place, what the walk screen puts on its stage there (``WalkScreen.go``)."""

    def page(index: int) -> list[Widget]:
        place = walk.places[index]
        pack, step = walk.packs[place.pack], walk.step(place)
        title = Static(line(step.title or pack.title), classes="step-title")
        if walk.is_handoff(place):
            to = walk.answering(place) or "a"
            away = "b" if to == "a" else "a"
            return [title, *handover(names[to], names[away], place.phase, "Enter")]
        context = at_place(walk, place, session, names, date.today(), list, [])
        return [title, *views.build(context)]

    return [partial(page, index) for index in range(len(walk.places))]


class Bare(App[None]):
    """A scroll view whose children are swapped at each Ctrl+N, and a footer."""

    # The keys the walk shows in its footer, so that the two footers are the same.
    BINDINGS = [
        Binding("ctrl+n", "next", "Next"),
        # The walk passes a look-away or a hand-over only with Enter, on the named partner's
        # button; here Enter does what that button does.
        Binding("enter", "next", "Next", show=False, priority=True),
        Binding("ctrl+b", "shown('back')", "Back"),
        Binding("escape", "shown('pause')", "Pause"),
        Binding("ctrl+g", "shown('end')", "End now"),
        Binding("ctrl+q", "quit", "Quit"),
        Binding("f1", "shown('help')", "Help"),
    ]

    def __init__(self, shown: list[Page], handoffs: list[bool]) -> None:
        super().__init__()
        self.shown = shown
        self.handoffs = handoffs
        self.at = 0

    def next_key(self) -> str:
        return "enter" if self.handoffs[self.at] else "ctrl+n"

    def compose(self) -> ComposeResult:
        yield VerticalScroll(id="stage")
        yield KeysFooter()

    async def on_mount(self) -> None:
        await self.show()

    async def action_next(self) -> None:
        self.at += 1
        await self.show()

    def action_shown(self, what: str) -> None:
        """Back, Pause and Help are only there to be shown; the bench never presses them."""

    async def show(self) -> None:
        stage = self.query_one("#stage", VerticalScroll)
        await stage.remove_children()
        await stage.mount_all(self.shown[self.at]())
        focusable = [w for w in stage.query("*") if w.focusable]
        if focusable:
            focusable[0].focus()


async def walk_through(
    app: App[None], moves: int, begin: Callable[[Any], Awaitable[None]] | None
) -> tuple[float, float]:
    """Seconds the ``moves`` moves took, each from the key press to its last frame, and the
    seconds of CPU they took."""
    drawn: list[float] = []
    display = app._display

    def timed(screen: Any, renderable: Any) -> None:
        if renderable is not None:
            drawn.append(time.perf_counter())
        display(screen, renderable)

    app._display = timed  # type: ignore[method-assign]
    total = cpu = 0.0
    async with app.run_test(size=SIZE) as pilot:
        if begin is not None:
            await begin(pilot)
        await pilot.pause()
        for _ in range(moves):
            key = next_key(app)
            start, working = time.perf_counter(), time.process_time()
            await pilot.press(key)
            await pilot.pause()
            cpu += time.process_time() - working
            assert drawn, "nothing was drawn"
            assert drawn[-1] > start, "the move was never drawn"
            total += drawn[-1] - start
    return total, cpu


def next_key(app: App[None]) -> str:
    """The key a couple presses to go on from here: Enter on a look-away or a hand-over (the
    named partner's own confirmation), Ctrl+N anywhere else."""
    if isinstance(app, Bare):
        return app.next_key()
    screen = app.screen
    assert isinstance(screen, WalkScreen)
    return "enter" if screen.walk.is_handoff(screen.place) else "ctrl+n"


def a_session(root: Path, library: Library) -> tuple[Store, Couple, Walk, Session]:
    store = Store(root)
    store.prepare()
    couple = store.create_couple("Sam", "Alex", language=LANGUAGE)
    couple.care_note_seen = True
    store.save_couple(couple)
    loaded = library.version(PACK, LANGUAGE)
    assert loaded.pack is not None
    walk = Walk([loaded.pack])
    session = store.new_session(couple.id, [PACK])
    begin_packs(session, store, [loaded])
    answered(session, walk)
    store.save_session(couple.id, session)
    store.release_session(couple.id, session.id)
    return store, couple, walk, session


async def ours(root: Path, library: Library, moves: int) -> tuple[float, float]:
    store, _, _, _ = a_session(root, library)

    async def resume(pilot: Any) -> None:
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(pilot.app.screen, WalkScreen)

    app = WorkbookApp(store, library)
    if LANGUAGE:
        app.app_language = LANGUAGE
    return await walk_through(app, moves, resume)


async def bare(root: Path, library: Library, moves: int) -> tuple[float, float]:
    _, couple, walk, session = a_session(root, library)
    names: dict[str, str] = {p.key: p.name for p in couple.partners}
    handoffs = [walk.is_handoff(place) for place in walk.places]
    return await walk_through(Bare(pages(walk, session, names), handoffs), moves, None)


async def main() -> None:
    # A blinking cursor draws frames of its own, which would be counted as part of a move.
    os.environ.setdefault("WORKBOOK_CURSOR_BLINK", "0")
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--lang", help="the couple's language, e.g. es (its catalog loaded)")
    arguments = parser.parse_args()
    runs = arguments.runs
    global LANGUAGE
    LANGUAGE = arguments.lang
    library = load_library(environ={})
    pack = library.version(PACK, LANGUAGE).pack
    assert pack is not None
    moves = len(Walk([pack]).places) - 1
    bare_runs, our_runs = [], []
    with tempfile.TemporaryDirectory() as folder:
        await bare(Path(folder) / "warm-bare", library, moves)  # imports and caches, once
        await ours(Path(folder) / "warm-ours", library, moves)
        for run in range(runs):
            bare_runs.append(await bare(Path(folder) / f"bare-{run}", library, moves))
            our_runs.append(await ours(Path(folder) / f"ours-{run}", library, moves))
    spoken = f" in {LANGUAGE!r}" if LANGUAGE else ""
    print(f"median of {runs} alternating runs, {moves} moves through {PACK!r}{spoken} each")
    for what, index in (("wall time to the last frame", 0), ("CPU time", 1)):
        base = statistics.median(run[index] for run in bare_runs)
        mine = statistics.median(run[index] for run in our_runs)
        # Each run's ratio to the bare run just before it: load on the machine cancels out.
        pairs = zip(our_runs, bare_runs, strict=True)
        paired = statistics.median(o[index] / b[index] for o, b in pairs)
        print(f"  {what}")
        print(f"    bare app swapping the same widgets {base * 1000 / moves:7.1f} ms a move")
        print(f"    workbook walk, with the save       {mine * 1000 / moves:7.1f} ms a move")
        print(f"    ratio: {mine / base:.2f}; median of the paired runs' ratios {paired:.2f}")
    print("  target: 1.5 or less")


if __name__ == "__main__":
    asyncio.run(main())
