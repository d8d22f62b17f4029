"""What the two seats of an apart session share besides answers (service/apart_clock.py): each
seat's heartbeat, so that a killed seat is seen as away, and the listening step's time box, the
same on both devices. Every time is given (a fixed clock): nothing here sleeps."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from tests.test_apart import WHEN, seats
from workbook.data.models import Session
from workbook.logic.live import live
from workbook.service import apart_clock
from workbook.service.apart_clock import AWAY_SECONDS, HEARTBEAT_SECONDS, is_here, time_box


def test_a_seat_not_heard_from_is_away_and_a_heartbeat_keeps_it_here(tmp_path: Path) -> None:
    _, lia, ben = seats(tmp_path)
    lia.arrive()
    ben.arrive()
    session = lia.reload()
    assert is_here(session, "b", WHEN + timedelta(seconds=AWAY_SECONDS))
    assert not is_here(session, "b", WHEN + timedelta(seconds=AWAY_SECONDS + 1))
    # Ben's process beats every HEARTBEAT_SECONDS: he stays here.
    at = WHEN + timedelta(seconds=3 * HEARTBEAT_SECONDS)
    ben.update(lambda s: apart_clock.beat(s, "b", at))
    assert is_here(lia.reload(), "b", at + timedelta(seconds=AWAY_SECONDS))
    # Hand-edited nonsense counts as no heartbeat: ``here`` alone says it, as before heartbeats.
    odd = lia.reload()
    odd.apart["seen"] = {"b": "yesterday", "z": 3}
    assert is_here(odd, "b", at + timedelta(days=9))
    odd.apart["here"] = ["a"]
    assert not is_here(odd, "b", at)


def test_the_last_seat_to_leave_marks_a_pause_when_the_other_was_killed(tmp_path: Path) -> None:
    _, lia, ben = seats(tmp_path)
    lia.arrive()
    ben.arrive()  # and then Ben's process is killed: he never says he left
    lia.now = lambda: WHEN + timedelta(seconds=AWAY_SECONDS + HEARTBEAT_SECONDS)
    lia.update(lambda s: apart_clock.beat(s, "a", lia.now()))
    lia.leave()
    assert live(lia.reload(), lia.walk.packs, lia.now()).paused_at == lia.now()


def test_a_seat_that_left_at_once_after_the_other_arrived_marks_no_pause(tmp_path: Path) -> None:
    _, lia, ben = seats(tmp_path)
    lia.arrive()
    ben.arrive()
    lia.leave()  # Ben is here, heard from a moment ago
    assert live(lia.reload(), lia.walk.packs, WHEN).paused_at is None


def test_both_seats_show_the_same_time_left_and_the_same_time_out(tmp_path: Path) -> None:
    _, lia, ben = seats(tmp_path)
    where, full = "respect/listen", 120

    def box(seconds: float, turn: int = 0) -> apart_clock.TimeBox:
        lia.reload()
        ben.reload()
        at = WHEN + timedelta(seconds=seconds)
        mine, theirs = (time_box(s.session, where, turn, full, at) for s in (lia, ben))
        assert mine == theirs
        return mine

    assert box(0) == apart_clock.TimeBox(full, False, False)
    # Lia's device shows the turn first and starts it; Ben's, a moment later, leaves it so.
    lia.update(lambda s: apart_clock.start(s, where, 0, full, WHEN))
    ben.update(lambda s: apart_clock.start(s, where, 0, full, WHEN + timedelta(seconds=5)))
    assert box(30) == apart_clock.TimeBox(90, False, True)
    # A time-out on Ben's device stops the time on both; going on from Lia's runs it again.
    ben.update(
        lambda s: apart_clock.time_out(s, where, 0, full, WHEN + timedelta(seconds=40), True)
    )
    assert box(40) == box(500) == apart_clock.TimeBox(80, True, True)
    lia.update(
        lambda s: apart_clock.time_out(s, where, 0, full, WHEN + timedelta(seconds=500), False)
    )
    assert box(510) == apart_clock.TimeBox(70, False, True)
    assert box(9999).left == 0
    # The next turn has a box of its own, full until started.
    assert box(510, turn=1) == apart_clock.TimeBox(full, False, False)


def test_a_hand_edited_time_box_is_read_leniently() -> None:
    session = Session.model_construct(
        id="s",
        started=WHEN,
        updated=WHEN,
        apart={"listen": {"step": "p/s", "turn": 0, "left": "x"}},
    )
    assert time_box(session, "p/s", 0, 60, WHEN) == apart_clock.TimeBox(60, False, True)
    session.apart["listen"] = {"step": "p/s", "turn": 0, "left": 10**9, "paused": True}
    assert time_box(session, "p/s", 0, 60, WHEN).left == 60
    session.apart = ["not", "a", "table"]
    assert time_box(session, "p/s", 0, 60, WHEN) == apart_clock.TimeBox(60, False, False)
