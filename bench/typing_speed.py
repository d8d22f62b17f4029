"""Typing into an answer, with cleaning, the character count and autosave on, against typing
into a bare TextArea, in the same run. Target: 1.2 or less.

Both apps get the same 400 key presses through Textual's Pilot, headless at 80×24; the two
alternate, and medians of the runs are compared.

    python bench/typing_speed.py [--runs N]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import TextArea

from workbook.data.store import Store
from workbook.packs.library import load_library
from workbook.tui.app import WorkbookApp

KEYS = list("Being asked before plans are made, and being listened to. ") * 7


class Bare(App[None]):
    def compose(self) -> ComposeResult:
        yield TextArea()


async def type_into(app: App[None], prepare: bool) -> float:
    async with app.run_test(size=(80, 24)) as pilot:
        if prepare:
            assert isinstance(app, WorkbookApp)
            couple = app.store.load_couple("sam-and-alex")
            app.begin(couple, ["respect"])
            await pilot.pause()
            await app.screen.goto_step(0, 1)  # type: ignore[attr-defined]
            await pilot.pause()
            await pilot.press("enter")  # "I'm Sam, and I'm ready", past the look-away
            await pilot.pause()
        start = time.perf_counter()
        await pilot.press(*KEYS)
        await pilot.pause()
        elapsed = time.perf_counter() - start
        typed = app.screen.query_one(TextArea).text
        assert typed == "".join(KEYS), "the keys did not all arrive"
    return elapsed


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    library = load_library(environ={})
    bare_times, our_times = [], []
    with tempfile.TemporaryDirectory() as folder:
        for run in range(runs):
            store = Store(Path(folder) / str(run))
            store.prepare()
            couple = store.create_couple("Sam", "Alex")
            couple.care_note_seen = True
            store.save_couple(couple)
            bare_times.append(await type_into(Bare(), prepare=False))
            our_times.append(await type_into(WorkbookApp(store, library), prepare=True))
    bare, ours = statistics.median(bare_times), statistics.median(our_times)
    print(f"median of {runs} alternating runs, {len(KEYS)} key presses each")
    print(f"  bare TextArea                 {bare * 1000:7.0f} ms")
    print(f"  workbook answer with autosave {ours * 1000:7.0f} ms")
    print(f"  ratio: {ours / bare:.2f} (target 1.2 or less)")


if __name__ == "__main__":
    asyncio.run(main())
