"""The agreement step's table: the draft terms, who confirmed each, and its review date."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, WrapValidator

from workbook.data.answers.base import Lenient, StepAnswer, rows
from workbook.data.models import Day


def _partners(value: object, handler: object, info: object) -> list[str]:
    if not isinstance(value, list):
        raise ValueError("must be a list of partner keys")
    return [key for key in ("a", "b") if key in value]


def _distinct(value: list[str]) -> list[str]:
    return list(dict.fromkeys(value))


class Term(Lenient):
    """A draft term: its text, who does it, where it came from, who confirmed it, its review
    date, and the id of the agreement it became once both confirmed."""

    text: Annotated[str, Field(min_length=1)]
    who: Literal["a", "b", "both"] | None = None
    source: str | None = None
    confirmed_by: Annotated[
        list[Literal["a", "b"]], WrapValidator(_partners), AfterValidator(_distinct)
    ] = []
    review_on: Day | None = None
    agreement: str | None = None

    def confirmed(self) -> bool:
        return len(self.confirmed_by) == 2

    @property
    def review(self) -> date | None:
        return self.review_on


class AgreementAnswer(StepAnswer):
    """The terms drafted at the step, and ``draft``: a term typed in the box, not added yet."""

    terms: rows(Term) = []  # type: ignore[valid-type]
    draft: str | None = None
