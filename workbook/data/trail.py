"""The trail of a session: every move, with when, so a summary can say how long each part took.

A session file keeps ``[[trail]]`` tables (at, pack, step, phase), appended on every move and
when a session is opened again (so the time after a break counts from the return). They are
read leniently: an entry that cannot be read is skipped, and stays in the file.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from workbook.data.dates import in_range

# A pause longer than this between two moves counts as a break, not as time on the step.
IDLE = timedelta(minutes=30)


@dataclass(frozen=True)
class Move:
    at: datetime
    pack: str
    step: str
    phase: str | None


def moves(trail: Iterable[Any]) -> list[Move]:
    """The entries of a trail that can be read, in the order they were made."""
    found = []
    for raw in trail:
        if not isinstance(raw, dict):
            continue
        at, pack, step, phase = (raw.get(k) for k in ("at", "pack", "step", "phase"))
        if not isinstance(at, datetime) or not in_range(at):
            continue
        if not isinstance(pack, str) or not isinstance(step, str):
            continue
        at = at if at.tzinfo is not None else at.astimezone()
        found.append(Move(at, pack, step, phase if isinstance(phase, str) else None))
    return found


def entry(at: datetime, pack: str, step: str, phase: str | None) -> dict[str, Any]:
    """A trail table to append."""
    table: dict[str, Any] = {"at": at, "pack": pack, "step": step}
    if phase:
        table["phase"] = phase
    return table


def time_per_pack(trail: Sequence[Move], end: datetime | None) -> dict[str, timedelta]:
    """How long the couple spent in each pack: from each move to the next (or to ``end``),
    leaving out breaks longer than ``IDLE``."""
    spent: dict[str, timedelta] = {}
    if not trail:
        return spent
    for here, following in zip(trail, [*trail[1:], None], strict=True):
        until = following.at if following is not None else end
        if until is None:
            continue
        gap = until - here.at
        if timedelta(0) <= gap <= IDLE:
            spent[here.pack] = spent.get(here.pack, timedelta(0)) + gap
    return spent


def reached(trail: Sequence[Move]) -> set[str]:
    """The packs the couple reached."""
    return {move.pack for move in trail}
