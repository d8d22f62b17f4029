"""Saving the walk as it goes: a save when the recorder says one is due, a retry every few
seconds while saving fails, and one word to the couple when it fails and when it works again."""

from __future__ import annotations

from collections.abc import Callable

from textual.timer import Timer
from textual.widget import Widget

from workbook.data.recorder import SessionRecorder

# While saving fails, how often to try again without waiting for the next change.
RETRY_SECONDS = 5.0


class Autosave:
    """Saves ``recorder``'s session on timers of ``owner`` (the walk screen)."""

    def __init__(self, owner: Widget, recorder: SessionRecorder, shown: Callable[[], None]) -> None:
        self.owner = owner
        self.recorder = recorder
        # Called when saving starts or stops failing, to show it (the top line says NOT SAVED).
        self.shown = shown
        self._timer: Timer | None = None
        # The failure last told, so that a failure that repeats is not told every second.
        self._told: str | None = None
        self.closing = False

    def schedule(self) -> None:
        """Save when the recorder says it is due; one timer at a time, re-armed as needed."""
        if self._timer is not None:
            return
        due = self.recorder.due_in()
        if due is not None:
            self._timer = self.owner.set_timer(max(due, 0.0), self._fire)

    def _fire(self) -> None:
        self._timer = None
        due = self.recorder.due_in()
        if due is None:
            return
        if due > 0.01:
            self._timer = self.owner.set_timer(due, self._fire)
        else:
            self.now()

    def now(self, *, tell: bool = True) -> bool:
        """Save now. A failure keeps the answers in memory, is told once (unless ``tell`` is
        False, when the caller asks the couple itself), and is tried again soon."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        saved = self.recorder.save()
        failure = self.recorder.failure
        if failure is not None and not self.closing:
            self._timer = self.owner.set_timer(RETRY_SECONDS, self._fire)
        if failure == self._told:
            return saved
        self._told = failure
        self.shown()
        if failure is not None and tell:
            self.owner.notify(
                f"Your answers are NOT saved: {failure}. They are kept while workbook is "
                "open; free some space or fix the folder, and they will be saved soon after.",
                title="Not saved",
                severity="error",
                timeout=20,
                markup=False,
            )
        elif failure is None:
            self.owner.notify("Saved again. Nothing was lost.", markup=False)
        return saved
