"""Answer tables keyed by who answers: ``a`` and ``b`` each answer, or ``together`` for one
shared answer (text, scale, choice, rank and guess steps)."""

from __future__ import annotations

from typing import ClassVar, Generic, Self, TypeVar

from workbook.data.answers.base import StepAnswer, answer_keys

V = TypeVar("V")


class ByAnswerer(StepAnswer, Generic[V]):
    """One value per answerer."""

    by_answerer: ClassVar[bool] = True

    a: V | None = None
    b: V | None = None
    together: V | None = None

    def value(self, key: str) -> V | None:
        """The value ``key`` gave (``a``, ``b`` or ``together``), or None."""
        if key not in ("a", "b", "together"):
            return None
        found: V | None = getattr(self, key)
        return found

    def with_value(self, key: str, value: V | None) -> Self:
        """A copy with ``key``'s value replaced."""
        return self.model_copy(update={key: value})

    def values(self, mode: str | None) -> dict[str, V]:
        """The values of whoever answers in ``mode``, by key, leaving out those not given."""
        found = {key: self.value(key) for key in answer_keys(mode)}
        return {key: value for key, value in found.items() if value is not None}

    def complete(self, mode: str | None) -> bool:
        """True when everyone who answers in ``mode`` has answered."""
        return len(self.values(mode)) == len(answer_keys(mode))

    def partial(self, step: object, key: str) -> str | None:
        """What is left of ``key``'s answer when it is begun but not whole ("2 lines have no
        answer."), or None: not begun, or whole. Kinds whose answers have parts say."""
        return None
