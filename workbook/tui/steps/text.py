"""A written answer: a text area that keeps only safe characters and respects max_chars."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import Static, TextArea

from workbook.text import clean
from workbook.tui.steps.base import StepInput
from workbook.tui.widgets.blink import cursor_blink

# A generous limit when the pack sets none: long enough for any answer, short enough to save fast.
DEFAULT_MAX_CHARS = 20_000


class AnswerArea(TextArea):
    """A TextArea that survives being drawn once more while the walk replaces it.

    Textual 8.2 can ask a TextArea that is being removed to render after its component styles
    are gone, which raises KeyError ("No 'text-area--gutter' key"); a blank frame is right then.
    """

    def render_lines(self, crop: Region) -> list[Strip]:
        try:
            return super().render_lines(crop)
        except KeyError:
            return [Strip.blank(crop.width)] * crop.height


class TextInput(StepInput):
    DEFAULT_CSS = """
    TextInput TextArea { height: 8; }
    TextInput .count { color: $text-muted; height: 1; }
    """

    def compose(self) -> ComposeResult:
        area = AnswerArea(
            clean(self.initial) if isinstance(self.initial, str) else "",
            soft_wrap=True,
            tab_behavior="focus",
            placeholder="Type your answer here.",
        )
        area.cursor_blink = cursor_blink()
        area.show_line_numbers = False
        yield area
        if getattr(self.step, "max_chars", None):
            yield Static("", classes="count", markup=False)

    @property
    def limit(self) -> int:
        return int(getattr(self.step, "max_chars", None) or DEFAULT_MAX_CHARS)

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.move_cursor(area.document.end)
        self._show_count(area.text)

    def current(self) -> str:
        return self.query_one(TextArea).text

    @on(TextArea.Changed)
    def _typed(self, event: TextArea.Changed) -> None:
        event.stop()
        area = event.text_area
        text = area.text
        safe = clean(text)[: self.limit]
        if safe != text:
            # Pasted control characters or too much text: keep what is safe, where it was.
            cursor = area.cursor_location
            area.load_text(safe)
            area.move_cursor(cursor)
            if len(clean(text)) > self.limit:
                self.notify(f"Answers here can be up to {self.limit} characters.", markup=False)
        self._show_count(safe)
        self.changed()

    def _show_count(self, text: str) -> None:
        limit = getattr(self.step, "max_chars", None)
        if limit:
            self.query_one(".count", Static).update(f"{len(text)} of {limit} characters")

    def focus_input(self) -> None:
        self.query_one(TextArea).focus()
