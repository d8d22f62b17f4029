"""The options each answerer picked, in the order they were picked (a write-in last). On a step
of one pick, a write-in stands instead of the pick: never two values."""

from __future__ import annotations

from typing import Any

from workbook.data.answers.answerers import ByAnswerer
from workbook.data.answers.base import Texts


class ChoiceAnswer(ByAnswerer[Texts]):
    def not_ready(self, step: Any, key: str) -> str | None:
        count = len(self.value(key) or [])
        least = max(step.pick_min, 1)
        if count < least:
            return f"Pick at least {least}."
        if count > step.pick_max:
            return f"Pick at most {step.pick_max}."
        return None

    def partial(self, step: Any, key: str) -> str | None:
        """Some picked, fewer than the step asks for."""
        count = len(self.value(key) or [])
        least = max(step.pick_min, 1)
        if not 0 < count < least:
            return None
        return f"{count} picked, and this step asks for at least {least}."

    @staticmethod
    def chosen(step: Any, picked: list[str], written: str) -> list[str]:
        """What a partner chose: the options ``picked``, in order, and ``written`` (a write-in)
        last. On a step of one pick, the write-in is the answer instead of the pick."""
        if not written:
            return list(picked)
        if step.pick_max == 1:
            return [written]
        return [*picked, written] if written not in picked else list(picked)
