"""The command palette in the words of the screen it opens over: Textual's palette says "Search
for commands…", "Search for themes…" and "No matches found" in English whatever the screen's
language, so the app opens this one instead (``WorkbookApp.action_command_palette`` and
``search_themes``)."""

from __future__ import annotations

from typing import Any

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette, ProviderSource
from textual.theme import ThemeProvider
from textual.widgets.option_list import Option

from workbook.i18n.catalog import N_, Translations

SEARCH_COMMANDS = N_("Search for commands…")
SEARCH_THEMES = N_("Search for themes…")
NO_MATCHES = N_("No matches found")


class WorkbookPalette(CommandPalette):
    """Textual's palette, its own words said in ``tr``'s language."""

    def __init__(
        self,
        tr: Translations,
        placeholder: str = SEARCH_COMMANDS,
        providers: ProviderSource | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(providers=providers, placeholder=tr.gettext(placeholder), **kwargs)
        self._no_matches = tr.gettext(NO_MATCHES)

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # Textual's own countdown words its line in English, inside a closure: the same
        # countdown (the same half second, so a list still filling is not said empty), said
        # in the screen's words. Textual is pinned exactly (pyproject.toml), so this private
        # method is the one the palette calls.
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if not search_value:
                # Discovering, not searching: nothing to say of an empty list.
                self._list_visible = False
                return
            words = Align.center(Text(self._no_matches, style="not bold"))
            option = Option(words, disabled=True, id=self._NO_MATCHES)
            self.query_one(CommandList).add_option(option)
            self._list_visible = True

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


def theme_palette(tr: Translations) -> WorkbookPalette:
    """The palette of themes (Textual's "Theme" command), in ``tr``'s language. The themes'
    names are names, shown as Textual gives them."""
    return WorkbookPalette(tr, SEARCH_THEMES, providers=[ThemeProvider])
