"""The practice lock (DESIGN.md section 3.10): the way from a couple's window to the caseload.

It asks for the folder's passphrase when the folder is encrypted, else for the practice PIN
(``data/pin.py``). Checking runs in a thread, so the window never waits. A wrong entry is slowed
down: the box stays closed for a while that grows with each wrong entry in this window
(``DELAYS``), and nothing counts them in a file. ``Tries`` is kept by the couple's window, so
closing the lock and asking again does not start the count afresh; its ``wait`` is how the
delay is waited for (tests give one that returns at once).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from workbook.data import pin
from workbook.data.store import Store
from workbook.i18n.catalog import N_
from workbook.service import folder
from workbook.tui.actions import bindings
from workbook.tui.host import tr_of
from workbook.tui.widgets.box import Box
from workbook.tui.widgets.button import Button

# Seconds the box stays closed after the first, second, ... wrong entry.
DELAYS = (1.0, 2.0, 4.0, 8.0, 15.0, 30.0, 60.0)
WORDS = {
    pin.PIN: (
        N_("Other couples' names are kept from this screen. To reach them, type the practice PIN."),
        N_("That is not the PIN. You can try again in {seconds} seconds."),
        N_("That is not the PIN. Please try again."),
    ),
    pin.PASSPHRASE: (
        N_(
            "Other couples' names are kept from this screen. To reach them, type this "
            "workbook's passphrase."
        ),
        N_("That is not the passphrase. You can try again in {seconds} seconds."),
        N_("That is not the passphrase. Please try again."),
    ),
}


@dataclass
class Tries:
    """Wrong entries so far in this window (never in a file), and how a delay is waited."""

    wrong: int = 0
    wait: Callable[[float], Awaitable[object]] = asyncio.sleep

    def delay(self) -> float:
        return DELAYS[min(self.wrong, len(DELAYS)) - 1] if self.wrong else 0.0


class PracticeLockScreen(ModalScreen[bool]):
    """Dismisses with True once the right PIN (or passphrase) is given; False: back."""

    BINDINGS = bindings("lock")

    def __init__(self, store: Store, lock: str, tries: Tries) -> None:
        super().__init__()
        self.store = store
        self.lock_name = lock
        self.tries = tries
        # How many entries have been checked: tests wait on it, never on time.
        self.checked = 0

    def compose(self) -> ComposeResult:
        tr = tr_of(self)
        legend = tr.gettext(WORDS[self.lock_name][0])
        with Vertical(id="practice-lock", classes="dialog"):
            yield Static(tr._("The caseload is locked"), classes="dialog-title", markup=False)
            yield Static(
                legend,
                classes="legend",
                markup=False,
            )
            yield Box(id="secret", password=True, max_length=pin.MAX_PIN)
            yield Static("", id="lock-message", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(tr._("Open"), id="open", variant="primary")
                yield Button(tr._("Back"), id="back")

    def on_mount(self) -> None:
        self.query_one("#secret", Input).focus()

    def _say(self, text: str) -> None:
        self.query_one("#lock-message", Static).update(text)

    def _shut(self, closed: bool) -> None:
        self.query_one("#secret", Input).disabled = closed
        self.query_one("#open", Button).disabled = closed

    @on(Button.Pressed, "#back")
    def _back(self) -> None:
        self.dismiss(False)

    @on(Input.Submitted, "#secret")
    @on(Button.Pressed, "#open")
    def _open(self) -> None:
        field = self.query_one("#secret", Input)
        secret = field.value
        field.value = ""
        if field.disabled or not secret:
            return
        self._shut(True)
        self._say(tr_of(self)._("Checking…"))
        self._check(secret)

    @work(exclusive=True, group="practice-lock")
    async def _check(self, secret: str) -> None:
        right = await asyncio.to_thread(self._right, secret)
        self.checked += 1
        if right:
            self.dismiss(True)
            return
        self.tries.wrong += 1
        delay = self.tries.delay()
        tr = tr_of(self)
        _, wait, again = WORDS[self.lock_name]
        self._say(tr.gettext(wait).format(seconds=f"{delay:g}"))
        await self.tries.wait(delay)
        self._shut(False)
        self._say(tr.gettext(again))
        self.query_one("#secret", Input).focus()

    def _right(self, secret: str) -> bool:
        """In a thread: whether ``secret`` opens the lock."""
        return folder.opens_lock(self.store, self.lock_name, secret)
