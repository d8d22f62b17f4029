"""The answer shapes of the step kinds, as a session file stores them.

An answer table has one key per answerer: ``a`` and ``b`` for each-private and each-open steps,
``together`` for together steps. Each kind reads its values from the table here; a value that a
hand edit broke is skipped on reading, and stays in the file untouched.
"""

from __future__ import annotations

from datetime import date, datetime
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


# The structured kinds keep tables of their own; docs/formats.md documents each layout. Each
# reader below returns rows whose every field has the documented type: a value of the wrong type
# (a hand edit, or a newer version's) reads as the field's default, and unknown keys are kept.

NOW_CHOICES = ("a", "b", "both", "nobody")
OWNERS = ("a", "b", "shared")
DECISIONS = ("yes", "no", "third", "later")
MAX_MINUTES = 100_000


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _int(value: Any, low: int, high: int, default: int) -> int:
    """``value`` when it is a whole number from ``low`` to ``high``, else ``default``."""
    if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
        return value
    return default


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _day(value: Any) -> date | None:
    if isinstance(value, datetime):
        value = value.date()
    return value if isinstance(value, date) and 1900 <= value.year <= 2999 else None


def agreement_terms(table: dict[str, Any]) -> list[dict[str, Any]]:
    """The draft terms of an agreement step's table: text, confirmed_by, review_on, source and
    agreement (the id of the agreement it became)."""
    terms = []
    for raw in _list(table.get("terms")):
        if not isinstance(raw, dict) or not isinstance(raw.get("text"), str):
            continue
        confirmed = _list(raw.get("confirmed_by"))
        term = dict(raw)
        term["confirmed_by"] = [k for k in PARTNER_KEYS if k in confirmed]
        term["review_on"] = _day(raw.get("review_on"))
        if term["review_on"] is None:
            del term["review_on"]
        for key in ("source", "agreement"):
            if not isinstance(raw.get(key), str):
                term.pop(key, None)
        terms.append(term)
    return terms


def chore_tasks(table: dict[str, Any]) -> list[dict[str, Any]]:
    """The task rows of a chores table: name, minutes, now and done, each made safe to use.

    Names are unique: a name given twice by a hand edit gets a number, so no row is lost.
    """
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for raw in _list(table.get("tasks")):
        if not isinstance(raw, dict) or not isinstance(raw.get("name"), str):
            continue
        name = raw["name"].strip()
        if not name:
            continue
        base, number = name, 1
        while name in seen:
            number += 1
            name = f"{base} ({number})"
        seen.add(name)
        now = raw.get("now")
        rows.append(
            {
                "name": name,
                "minutes": _int(raw.get("minutes"), 0, MAX_MINUTES, 0),
                "now": now if isinstance(now, str) and now in NOW_CHOICES else "nobody",
                "done": _text(raw.get("done")),
            }
        )
    return rows


def chore_weights(table: dict[str, Any], key: str) -> dict[str, int]:
    """How heavy each task is for partner ``key``, 1 (light) to 5 (heavy)."""
    weights = _dict(_dict(table.get("weights")).get(key))
    return {k: v for k, v in weights.items() if _int(v, 1, 5, 0)}


def chore_split(table: dict[str, Any]) -> tuple[dict[str, str], float]:
    """Who does what from now on (task → a, b or shared), and the first partner's part of the
    shared task, from 0 to 1."""
    split = _dict(table.get("split"))
    owner = _dict(split.get("owner"))
    owners = {k: v for k, v in owner.items() if isinstance(v, str) and v in OWNERS}
    part = split.get("shared_part_a", 0.5)
    if isinstance(part, bool) or not isinstance(part, int | float) or not 0 <= part <= 1:
        part = 0.5  # NaN fails the range check too
    return owners, float(part)


def request_rows(table: dict[str, Any]) -> list[dict[str, Any]]:
    """The requests of a requests table: by, text, benefit and cost (1 to 5, or None),
    decision (one of ``DECISIONS``, or None), third, note, and again_of (or None)."""
    rows = []
    for raw in _list(table.get("requests")):
        if not isinstance(raw, dict) or raw.get("by") not in PARTNER_KEYS:
            continue
        if not isinstance(raw.get("text"), str):
            continue
        row = dict(raw)
        for key in ("benefit", "cost"):
            row[key] = _int(raw.get(key), 1, 5, 0) or None
        decision = raw.get("decision")
        row["decision"] = decision if isinstance(decision, str) and decision in DECISIONS else None
        row["third"] = _text(raw.get("third"))
        row["note"] = _text(raw.get("note"))
        again = raw.get("again_of")
        row["again_of"] = again if isinstance(again, str) else None
        rows.append({k: v for k, v in row.items() if v is not None})
    return rows


def listen_turns(table: dict[str, Any]) -> list[dict[str, Any]]:
    """The turns of a listen table: round (1 to 99), speaker, paraphrases, tries, confirmed and
    timeouts (counts from 0 to 999)."""
    turns = []
    for raw in _list(table.get("turns")):
        if not isinstance(raw, dict) or raw.get("speaker") not in PARTNER_KEYS:
            continue
        turn = dict(raw)
        paraphrases = [p for p in _list(raw.get("paraphrases")) if isinstance(p, str)]
        turn["round"] = _int(raw.get("round"), 1, 99, 1)
        turn["paraphrases"] = paraphrases
        turn["tries"] = _int(raw.get("tries"), 0, 999, len(paraphrases))
        turn["confirmed"] = raw.get("confirmed") is True
        turn["timeouts"] = _int(raw.get("timeouts"), 0, 999, 0)
        turns.append(turn)
    return turns
