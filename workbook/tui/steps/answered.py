"""The usual shape of a step each partner answers (``answered``): the prompt and the input in
turn, both answers side by side at the reveal, and a sealed step's own shape
(``steps/sealed.py``). The kinds' views build their stage with it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from workbook.i18n.catalog import _
from workbook.logic.phases import REVEAL, SEALED, SECOND, is_sealed
from workbook.logic.skips import KEPT_LINE, kept_back
from workbook.packs.placeholders import neutral
from workbook.tui.plain import fill
from workbook.tui.steps import sealed
from workbook.tui.steps.base import StepInput, prompt_widgets
from workbook.tui.steps.context import StepContext
from workbook.tui.widgets.laid_out import LaidOut

Show = Callable[[Any, Any], Content]


def answered(
    context: StepContext,
    make_input: Callable[[StepContext], StepInput],
    show: Show,
    compare: Callable[[StepContext], Content] | None = None,
) -> list[Widget]:
    """The usual shape of a step each partner answers: prompt, help, the first answer when the
    step is open, the input; at the reveal, both answers side by side and what they share, and
    the pack's scores that this reveal completes. An optional private step that one or both
    left blank shows neither answer, only a line that never says who (``logic/skips.py``). A
    sealed step has its own shape (``steps/sealed.py``): no reveal, and nothing shared that
    depends on the answers."""
    from workbook.tui.widgets.reveal import Reveal
    from workbook.tui.widgets.scores import score_widgets

    step = context.step
    if is_sealed(step):
        return (
            sealed.after(context) if context.phase == SEALED else sealed.turn(context, make_input)
        )
    if context.phase == REVEAL and kept_back(step, context.answer):
        return [
            LaidOut(neutral(step.prompt, context.pack.language), classes="prompt"),
            Static(_(KEPT_LINE), classes="kept", markup=False),
        ]
    if context.phase == REVEAL:
        cards = {key: show(step, context.answer.value(key)) for key in ("a", "b")}
        comparison = compare(context) if compare else Content("")
        return [
            LaidOut(neutral(step.prompt, context.pack.language), classes="prompt"),
            Reveal(context.names, context.first, cards, comparison),
            *score_widgets(context),
        ]
    widgets = prompt_widgets(context)
    if context.phase == SECOND and getattr(step, "answer", None) == "each-open":
        other = context.first
        widgets.append(
            Static(fill(_("$name answered:"), name=context.names[other]), classes="other-label")
        )
        widgets.append(Static(show(step, context.answer.value(other)), classes="other-answer"))
    widgets.append(make_input(context))
    return widgets
