"""The one registry of step kinds: for each kind, its part in every layer of the core.

A kind is a pack model (``packs``), an answer model (``data/answers``), the phases a step goes
through, the terms its outcome offers (``logic/terms``), the ratings a score reads, and a
renderer (``export``). Everything else asks this registry; nothing outside a kind's own modules
and the registries branches on a kind's name. The TUI's map of views is ``tui/views.py``.

Adding a kind: its modules, then one line here and one in ``tui/views.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from workbook.data.answers.agreement import AgreementAnswer
from workbook.data.answers.base import StepAnswer
from workbook.data.answers.choice import ChoiceAnswer
from workbook.data.answers.chores import ChoresAnswer
from workbook.data.answers.guess import GuessAnswer
from workbook.data.answers.listen import ListenAnswer
from workbook.data.answers.rank import RankAnswer
from workbook.data.answers.read import NoAnswer
from workbook.data.answers.requests import RequestsAnswer
from workbook.data.answers.scale import ScaleAnswer
from workbook.data.answers.text import TextAnswer
from workbook.export import steps as render
from workbook.logic import phases, terms
from workbook.packs.models import STEP_MODELS

Names = Mapping[str, str]
Terms = Callable[[Any, Any, Names], list[terms.Suggested]]
Ratings = Callable[[Any, Any, str], dict[str | None, int]]


@dataclass(frozen=True)
class KindSpec:
    """Everything the core knows about one kind of step."""

    kind: str
    answer: type[StepAnswer]
    phases: Callable[[Any], tuple[str, ...]]
    render: render.Renderer | None = None
    # The draft terms its outcome offers (text, who, and whose own words); None for kinds
    # without an outcome.
    terms: Terms | None = None
    # A partner's ratings by item, for scores and trends; None for kinds that give none.
    ratings: Ratings | None = None
    # Partners take turns inside the step's one phase, so someone has to start (and the step
    # speaks to one of them at a time).
    takes_turns: bool = False
    # Each partner confirms with a key of their own (the partner bar shows the keys).
    confirms_with_keys: bool = False
    # Walked apart, each partner on a seat of their own (``service/apart.py``): a step of one
    # answer per partner (or one together). The other kinds are walked at one screen.
    apart: bool = False
    # Where each partner's private part of the answer table is, walked apart: "" for a value
    # under the partner's own key (a, b); else that key of the table, by partner.
    private_in: str = ""

    @property
    def model(self) -> type[Any]:
        return STEP_MODELS[self.kind]

    def read(self, table: Any, problems: list[str] | None = None, where: str = "") -> Any:
        """The typed answer in ``table``; problems are added to ``problems``."""
        return self.answer.read(table, problems, where)


def _scale_ratings(step: Any, answer: Any, key: str) -> dict[str | None, int]:
    found: dict[str | None, int] = answer.ratings(step, key)
    return found


REGISTRY: dict[str, KindSpec] = {
    spec.kind: spec
    for spec in (
        KindSpec("read", NoAnswer, phases.one, apart=True),
        KindSpec(
            "text",
            TextAnswer,
            phases.by_answer_mode,
            render.render_text,
            terms.text_terms,
            apart=True,
        ),
        KindSpec(
            "scale",
            ScaleAnswer,
            phases.by_answer_mode,
            render.render_scale,
            terms.scale_terms,
            ratings=_scale_ratings,
            apart=True,
        ),
        KindSpec(
            "choice",
            ChoiceAnswer,
            phases.by_answer_mode,
            render.render_choice,
            terms.choice_terms,
            apart=True,
        ),
        KindSpec(
            "rank",
            RankAnswer,
            phases.by_answer_mode,
            render.render_rank,
            terms.rank_terms,
            apart=True,
        ),
        KindSpec(
            "guess",
            GuessAnswer,
            phases.always_private,
            render.render_guess,
            terms.guess_terms,
            apart=True,
        ),
        KindSpec(
            "chores",
            ChoresAnswer,
            phases.chores,
            render.render_chores,
            terms.chores_terms,
            apart=True,
            private_in="weights",
        ),
        KindSpec(
            "requests",
            RequestsAnswer,
            phases.one,
            render.render_requests,
            terms.request_terms,
            takes_turns=True,
            apart=True,
        ),
        KindSpec(
            "listen",
            ListenAnswer,
            phases.one,
            render.render_listen,
            terms.listen_terms,
            takes_turns=True,
            apart=True,
        ),
        KindSpec(
            "agreement",
            AgreementAnswer,
            phases.one,
            render.render_agreement,
            confirms_with_keys=True,
        ),
    )
}


def spec(step: Any) -> KindSpec:
    """The spec of ``step``'s kind."""
    return REGISTRY[step.kind]
