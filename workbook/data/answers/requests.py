"""The requests table: what each partner asked for, the ratings, and what was decided."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Literal

from pydantic import Field

from workbook.data.answers.base import Lenient, StepAnswer, rows
from workbook.data.partners import other

DECISIONS = ("yes", "no", "third", "later")
Rating = Annotated[int, Field(ge=1, le=5)]


class Request(Lenient):
    """One request: who asked, what, its benefit to them and cost to the other (1 to 5), and the
    decision (with the third option's text); ``again_of`` names a request brought back."""

    by: Literal["a", "b"]
    text: str
    benefit: Rating | None = None
    cost: Rating | None = None
    decision: Literal["yes", "no", "third", "later"] | None = None
    third: str | None = None
    note: str | None = None
    again_of: str | None = None

    @property
    def giver(self) -> str:
        """The partner who is asked."""
        return other(self.by)


def next_asker(requests: Sequence[Request], first: str, most: int) -> str | None:
    """Who asks next: whoever has asked less, starting with ``first``; None once both have
    asked ``most`` (the step's ``max_per_partner``)."""
    counts = {k: sum(1 for r in requests if r.by == k) for k in ("a", "b")}
    order = (first, other(first))
    open_ = [k for k in order if counts[k] < most]
    if not open_:
        return None
    return min(open_, key=lambda k: (counts[k], order.index(k)))


class RequestsAnswer(StepAnswer):
    """The requests, and ``draft``: a request typed in the box by whoever asks next, not added
    yet."""

    requests: rows(Request) = []  # type: ignore[valid-type]
    draft: str | None = None

    def asker(self, first: str, most: int) -> str | None:
        """Who asks next (``next_asker``)."""
        return next_asker(self.requests, first, most)

    def undecided(self) -> list[int]:
        """The places of the requests asked and not decided yet."""
        return [i for i, r in enumerate(self.requests) if r.decision is None and r.text.strip()]

    def set_aside(self) -> RequestsAnswer:
        """A copy with every request not decided set aside for later, so that it comes back at
        a later requests step instead of being lost."""
        rows = [
            r.model_copy(update={"decision": "later"}) if i in self.undecided() else r
            for i, r in enumerate(self.requests)
        ]
        return self.model_copy(update={"requests": rows})
