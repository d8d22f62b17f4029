"""The walk's top line at 60×20: the pack's title gives way, and the step counter and the clock
stay whole and apart."""

from __future__ import annotations

from tests.tui.burst import settled
from tests.tui.conftest import app_for, make_couple, screen_text
from workbook.data.store import Store
from workbook.packs.library import Library


async def test_the_step_counter_and_the_clock_never_run_together(
    store: Store, library: Library
) -> None:
    couple = make_couple(store)
    app = app_for(store, library)
    async with app.run_test(size=(60, 20)) as pilot:
        app.begin(couple, ["before-you-commit"])
        await settled(app, pilot)
        top = screen_text(app).splitlines()[0]
        assert top.rstrip().endswith("step 1 of 10 · pack 1 of 1 │ 0 of 45 min"), top
        assert top.lstrip().startswith("Before you co"), top
