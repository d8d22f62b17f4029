"""The lists and the box of the agreement step: the terms offered, the box where a term is
typed, and the drafted terms, whose keys act on the highlighted one (other keys mean nothing
there). ↑ and ↓ go between them in the order they are shown."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message
from textual.widgets import OptionList

from workbook.tui.actions import bindings
from workbook.tui.widgets.box import Box


class TermList(OptionList):
    """The drafted terms. Its keys act on the highlighted term; other keys mean nothing here."""

    BINDINGS = bindings("terms")

    @dataclass
    class Acted(Message):
        """A key was pressed on the term at ``index``: ``what`` to do, and by ``key``."""

        index: int
        what: str
        key: str

    def action_act(self, what: str, key: str = "") -> None:
        if self.highlighted is not None:
            self.post_message(self.Acted(self.highlighted, what, key))

    def action_cursor_up(self) -> None:
        # Up from the first term goes back to the box, where the next term is typed.
        if not self.highlighted and self.parent is not None:
            self.parent.query_one("#new-term").focus()
            return
        super().action_cursor_up()


class OfferList(OptionList):
    """The terms offered from earlier answers."""

    def action_cursor_down(self) -> None:
        # Down from the last offer goes on to the box.
        if self.highlighted == self.option_count - 1 and self.parent is not None:
            self.parent.query_one("#new-term").focus()
            return
        super().action_cursor_down()


class TermBox(Box):
    """Where a term is typed; ↓ goes on to the terms, ↑ back to the offers."""

    BINDINGS = bindings("term-box")

    def action_go(self, where: str) -> None:
        if self.parent is not None:
            for widget in self.parent.query(where):
                widget.focus()
