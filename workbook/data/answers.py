"""The answer shapes of the step kinds, as a session file stores them.

An answer table has one key per answerer: ``a`` and ``b`` for each-private and each-open steps,
``together`` for together steps. Each kind reads its values from the table here; a value that a
hand edit broke is skipped on reading, and stays in the file untouched.
"""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter, ValidationError

from workbook.data.models import PARTNER_KEYS, TOGETHER

TextValue = str
ScaleValue = int | dict[str, int]
ListValue = list[str]

# The value one answerer gives, for the kinds whose table is keyed by answerer.
VALUE_SHAPES: dict[str, Any] = {
    "text": TextValue,
    "scale": ScaleValue,
    "choice": ListValue,
    "rank": ListValue,
}
_ADAPTERS: dict[str, TypeAdapter[Any]] = {k: TypeAdapter(v) for k, v in VALUE_SHAPES.items()}


def answer_keys(mode: str) -> tuple[str, ...]:
    """The keys of an answer table in ``mode``: ``a`` and ``b``, or ``together``."""
    return (TOGETHER,) if mode == TOGETHER else PARTNER_KEYS


def read_values(kind: str, mode: str, table: dict[str, Any]) -> dict[str, Any]:
    """The valid values of ``table`` for a step of ``kind``, by answerer key."""
    adapter = _ADAPTERS.get(kind)
    if adapter is None:
        return {}
    values: dict[str, Any] = {}
    for key in answer_keys(mode):
        if key in table:
            try:
                values[key] = adapter.validate_python(table[key], strict=True)
            except ValidationError:
                continue
    return values


def is_complete(kind: str, mode: str, table: dict[str, Any]) -> bool:
    """True when everyone who answers this step has answered."""
    values = read_values(kind, mode, table)
    return all(key in values for key in answer_keys(mode))


def agreement_terms(table: dict[str, Any]) -> list[dict[str, Any]]:
    """The draft terms of an agreement step's answer table (see docs/formats.md)."""
    terms = table.get("terms", [])
    return [t for t in terms if isinstance(t, dict) and isinstance(t.get("text"), str)]


def not_ready(step: Any, value: Any) -> str | None:
    """Why ``value`` is not yet a whole answer to ``step``, or None when it is."""
    kind = step.kind
    if kind == "text":
        return None if isinstance(value, str) and value.strip() else "Write an answer first."
    if kind == "scale":
        if step.items:
            missing = [i for i in step.items if not isinstance(value, dict) or i not in value]
            return f"Rate every line first ({len(missing)} to go)." if missing else None
        return None if isinstance(value, int) else "Choose a number first."
    if kind == "choice":
        count = len(value) if isinstance(value, list) else 0
        if count < max(step.pick_min, 1):
            return f"Pick at least {max(step.pick_min, 1)}."
        if count > step.pick_max:
            return f"Pick at most {step.pick_max}."
        return None
    if kind == "rank":
        return None if isinstance(value, list) and value else "There is nothing to put in order."
    return None
