"""What every screen may know of the app: the data folder, the pack library, the clock, the
keys in force and the language spoken (``Host``), and the base of the workbook's screens
(``WorkbookScreen``), whose ``wb`` is the host, typed.

The language (DESIGN.md section 3.13): every screen above the couple's window (the screen that
has a ``couple_language``, ``screens/pause.py``) speaks the couple's language; Home, the
caseload and the console speak the app's (``Host.app_language``). A screen's words come from
its ``tr``, and a widget's from ``tr_of(widget)``, at the moment they are shown, so two
couples in two languages can share a process and class-level words (bindings, help, marked
with ``N_``) are translated where they appear.

Screens import this module, never ``tui/app.py``: they post messages up (``tui/messages.py``)
and the app answers each with one service call, so no arrow runs from a screen to the app.
"""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import App
from textual.dom import DOMNode
from textual.message import Message
from textual.screen import ModalScreen, Screen, ScreenResultType
from textual.widgets import Input, TextArea

from workbook.data.dates import now as wall_clock
from workbook.i18n.bidi import Mode
from workbook.i18n.bidi import mode as bidi_mode
from workbook.i18n.catalog import SOURCE_TRANSLATIONS, Translations, translations
from workbook.i18n.said import said_in
from workbook.serve.env import served
from workbook.tui import keys
from workbook.tui.actions import default_keys
from workbook.tui.bidi_lines import install as install_bidi_lines
from workbook.tui.mirror import install as install_mirror
from workbook.tui.mirror import mark as mark_mirrored
from workbook.tui.widgets.echo import echo, hide

if TYPE_CHECKING:
    from workbook.data.store import Store
    from workbook.packs.library import Library
    from workbook.tui.actions import Action


