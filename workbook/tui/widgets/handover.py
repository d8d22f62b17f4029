"""The hand-over: the whole stage asks one partner to look away and the other to take over."""

from __future__ import annotations

from textual.widget import Widget
from textual.widgets import Static

from workbook.i18n.catalog import SOURCE_TRANSLATIONS, Translations
from workbook.logic.phases import HANDBACK, LOOKAWAY
from workbook.tui.plain import fill
from workbook.tui.widgets.button import Button


def handover(
    to_name: str,
    away_name: str,
    phase: str,
    ready: str,
    tr: Translations = SOURCE_TRANSLATIONS,
) -> list[Widget]:
    """The screen that passes the walk to ``to_name``: before the first private answer
    (``lookaway``), between the two (``handover``), or back to the first (``handback``);
    ``ready``: the key in force that says so."""
    _ = tr._
    if phase == LOOKAWAY:
        message = _(
            "This one is private. Pass the screen to [b]$to[/b].\n\n"
            "$away, please look away for a moment.\n\n"
            "$to, press $ready when you are ready."
        )
    elif phase == HANDBACK:
        message = _(
            "Pass the screen back to [b]$to[/b].\n\n"
            "$away, please look away for a moment.\n\n"
            "$to, press $ready when you are ready."
        )
    else:
        message = _(
            "Pass the screen to [b]$to[/b].\n\n"
            "$away, please look away for a moment.\n\n"
            "$to, press $ready when you are ready."
        )
    return [
        Static(fill(message, to=to_name, away=away_name, ready=ready), classes="handover"),
        # Only this button passes the screen: it says who is ready, and that partner presses it.
        Button(
            fill(_("I'm $to, and I'm ready"), to=to_name),
            id="ready",
            variant="primary",
            action="screen.ready",
        ),
    ]
