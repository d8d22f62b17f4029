"""A couple's goals and next appointment, as ``couple.toml`` keeps them (DESIGN.md section 5).

``[[goals]]`` and ``next_session`` are read leniently: the couple's file holds them as written,
and each goal that cannot be read is left out of what is shown, said in ``problems``, and kept in
the file as it is. A change edits the goal's own table in place, so keys this version does not
know stay with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from workbook.data import couple_problems
from workbook.data.dates import in_range
from workbook.i18n.catalog import N_
from workbook.i18n.said import Words
from workbook.text import clean, clean_line

OPEN, MET, LET_GO = "open", "met", "let-go"
STATUSES = (OPEN, MET, LET_GO)
# Marked for the catalog, translated where shown.
STATUS_WORDS = {OPEN: N_("open"), MET: N_("met"), LET_GO: N_("let go")}


@dataclass(frozen=True)
class Goal:
    """One goal: what the couple works on, since when, and, optionally, the score that shows
    it (``<pack id>.<score id>``) and the value they aim for."""

    id: str
    text: str
    set: date | None
    measure: str | None = None
    target: float | None = None
    status: str = OPEN

    @property
    def pack(self) -> str | None:
        return self.measure.split(".", 1)[0] if self.measure and "." in self.measure else None

    @property
    def score(self) -> str | None:
        return self.measure.split(".", 1)[1] if self.measure and "." in self.measure else None


def read_goals(raw: Any) -> tuple[list[Goal], list[Words]]:
    """The goals that can be read from ``couple.toml``'s ``goals``, and what could not be."""
    if raw is None:
        return [], []
    entries = raw if isinstance(raw, list) else [raw]
    goals: list[Goal] = []
    problems: list[Words] = []
    for number, entry in enumerate(entries, 1):
        goal = _goal(entry)
        if goal is None:
            problems.append(Words(couple_problems.GOAL, number=number))
        else:
            goals.append(goal)
    return goals, problems


def _goal(entry: Any) -> Goal | None:
    if not isinstance(entry, dict):
        return None
    goal_id, text = entry.get("id"), entry.get("text")
    if not isinstance(goal_id, str) or not isinstance(text, str) or not clean(text).strip():
        return None
    when = entry.get("set")
    if isinstance(when, datetime):
        when = when.date()
    measure = entry.get("measure")
    target = entry.get("target")
    status = entry.get("status", OPEN)
    return Goal(
        id=clean_line(goal_id),
        text=clean(text).strip(),
        set=when if isinstance(when, date) and in_range(when) else None,
        measure=clean_line(measure) or None if isinstance(measure, str) else None,
        target=float(target)
        if isinstance(target, int | float) and not isinstance(target, bool)
        else None,
        # A status this version does not know is shown as it is written.
        status=clean_line(status) if isinstance(status, str) else OPEN,
    )


def goal_table(goal: Goal) -> dict[str, Any]:
    """A new goal's table, as ``couple.toml`` keeps it."""
    table: dict[str, Any] = {"id": goal.id, "text": goal.text}
    if goal.set is not None:
        table["set"] = goal.set
    if goal.measure:
        table["measure"] = goal.measure
    if goal.target is not None:
        target = float(goal.target)
        table["target"] = int(target) if target.is_integer() else target
    table["status"] = goal.status
    return table


def next_id(raw: Any) -> str:
    """An id for a new goal: ``g1``, ``g2``, ... one more than any ``gN`` in the file."""
    entries = raw if isinstance(raw, list) else []
    numbers = [
        int(entry["id"][1:])
        for entry in entries
        if isinstance(entry, dict)
        and isinstance(entry.get("id"), str)
        and entry["id"][:1] == "g"
        and entry["id"][1:].isdigit()
    ]
    return f"g{max(numbers, default=0) + 1}"


def appointment(value: Any) -> tuple[datetime | None, Words | None]:
    """The next appointment in ``next_session``, and why it cannot be used, if it cannot: a
    time without an offset is this machine's local time; a date alone is not an appointment."""
    if value is None:
        return None, None
    if isinstance(value, datetime) and in_range(value):
        return (value if value.tzinfo is not None else value.astimezone()), None
    return None, Words(couple_problems.APPOINTMENT)
