"""What the counsellor's console may show of a session in progress (DESIGN.md section 3.8).

Everything here is worked out from the session file as the couple's window last saved it: where
the couple is and whose turn it is, the time on this step and against the agenda's budget, the
steps whose answers may be shown, and the scores.

A private step's answers are saved as they are typed, so the file holds them long before the
couple sees them. They may be shown only once the step has reached its reveal (the phase after
the second private turn: ``logic/phases.py``), as the trail records it, and not while the couple
is back in one of its private turns. Steps without private turns are seen by both partners as
they are answered, so their answers show at once. A score shows only when every step it reads
may be shown.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import pairwise
from typing import Any

from workbook.data.answers.kinds import answer_model, read_answer
from workbook.data.models import Session
from workbook.data.trail import Move, counts, moves
from workbook.logic.clock import spent
from workbook.logic.phases import (
    FIRST,
    HANDBACK,
    HANDOVER,
    LOOKAWAY,
    SECOND,
)
from workbook.logic.scores import ScoreValue, pack_scores
from workbook.logic.walk import Place, Walk, phases
from workbook.packs.models import Pack

# The phases in which one partner answers unseen, or the screen passes between them.
PRIVATE_TURNS = frozenset({LOOKAWAY, FIRST, HANDOVER, SECOND, HANDBACK})


@dataclass(frozen=True)
class Where:
    """The couple's place, as the console says it."""

    place: Place
    pack: Pack
    step: Any
    # Whose turn it is: a, b, or None when both are at the screen.
    turn: str | None
    # True when the step has private turns (a look-away and a hand-over).
    private: bool
    # True in an apart session (each partner on their own device): both answer at once.
    apart: bool = False

    @property
    def pack_id(self) -> str:
        return str(self.pack.id)

    @property
    def step_id(self) -> str:
        return str(self.step.id)


@dataclass(frozen=True)
class Shown:
    """One step whose answers the console may show."""

    pack: Pack
    step: Any
    table: Mapping[str, Any]


@dataclass
class Live:
    """What the console shows of one session at one moment."""

    where: Where | None
    finished: datetime | None
    # Time on the step the couple is at, from the trail (None when it cannot be told).
    on_step: timedelta | None
    # Time spent in the session so far, breaks left out, and the packs' minutes added up.
    spent: timedelta
    budget_minutes: int
    # When the couple left the session, to come back to it; None while they are in it.
    paused_at: datetime | None = None
    # Steps whose answers may be shown, in agenda order.
    shown: list[Shown] = field(default_factory=list)
    # Who has given an answer so far at the current step, while its answers are still private.
    answered_so_far: list[str] = field(default_factory=list)
    scores: list[tuple[Pack, ScoreValue]] = field(default_factory=list)


def private(step: Any) -> bool:
    """True for a step whose answers are given in private turns."""
    found = phases(step)
    return LOOKAWAY in found or HANDOVER in found


def reveal_phase(step: Any) -> str | None:
    """The phase at which a private step's answers are first seen by both: the one after the
    second private turn (a reveal, or a kind's own), or None if the step has none."""
    found = phases(step)
    if SECOND not in found:
        return None
    at = found.index(SECOND) + 1
    return found[at] if at < len(found) else None


def budget(packs: Sequence[Pack]) -> int:
    """The agenda's budget in minutes: the packs' ``minutes`` added up."""
    return sum(pack.minutes or 0 for pack in packs)


def time_on_step(
    trail: Sequence[Move], pack_id: str, step_id: str, end: datetime
) -> timedelta | None:
    """How long the couple has been at this step: since the first of the last run of moves in it
    (its phases count as one step), leaving out the time they were away after a pause, or None
    when the trail does not end there."""
    if not trail or (trail[-1].pack, trail[-1].step) != (pack_id, step_id):
        return None
    run: list[Move] = []
    for move in reversed(trail):
        if (move.pack, move.step) != (pack_id, step_id):
            break
        run.insert(0, move)
    on_step = timedelta(0)
    for here, following in pairwise(run):
        if counts(here, following.at - here.at):
            on_step += following.at - here.at
    if not run[-1].paused:
        on_step += max(end - run[-1].at, timedelta(0))
    return on_step


