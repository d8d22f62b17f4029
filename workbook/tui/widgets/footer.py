"""The footer of every screen: Textual's, drawn again only when the keys it shows change.

Textual rebuilds its footer whenever the bindings in force might have changed, which is every
time the focus moves: a move between steps rebuilt it a dozen times, each time restyling every
key, for the same few keys. This one compares what it would show with what it shows.

The keys' words are the action table's (marked ``N_``) and Textual's "palette", translated here
into the screen's language (``host.tr_of``) each time the footer is drawn.

On one line (wider than a phone) the keys are fitted before they are first drawn: Textual's look
when every key fits whole; else its compact look; else, still compact, each key in its order
when it fits whole in the room left, the help key (F1, which lists every key) and the quit
key first, the others left out. The palette's key always shows. Fitted from the keys and the
width only, so the same keys on the same width always give the same footer.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise
from typing import Any

from rich.cells import cell_len
from textual._arrange import arrange
from textual.app import ComposeResult
from textual.geometry import Region, Size
from textual.layout import WidgetPlacement
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
# Kept first when keys are left out: help, since it lists every key, and quit, since how to
# leave is what someone new to a terminal looks for first (the others are in help).
FIRST = frozenset({"help", "app.help", "quit", "app.quit"})


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


def overlapping(placed: Iterable[Region], width: int) -> bool:
    """Whether a key in ``placed`` (each shown key's place on a footer ``width`` cells wide)
    runs past an edge or under another key (the palette's, docked at one end)."""
    regions = list(placed)
    return any(r.x < 0 or r.right > width for r in regions) or any(
        a.overlaps(b) for i, a in enumerate(regions) for b in regions[i + 1 :]
    )


def kept(
    items: list[Region], gaps: list[int], first: list[int], docked: list[Region], width: int
) -> list[bool]:
    """Which of ``items`` (the keys laid out in a row, each at its place with every key shown,
    ``gaps[i]`` cells after the ``i``-th) to keep so that none runs past an edge or under a
    ``docked`` key: the ``first`` (their numbers) before the others, then each in its order when
    it still fits whole; a key left out takes its room and the gap after it with it."""
    keep = [False] * len(items)

    def fits() -> bool:
        x = items[0].x if items else 0
        placed = list(docked)
        for number, region in enumerate(items):
            if keep[number]:
                placed.append(Region(x, region.y, region.width, region.height))
                x += region.width + gaps[number]
        return not overlapping(placed, width)

    for number in first + [n for n in range(len(items)) if n not in first]:
        keep[number] = True
        keep[number] = fits()
    return keep


class KeysFooter(Footer):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._shown: tuple[Any, ...] | None = None
        # Compact as asked; or because its keys, in a longer language, did not fit one line.
        self._asked_compact = self.compact
        # The keys and the width last fitted (``fitted``).
        self._fitted: tuple[Any, ...] | None = None

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

    @property
    def fitted(self) -> bool:
        """Whether the keys in force are shown, fitted to the screen's width (they are drawn
        as fitted from the screen's next frame)."""
        return self.is_attached and self._fitted == (self._keys_shown(), self.app.size.width)

    def on_resize(self) -> None:
        if self._fitted is not None and self._fitted[1] != self.app.size.width:
            with self.app.batch_update():
                self._squeeze()
        self._fit(self.children)

    def _look(self, compact: bool) -> None:
        """Textual's look, or its compact one (the palette's key is always compact). The keys'
        classes are set first without restyling them, and the footer then restyles itself
        and its keys once (by Textual's own binding, each key would restyle itself again)."""
        keys = [k for k in self.query_children(FooterKey) if not k.has_class("-command-palette")]
        if self.compact == compact and all(k.has_class("-compact") == compact for k in keys):
            return
        for key in keys:
            key.set_reactive(FooterKey.compact, compact)
            key.set_class(compact, "-compact", update=False)
        if self.compact != compact:
            self.compact = compact
        else:
            self.update_node_styles()

    def _placed(self) -> list[WidgetPlacement]:
        """Where each shown key goes on one line as wide as the screen, as Textual arranges
        them (its own arrangement, which tui/mirror.py leaves alone: the same room either way)."""
        size = Size(self.app.size.width, 1)
        return arrange(self, list(self.children), size, self.app.size).placements

    def _squeeze(self) -> None:
        """Fit the keys on one line: a Spanish or Arabic footer is longer than the English it
        was made for, and a key cut off the end or run under the palette's key cannot be read
        or tapped. Compact (less space around each key) when they do not all fit whole; still
        too long (the pseudo-language at 80 columns), each key in its order where it fits
        whole in the room left, the help and quit keys first (help lists every key), the others
        left out (reached still by their keys, in help and the palette). Textual arranges the
        keys at most twice (each look); which to leave out is counted from the compact
        arrangement."""
        if not self.is_attached:
            return
        width = self.app.size.width
        self._fitted = (self._keys_shown(), width)
        # From the look asked for and every key, whatever the last width made of them.
        self._look(self._asked_compact)
        for child in self.children:
            child.display = True
        if width < PHONE:
            return
        placed = self._placed()
        if not overlapping((p.region for p in placed), width):
            return
        if not self.compact:
            self._look(True)
            placed = self._placed()
            if not overlapping((p.region for p in placed), width):
                return
        docked = [p.region for p in placed if p.widget.has_class("-command-palette")]
        row = [p for p in placed if not p.widget.has_class("-command-palette")]
        gaps = [max(p.margin.right, after.margin.left) for p, after in pairwise(row)] + [0]
        first = [
            n
            for n, p in enumerate(row)
            if isinstance(p.widget, FooterKey) and p.widget.action in FIRST
        ]
        keep = kept([p.region for p in row], gaps, first, docked, width)
        for p, shown in zip(row, keep, strict=True):
            p.widget.display = shown

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
        # Each set of keys is fitted afresh, from the look asked for, before it is drawn (no
        # frame between): the same keys always give the same footer.
        self.set_reactive(Footer.compact, self._asked_compact)
        self.set_class(self._asked_compact, "-compact")
        with self.app.batch_update():
            await self.recompose()
            self._squeeze()

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
