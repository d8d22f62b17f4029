"""An apart session as a whole (``service/apart.py`` is one seat in it): which session the
seats share, beginning one, and what each kind of step is when walked apart."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from workbook.data.durable import SaveError
from workbook.data.files import DataError
from workbook.data.locks import Busy, held
from workbook.i18n.catalog import N_
from workbook.i18n.os_words import OsProblem
from workbook.i18n.said import Words
from workbook.kinds import spec
from workbook.logic.phases import SECOND
from workbook.logic.walk import phases

if TYPE_CHECKING:
    from collections.abc import Collection

    from workbook.data.models import Couple, Session
    from workbook.data.store import Store
    from workbook.logic.walk import Place
    from workbook.packs.load import LoadedPack

LOCK_WAIT_SECONDS = 10.0
BUSY = Words(N_("the session is busy in another window"))


def lock_unusable(error: OSError) -> Words:
    """Why the session's lock cannot be used (by its errno, ``os_words``; else the OS's own
    words as given)."""
    return Words(N_("its lock cannot be used: {problem}"), problem=OsProblem(error))


# What a seat shows at its step.
NOTICE, SHARED, ANSWER, WAITING, REVEALED, FINISHED, TERMS = (
    "notice",  # a kind walked at one screen: passed by either seat
    "shared",  # a read step or a together step: one screen's worth, the same on both
    "answer",  # this partner's own turn
    "waiting",  # this partner is done; the other is not yet
    "revealed",  # both are done: the reveal (or a sealed step's screen after it)
    "finished",
    "terms",  # draft terms, each confirmed by each partner on their own device
)


@dataclass(frozen=True)
class Stage:
    """What a seat shows: the place (one of the walk's, at its part on the seats) and how."""

    place: Place | None
    mode: str
    done: tuple[str, ...] = ()


def present(session: Session, partner: str, at: datetime) -> None:
    """``partner``'s seat is here (``[apart] here``); a pause on the trail ends."""
    from workbook.data import trail
    from workbook.service.apart_clock import beat

    _here(session, [*_here(session), partner])
    beat(session, partner, at)
    last = trail.moves(session.trail)[-1:] if session.trail else []
    if last and last[0].paused and session.position is not None:
        where = session.position
        session.trail.append(trail.entry(at, where.pack, where.step, where.phase))


def absent(session: Session, partner: str, at: datetime) -> None:
    """``partner``'s seat has left; with neither here, the trail says the couple left the
    session where it stands (a seat killed never says it left: it counts as here until its
    heartbeat is ``AWAY_SECONDS`` old)."""
    from workbook.data import trail
    from workbook.service.apart_clock import is_here

    kept = _here(session, [k for k in _here(session) if k != partner])
    here = [k for k in kept if is_here(session, k, at)]
    last = trail.moves(session.trail)[-1:] if session.trail else []
    if here or session.position is None or session.finished is not None:
        return
    if not (last and last[0].paused):
        where = session.position
        session.trail.append(trail.pause_entry(at, where.pack, where.step, where.phase))


def _here(session: Session, now: list[str] | None = None) -> list[str]:
    table = session.apart if isinstance(session.apart, dict) else {}
    if now is not None:
        table["here"] = [k for k in ("a", "b") if k in now]
        session.apart = table
    found = table.get("here")
    return [k for k in ("a", "b") if isinstance(found, list) and k in found]


def seal(
    store: Store, couple_id: str, session_id: str, where: tuple[str, Any], given: Any, at: datetime
) -> None:
    """A sealed step's answers (``given``, by partner) to the counsellor's notes file; one that
    asks for care raises the flag. Raises ``SaveError``."""
    from workbook.data.care import raise_flag
    from workbook.logic.safety import asks_for_care

    pack_id, step = where
    store.notes(couple_id, session_id).seal_all(
        [(pack_id, step.id, key, value, at) for key, value in given.items()]
    )
    options = getattr(step, "options", None)
    if any(asks_for_care(pack_id, step.id, v, options) for v in given.values()):
        try:
            raise_flag(store, couple_id, session_id, at)
        except DataError as error:
            raise SaveError(error.path, error.problem) from error


def is_apart(session: Session) -> bool:
    return isinstance(session.apart, dict)


def done_of(session: Session) -> list[str]:
    """Who has finished their turn at the session's place (``a``, ``b``)."""
    done = session.apart.get("done") if isinstance(session.apart, dict) else None
    return [key for key in ("a", "b") if isinstance(done, list) and key in done]


def each_answers(step: Any) -> bool:
    """True for a step that each partner answers (a private, sealed or open one)."""
    return bool(spec(step).apart) and SECOND in phases(step)


def own_file(step: Any) -> bool:
    """True for a step whose answers stay in each partner's own file until the reveal."""
    return each_answers(step) and getattr(step, "answer", "each-private") != "each-open"


def find(store: Store, couple_id: str, passing: Collection[str] = ()) -> str | None:
    """The couple's latest unfinished apart session, or None; the sessions ``passing`` (a seat
    could not open them) are passed over."""
    for session_id in reversed(store.session_ids(couple_id)):
        if session_id in passing:
            continue
        try:
            session = store.peek_session(couple_id, session_id)
        except DataError:
            continue
        if session.finished is None:
            return str(session_id) if is_apart(session) else None
    return None


def begin(
    store: Store, couple: Couple, loaded: list[LoadedPack], passing: Collection[str] = ()
) -> str:
    """A new apart session with these packs, or the one the other seat began a moment ago
    (never one of ``passing``). Raises ``SaveError``."""
    from workbook.logic.session_packs import begin_packs

    gate = store.layout.sessions_folder(couple.id) / "apart.lock"
    try:
        with held(gate, LOCK_WAIT_SECONDS):
            found = find(store, couple.id, passing)
            if found is not None:
                return found
            session = store.new_session(couple.id, [p.pack.id for p in loaded if p.pack])
            # The seats take the session's lock for each change, never for long.
            store.release_session(couple.id, session.id)
            begin_packs(session, store, loaded)
            session.apart = {"done": []}
            store.save_session(couple.id, session)
            return str(session.id)
    except (Busy, OSError) as error:
        not_begun = Words(N_("the session could not be begun: {problem}"), problem=error)
        raise SaveError(gate, not_begun) from error