class Host(App[None]):
    """The app's state that screens read; ``WorkbookApp`` adds the flows between screens."""

    # A phone's width (under 60 columns): the top line of the walk and the footer take two
    # lines or more rather than cut words (workbook.tcss, ``.-phone``).
    HORIZONTAL_BREAKPOINTS = [(0, "-phone"), (60, "-roomy")]

    def __init__(self, store: Store, library: Library | Callable[[], Library]) -> None:
        super().__init__()
        install_bidi_lines()
        install_mirror()
        self.store = store
        # The home screen needs no packs, so a loader is only called when packs are needed.
        self._library = library
        # Today's date, for review dates; tests fix it so that screenshots stay the same.
        self.today: Callable[[], date] = date.today
        # The time of day, for the trail and the walk's clock; tests fix it too.
        self.now: Callable[[], datetime] = wall_clock
        # In a browser (workbook serve): other keys for those the browser keeps, and exports
        # delivered as downloads.
        self.served = served()
        self.keys_in_force: dict[str, str] = {}
        self._bidi: Mode | None = None
        # The app's language (Home, the caseload, the console): resolved once, on first use,
        # by ``language`` (settings.toml, --lang, the locale), or set by ``app_language``.
        self._language: str | None = None
        self._prepared = False
        self._preparing = threading.Lock()

    def on_mount(self) -> None:
        # Each screen shown says whether its words are right to left (``mark_direction``).
        self.screen_change_signal.subscribe(self, mark_direction, immediate=True)
        mark_direction(self.screen)

    def run(self, **kwargs: Any) -> Any:
        """Run the window (never in tests, which use ``run_test``). What start-up made
        (modules, classes, this app) lives as long as the process: frozen, the collector
        leaves it out of every later pass, and it runs again if start-up had stopped it."""
        gc.freeze()
        gc.enable()
        return super().run(**kwargs)

    def home_first(self) -> bool:
        """True when Home is the first screen: it then prepares the data folder in its worker
        (``prepare_folder``), after the first frame, and holds the keys until it is done."""
        return False

    def prepare_folder(self) -> str | None:
        """Make the data folder ready (``Store.prepare``: private folders, the temp files of
        interrupted saves swept, interrupted deletions finished), once; from any thread.
        Returns what went wrong, for a notice, or None."""
        with self._preparing:
            if self._prepared:
                return None
            self._prepared = True
            try:
                self.store.prepare()
            except OSError as error:
                said = self.app_translations._("The data folder cannot be used: {problem}")
                return said.format(problem=said_in(error, self.app_translations))
        return None

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
            try:
                setting = self.store.load_settings().get("bidi")
            except OSError:
                # A folder not unlocked yet: the default, until its settings can be read.
                return bidi_mode(None)
            self._bidi = bidi_mode(setting)
        return self._bidi

    @bidi.setter
    def bidi(self, how: Mode) -> None:
        """Choose who lays out right-to-left text, and keep it in settings.toml."""
        self.store.save_settings({"bidi": how})
        self._bidi = how

    # A box being typed into shows its right-to-left line laid out beneath it (widgets/echo.py):
    # here, once, for every box of every screen.
    def on_input_changed(self, event: Input.Changed) -> None:
        echo(event.input)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        echo(event.text_area)

    def on_text_area_selection_changed(self, event: TextArea.SelectionChanged) -> None:
        echo(event.text_area)

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        hide(event.widget)

    def action_toggle_bidi(self) -> None:
        """The palette's "Right-to-left text": the other way of laying it out, kept."""
        from workbook.data.durable import SaveError
        from workbook.i18n.bidi import APP, TERMINAL

        how = TERMINAL if self.bidi == APP else APP
        _ = self.app_translations.gettext
        try:
            self.bidi = how
        except (SaveError, OSError) as error:
            said = _("The setting could not be saved: {problem}")
            said = said.format(problem=said_in(error, self.app_translations))
            self.notify(said, markup=False)
            return
        for screen in self.screen_stack:
            mark_direction(screen)
            for widget in screen.query("*"):
                widget.refresh(layout=True)
        if how == APP:
            said = _("Right-to-left text is now laid out by the workbook.")
        else:
            said = _("Right-to-left text is now laid out by the terminal (VTE, Konsole, mlterm).")
        self.notify(said, markup=False)

    @property
    def language(self) -> str:
        """The app's language (Home, the caseload, the console, the case record): settings.toml
        ``language``, else ``--lang``, else the locale, else English (``i18n/choose.py``)."""
        if self._language is None:
            from workbook.i18n.choose import app_language

            try:
                setting = self.store.load_settings().get("language")
            except OSError:
                # A folder not unlocked yet (``vault.Locked``): its settings are read once it
                # is; until then --lang, the locale, or English, and nothing kept.
                return app_language(None, os.environ)
            self._language = app_language(setting, os.environ)
        return self._language

    @property
    def app_language(self) -> str:
        """The app's language as the screens' words hear it: ``language``, one resolution."""
        return self.language

    @app_language.setter
    def app_language(self, language: str) -> None:
        self._language = language

    @property
    def app_translations(self) -> Translations:
        """The app's words: Home, the caseload, the console."""
        return translations(self.app_language)

    def couple_translations(self) -> Translations | None:
        """The couple's words while their window is open (a couple with no language of their
        own hears the app's), else None."""
        for screen in reversed(self.screen_stack):
            if hasattr(screen, "couple_language"):
                language = screen.couple_language
                return translations(language) if language else self.app_translations
        return None

    @property
    def tr(self) -> Translations:
        """The words of what is shown now: the couple's in their window, else the app's."""
        return self.couple_translations() or self.app_translations

    def keys_for(self, action_id: str, default: str | None = None, first: bool = False) -> str:
        """The keys in force for an action of the table (``tui/actions.py``), as the help,
        the palette and the screens' words show them; with ``first``, the first of them."""
        shown = self.keys_in_force.get(action_id) or default or default_keys(action_id)
        # TRANSLATORS: between two keys that do the same: "Alt+N or F8".
        or_ = self.tr.pgettext("between keys", " or ")
        return keys.label(shown, reachable=self.served, first=first, or_=or_)


