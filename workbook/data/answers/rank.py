"""Each answerer's options in order, most important first."""

from __future__ import annotations

from typing import Any

from workbook.data.answers.answerers import ByAnswerer
from workbook.data.answers.base import Texts


class RankAnswer(ByAnswerer[Texts]):
    def not_ready(self, step: Any, key: str) -> str | None:
        return None if self.value(key) else "There is nothing to put in order."
