"""The app's Home, Resume, Export and Review against every fault of tests/faults.py.

For each case: no crash, no hang (each action under 30 s: a guard against hangs, not a timing),
the bystander couple still on Home, and no file changed but those the actions themselves write
for the victim (the resumed session, the export, the agreement kept at review), never the
faulted file itself.
"""

from __future__ import annotations

import faulthandler
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from tests import faults
from tests.tui.conftest import SIZE, screen_text
from workbook.data.store import Store
from workbook.packs.library import Library
from workbook.tui.app import WorkbookApp
from workbook.tui.screens.home import HomeScreen
from workbook.tui.screens.pause import PauseScreen
from workbook.tui.screens.review import ReviewScreen
from workbook.tui.screens.walk import WalkScreen

# A hang guard, not a timing: generous enough for a machine loaded far beyond its cores.
TIMEOUT = 30.0


async def _timed(pilot: Pilot[Any], *keys: str) -> None:
    started = time.perf_counter()
    await pilot.press(*keys)
    await pilot.pause()
    assert time.perf_counter() - started < TIMEOUT, keys


@pytest.mark.parametrize("case", faults.CASES, ids=lambda case: case.id)
async def test_home_resume_export_and_review_survive_the_fault(
    case: faults.Case, tmp_path: Path, library: Library
) -> None:
    data, outside = tmp_path / "data", tmp_path / "outside"
    faults.build(data)
    faults.apply(case, data, outside)
    before, before_outside = faults.snapshot(data), faults.snapshot(outside)
    # No fixed theme: settings.toml is read, as it is for a person.
    app = WorkbookApp(Store(data), library)
    app.today = lambda: date(2026, 11, 22)
    # A hang in a blocking call cannot be timed out from the event loop: end the worker loudly.
    faulthandler.dump_traceback_later(60, exit=True)
    try:
        async with app.run_test(size=SIZE) as pilot:
            home = app.screen
            assert isinstance(home, HomeScreen)
            await home.chosen()
            await pilot.pause()
            assert "Jo and Kim" in screen_text(app)
            if home.choose(faults.VICTIM):
                await _timed(pilot, "r")
                if isinstance(app.screen, WalkScreen):
                    await _timed(pilot, "escape")
                if isinstance(app.screen, PauseScreen):
                    # Back to the caseload past the couple's window, as the practice lock lets
                    # the counsellor (tests/tui/test_couple_window.py).
                    app.screen.dismiss()
                    await pilot.pause()
                assert isinstance(app.screen, HomeScreen)
                await _timed(pilot, "e")
                await _timed(pilot, "v")
                if isinstance(app.screen, ReviewScreen):
                    await _timed(pilot, "k")
                    await _timed(pilot, "escape")
                assert isinstance(app.screen, HomeScreen)
    finally:
        faulthandler.cancel_dump_traceback_later()
    ok = faults.allowed_changes(data, case, acted=True)
    unexplained = {p for p in faults.changed(before, faults.snapshot(data)) if not ok(p)}
    assert unexplained == set()
    assert faults.snapshot(outside) == before_outside
    if case.id in faults.KEPT_WHEN_RESUMED:
        assert faults.kept(data, case)
