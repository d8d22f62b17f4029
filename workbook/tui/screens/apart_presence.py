"""What a partner's own device shares with the other's besides answers (``screens/apart.py``,
``service/apart_clock.py``): its heartbeat every ``HEARTBEAT_SECONDS``, the other partner shown
as away when their device has not been heard from, and a listening step's time box."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.content import Content

from workbook.data.durable import SaveError
from workbook.data.partners import other
from workbook.service import apart_clock
from workbook.tui.plain import fill
from workbook.tui.steps.listen import ListenInput

if TYPE_CHECKING:
    from workbook.service.apart import Seat, Stage


class SharedListening:
    """A listening step's time box, kept in the session file for both devices."""

    def __init__(self, seat: Seat, where: str, full: int, failed: Any) -> None:
        self.seat, self.where, self.full, self.failed = seat, where, full, failed

    def box(self, turn: int, speaking: bool) -> tuple[int, bool]:
        seat = self.seat
        found = apart_clock.time_box(seat.session, self.where, turn, self.full, seat.now())
        if speaking and self.full and not found.started:
            # The first device to show the turn starts its time; the other finds it started.
            try:
                seat.update(lambda s: apart_clock.start(s, self.where, turn, self.full, seat.now()))
            except SaveError as error:
                self.failed(error)
            found = apart_clock.time_box(seat.session, self.where, turn, self.full, seat.now())
        return found.left, found.paused

    def time_out(self, turn: int, paused: bool) -> None:
        seat = self.seat
        try:
            seat.update(
                lambda s: apart_clock.time_out(s, self.where, turn, self.full, seat.now(), paused)
            )
        except SaveError as error:
            self.failed(error)


class SeatPresence:
    """A part of ``ApartScreen``: the heartbeat, the other partner away, the shared time box."""

    seat: Seat
    shown: Stage | None
    names: dict[str, str]
    tr: Any

    if TYPE_CHECKING:
        # The screen's own, declared for the type checker only (a stub here would hide them).

        def _failed(self, error: SaveError) -> None: ...

        def _show_chrome(self, stage: Stage) -> None: ...

        def set_interval(self, *args: Any, **kwargs: Any) -> Any: ...

        def query(self, *args: Any, **kwargs: Any) -> Any: ...

    def start_heartbeat(self) -> None:
        self.set_interval(apart_clock.HEARTBEAT_SECONDS, self.heartbeat)

    def heartbeat(self) -> None:
        """This device is here (``[apart] seen``); and the other partner away is said now,
        as their device cannot say it."""
        seat = self.seat
        try:
            seat.update(lambda s: apart_clock.beat(s, seat.partner, seat.now()))
        except SaveError:
            # Said at the next save of an answer, if it lasts; a heartbeat is only a mark.
            return
        if self.shown is not None:
            self._show_chrome(self.shown)

    def partner_away(self) -> Content:
        """ " · Ben is away" on the top line while Ben's device is not open (or not heard from
        for ``AWAY_SECONDS``: its app was killed, or its connection lost)."""
        partner = other(self.seat.partner)
        if apart_clock.is_here(self.seat.session, partner, self.seat.now()):
            return Content("")
        return fill(self.tr._(" · $name is away"), name=self.names[partner])

    def share_listening(self) -> None:
        """A listening step drawn on this device takes its time box from the session file."""
        for listen in self.query(ListenInput):
            where = f"{listen.context.pack.id}/{listen.step.id}"
            full = (listen.step.turn_minutes or 0) * 60
            listen.share(SharedListening(self.seat, where, full, self._failed))
