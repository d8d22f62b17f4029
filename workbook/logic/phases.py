"""The parts of a step, and which of them each kind goes through.

A place in the walk is a pack, a step and a phase. Each-private steps go look-away (the screen
passes to the first partner), first partner, hand-over, second partner, reveal; each-open steps
go first, second, reveal; each-sealed steps go like each-private steps, but end on a screen that
shows nothing of either answer (``sealed``), the same whatever was answered; together steps and
kinds that run themselves have one phase; chores has its own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from workbook.packs.rules import SEALED as SEALED_MODE

FIRST, HANDOVER, SECOND, REVEAL, ONLY = "first", "handover", "second", "reveal", "only"
# Handing the screen back to the first partner, when the second goes back to their turn.
HANDBACK = "handback"
# Before the first private answer: the screen passes to the first partner, the other looks away.
LOOKAWAY = "lookaway"
# The screens that only the partner they name may pass, by their own confirmation.
HANDOFFS = frozenset({LOOKAWAY, HANDOVER, HANDBACK})
# The private turns, and the screen that hides each when the walk comes back to it.
SHIELDS = {FIRST: LOOKAWAY, SECOND: HANDOVER}
# After an each-sealed step: both look at the screen again, and nothing of the answers shows.
SEALED = "sealed"
# A chores step: the task list together, private weights, then the split together.
LIST, SPLIT = "list", "split"

EACH_PRIVATE = (LOOKAWAY, FIRST, HANDOVER, SECOND, REVEAL)
EACH_SEALED = (LOOKAWAY, FIRST, HANDOVER, SECOND, SEALED)
EACH_OPEN = (FIRST, SECOND, REVEAL)
ONE = (ONLY,)
CHORES = (LIST, LOOKAWAY, FIRST, HANDOVER, SECOND, SPLIT)


def by_answer_mode(step: Any) -> tuple[str, ...]:
    """The phases of a step that each partner answers, by its ``answer`` mode."""
    mode = getattr(step, "answer", "each-private")
    if mode == "together":
        return ONE
    if mode == SEALED_MODE:
        return EACH_SEALED
    return EACH_PRIVATE if mode == "each-private" else EACH_OPEN


def is_sealed(step: Any) -> bool:
    """True for a step whose answers are sealed: never shown to the partner, never in the
    couple's files (only a facilitator's notes file keeps them)."""
    return getattr(step, "answer", None) == SEALED_MODE


def always_private(step: Any) -> tuple[str, ...]:
    return EACH_PRIVATE


def one(step: Any) -> tuple[str, ...]:
    return ONE


def chores(step: Any) -> tuple[str, ...]:
    return CHORES


# Each kind's pack model names its rule (``KindRules.phases``), so no kind is named here.
RULES: dict[str, Callable[[Any], tuple[str, ...]]] = {
    "one": one,
    "by answer mode": by_answer_mode,
    "always private": always_private,
    "chores": chores,
}


def of(step: Any) -> tuple[str, ...]:
    """The phases ``step`` goes through, by the rule its kind's pack model names."""
    return RULES[step.rules.phases](step)


def takes_turns(step: Any) -> bool:
    """True for a step whose partners take turns inside its one phase, so someone starts."""
    return bool(step.rules.takes_turns)
