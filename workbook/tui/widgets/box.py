"""A one-line box for typing: moving into it never selects its text, so the next key adds to
what is there instead of replacing it (a guess or a name was lost that way), and its cursor
blinks as the app's others do (not in tests)."""

from __future__ import annotations

from typing import Any

from textual.widgets import Input

from workbook.tui.widgets.blink import cursor_blink


class Box(Input):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["select_on_focus"] = False
        super().__init__(*args, **kwargs)
        self.cursor_blink = cursor_blink()
