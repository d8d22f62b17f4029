"""The answer model of each step kind, by the kind's name: the data layer's line of the
registry (``workbook/kinds.py`` gathers every layer's)."""

from __future__ import annotations

from typing import Any

from workbook.data.answers.agreement import AgreementAnswer
from workbook.data.answers.base import Problems, StepAnswer
from workbook.data.answers.choice import ChoiceAnswer
from workbook.data.answers.chores import ChoresAnswer
from workbook.data.answers.guess import GuessAnswer
from workbook.data.answers.listen import ListenAnswer
from workbook.data.answers.rank import RankAnswer
from workbook.data.answers.read import NoAnswer
from workbook.data.answers.requests import RequestsAnswer
from workbook.data.answers.scale import ScaleAnswer
from workbook.data.answers.text import TextAnswer

ANSWERS: dict[str, type[StepAnswer]] = {
    "read": NoAnswer,
    "text": TextAnswer,
    "scale": ScaleAnswer,
    "choice": ChoiceAnswer,
    "rank": RankAnswer,
    "guess": GuessAnswer,
    "chores": ChoresAnswer,
    "requests": RequestsAnswer,
    "listen": ListenAnswer,
    "agreement": AgreementAnswer,
}


def answer_model(step: Any) -> type[StepAnswer]:
    """The answer model of ``step``'s kind."""
    return ANSWERS[step.kind]


def read_answer(step: Any, table: Any, problems: Problems | None = None, where: str = "") -> Any:
    """The typed answer to ``step`` in ``table`` (anything a file held); never raises.
    Problems are added to ``problems``."""
    return ANSWERS[step.kind].read(table, problems, where)
