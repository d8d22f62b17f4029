"""The workbook app: the data folder, the pack library, and the flow between screens."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from time import monotonic
from typing import TYPE_CHECKING, Any

from textual import events, work
from textual.app import App
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.worker import get_current_worker

from workbook.data.dates import now as wall_clock
from workbook.data.durable import SaveError
from workbook.data.store import DataError, Store
from workbook.i18n.bidi import Mode
from workbook.i18n.bidi import mode as bidi_mode
from workbook.serve.links import served
from workbook.tui import keys
from workbook.tui.commands import WorkbookCommands
from workbook.tui.key_gate import KeyGate

if TYPE_CHECKING:
    from workbook.data.models import Couple
    from workbook.packs.library import Library

DEFAULT_THEME = "textual-dark"


class WorkbookApp(App[None]):
    CSS_PATH = "workbook.tcss"
    TITLE = "workbook"
    COMMANDS = App.COMMANDS | {WorkbookCommands}
    BINDINGS = [
        Binding("f1", "help", "Help", id="app.help"),
        Binding("question_mark", "help", "Help", show=False, id="app.help"),
        Binding("ctrl+q", "quit", "Quit", id="app.quit"),
    ]

    def __init__(
        self,
        store: Store,
        library: Library | Callable[[], Library],
        *,
        couple_id: str | None = None,
        packs: Sequence[str] = (),
        theme: str | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        # The home screen needs no packs, so a loader is only called when packs are needed.
        self._library = library
        self.start_couple = couple_id
        self.start_packs = list(packs)
        self.fixed_theme = theme
        self._theme_in_file: str | None = None
        self._bidi: Mode | None = None
        # Today's date, for review dates; tests fix it so that screenshots stay the same.
        self.today: Callable[[], date] = date.today
        # In a browser (workbook serve): other keys for those the browser keeps, and exports
        # delivered as downloads.
        self.served = served()
        if self.served:
            from workbook.tui.browser_keys import read_browser_keys_whole

            read_browser_keys_whole()
        self.keys_in_force: dict[str, str] = {}
        # The time of day, for the trail and the walk's clock; tests fix it too.
        self.now: Callable[[], datetime] = wall_clock
        # Each notice on screen, and when it goes: a key pressed again and again (Next on a
        # look-away) says its notice once, instead of stacking copies over the buttons.
        self._notices_until: dict[tuple[str, str, str], float] = {}
        # Keys in order, whatever their speed (``key_gate``; docs/screens.md).
        self.key_gate = KeyGate(self)

    async def on_event(self, event: events.Event) -> None:
        if self.key_gate.holds(event):
            return
        await super().on_event(event)

    async def push_screen_wait(self, screen: Screen[Any] | str, *, mode: str | None = None) -> Any:
        # A flow waiting for a person's answer is not at work: keys go on to the screen.
        with self.key_gate.waiting_for_a_person(get_current_worker()):
            return await super().push_screen_wait(screen, mode=mode)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        shown_for = self.NOTIFICATION_TIMEOUT if timeout is None else timeout
        key, moment = (message, title, severity), monotonic()
        if self._notices_until.get(key, 0.0) > moment:
            return
        self._notices_until = {k: t for k, t in self._notices_until.items() if t > moment}
        self._notices_until[key] = moment + shown_for
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def on_mount(self) -> None:
        from workbook.service.folder import needs_key

        if self.served:
            # The browser's stand-ins hold from the first screen, the passphrase's included;
            # the user's keymap is in settings.toml, read once the folder is open.
            self.keys_in_force = keys.in_force({}, True)[0]
            self.set_keymap(self.keys_in_force)

        if needs_key(self.store.root):
            # An encrypted folder: nothing in it is read before the passphrase is given.
            from workbook.tui.screens.unlock import UnlockScreen

            self.push_screen(UnlockScreen(self.store.root), self._unlocked)
            return
        self._open_folder()

    def _unlocked(self, unlocked: bool | None) -> None:
        if not unlocked:
            self.exit()
            return
        self._open_folder()

    def _open_folder(self) -> None:
        try:
            self.store.prepare()
        except OSError as error:
            self.notify(
                f"The data folder cannot be used: {error}",
                severity="error",
                timeout=30,
                markup=False,
            )
        self._theme_in_file = self.fixed_theme or self._saved_theme()
        self._use_keymap()
        self.theme = self._theme_in_file
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self.open_first_screen()

    def open_first_screen(self) -> None:
        """Home, or straight into a session; ``workbook try`` opens its own first screen."""
        from workbook.tui.screens.home import HomeScreen

        self.push_screen(HomeScreen())
        if self.start_couple is not None:
            self.start(self.start_couple, self.start_packs)
        elif self.start_packs:
            # ``workbook start --pack X`` before there is any couple: add one, then walk X.
            self.new_couple(then=self.start_packs)

    @property
    def library(self) -> Library:
        """The pack library, loaded on first use. Broken packs are listed, quietly, where packs
        are chosen (the agenda), not in front of the couple."""
        if callable(self._library):
            self._library = self._library()
        return self._library

    @property
    def bidi(self) -> Mode:
        """``bidi`` in settings.toml: who lays out right-to-left text (``i18n/bidi.py``)."""
        if self._bidi is None:
            self._bidi = bidi_mode(self.store.load_settings().get("bidi"))
        return self._bidi

    def _saved_theme(self) -> str:
        """The theme from settings.toml; one that is unknown or unreadable gives the default,
        with one notice, and the file stays as it is until a setting is changed."""
        settings = self.store.load_settings()
        problem = self.store.settings_problem
        theme = settings.get("theme", DEFAULT_THEME)
        if problem is None and (not isinstance(theme, str) or theme not in self.available_themes):
            shown = theme if isinstance(theme, str) else type(theme).__name__
            problem = f'the theme "{shown[:40]}" is not one this workbook knows'
        if problem is None:
            return str(theme)
        self.notify(
            f"settings.toml: {problem}. The default look is used; the file is left as it is "
            "until you change a setting.",
            title="Settings",
            severity="warning",
            timeout=12,
            markup=False,
        )
        return DEFAULT_THEME

    def _use_keymap(self) -> None:
        """``[keymap]`` from settings.toml, over the browser's stand-ins when served; what
        cannot be used is said once, and the rest is used."""
        table = self.store.load_settings().get("keymap")
        user, problems = (
            keys.read_keymap(table, keys.all_binding_ids()) if table is not None else ({}, [])
        )
        keymap, notes = keys.in_force(user, self.served)
        if problems or notes:
            self.notify(
                "settings.toml [keymap]: " + "; ".join([*problems, *notes][:5]) + ".",
                title="Keys",
                severity="warning",
                timeout=15,
                markup=False,
            )
        self.keys_in_force = keymap
        if keymap:
            self.set_keymap(keymap)

    def keys_for(self, binding_id: str, default: str) -> str:
        """The keys in force for a binding, as the help shows them."""
        return keys.label(self.keys_in_force.get(binding_id, default), reachable=self.served)

    def _remember_theme(self, theme: Any) -> None:
        # Setting the theme at start-up signals a change too; only a change the user made is
        # written, so a settings file is never rewritten just by opening the app.
        if self.fixed_theme or self.theme == self._theme_in_file:
            return
        try:
            self.store.save_settings({"theme": self.theme})
        except SaveError as error:
            self.notify(f"The theme could not be remembered: {error}", markup=False)
            return
        self._theme_in_file = self.theme

    # Flows

    @work
    async def new_couple(self, then: Sequence[str] = ()) -> None:
        """Add a couple, then open their agenda, or walk the packs ``then`` straight away."""
        from workbook.tui.screens.new_couple import NewCoupleScreen

        names = await self.push_screen_wait(NewCoupleScreen())
        if names is None:
            return
        a, b, facilitator = names
        try:
            couple = self.store.create_couple(a, b, facilitator or None)
        except (SaveError, OSError, ValueError) as error:
            self.notify(f"The couple could not be saved: {error}", severity="error", markup=False)
            return
        self.refresh_home()
        self.open_agenda(couple, then)

    def open_agenda(self, couple: Couple, packs: Sequence[str] = ()) -> None:
        """The care note if the couple has not seen it, then the agenda, or ``packs`` if named:
        in the couple's window (``enter_couple_window``)."""
        refused = self.store.couple_reason(couple.id)
        if refused is not None:
            self.notify(refused, title="Read-only", severity="warning", timeout=15, markup=False)
            return
        self.enter_couple_window(couple)
        self._agenda(couple, packs)

    def enter_couple_window(self, couple: Couple) -> None:
        """Put the couple's window (``screens/pause.py``) above Home, unless it is there: from
        now on, every screen for this couple comes back to it, never to the caseload."""
        from workbook.tui.screens.pause import PauseScreen

        if not any(isinstance(screen, PauseScreen) for screen in self.screen_stack):
            self.push_screen(PauseScreen(couple), lambda _: self._left_couple_window(couple))

    def _left_couple_window(self, couple: Couple) -> None:
        from workbook.tui.screens.home import HomeScreen

        # Back on the caseload, the couple just seen stays chosen.
        for screen in self.screen_stack:
            if isinstance(screen, HomeScreen):
                screen.choose_when_read(couple.id)

    @work
    async def _agenda(self, couple: Couple, packs: Sequence[str] = ()) -> None:
        from workbook.tui.screens.agenda import AgendaScreen
        from workbook.tui.screens.care import CareScreen

        if not couple.care_note_seen:
            await self.push_screen_wait(CareScreen(couple.facilitator))
            couple.care_note_seen = True
            try:
                self.store.save_couple(couple)
            except SaveError as error:
                self.notify(str(error), severity="error", markup=False)
        if packs:
            self.begin(couple, list(packs))
            return
        first_time = not self.store.session_ids(couple.id)
        agenda = await self.push_screen_wait(
            AgendaScreen(couple, self.library, first_time=first_time)
        )
        if agenda:
            self.begin(couple, agenda)

    def begin(self, couple: Couple, agenda: list[str]) -> None:
        """Start a new session with ``agenda`` and walk it."""
        from workbook.tui.sessions import begin

        begin(self, couple, agenda)

    def start(self, couple_id: str, pack_ids: list[str]) -> None:
        """``workbook start``: straight into a session, or the agenda if no packs were named."""
        try:
            couple = self.store.load_couple(couple_id)
        except (DataError, ValueError) as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.open_agenda(couple, pack_ids)

    def resume(self, couple: Couple) -> None:
        """Open the couple's latest unfinished session where it was left."""
        from workbook.tui.sessions import resume

        resume(self, couple)

    def export(self, couple: Couple) -> None:
        """Write the agreement document and the latest session's summary, and say where."""
        from workbook.tui.sessions import export

        export(self, couple)

    def review(self, couple: Couple) -> None:
        """Go through the couple's agreements together: keep, change or let go."""
        from workbook.service.agreements import AgreementBook
        from workbook.tui.screens.review import ReviewScreen

        try:
            screen = ReviewScreen(AgreementBook(self.store, couple, self.today))
        except DataError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.push_screen(screen, lambda _: self.refresh_home())

    def refresh_home(self) -> None:
        from workbook.tui.screens.home import HomeScreen

        for screen in self.screen_stack:
            if isinstance(screen, HomeScreen):
                screen.refresh_couples()

    def get_system_commands(self, screen: Any) -> Any:
        # Textual's Quit, with the keys that quit in force.
        for command in super().get_system_commands(screen):
            if command.title == "Quit":
                help_text = f"Quit; everything is saved ({self.keys_for('app.quit', 'ctrl+q')})"
                command = command._replace(help=help_text)
            yield command

    # Actions

    def change_passphrase(self) -> None:
        """Wrap the encrypted folder's key with a new passphrase."""
        from workbook.tui.screens.unlock import ChangePassphraseScreen

        self.push_screen(ChangePassphraseScreen(self.store.root))

    def action_help(self) -> None:
        from workbook.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    async def action_quit(self) -> None:
        self._quit_when_saved()

    @work(exclusive=True, group="leave")
    async def _quit_when_saved(self) -> None:
        # Whatever screen is open saves first; a walk whose save fails asks before answers go.
        for screen in list(self.screen_stack):
            settle = getattr(screen, "settle", None)
            if callable(settle) and not await settle("Quit"):
                return
        self.store.close()
        self.exit()
