"""Both answers side by side, with what the kind compares: scale gaps, shared picks, ranks.

The two columns get the same width, with the partner who answered first on the left; on a
narrow terminal they stack.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Label, Static

from workbook.logic.compare import compare_choice, compare_rank, compare_scale
from workbook.tui.plain import fill, line
from workbook.tui.widgets.answers import answer_content, values_of

NARROW = 64


class Reveal(Widget):
    DEFAULT_CSS = """
    Reveal { height: auto; }
    Reveal #columns { height: auto; }
    Reveal .card { width: 1fr; height: auto; border: round $panel-lighten-2; padding: 0 1; }
    Reveal.narrow #columns { layout: vertical; }
    Reveal .compare { margin-top: 1; height: auto; }
    """

    def __init__(self, step: Any, table: dict[str, Any], names: dict[str, str], first: str):
        super().__init__()
        self.step = step
        self.values = values_of(step, table)
        self.names = names
        self.order = (first, "b" if first == "a" else "a")

    def compose(self) -> ComposeResult:
        flagged = self._flagged()
        with Horizontal(id="columns"):
            for key in self.order:
                with Vertical(classes=f"card partner-{key}"):
                    yield Label(line(self.names[key]), classes=f"name partner-{key}")
                    yield Static(answer_content(self.step, self.values.get(key), flagged))
        yield Static(self._comparison(), classes="compare")

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width < NARROW, "narrow")

    def _flagged(self) -> set[str]:
        if self.step.kind != "scale":
            return set()
        rows = compare_scale(
            self.step.items, self.values.get("a"), self.values.get("b"), self.step.gap
        )
        return {row.item for row in rows if row.flagged and row.item}

    def _comparison(self) -> Content:
        a, b = self.values.get("a"), self.values.get("b")
        names = self.names
        kind = self.step.kind
        if a is None or b is None:
            return Content("")
        if kind == "scale":
            rows = compare_scale(self.step.items, a, b, self.step.gap)
            flagged = [r for r in rows if r.flagged]
            if not flagged:
                return Content("No big differences here." if self.step.gap else "")
            lines = [
                fill(
                    f"⚑ $item: $a {r.a}, $b {r.b}: {r.apart} apart, worth talking about",
                    item=r.item or "Your answers",
                    a=names["a"],
                    b=names["b"],
                )
                for r in flagged
            ]
            return Content("\n").join(lines).stylize("bold")
        if kind == "choice":
            compared = compare_choice(a, b)
            return Content("\n").join(
                [
                    fill("Both of you: $x", x=", ".join(compared.shared) or "none"),
                    fill("Only $n: $x", n=names["a"], x=", ".join(compared.only_a) or "none"),
                    fill("Only $n: $x", n=names["b"], x=", ".join(compared.only_b) or "none"),
                ]
            )
        if kind == "rank":
            ranked = compare_rank(a, b)
            if not ranked:
                return Content("Your lists have nothing in common.")
            parts = [
                fill(f"$item ($a #{r.a}, $b #{r.b})", item=r.item, a=names["a"], b=names["b"])
                for r in ranked
            ]
            return Content("In both lists: ") + Content(", ").join(parts)
        return Content("")
