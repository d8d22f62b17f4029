"""An encrypted data folder: the passphrase before Home, the recovery code, a new passphrase.

Unwrapping the key takes about a second on purpose (age's scrypt), so it runs in a thread while
the screen says so. A wrong passphrase gets a calm message and another try; "I lost my
passphrase" takes the recovery code and sets a new passphrase. When an interrupted ``workbook
encrypt`` or ``rekey`` is finished here and its recovery code was never shown, the new one is
shown once. A folder whose ``key.age`` is missing, damaged, a folder or a link asks for no
passphrase: it says what is wrong and what to do, and offers the recovery code, which writes a
new ``key.age``. A missing ``key.recovery.age`` is said once, on unlocking.
"""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Input, Label, Static

from workbook.i18n.catalog import N_, SOURCE_TRANSLATIONS, Translations
from workbook.i18n.said import said_in
from workbook.service import folder
from workbook.service.errors import ServiceError, WrongSecret
from workbook.tui.actions import bindings
from workbook.tui.host import tr_of
from workbook.tui.widgets.box import Box
from workbook.tui.widgets.button import Button
from workbook.tui.widgets.footer import KeysFooter

MIN_PASSPHRASE = folder.MIN_PASSPHRASE
WRONG = N_("That passphrase does not open this folder. Please try again, taking your time.")
WRONG_CODE = N_("That recovery code does not open this folder. Please check it and try again.")
LOCKED = N_("This workbook is locked")
# Said from a worker thread: marked here, translated on the screen's side (``_failed``).
NOT_OPENED = N_("The folder cannot be opened: {problem}")
NOT_SET = N_("The passphrase could not be set: {problem}")
NOT_CURRENT = N_("That is not the current passphrase.")
NOT_CHANGED = N_("The passphrase was not changed: {problem}")


def new_passphrase_problem(
    new: str, again: str, tr: Translations = SOURCE_TRANSLATIONS
) -> str | None:
    if len(new) < MIN_PASSPHRASE:
        said = tr._("Please choose a passphrase of at least {count} characters.")
        return said.format(count=MIN_PASSPHRASE)
    if new != again:
        return tr._("The two new passphrases are not the same; please type them again.")
    return None


