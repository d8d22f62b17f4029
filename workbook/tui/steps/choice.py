"""Pick options from a list, within the step's limits, with an optional write-in.

Picked options are marked [x] as well as highlighted, so colour is never the only sign.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from workbook.data.answers.choice import ChoiceAnswer
from workbook.i18n.catalog import _, pgettext
from workbook.logic.compare import compare_choice
from workbook.text import clean_line
from workbook.tui.actions import bindings
from workbook.tui.host import key_of, tr_of
from workbook.tui.plain import fill, line
from workbook.tui.steps.answered import answered
from workbook.tui.steps.base import ValueInput
from workbook.tui.steps.context import StepContext
from workbook.tui.widgets.box import Box


class ChoiceList(OptionList):
    BINDINGS = bindings("choice")


def build(context: StepContext) -> list[Widget]:
    return answered(context, ChoiceInput, show, compare)


def show(step: Any, value: Any) -> Content:
    if not value:
        return Content(_("(no answer)"))
    return Content("\n").join(fill("• $x", x=x) for x in value)


def compare(context: StepContext) -> Content:
    """What both picked, and what only one of them did."""
    a, b, names = context.answer.a, context.answer.b, context.names
    if a is None or b is None:
        return Content("")
    if context.step.pick_max == 1:
        # One pick each: the same one, or two different ones; never "both: none".
        if set(a) == set(b):
            return fill(_("You both chose $x."), x=pgettext("list", ", ").join(a) or _("nothing"))
        return fill(
            _("You chose differently: $n chose $x, $m chose $y."),
            n=names["a"],
            x=pgettext("list", ", ").join(a) or _("nothing"),
            m=names["b"],
            y=pgettext("list", ", ").join(b) or _("nothing"),
        )
    compared = compare_choice(a, b)
    return Content("\n").join(
        [
            fill(_("Both of you: $x"), x=pgettext("list", ", ").join(compared.shared) or _("none")),
            fill(
                _("Only $n: $x"),
                n=names["a"],
                x=pgettext("list", ", ").join(compared.only_a) or _("none"),
            ),
            fill(
                _("Only $n: $x"),
                n=names["b"],
                x=pgettext("list", ", ").join(compared.only_b) or _("none"),
            ),
        ]
    )


class ChoiceInput(ValueInput):
    DEFAULT_CSS = """
    ChoiceInput ChoiceList { height: auto; max-height: 17; }
    ChoiceInput .legend { color: $text-muted; }
    ChoiceInput Input { margin-top: 1; }
    """

    def __init__(self, context: StepContext, *, id: str | None = None) -> None:
        super().__init__(context, id=id)
        step, value = self.step, self.initial
        chosen = [clean_line(v) for v in value] if isinstance(value, list) else []
        # In the order they were picked.
        self.picked = [v for v in chosen if v in step.options]
        self.write_in = next((v for v in chosen if v not in step.options), "")

    def compose(self) -> ComposeResult:
        step = self.step
        tr = tr_of(self)
        keys = {"enter": key_of(self, "list.select"), "space": key_of(self, "choice.select")}
        if step.pick_max == 1 and step.other:
            hint = tr._("Choose one with {enter} or {space}, or write your own.").format(**keys)
        elif step.pick_max == 1:
            hint = tr._("Choose one with {enter} or {space}.").format(**keys)
        else:
            hint = tr._("Choose {low} to {high} with {enter} or {space}.").format(
                low=max(step.pick_min, 1), high=step.pick_max, **keys
            )
        yield Static(hint, classes="legend", markup=False)
        yield ChoiceList(*self._options())
        if step.other:
            other = Box(
                self.write_in,
                placeholder=tr._("Something else? Type it here (optional)"),
                max_length=200,
            )
            yield other

    def _options(self) -> list[Option]:
        return [
            Option(Content.assemble("[x] " if option in self.picked else "[ ] ", line(option)))
            for option in self.step.options
        ]

    def _written(self) -> str:
        return clean_line(self.query_one(Input).value) if self.step.other else ""

    def value(self) -> list[str]:
        return ChoiceAnswer.chosen(self.step, self.picked, self._written())

    def _show_picks(self, highlight: int | None = None) -> None:
        listing = self.query_one(ChoiceList)
        keep = listing.highlighted if highlight is None else highlight
        listing.clear_options()
        listing.add_options(self._options())
        listing.highlighted = keep

    @on(OptionList.OptionSelected)
    def _toggled(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        value = self.step.options[event.option_index]
        if value in self.picked:
            self.picked.remove(value)
        elif self.step.pick_max == 1:
            self.picked = [value]
            if self._written():
                # One pick: the option picked now replaces what was written in.
                with self.prevent(Input.Changed):
                    self.query_one(Input).value = ""
        elif len(self.value()) >= self.step.pick_max:
            said = tr_of(self)._("You can pick up to {count}. Unpick one first.")
            self.notify(said.format(count=self.step.pick_max), markup=False)
            return
        else:
            self.picked.append(value)
        self._show_picks(event.option_index)
        self.report()

    @on(Input.Changed)
    def _other_typed(self, event: Input.Changed) -> None:
        event.stop()
        if self.picked and self.value() == [self._written()]:
            # One pick: what is written in replaces the option picked (``ChoiceAnswer``).
            self.picked = []
            self._show_picks()
        self.report()

    def focus_target(self) -> Widget | None:
        return self.query_one(ChoiceList)
