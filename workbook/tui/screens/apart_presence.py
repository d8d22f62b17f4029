"""What a partner's own device shares with the other's besides answers (``screens/apart.py``,
``service/apart_clock.py``): its heartbeat every ``HEARTBEAT_SECONDS``, the other partner shown
as away when their device has not been heard from, and a listening step's time box."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.content import Content

from workbook.data.durable import SaveError
from workbook.data.partners import other
from workbook.i18n.said import said_in
from workbook.service import apart_clock
from workbook.tui.plain import fill
from workbook.tui.steps.listen import ListenInput

if TYPE_CHECKING:
    from workbook.service.apart import Seat, Stage

# A heartbeat is only a mark: one that fails is not said (an answer's save says its own
# failure). Failing this many times in a row is said: by then the other device shows this
# partner as away.
SAY_AFTER_FAILED = round(apart_clock.AWAY_SECONDS / apart_clock.HEARTBEAT_SECONDS)


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

        def notify(self, *args: Any, **kwargs: Any) -> Any: ...

    # Heartbeats that could not be saved in a row (none said until ``SAY_AFTER_FAILED``).
    beats_failed = 0

    def start_heartbeat(self) -> None:
        self.set_interval(apart_clock.HEARTBEAT_SECONDS, self.heartbeat)

    def heartbeat(self) -> None:
        """This device is here (``[apart] seen``, saved without moving ``updated``); and the
        other partner away is said now, as their device cannot say it.

        A heartbeat that cannot be saved is said only when saves keep failing, by the time
        the other device shows this partner as away; and then that saving works again."""
        seat = self.seat
        try:
            seat.update(lambda s: apart_clock.beat(s, seat.partner, seat.now()), stamp=False)
        except SaveError as error:
            self.beats_failed += 1
            if self.beats_failed == SAY_AFTER_FAILED:
                said = self.tr._(
                    "This device cannot save the session: {problem}. Until it can, {name}'s "
                    "device shows you as away."
                ).format(problem=said_in(error, self.tr), name=self.names[other(seat.partner)])
                self.notify(said, severity="error", timeout=20, markup=False)
            return
        if self.beats_failed >= SAY_AFTER_FAILED:
            self.notify(self.tr._("This device saves the session again."), markup=False)
        self.beats_failed = 0
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
