"""The shape of an ``each-sealed`` step, for every kind that allows it (text, scale, choice).

Each partner answers in their own private turn, told who keeps the answer: the couple's
facilitator, or nobody (it is not saved). When an answer asks for care (``logic/safety.py``),
that partner sees, in the same turn, where to find help and a way to end the session that gives
no reason. After the second turn both see one screen that shows nothing of either answer, the
same whatever was answered; nothing shared depends on what was answered.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Static

from workbook.i18n.catalog import N_, _
from workbook.logic.safety import asks_for_care
from workbook.tui.host import tr_of
from workbook.tui.plain import fill
from workbook.tui.steps.base import StepInput, prompt_widgets
from workbook.tui.steps.context import StepContext
from workbook.tui.widgets.button import Button

KEPT = N_("This stays private: $partner never sees your answer. Only $facilitator does.")
NOT_KEPT = N_("This stays private: $partner never sees your answer, and it is not saved.")

CARE_OPENING = N_(
    "Thank you. You do not need to explain anything here.\n"
    "If you are in danger, call your local emergency number. A local domestic abuse helpline "
    "can talk with you in confidence, on your own."
)
CARE_COUNSELLOR = N_("You can ask to talk with $facilitator on your own.")
CARE_ENDING = N_(
    "To stop for today, end the session here: $partner will see the same screen as whenever "
    "a session is ended early, with no reason given."
)

AFTER = N_(
    "Thank you, both of you.\n\n"
    "What each of you answered stays private. It is not shown here, and it is not in your "
    "session or in any summary."
)
AFTER_KEPT = N_(" Only $facilitator can see it.")
AFTER_NOT_KEPT = N_(" It has not been saved anywhere.")
GO_ON = N_("\n\nWhen you are both ready, go on with Next.")


def turn(context: StepContext, make_input: Callable[[StepContext], StepInput]) -> list[Widget]:
    """One partner's private turn: the prompt, who keeps the answer, and the input."""
    # Made inside ``speaking`` (``views.build``): the couple's words.
    partner = context.me_and_partner()[1]
    if context.kept_by:
        note = fill(_(KEPT), partner=partner, facilitator=context.kept_by)
    else:
        note = fill(_(NOT_KEPT), partner=partner)
    return [
        *prompt_widgets(context),
        Static(note, classes="sealed-note"),
        SealedTurn(context, make_input(context)),
    ]


def after(context: StepContext) -> list[Widget]:
    """The screen both partners see after a sealed step: nothing of either answer."""
    if context.kept_by:
        kept = fill(_(AFTER_KEPT), facilitator=context.kept_by)
    else:
        kept = fill(_(AFTER_NOT_KEPT))
    return [Static(fill(_(AFTER)) + kept + fill(_(GO_ON)), classes="sealed-after")]


class SealedTurn(Vertical):
    """The input of a sealed turn, and the care it shows this partner when their answer asks
    for it. The input's changes pass through on their way to the walk."""

    DEFAULT_CSS = """
    SealedTurn { height: auto; }
    SealedTurn #care {
        display: none; height: auto; margin-top: 1; padding: 0 1;
        border: round $primary;
    }
    SealedTurn #care.shown { display: block; }
    SealedTurn #care Button { margin-top: 1; }
    """

    def __init__(self, context: StepContext, answer_input: StepInput) -> None:
        super().__init__()
        self.context = context
        self.answer_input = answer_input

    def compose(self) -> ComposeResult:
        context = self.context
        partner = context.me_and_partner()[1]
        tr = tr_of(self)
        words = fill(tr.gettext(CARE_OPENING))
        if context.kept_by:
            words += fill("\n" + tr.gettext(CARE_COUNSELLOR), facilitator=context.kept_by)
        words += fill("\n" + tr.gettext(CARE_ENDING), partner=partner)
        yield self.answer_input
        with Vertical(id="care"):
            yield Static(words)
            end = tr._("End here for today")
            yield Button(end, id="end-here", compact=True, action="screen.end_now")

    def on_mount(self) -> None:
        self._show_care(self.answer_input.answer)

    @on(StepInput.Changed)
    def _answered(self, event: StepInput.Changed) -> None:
        # Not stopped: the walk records the answer (the recorder seals it).
        self._show_care(event.answer)

    def _show_care(self, answer: object) -> None:
        key = self.context.key
        value = getattr(answer, "value", lambda _key: None)(key)
        step = self.context.step
        care = asks_for_care(self.context.pack.id, step.id, value, getattr(step, "options", None))
        panel = self.query_one("#care")
        if care and not panel.has_class("shown"):
            # Below the input, which may fill the screen: bring it into view once it shows.
            self.call_after_refresh(panel.scroll_visible, animate=False)
        panel.set_class(care, "shown")
