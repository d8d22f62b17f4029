"""What every step view shares: inputs that post the step's whole new answer on every change,
the prompt and help, and the common shape of steps that each partner answers.

Widgets never own an answer: they post ``StepInput.Changed`` with the step's id and its new
typed answer, and the walk screen hands it to the session's recorder, which saves it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from textual.app import ComposeResult
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Markdown, Static

from workbook.export.markdown import inline
from workbook.logic.skips import kept_back_if_left
from workbook.packs.placeholders import fill as fill_placeholders
from workbook.tui.follow import show_start
from workbook.tui.host import tr_of
from workbook.tui.plain import plain
from workbook.tui.steps.context import StepContext
from workbook.tui.widgets.laid_out import LaidOut


@dataclass(frozen=True)
class Question:
    """Asked before Next goes on from an answer begun and not finished: ``words``, the button
    that goes on (``go_on``; the other goes back), and ``then``, done when the couple goes on."""

    words: str
    go_on: str
    then: Callable[[], None] | None = None


class StepInput(Widget):
    """Where a step is answered. Subclasses call ``changed(answer)`` on every edit."""

    DEFAULT_CSS = "StepInput { height: auto; }"

    @dataclass
    class Changed(Message):
        """The answer of step ``step_id`` changed; ``answer`` is the whole new answer."""

        step_id: str
        answer: Any

    @dataclass
    class Confirmed(Message):
        """An outcome both partners confirmed (a draft term, ``data/answers``), for the walk to
        keep as an agreement; ``kept(agreement_id)`` then tells the step it is kept. The walk
        never learns which kind of step it came from."""

        term: Any
        kept: Callable[[str], None]

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
        """Something to say once before the couple leaves the step by any way out (the same
        way again goes on: ``screens/step_exit.py``), or None."""
        return None

    def question_before_next(self) -> Question | None:
        """Something to ask before Next goes on from an answer begun and not finished, or
        None."""
        return None

    def show_left(self) -> None:
        """Put what is left to answer in view, with the cursor on it."""
        self.focus_input()

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

    def question_before_next(self) -> Question | None:
        """An optional step answered in part (some lines, fewer picks than asked): passing it
        is asked about, never done by accident. A private one is then shown to neither of you
        (``logic/skips.py``)."""
        partial = getattr(self.answer, "partial", None)
        optional = getattr(self.step, "optional", False)
        left = partial(self.step, self.key) if partial and optional else None
        if left is None:
            return None
        _ = tr_of(self)._
        if kept_back_if_left(self.step):
            asked = _("{left} Pass this step, so neither of you sees it?").format(left=left)
            return Question(asked, _("Pass this step"))
        return Question(_("{left} Go on with the answer as it is?").format(left=left), _("Go on"))


def prompt_widgets(context: StepContext) -> list[Widget]:
    """The step's prompt and help, with {me} and {partner} filled for whoever is answering."""
    step = context.step
    me, partner = context.me_and_partner()
    widgets: list[Widget] = [
        LaidOut(fill_placeholders(step.prompt, me=me, partner=partner), classes="prompt")
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
