"""The walk's own commands in the command palette: "Go to step", for every step of the
session's packs (the others come from the action table, ``tui/actions.py``)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from workbook.logic.walk import Walk

Command = tuple[str, Callable[[], Any], str]


def go_to_step(walk: Walk, go: Callable[[int, int], Any]) -> list[Command]:
    """A command for each step of ``walk``'s packs; ``go(pack, step)`` goes there."""
    found: list[Command] = []
    for p, pack in enumerate(walk.packs):
        for s, step in enumerate(pack.steps):
            title = f"Go to step: {pack.title} › {step.title or step.id}"
            found.append((title, partial(go, p, s), f"Step {s + 1} of {len(pack.steps)}"))
    return found
