"""Screenshots of a partner's own seat (the apart walk), compared with the stored SVGs. Update
them with ``pytest tests/tui/test_snapshots_apart.py --snapshot-update`` after a deliberate
change."""

from __future__ import annotations

from datetime import date
from typing import Any

from tests.tui.conftest import SIZE, WHEN, make_couple
from workbook.data.store import Store
from workbook.packs.library import Library
from workbook.service import apart
from workbook.tui.seat import SeatApp


def seat_after(store: Store, library: Library, answers: dict[str, str]) -> SeatApp:
    """Lia's seat in an apart session of "respect", at its first private step, where each
    partner in ``answers`` has answered and is done."""
    couple = make_couple(store, "Lia", "Ben")
    loaded = library.packs["respect"]
    assert loaded.pack is not None
    session_id = apart.begin(store, couple, [loaded])
    seats = {
        key: apart.Seat(Store(store.root), couple, session_id, [loaded.pack], key, lambda: WHEN)
        for key in "ab"
    }
    lia = seats["a"]
    lia.arrive()
    seats["b"].arrive()  # Ben's device is open too (else Lia's top line says he is away)
    first = lia.stage().place
    assert first is not None
    lia.move(first, forward=True)
    for key, words in answers.items():
        seat = seats[key]
        seat.reload()
        place = seat.stage().place
        assert place is not None
        seat.keep(place, {key: words})
        seat.finish_turn(place)
    app = SeatApp(
        Store(store.root), library, couple_id=couple.id, partner="a", theme="textual-dark"
    )
    app.today = lambda: date(2026, 11, 22)
    app.now = lambda: WHEN
    return app


def test_seat_waiting(snap_compare: Any, store: Store, library: Library) -> None:
    """Lia's own seat after "I'm done": "Lia's own seat · step 2 of 7" at the top, the step's
    title, "Waiting for Ben." in bold, a line saying Ben cannot see her answer, and only a
    "Change my answer" button: no Back (in the footer either), and nothing of either answer."""
    app = seat_after(store, library, {"a": "Being asked, not told."})
    assert snap_compare(app, terminal_size=SIZE)


def test_seat_reveal_at_forty_columns(snap_compare: Any, store: Store, library: Library) -> None:
    """The reveal on Lia's own seat at 40 columns: both answers, Lia's above Ben's, each in its
    own card, with Back and Next buttons a finger can press."""
    app = seat_after(store, library, {"a": "Being asked, not told.", "b": "Time to think."})
    assert snap_compare(app, terminal_size=(40, 24))
