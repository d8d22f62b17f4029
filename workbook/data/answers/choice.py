"""The options each answerer picked, in the order they were picked (a write-in last)."""

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
