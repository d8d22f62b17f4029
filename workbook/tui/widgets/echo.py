"""The line being typed, laid out beneath its box when it is right to left.

A box being typed into (``Input``, ``TextArea``) keeps its text in logical order, so the cursor
moves as the keys say; in a terminal that does no bidirectional layout that text reads reversed
and unjoined. So, when the app lays out right-to-left text (``bidi = "app"``) and the line under
the cursor has a right-to-left letter, a muted copy of that line, laid out (``LaidOut``), is
shown just beneath the box, and hidden again when the line has none or the box loses the focus.
A box that hides what is typed (a passphrase, a PIN) never gets one. The app calls ``echo`` for
every box (``Host``), so no screen has to.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from textual.widget import Widget
from textual.widgets import Input, TextArea

from workbook.i18n.bidi import has_rtl
from workbook.tui.bidi_lines import lays_out
from workbook.tui.plain import plain
from workbook.tui.widgets.laid_out import LaidOut

_ECHOES: WeakKeyDictionary[Widget, Echo] = WeakKeyDictionary()


class Echo(LaidOut):
    DEFAULT_CSS = "Echo { height: auto; max-height: 3; color: $text-muted; padding: 0 1; }"


def typed_line(box: Widget) -> str:
    """The line of ``box`` that the cursor is on, in logical order."""
    if isinstance(box, TextArea):
        row = box.cursor_location[0]
        return box.document.get_line(row) if row < box.document.line_count else ""
    if isinstance(box, Input) and not box.password:
        return box.value
    return ""


def echo(box: Widget) -> None:
    """Show, update or hide the laid-out line beneath ``box``."""
    line = typed_line(box)
    shown = _ECHOES.get(box)
    if not (box.has_focus and has_rtl(line) and lays_out(box)):
        hide(box)
        return
    if shown is None or not shown.is_attached:
        parent = box.parent
        if not isinstance(parent, Widget):
            return
        shown = _ECHOES[box] = Echo(line, classes="echo")
        parent.mount(shown, after=box)
        return
    shown.content = plain(line)
    shown.display = True
    shown.refresh(layout=True)


def hide(box: Widget) -> None:
    """Hide ``box``'s laid-out line, if it has one."""
    shown = _ECHOES.get(box)
    if shown is not None and shown.is_attached:
        shown.display = False
