"""The footer of every screen: Textual's, drawn again only when the keys it shows change.

Textual rebuilds its footer whenever the bindings in force might have changed, which is every
time the focus moves: a move between steps rebuilt it a dozen times, each time restyling every
key, for the same few keys. This one compares what it would show with what it shows.

The keys' words are the action table's (marked ``N_``) and Textual's "palette", translated here
into the screen's language (``host.tr_of``) each time the footer is drawn.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from workbook.i18n.catalog import N_
from workbook.tui.host import tr_of

# Textual's own word for the command palette's key, in the catalog so that it is translated.
PALETTE = N_("palette")
# The shown keys of Textual's own widgets (Select's open list), translated as the footer
# shows them.
TEXTUALS_OWN = (N_("Dismiss menu"),)
# Narrower than this (a phone), the keys go in rows of ``PHONE_COLUMNS`` (workbook.tcss
# ``.-phone Footer``; Textual sets the footer's columns to one row of every key).
PHONE, PHONE_COLUMNS = 60, 3


class KeysFooter(Footer):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._shown: tuple[Any, ...] | None = None

    def compose(self) -> ComposeResult:
        tr = tr_of(self)
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                if widget.description:
                    widget.description = tr.gettext(widget.description)
                if self.compact:
                    # Set by each key itself once mounted, restyling that key on its own:
                    # set before, the key is styled once, as it is drawn.
                    widget.add_class("-compact", update=False)
            yield widget
        self._fit()

    def _fit(self) -> None:
        if self.app.size.width < PHONE:
            self.styles.grid_size_columns = PHONE_COLUMNS

    def on_resize(self) -> None:
        self._fit()

    def bindings_changed(self, screen: Screen[Any]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            # The first keys go into the screen's first frame rather than a frame of their
            # own; later changes wait for the refresh, so that a burst of them is one rebuild.
            if self._shown is None:
                self.call_next(self._recompose_if_changed)
            else:
                self.call_after_refresh(self._recompose_if_changed)

    async def _recompose_if_changed(self) -> None:
        if not self.is_attached:
            return
        shown = self._keys_shown()
        if shown == self._shown:
            return
        self._shown = shown
        await self.recompose()

    def _keys_shown(self) -> tuple[Any, ...]:
        app = self.app
        keys = tuple(
            (
                binding.key,
                app.get_key_display(binding),
                binding.description,
                binding.action,
                enabled,
                tooltip,
                binding.group,
            )
            for (_, binding, enabled, tooltip) in self.screen.active_bindings.values()
            if binding.show or binding.action == "app.command_palette"
        )
        return (keys, self.compact, self.show_command_palette)
