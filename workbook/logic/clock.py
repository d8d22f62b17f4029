"""The session's clock: the time spent so far, against the agenda's budget.

The budget is the packs' suggested ``minutes`` added up; a pack without minutes adds nothing, and
the words say how many such packs there are. The time spent comes from the trail: the time of
earlier sittings (moves more than ``IDLE`` apart count as a break, as in the summary), then the
time on the clock since this sitting began, so the count never jumps back while a window is
open, however long the couple stays on one step.

One rule for minutes (``whole_minutes``: the minutes begun are not counted until they are
whole), so the walk's clock and the counsellor's console show the same minutes for one session.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import pairwise
from typing import Any

from workbook.data.trail import Move, counts
from workbook.i18n.catalog import _, ngettext


@dataclass(frozen=True)
class Budget:
    """The agenda's suggested minutes, and how many of its packs suggest none."""

    minutes: int
    untimed: int

    @classmethod
    def of(cls, packs: Iterable[Any]) -> Budget:
        found = [getattr(pack, "minutes", None) for pack in packs]
        return cls(sum(m for m in found if m), sum(1 for m in found if not m))

    def untimed_words(self) -> str:
        count = self.untimed
        if not count:
            return ""
        return ngettext(
            "{count} pack without a time", "{count} packs without a time", count
        ).format(count=count)


def spent(trail: Sequence[Move], now: datetime, since: datetime | None = None) -> timedelta:
    """The time spent on the session at ``now``.

    ``since`` is when this sitting began (the move that opened it): the moves up to it count as
    the summary counts them, and from it the clock runs. Without ``since`` (a window that only
    watches), the trail counts, and the time since its last move while that is not a break.
    """
    before = [move for move in trail if since is None or move.at <= since]
    total = timedelta(0)
    for here, following in pairwise(before):
        if counts(here, following.at - here.at):
            total += following.at - here.at
    if since is not None:
        return total + max(now - since, timedelta(0))
    if before and counts(before[-1], now - before[-1].at):
        total += now - before[-1].at
    return total


def whole_minutes(time: timedelta) -> int:
    """The one rule for minutes shown: whole minutes, never less than none."""
    return max(int(time.total_seconds() // 60), 0)


def walk_text(trail: Sequence[Move], now: datetime, since: datetime | None, budget: Budget) -> str:
    """The walk's clock at ``now`` for a sitting that began ``since``."""
    return clock_text(spent(trail, now, since), budget)


def console_text(
    trail: Sequence[Move], end: datetime, budget_minutes: int, on_step: timedelta | None
) -> str:
    """The console's clock: the time on this step (when known), then the minutes spent against
    the budget: "2:05 on this step · 23 of 55 min", "61 of 55 min (6 over)", "23 min so far"."""
    parts = (
        [_("{time} on this step").format(time=stopwatch(on_step))] if on_step is not None else []
    )
    used = whole_minutes(spent(trail, end))
    if budget_minutes and used > budget_minutes:
        parts.append(
            _("{used} of {budget} min ({over} over)").format(
                used=used, budget=budget_minutes, over=used - budget_minutes
            )
        )
    elif budget_minutes:
        parts.append(_("{used} of {budget} min").format(used=used, budget=budget_minutes))
    else:
        parts.append(_("{used} min so far").format(used=used))
    return " · ".join(parts)


def stopwatch(time: timedelta) -> str:
    """``m:ss``, or ``h:mm:ss`` from an hour."""
    seconds = int(time.total_seconds())
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


def clock_text(time: timedelta, budget: Budget) -> str:
    """The walk's clock, calmly: "23 of 55 min", "23 of 40 min (1 pack without a time)",
    "23 min (no time suggested)"."""
    used = whole_minutes(time)
    if not budget.minutes:
        return _("{used} min (no time suggested)").format(used=used)
    if budget.untimed:
        return _("{used} of {budget} min ({untimed})").format(
            used=used, budget=budget.minutes, untimed=budget.untimed_words()
        )
    return _("{used} of {budget} min").format(used=used, budget=budget.minutes)


def total_text(budget: Budget, packs: int) -> str:
    """The agenda's total: "3 packs, about 55 min", with the packs that suggest no time."""
    if not packs:
        return _("No packs chosen yet.")
    if not budget.minutes:
        return ngettext(
            "{count} pack, with no time suggested.", "{count} packs, with no time suggested.", packs
        ).format(count=packs)
    if budget.untimed:
        return ngettext(
            "{count} pack, about {budget} min, and {untimed}.",
            "{count} packs, about {budget} min, and {untimed}.",
            packs,
        ).format(count=packs, budget=budget.minutes, untimed=budget.untimed_words())
    return ngettext(
        "{count} pack, about {budget} min.", "{count} packs, about {budget} min.", packs
    ).format(count=packs, budget=budget.minutes)
