"""A number per answerer, or a number per item."""

from __future__ import annotations

from typing import Any

from workbook.data.answers.answerers import ByAnswerer
from workbook.data.answers.base import numbers_from

# Ratings by item; the step's own range is applied where they are used (``ratings``).
Ratings = numbers_from(-1_000_000, 1_000_000)


class ScaleAnswer(ByAnswerer[int | Ratings]):  # type: ignore[valid-type]
    def ratings(self, step: Any, key: str) -> dict[str | None, int]:
        """``key``'s ratings within the step's range, by item (None for a scale without items)."""
        value = self.value(key)
        if isinstance(value, bool):
            return {}
        if isinstance(value, int):
            found: dict[str | None, int] = {} if step.items else {None: value}
        elif isinstance(value, dict):
            found = {item: value[item] for item in step.items if item in value}
        else:
            found = {}
        return {item: n for item, n in found.items() if step.min <= n <= step.max}

    def not_ready(self, step: Any, key: str) -> str | None:
        rated = self.ratings(step, key)
        if step.items:
            missing = len(step.items) - len(rated)
            return f"Rate every line first ({missing} to go)." if missing else None
        return None if rated else "Choose a number first."

    def partial(self, step: Any, key: str) -> str | None:
        """Some lines rated and some not: how many have no answer."""
        missing = len(step.items) - len(self.ratings(step, key)) if step.items else 0
        if not step.items or not self.ratings(step, key) or not missing:
            return None
        return "1 line has no answer." if missing == 1 else f"{missing} lines have no answer."

    def unrated(self, step: Any, key: str) -> list[str]:
        """The items ``key`` has not rated, in the step's order."""
        rated = self.ratings(step, key)
        return [item for item in step.items if item not in rated]
