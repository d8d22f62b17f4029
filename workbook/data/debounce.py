"""The one save policy while text changes: save once changes stop for a short moment
(``QUIET``), and never later than ``MAX_WAIT`` after the first unsaved change, however long the
typing goes on. So slow typing gives one save per burst, and steady typing a save every
``MAX_WAIT``. Whoever saves asks ``due_in``; this holds no timer, so it is tested without a
clock that runs."""

from __future__ import annotations

import time
from collections.abc import Callable

QUIET = 0.4
MAX_WAIT = 0.8


class Debounce:
    """When the next save is due, from the changes noted since the last one."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self._first: float | None = None
        self._last: float | None = None

    @property
    def pending(self) -> bool:
        """True when a change is not saved yet."""
        return self._first is not None

    def changed(self) -> None:
        now = self.clock()
        if self._first is None:
            self._first = now
        self._last = now

    def due_in(self) -> float | None:
        """Seconds until the next save is due (0 or less: now), or None when all is saved."""
        if self._first is None or self._last is None:
            return None
        return min(self._last + QUIET, self._first + MAX_WAIT) - self.clock()

    def saved(self, *, more: bool = False) -> None:
        """A save is done; ``more``: changes came while it ran, so the next one is due on the
        usual rule, counted from now."""
        if more:
            self._first = self.clock()
        else:
            self._first = self._last = None
