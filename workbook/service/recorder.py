"""The one owner of an open session: it records answers and moves, saves them, and knows what is
unsaved.

Saving follows the one rule of ``data/debounce.py`` while answers change. A screen asks
``due_in`` when to save; the recorder holds no timer of its own, so it is tested without a clock
that runs.

A save that fails keeps the answers in memory and says so; ``unsaved`` tells how much would be
lost, so that leaving can ask first.

Answers to ``each-sealed`` steps never go into the session: when the couple has a facilitator
they are kept in the session's notes file (``data/notes.py``), saved with the session; without
one they are not kept anywhere. Every change to one is kept, in order, with its time and who
gave it, never only the last (``data/sealed.py``); the first that asks for care
(``logic/safety.py``) raises the care flag on the case (``data/care.py``), once it is kept.
"""

from __future__ import annotations

import copy
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from workbook.data import trail
from workbook.data.answers.as_found import to_record
from workbook.data.dates import now as wall_clock
from workbook.data.debounce import Debounce
from workbook.data.durable import SaveError
from workbook.data.files import DataError
from workbook.data.models import PARTNER_KEYS
from workbook.i18n.catalog import N_, SOURCE_TRANSLATIONS
from workbook.i18n.os_words import OsProblem
from workbook.i18n.said import AS_GIVEN, Words
from workbook.logic.phases import is_sealed
from workbook.logic.safety import asks_for_care

if TYPE_CHECKING:
    from workbook.data.models import Session
    from workbook.data.read_only_reasons import Reason
    from workbook.data.store import Store
    from workbook.i18n.catalog import Translations

# Why answers are not saved yet when no save has failed (only the wait before the next one).
NOT_YET = Words(N_("not saved yet"))


@dataclass(frozen=True)
class Unsaved:
    """What only memory holds: how many steps' answers changed, and since when."""

    steps: int
    since: datetime | None
    reason: Words

    def describe(self) -> str:
        """How much is unsaved, in English (for the logs): "2 answers changed since 18:05:09"."""
        return self.said(SOURCE_TRANSLATIONS)

    def said(self, tr: Translations) -> str:
        """How much is unsaved, in ``tr``'s language."""
        if self.since is None:
            changed = tr.ngettext("{count} answer changed", "{count} answers changed", self.steps)
            return changed.format(count=self.steps)
        changed = tr.ngettext(
            "{count} answer changed since {time}",
            "{count} answers changed since {time}",
            self.steps,
        )
        return changed.format(count=self.steps, time=self.since.strftime("%H:%M:%S"))


