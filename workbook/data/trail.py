"""The trail of a session: every move, with when, so a summary can say how long each part took.

A session file keeps ``[[trail]]`` tables (at, pack, step, phase), appended on every move and
when a session is opened again (so the time after a break counts from the return). They are
read leniently: an entry that cannot be read is skipped, and stays in the file.

When the couple leaves a session to come back to it (a pause, or the window closing), the trail
gets one more entry at the place they left, with ``paused = true``: the time until they come
back is not time spent, and a console watching says they have left.

A session ended before the end of its agenda ("End the session now") has one last entry at the
place where it ended, with ``ended = true`` and ``not_reached``: the steps (``pack.step``) the
couple never reached. To readers that do not know these keys it is one more move.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
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
    # The couple left the session here, to come back to it.
    paused: bool = False


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
        kept_phase = phase if isinstance(phase, str) else None
        found.append(Move(at, pack, step, kept_phase, raw.get("paused") is True))
    return found


def counts(here: Move, gap: timedelta) -> bool:
    """Whether the time from ``here`` to the next move (``gap``) was spent on the session: not
    after the couple paused, and not a break longer than ``IDLE``."""
    return not here.paused and timedelta(0) <= gap <= IDLE


def entry(at: datetime, pack: str, step: str, phase: str | None) -> dict[str, Any]:
    """A trail table to append."""
    table: dict[str, Any] = {"at": at, "pack": pack, "step": step}
    if phase:
        table["phase"] = phase
    return table


def time_per_pack(trail: Sequence[Move], end: datetime | None) -> dict[str, timedelta]:
    """How long the couple spent in each pack: from each move to the next (or to ``end``),
    leaving out breaks (``counts``)."""
    spent: dict[str, timedelta] = {}
    if not trail:
        return spent
    for here, following in zip(trail, [*trail[1:], None], strict=True):
        until = following.at if following is not None else end
        if until is None:
            continue
        gap = until - here.at
        if counts(here, gap):
            spent[here.pack] = spent.get(here.pack, timedelta(0)) + gap
    return spent


def pause_entry(at: datetime, pack: str, step: str, phase: str | None) -> dict[str, Any]:
    """The entry that says the couple left the session here, to come back to it."""
    return {**entry(at, pack, step, phase), "paused": True}


def is_pause(raw: Any) -> bool:
    return isinstance(raw, dict) and raw.get("paused") is True


def reached(trail: Sequence[Move]) -> set[str]:
    """The packs the couple reached."""
    return {move.pack for move in trail}


@dataclass(frozen=True)
class Ending:
    """How a session that was ended early ended: when, and the steps it never reached."""

    at: datetime
    not_reached: tuple[str, ...]  # "pack.step"


def ending_entry(
    at: datetime, pack: str, step: str, phase: str | None, not_reached: Sequence[str]
) -> dict[str, Any]:
    """The trail's last entry when a session is ended early, at the place it ended."""
    return {**entry(at, pack, step, phase), "ended": True, "not_reached": list(not_reached)}


def is_ending(raw: Any) -> bool:
    return isinstance(raw, dict) and raw.get("ended") is True


def ending(trail: Sequence[Any]) -> Ending | None:
    """How the session was ended early, or None if it was not (or the entry cannot be read)."""
    for raw in reversed(trail):
        if not is_ending(raw):
            continue
        found = moves([raw])
        if not found:
            return None
        listed = raw.get("not_reached")
        steps = [s for s in listed if isinstance(s, str)] if isinstance(listed, list) else []
        return Ending(found[0].at, tuple(steps))
    return None


def not_reached(
    steps: Iterable[tuple[str, str]], trail: Sequence[Move], answered: Callable[[str, str], bool]
) -> list[str]:
    """The steps (``pack.step``, in agenda order) that the couple never moved to and that have
    no answer: the ones an early end leaves out."""
    visited = {(move.pack, move.step) for move in trail}
    return [
        f"{pack}.{step}"
        for pack, step in steps
        if (pack, step) not in visited and not answered(pack, step)
    ]
