"""The chores task table, edited together: a keyboard table with one row per task.

↑ ↓ ← → move between rows and cells. In the "who now" column a key per choice says who does a
task now; text cells take typing, and never those keys. ✕ asks before a
task with a name goes. The table posts the step's whole answer on every change.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Static

from workbook.data.answers.chores import ChoresAnswer, Task, repeated_names, typed_minutes
from workbook.text import clean_line
from workbook.tui.actions import bindings
from workbook.tui.host import key_of, tr_of
from workbook.tui.mirror import mirrored_screen
from workbook.tui.plain import fill
from workbook.tui.screens.confirm import ConfirmScreen
from workbook.tui.steps.base import StepInput
from workbook.tui.steps.chores_cells import (
    CELLS_CSS,
    COLUMNS,
    NARROW,
    NARROW_CSS,
    NOW_CYCLE,
    CellInput,
)
from workbook.tui.steps.chores_cells import (
    WhoCell as WhoCell,  # tests and snapshots name it here
)
from workbook.tui.steps.context import StepContext
from workbook.tui.widgets.button import Button


class TaskHead(Horizontal):
    """The column titles, in the widths of the rows below."""

    DEFAULT_CSS = CELLS_CSS.format("TaskHead") + "TaskHead { color: $text-muted; }"

    def compose(self) -> ComposeResult:
        tr = tr_of(self)
        for title, column in (
            ("", "gutter"),
            (tr.pgettext("chores column", "Task"), "name"),
            (tr.pgettext("chores column", "min/wk"), "minutes"),
            (" " + tr.pgettext("chores column", "who now"), "now"),
            (tr.pgettext("chores column", "done looks like"), "done"),
            ("", "remove"),
        ):
            yield Static(title, classes=column, markup=False)


class TaskRow(Horizontal):
    """One task: name, minutes a week, who does it now, what done looks like, and ✕.

    ← → move between its cells and ↑ ↓ to the same cell of the next rows; a ▶ marks the row
    with the cursor."""

    DEFAULT_CSS = CELLS_CSS.format("TaskRow")
    BINDINGS = bindings("chores-row")

    @dataclass
    class Edited(Message):
        """Something in the row changed."""

    @dataclass
    class Move(Message):
        """Go from cell ``column`` of ``row`` to the same cell ``rows`` rows down (up when
        negative)."""

        row: TaskRow
        column: int
        rows: int

    @dataclass
    class Remove(Message):
        """✕ was pressed on ``row``."""

        row: TaskRow

    def __init__(self, task: Task, names: dict[str, str]) -> None:
        super().__init__()
        self.chore = task.model_copy()
        self.names = names

    def compose(self) -> ComposeResult:
        tr = tr_of(self)
        yield Static(" ", classes="gutter", markup=False)
        yield CellInput(
            self.chore.name,
            classes="name",
            max_length=60,
            placeholder=tr.pgettext("placeholder", "task"),
        )
        yield CellInput(
            str(self.chore.minutes), classes="minutes", restrict=r"\d{0,5}", max_length=5
        )
        yield WhoCell(self.chore.now, self.names)
        yield CellInput(
            self.chore.done,
            classes="done",
            max_length=200,
            placeholder=tr.pgettext("placeholder", "done looks like..."),
        )
        yield Button("✕", compact=True, classes="remove", tooltip=tr._("Remove this task"))

    def cells(self) -> list[Widget]:
        return [self.query_one(f".{column}") for column in COLUMNS]

    def focus_cell(self, column: int) -> None:
        self.cells()[max(0, min(column, len(COLUMNS) - 1))].focus()

    def read(self) -> Task | None:
        """The task as the row holds it; None while it has no name."""
        minutes = self.query_one(".minutes", Input).value
        name = clean_line(self.query_one(".name", Input).value)
        if not name:
            return None
        return self.chore.model_copy(
            update={
                "name": name,
                "minutes": typed_minutes(minutes),
                "done": clean_line(self.query_one(".done", Input).value),
            }
        )

    def _column(self, widget: Widget | None) -> int | None:
        cells = self.cells()
        return cells.index(widget) if widget in cells else None

    def action_move(self, across: int, down: int) -> None:
        column = self._column(self.screen.focused)
        if column is None:
            return
        if down:
            self.post_message(self.Move(self, column, down))
        else:
            self.focus_cell(column + self._across(across))

    def _across(self, across: int) -> int:
        """``across`` cells the way the arrow points: on a mirrored screen (``tui/mirror.py``)
        the row's first cell is on the right, so ← goes on to the next cell."""
        return -across if mirrored_screen(self) else across

    @on(CellInput.Leave)
    def _leave(self, event: CellInput.Leave) -> None:
        event.stop()
        column = self._column(event.cell)
        if column is not None:
            self.focus_cell(column + self._across(event.across))

    def _mark(self) -> None:
        self.query_one(".gutter", Static).update(
            "▶" if self.has_focus_within else " ", layout=False
        )

    def on_descendant_focus(self) -> None:
        self._mark()

    def on_descendant_blur(self) -> None:
        self._mark()

    @on(WhoCell.Chosen)
    def _chosen(self, event: WhoCell.Chosen) -> None:
        event.stop()
        self.chore.now = event.now  # type: ignore[assignment]
        self.post_message(self.Edited())

    @on(Button.Pressed, ".remove")
    def _remove(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(self.Remove(self))

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Edited())


