"""The agreement step's table: the draft terms, who confirmed each, and its review date; and
the rules of a draft: each partner confirms it for themselves, changing who does it or its words
takes both confirmations back, its review date is never before tomorrow, and no two drafts have
the same words (ignoring case). An agreed term does not change here (a review changes it)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, WrapValidator

from workbook.data.answers.base import Lenient, StepAnswer, rows
from workbook.data.answers.unread import wrong
from workbook.data.models import Day
from workbook.text import clean

# Who does a term, in the order ``w`` goes round them.
WHO_CYCLE = ("both", "a", "b")


def _partners(value: object, handler: object, info: object) -> list[str]:
    if not isinstance(value, list):
        raise wrong("partner_keys")
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

    def confirm(self, key: str) -> bool:
        """Partner ``key`` confirms the draft, or takes their confirmation back; True when both
        have now confirmed it. An agreed term stays as it is."""
        if self.agreement:
            return False
        keys: list[Literal["a", "b"]] = ["a", "b"]
        self.confirmed_by = [k for k in keys if (k in self.confirmed_by) != (k == key)]
        return self.confirmed()

    def next_who(self) -> None:
        """Who does it goes round: both, the first partner, the second. Who does it is part of
        what each confirms, so both confirmations are taken back."""
        if self.agreement:
            return
        at = WHO_CYCLE.index(self.who) if self.who in WHO_CYCLE else 0
        self.who = WHO_CYCLE[(at + 1) % len(WHO_CYCLE)]  # type: ignore[assignment]
        self.confirmed_by = []

    def reword(self, words: str) -> None:
        """New words: each partner confirms the words, so both confirmations are taken back."""
        self.text = words
        self.confirmed_by = []

    def shift_review(self, days: int, today: date) -> None:
        """Move the review date by ``days``, never to before tomorrow."""
        if self.agreement or self.review_on is None:
            return
        self.review_on = max(today + timedelta(days=1), self.review_on + timedelta(days=days))

    @property
    def review(self) -> date | None:
        return self.review_on


class AgreementAnswer(StepAnswer):
    """The terms drafted at the step, and ``draft``: a term typed in the box, not added yet."""

    terms: rows(Term) = []  # type: ignore[valid-type]
    draft: str | None = None


def new_term(text: str, source: str | None, who: str, review_on: date) -> Term | None:
    """A draft term of ``text``, cleaned, done by ``who`` (both, if that is not a partner's
    key); None when nothing is left of the words."""
    words = clean(text).strip()
    if not words:
        return None
    doer = who if who in WHO_CYCLE else "both"
    return Term(text=words, who=doer, source=source, review_on=review_on)  # type: ignore[arg-type]


def listed(terms: list[Term], words: str, but: Term | None = None) -> bool:
    """True when a draft other than ``but`` has these words already, ignoring case."""
    return any(t is not but and t.text.casefold() == words.casefold() for t in terms)
