"""The scores a reveal completes, under the answers: each partner's value and band, and what the
number is made of.

A pack's ``[[scores]]`` appear at the reveal of their last step (DESIGN.md §4); what counts is
``workbook/logic/scores.py``, and this only shows it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.app import ComposeResult
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from workbook.i18n.catalog import N_, Translations
from workbook.logic.scores import completed_at, pack_scores, score_range, shown
from workbook.packs.models import Score
from workbook.tui.host import tr_of
from workbook.tui.plain import fill, line
from workbook.tui.steps.context import StepContext

# What a number is made of, whole sentences: (mean?, counted the other way round?, range?).
MADE_OF = {
    (True, False, True): N_(
        "The mean of your answers to {steps}, from {low} to {high}. A starting point, not a grade."
    ),
    (True, False, False): N_("The mean of your answers to {steps}. A starting point, not a grade."),
    (True, True, True): N_(
        "The mean of your answers to {steps} (some counted the other way round), from {low} "
        "to {high}. A starting point, not a grade."
    ),
    (True, True, False): N_(
        "The mean of your answers to {steps} (some counted the other way round). A starting "
        "point, not a grade."
    ),
    (False, False, True): N_(
        "The sum of your answers to {steps}, from {low} to {high}. A starting point, not a grade."
    ),
    (False, False, False): N_("The sum of your answers to {steps}. A starting point, not a grade."),
    (False, True, True): N_(
        "The sum of your answers to {steps} (some counted the other way round), from {low} "
        "to {high}. A starting point, not a grade."
    ),
    (False, True, False): N_(
        "The sum of your answers to {steps} (some counted the other way round). A starting "
        "point, not a grade."
    ),
}


class ScoreCard(Widget):
    """One score: its title, each partner's value and band, and what the number is made of."""

    DEFAULT_CSS = """
    ScoreCard { margin-top: 1; height: auto; }
    ScoreCard .title { text-style: bold; }
    ScoreCard .made-of { color: $text-muted; }
    """

    def __init__(
        self, title: Content, values: Content, made_of: Callable[[Translations], str]
    ) -> None:
        super().__init__()
        self.parts = (title, values, made_of)

    def compose(self) -> ComposeResult:
        title, values, made_of = self.parts
        yield Static(title, classes="title")
        yield Static(values, classes="values")
        yield Static(made_of(tr_of(self)), classes="made-of", markup=False)


def score_widgets(context: StepContext) -> list[Widget]:
    """A card for each score of the pack whose last step is this one; none for most steps."""
    pack = context.pack
    due = completed_at(pack, context.step.id)
    if not due:
        return []
    values = {
        value.id: value
        for value in pack_scores(pack, lambda step_id: context.session.answer(pack.id, step_id))
    }
    order = (context.first, context.other(context.first))
    cards: list[Widget] = []
    for score in due:
        value = values[score.id]
        each = [
            fill(
                "$name [b]$value[/b]" + (" ($band)" if value.band(key) else ""),
                name=context.names[key],
                value=shown(value.value(key)),
                band=value.band(key) or "",
            )
            for key in order
        ]
        cards.append(
            ScoreCard(
                line(score.title), Content(" · ").join(each), partial(_made_of, context, score)
            )
        )
    return cards


def _made_of(context: StepContext, score: Score, tr: Translations) -> str:
    """What the number is: which answers, how they are counted, and its range."""
    titles = {step.id: step.title or step.id for step in context.pack.steps}
    steps = [titles.get(step_id, step_id) for step_id in score.from_]
    if len(steps) == 1:
        named = steps[0]
    else:
        named = tr._("{first} and {last}").format(first=tr._(", ").join(steps[:-1]), last=steps[-1])
    span = score_range(context.pack, score)
    said = tr.gettext(MADE_OF[(score.method == "mean", bool(score.reverse), bool(span))])
    low, high = (shown(span[0]), shown(span[1])) if span else ("", "")
    return said.format(steps=named, low=low, high=high)
