"""A written answer per answerer."""

from __future__ import annotations

from typing import Any

from workbook.data.answers.answerers import ByAnswerer


class TextAnswer(ByAnswerer[str]):
    def not_ready(self, step: Any, key: str) -> str | None:
        """Why ``key``'s answer is not whole yet, or None."""
        value = self.value(key)
        return None if value and value.strip() else "Write an answer first."
