"""Trying a pack while writing it: a session that follows the pack from one reload to the next.

``workbook try`` reloads the pack from disk whenever the author asks. The session keeps the
answers of the steps that still ask the same thing, and its place, so the author stays on the step
they were looking at. A step whose kind or options changed starts again, without its old answers,
whose shape may no longer fit.
"""

from __future__ import annotations

from typing import Any

from workbook.data.models import PackUse, Position, Session
from workbook.packs.models import Pack

# Keys that change only the words on screen: a step edited there keeps its answers and phase.
WORDING = frozenset({"title", "prompt", "help", "body"})


def shape(step: Any) -> dict[str, Any]:
    """What a step asks of the couple, without its wording."""
    dumped: dict[str, Any] = step.model_dump(exclude=set(WORDING))
    return dumped


def follow(session: Session, old: Pack | None, new: Pack, digest: str) -> None:
    """Fit ``session`` to ``new``, the pack as reloaded; ``old`` is the pack it was walking."""
    before = {step.id: step for step in old.steps} if old else {}
    answers = session.answers.get(old.id, {}) if old else {}
    kept = {
        step.id: answers[step.id]
        for step in new.steps
        if step.id in answers and step.id in before and shape(before[step.id]) == shape(step)
    }
    session.answers = {new.id: kept}
    session.agenda = [new.id]
    session.packs = {new.id: PackUse(title=new.title, digest=digest)}
    session.finished = None
    session.position = _place(session.position, old, new, before)


def _place(
    position: Position | None, old: Pack | None, new: Pack, before: dict[str, Any]
) -> Position:
    step_ids = [step.id for step in new.steps]
    if position is None or old is None:
        return Position(pack=new.id, step=step_ids[0])
    if position.step in step_ids:
        step = new.steps[step_ids.index(position.step)]
        earlier = before.get(position.step)
        phase = getattr(position, "phase", None)
        if phase is not None and earlier is not None and shape(earlier) == shape(step):
            return Position(pack=new.id, step=position.step, phase=phase)
        return Position(pack=new.id, step=position.step)
    # The step was renamed or removed: the step now at its place, or the last one.
    old_ids = [step.id for step in old.steps]
    index = old_ids.index(position.step) if position.step in old_ids else 0
    return Position(pack=new.id, step=step_ids[min(index, len(step_ids) - 1)])
