"""What the two seats of an apart session share besides answers (``[apart]`` in the session
file): each seat's heartbeat, so that a seat whose process was killed is seen as away, and the
listening step's time box, so that both devices show the same time left and the same time-out.

Pure functions of the session and a time given by the caller (the seat's clock, fixed in
tests); a seat applies them under the session's lock (``Seat.update``). A hand-edited value that
is not what these write counts as absent: never an error.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from workbook.data.models import Session

# A seat's process says it is here this often (``[apart] seen``) while its window is open ...
HEARTBEAT_SECONDS = 10.0
# ... and a seat not heard from for this long is away (its process was killed, its machine slept).
AWAY_SECONDS = 30.0


def apart_table(session: Session) -> dict[str, Any]:
    """The session's ``[apart]`` table, made when it is missing or not a table."""
    if not isinstance(session.apart, dict):
        session.apart = {}
    table: dict[str, Any] = session.apart
    return table


def _when(value: Any) -> datetime | None:
    return value if isinstance(value, datetime) and value.tzinfo is not None else None


# Heartbeats


def beat(session: Session, partner: str, at: datetime) -> None:
    """``partner``'s seat is here at ``at`` (``[apart] seen.<partner>``)."""
    table = apart_table(session)
    seen = table.get("seen")
    seen = {k: v for k, v in seen.items() if k in ("a", "b")} if isinstance(seen, dict) else {}
    seen[partner] = at
    table["seen"] = seen


def last_seen(session: Session, partner: str) -> datetime | None:
    table = session.apart if isinstance(session.apart, dict) else {}
    seen = table.get("seen")
    return _when(seen.get(partner)) if isinstance(seen, dict) else None


def is_here(session: Session, partner: str, at: datetime) -> bool:
    """Whether ``partner``'s seat is here at ``at``: in ``[apart] here`` and heard from within
    ``AWAY_SECONDS`` (a session file from before heartbeats, with none, goes by ``here`` only)."""
    table = session.apart if isinstance(session.apart, dict) else {}
    here = table.get("here")
    if not (isinstance(here, list) and partner in here):
        return False
    seen = last_seen(session, partner)
    return seen is None or at - seen <= timedelta(seconds=AWAY_SECONDS)


# The listening step's time box


@dataclass(frozen=True)
class TimeBox:
    """The speaker's time at one turn of a listening step, as both seats show it."""

    left: int
    paused: bool
    started: bool


def _record(session: Session, where: str, turn: int) -> dict[str, Any] | None:
    table = session.apart if isinstance(session.apart, dict) else {}
    found = table.get("listen")
    if not isinstance(found, dict) or found.get("step") != where or found.get("turn") != turn:
        return None
    return found


def _left(record: dict[str, Any], full: int, at: datetime) -> int:
    kept = record.get("left")
    left = kept if isinstance(kept, int) and not isinstance(kept, bool) else full
    left = max(0, min(left, full))
    ends = _when(record.get("ends"))
    if record.get("paused") is True or ends is None:
        return left
    return max(0, min(full, int((ends - at).total_seconds() + 0.999)))


def time_box(session: Session, where: str, turn: int, full: int, at: datetime) -> TimeBox:
    """The time box of turn ``turn`` of the listening step ``where`` (``pack/step``) at ``at``:
    ``full`` seconds and running until a seat starts it."""
    record = _record(session, where, turn)
    if record is None:
        return TimeBox(full, False, False)
    return TimeBox(_left(record, full, at), record.get("paused") is True, True)


def start(session: Session, where: str, turn: int, full: int, at: datetime) -> None:
    """Start the turn's time box, unless a seat has already (the first to show it starts it)."""
    if _record(session, where, turn) is None:
        end = at + timedelta(seconds=full)
        apart_table(session)["listen"] = {"step": where, "turn": turn, "ends": end, "left": full}


def time_out(
    session: Session, where: str, turn: int, full: int, at: datetime, paused: bool
) -> None:
    """A time-out (``paused``) or going on, from either seat: the time left is kept while
    paused, and runs again from it."""
    record = _record(session, where, turn)
    left = full if record is None else _left(record, full, at)
    kept: dict[str, Any] = {"step": where, "turn": turn, "left": left, "paused": paused}
    if not paused:
        kept["ends"] = at + timedelta(seconds=left)
    apart_table(session)["listen"] = kept
