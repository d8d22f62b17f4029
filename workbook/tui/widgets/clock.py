"""The walk's clock: the time spent on the session against the agenda's budget ("23 of 55 min").

It reads the recorder's trail and the time of day the app gives (``app.now``, which tests fix),
and looks again every few seconds; the minutes follow the one rule of ``logic/clock.py``, as
the counsellor's console does. It only ever changes its own line, so typing elsewhere is
never disturbed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from textual.widgets import Static

from workbook.data.trail import moves
from workbook.i18n.catalog import speaking
from workbook.logic.clock import Budget, walk_text
from workbook.service.recorder import SessionRecorder
from workbook.tui.host import tr_of
from workbook.tui.widgets.partners import fit_counter

TICK_SECONDS = 5.0


class SessionClock(Static):
    DEFAULT_CSS = """
    SessionClock { width: auto; height: 1; padding: 0 1; background: $panel; color: $text-muted; }
    """

    def __init__(
        self, recorder: SessionRecorder, packs: Sequence[Any], now: Callable[[], datetime]
    ) -> None:
        super().__init__(id="clock", markup=False)
        self.recorder = recorder
        self.budget = Budget.of(packs)
        self.now = now
        self.shown = ""

    def on_mount(self) -> None:
        self.tick()
        self.set_interval(TICK_SECONDS, self.tick)

    def tick(self) -> None:
        """Show the time as it stands now."""
        recorder = self.recorder
        # The clock's words are the core's (``logic/clock.py``), in the screen's language.
        with speaking(tr_of(self)):
            text = walk_text(
                moves(recorder.session.trail), self.now(), recorder.arrived_at, self.budget
            )
        if text != self.shown:
            self.shown = text
            self.update(text)
            if self.is_attached:
                # The counter beside the clock may no longer fit whole on a phone.
                fit_counter(self.screen)
