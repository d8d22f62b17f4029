"""What every step view shares: inputs that post the step's whole new answer on every change,
the prompt and help, and the common shape of steps that each partner answers.

Widgets never own an answer: they post ``StepInput.Changed`` with the step's id and its new
typed answer, and the walk screen hands it to the session's recorder, which saves it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.app import ComposeResult
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Markdown, Static

from workbook.export.markdown import inline
from workbook.packs.placeholders import fill as fill_placeholders
from workbook.tui.follow import show_start
from workbook.tui.plain import plain
from workbook.tui.steps.context import StepContext


class StepInput(Widget):
    """Where a step is answered. Subclasses call ``changed(answer)`` on every edit."""

    DEFAULT_CSS = "StepInput { height: auto; }"

    @dataclass
    class Changed(Message):
        """The answer of step ``step_id`` changed; ``answer`` is the whole new answer."""

        step_id: str
        answer: Any

    def __init__(self, context: StepContext, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.context = context
        self.step = context.step
        # The answer as it stands, replaced by every change this input makes.
        self.answer = context.answer

    def changed(self, answer: Any) -> None:
        self.answer = answer
        self.post_message(self.Changed(self.step.id, answer))

    def problem(self) -> str | None:
        """Why the answer is not whole yet, or None; Next is refused until it is."""
        return None

    def before_leaving(self) -> str | None:
        """Something to say once before the couple moves on (Next again goes on), or None."""
        return None

    def focus_target(self) -> Widget | None:
        """Where the cursor goes when the step is shown: the widget the answer is given in."""
        return self

    def focus_input(self) -> None:
        """Put the cursor where the answer is given, at once: keys already on their way go
        there, not to what had the focus before. The stage is then scrolled only as far as
        shows the start of it, never centred on it (a tall list would push the question above
        it out of sight)."""
        target = self.focus_target()
        if target is None or not target.focusable:
            return
        self.screen.set_focus(target, scroll_visible=False)
        target.call_after_refresh(show_start, target)


class ValueInput(StepInput):
    """The input of one answerer's value, in a step whose answer is kept by answerer."""

    @property
    def key(self) -> str:
        return self.context.key

    @property
    def initial(self) -> Any:
        return self.context.answer.value(self.key)

    def value(self) -> Any:
        """The value as it stands in the widget."""
        raise NotImplementedError

    def report(self) -> None:
        """Post the answer with this answerer's value as the widget holds it."""
        self.changed(self.answer.with_value(self.key, self.value()))

    def problem(self) -> str | None:
        reason: str | None = self.answer.not_ready(self.step, self.key)
        return reason


def stop_before_next(inputs: list[StepInput], warned: bool) -> tuple[StepInput, str, bool] | None:
    """What keeps Next from going on: an answer that is not whole (refused, unless the step is
    optional), or something to say once before leaving (unless ``warned`` already). Returns the
    input, the words, and whether they are only a warning."""
    for widget in inputs:
        problem = widget.problem()
        if problem and not getattr(widget.step, "optional", False):
            return widget, problem, False
        warning = widget.before_leaving()
        if warning and not warned:
            return widget, warning, True
    return None


def prompt_widgets(context: StepContext) -> list[Widget]:
    """The step's prompt and help, with {me} and {partner} filled for whoever is answering."""
    step = context.step
    me, partner = context.me_and_partner()
    widgets: list[Widget] = [
        Static(plain(fill_placeholders(step.prompt, me=me, partner=partner)), classes="prompt")
    ]
    help_text = getattr(step, "help", None)
    if help_text:
        text = fill_placeholders(help_text, me=me, partner=partner, escape=inline)
        widgets.append(Markdown(text, open_links=False, classes="help"))
    return widgets


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
            plain(fill_placeholders(self.step.prompt, me=me, partner=partner))
        )
        if getattr(self.step, "help", None):
            self.query_one(".help", Markdown).update(
                fill_placeholders(self.step.help, me=me, partner=partner, escape=inline)
            )