def key_of(node: DOMNode, action_id: str) -> str:
    """The first key in force for ``action_id``, as a widget's words name it (Enter, ↓, 1);
    by default when the widget is not in the workbook's app."""
    app = node.app
    if isinstance(app, Host):
        return app.keys_for(action_id, first=True)
    return keys.label(default_keys(action_id), first=True)


class WorkbookScreen(Screen[ScreenResultType]):
    """A screen of the workbook: ``wb`` is the app, typed as the ``Host``; ``SCOPE``, the
    scope of its actions in the action table (``tui/actions.py``), which the command palette
    offers on it."""

    SCOPE = ""
    # True for the screens that speak the app's language wherever they are (Home, the
    # console); the others speak the couple's language when above the couple's window.
    APP_LANGUAGE = False

    _shown_before = False

    @property
    def tr(self) -> Translations:
        """This screen's words (``Host.tr``)."""
        return self.wb.app_translations if self.APP_LANGUAGE else self.wb.tr

    def post_message(self, message: Message) -> bool:
        if isinstance(message, events.ScreenResume) and not self._shown_before:
            # Shown the first time, the screen and its widgets were styled as they mounted,
            # just before: Textual would style them all again (a tenth of start-up for Home).
            # From the second time on, the app may have changed meanwhile (a theme).
            self._shown_before = True
            message.refresh_styles = False
        return super().post_message(message)

    async def _on_compose(self, event: events.Compose) -> None:
        # Before its widgets mount, so that they are styled once, with the class.
        mark_direction(self, update=False)

    def offers(self, action: Action) -> bool:
        """Whether the command palette offers ``action`` on this screen now."""
        return self.check_action(action.action, ()) is not False

    def palette_name(self, action: Action) -> str:
        """The palette's name for ``action`` here, in this screen's words."""
        return self.tr.gettext(action.named)

    def more_commands(self) -> list[tuple[str, Callable[[], Any], str]]:
        """Commands of the palette that are not actions of the table: (name, run, help)."""
        return []

    @property
    def wb(self) -> Host:
        assert isinstance(self.app, Host)
        return self.app


class WorkbookModal(ModalScreen[ScreenResultType]):
    """A modal screen of the workbook: ``wb`` is the app, typed as the ``Host``."""

    APP_LANGUAGE = False

    @property
    def wb(self) -> Host:
        assert isinstance(self.app, Host)
        return self.app

    @property
    def tr(self) -> Translations:
        """This dialog's words: those of the screen it opened over."""
        return self.wb.app_translations if self.APP_LANGUAGE else self.wb.tr

    async def _on_compose(self, event: events.Compose) -> None:
        mark_direction(self, update=False)


# The class of a screen that speaks a right-to-left language (workbook.tcss: its labels take
# their line, so that ``tui/bidi_lines.py`` sets them against the right edge).
RTL_CLASS = "-rtl"


def mark_direction(screen: Screen[Any], update: bool = True) -> None:
    """Give the screen the class ``-rtl`` when its words are written right to left: the
    workbook's screens as they compose (their widgets are styled once, with it), every screen
    as it is shown (``Host.on_mount``); and ``-mirrored`` when its rows are drawn right to
    left too (``tui/mirror.py``)."""
    try:
        rtl = tr_of(screen).rtl
    except Exception:  # not in the workbook's app (yet)
        return
    screen.set_class(rtl, RTL_CLASS, update=update)
    mark_mirrored(screen, rtl, update=update)


def tr_of(node: Any) -> Translations:
    """The words a widget speaks: its screen's (``WorkbookScreen.tr``), else the app's."""
    try:
        screen = node.screen
    except Exception:
        screen = None
    if isinstance(screen, (WorkbookScreen, WorkbookModal)):
        return screen.tr
    try:
        app = node.app
    except Exception:
        return SOURCE_TRANSLATIONS
    return app.tr if isinstance(app, Host) else SOURCE_TRANSLATIONS
