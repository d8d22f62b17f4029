"""The app's button: every Enter on it presses it.

Textual's Button ignores a press that comes within 0.2 s of the one before, while it shows
itself pressed. Two Enters a moment apart on the same button (the listening step's "I have
said it", for each speaker in turn) then did one thing or two by their speed. A key on this
button always presses it; a double click is still one press (the click that completes it is
the second of a chain, which is not a new press).
"""

from __future__ import annotations

from textual import events
from textual.widgets import Button as TextualButton


class Button(TextualButton):
    def action_press(self) -> None:
        self.press()

    async def _on_click(self, event: events.Click) -> None:
        event.stop()
        if event.chain == 1:
            self.press()
