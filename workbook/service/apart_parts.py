"""What a step is when walked apart, by what its kind says (``KindSpec``), never by its name.

- Its parts on the seats: the step's phases without the screens that pass one device between
  the partners (look-away, hand-over, hand-back) and without the second private turn, which
  happens at the same time as the first. A text step is ``first, reveal``; a chores step is
  ``list, first, split``: the task list together, the weights each on their own device, then the
  split together; a requests or listen step is its one part, shared, with each partner's own
  moves made on their own device.
- A partner's private part of the step's answer table: the value under their key (a text, a
  scale, a guess side), or under their key of one part of the table (``KindSpec.private_in``:
  a chores step's weights). Only that part goes to the partner's own file before the reveal.
"""

from __future__ import annotations

from typing import Any

from workbook.kinds import spec
from workbook.logic.phases import FIRST, HANDOFFS, SECOND
from workbook.logic.walk import phases

PARTNERS = ("a", "b")


def apart_phases(step: Any) -> tuple[str, ...]:
    """The parts of ``step`` on the seats, in order."""
    return tuple(p for p in phases(step) if p not in HANDOFFS and p != SECOND)


def after_turns(step: Any, phase: str) -> bool:
    """True for a part after the private turns (a reveal, a sealed step's screen, a split)."""
    parts = apart_phases(step)
    return FIRST in parts and phase in parts and parts.index(phase) > parts.index(FIRST)


def private_part(step: Any, table: dict[str, Any], key: str) -> Any:
    """Partner ``key``'s private part of ``table``, or None."""
    where = spec(step).private_in
    if not where:
        return table.get(key)
    inner = table.get(where)
    return inner.get(key) if isinstance(inner, dict) else None


def with_private_part(step: Any, table: dict[str, Any], key: str, value: Any) -> dict[str, Any]:
    """A copy of ``table`` with partner ``key``'s private part replaced (None: taken out)."""
    where = spec(step).private_in
    found = dict(table)
    inner = found
    if where:
        inner = dict(found.get(where) or {}) if isinstance(found.get(where), dict) else {}
        found[where] = inner
    if value is None:
        inner.pop(key, None)
    else:
        inner[key] = value
    if where and not inner:
        found.pop(where, None)
    return found


def without_private_parts(step: Any, table: dict[str, Any]) -> dict[str, Any]:
    """``table`` with neither partner's private part: what a seat may show at its own turn,
    beside this partner's own part."""
    for key in PARTNERS:
        table = with_private_part(step, table, key, None)
    return table


def shared_write(
    step: Any, on_disk: dict[str, Any], posted: dict[str, Any], partner: str
) -> dict[str, Any]:
    """What a seat writes of a shared part: the table as this seat posted it, except the other
    partner's private part, which stays as the file has it (two seats marking their own
    guesses, or one seat's split beside the other's weights, never undo each other)."""
    from workbook.data.partners import other

    theirs = private_part(step, on_disk, other(partner))
    return with_private_part(step, posted, other(partner), theirs)


_NONE = object()


def merged(shown: Any, posted: Any, on_disk: Any) -> Any:
    """A seat's change of a shared part, made against what the seat was shown: only what it
    changed from ``shown`` to ``posted`` is written over the file's ``on_disk``; what the other
    seat changed meanwhile, and this one did not, stays. Tables merge key by key, and lists of
    the same length item by item; a list both seats added to keeps the file's new items, then
    this seat's. Where both changed the same value, this seat's change, the later, stands."""
    if shown is _NONE and isinstance(posted, list | dict) and type(posted) is type(on_disk):
        shown = type(posted)()  # a list or table neither had: both began from an empty one
    if posted == shown:
        return on_disk
    if on_disk in (shown, posted):
        return posted
    if isinstance(shown, dict) and isinstance(posted, dict) and isinstance(on_disk, dict):
        found = {}
        for key in [*on_disk, *(k for k in posted if k not in on_disk)]:
            value = merged(shown.get(key, _NONE), posted.get(key, _NONE), on_disk.get(key, _NONE))
            if value is not _NONE:
                found[key] = value
        return found
    if isinstance(shown, list) and isinstance(posted, list) and isinstance(on_disk, list):
        common = len(shown)
        if len(posted) >= common and len(on_disk) >= common:
            items = [merged(shown[i], posted[i], on_disk[i]) for i in range(common)]
            return [*items, *on_disk[common:], *posted[common:]]
    return posted
