"""A partner's seat on the paths the two-seat walks leave: a couple that cannot be read,
and a session whose
file or packs cannot be read (said, never a crash)."""

from __future__ import annotations

from pathlib import Path

from tests.tui.conftest import said, until
from tests.tui.test_apart_walk import made
from workbook.data.store import Store
from workbook.packs.library import Library
from workbook.tui.screens.agenda import AgendaScreen
from workbook.tui.screens.apart import ApartScreen
from workbook.tui.seat import SeatApp

STEPS = """
[[steps]]
id = "meaning"
kind = "text"
prompt = "{me}, what does respect look like?"
"""


def seat(store: Store, library: Library, couple_id: str) -> SeatApp:
    return SeatApp(store, library, couple_id=couple_id, partner="a", theme="textual-dark")


def test_before_the_couple_is_read_the_seat_speaks_the_apps_language(
    tmp_path: Path, data_dir: Path
) -> None:
    app = seat(*made(tmp_path, data_dir, STEPS, begun=False))
    # None: no couple's language yet, so each screen speaks the app's.
    assert app.couple_translations() is None


async def test_a_couple_that_cannot_be_read_is_said_and_nothing_opens(
    tmp_path: Path, data_dir: Path
) -> None:
    store, library, _ = made(tmp_path, data_dir, STEPS, begun=False)
    app = seat(store, library, "no-such-couple")
    heard = said(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: heard)
        assert not isinstance(app.screen, AgendaScreen | ApartScreen)
        assert app.seat is None
