"""A scale: one row per item (or one for the prompt), each a number from min to max.

Left and right, or a digit, choose the number; up and down move between rows. The chosen number
is shown in brackets as well as highlighted, so colour is never the only sign.
"""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Static

from workbook.i18n.bidi import base_rtl, visual
from workbook.i18n.catalog import _
from workbook.logic.compare import compare_scale
from workbook.packs.models import point_label
from workbook.text import clean_line, one_width, wrap
from workbook.tui.actions import bindings
from workbook.tui.follow import show_span
from workbook.tui.host import key_of, tr_of
from workbook.tui.mirror import arrow, mirrored_screen, pointing
from workbook.tui.plain import fill
from workbook.tui.steps.answered import answered
from workbook.tui.steps.base import ValueInput
from workbook.tui.steps.context import StepContext

LABEL_WIDTH = 30
CELL = 4


class ScaleRow(Widget, can_focus=True):
    """One rated line."""

    DEFAULT_CSS = """
    ScaleRow { height: auto; width: 1fr; }
    ScaleRow:focus { background: $boost; text-style: bold; }
    """
    BINDINGS = bindings("scale")

    value: reactive[int | None] = reactive(None)

    class Rated(Message):
        def __init__(self, row: ScaleRow) -> None:
            super().__init__()
            self.row = row

    def __init__(
        self, item: str | None, low: int, high: int, value: int | None, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.item = item
        self.low, self.high = low, high
        self.set_reactive(ScaleRow.value, value)

    @property
    def LAYS_OUT_ITSELF(self) -> bool:
        """On a mirrored screen the row is drawn from the right by ``_mirrored``, which knows
        where each number is; elsewhere its text is drawn as every widget's is."""
        return mirrored_screen(self)

    def _label(self) -> str:
        return one_width(clean_line(self.item or tr_of(self)._("Your answer")))

    def _numbers_at(self) -> tuple[int, int, int]:
        """Where the numbers are: (the line, the column they start at, the cells of each).
        Beside the label when there is room; on a narrow screen (a phone), on a line of their
        own under it, each as wide as fits, so that every number can be tapped. On a mirrored
        screen the column is where the lowest number's cell ends, counted from the right."""
        count = self.high - self.low + 1
        width = self.size.width or LABEL_WIDTH + CELL * count
        if width >= LABEL_WIDTH + CELL * count:
            return 0, LABEL_WIDTH, CELL
        lines = wrap(self._label(), max(width - 1, 8))
        return len(lines), 0, max(3, min(CELL, width // count))

    def number_x(self, number: int) -> int:
        """The column of ``number``'s cell in the row, as it is drawn."""
        _, start, cell = self._numbers_at()
        if mirrored_screen(self):
            width = self.size.width or start + CELL * (self.high - self.low + 1)
            return width - start - cell * (number - self.low + 1)
        return start + cell * (number - self.low)

    def _cells(self, cell: int) -> list[Content | str]:
        """Each number's cell, lowest first; on a mirrored screen a cell's odd space is on its
        left, so the number nearest the label is as near as on a left-to-right screen."""
        mirrored = mirrored_screen(self)

        def centred(text: str) -> str:
            room = max(cell - len(text), 0)
            left = room - room // 2 if mirrored else room // 2
            return " " * left + text + " " * (room - left)

        numbers: list[Content | str] = []
        for number in range(self.low, self.high + 1):
            if number == self.value:
                numbers.append(Content.styled(centred(f"[{number}]"), "reverse bold"))
            else:
                numbers.append(centred(f" {number} "))
        return numbers

    def render(self) -> Content:
        if mirrored_screen(self):
            return self._mirrored()
        # A long label wraps in its own column, so the whole of it can be read; the numbers
        # stay on its first line.
        label = self._label()
        row, _, cell = self._numbers_at()
        numbers = self._cells(cell)
        if row:
            above = [Content(line) for line in wrap(label, max(self.size.width - 1, 8))]
            return Content("\n").join([*above, Content.assemble(*numbers)])
        # Wrapped by cells, not characters: a Chinese label's line is as wide as an English one.
        lines = wrap(label, LABEL_WIDTH - 1)
        first = Content(lines[0])
        # Padded by the cells it takes on screen, so the numbers line up under wide characters.
        parts: list[Content | str] = [first, " " * max(LABEL_WIDTH - first.cell_length, 1)]
        rest = [Content(line) for line in lines[1:]]
        return Content("\n").join([Content.assemble(*parts, *numbers), *rest])

    def _mirrored(self) -> Content:
        """The row as a right-to-left reader takes it: the label on the right, then the
        numbers from the right, 1 beside the label, each where ``number_x`` says; each line
        of the label laid out (``i18n/bidi.visual``) and padded by the cells it takes once
        joined, so every row's numbers are in the same column."""
        label = self._label()
        # The app's "Your answer" reads right to left; a pack's item takes its own direction.
        rtl = True if self.item is None else base_rtl(label)
        row, start, cell = self._numbers_at()
        width = self.size.width or start + CELL * (self.high - self.low + 1)
        numbers = self._cells(cell)[::-1]
        room = width - 1 if row else start - 1

        def placed(line: str, cells_: int) -> str:
            shown = visual(line, rtl)
            gap = " " * max(cells_ - cell_len(shown), 0)
            return gap + shown if rtl else shown + gap

        lines = wrap(label, max(room, 8) if row else room)
        if row:
            above = [Content(" " + placed(line, width - 1)) for line in lines]
            lead = " " * max(self.number_x(self.high), 0)
            return Content("\n").join([*above, Content.assemble(lead, *numbers)])
        lead = " " * max(self.number_x(self.high), 0)
        first = Content.assemble(lead, *numbers, " ", placed(lines[0], room))
        rest = [Content(" " * (width - start + 1) + placed(line, room)) for line in lines[1:]]
        return Content("\n").join([first, *rest])

    def _number_at(self, x: int, y: int) -> int | None:
        row, _, cell = self._numbers_at()
        if y != row:
            return None
        for number in range(self.low, self.high + 1):
            if self.number_x(number) <= x < self.number_x(number) + cell:
                return number
        return None

    def action_move(self, step: int) -> None:
        if self.value is None:
            self.value = self.low if step > 0 else self.high
        else:
            self.value = max(self.low, min(self.high, self.value + step))

    async def on_key(self, event: events.Key) -> None:
        if await arrow(self, event.key):
            event.stop()
            event.prevent_default()
            return
        if event.character and event.character.isdigit():
            number = int(event.character)
            if number == 0 and self.high >= 10:
                number = 10
            if self.low <= number <= self.high:
                self.value = number
                event.stop()

    def on_click(self, event: events.Click) -> None:
        # A number is taken where it is drawn (``number_x``), from the left or from the right.
        number = self._number_at(event.x, event.y)
        if number is not None:
            self.value = number

    def on_resize(self) -> None:
        self.refresh(layout=True)

    def watch_value(self, value: int | None) -> None:
        self.post_message(self.Rated(self))


class RatedRows(ValueInput):
    """A step input made of scale rows: any rating is a change; focus goes to the first unrated."""

    def on_scale_row_rated(self, event: ScaleRow.Rated) -> None:
        event.stop()
        if self.is_mounted:
            self.report()

    def focus_target(self) -> Widget | None:
        rows = list(self.query(ScaleRow))
        unrated = [row for row in rows if row.value is None]
        return (unrated or rows)[0] if rows else None

    def show_left(self) -> None:
        """The cursor on the first line without a number, and every such line in view."""
        unrated = [row for row in self.query(ScaleRow) if row.value is None]
        if not unrated:
            self.focus_input()
            return
        self.screen.set_focus(unrated[0], scroll_visible=False)
        unrated[0].call_after_refresh(show_span, unrated[0], unrated[-1])


def build(context: StepContext) -> list[Widget]:
    flagged = {row.item for row in _flagged(context) if row.item}
    return answered(context, ScaleInput, lambda step, value: show(step, value, flagged), compare)


def _flagged(context: StepContext) -> list[Any]:
    step, answer = context.step, context.answer
    rows = compare_scale(step.items, answer.ratings(step, "a"), answer.ratings(step, "b"), step.gap)
    return [row for row in rows if row.flagged]


def show(step: Any, value: Any, flagged: set[str] | None = None) -> Content:
    """One partner's ratings, a line per item; flagged items carry a ⚑."""
    if value is None or value == {}:
        return Content(_("(no answer)"))
    if isinstance(value, int):
        label = point_label(step, value) if step.labels else None
        # TRANSLATORS: a rating and the scale's top: "4 of 5".
        shown = _("{value} of {most}").format(value=value, most=step.max)
        return fill(f"{shown} ($label)", label=label) if label else Content(shown)
    lines = []
    for item in step.items:
        mark = "⚑ " if flagged and item in flagged else "  "
        rating = value.get(item)
        lines.append(fill(f"{mark}$item: {rating if rating is not None else '–'}", item=item))
    return Content("\n").join(lines)


def compare(context: StepContext) -> Content:
    """The items where the two answers are ``gap`` or more apart. Each partner answered for
    themselves, about their own experience, so a flag speaks of how differently each feels,
    never of one thing measured twice."""
    names = context.names
    flagged = _flagged(context)
    if not flagged:
        return Content(_("No big differences here.") if context.step.gap else "")
    lines = [
        fill(
            _("⚑ $item: $a answered $ra, $b $rb. You feel this differently: worth talking about"),
            ra=str(r.a),
            rb=str(r.b),
            item=r.item or _("Your answers"),
            a=names["a"],
            b=names["b"],
        )
        for r in flagged
    ]
    return Content("\n").join(lines).stylize("bold")


class ScaleInput(RatedRows):
    DEFAULT_CSS = """
    ScaleInput .legend { color: $text-muted; margin-bottom: 1; }
    """

    def compose(self) -> ComposeResult:
        step = self.step
        less, more, up, down = (
            pointing(self, key_of(self, f"scale.{action}"))
            for action in ("less", "more", "focus-previous", "focus-next")
        )
        legend = tr_of(self)._(
            "Choose {low} to {high} with {less} {more} or a number; {up} {down} move between lines."
        )
        legend = legend.format(low=step.min, high=step.max, less=less, more=more, up=up, down=down)
        if step.labels:
            # A published measure's words for each point: every one is shown, in order.
            points = "    ".join(f"{step.min + n} = $p{n}" for n in range(len(step.labels)))
            words = {f"p{n}": label for n, label in enumerate(step.labels)}
            yield Static(fill(points, **words), classes="legend")
        elif step.low or step.high:
            yield Static(
                fill(
                    f"{step.min} = $low    {step.max} = $high",
                    low=step.low or "",
                    high=step.high or "",
                ),
                classes="legend",
            )
        yield Static(legend, classes="legend", markup=False)
        value = self.initial
        if isinstance(value, bool):
            value = None
        if step.items:
            ratings = value if isinstance(value, dict) else {}
            for item in step.items:
                rating = ratings.get(item)
                yield ScaleRow(
                    item, step.min, step.max, rating if isinstance(rating, int) else None
                )
        else:
            yield ScaleRow(None, step.min, step.max, value if isinstance(value, int) else None)

    def value(self) -> Any:
        rows = list(self.query(ScaleRow))
        if not self.step.items:
            return rows[0].value
        return {row.item: row.value for row in rows if row.value is not None}