class UnlockScreen(Screen[bool]):
    """Dismisses with True once the folder is unlocked; False to leave the app."""

    BINDINGS = bindings("unlock")

    def __init__(self, root: Path) -> None:
        super().__init__()
        self.root = root
        self.code: str | None = None
        # key.age cannot be used: only the recovery code can open the folder.
        self.broken = False

    @property
    def tr(self) -> Translations:
        """The app's words: a locked folder's settings are not read yet (``Host.language``)."""
        return tr_of(self)

    def compose(self) -> ComposeResult:
        _ = self.tr._
        with Vertical(id="unlock", classes="form"):
            yield Static(_(LOCKED), id="title", classes="step-title", markup=False)
            with Vertical(id="ask"):
                yield Label(_("Passphrase"), markup=False)
                yield Box(id="passphrase", password=True)
                yield Button(_("Open"), id="open", variant="primary")
                yield Button(_("I lost my passphrase"), id="lost")
            with Vertical(id="no-key"):
                yield Static(id="problem", markup=False)
                yield Button(_("Use the recovery code"), id="use-code", variant="primary")
                yield Button(_("Quit"), id="quit")
            with Vertical(id="recover"):
                yield Label(
                    _("Recovery code (the one shown when the folder was encrypted)"), markup=False
                )
                yield Box(id="code", placeholder="XXXXX-XXXXX-...")
                yield Label(_("New passphrase"), markup=False)
                yield Box(id="new", password=True)
                yield Label(_("The new passphrase again"), markup=False)
                yield Box(id="again", password=True)
                yield Button(_("Set the new passphrase"), id="set", variant="primary")
                yield Button(_("Back"), id="back")
            with Vertical(id="show-code"):
                yield Static(id="recovery-code", markup=False)
                yield Button(_("I have written it down"), id="written", variant="primary")
            yield Static(id="message", markup=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        self._mode("ask")
        try:
            folder.check_keys(self.root)
        except folder.KeyBroken as error:
            self._broken(error.said(self.tr))

    def _mode(self, mode: str) -> None:
        for part in ("ask", "no-key", "recover", "show-code"):
            self.query_one(f"#{part}").display = part == mode
        first = {
            "ask": "#passphrase",
            "no-key": "#use-code",
            "recover": "#code",
            "show-code": "#written",
        }[mode]
        self.query_one(first).focus()

    def _broken(self, problem: str) -> None:
        """No passphrase can open this key.age: say so, and offer the recovery code."""
        self._busy(False)
        self.broken = True
        self.query_one("#title", Static).update(self.tr._("This workbook cannot be opened"))
        usable = folder.recovery_usable(self.root)
        self.query_one("#use-code", Button).display = usable
        self.query_one("#problem", Static).update(problem)
        self._mode("no-key")
        if not usable:
            self.query_one("#quit", Button).focus()
        self._say("")

    def _say(self, text: str) -> None:
        self.query_one("#message", Static).update(text)

    def _busy(self, busy: bool) -> None:
        for button in self.query(Button):
            button.disabled = busy
        if busy:
            self._say(self.tr._("Opening… (this takes a moment on purpose, to keep guessers slow)"))

    @on(Input.Submitted, "#passphrase")
    @on(Button.Pressed, "#open")
    def _open(self) -> None:
        secret = self.query_one("#passphrase", Input).value
        if not secret:
            self._say(self.tr._("Please type the passphrase."))
            return
        self._busy(True)
        self._unlock(secret)

    @work(thread=True, exclusive=True, group="unlock")
    def _unlock(self, secret: str) -> None:
        shown: list[str] = []
        try:
            folder.unlock(self.root, secret, shown.append)
        except WrongSecret:
            self.app.call_from_thread(self._failed, WRONG)
            return
        except folder.KeyBroken as error:
            self.app.call_from_thread(self._broken_by, error)
            return
        except ServiceError as error:
            self.app.call_from_thread(self._failed, NOT_OPENED, error)
            return
        self.app.call_from_thread(self._opened, shown[-1] if shown else None)

    def _broken_by(self, error: ServiceError) -> None:
        self._broken(error.said(self.tr))

    def _failed(self, message: str, problem: object = "") -> None:
        """Say ``message`` (a marked message, translated here) with its ``problem`` (an error
        of the service's, said here too)."""
        self._busy(False)
        if self.broken:
            self.query_one("#use-code", Button).display = True
        self._say(self.tr.gettext(message).format(problem=said_in(problem, self.tr)))
        field = self.query_one("#passphrase", Input)
        field.value = ""
        if self.query_one("#ask").display:
            field.focus()

    def _opened(self, code: str | None) -> None:
        if code is None:
            self._done()
            return
        self._busy(False)
        self.code = code
        said = self.tr._(
            "An encryption or a rekey that was interrupted is now finished. This is the new "
            "recovery code; it opens the folder if the passphrase is lost. Write it down and "
            "keep it away from this computer. It is shown only this once:\n\n    {code}"
        )
        self.query_one("#recovery-code", Static).update(said.format(code=code))
        self._say("")
        self._mode("show-code")

    def _done(self) -> None:
        missing = folder.recovery_note(self.root)
        if missing is not None:
            title = self.tr._("Recovery code")
            said = said_in(missing, self.tr)
            self.app.notify(said, title=title, severity="warning", timeout=30, markup=False)
        self.dismiss(True)

    @on(Button.Pressed, "#written")
    def _written(self) -> None:
        self._done()

    @on(Button.Pressed, "#lost")
    @on(Button.Pressed, "#use-code")
    def _lost(self) -> None:
        self._say("")
        self._mode("recover")

    @on(Button.Pressed, "#back")
    def _back(self) -> None:
        if self.broken:
            try:
                folder.check_keys(self.root)
            except folder.KeyBroken as error:
                self._broken(error.said(self.tr))
            else:
                self._broken("")
            return
        self._say("")
        self._mode("ask")

    @on(Button.Pressed, "#quit")
    def _quit(self) -> None:
        self.dismiss(False)

    @on(Input.Submitted, "#code")
    @on(Input.Submitted, "#new")
    def _next_field(self) -> None:
        self.focus_next()

    @on(Input.Submitted, "#again")
    @on(Button.Pressed, "#set")
    def _set(self) -> None:
        code = self.query_one("#code", Input).value
        new = self.query_one("#new", Input).value
        problem = new_passphrase_problem(new, self.query_one("#again", Input).value, self.tr)
        if not folder.is_code(code):
            problem = self.tr._("Please type the recovery code.")
        if problem:
            self._say(problem)
            return
        self._busy(True)
        self._recover(code, new)

    @work(thread=True, exclusive=True, group="unlock")
    def _recover(self, code: str, new: str) -> None:
        try:
            folder.recover(self.root, code, new)
        except WrongSecret:
            self.app.call_from_thread(self._failed, WRONG_CODE)
            return
        except ServiceError as error:
            self.app.call_from_thread(self._failed, NOT_SET, error)
            return
        self.app.call_from_thread(self._recovered, new)

    def _recovered(self, new: str) -> None:
        self.broken = False
        self.query_one("#title", Static).update(self.tr.gettext(LOCKED))
        self._mode("ask")
        self.query_one("#passphrase", Input).value = new
        self._say(self.tr._("The new passphrase is set. Opening…"))
        self._busy(True)
        self._unlock(new)

    def action_leave(self) -> None:
        self.dismiss(False)


class ChangePassphraseScreen(Screen[bool]):
    """A new passphrase for the unlocked folder: the key is wrapped again, no file rewritten."""

    BINDINGS = bindings("passphrase")

    def __init__(self, root: Path) -> None:
        super().__init__()
        self.root = root

    @property
    def tr(self) -> Translations:
        return tr_of(self)

    def compose(self) -> ComposeResult:
        _ = self.tr._
        with Vertical(id="change-passphrase", classes="form"):
            yield Static(_("Change the passphrase"), classes="step-title", markup=False)
            yield Label(_("Current passphrase"), markup=False)
            yield Box(id="old", password=True)
            yield Label(_("New passphrase"), markup=False)
            yield Box(id="new", password=True)
            yield Label(_("The new passphrase again"), markup=False)
            yield Box(id="again", password=True)
            yield Button(_("Change it"), id="change", variant="primary")
            yield Static(id="message", markup=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#old", Input).focus()

    @on(Input.Submitted, "#old")
    @on(Input.Submitted, "#new")
    def _next_field(self) -> None:
        self.focus_next()

    @on(Input.Submitted, "#again")
    @on(Button.Pressed, "#change")
    def _change(self) -> None:
        old = self.query_one("#old", Input).value
        new = self.query_one("#new", Input).value
        problem = new_passphrase_problem(new, self.query_one("#again", Input).value, self.tr)
        if problem:
            self.query_one("#message", Static).update(problem)
            return
        self.query_one("#change", Button).disabled = True
        changing = self.tr._("Changing… (this takes a moment on purpose)")
        self.query_one("#message", Static).update(changing)
        self._rewrap(old, new)

    @work(thread=True, exclusive=True, group="rewrap")
    def _rewrap(self, old: str, new: str) -> None:
        try:
            folder.change_passphrase(self.root, folder.open_key(self.root, old), new)
        except WrongSecret:
            self.app.call_from_thread(self._failed, NOT_CURRENT)
            return
        except ServiceError as error:
            self.app.call_from_thread(self._failed, NOT_CHANGED, error)
            return
        self.app.call_from_thread(self._changed)

    def _failed(self, message: str, problem: object = "") -> None:
        self.query_one("#change", Button).disabled = False
        said = self.tr.gettext(message).format(problem=said_in(problem, self.tr))
        self.query_one("#message", Static).update(said)
        self.query_one("#old", Input).focus()

    def _changed(self) -> None:
        said = self.tr._("The passphrase is changed. No data file was rewritten.")
        self.app.notify(said, markup=False)
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)
