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


# The structured kinds keep tables of their own; docs/formats.md documents each layout.

NOW_CHOICES = ("a", "b", "both", "nobody")


def chore_tasks(table: dict[str, Any]) -> list[dict[str, Any]]:
    """The task rows of a chores table: name, minutes, now and done, each made safe to use."""
    rows = []
    for raw in table.get("tasks", []):
        if not isinstance(raw, dict) or not isinstance(raw.get("name"), str):
            continue
        name = raw["name"].strip()
        if not name:
            continue
        minutes = raw.get("minutes", 0)
        now = raw.get("now", "nobody")
        rows.append(
            {
                "name": name,
                "minutes": minutes if isinstance(minutes, int) and minutes >= 0 else 0,
                "now": now if now in NOW_CHOICES else "nobody",
                "done": raw.get("done", "") if isinstance(raw.get("done", ""), str) else "",
            }
        )
    return rows


def chore_weights(table: dict[str, Any], key: str) -> dict[str, int]:
    """How heavy each task is for partner ``key``, 1 (light) to 5 (heavy)."""
    weights = table.get("weights", {}).get(key, {})
    if not isinstance(weights, dict):
        return {}
    return {k: v for k, v in weights.items() if isinstance(v, int) and 1 <= v <= 5}


def chore_split(table: dict[str, Any]) -> tuple[dict[str, str], float]:
    """Who does what from now on (task → a, b or shared), and the first partner's part of the
    shared task."""
    split = table.get("split", {})
    if not isinstance(split, dict):
        return {}, 0.0
    owner = split.get("owner", {})
    owners = (
        {k: v for k, v in owner.items() if v in ("a", "b", "shared")}
        if isinstance(owner, dict)
        else {}
    )
    part = split.get("shared_part_a", 0.5)
    return owners, float(part) if isinstance(part, int | float) else 0.5


def request_rows(table: dict[str, Any]) -> list[dict[str, Any]]:
    """The requests of a requests table: by, text, benefit, cost, decision, third and note."""
    rows = []
    for raw in table.get("requests", []):
        if (
            isinstance(raw, dict)
            and raw.get("by") in ("a", "b")
            and isinstance(raw.get("text"), str)
        ):
            rows.append(raw)
    return rows


def listen_turns(table: dict[str, Any]) -> list[dict[str, Any]]:
    """The turns of a listen table: round, speaker, paraphrases, tries, confirmed, time-outs."""
    turns = table.get("turns", [])
    return [t for t in turns if isinstance(t, dict) and t.get("speaker") in ("a", "b")]
