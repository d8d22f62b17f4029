"""What two devices of an apart session share besides answers, seen on the seats: the other
partner shown as away when their device is not heard from (a heartbeat), and the listening
step's time box, the same time left and the same time-out on both. The clocks are fixed and
moved by hand: nothing here sleeps."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from tests.tui.conftest import WHEN, said, until
from tests.tui.test_apart_kinds import opened, settle, tap
from tests.tui.test_apart_walk import made, seat_app, seat_screen, shown
from workbook import tomlio
from workbook.data.durable import SaveError
from workbook.data.store import Store
from workbook.service import apart, apart_clock
from workbook.service.apart_clock import AWAY_SECONDS
from workbook.tui.steps.listen import ListenInput

LISTEN = """
[[steps]]
id = "hear"
kind = "listen"
prompt = "Speaker: one moment you did not feel heard."
turn_minutes = 2
"""


async def test_a_killed_device_shows_as_away_until_it_beats_again(
    tmp_path: Path, data_dir: Path
) -> None:
    setup = made(tmp_path, data_dir, LISTEN)
    store, library, couple_id = setup
    # Ben's device opened at WHEN, and then its app was killed: it never said it left.
    couple = store.load_couple(couple_id)
    session_id = apart.find(store, couple_id)
    assert session_id is not None
    pack = library.packs["respect"].pack
    assert pack is not None
    ben = apart.Seat(Store(store.root), couple, session_id, [pack], "b", lambda: WHEN)
    ben.arrive()
    clock = [WHEN + timedelta(seconds=AWAY_SECONDS + 10)]
    lia_app = seat_app(setup, "a")
    lia_app.now = lambda: clock[0]
    async with lia_app.run_test(size=(80, 30)) as lia:
        await opened(lia)
        screen = seat_screen(lia_app)
        assert "Ben is away" in shown(lia_app)
        # Lia's own heartbeat keeps her here, in the session file.
        clock[0] += timedelta(seconds=apart_clock.HEARTBEAT_SECONDS)
        screen.heartbeat()
        table = tomlio.loads(screen.seat.path.read_text(encoding="utf-8"))
        assert table["apart"]["seen"]["a"] == clock[0]
        # Ben's device back (its heartbeat): Lia's top line no longer says he is away.
        ben.update(lambda s: apart_clock.beat(s, "b", clock[0]))
        await until(lia, lambda: "Ben is away" not in shown(lia_app))
        await settle(lia)


def says(app: object, words: str) -> Callable[[], bool]:
    return lambda: words in left_on(app)


def left_on(app: object) -> str:
    listen = seat_screen(app).query(ListenInput)  # type: ignore[arg-type]
    return str(listen.first().query_one("#timer").render()) if listen else ""


async def test_the_time_box_and_a_time_out_are_the_same_on_both_devices(
    tmp_path: Path, data_dir: Path
) -> None:
    setup = made(tmp_path, data_dir, LISTEN)
    clock = [WHEN]
    lia_app, ben_app = seat_app(setup, "a"), seat_app(setup, "b")
    for app in (lia_app, ben_app):
        app.now = lambda: clock[0]
    async with lia_app.run_test(size=(80, 30)) as lia, ben_app.run_test(size=(80, 30)) as ben:
        await opened(lia, ben)

        async def both_say(words: str) -> None:
            for pilot, app in ((lia, lia_app), (ben, ben_app)):
                await until(pilot, says(app, words))

        await both_say("2:00 left")
        clock[0] += timedelta(seconds=30)
        await both_say("1:30 left")
        # A time-out on Lia's device: Ben's stops too, and says Go on.
        await tap(lia, "#timeout")
        assert seat_screen(lia_app).keep_now()
        await until(ben, lambda: seat_screen(ben_app).query_one(ListenInput).paused)
        clock[0] += timedelta(seconds=100)
        await until(ben, lambda: "Go on" in shown(ben_app))
        # Going on from Ben's device: the time runs again on both, from where it stopped.
        await tap(ben, "#timeout")
        await until(lia, lambda: not seat_screen(lia_app).query_one(ListenInput).paused)
        clock[0] += timedelta(seconds=10)
        await both_say("1:20 left")
        await settle(lia, ben)


async def test_a_heartbeat_keeps_updated_and_failing_ones_are_said_once_they_last(
    tmp_path: Path, data_dir: Path
) -> None:
    from workbook.tui.screens.apart_presence import SAY_AFTER_FAILED

    setup = made(tmp_path, data_dir, LISTEN)
    clock = [WHEN]
    lia_app = seat_app(setup, "a")
    lia_app.now = lambda: clock[0]
    heard = said(lia_app)
    async with lia_app.run_test(size=(80, 30)) as lia:
        await opened(lia)
        screen = seat_screen(lia_app)
        seat = screen.seat
        updated = seat.reload().updated
        clock[0] += timedelta(hours=1)
        screen.heartbeat()
        # Saved (the heartbeat is in the file), and the session's `updated` has not moved:
        # a heartbeat is not something the couple did.
        assert apart_clock.last_seen(seat.reload(), "a") == clock[0]
        assert seat.session.updated == updated

        def refuse(*args: object, **kwargs: object) -> None:
            raise SaveError(seat.path, "the disk is full")

        seat.update = refuse  # type: ignore[method-assign]

        def cannot() -> list[str]:
            return [words for words in heard if "cannot save" in words]

        for _ in range(SAY_AFTER_FAILED - 1):
            screen.heartbeat()
        assert cannot() == []  # one failure, or two, may pass: nothing said yet
        screen.heartbeat()
        assert len(cannot()) == 1
        assert "the disk is full" in cannot()[0]
        assert "Ben's device shows you as away" in cannot()[0]
        screen.heartbeat()
        assert len(cannot()) == 1  # said once while it lasts
        del seat.update
        screen.heartbeat()
        assert heard[-1] == "This device saves the session again."
        screen.heartbeat()
        assert heard.count("This device saves the session again.") == 1
