"""The app's Home, Resume, Export and Review against every fault of tests/faults.py.

For each case: no crash, no hang (each key waits for what it does: a screen, or a notice; a hang
is ended by the suite's timeout), the bystander couple still on Home, and no file changed but
those the actions themselves write for the victim (the resumed session, the export, the
agreement kept at review), never the faulted file itself.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests import faults
from tests.tui.conftest import SIZE, said, screen_text, until
from workbook.data.store import Store
from workbook.packs.library import Library
from workbook.tui.app import WorkbookApp
from workbook.tui.screens.home import HomeScreen
from workbook.tui.screens.pause import PauseScreen
from workbook.tui.screens.review import ReviewScreen
from workbook.tui.screens.walk import WalkScreen


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
    # A hang, even in a blocking call, is ended by the suite's timeout (pytest-timeout's signal
    # interrupts the call): no wall-clock guard here that a busy machine could reach.
    async with app.run_test(size=SIZE) as pilot:
        home = app.screen
        assert isinstance(home, HomeScreen)
        await home.chosen()
        await until(pilot, lambda: "Jo and Kim" in screen_text(app))
        heard = said(app)
        if home.choose(faults.VICTIM):
            # Resume: the walk opens, or a notice says why not.
            await pilot.press("r")
            await until(pilot, lambda: not isinstance(app.screen, HomeScreen) or heard)
            if isinstance(app.screen, WalkScreen):
                await pilot.press("escape")
                await until(pilot, lambda: not isinstance(app.screen, WalkScreen))
            if isinstance(app.screen, PauseScreen):
                # Back to the caseload past the couple's window, as the practice lock lets
                # the counsellor (tests/tui/test_couple_window.py).
                app.screen.dismiss()
                await until(pilot, lambda: isinstance(app.screen, HomeScreen))
            assert isinstance(app.screen, HomeScreen)
            # Export: a notice either way (where the files are, or why they are not).
            heard.clear()
            await pilot.press("e")
            await until(pilot, lambda: heard)
            # Review: its screen, or a notice that the agreements cannot be read.
            heard.clear()
            await pilot.press("v")
            await until(pilot, lambda: isinstance(app.screen, ReviewScreen) or heard)
            if isinstance(app.screen, ReviewScreen):
                # Keys are handled in order: k is done before Esc closes the review.
                await pilot.press("k", "escape")
                await until(pilot, lambda: isinstance(app.screen, HomeScreen))
            assert isinstance(app.screen, HomeScreen)
    ok = faults.allowed_changes(data, case, acted=True)
    unexplained = {p for p in faults.changed(before, faults.snapshot(data)) if not ok(p)}
    assert unexplained == set()
    assert faults.snapshot(outside) == before_outside
    if case.id in faults.KEPT_WHEN_RESUMED:
        assert faults.kept(data, case)
