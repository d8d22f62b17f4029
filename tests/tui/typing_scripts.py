"""Whole walks typed from scripts, in two ways, for the tests that the same keys give the same
files whatever their speed (``test_same_keys.py``, ``test_same_keys_tmux.py``).

``settled``: each key pressed as Textual's Pilot presses it, then the app left to finish its
work and draw, as a person who waits for every screen. ``burst``: every key sent at once, as
``tmux send-keys`` or a fast typist on a slow laptop sends them, then one wait for the work.
The clock is fixed, so that the two ways write the same bytes.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from tests.tui.burst import at_once, settled
from tests.tui.conftest import SIZE, app_for, make_couple, walk
from workbook.data.store import Store
from workbook.packs.library import Library, load_library

KEYS_PACKS = Path(__file__).parents[1] / "fixtures" / "keys"
WHEN = datetime(2026, 11, 22, 19, 5, tzinfo=timezone(timedelta(hours=1)))
MODES = ("settled", "burst")


def library() -> Library:
    """The built-in packs and the test packs of every kind."""
    return load_library(environ={"WORKBOOK_EXERCISES": str(KEYS_PACKS)})


def fix_the_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every time the data files record is ``WHEN``."""
    import workbook.data.models

    monkeypatch.setattr(workbook.data.models, "now", lambda: WHEN)


def keys_of(script: str) -> list[str]:
    """A script's keys: names separated by spaces (``ctrl+n``, ``enter``, ``a``)."""
    return script.split()


async def send(app: Any, pilot: Any, keys: Sequence[str], mode: str) -> None:
    if mode == "burst":
        await at_once(app, pilot, *keys)
        return
    for key in keys:
        await pilot.press(key)
        await settled(app, pilot)


async def run(
    folder: Path,
    packs: Library,
    keys: Sequence[str],
    mode: str,
    *,
    pack: str | None = None,
    step: str | None = None,
) -> dict[str, bytes]:
    """Type ``keys`` in ``mode`` in a new app over ``folder``: from Home when ``pack`` is None,
    else in a new session of ``pack`` for Sam and Alex, at the start of ``step``. Returns every
    file the app left in the folder (the index, a cache, and lock files aside)."""
    store = Store(folder)
    store.prepare()
    if pack is not None:
        make_couple(store)
    app = app_for(store, packs)
    app.now = lambda: WHEN
    app.today = lambda: date(2026, 11, 22)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        if pack is not None:
            app.begin(store.load_couple("sam-and-alex"), [pack])
            await settled(app, pilot)
            if step is not None:
                screen = walk(app)
                steps = [s.id for s in screen.walk.packs[0].steps]
                await screen.goto_step(0, steps.index(step))
                await settled(app, pilot)
        await send(app, pilot, keys, mode)
    assert app.key_gate.forced == 0, "a key went through while the app was still at work"
    return files_in(folder)


def files_in(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != "index.toml" and not path.name.endswith(".lock")
    }


def differences(settled_files: dict[str, bytes], burst_files: dict[str, bytes]) -> str:
    """What differs between the two runs' files, for the assertion's message."""
    said = []
    for name in sorted(set(settled_files) | set(burst_files)):
        one, other = settled_files.get(name), burst_files.get(name)
        if one != other:
            said.append(
                f"--- {name}\nsettled:\n{(one or b'(missing)').decode(errors='replace')}\n"
                f"burst:\n{(other or b'(missing)').decode(errors='replace')}"
            )
    return "\n".join(said)