def live(session: Session, packs: Sequence[Pack], now: datetime) -> Live:
    """What the console shows of ``session``, walked with ``packs`` (the agenda's packs that
    could be read, in order), at ``now``."""
    trail = moves(session.trail)
    end = session.finished or now
    walk = Walk(packs) if packs else None
    where = _where(walk, session) if walk is not None else None
    found = Live(
        where=where,
        finished=session.finished,
        on_step=time_on_step(trail, where.pack_id, where.step_id, end) if where else None,
        spent=spent(trail, end),
        budget_minutes=budget(packs),
        paused_at=trail[-1].at if trail and trail[-1].paused and not session.finished else None,
    )
    if walk is None:
        return found
    revealed = {(m.pack, m.step, m.phase) for m in trail}
    position = where.place if where is not None else None
    may_show = {
        (pack.id, step.id)
        for p, pack in enumerate(walk.packs)
        for s, step in enumerate(pack.steps)
        if _may_show(walk, Place(p, s, ""), step, pack, revealed, position, bool(trail))
    }
    for pack in packs:
        for step in pack.steps:
            table = session.answer(pack.id, step.id)
            if (pack.id, step.id) in may_show and table and answer_model(step).has_answer:
                found.shown.append(Shown(pack, step, table))
        values = pack_scores(pack, _tables(session, pack.id))
        for score, value in zip(pack.scores, values, strict=True):
            if all((pack.id, step_id) in may_show for step_id in score.from_):
                found.scores.append((pack, value))
    if where is not None and (where.pack_id, where.step_id) not in may_show:
        found.answered_so_far = _answered(where.step, session.answer(where.pack_id, where.step_id))
        if where.apart:
            # Who is done at their own device: the answers themselves are in their own files.
            done = session.apart.get("done")
            found.answered_so_far = [k for k in ("a", "b") if isinstance(done, list) and k in done]
    return found


def _tables(session: Session, pack_id: str) -> Callable[[str], Mapping[str, Any]]:
    return lambda step_id: session.answer(pack_id, step_id)


def _where(walk: Walk, session: Session) -> Where | None:
    position = session.position
    if position is None:
        return None
    if not any(pack.id == position.pack for pack in walk.packs):
        return None
    place = walk.find(position.pack, position.step, position.phase)
    step = walk.step(place)
    if isinstance(session.apart, dict):
        # Both partners answer at once, each on their own device: nobody's turn.
        return Where(place, walk.packs[place.pack], step, None, private(step), apart=True)
    return Where(place, walk.packs[place.pack], step, walk.answering(place), private(step))


def _may_show(
    walk: Walk,
    start: Place,
    step: Any,
    pack: Pack,
    revealed: set[tuple[str, str, str | None]],
    position: Place | None,
    has_trail: bool,
) -> bool:
    if not private(step):
        return True
    here = (
        position
        if position and (position.pack, position.step) == (start.pack, start.step)
        else None
    )
    if here is not None and here.phase in PRIVATE_TURNS:
        # Back in a private turn: what is typed now has not been seen by the other partner.
        return False
    reveal = reveal_phase(step)
    if reveal is None:
        return False
    if (pack.id, step.id, reveal) in revealed or (here is not None and here.phase == reveal):
        return True
    if has_trail or position is None:
        return False
    # A session saved before the trail was kept: a step the couple has walked past was revealed.
    return walk.index(position) > walk.index(Place(start.pack, start.step, reveal))


def _answered(step: Any, table: Mapping[str, Any]) -> list[str]:
    """Who has given an answer to ``step`` so far (``a``, ``b``), for kinds keyed by who
    answers; nothing is said of what they answered."""
    answer = read_answer(step, table)
    if not getattr(answer, "by_answerer", False):
        return []
    return [key for key in ("a", "b") if answer.value(key) not in (None, "", [], {})]
