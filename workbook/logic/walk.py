"""The walk through a session's agenda, as pure data: where we are and where Next and Back go.

A place is a pack, a step and a phase; each kind's pack model names the rule of its phases
(``logic/phases.py``). Who answers first alternates from one step that both partners answer to
the next, so neither partner always leads.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from workbook.data.partners import other
from workbook.logic import phases as phase_rules
from workbook.logic.phases import (
    FIRST,
    HANDBACK,
    HANDOFFS,
    HANDOVER,
    LOOKAWAY,
    REVEAL,
    SEALED,
    SECOND,
    SHIELDS,
)
from workbook.packs.models import Pack

__all__ = [
    "FIRST",
    "HANDBACK",
    "HANDOFFS",
    "HANDOVER",
    "LOOKAWAY",
    "REVEAL",
    "SECOND",
    "Place",
    "Walk",
    "phases",
]


@dataclass(frozen=True)
class Place:
    """One screen of the walk."""

    pack: int
    step: int
    phase: str


def phases(step: Any) -> tuple[str, ...]:
    """The phases a step goes through."""
    return phase_rules.of(step)


class Walk:
    """Every place of an agenda, in order."""

    def __init__(self, packs: Sequence[Pack]) -> None:
        self.packs = list(packs)
        self.places: list[Place] = [
            Place(p, s, phase)
            for p, pack in enumerate(self.packs)
            for s, step in enumerate(pack.steps)
            for phase in phases(step)
        ]
        # Which partner answers first at each step that two partners answer, alternating.
        self._first: dict[tuple[int, int], str] = {}
        turn = 0
        for p, pack in enumerate(self.packs):
            for s, step in enumerate(pack.steps):
                if FIRST in phases(step) or phase_rules.takes_turns(step):
                    self._first[(p, s)] = "ab"[turn % 2]
                    turn += 1

    def step(self, place: Place) -> Any:
        return self.packs[place.pack].steps[place.step]

    def ids(self, place: Place) -> tuple[str, str]:
        """The pack and the step at ``place``, by id (where a note is written)."""
        return self.packs[place.pack].id, self.step(place).id

    def first_partner(self, place: Place) -> str:
        """``a`` or ``b``: who answers first at this place's step."""
        return self._first.get((place.pack, place.step), "a")

    def answering(self, place: Place) -> str | None:
        """Whose turn it is at ``place``: ``a``, ``b``, or None when both are at the screen."""
        first = self.first_partner(place)
        if place.phase in (FIRST, LOOKAWAY):
            return first
        if place.phase in (SECOND, HANDOVER):
            return other(first)
        if place.phase == HANDBACK:
            return first
        return None

    def index(self, place: Place) -> int:
        if place.phase == HANDBACK:
            place = Place(place.pack, place.step, HANDOVER)
        return self.places.index(place)

    def next(self, place: Place) -> Place | None:
        """The place after ``place``, or None at the end of the agenda."""
        if place.phase == HANDBACK:
            return Place(place.pack, place.step, FIRST)
        i = self.index(place) + 1
        return self.places[i] if i < len(self.places) else None

    def back(self, place: Place) -> Place | None:
        """The place before ``place``, or None at the start.

        Going back from the second partner's turn never lands on the first partner's private
        answer: it goes to the hand-over, which hides the screen until the first partner is
        ready. Going back from the screen both see after a sealed step goes to the hand-over
        too, so the second partner answers again alone.
        """
        if place.phase == HANDBACK:
            return Place(place.pack, place.step, SECOND)
        i = self.index(place)
        if i == 0:
            return None
        previous = self.places[i - 1]
        if place.phase == SECOND and previous.phase == HANDOVER:
            return Place(place.pack, place.step, HANDBACK)
        if place.phase == SEALED and previous.phase in SHIELDS:
            return Place(previous.pack, previous.step, SHIELDS[previous.phase])
        return previous

    def start_of_step(self, pack: int, step: int) -> Place:
        return Place(pack, step, phases(self.packs[pack].steps[step])[0])

    def find(self, pack_id: str, step_id: str, phase: str | None) -> Place:
        """The place a saved position names, or the start of the agenda if it names none."""
        for p, pack in enumerate(self.packs):
            if pack.id != pack_id:
                continue
            for s, step in enumerate(pack.steps):
                if step.id == step_id:
                    if phase in phases(step) or (phase == HANDBACK and HANDOVER in phases(step)):
                        return Place(p, s, phase)
                    return self.start_of_step(p, s)
        return self.places[0]

    def resume(self, position: Any) -> Place:
        """The place a saved position names (pack, step, phase), or the start of the agenda.

        A private turn resumes behind the screen that hides it, since whoever is at the screen
        now may not be the partner whose turn it was.
        """
        if position is None:
            return self.places[0]
        place = self.find(position.pack, position.step, getattr(position, "phase", None))
        shield = SHIELDS.get(place.phase)
        if shield is not None and shield in phases(self.step(place)):
            return Place(place.pack, place.step, shield)
        return place

    @staticmethod
    def is_handoff(place: Place) -> bool:
        """True at a screen that only the partner it names may pass."""
        return place.phase in HANDOFFS

    def progress(self, place: Place) -> tuple[int, int, int, int]:
        """(pack number, pack count, step number, step count), counted from 1."""
        pack = self.packs[place.pack]
        return place.pack + 1, len(self.packs), place.step + 1, len(pack.steps)
