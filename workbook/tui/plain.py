"""User and pack text for the screen: always cleaned, never read as markup."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content

from workbook.text import clean, clean_line, one_width

if TYPE_CHECKING:
    from textual.widgets import Static

# Every text below is also shown one cell wide where terminals disagree on the width (❤️):
# see ``workbook.text.one_width``.


def plain(text: str) -> Content:
    """``text`` as literal content: ``[b]`` shows as ``[b]``, and no escape code survives."""
    return Content(one_width(clean(text)))


def line(text: str) -> Content:
    """``text`` as one literal line, for names and titles."""
    return Content(one_width(clean_line(text)))


def fill(markup: str, **values: str) -> Content:
    """Our own markup with user text dropped into ``$name`` slots, literally."""
    return Content.from_markup(
        markup, **{key: one_width(clean(value)) for key, value in values.items()}
    )


def update(widget: Static, content: Content | str) -> None:
    """Show ``content`` in ``widget`` unless it shows just that already (same text, same
    styles). Textual's ``update`` lays the screen out and draws the widget again even then: the
    walk's top line, names and hint are set at every move, and mostly stay the same."""
    now = widget.content
    same = type(now) is type(content) and now == content
    if same and isinstance(now, Content) and isinstance(content, Content):
        same = now.spans == content.spans
    if not same:
        widget.update(content)
