"""Keys of a list or a rating row that may be the first letters of text meant for a box nearby.

A partner who starts typing while the cursor is on a term list or a rating row may begin with
one of its keys: "we cook" starts with ``w``, "2 walks" with ``2``. So the keys such a widget
takes as its own in a quick row are remembered, with a way to put back what was there before
the first of them. When text the widget has no use for follows straight away, what those keys
did is undone and all of them go into the box, with the focus: the term or request arrives
whole. A pause, any other key (an arrow, Tab, Enter) or leaving the widget ends the row: the
keys it took stand. So does an agreement: both confirmations are kept, whatever follows.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from textual import events
from textual.widgets import Input

# Keys this close together are one row of typing; a key after a longer pause was meant.
TYPING_GAP = 1.0

Box = Callable[[], Input | None]
# Puts back what was kept, and says whether it could (False when it must stand).
Undo = Callable[[], bool]


def keep_nothing() -> Undo:
    """For a widget whose keys change nothing worth putting back."""
    return lambda: True


class TypeAhead:
    """The keys a widget took in a quick row, and where text typed there belongs."""

    def __init__(
        self, box: Box, keep: Callable[[], Undo], clock: Callable[[], float] = time.monotonic
    ) -> None:
        # The box that text belongs in, or None while there is none on screen.
        self.box = box
        # Keeps what the widget holds now, and returns what puts it back.
        self.keep = keep
        self.clock = clock
        self.keys = ""
        self._undo: Undo | None = None
        self._last = 0.0

    def took(self, character: str) -> None:
        """The widget is about to take ``character`` as its own key."""
        if self.box() is None:
            return
        self._end_after_a_pause()
        if not self.keys:
            self._undo = self.keep()
        self.keys += character
        self._last = self.clock()

    def settle(self) -> None:
        """The keys taken so far stand."""
        self.keys = ""
        self._undo = None

    def give(self, event: events.Key) -> bool:
        """If ``event`` is text the widget does not take, undo the keys of the row and type them
        all into the box, with the focus there; True when it did."""
        box = self.box()
        if box is None or not (event.is_printable and event.character):
            self.settle()
            return False
        self._end_after_a_pause()
        keys = self.keys if self._undo is not None and self._undo() else ""
        self.settle()
        event.stop()
        event.prevent_default()
        box.focus()
        box.insert_text_at_cursor(keys + event.character)
        return True

    def _end_after_a_pause(self) -> None:
        if self.keys and self.clock() - self._last > TYPING_GAP:
            self.settle()
