"""The apart walk (DESIGN.md section 3.12): each partner on a seat of their own, one session.

Both seats stand at the same step, the one the session file's ``position`` names. At a step each
partner answers (text, scale, choice, rank), both answer at the same time:

- a private or sealed answer is kept in the partner's own file (``data/seat_answers.py``), which
  the other seat's process never reads before the reveal;
- when a partner is done, ``[apart] done`` in the session file says so (never what they
  answered); the process that completes the step (the second one done) reveals it: under the
  session's lock it reads both own files, puts both answers into the session file (a sealed
  step's go to the counsellor's notes file, or nowhere without a facilitator), moves the place
  to the reveal, and then takes the answers out of the own files;
- an open answer, and a together step's one answer, go straight into the session file, where
  the other seat sees it once saved.

Every change of the session file is a read-modify-write of the file as it is on disk, under
the session's sidecar lock, held only for that change: two seats never hold it for long, and
never lose each other's writes. A move names the place it leaves, so a move already made by the
other seat is not made twice. Steps of the kinds that are walked at one screen are passed by
either seat.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from workbook.data import trail, vault
from workbook.data.durable import SaveError
from workbook.data.files import DataError
from workbook.data.locks import Busy, held
from workbook.data.partners import other
from workbook.data.seat_answers import SeatAnswers
from workbook.kinds import spec
from workbook.logic.live import reveal_phase
from workbook.logic.phases import FIRST, is_sealed
from workbook.logic.walk import Place, Walk
from workbook.service.apart_clock import apart_table
from workbook.service.apart_parts import (
    after_turns,
    apart_phases,
    merged,
    private_part,
    shared_write,
    with_private_part,
    without_private_parts,
)
from workbook.service.apart_session import (
    ANSWER,
    BUSY,
    FINISHED,
    LOCK_WAIT_SECONDS,
    NOTICE,
    REVEALED,
    SHARED,
    TERMS,
    WAITING,
    Stage,
    absent,
    begin,
    done_of,
    each_answers,
    find,
    is_apart,
    lock_unusable,
    own_file,
    present,
    seal,
)

if TYPE_CHECKING:
    from workbook.data.models import Couple, Session
    from workbook.data.store import Store
    from workbook.packs.models import Pack

__all__ = [
    "ANSWER",
    "FINISHED",
    "NOTICE",
    "REVEALED",
    "SHARED",
    "TERMS",
    "WAITING",
    "Seat",
    "Stage",
    "begin",
    "done_of",
    "each_answers",
    "find",
    "is_apart",
    "own_file",
]


class Seat:
    """One partner's seat in an apart session."""

    def __init__(
        self,
        store: Store,
        couple: Couple,
        session_id: str,
        packs: list[Pack],
        partner: str,
        now: Callable[[], datetime],
    ) -> None:
        self.store = store
        self.couple = couple
        self.session_id = session_id
        self.walk = Walk(packs)
        # Every part of every step on the seats, in order (``apart_parts.apart_phases``).
        self.places = [
            Place(p, s, phase)
            for p, pack in enumerate(packs)
            for s, step in enumerate(pack.steps)
            for phase in apart_phases(step)
        ]
        self.partner = partner
        self.now = now
        self.path = store.layout.session_file(couple.id, session_id)
        self.own = SeatAnswers(self.path, partner)
        self.keeps_sealed = bool(couple.facilitator)
        self.session = self.reload()

    def reload(self) -> Session:
        """The session as its file holds it now. Raises ``DataError``."""
        self.session = self.store.peek_session(self.couple.id, self.session_id)
        return self.session

    def arrive(self) -> None:
        """This seat is here: the session at its first place, if no seat has put it anywhere
        yet (the console follows the place from the first moment), and back from a pause.
        Raises ``SaveError``."""
        if self.session.finished is None:

            def change(session: Session) -> None:
                if session.position is None:
                    self._arrive(session, self._at(self.places[0], session))
                present(session, self.partner, self.now())

            self._change(change)
        self._tidy()

    def leave(self) -> None:
        """This seat has left (its window closed): once neither seat is here, the trail says
        the couple left the session, to come back to it. Raises ``SaveError``."""
        if self.session.finished is None:
            self._change(lambda session: absent(session, self.partner, self.now()))

    def _tidy(self) -> None:
        """Take out of this partner's own file the steps already revealed (a process killed
        between a reveal and the taking out leaves them there)."""
        kept = self.own.read()
        revealed = []
        for p, pack in enumerate(self.walk.packs):
            for s, step in enumerate(pack.steps):
                if step.id in kept.get(pack.id, {}) and self._revealed(
                    self.session, Place(p, s, FIRST)
                ):
                    revealed.append((pack.id, step.id))
        if revealed:
            self.own.take(revealed)

    # Where the seat is

    def stage(self) -> Stage:
        session = self.session
        if session.finished is not None:
            return Stage(None, FINISHED)
        place = self._place(session)
        step = self.walk.step(place)
        done = tuple(done_of(session))
        if spec(step).confirms_with_keys:
            return Stage(place, TERMS, done)
        if not spec(step).apart:
            return Stage(place, NOTICE, done)
        if each_answers(step) and place.phase == FIRST:
            return Stage(place, WAITING if self.partner in done else ANSWER, done)
        if after_turns(step, place.phase):
            return Stage(place, REVEALED, done)
        return Stage(place, SHARED, done)

    def _place(self, session: Session) -> Place:
        position = session.position
        if position is None:
            return self._at(self.places[0], session)
        place = self.walk.find(position.pack, position.step, position.phase)
        return self._at(place, session)

    def _at(self, place: Place, session: Session) -> Place:
        """``place`` at its part on the seats: a screen of one device's walk (a hand-over, the
        second turn) is the private turn; a private turn already revealed is its reveal."""
        step = self.walk.step(place)
        parts = apart_phases(step)
        phase = place.phase
        if phase not in parts:
            phase = FIRST if FIRST in parts else parts[0]
        if phase == FIRST and each_answers(step) and self._revealed(session, place):
            phase = reveal_phase(step) or FIRST
        return Place(place.pack, place.step, phase)

    def _revealed(self, session: Session, place: Place) -> bool:
        pack, step = self.walk.packs[place.pack], self.walk.step(place)
        reveal = reveal_phase(step)
        return any(
            (m.pack, m.step, m.phase) == (pack.id, step.id, reveal)
            for m in trail.moves(session.trail)
        )

    # Answers

    def answer_table(self, place: Place) -> dict[str, Any]:
        """The step's answer table as this seat may show it: at its own turn of a private or
        sealed step, only this partner's own answer; else the session file's."""
        pack, step = self.walk.packs[place.pack], self.walk.step(place)
        table = self.session.answer(pack.id, step.id)
        if own_file(step) and place.phase == FIRST:
            mine = self.own.value(pack.id, step.id)
            return with_private_part(step, without_private_parts(step, table), self.partner, mine)
        return table

    def keep(
        self, place: Place, table: dict[str, Any], shown: dict[str, Any] | None = None
    ) -> None:
        """Save this seat's answer at ``place`` from the step's whole answer table: at its own
        turn, its private part only; at a shared part, the table but the other partner's
        private part, and, given the table the seat ``shown`` it was made from, only what it
        changed from that (``apart_parts.merged``): the other seat's change saved meanwhile is
        never written over with what this seat had on screen before. Raises ``SaveError``."""
        pack, step = self.walk.packs[place.pack], self.walk.step(place)
        if each_answers(step) and place.phase == FIRST:
            value = private_part(step, table, self.partner)
            if own_file(step):
                self.own.put(pack.id, step.id, value)
                return

            def mine(session: Session) -> None:
                found = with_private_part(
                    step, session.answer(pack.id, step.id), self.partner, value
                )
                session.set_answer(pack.id, step.id, found)

            self._change(mine)
            return

        def shared(session: Session) -> None:
            on_disk = session.answer(pack.id, step.id)
            posted = table if shown is None else merged(shown, table, on_disk)
            found = shared_write(step, on_disk, posted, self.partner)
            session.set_answer(pack.id, step.id, found)

        self._change(shared)

    def finish_turn(self, place: Place) -> None:
        """This partner is done at ``place``; the second one done reveals the step."""
        pack, step = self.walk.packs[place.pack], self.walk.step(place)
        revealed: list[bool] = []

        def change(session: Session) -> None:
            if self._place(session) != place:
                return
            done = done_of(session)
            if self.partner not in done:
                done.append(self.partner)
            apart_table(session)["done"] = done
            if other(self.partner) in done:
                self._reveal(session, place)
                revealed.append(True)

        self._change(change)
        if revealed and own_file(step):
            # The answers are in the session file (or the notes file) now: they leave the own
            # files. A seat killed before this finds them there, and never shows them again.
            for key in ("a", "b"):
                SeatAnswers(self.path, key).take([(pack.id, step.id)])

    def undo_turn(self, place: Place) -> None:
        """This partner takes back being done, while the step is not revealed."""

        def change(session: Session) -> None:
            if self._place(session) == place:
                apart_table(session)["done"] = [k for k in done_of(session) if k != self.partner]

        self._change(change)

    def _reveal(self, session: Session, place: Place) -> None:
        pack, step = self.walk.packs[place.pack], self.walk.step(place)
        if own_file(step):
            # The step is revealed: only now is the other partner's own file read.
            values = {key: SeatAnswers(self.path, key).value(pack.id, step.id) for key in "ab"}
            given = {key: value for key, value in values.items() if value is not None}
            if is_sealed(step):
                self._seal(pack.id, step, given)
            else:
                table = session.answer(pack.id, step.id)
                for key, value in given.items():
                    table = with_private_part(step, table, key, value)
                session.set_answer(pack.id, step.id, table)
        reveal = reveal_phase(step) or FIRST
        self._arrive(session, Place(place.pack, place.step, reveal))

    def _seal(self, pack_id: str, step: Any, given: dict[str, Any]) -> None:
        """A sealed step's answers go to the counsellor's notes file, or nowhere."""
        if self.keeps_sealed and given:
            seal(self.store, self.couple.id, self.session_id, (pack_id, step), given, self.now())

    def settle_own(self) -> None:
        """This partner's sealed answers not yet revealed go where a sealed answer goes (the
        counsellor's notes file, or nowhere) and leave the own file: the session ended early
        (an answer that asks for care must reach the counsellor all the same). Only this
        partner's own file is read. Raises ``SaveError``."""
        kept = self.own.read()
        taken = []
        for pack in self.walk.packs:
            for step in pack.steps:
                value = kept.get(pack.id, {}).get(step.id)
                if is_sealed(step) and value is not None:
                    self._seal(pack.id, step, {self.partner: value})
                    taken.append((pack.id, step.id))
        if taken:
            self.own.take(taken)

    def end_now(self) -> None:
        """End the session where it stands, for both seats (the sealed step's "End here for
        today"): the steps not reached are marked, as at one screen. Raises ``SaveError``."""
        self.settle_own()

        def change(session: Session) -> None:
            if session.finished is not None:
                return
            place = self._place(session)
            pack, step = self.walk.packs[place.pack], self.walk.step(place)
            steps = [(p.id, s.id) for p in self.walk.packs for s in p.steps]
            missed = trail.not_reached(
                steps, trail.moves(session.trail), lambda p, s: bool(session.answer(p, s))
            )
            at = self.now()
            session.trail.append(trail.ending_entry(at, pack.id, step.id, place.phase, missed))
            session.finished = at

        self._change(change)

    # Moves

    def move(self, leaving: Place, forward: bool) -> None:
        """Next (``forward``) or Back from ``leaving``; nothing if the other seat has moved
        from there already. Next from the last step finishes the session."""

        def change(session: Session) -> None:
            if self._place(session) != leaving:
                return
            at = self.places.index(leaving)
            while True:
                # A part that lands back where the seats are (a revealed private turn) is
                # passed over.
                at += 1 if forward else -1
                if at < 0:
                    return
                if at >= len(self.places):
                    session.finished = self.now()
                    return
                target = self._at(self.places[at], session)
                if target != leaving:
                    break
            self._arrive(session, target)

        self._change(change)

    def _arrive(self, session: Session, place: Place) -> None:
        from workbook.data.models import Position

        pack, step = self.walk.packs[place.pack], self.walk.step(place)
        session.position = Position(pack=pack.id, step=step.id, phase=place.phase)
        session.trail.append(trail.entry(self.now(), pack.id, step.id, place.phase))
        apart_table(session)["done"] = []

    def update(self, change: Callable[[Session], None], *, stamp: bool = True) -> None:
        """Apply ``change`` to the session file under its lock (``service/apart_terms.py``);
        ``stamp=False`` keeps ``updated`` (a heartbeat: nothing the couple did)."""
        self._change(change, stamp)

    def _change(self, change: Callable[[Session], None], stamp: bool = True) -> None:
        """Apply ``change`` to the session file as it is on disk, under the session's lock.
        Raises ``SaveError``."""
        try:
            with held(vault.lock_file(self.path), LOCK_WAIT_SECONDS):
                session = self.store.peek_session(self.couple.id, self.session_id)
                change(session)
                self.store.save_session(self.couple.id, session, stamp=stamp)
        except Busy as error:
            raise SaveError(self.path, BUSY) from error
        except DataError as error:
            raise SaveError(self.path, error.problem) from error
        except SaveError:
            raise  # the save's own failure, told as it is (it is an OSError too)
        except OSError as error:
            raise SaveError(self.path, lock_unusable(error)) from error
        self.session = session
