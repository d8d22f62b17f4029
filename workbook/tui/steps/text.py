"""A written answer: a text area that keeps only safe characters and respects max_chars."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.document._document import EditResult, Location
from textual.geometry import Region
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Static, TextArea

from workbook.i18n.catalog import _
from workbook.text import clean
from workbook.tui.host import tr_of
from workbook.tui.plain import plain
from workbook.tui.steps.answered import answered
from workbook.tui.steps.base import ValueInput
from workbook.tui.steps.context import StepContext
from workbook.tui.widgets.blink import cursor_blink

# A generous limit when the pack sets none: long enough for any answer, short enough to save fast.
DEFAULT_MAX_CHARS = 20_000


class AnswerArea(TextArea):
    """A TextArea for answers: what is typed or pasted is cleaned, and never takes the text past
    ``limit``; text that is already longer (a stored answer) is kept whole and may be shortened.

    It also survives being drawn once more while the walk replaces it: Textual 8.2 can ask a
    TextArea that is being removed to render after its component styles are gone, which raises
    KeyError ("No 'text-area--gutter' key"); a blank frame is right then.
    """

    limit: int | None = None

    @dataclass
    class Refused(Message):
        """Typing or a paste was cut short at the limit."""

        limit: int

    def _replace_via_keyboard(
        self, insert: str, start: Location, end: Location
    ) -> EditResult | None:
        # Every key and paste comes through here: cut the insertion, never the text already there.
        insert = clean(insert)
        if self.limit is not None and insert:
            kept = len(self.text) - len(self.get_text_range(start, end))
            room = max(self.limit - kept, 0)
            if len(insert) > room:
                insert = insert[:room]
                self.post_message(self.Refused(self.limit))
                if not insert and start == end:
                    return None
        return super()._replace_via_keyboard(insert, start, end)

    def render_lines(self, crop: Region) -> list[Strip]:
        try:
            return super().render_lines(crop)
        except KeyError:
            return [Strip.blank(crop.width)] * crop.height


def show(step: Any, value: Any) -> Content:
    """A written answer as literal text."""
    return plain(value) if value else Content(_("(no answer)"))


def build(context: StepContext) -> list[Widget]:
    return answered(context, TextInput, show)


class TextInput(ValueInput):
    DEFAULT_CSS = """
    TextInput TextArea { height: 8; }
    TextInput .count { color: $text-muted; height: 1; }
    """

    def compose(self) -> ComposeResult:
        area = AnswerArea(
            self.initial or "",
            soft_wrap=True,
            tab_behavior="focus",
            placeholder=tr_of(self)._("Type your answer here."),
        )
        area.limit = self.limit
        area.cursor_blink = cursor_blink()
        area.show_line_numbers = False
        yield area
        if getattr(self.step, "max_chars", None) or self._over_limit:
            yield Static("", classes="count", markup=False)

    @property
    def limit(self) -> int:
        return int(getattr(self.step, "max_chars", None) or DEFAULT_MAX_CHARS)

    @property
    def _over_limit(self) -> bool:
        return isinstance(self.initial, str) and len(clean(self.initial)) > self.limit

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.move_cursor(area.document.end)
        self._show_count(area.text)
        if self._over_limit:
            _ = tr_of(self)._
            self.notify(
                _(
                    "This answer is longer than the {limit} characters this step asks for. "
                    "It is kept whole; shorten it if you like."
                ).format(limit=self.limit),
                title=_("A long answer"),
                severity="warning",
                timeout=10,
                markup=False,
            )

    @on(AnswerArea.Refused)
    def _refused(self, event: AnswerArea.Refused) -> None:
        event.stop()
        said = tr_of(self)._("Answers here can be up to {limit} characters.")
        self.notify(said.format(limit=event.limit), markup=False)

    def value(self) -> str:
        return self.query_one(TextArea).text

    @on(TextArea.Changed)
    def _typed(self, event: TextArea.Changed) -> None:
        event.stop()
        area = event.text_area
        text = area.text
        safe = clean(text)
        if safe != text:
            # Keys and pastes are cleaned as they come; this catches any other way in.
            cursor = area.cursor_location
            area.load_text(safe)
            area.move_cursor(cursor)
        self._show_count(safe)
        self.report()

    def _show_count(self, text: str) -> None:
        counts = self.query(".count")
        if not counts:
            return
        _ = tr_of(self)._
        if len(text) > self.limit:
            said = _(
                "{count} of {limit} characters: longer than this step asks for, and kept whole"
            )
        else:
            said = _("{count} of {limit} characters")
        shown = said.format(count=len(text), limit=self.limit)
        counts.first(Static).update(shown)

    def focus_target(self) -> Widget | None:
        return self.query_one(TextArea)