class SessionRecorder:
    """Records one session's answers and saves them to the store."""

    def __init__(
        self,
        store: Store,
        couple_id: str,
        session: Session,
        read_only: Reason | None = None,
        clock: Callable[[], float] = time.monotonic,
        *,
        packs: Sequence[Any] = (),
        keeps_sealed: bool = False,
        now: Callable[[], datetime] = wall_clock,
    ) -> None:
        self.store = store
        self.couple_id = couple_id
        self.session = session
        self.read_only = read_only
        self._clock = clock
        # The time moves are stamped with (tests fix it).
        self.now = now
        self.packs = list(packs)
        # Sealed answers are kept (in the notes file) only for a couple with a facilitator.
        self.keeps_sealed = keeps_sealed
        # Changes to sealed answers not yet in the notes file, in order: (pack, step, partner,
        # value, time).
        self._sealed: list[tuple[str, str, str, Any, datetime]] = []
        # When a sealed answer first asked for care, while the care flag is not raised yet.
        self._care_at: datetime | None = None
        # Each partner's sealed answer as last held, so that only a change is kept.
        self._last_sealed: dict[tuple[str, str, str], Any] = {}
        # When this sitting began: the first move this window made.
        self.arrived_at: datetime | None = None
        self._debounce = Debounce(clock)
        self._saved = _kept(session)
        self.saved_at: datetime | None = None
        # Why the last save failed ("No space left on device"), while it keeps failing; None
        # once a save succeeds.
        self.failure: Words | None = None
        # The first move of a sitting is on the trail even at the place the session was left:
        # the time from then on is spent here, not in the break before.
        self._arrived = False

    # Answers and moves

    def record(self, pack_id: str, step_id: str, answer: Any) -> None:
        """Replace one step's answer (a typed answer, or a table), and note that it needs
        saving."""
        if self.read_only:
            return
        table = answer.to_table() if hasattr(answer, "to_table") else answer
        if self._is_sealed(pack_id, step_id):
            self._seal(pack_id, step_id, table)
            return
        step = self._step(pack_id, step_id)
        if step is not None and isinstance(table, dict):
            table = to_record(step, self.session.found_answer(pack_id, step_id), table)
            if table is None:
                return
        self.session.set_answer(pack_id, step_id, table)
        self.changed()

    def _step(self, pack_id: str, step_id: str) -> Any:
        for pack in self.packs:
            if pack.id == pack_id:
                return next((s for s in pack.steps if s.id == step_id), None)
        return None

    def _is_sealed(self, pack_id: str, step_id: str) -> bool:
        step = self._step(pack_id, step_id)
        return step is not None and is_sealed(step)

    def _options(self, pack_id: str, step_id: str) -> list[str] | None:
        return getattr(self._step(pack_id, step_id), "options", None)

    def _seal(self, pack_id: str, step_id: str, table: Any) -> None:
        """Hold a change to a sealed answer for the notes file, or drop it when nobody may keep
        it. Only a partner whose answer changed gave one."""
        if not self.keeps_sealed or not isinstance(table, dict):
            return
        at = self.now()
        for key in PARTNER_KEYS:
            if key not in table or self._last_sealed.get((pack_id, step_id, key)) == table[key]:
                continue
            value = copy.deepcopy(table[key])
            self._last_sealed[(pack_id, step_id, key)] = value
            self._sealed.append((pack_id, step_id, key, value, at))
            if asks_for_care(pack_id, step_id, value, self._options(pack_id, step_id)):
                self._care_at = self._care_at or at
        self.changed()

    def move(self, pack_id: str, step_id: str, phase: str | None) -> None:
        """Remember where the couple is, for resuming, and add the move to the trail (the
        first of a sitting too, where the session was left)."""
        from workbook.data.models import Position

        if self.read_only:
            return
        here = Position(pack=pack_id, step=step_id, phase=phase)
        if self.session.position == here and self._arrived:
            return
        self._arrived = True
        self.session.position = here
        at = self.now()
        self.arrived_at = self.arrived_at or at
        self.session.trail.append(trail.entry(at, pack_id, step_id, phase))
        self.changed()

    def leave(self) -> None:
        """Mark on the trail that the couple left the session where it stands, to come back to
        it (a pause, or the window closing): the time until they return is not time spent, and
        a console watching says they have left. Nothing for a finished session, nor twice."""
        position = self.session.position
        if self.read_only or position is None or not self._arrived:
            return
        if self.session.finished is not None:
            return
        if self.session.trail and trail.is_pause(self.session.trail[-1]):
            return
        at = self.now()
        self.session.trail.append(
            trail.pause_entry(at, position.pack, position.step, position.phase)
        )
        self.changed()

    def finish(self) -> None:
        if not self.read_only:
            self.session.finished = self.now()
            self.changed()

    def end_now(self) -> list[str]:
        """Finish the session where it stands, before the end of its agenda: the trail's last
        entry marks the steps never reached. Returns them (``pack.step``)."""
        position = self.session.position
        if self.read_only or position is None:
            # Nowhere to mark (nothing was ever shown): an ordinary finish.
            self.finish()
            return []
        steps = [(pack.id, step.id) for pack in self.packs for step in pack.steps]
        missed = trail.not_reached(
            steps,
            trail.moves(self.session.trail),
            lambda pack, step: bool(self.session.answer(pack, step)),
        )
        at = self.now()
        self.session.trail.append(
            trail.ending_entry(at, position.pack, position.step, position.phase, missed)
        )
        self.session.finished = at
        self.changed()
        return missed

    def unfinish(self) -> None:
        """Take back a finish (or an early end) that could not be saved."""
        self.session.finished = None
        if self.session.trail and trail.is_ending(self.session.trail[-1]):
            self.session.trail.pop()

    def changed(self) -> None:
        """Note a change to the session that needs saving."""
        if self.read_only:
            return
        self._debounce.changed()

    @property
    def dirty(self) -> bool:
        return self._debounce.pending

    def due_in(self) -> float | None:
        """Seconds until the next save is due (0 or less: now), or None when all is saved."""
        return self._debounce.due_in()

    # Saving

    def save(self, *, stamp: bool = True) -> bool:
        """Save now. True when the session is saved (or read-only); False when the save failed,
        and ``failure`` says why."""
        if self.read_only:
            return True
        try:
            self._save_sealed()
            self.store.save_session(self.couple_id, self.session, stamp=stamp)
            self._raise_care()
        except SaveError as error:
            self.failure = error.why
            return False
        except OSError as error:
            self.failure = Words(AS_GIVEN, problem=OsProblem(error))
            return False
        self._debounce.saved()
        self._saved = _kept(self.session)
        self.saved_at = self.session.updated
        self.failure = None
        return True

    def _save_sealed(self) -> None:
        """Put the sealed answers held in memory into the notes file, under its own lock."""
        if self._sealed:
            pending = list(self._sealed)
            self.store.notes(self.couple_id, self.session.id).seal_all(pending)
            del self._sealed[: len(pending)]

    def _raise_care(self) -> None:
        """Once a sealed answer that asked for care is kept, raise the care flag on the case;
        until that is done, every save tries again, and says why it could not."""
        from workbook.data.care import raise_flag

        if self._care_at is None or self._sealed:
            return
        try:
            raise_flag(self.store, self.couple_id, self.session.id, self._care_at)
        except DataError as error:
            raise SaveError(error.path, error.problem) from error
        self._care_at = None

    def unsaved(self) -> Unsaved | None:
        """What would be lost by leaving now, or None when nothing would be: where the couple
        stands is not counted, only answers and notes."""
        if self.read_only or (self.failure is None and not self.dirty):
            return None
        sealed = {(pack, step) for pack, step, *_ in self._sealed}
        # A care flag not raised yet counts too: leaving would lose it.
        care = int(self._care_at is not None and not sealed)
        steps = _changes(self._saved, _kept(self.session)) + len(sealed) + care
        if not steps:
            return None
        return Unsaved(steps, self.saved_at, self.failure or NOT_YET)


def _kept(session: Session) -> dict[str, Any]:
    """A copy of what leaving must not lose: the answers and the notes."""
    notes = session.facilitator.notes if session.facilitator else ""
    return {"answers": copy.deepcopy(session.answers), "notes": notes}


def _changes(before: dict[str, Any], after: dict[str, Any]) -> int:
    """How many step answers (and notes) differ."""
    count = int(before["notes"] != after["notes"])
    old_packs, new_packs = before["answers"], after["answers"]
    for pack_id in set(old_packs) | set(new_packs):
        old, new = old_packs.get(pack_id, {}), new_packs.get(pack_id, {})
        if not isinstance(old, dict) or not isinstance(new, dict):
            count += old != new
            continue
        count += sum(old.get(step) != new.get(step) for step in set(old) | set(new))
    return count
