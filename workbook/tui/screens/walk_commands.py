"""The walk's own commands in the command palette: "Go to step", for every step of the
session's packs (the others come from the action table, ``tui/actions.py``)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from workbook.i18n.catalog import SOURCE_TRANSLATIONS, Translations
from workbook.logic.walk import Walk

Command = tuple[str, Callable[[], Any], str]


def go_to_step(
    walk: Walk, go: Callable[[int, int], Any], tr: Translations = SOURCE_TRANSLATIONS
) -> list[Command]:
    """A command for each step of ``walk``'s packs; ``go(pack, step)`` goes there."""
    found: list[Command] = []
    for p, pack in enumerate(walk.packs):
        for s, step in enumerate(pack.steps):
            title = tr._("Go to step: {pack} › {step}").format(
                pack=pack.title, step=step.title or step.id
            )
            where = tr._("Step {step} of {steps}").format(step=s + 1, steps=len(pack.steps))
            found.append((title, partial(go, p, s), where))
    return found
