"""The parts of a step, and which of them each kind goes through.

A place in the walk is a pack, a step and a phase. Each-private steps go look-away (the screen
passes to the first partner), first partner, hand-over, second partner, reveal; each-open steps
go first, second, reveal; together steps and kinds that run themselves have one phase; chores
has its own.
"""

from __future__ import annotations

from typing import Any

FIRST, HANDOVER, SECOND, REVEAL, ONLY = "first", "handover", "second", "reveal", "only"
# Handing the screen back to the first partner, when the second goes back to their turn.
HANDBACK = "handback"
# Before the first private answer: the screen passes to the first partner, the other looks away.
LOOKAWAY = "lookaway"
# The screens that only the partner they name may pass, by their own confirmation.
HANDOFFS = frozenset({LOOKAWAY, HANDOVER, HANDBACK})
# The private turns, and the screen that hides each when the walk comes back to it.
SHIELDS = {FIRST: LOOKAWAY, SECOND: HANDOVER}
# A chores step: the task list together, private weights, then the split together.
LIST, SPLIT = "list", "split"

EACH_PRIVATE = (LOOKAWAY, FIRST, HANDOVER, SECOND, REVEAL)
EACH_OPEN = (FIRST, SECOND, REVEAL)
ONE = (ONLY,)
CHORES = (LIST, LOOKAWAY, FIRST, HANDOVER, SECOND, SPLIT)


def by_answer_mode(step: Any) -> tuple[str, ...]:
    """The phases of a step that each partner answers, by its ``answer`` mode."""
    mode = getattr(step, "answer", "each-private")
    if mode == "together":
        return ONE
    return EACH_PRIVATE if mode == "each-private" else EACH_OPEN


def always_private(step: Any) -> tuple[str, ...]:
    return EACH_PRIVATE


def one(step: Any) -> tuple[str, ...]:
    return ONE


def chores(step: Any) -> tuple[str, ...]:
    return CHORES
