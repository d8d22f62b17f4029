"""Put options in order, most important first: move the highlighted one with [ and ]."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from workbook.text import clean_line
from workbook.tui.plain import fill
from workbook.tui.steps.base import StepInput


class RankList(OptionList):
    BINDINGS = [
        Binding("left_square_bracket,shift+up", "move(-1)", "Move up", key_display="["),
        Binding("right_square_bracket,shift+down", "move(1)", "Move down", key_display="]"),
    ]

    def action_move(self, step: int) -> None:
        parent = self.parent
        if isinstance(parent, RankInput) and self.highlighted is not None:
            parent.move(self.highlighted, step)


class RankInput(StepInput):
    DEFAULT_CSS = """
    RankInput RankList { height: auto; max-height: 16; }
    RankInput .legend { color: $text-muted; }
    """

    def __init__(self, step: Any, value: Any, options: list[str], *, id: str | None = None):
        super().__init__(step, value, id=id)
        known = [clean_line(v) for v in value] if isinstance(value, list) else []
        kept = [v for v in known if v in options]
        self.order = kept + [v for v in options if v not in kept]

    def compose(self) -> ComposeResult:
        if not self.order:
            yield Static("There is nothing to put in order here.", markup=False)
            return
        yield Static(
            "Highlight a line with ↑ ↓, then move it with [ (up) and ] (down).",
            classes="legend",
            markup=False,
        )
        yield RankList(*self._options())

    def _options(self) -> list[Option]:
        return [
            Option(fill("$n. $item", n=str(i), item=item)) for i, item in enumerate(self.order, 1)
        ]

    def move(self, index: int, step: int) -> None:
        target = index + step
        if not 0 <= target < len(self.order):
            return
        self.order[index], self.order[target] = self.order[target], self.order[index]
        ranks = self.query_one(RankList)
        ranks.clear_options()
        ranks.add_options(self._options())
        ranks.highlighted = target
        self.changed()

    def current(self) -> list[str]:
        return list(self.order)

    def focus_input(self) -> None:
        if self.order:
            self.query_one(RankList).focus()
