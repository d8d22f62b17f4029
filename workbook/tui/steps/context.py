"""What a step's view is given to build itself: the step, its answer, and who is at the screen."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from workbook.data.models import Session
from workbook.data.partners import other
from workbook.i18n.said import Words
from workbook.kinds import spec
from workbook.logic.phases import is_sealed
from workbook.logic.walk import Place, Walk
from workbook.packs.models import Pack


@dataclass(frozen=True)
class StepContext:
    """One place of the walk, as a view needs it. Views read it and post messages; they never
    change it, nor the session in it."""

    pack: Pack
    step: Any
    phase: str
    answer: Any  # the step's typed answer (workbook/data/answers)
    names: dict[str, str]
    first: str  # who answers first at this step: a or b
    answering: str | None  # whose turn it is now, or None when both look at the screen
    session: Session
    today: date
    # The couple's earlier sessions, loaded only by the views that ask for them.
    earlier: Callable[[], list[Session]] = field(default=list)
    read_only: bool = False
    # Who keeps the answers of a sealed step (the couple's facilitator), or None: nobody.
    kept_by: str | None = None
    # The partner on this device, when each partner has a device of their own (the apart
    # walk): a view lets them make only their own moves. None at one screen.
    seat: str | None = None

    def mine(self, key: str) -> bool:
        """True when the move of partner ``key`` may be made on this device."""
        return self.seat in (None, key)

    @property
    def key(self) -> str:
        """The answer key at this place: a, b, or together."""
        if getattr(self.step, "answer", None) == "together":
            return "together"
        return self.answering or "together"

    def other(self, key: str) -> str:
        return other(key)

    def me_and_partner(self) -> tuple[str, str]:
        """The names to put for {me} and {partner} at this place."""
        key = self.answering or self.first
        return self.names.get(key, ""), self.names.get(self.other(key), "")

    @property
    def where(self) -> str:
        return f"{self.pack.id}.{self.step.id}"


def at_place(
    walk: Walk,
    place: Place,
    session: Session,
    names: dict[str, str],
    today: date,
    earlier: Callable[[], list[Session]],
    problems: list[Words],
) -> StepContext:
    """The context of ``place``; what cannot be read of its saved answer goes to ``problems``."""
    pack, step = walk.packs[place.pack], walk.step(place)
    where = f"answers.{pack.id}.{step.id}"
    # A sealed answer is never read back from the couple's file, whatever a hand edit put there:
    # each private turn starts empty. Any other is read whatever its shape, so that one that is
    # not a table is warned about ("it is read as no answer") and kept (as_found.py).
    table = {} if is_sealed(step) else session.found_answer(pack.id, step.id)
    return StepContext(
        pack=pack,
        step=step,
        phase=place.phase,
        answer=spec(step).read(table, problems, where),
        names=names,
        first=walk.first_partner(place),
        answering=walk.answering(place),
        session=session,
        today=today,
        earlier=earlier,
    )