class ChoresList(StepInput):
    """The task table, edited together: a keyboard table with one row per task."""

    DEFAULT_CSS = (
        """
    ChoresList .legend { color: $text-muted; margin-bottom: 1; }
    ChoresList #add { margin-top: 1; margin-left: 2; }
    """
        + NARROW_CSS.format("TaskHead")
        + NARROW_CSS.format("TaskRow")
    )
    BINDINGS = bindings("chores")

    def __init__(self, context: StepContext, answer: ChoresAnswer) -> None:
        super().__init__(context)
        self.answer = answer
        self.names = {"both": "both", "nobody": "nobody", **context.names}
        # The column ↑ ↓ keep to, so that the cursor comes back up from Add where it went down.
        self.column = COLUMNS.index("now")

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width < NARROW, "-narrow")

    def on_mount(self) -> None:
        # A starter list shown is an answer too, even before anything is edited.
        if self.answer != self.context.answer:
            self.changed(self.answer)

    def compose(self) -> ComposeResult:
        tr = tr_of(self)
        # Said in the couple's language, which is known only once the table is on its screen.
        self.names = {
            "both": tr.pgettext("who does a task", "both"),
            "nobody": tr.pgettext("who does a task", "nobody"),
            **self.context.names,
        }
        keys = {
            word: key_of(self, f"chores-row.{word}") for word in ("up", "down", "left", "right")
        }
        keys |= {f"to_{who}": key_of(self, f"chores-cell.choose-{who}") for who in NOW_CYCLE}
        yield Static(
            fill(
                tr._(
                    "Together: the tasks, who does each now, and what done looks like.\n"
                    "$up $down $left $right move; type to add to a cell, $enter to edit it; ✕ "
                    "removes a task.\n"
                    "In the who now column: [b]$to_a[/b] $a · [b]$to_b[/b] $b · "
                    "[b]$to_both[/b] $both · [b]$to_nobody[/b] $nobody"
                ),
                a=self.names["a"],
                b=self.names["b"],
                both=self.names["both"],
                nobody=self.names["nobody"],
                enter=key_of(self, "input.submit"),
                **keys,
            ),
            classes="legend",
        )
        yield TaskHead()
        for task in self.answer.tasks:
            yield TaskRow(task, self.names)
        yield Button(tr._("+ Add a task"), id="add", compact=True)

    def rows(self) -> list[TaskRow]:
        return list(self.query(TaskRow))

    def tasks(self) -> list[Task]:
        return [task for row in self.rows() if (task := row.read()) is not None]

    def report(self) -> None:
        # Names key the weights and the split, which stay as they are for the tasks kept.
        self.changed(self.answer.model_copy(update={"tasks": self.tasks()}))

    def problem(self) -> str | None:
        tasks = self.tasks()
        if not tasks:
            return tr_of(self)._("Add at least one task.")
        if repeated_names(tasks):
            return tr_of(self)._("Two tasks have the same name; give each its own.")
        return None

    @on(TaskRow.Edited)
    def _edited(self, event: TaskRow.Edited) -> None:
        event.stop()
        self.report()

    @on(TaskRow.Move)
    def _move(self, event: TaskRow.Move) -> None:
        event.stop()
        rows = self.rows()
        self.column = event.column
        at = rows.index(event.row) + event.rows
        if at >= len(rows):
            self.query_one("#add", Button).focus()
        elif at >= 0:
            rows[at].focus_cell(self.column)

    def action_last_row(self) -> None:
        rows = self.rows()
        if rows and self.screen.focused is self.query_one("#add", Button):
            rows[-1].focus_cell(self.column)

    @on(Button.Pressed, "#add")
    async def _add(self, event: Button.Pressed) -> None:
        event.stop()
        row = TaskRow(Task.model_construct(name="", minutes=60, now="nobody", done=""), self.names)
        await self.mount(row, before=self.query_one("#add"))
        row.query_one(".name", Input).focus()

    @on(TaskRow.Remove)
    async def _ask_to_remove(self, event: TaskRow.Remove) -> None:
        event.stop()
        row = event.row
        task = row.read()
        if task is None:  # a row with no name yet holds nothing to lose
            await self._remove(row)
            return

        async def answered(remove: bool | None) -> None:
            if remove:
                await self._remove(row)

        tr = tr_of(self)
        question = fill(
            tr._(
                "Remove “$task” from the list?\n\n"
                "Who does it now and what done looks like go with it."
            ),
            task=task.name,
        )
        self.app.push_screen(ConfirmScreen(question, tr._("Remove it"), tr._("Keep it")), answered)

    async def _remove(self, row: TaskRow) -> None:
        rows = self.rows()
        at = rows.index(row)
        await row.remove()
        self.report()
        rows.remove(row)
        if rows:
            rows[min(at, len(rows) - 1)].focus_cell(COLUMNS.index("remove"))
        else:
            self.query_one("#add", Button).focus()

    def focus_target(self) -> Widget | None:
        rows = self.rows()
        if rows:
            return rows[0].cells()[COLUMNS.index("now")]
        return self.query_one("#add", Button)
