"""The hand-over: the whole stage asks one partner to look away and the other to take over."""

from __future__ import annotations

from textual.widget import Widget
from textual.widgets import Button, Static

from workbook.tui.plain import fill


def handover(to_name: str, away_name: str, back: bool) -> list[Widget]:
    """``back`` when the screen goes back to the partner who answered first."""
    verb = "back to" if back else "to"
    message = fill(
        f"Pass the screen {verb} [b]$to[/b].\n\n"
        "$away, please look away for a moment.\n\n"
        "$to, press Enter when you are ready.",
        to=to_name,
        away=away_name,
    )
    return [
        Static(message, classes="handover"),
        Button(
            fill("I'm $to, and I'm ready", to=to_name),
            id="ready",
            variant="primary",
            action="screen.next",
        ),
    ]
