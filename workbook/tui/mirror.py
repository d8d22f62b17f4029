"""Widgets side by side in the order a right-to-left reader takes them: on a screen that speaks
a right-to-left language (``host.mark_direction``), every container's children (rows, grids
and columns: buttons in a row, the partners' bar, the reveal's two cards, the walk's top line,
the footer's keys, a lone button at the start of its column) are drawn as the mirror image of
their left-to-right selves, and Tab goes through a row from the right.

One place for every screen: the arrangement Textual makes of a container's children (where each
goes, docked ones included) is turned round in the container's width before it is used, so the
first child is on the right, a key docked right is on the left, a group set at the start is
against the right edge and a centred one stays centred. The widgets, their order in the
screen's tree, their ids and their keys are the same as on a left-to-right screen; only where
they are drawn changes. A measuring arrangement (Textual's ``optimal``, for an ``auto`` width)
is left as it is: the mirror image takes the same room.

Textual sorts the widgets that take the focus by where they are (top to bottom, then left to
right, among the children of one container): the children of a mirrored container are taken
right to left, so Tab follows the reading order. A container of the class ``keep-order`` is
never mirrored (none is today).

Only with ``bidi = "app"`` (the screen's class ``-mirrored``): with ``"terminal"`` the
terminal lays out each row of the screen itself, and a row that starts with a right-to-left
letter is turned round by it, widgets and all, so the app leaves the rows as they are, as it
leaves their text.
"""

from __future__ import annotations

import weakref
from typing import Any

import textual.screen
import textual.widget
from textual.geometry import Offset, Region, Size, Spacing
from textual.layout import DockArrangeResult, WidgetPlacement
from textual.screen import Screen
from textual.widget import Widget

from workbook.i18n.bidi import APP
from workbook.tui.keys import label

# The class of a screen whose rows are mirrored: it speaks a right-to-left language (``-rtl``)
# and the app lays out right-to-left text itself (workbook.tcss: the footer's palette key has
# its edge on its right).
MIRRORED = "-mirrored"
# A container that keeps its children left to right on every screen.
KEEP_ORDER = "keep-order"
# The layouts turned round: rows and grids, and columns (a widget narrower than its column,
# set at its start, goes to the right). Textual's ``stream`` (unused here) is left alone.
LAYOUTS = frozenset({"horizontal", "grid", "vertical"})

# The containers last arranged mirrored: their children take the focus right to left.
_mirrored: weakref.WeakSet[Widget] = weakref.WeakSet()
_installed: list[Any] = []


def install() -> None:
    """Put the mirror in Textual's arrangement and focus order, once per process."""
    if _installed:
        return
    # Where Widget.arrange and Screen.arrange find Textual's ``arrange``.
    modules: list[Any] = [textual.widget, textual.screen]
    original = modules[0].arrange
    focus_key = Widget._focus_sort_key
    _installed.append((original, focus_key))

    def arrange(
        widget: Widget, children: Any, size: Size, viewport: Size, optimal: bool = False
    ) -> DockArrangeResult:
        result: DockArrangeResult = original(widget, children, size, viewport, optimal=optimal)
        if optimal:
            return result
        if not mirrors(widget):
            _mirrored.discard(widget)
            return result
        _mirrored.add(widget)
        return mirrored(result, size.width)

    def sort_key(self: Widget) -> tuple[int, int]:
        parent = self._parent
        if parent is not None and parent in _mirrored:
            x, y, width, _ = self.virtual_region
            top, right, _, _ = self.styles.margin
            return y - top, -(x + width + right)
        key: tuple[int, int] = focus_key.fget(self)  # type: ignore[attr-defined]
        return key

    for module in modules:
        module.arrange = arrange
    Widget._focus_sort_key = property(sort_key)  # type: ignore[method-assign, assignment]


def mark(screen: Screen[Any], rtl: bool, update: bool = True) -> None:
    """Give the screen the class ``-mirrored`` when its words are right to left (``rtl``) and
    the app lays out right-to-left text itself (``bidi = "app"``); a screen already arranged
    the other way is arranged again."""
    mirrored = rtl and getattr(screen.app, "bidi", None) == APP
    changed = mirrored != screen.has_class(MIRRORED)
    screen.set_class(mirrored, MIRRORED, update=update)
    if changed and update:
        relayout(screen)


def mirrored_screen(node: Any) -> bool:
    """True when ``node`` is on a screen whose rows are mirrored."""
    try:
        screen = node if isinstance(node, Screen) else node.screen
    except Exception:  # not on a screen (yet)
        return False
    return screen.has_class(MIRRORED)


def mirrors(widget: Widget) -> bool:
    """True when ``widget``'s children, side by side, are drawn right to left."""
    layout = widget.styles.layout
    if layout is None or layout.name not in LAYOUTS or widget.has_class(KEEP_ORDER):
        return False
    return mirrored_screen(widget)


def mirrored(result: DockArrangeResult, width: int) -> DockArrangeResult:
    """``result`` turned round in ``width`` cells. What does not fit goes past the left edge,
    as it went past the right one: a footer too long for its line shows its first keys, from
    the right (no row of the app scrolls sideways; one that did could not be scrolled to what
    went past the left edge). An overlay (a menu drawn over the screen) and a widget placed at
    an absolute position keep their places."""
    placements = result.placements
    if not placements:
        return result
    turned = [_turned(p, width) for p in placements]
    top, right, bottom, left = result.scroll_spacing
    return DockArrangeResult(turned, result.widgets, Spacing(top, left, bottom, right))


def _turned(placement: WidgetPlacement, width: int) -> WidgetPlacement:
    if placement.overlay or placement.absolute:
        return placement
    x, y, w, h = placement.region
    top, right, bottom, left = placement.margin
    return placement._replace(
        region=Region(width - x - w, y, w, h),
        offset=Offset(-placement.offset.x, placement.offset.y),
        margin=Spacing(top, left, bottom, right),
    )


def relayout(screen: Screen[Any]) -> None:
    """Arrange the screen's containers again: its direction, or the app's way of laying out
    right-to-left text, has changed since they were arranged."""
    for widget in screen.walk_children(Widget, with_self=True):
        widget._clear_arrangement_cache()
    screen.refresh(layout=True)


# Choices side by side inside one widget (a scale's numbers, a guess's marks) are drawn by the
# widget from the right on a mirrored screen, the first choice on the right; ← and → move the
# way they point, so each does there what the other does on a left-to-right screen, and a key
# named in a sentence is named by the arrow that does the job ("→" is "one less").
ARROWS = {"left": "right", "right": "left"}
# The arrows' names as keys are shown (``keys.label``), each for the other.
_POINTING = str.maketrans({label(key): label(other) for key, other in ARROWS.items()})


def pointing(node: Any, label: str) -> str:
    """A key's name (``host.key_of``) for what it does in a row of choices drawn from the right
    on ``node``'s screen: ← and → swapped when the screen is mirrored."""
    return label.translate(_POINTING) if mirrored_screen(node) else label


async def arrow(widget: Widget, key: str) -> bool:
    """On a mirrored screen, ``key`` (← or →) does what the other arrow is bound to do in
    ``widget``: True when it was taken so (the caller stops the key)."""
    other = ARROWS.get(key)
    if other is None or not mirrored_screen(widget):
        return False
    bound = widget._bindings.key_to_bindings
    if key not in bound and other not in bound:
        return False
    for binding in bound.get(other, []):
        await widget.run_action(binding.action)
    return True
