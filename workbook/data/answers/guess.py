"""The guess table: each partner's answers about themselves, their guesses of the other's, and
how they marked the other's guesses about them."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import WrapValidator

from workbook.data.answers.answerers import ByAnswerer
from workbook.data.answers.base import Lenient
from workbook.data.answers.unread import wrong

MARKS = ("got it", "close", "not quite")


def _texts_by_question(value: Any, handler: Any, info: Any) -> dict[str, str]:
    if not isinstance(value, dict):
        raise wrong("text_by_question")
    return {k: v for k, v in value.items() if isinstance(v, str)}


def _marks(value: Any, handler: Any, info: Any) -> dict[str, str]:
    if not isinstance(value, dict):
        raise wrong("marks_by_question")
    return {k: v for k, v in value.items() if v in MARKS}


ByQuestion = Annotated[dict[str, str], WrapValidator(_texts_by_question)]
Marks = Annotated[dict[str, Literal["got it", "close", "not quite"]], WrapValidator(_marks)]


class GuessSide(Lenient):
    """One partner's part: ``own`` answers about themselves, ``guess`` of the other's answers,
    and ``marks``: how they marked the other's guess of each of their own answers."""

    own: ByQuestion = {}
    guess: ByQuestion = {}
    marks: Marks = {}


class GuessAnswer(ByAnswerer[GuessSide]):
    def side(self, key: str) -> GuessSide:
        return self.value(key) or GuessSide()

    def not_ready(self, step: Any, key: str) -> str | None:
        side = self.side(key)
        unanswered = [q for q in step.questions if not side.own.get(q, "").strip()]
        unguessed = [q for q in step.questions if not side.guess.get(q, "").strip()]
        if unanswered:
            return f"Answer every question about yourself first ({len(unanswered)} to go)."
        if unguessed:
            return f"Make a guess for every question ({len(unguessed)} to go)."
        return None
