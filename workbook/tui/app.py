"""The workbook app: the data folder, the pack library, and the flow between screens."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from time import monotonic
from typing import TYPE_CHECKING, Any

from textual import events, work
from textual.app import App
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.worker import get_current_worker

from workbook.data.durable import SaveError
from workbook.data.store import Store
from workbook.i18n.said import Listed, said_in
from workbook.tui import keys
from workbook.tui.actions import all_ids, bindings
from workbook.tui.commands import WorkbookCommands
from workbook.tui.flows import SessionFlows
from workbook.tui.host import tr_of
from workbook.tui.key_gate import KeyGate

if TYPE_CHECKING:
    from workbook.packs.library import Library

DEFAULT_THEME = "textual-dark"


class WorkbookApp(SessionFlows):
    CSS_PATH = "workbook.tcss"
    TITLE = "workbook"
    COMMANDS = App.COMMANDS | {WorkbookCommands}
    BINDINGS = bindings("app")

    def __init__(
        self,
        store: Store,
        library: Library | Callable[[], Library],
        *,
        couple_id: str | None = None,
        packs: Sequence[str] = (),
        theme: str | None = None,
    ) -> None:
        super().__init__(store, library)
        self.start_couple = couple_id
        self.start_packs = list(packs)
        self.fixed_theme = theme
        self._theme_in_file: str | None = None
        if self.served:
            from workbook.tui.browser_keys import read_browser_keys_whole

            read_browser_keys_whole()
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

    def home_first(self) -> bool:
        return self.start_couple is None and not self.start_packs

    def folder_problem(self, problem: str | None) -> None:
        """Say that the data folder cannot be used (``prepare_folder``), if so."""
        if problem is not None:
            self.notify(problem, severity="error", timeout=30, markup=False)

    def _open_folder(self) -> None:
        # Home prepares the folder after its first frame, in the worker that reads the couples
        # (a walk of every file in a large caseload); a session opened at once needs it first.
        if not self.home_first():
            self.folder_problem(self.prepare_folder())
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

    def _saved_theme(self) -> str:
        """The theme from settings.toml; one that is unknown or unreadable gives the default,
        with one notice, and the file stays as it is until a setting is changed."""
        settings = self.store.load_settings()
        problem = self.store.settings_problem
        theme = settings.get("theme", DEFAULT_THEME)
        _ = self.app_translations._
        if problem is None and (not isinstance(theme, str) or theme not in self.available_themes):
            shown = theme if isinstance(theme, str) else type(theme).__name__
            problem = _('the theme "{theme}" is not one this workbook knows').format(
                theme=shown[:40]
            )
        if problem is None:
            return str(theme)
        said = _(
            "settings.toml: {problem}. The default look is used; the file is left as it is "
            "until you change a setting."
        )
        self.notify(
            said.format(problem=problem),
            title=_("Settings"),
            severity="warning",
            timeout=12,
            markup=False,
        )
        return DEFAULT_THEME

    def _use_keymap(self) -> None:
        """``[keymap]`` from settings.toml, over the browser's stand-ins when served; what
        cannot be used is said once, and the rest is used."""
        table = self.store.load_settings().get("keymap")
        user, problems = keys.read_keymap(table, all_ids()) if table is not None else ({}, [])
        tr = self.app_translations
        keymap, notes = keys.in_force(user, self.served, tr.pgettext("between keys", " or "))
        if problems or notes:
            _ = tr._
            # TRANSLATORS: {problems} are the keymap's problems, joined by "; ".
            said = _("settings.toml [keymap]: {problems}.")
            told = Listed([*problems, *notes][:5]).said(tr)
            self.notify(
                said.format(problems=told),
                title=_("Keys"),
                severity="warning",
                timeout=15,
                markup=False,
            )
        self.keys_in_force = keymap
        if keymap:
            self.set_keymap(keymap)

    def _remember_theme(self, theme: Any) -> None:
        # Setting the theme at start-up signals a change too; only a change the user made is
        # written, so a settings file is never rewritten just by opening the app.
        if self.fixed_theme or self.theme == self._theme_in_file:
            return
        try:
            self.store.save_settings({"theme": self.theme})
        except SaveError as error:
            said = self.app_translations._("The theme could not be remembered: {problem}")
            self.notify(said.format(problem=said_in(error, self.app_translations)), markup=False)
            return
        self._theme_in_file = self.theme

    def get_system_commands(self, screen: Any) -> Any:
        # Textual's commands in the screen's words; Quit with the keys that quit in force.
        from workbook.tui.commands import system_words

        tr = getattr(screen, "tr", self.tr)
        for command in super().get_system_commands(screen):
            if command.title == "Quit":
                help_text = tr._("Quit; everything is saved ({keys})").format(
                    keys=self.keys_for("app.quit", "ctrl+q")
                )
                command = command._replace(title=tr._("Quit"), help=help_text)
            else:
                title, help_text = (system_words(w, tr) for w in (command.title, command.help))
                command = command._replace(title=title, help=help_text)
            yield command

    # Actions

    def action_command_palette(self) -> None:
        # Textual's palette in the words of the screen it opens over (``tui/palette.py``).
        from textual.command import CommandPalette

        from workbook.tui.palette import WorkbookPalette

        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(WorkbookPalette(tr_of(self.screen), id="--command-palette"))

    def search_themes(self) -> None:
        from workbook.tui.palette import theme_palette

        self.push_screen(theme_palette(tr_of(self.screen)))

    def action_change_passphrase(self) -> None:
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
