"""Keys in order, whatever their speed: each key is handled on the screen as it stands after the
keys before it, as if the person had waited for every screen to be drawn.

Textual hands a key to the widget that has the focus when the app reads it, and the widget
takes it later, from its own queue. A key typed in the same burst as a move (Next, a hand-over,
a dialog) was therefore handed out before the move had changed the focus, and landed in the
place being left: in the other partner's private answer, once. So the app holds every key,
paste and mouse button while anything is still at work (a message in any queue, a callback due
after a refresh, a worker that is not waiting for a person), and lets the next one through only
when all is quiet. A key that comes when the app is quiet goes through at once, with no delay.

Alt with a letter never types it: a browser sends Alt+N as ESC n, which Textual reads as
``alt+n`` carrying the character "n", and a text box would type it instead of leaving the key
to the binding it stands for. The gate takes the character away, so the key is only a key.
"""

from __future__ import annotations

import asyncio
from collections import deque
from time import monotonic
from typing import TYPE_CHECKING, Any

from textual import events
from textual.worker import Worker, WorkerState

if TYPE_CHECKING:
    from textual.app import App

# What the gate holds: what the person does, in the order they did it.
GATED = (events.Key, events.Paste, events.MouseDown, events.MouseUp)
# A worker still at work after this long is taken for one that watches (a poll, a search that
# never ends): keys stop waiting for it, so that no mistake elsewhere can freeze the keyboard.
WORKER_PATIENCE = 5.0
# The same for the whole app: a key held this long goes through, and the gate counts it.
PATIENCE = 15.0
# Quick looks first (a move is usually done within a few turns of the loop), then short sleeps,
# so that waiting for a thread to save costs no processor.
QUICK_LOOKS = 40
LOOK_EVERY = 0.002


class KeyGate:
    """Holds the person's input while ``app`` is at work, and lets it through in order."""

    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self._held: deque[events.Event] = deque()
        # Events let through by the gate, on their way back into the app's queue.
        self._released: dict[int, events.Event] = {}
        # Workers waiting for a person to answer a screen: not at work.
        self._waiting: set[Worker[Any]] = set()
        self._busy_since: dict[Worker[Any], float] = {}
        self._feeder: asyncio.Task[None] | None = None
        # The task that runs the app's own queue (Textual keeps it only under run_test).
        self._app_task: asyncio.Task[Any] | None = None
        self._idle = asyncio.Event()
        self._idle.set()
        # Keys that went through only because the app stayed busy for PATIENCE seconds.
        self.forced = 0

    def holds(self, event: events.Event) -> bool:
        """True when ``event`` is kept for later; False when the app should handle it now."""
        if not isinstance(event, GATED) or event.is_forwarded:
            return False
        if self._app_task is None:
            # Called from the app's own queue: this is the task that handles it.
            self._app_task = asyncio.current_task()
        if self._released.pop(id(event), None) is not None:
            return False
        if isinstance(event, events.Key) and event.character and "alt+" in event.key:
            event.character = None
        if not self._held and self.quiet(current=1):
            return False
        self._held.append(event)
        self._idle.clear()
        if self._feeder is None or self._feeder.done():
            self._feeder = asyncio.create_task(self._feed(), name="key-gate")
        return True

    def waiting_for_a_person(self, worker: Worker[Any] | None) -> _Waiting:
        """Marks ``worker`` as waiting for a person (a screen's answer) while in the block."""
        return _Waiting(self, worker)

    async def settled(self) -> None:
        """Wait until every key given so far has been handled, and the app is quiet."""
        while True:
            await self._idle.wait()
            await self._until_quiet()
            if not self._held:
                return

    def close(self) -> None:
        """The app is ending: what is held is dropped, and nothing more is let through."""
        self._held.clear()
        if self._feeder is not None:
            self._feeder.cancel()
        self._idle.set()

    async def _feed(self) -> None:
        while self._held:
            await self._until_quiet(forcing=True)
            if _ending(self.app):
                self.close()
                return
            event = self._held.popleft()
            self._released[id(event)] = event
            self.app.post_message(event)
            # The event is in the app's queue now, so the next look sees the app at work.
        self._idle.set()

    async def _until_quiet(self, forcing: bool = False) -> None:
        started = monotonic()
        looks = 0
        while not self.quiet() and not _ending(self.app):
            if forcing and monotonic() - started > PATIENCE:
                self.forced += 1
                self.app.log.warning("key gate: the app stayed busy; a key went through")
                return
            looks += 1
            await asyncio.sleep(0 if looks < QUICK_LOOKS else LOOK_EVERY)

    def quiet(self, current: int = 0) -> bool:
        """Nothing at work: every queue handled, no callback due, no worker busy. ``current``
        is how many messages the app itself may be handling (the key being looked at)."""
        app = self.app
        if current:
            # The app is handling the key in question: only what is queued behind it counts.
            if _queued(app) or app._next_callbacks:
                return False
        elif _at_work(app, self._app_task):
            return False
        for node in list(app._registry):
            if _at_work(node):
                return False
        try:
            if app.screen._callbacks:
                return False
        except Exception:  # no screen yet, or the app is ending
            return False
        return not self._workers_busy()

    def _workers_busy(self) -> bool:
        now = monotonic()
        busy = [
            worker
            for worker in self.app.workers
            if worker.state in (WorkerState.PENDING, WorkerState.RUNNING)
            and worker not in self._waiting
        ]
        self._busy_since = {w: self._busy_since.get(w, now) for w in busy}
        return any(now - since < WORKER_PATIENCE for since in self._busy_since.values())


class _Waiting:
    def __init__(self, gate: KeyGate, worker: Worker[Any] | None) -> None:
        self.gate, self.worker = gate, worker

    def __enter__(self) -> None:
        if self.worker is not None:
            self.gate._waiting.add(self.worker)

    def __exit__(self, *exc: object) -> None:
        if self.worker is not None:
            self.gate._waiting.discard(self.worker)


def _ending(app: Any) -> bool:
    """The app is closing: nothing more is handled."""
    return bool(app._closing or app._closed)


def _queued(node: Any) -> bool:
    """Messages wait in ``node``'s queue."""
    queue = node.__dict__.get("_message_queue")
    return bool(queue is not None and queue.values) or node._pending_message is not None


def _at_work(node: Any, task: asyncio.Task[Any] | None = None) -> bool:
    """``node`` has messages or callbacks to handle, or is handling one: its task (``task``
    when Textual does not keep it) is not parked where it waits for the next message."""
    if _queued(node) or node._next_callbacks:
        return True
    task = node._task or task
    if task is None or task.done():
        return False
    queue = node.__dict__.get("_message_queue")
    waiter = getattr(task, "_fut_waiter", None)
    return queue is None or waiter is None or waiter not in queue.ready_event._waiters
