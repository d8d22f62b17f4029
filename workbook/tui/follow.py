"""Keeping the place the keys act on in view, on a stage that scrolls.

A list that grows taller than the screen moves its highlight below the fold without scrolling
anything, since it does not scroll itself; the stage it sits in has to follow. Focus follows by
itself, through Textual; the highlight inside a list does not.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.containers import ScrollableContainer
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Input, OptionList

if TYPE_CHECKING:
    from textual.widgets import TextArea

# Lines above a widget shown with it when the stage scrolls to it: its label or question.
ABOVE = 2


def follow_highlight(stage: ScrollableContainer, listing: OptionList) -> None:
    """Scroll ``stage`` so that ``listing``'s highlighted option is in view, when the list has
    the focus: another list's highlight is not where the keys act, and following it would take
    the stage away from where they do (a list set up as a step is shown, say)."""
    index = listing.highlighted
    if index is None or not listing.is_mounted or not stage.is_mounted or not listing.has_focus:
        return
    # The option's lines inside the list: Textual keeps them per option, and they are there once
    # the list has been laid out; without them, keeping the whole list in view is the next best.
    lines = getattr(listing, "_index_to_line", {})
    heights = getattr(listing, "_heights", {})
    if index not in lines or index not in heights:
        stage.scroll_to_widget(listing, animate=False)
        return
    top = listing.region.y - stage.region.y + int(stage.scroll_y) - int(listing.scroll_y)
    region = Region(0, top + lines[index], stage.size.width, heights[index])
    stage.scroll_to_region(region, animate=False, immediate=True)


def typed_into(box: Input | TextArea, character: str) -> None:
    """Focus ``box`` and type ``character`` at its end, as if it had had the focus."""
    box.focus()
    if isinstance(box, Input):
        box.cursor_position = len(box.value)
        box.insert_text_at_cursor(character)
    else:
        box.move_cursor(box.document.end)
        box.insert(character)


def settle_stage(stage: ScrollableContainer) -> None:
    """A stage just filled: at its top, and a Tab stop only when nothing on it is one (a read
    step scrolls with the keys); otherwise it would be a stop that shows nothing."""
    stage.can_focus = not any(widget.focusable for widget in stage.query("*"))
    stage.scroll_home(animate=False, immediate=True)
    # The scrollbar can keep the last place's position when the new one starts at the top too
    # (Textual 8.2 updates it only when the offset changes): set it with the offset.
    stage.vertical_scrollbar.position = 0


def show_start(widget: Widget) -> None:
    """Scroll the container ``widget`` sits in just far enough to show its first lines and the
    line or two above them, its label or question (none if they are in view): unlike Textual's
    own scrolling to a focused widget, a widget taller than the view is not centred, so what
    is above it stays in sight when it can."""
    if not widget.is_mounted:
        return
    stage = next((node for node in widget.ancestors if isinstance(node, ScrollableContainer)), None)
    if stage is None or not widget.region:
        return
    top = widget.region.y - stage.region.y + int(stage.scroll_y)
    above = min(top, ABOVE)
    lines = above + min(widget.outer_size.height, 3)
    region = Region(0, top - above, stage.size.width, lines)
    stage.scroll_to_region(region, animate=False, immediate=True)


def show_span(first: Widget, last: Widget) -> None:
    """Scroll the stage to show ``first`` to ``last`` (the lines a step still needs), with the
    line or two above ``first``; when they do not all fit, the start, as ``show_start``."""
    if not first.is_mounted or not last.is_mounted:
        return
    stage = next((node for node in first.ancestors if isinstance(node, ScrollableContainer)), None)
    if stage is None or not first.region or not last.region:
        return
    top = first.region.y - stage.region.y + int(stage.scroll_y)
    bottom = last.region.bottom - stage.region.y + int(stage.scroll_y)
    above = min(top, ABOVE)
    if bottom - top + above > stage.size.height:
        show_start(first)
        return
    region = Region(0, top - above, stage.size.width, bottom - top + above)
    stage.scroll_to_region(region, animate=False, immediate=True)
