"""A couple's goals and their next appointment, kept in ``couple.toml``: each change saved
under the couple's lock (``Store.update_couple``), with everything else in the file kept."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from workbook.data.durable import SaveError
from workbook.data.files import DataError
from workbook.data.goals import STATUSES, Goal, goal_table, next_id, read_goals
from workbook.i18n.catalog import N_
from workbook.i18n.said import Words
from workbook.service.caseload import require_couple
from workbook.service.errors import NotFound, NotSaved, Refused
from workbook.text import clean

if TYPE_CHECKING:
    from workbook.data.models import Couple
    from workbook.data.store import Store

MAX_GOAL = 500


def goals(couple: Couple) -> tuple[list[Goal], list[Words]]:
    """The couple's goals as far as they can be read, and what could not be."""
    return read_goals(couple.goals)


def add_goal(
    store: Store,
    couple_id: str,
    text: str,
    on: date,
    measure: str | None = None,
    target: float | None = None,
) -> Goal:
    """Set a new open goal; raises ``Refused`` for an empty or over-long text."""
    text = _text(text)
    made: list[Goal] = []

    def change(couple: Couple) -> None:
        goal = Goal(
            next_id(couple.goals),
            text,
            on,
            measure or None,
            float(target) if target is not None else None,
        )
        couple.goals.append(goal_table(goal))
        made.append(goal)

    _update(store, couple_id, change)
    return made[0]


def change_goal(
    store: Store,
    couple_id: str,
    goal_id: str,
    *,
    text: str | None = None,
    status: str | None = None,
    measure: str | None = None,
    target: float | None = None,
    clear_measure: bool = False,
) -> None:
    """Change a goal's text, status, measure or target; its other keys are kept. Raises
    ``NotFound`` for a goal that is not there, ``Refused`` for a status that is not one."""
    if status is not None and status not in STATUSES:
        raise Refused(
            N_("a goal is {statuses}, not {status}"), statuses=", ".join(STATUSES), status=status
        )
    new_text = _text(text) if text is not None else None

    def change(couple: Couple) -> None:
        entry = _entry(couple.goals, goal_id)
        if new_text is not None:
            entry["text"] = new_text
        if status is not None:
            entry["status"] = status
        if clear_measure:
            entry.pop("measure", None)
            entry.pop("target", None)
        if measure:
            entry["measure"] = measure
        if target is not None:
            entry["target"] = int(target) if float(target).is_integer() else target

    _update(store, couple_id, change)


def schedule(store: Store, couple_id: str, when: datetime | None) -> Couple:
    """Set the couple's next appointment (None clears it)."""
    require_couple(store, couple_id)

    def change(couple: Couple) -> None:
        couple.next_session = when

    return _update(store, couple_id, change)


def _entry(entries: list[Any], goal_id: str) -> dict[str, Any]:
    for entry in entries:
        if isinstance(entry, dict) and entry.get("id") == goal_id:
            return entry
    raise NotFound(N_('no goal "{goal}"'), goal=goal_id)


def _text(text: str) -> str:
    text = clean(text).strip()
    if not text:
        raise Refused(N_("a goal needs a few words"))
    if len(text) > MAX_GOAL:
        raise Refused(N_("a goal is at most {count} characters"), count=MAX_GOAL)
    return text


def _update(store: Store, couple_id: str, change: Any) -> Couple:
    try:
        return store.update_couple(couple_id, change)
    except (DataError, SaveError) as error:
        raise NotSaved(N_("The couple could not be changed: {problem}"), problem=error) from error
