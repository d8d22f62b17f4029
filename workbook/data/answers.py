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
