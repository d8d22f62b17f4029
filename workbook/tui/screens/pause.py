"""The couple's window (DESIGN.md section 3.10): while a couple's session is open, the screen
under it names that couple and nothing else.

Every way into a session for a couple (a new session or Resume on Home, ``workbook start
--couple``, a new couple) puts this screen above Home first, and the agenda, the walk and Done
above it; so Esc in the walk (a pause), Esc on the agenda and the end of a session all come back
here, never to the caseload. It offers Resume, a new session, and Quit. Home is reached only
through the practice lock (``practice_lock.py``): the folder's passphrase when it is encrypted,
else the practice PIN; with neither set, Home is offered only when the folder holds no other
couple, and otherwise the screen says to quit and start again. Nothing here, nor in the keys,
the search or the palette of the screens above, names another couple.
"""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from workbook.data.models import Couple
from workbook.i18n.catalog import N_
from workbook.service import caseload, folder
from workbook.tui import messages
from workbook.tui.actions import bindings
from workbook.tui.host import WorkbookScreen
from workbook.tui.plain import fill
from workbook.tui.screens.practice_lock import PracticeLockScreen, Tries
from workbook.tui.widgets.button import Button
from workbook.tui.widgets.footer import KeysFooter

NO_LOCK = N_(
    "Other couples' names are not shown from a couple's window. To reach them, quit and open "
    "workbook again. A practice PIN (workbook pin set) lets you reach them from here."
)


class PauseScreen(WorkbookScreen[None]):
    """Dismisses only once the practice lock is passed (or there is no other couple)."""

    # Home's keys for the same things.
    BINDINGS = bindings("pause")

    def __init__(self, couple: Couple) -> None:
        super().__init__()
        self.couple = couple
        self.tries = Tries()
        # Which lock guards the caseload; None when there is none (``data/pin.py``).
        self.lock_name: str | None = None
        self.others = True

    @property
    def couple_language(self) -> str | None:
        """The couple's language: every screen above this one speaks it (``Host.tr``)."""
        return self.couple.language

    def compose(self) -> ComposeResult:
        _ = self.tr._
        a, b = self.couple.names
        with Vertical(id="pause"):
            yield Static(fill(_("$a and $b"), a=a, b=b), classes="couple-banner")
            yield Static("", id="pause-said", markup=False)
            with Horizontal(id="pause-buttons"):
                yield Button(_("Resume"), id="resume", variant="primary")
                yield Button(_("New session"), id="new-session")
                yield Button(_("Home"), id="home")
                yield Button(_("Quit"), id="quit")
            yield Static("", id="pause-lock", markup=False)
        yield KeysFooter()

    def on_screen_resume(self) -> None:
        # Also when first shown: what can be resumed, and the way to the caseload, as now.
        store = self.wb.store
        window = caseload.window(store, self.couple.id, self.wb.today())
        unfinished = window.unfinished
        self.lock_name = folder.lock_of(store)
        self.others = window.others
        _ = self.tr._
        said = _("Paused: everything is saved.") if unfinished else _("Everything is saved.")
        self.query_one("#pause-said", Static).update(said)
        self.query_one("#resume", Button).disabled = not unfinished
        home = self.query_one("#home", Button)
        home.display = self.lock_name is not None or not self.others
        home.label = _("Home (locked)") if self.lock_name is not None else _("Home")
        note = self.query_one("#pause-lock", Static)
        note.update(self.tr.gettext(NO_LOCK) if self.lock_name is None and self.others else "")
        self.query_one("#resume" if unfinished else "#new-session", Button).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "resume":
            # The footer may ask before the buttons are mounted, or after they are gone.
            buttons = self.query("#resume").results(Button)
            return any(not button.disabled for button in buttons)
        return True

    @on(Button.Pressed, "#resume")
    def action_resume(self) -> None:
        self.post_message(messages.ResumeSession(self.couple))

    @on(Button.Pressed, "#new-session")
    def action_new_session(self) -> None:
        self.post_message(messages.OpenAgenda(self.couple))

    @on(Button.Pressed, "#quit")
    async def _quit(self) -> None:
        await self.app.run_action("quit")

    @on(Button.Pressed, "#home")
    @work(exclusive=True, group="practice-lock")
    async def _home(self) -> None:
        """To the caseload: through the lock, or straight there when the folder holds no
        other couple and no lock is set."""
        if self.lock_name is not None:
            opened = await self.app.push_screen_wait(
                PracticeLockScreen(self.wb.store, self.lock_name, self.tries)
            )
            if not opened:
                return
        elif self.others:
            return
        self.dismiss()
