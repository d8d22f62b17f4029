"""The command palette: Help, and the actions of the screen shown that the action table offers
there (``tui/actions.py``: those with ``palette`` words), each with the keys in force; beside
Textual's own (theme, quit). A screen says which it offers now (``WorkbookScreen.offers``)
and may add its own (the walk's "Go to step")."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from textual.command import DiscoveryHit, Hit, Hits, Provider

from workbook.i18n.catalog import N_, Translations
from workbook.tui import actions
from workbook.tui.host import Host, WorkbookScreen, tr_of
from workbook.tui.plain import line

Command = tuple[str, Callable[[], Any], str]


class WorkbookCommands(Provider):
    def _commands(self) -> list[Command]:
        app = self.app
        screen = self.screen
        found: list[Command] = []
        tr = tr_of(screen)
        scopes = ["app", getattr(screen, "SCOPE", "")]
        for action in [a for scope in scopes for a in actions.palette(scope)]:
            if isinstance(screen, WorkbookScreen) and not screen.offers(action):
                continue
            target = app if action.scope == "app" else screen
            run = partial(target.run_action, action.action)
            said = tr.gettext(action.palette) if action.palette else ""
            if action.keys and isinstance(app, Host):
                keys = app.keys_for(action.id, actions.default_keys(action.id))
                said = tr._("{words} ({keys})").format(words=said, keys=keys)
            name = screen.palette_name(action) if isinstance(screen, WorkbookScreen) else None
            found.append((name or tr.gettext(action.named), run, said))
        if isinstance(screen, WorkbookScreen):
            found += screen.more_commands()
        return found

    # Pack titles are user text: they are shown as plain Content, never through the matcher's
    # highlight(), which reads its candidate as markup.
    async def discover(self) -> Hits:
        for name, callback, help_text in self._commands():
            yield DiscoveryHit(line(name), callback, text=name, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, line(name), callback, text=name, help=help_text)


# Textual's own palette commands, title and help, as Textual 8 words them: each is shown in the
# screen's words (``WorkbookApp.get_system_commands``; Quit is worded there, with its keys).
SYSTEM_WORDS = {
    "Theme": N_("Theme"),
    "Change the current theme": N_("Change the current theme"),
    "Keys": N_("Keys"),
    "Hide the keys and widget help panel": N_("Hide the keys and widget help panel"),
    "Show help for the focused widget and a summary of available keys": N_(
        "Show help for the focused widget and a summary of available keys"
    ),
    "Minimize": N_("Minimize"),
    "Minimize the widget and restore to normal size": N_(
        "Minimize the widget and restore to normal size"
    ),
    "Maximize": N_("Maximize"),
    "Maximize the focused widget": N_("Maximize the focused widget"),
    "Screenshot": N_("Screenshot"),
    "Save an SVG 'screenshot' of the current screen": N_(
        "Save an SVG 'screenshot' of the current screen"
    ),
}


def system_words(text: str, tr: Translations) -> str:
    """One of Textual's palette words in ``tr``'s language (one it does not know, as it is)."""
    known = SYSTEM_WORDS.get(text)
    return text if known is None else tr.gettext(known)
