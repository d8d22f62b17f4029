"""The trail as the walk records it: one entry for every move, one when a session is opened
again, and the summary's time on each pack from them, breaks left out."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.packs_helpers import write_pack
from tests.tui.conftest import SIZE, WHEN, app_for, make_couple, paused, walk
from workbook.data import trail
from workbook.data.store import Store
from workbook.export.documents import export
from workbook.packs.library import load_library

READS = "".join(
    f'[[steps]]\nid = "r{n}"\nkind = "read"\nbody = "Page {n}."\n\n' for n in range(1, 5)
)


class Clock:
    """The time the app records, moved on by the test."""

    def __init__(self) -> None:
        self.at = WHEN

    def __call__(self) -> datetime:
        return self.at

    def wait(self, minutes: int) -> None:
        self.at += timedelta(minutes=minutes)


async def test_every_move_and_every_return_is_on_the_trail_and_timed(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = Clock()
    monkeypatch.setattr("workbook.data.models.now", clock)
    folder = tmp_path / "packs"
    write_pack(folder, "reads", READS)
    write_pack(folder, "later", READS)
    library = load_library([folder], environ={}, builtin=False)
    couple = make_couple(store)
    app = app_for(store, library)
    # The walk stamps its moves with the app's clock.
    app.now = clock
    async with app.run_test(size=SIZE) as pilot:
        app.begin(couple, ["reads", "later"])
        await pilot.pause()
        screen = walk(app)
        for key in ("ctrl+n", "ctrl+n", "ctrl+b"):
            clock.wait(4)
            await pilot.press(key)
            await pilot.pause()
        # The couple stay on r2 for 6 minutes, then stop for the night.
        clock.wait(6)
        await pilot.press("escape")
        await pilot.pause()
        await paused(pilot)
        clock.wait(12 * 60)
        await pilot.press("r")
        await pilot.pause()
        screen = walk(app)
        clock.wait(7)
        await pilot.press("ctrl+n")
        await pilot.pause()
        clock.wait(1)
        screen.finish()
        await pilot.pause()
    (session_id,) = store.session_ids(couple.id)
    session = store.load_session(couple.id, session_id)
    moves = trail.moves(session.trail)
    assert [(m.step, int((m.at - WHEN).total_seconds() // 60)) for m in moves] == [
        ("r1", 0),
        ("r2", 4),
        ("r3", 8),
        ("r2", 12),
        ("r2", 18),  # paused: the time away is not time spent
        ("r2", 12 * 60 + 18),  # opened again: the time from here on is on r2
        ("r3", 12 * 60 + 25),
    ]
    assert all(m.pack == "reads" for m in moves)
    assert [m.paused for m in moves] == [False, False, False, False, True, False, False]
    # 4 + 4 + 4 + 6 before the pause, then 7 + 1.
    spent = trail.time_per_pack(moves, session.finished)
    assert spent == {"reads": timedelta(minutes=26)}
    summary = export(store, couple.id, library.packs, WHEN.date(), session_id=session_id).text
    assert "*Time on this pack: about 26 minutes.*" in summary
    assert summary.count("*Not reached in this session.*") == 1
    assert "(UTC+01:00)" in summary


async def test_closing_the_window_mid_session_says_the_couple_left_and_a_finish_does_not(
    store: Store, tmp_path: Path
) -> None:
    folder = tmp_path / "packs"
    write_pack(folder, "reads", READS)
    library = load_library([folder], environ={}, builtin=False)
    couple = make_couple(store)
    for finishing in (False, True):
        app = app_for(Store(store.root), library)
        async with app.run_test(size=SIZE) as pilot:
            app.begin(couple, ["reads"])
            await pilot.pause()
            if finishing:
                walk(app).finish()
                await pilot.pause()
            await pilot.press("ctrl+q")
            await pilot.pause()
        session_id = store.session_ids(couple.id)[-1]
        last = store.load_session(couple.id, session_id).trail[-1]
        assert trail.is_pause(last) is not finishing
