"""The TUI's registry of step kinds: for each kind, the module of its view.

Each module has one entry, ``build(context) -> list[Widget]``, that makes what the stage shows at
a place of that kind's step. The modules are imported when first used, so start-up loads none.
Adding a kind: its view module, and one line here (the core's registry is ``workbook/kinds.py``).
"""

from __future__ import annotations

import importlib
from typing import Protocol

from textual.widget import Widget

from workbook.i18n.catalog import Translations, speaking
from workbook.tui.steps.context import StepContext

VIEWS: dict[str, str] = {
    "read": "workbook.tui.steps.read",
    "text": "workbook.tui.steps.text",
    "scale": "workbook.tui.steps.scale",
    "choice": "workbook.tui.steps.choice",
    "rank": "workbook.tui.steps.rank",
    "guess": "workbook.tui.steps.guess",
    "chores": "workbook.tui.steps.chores",
    "requests": "workbook.tui.steps.requests",
    "listen": "workbook.tui.steps.listen",
    "agreement": "workbook.tui.steps.agreement",
}


class View(Protocol):
    def build(self, context: StepContext) -> list[Widget]: ...


def view(kind: str) -> View:
    """The view module of ``kind``."""
    module: View = importlib.import_module(VIEWS[kind])
    return module


def build(context: StepContext, tr: Translations | None = None) -> list[Widget]:
    """What the stage shows at ``context``'s place, made speaking ``tr`` (the couple's words:
    the core's offers, advice and lines are worded as the stage is made)."""
    if tr is None:
        return view(context.step.kind).build(context)
    with speaking(tr):
        return view(context.step.kind).build(context)
