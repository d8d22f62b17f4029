"""The listen table: each turn of the speaker-listener practice."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from workbook.data.answers.base import Lenient, StepAnswer, Texts, rows


class Turn(Lenient):
    """One turn: the round, who spoke, what the listener said back (each try typed; a try said
    back out loud only is counted in ``tries``), whether the speaker confirmed it, the time-outs
    taken, and ``draft``: what the listener is typing of the next try."""

    round: Annotated[int, Field(ge=1, le=99)] = 1
    speaker: Literal["a", "b"]
    paraphrases: Texts = []
    tries: Annotated[int, Field(ge=0, le=999)] | None = None
    confirmed: bool = False
    timeouts: Annotated[int, Field(ge=0, le=999)] = 0
    # What the listener has typed of the next try, not said back yet.
    draft: str | None = None

    @property
    def listener(self) -> str:
        return "b" if self.speaker == "a" else "a"

    @property
    def attempts(self) -> int:
        """How many tries the listener took."""
        return self.tries if self.tries is not None else len(self.paraphrases)


class ListenAnswer(StepAnswer):
    turns: rows(Turn) = []  # type: ignore[valid-type]
