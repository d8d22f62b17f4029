"""The console before there is a session to follow: a counsellor who opens it first (often the
console link of ``workbook serve``, before the couple has begun) waits here, and the console
opens by itself as soon as a session begins.

Once a second it looks, in a thread, for the unfinished session saved last: the named couple's,
or any couple's when none was named. After the first look it reads only the couples whose
sessions folder has changed. It reads without a lock and writes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static

from workbook.data.files import DataError
from workbook.data.store import Store
from workbook.i18n.said import said_in
from workbook.service.follow import walking_now
from workbook.tui.host import tr_of
from workbook.tui.plain import line
from workbook.tui.widgets.footer import KeysFooter

LOOK_EVERY = 1.0


@dataclass
class Looked(Message):
    """What a look found: a couple and its session to follow, or None."""

    found: tuple[str, str] | None


class WaitingScreen(Screen[None]):
    DEFAULT_CSS = """
    WaitingScreen #waiting { padding: 1 2; height: 1fr; }
    WaitingScreen #waiting-title { text-style: bold; margin-bottom: 1; }
    WaitingScreen #waiting-who { margin-bottom: 1; }
    WaitingScreen #waiting-problem { color: $warning; }
    """

    def __init__(
        self,
        store: Store,
        couple_id: str | None,
        opens: Callable[[Any, str], Screen[Any]],
        *,
        look_every: float = LOOK_EVERY,
    ) -> None:
        super().__init__()
        self.store = store
        self.couple_id = couple_id
        self.opens = opens
        self.look_every = look_every
        self._looking = False
        # What each look found per couple (``walking_now``): only a couple whose sessions
        # folder changed is read again.
        self._memo: dict[str, Any] = {}
        # How many looks found nothing: tests wait on it, never on time.
        self.looked = 0

    def compose(self) -> ComposeResult:
        _ = tr_of(self)._
        waiting = _("Waiting for a couple to begin a session.")
        if self.couple_id is not None:
            try:
                first, last = self.store.load_couple(self.couple_id).names
                who = _("{first} and {last}").format(first=first, last=last)
            except DataError:
                who = self.couple_id
            waiting = _("Waiting for {names} to begin a session.").format(names=who)
        with Vertical(id="waiting"):
            yield Static(_("Console"), id="waiting-title", markup=False)
            yield Static(line(waiting), id="waiting-who")
            yield Static(
                _(
                    "The console opens here by itself as soon as they begin: there is nothing "
                    "to press. It shows where they are, and keeps your notes."
                ),
                markup=False,
            )
            yield Static("", id="waiting-problem", markup=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.set_interval(self.look_every, self._look)
        self._look()

    def _look(self) -> None:
        if self._looking:
            return
        self._looking = True
        self.run_worker(self._find, thread=True, group="console-wait", exit_on_error=False)

    def _find(self) -> None:
        chosen = None if self.couple_id is None else [self.couple_id]
        try:
            found = walking_now(self.store, chosen, self._memo)
        except Exception:  # a watcher must keep watching, whatever the folder holds
            found = None
        self.post_message(Looked(found))

    @on(Looked)
    def _open(self, looked: Looked) -> None:
        self._looking = False
        self.looked += 1
        if looked.found is None:
            return
        couple_id, session_id = looked.found
        try:
            couple = self.store.load_couple(couple_id)
        except DataError as error:
            problem = self.query_one("#waiting-problem", Static)
            said = tr_of(self)._("A session has begun, but it cannot be followed: {problem}")
            problem.update(said.format(problem=said_in(error, tr_of(self))))
            return
        self.app.switch_screen(self.opens(couple, session_id))
