"""Both answers side by side, and under them what the kind compares.

The two columns get the same width. Each partner keeps their own side, as in the bar at the
top: the first partner on the left (on the right on a right-to-left screen, ``tui/mirror.py``),
whoever answered first. On a narrow terminal they stack.
What each card shows and the comparison come from the kind's view.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Label, Static

from workbook.tui.plain import line
from workbook.tui.widgets.laid_out import LaidOut

NARROW = 64


class Reveal(Widget):
    DEFAULT_CSS = """
    Reveal { height: auto; }
    Reveal #columns { height: auto; }
    Reveal .card { width: 1fr; height: auto; border: round $panel-lighten-2; padding: 0 1; }
    Reveal.narrow #columns { layout: vertical; }
    Reveal .compare { margin-top: 1; height: auto; }
    """

    def __init__(
        self, names: dict[str, str], first: str, cards: dict[str, Content], comparison: Content
    ) -> None:
        super().__init__()
        self.names = names
        # ``first`` (who answered first) changes nothing here: each keeps their own side.
        self.order = ("a", "b")
        self.cards = cards
        self.comparison = comparison

    def compose(self) -> ComposeResult:
        with Horizontal(id="columns"):
            for key in self.order:
                with Vertical(classes=f"card partner-{key}"):
                    yield Label(line(self.names[key]), classes=f"name partner-{key}")
                    # An answer in Arabic reads right in any terminal: laid out by the app.
                    yield LaidOut(self.cards[key])
        yield Static(self.comparison, classes="compare")

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width < NARROW, "narrow")
