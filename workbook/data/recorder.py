"""The one owner of an open session: it records answers and moves, saves them, and knows what is
unsaved.

Saving follows one rule while answers change: the session is saved once changes stop for a short
moment (``QUIET``), and never later than ``MAX_WAIT`` after the first unsaved change, however long
the typing goes on. So slow typing gives one save per burst, and steady typing a save every
second. A screen asks ``due_in`` when to save; the recorder holds no timer of its own, so it is
tested without a clock that runs.

A save that fails keeps the answers in memory and says so; ``unsaved`` tells how much would be
lost, so that leaving can ask first.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from workbook.data import trail
from workbook.data.durable import SaveError

if TYPE_CHECKING:
    from workbook.data.models import Session
    from workbook.data.store import Store

QUIET = 0.4
MAX_WAIT = 0.8


@dataclass(frozen=True)
class Unsaved:
    """What only memory holds: how many steps' answers changed, and since when."""

    steps: int
    since: datetime | None
    reason: str

    def describe(self) -> str:
        count = f"{self.steps} answer{'s' if self.steps != 1 else ''}"
        since = f" since {self.since.strftime('%H:%M:%S')}" if self.since else ""
        return f"{count} changed{since}"


class SessionRecorder:
    """Records one session's answers and saves them to the store."""

    def __init__(
        self,
        store: Store,
        couple_id: str,
        session: Session,
        read_only: str | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.store = store
        self.couple_id = couple_id
        self.session = session
        self.read_only = read_only
        self._clock = clock
        self._first_change: float | None = None
        self._last_change: float | None = None
        self._saved = _kept(session)
        self.saved_at: datetime | None = None
        # Why the last save failed ("No space left on device"), while it keeps failing; None
        # once a save succeeds.
        self.failure: str | None = None
        # The first move of a sitting is on the trail even at the place the session was left:
        # the time from then on is spent here, not in the break before.
        self._arrived = False

    # Answers and moves

    def record(self, pack_id: str, step_id: str, answer: Any) -> None:
        """Replace one step's answer (a typed answer, or a table), and note that it needs
        saving."""
        if self.read_only:
            return
        table = answer.to_table() if hasattr(answer, "to_table") else answer
        self.session.set_answer(pack_id, step_id, table)
        self.changed()

    def move(self, pack_id: str, step_id: str, phase: str | None) -> None:
        """Remember where the couple is, for resuming, and add the move to the trail (the
        first of a sitting too, where the session was left)."""
        from workbook.data.models import Position, now

        if self.read_only:
            return
        here = Position(pack=pack_id, step=step_id, phase=phase)
        if self.session.position == here and self._arrived:
            return
        self._arrived = True
        self.session.position = here
        self.session.trail.append(trail.entry(now(), pack_id, step_id, phase))
        self.changed()

    def finish(self) -> None:
        from workbook.data.models import now

        if not self.read_only:
            self.session.finished = now()
            self.changed()

    def unfinish(self) -> None:
        """Take back a finish that could not be saved."""
        self.session.finished = None

    def changed(self) -> None:
        """Note a change to the session that needs saving."""
        if self.read_only:
            return
        now = self._clock()
        if self._first_change is None:
            self._first_change = now
        self._last_change = now

    @property
    def dirty(self) -> bool:
        return self._first_change is not None

    def due_in(self) -> float | None:
        """Seconds until the next save is due (0 or less: now), or None when all is saved."""
        if self._first_change is None or self._last_change is None:
            return None
        due = min(self._last_change + QUIET, self._first_change + MAX_WAIT)
        return due - self._clock()

    # Saving

    def save(self, *, stamp: bool = True) -> bool:
        """Save now. True when the session is saved (or read-only); False when the save failed,
        and ``failure`` says why."""
        if self.read_only:
            return True
        try:
            self.store.save_session(self.couple_id, self.session, stamp=stamp)
        except SaveError as error:
            self.failure = error.reason
            return False
        except OSError as error:
            self.failure = error.strerror or str(error)
            return False
        self._first_change = self._last_change = None
        self._saved = _kept(self.session)
        self.saved_at = self.session.updated
        self.failure = None
        return True

    def unsaved(self) -> Unsaved | None:
        """What would be lost by leaving now, or None when nothing would be: where the couple
        stands is not counted, only answers and notes."""
        if self.read_only or (self.failure is None and not self.dirty):
            return None
        steps = _changes(self._saved, _kept(self.session))
        if not steps:
            return None
        return Unsaved(steps, self.saved_at, self.failure or "not saved yet")


def _kept(session: Session) -> dict[str, Any]:
    """A copy of what leaving must not lose: the answers and the notes."""
    notes = session.facilitator.notes if session.facilitator else ""
    return {"answers": copy.deepcopy(session.answers), "notes": notes}


def _changes(before: dict[str, Any], after: dict[str, Any]) -> int:
    """How many step answers (and notes) differ."""
    count = int(before["notes"] != after["notes"])
    old_packs, new_packs = before["answers"], after["answers"]
    for pack_id in set(old_packs) | set(new_packs):
        old, new = old_packs.get(pack_id, {}), new_packs.get(pack_id, {})
        if not isinstance(old, dict) or not isinstance(new, dict):
            count += old != new
            continue
        count += sum(old.get(step) != new.get(step) for step in set(old) | set(new))
    return count
