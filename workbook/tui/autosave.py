"""The one saver: a save when the debounce (``data/debounce.py``) says one is due, and a retry
every few seconds while saving fails, on timers of the widget that owns it. ``Autosave`` saves
the walk, with one word to the couple when it fails and when it works again; the notes' saver
(``widgets/notes_pane.py``) saves in a thread."""

from __future__ import annotations

from collections.abc import Callable

from textual.timer import Timer
from textual.widget import Widget

from workbook.i18n.said import said_in
from workbook.service.recorder import SessionRecorder
from workbook.tui.host import tr_of

# While saving fails, how often to try again without waiting for the next change.
RETRY_SECONDS = 5.0


class Saver:
    """Saves when ``due_in`` says, on timers of ``owner``; ``save_due`` does the saving, and a
    failure (``failing``) is tried again after ``RETRY_SECONDS`` without waiting for a change."""

    def __init__(
        self, owner: Widget, due_in: Callable[[], float | None], failing: Callable[[], bool]
    ) -> None:
        self.owner = owner
        self.due_in = due_in
        self.failing = failing
        self._timer: Timer | None = None

    def schedule(self, delay: float | None = None) -> None:
        """Save when due (or after ``delay``); one timer at a time, re-armed as needed."""
        if self._timer is not None or not self.may_save():
            return
        due = self.due_in() if delay is None else delay
        if due is not None:
            # A timer of no time at all divides by zero in Textual.
            self._timer = self.owner.set_timer(max(due, 0.01), self._fire)

    def retry(self) -> None:
        self.schedule(RETRY_SECONDS)

    def cancel(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def _fire(self) -> None:
        self._timer = None
        due = self.due_in()
        if due is None and not self.failing():
            return
        if due is not None and due > 0.01:
            self._timer = self.owner.set_timer(due, self._fire)
            return
        self.save_due()

    def may_save(self) -> bool:
        return True

    def save_due(self) -> None:
        raise NotImplementedError


class Autosave(Saver):
    """Saves ``recorder``'s session on timers of ``owner`` (the walk screen)."""

    def __init__(self, owner: Widget, recorder: SessionRecorder, shown: Callable[[], None]) -> None:
        super().__init__(owner, recorder.due_in, lambda: recorder.failure is not None)
        self.recorder = recorder
        # Called when saving starts or stops failing, to show it (the top line says NOT SAVED).
        self.shown = shown
        # The failure last told, so that a failure that repeats is not told every second.
        self._told: str | None = None
        self.closing = False

    def save_due(self) -> None:
        self.now()

    def now(self, *, tell: bool = True) -> bool:
        """Save now. A failure keeps the answers in memory, is told once (unless ``tell`` is
        False, when the caller asks the couple itself), and is tried again soon."""
        self.cancel()
        saved = self.recorder.save()
        failure = self.recorder.failure
        if failure is not None and not self.closing:
            self.retry()
        told = failure.message if failure is not None else None
        if told == self._told:
            return saved
        self._told = told
        self.shown()
        _ = tr_of(self.owner)._
        if failure is not None and tell:
            said = _(
                "Your answers are NOT saved: {problem}. They are kept while workbook is "
                "open; free some space or fix the folder, and they will be saved soon after."
            )
            self.owner.notify(
                said.format(problem=said_in(failure, tr_of(self.owner))),
                title=_("Not saved"),
                severity="error",
                timeout=20,
                markup=False,
            )
        elif failure is None:
            self.owner.notify(_("Saved again. Nothing was lost."), markup=False)
        return saved
