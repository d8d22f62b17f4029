"""Two processes at once, as in the room: the couple's walk (the real app in a pseudo-terminal)
and the counsellor's console (a pilot here). The console shows each move of the walk soon after
the walk saves it, and the console saves notes while the walk saves answers, with neither losing
a write. The time from the walk's save to the console showing it is printed, not asserted."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path
from typing import Any

from tests.tui.conftest import until
from tests.tui.test_console import console
from tests.tui.test_kill import _CSI, _drain, _start, _wait_for
from workbook import tomlio
from workbook.data.store import Store
from workbook.packs.library import Library
from workbook.tui.console import ConsoleApp

CTRL_N, ENTER = b"\x0e", b"\r"
NOTES = ["Sam fast", "Alex nods", "pace ok"]


def _table(sessions: Path) -> dict[str, Any]:
    """The session file (not its notes file beside it), as the walk last saved it."""
    files = [p for p in sessions.glob("*.toml") if not p.name.endswith(".notes.toml")]
    try:
        return tomlio.loads(files[0].read_text(encoding="utf-8")) if files else {}
    except (OSError, ValueError):
        return {}


def _position(sessions: Path) -> tuple[str, str] | None:
    found = _table(sessions).get("position", {})
    return (found.get("step"), found.get("phase")) if found else None


async def test_the_console_follows_the_walk_and_both_save_without_losing_a_write(
    data_dir: Path, library: Library
) -> None:
    walk, master, sessions = _start(data_dir)
    stop = threading.Event()
    seen = bytearray()
    threading.Thread(target=_drain, args=(master, stop, seen), daemon=True).start()
    try:
        _wait_for(lambda: _position(sessions) == ("why", "only"))
        session_id = next(sessions.glob("*.toml")).stem  # no notes file yet
        app = ConsoleApp(Store(data_dir), library, "sam-and-alex", session_id, theme="textual-dark")
        async with app.run_test(size=(100, 30)) as pilot:
            screen = console(app)
            await until(pilot, lambda: screen.shown)
            delays = []

            async def walk_moves(key: bytes, step: str, phase: str) -> None:
                os.write(master, key)
                await until(pilot, lambda: _position(sessions) == (step, phase))
                saved = time.monotonic()

                def shown() -> bool:
                    where = screen.live.where if screen.live else None
                    return where is not None and (where.step_id, where.place.phase) == (step, phase)

                await until(pilot, shown)
                delays.append(time.monotonic() - saved)
                await pilot.pause()

            await walk_moves(CTRL_N, "meaning", "lookaway")
            await walk_moves(ENTER, "meaning", "first")
            _wait_for(lambda: b"Type your answer here" in _CSI.sub(b"", bytes(seen)))
            # The walk saves Sam's answer as it is typed; the console saves notes meanwhile.
            typed = ""
            for note in NOTES:
                for char in note:
                    typed += chr(ord("a") + len(typed) % 26)
                    os.write(master, typed[-1].encode())
                    await pilot.press(char if char != " " else "space")
                    await pilot.pause(0.03)
                await pilot.press("ctrl+n")
            await walk_moves(CTRL_N, "meaning", "handover")
            assert "The screen passes to Alex" in _screen(app)
            assert typed not in _screen(app)  # Sam's private answer, before its reveal
        saved = _table(sessions).get("answers", {}).get("respect", {}).get("meaning", {})
        assert saved.get("a") == typed
        notes = Store(data_dir).notes("sam-and-alex", session_id).read().notes
        assert [note.text for note in notes] == NOTES
        assert {(note.pack, note.step) for note in notes} == {("respect", "meaning")}
        print("console shows a move after:", ", ".join(f"{d:.2f} s" for d in delays))
    finally:
        stop.set()
        walk.kill()
        walk.wait(10)
        os.close(master)


def _screen(app: Any) -> str:
    from tests.tui.conftest import screen_text

    return screen_text(app)
