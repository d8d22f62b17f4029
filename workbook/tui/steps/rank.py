"""Put options in order, most important first: move the highlighted one with [ and ], or with
the Move up and Move down buttons (a phone has no [ or ])."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from workbook.i18n.catalog import _, pgettext
from workbook.logic.compare import compare_rank
from workbook.text import clean_line
from workbook.tui.actions import bindings
from workbook.tui.host import key_of, tr_of
from workbook.tui.plain import fill
from workbook.tui.steps.answered import answered
from workbook.tui.steps.base import ValueInput
from workbook.tui.steps.context import StepContext
from workbook.tui.widgets.button import Button


def build(context: StepContext) -> list[Widget]:
    return answered(context, RankInput, show, compare)


def show(step: Any, value: Any) -> Content:
    if not value:
        return Content(_("(no answer)"))
    return Content("\n").join(fill(f"{i}. $x", x=x) for i, x in enumerate(value, 1))


def compare(context: StepContext) -> Content:
    """The items both ranked, with both places."""
    a, b, names = context.answer.a, context.answer.b, context.names
    if a is None or b is None:
        return Content("")
    ranked = compare_rank(a, b)
    if not ranked:
        return Content(_("Your lists have nothing in common."))
    parts = [
        fill(f"$item ($a #{r.a}, $b #{r.b})", item=r.item, a=names["a"], b=names["b"])
        for r in ranked
    ]
    return Content(_("In both lists: ")) + Content(pgettext("list", ", ")).join(parts)


def options_for(context: StepContext) -> list[str]:
    """What this answerer puts in order: the step's options, or their own picks at the choice
    step it names (both partners' picks, for a together answer)."""
    step, key = context.step, context.key
    if step.options:
        return list(step.options)
    picked = context.session.answer(context.pack.id, step.options_from)
    mine = picked.get(key)
    if key == "together" and not isinstance(mine, list):
        merged = [*_texts(picked.get("a")), *_texts(picked.get("b"))]
        return list(dict.fromkeys(merged))
    return _texts(mine)


def _texts(value: Any) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


class RankList(OptionList):
    # The line above the list says these keys; in the footer they pushed out Quit and Help.
    BINDINGS = bindings("rank")

    @dataclass
    class Moved(Message):
        """Move the line at ``index`` by ``step`` (-1 up, 1 down)."""

        index: int
        step: int

    def action_move(self, step: int) -> None:
        if self.highlighted is not None:
            self.post_message(self.Moved(self.highlighted, step))


class RankInput(ValueInput):
    DEFAULT_CSS = """
    RankInput RankList { height: auto; max-height: 16; }
    RankInput .legend { color: $text-muted; }
    RankInput .moves { height: auto; }
    RankInput .moves Button { margin-right: 1; }
    """

    def __init__(self, context: StepContext, *, id: str | None = None):
        super().__init__(context, id=id)
        value, options = self.initial, options_for(context)
        known = [clean_line(v) for v in value] if isinstance(value, list) else []
        kept = [v for v in known if v in options]
        self.order = kept + [v for v in options if v not in kept]

    def compose(self) -> ComposeResult:
        tr = tr_of(self)
        if not self.order:
            yield Static(tr._("There is nothing to put in order here."), markup=False)
            return
        yield Static(
            tr._(
                "Highlight a line with {up} {down}, then move it with {earlier} (up) and "
                "{later} (down)."
            ).format(
                up=key_of(self, "list.up"),
                down=key_of(self, "list.down"),
                earlier=key_of(self, "rank.move-up"),
                later=key_of(self, "rank.move-down"),
            ),
            classes="legend",
            markup=False,
        )
        yield RankList(*self._options())
        with Horizontal(classes="moves"):
            yield Button(tr._("Move up"), id="rank-up", compact=True)
            yield Button(tr._("Move down"), id="rank-down", compact=True)

    @on(Button.Pressed, "#rank-up, #rank-down")
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        ranks = self.query_one(RankList)
        if ranks.highlighted is not None:
            self.move(ranks.highlighted, -1 if event.button.id == "rank-up" else 1)

    def _options(self) -> list[Option]:
        return [
            Option(fill("$n. $item", n=str(i), item=item)) for i, item in enumerate(self.order, 1)
        ]

    def on_mount(self) -> None:
        # The order shown is an answer too, even before anything is moved.
        if self.order and self.initial != self.order:
            self.report()

    @on(RankList.Moved)
    def _moved(self, event: RankList.Moved) -> None:
        event.stop()
        self.move(event.index, event.step)

    def move(self, index: int, step: int) -> None:
        target = index + step
        if not 0 <= target < len(self.order):
            return
        self.order[index], self.order[target] = self.order[target], self.order[index]
        ranks = self.query_one(RankList)
        ranks.clear_options()
        ranks.add_options(self._options())
        ranks.highlighted = target
        self.report()

    def value(self) -> list[str]:
        return list(self.order)

    def focus_target(self) -> Widget | None:
        return self.query_one(RankList) if self.order else None
