"""The chores table: the tasks, each partner's private weights, and the split agreed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any, Literal

from pydantic import Field, WrapValidator, model_validator

from workbook.data.answers import unread
from workbook.data.answers.base import Lenient, StepAnswer, _report, numbers_from, rows

NOW_CHOICES = ("a", "b", "both", "nobody")
OWNERS = ("a", "b", "shared")
# The one cap on a task's minutes a week: a week's minutes, as the pack format's starter tasks.
# A file that holds more (a hand edit) is read as the cap, and says so.
MAX_MINUTES = 7 * 24 * 60
Weights = numbers_from(1, 5)


def _capped(value: Any, handler: Any, info: Any) -> Any:
    minutes = handler(value)
    if minutes > MAX_MINUTES:
        _report(info, info.field_name or "?", unread.CAPPED, most=unread.Number(MAX_MINUTES))
        return MAX_MINUTES
    return minutes


def typed_minutes(text: str) -> int:
    """Minutes a week as typed in a cell: a whole number up to the cap, or 0."""
    return min(int(text), MAX_MINUTES) if text.isascii() and text.isdigit() else 0


def repeated_names(tasks: Sequence[Task]) -> bool:
    """True when two tasks have the same name: names key the weights and the split, so each
    task needs its own."""
    names = [task.name for task in tasks]
    return len(set(names)) != len(names)


class Task(Lenient):
    """A task: its name, minutes a week, who does it now, and what done looks like."""

    name: Annotated[str, Field(min_length=1)]
    minutes: Annotated[int, WrapValidator(_capped), Field(ge=0)] = 0
    now: Literal["a", "b", "both", "nobody"] = "nobody"
    done: str = ""


class Split(Lenient):
    """Who does each task from now on, and the first partner's part of a shared task."""

    owner: dict[str, Literal["a", "b", "shared"]] = {}
    shared_part_a: Annotated[float, Field(ge=0, le=1, allow_inf_nan=False)] = 0.5

    @model_validator(mode="before")
    @classmethod
    def _owners(cls, data: object) -> object:
        # One bad owner must not cost the others: keep only the ones that can be read.
        if isinstance(data, dict) and isinstance(data.get("owner"), dict):
            owner = {k: v for k, v in data["owner"].items() if v in OWNERS}
            data = {**data, "owner": owner}
        return data


def _by_partner(value: Any, handler: Any, info: Any) -> Any:
    # Weights under a key that is not a partner's are left out; the partners' are kept.
    if isinstance(value, dict):
        value = {key: weights for key, weights in value.items() if key in ("a", "b")}
    return handler(value)


class ChoresAnswer(StepAnswer):
    tasks: rows(Task) = []  # type: ignore[valid-type]
    weights: Annotated[dict[str, Weights], WrapValidator(_by_partner)] = {}  # type: ignore[valid-type]
    split: Split | None = None

    @model_validator(mode="after")
    def _unique_names(self) -> ChoresAnswer:
        # Task names key the weights and the split; a name given twice by a hand edit gets a
        # number, so that no row is lost and the split can be worked out.
        seen: set[str] = set()
        for task in self.tasks:
            name = task.name = task.name.strip() or "Task"
            number = 1
            while task.name in seen:
                number += 1
                task.name = f"{name} ({number})"
            seen.add(task.name)
        return self

    def weights_of(self, key: str) -> dict[str, int]:
        """How heavy each task is for partner ``key``, 1 to 5."""
        found: dict[str, int] = self.weights.get(key, {})
        return found
