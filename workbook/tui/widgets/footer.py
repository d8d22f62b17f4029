"""The footer of every screen: Textual's, drawn again only when the keys it shows change.

Textual rebuilds its footer whenever the bindings in force might have changed, which is every
time the focus moves: a move between steps rebuilt it a dozen times, each time restyling every
key, for the same few keys. This one compares what it would show with what it shows.

The keys' words are the action table's (marked ``N_``) and Textual's "palette", translated here
into the screen's language (``host.tr_of``) each time the footer is drawn.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from workbook.i18n.catalog import N_
from workbook.tui.host import tr_of

# Textual's own word for the command palette's key, in the catalog so that it is translated.
PALETTE = N_("palette")
# The shown keys of Textual's own widgets (Select's open list), translated as the footer
# shows them.
TEXTUALS_OWN = (N_("Dismiss menu"),)
# Narrower than this (a phone), the keys go in rows as wide as the screen, each key whole
# (workbook.tcss ``.-phone Footer``: a grid of one-cell columns, each key spanning its own).
PHONE = 60


def key_cells(key: FooterKey, compact: bool) -> int:
    """The cells ``key`` needs to show whole (Textual's FooterKey: the key and the description,
    with a cell of padding around them, or between them only when compact)."""
    if not key.description:
        return cell_len(key.key_display)
    return cell_len(key.key_display) + cell_len(key.description) + (1 if compact else 3)


def rows_of(cells: list[int], width: int) -> list[list[int]]:
    """``cells`` (each key's width) in rows of ``width``, in order, as many in a row as fit
    whole; each row then shared out to fill the width (the first keys get a cell more), so
    that every key is whole and a finger's tap wherever it lands on the row hits a key."""
    rows: list[list[int]] = []
    for needed in (min(c, width) for c in cells):
        if rows and sum(rows[-1]) + needed <= width:
            rows[-1].append(needed)
        else:
            rows.append([needed])
    for row in rows:
        share, more = divmod(width - sum(row), len(row))
        row[:] = [c + share + (i < more) for i, c in enumerate(row)]
    return rows


class KeysFooter(Footer):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._shown: tuple[Any, ...] | None = None
        # Compact as asked; or because its keys, in a longer language, did not fit one line.
        self._asked_compact = self.compact

    def compose(self) -> ComposeResult:
        tr = tr_of(self)
        composed = list(super().compose())
        for widget in composed:
            if isinstance(widget, FooterKey):
                if widget.description:
                    widget.description = tr.gettext(widget.description)
                if self.compact:
                    # Set by each key itself once mounted, restyling that key on its own:
                    # set before, the key is styled once, as it is drawn.
                    widget.add_class("-compact", update=False)
        self._fit(composed)
        yield from composed

    def _fit(self, widgets: Iterable[Widget]) -> None:
        keys = [w for w in widgets if isinstance(w, FooterKey)]
        width = self.app.size.width
        if width >= PHONE:
            # As Textual lays it out: one row of every key (after a phone's width, too).
            self.styles.grid_size_columns = len(keys)
            for key in keys:
                key.styles.column_span = 1
            return
        # A compact footer keeps a cell after each key (Textual's ``margin-right: 1``).
        cells = [
            key_cells(k, self.compact or k.has_class("-command-palette")) + int(self.compact)
            for k in keys
        ]
        spans = [span for row in rows_of(cells, width) for span in row]
        self.styles.grid_size_columns = width
        for key, span in zip(keys, spans, strict=True):
            key.styles.column_span = span

    def on_resize(self) -> None:
        self._fit(self.children)
        self.call_after_refresh(self._squeeze)

    def _squeeze(self) -> None:
        """Compact (less space around each key) when the keys, laid out, run past the screen's
        edge or under the palette's key: a Spanish or Arabic footer is longer than the
        English it was made for, and a key cut off the end cannot be read or tapped."""
        if self.compact or not self.is_attached or self.app.size.width < PHONE:
            return
        shown = [w for w in self.query("FooterKey, FooterLabel") if w.display]
        palette = [w for w in shown if w.has_class("-command-palette")]
        end = palette[0].region.x if palette else self.region.right
        if any(w.region.right > end for w in shown if w not in palette):
            self.compact = True

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
        # Each set of keys is measured afresh: the same keys always give the same footer.
        self.set_reactive(Footer.compact, self._asked_compact)
        self.set_class(self._asked_compact, "-compact")
        await self.recompose()
        self.call_after_refresh(self._squeeze)

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
        return (keys, self._asked_compact, self.show_command_palette)
