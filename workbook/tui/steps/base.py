"""What every step input widget does: show one answerer's value and report each change."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.app import ComposeResult
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Markdown, Static

from workbook.data.answers import not_ready
from workbook.export.markdown import inline
from workbook.packs.placeholders import fill
from workbook.tui.plain import plain


class StepInput(Widget):
    """The input of one step for one answerer (a partner, or both together).

    Widgets never own an answer: they post ``Changed`` on every edit, and the walk screen writes
    the value into the session model, which the store saves.
    """

    DEFAULT_CSS = "StepInput { height: auto; }"

    @dataclass
    class Changed(Message):
        """The answer in the widget changed."""

        value: Any

    def __init__(self, step: Any, value: Any, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.step = step
        self.initial = value

    def current(self) -> Any:
        """The value as it stands now."""
        raise NotImplementedError

    def problem(self) -> str | None:
        """Why the answer is not whole yet, or None; Next is refused until it is."""
        return not_ready(self.step, self.current())

    def focus_input(self) -> None:
        """Put the cursor where the answer is given."""
        self.focus()

    def changed(self) -> None:
        self.post_message(self.Changed(self.current()))


class TurnPrompt(Widget):
    """A step's prompt and help, addressed to whoever's turn it is within the step."""

    DEFAULT_CSS = """
    TurnPrompt { height: auto; }
    TurnPrompt .prompt { margin-bottom: 1; }
    TurnPrompt .help { color: $text-muted; margin: 0; padding: 0; background: transparent; }
    """

    def __init__(self, step: Any) -> None:
        super().__init__()
        self.step = step

    def compose(self) -> ComposeResult:
        yield Static("", classes="prompt")
        if getattr(self.step, "help", None):
            yield Markdown("", open_links=False, classes="help")

    def address(self, me: str, partner: str) -> None:
        """Fill the placeholders for ``me`` (whose turn it is) and ``partner``."""
        self.query_one(".prompt", Static).update(
            plain(fill(self.step.prompt, me=me, partner=partner))
        )
        if getattr(self.step, "help", None):
            self.query_one(".help", Markdown).update(
                fill(self.step.help, me=me, partner=partner, escape=inline)
            )
