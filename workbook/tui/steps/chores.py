"""The chores step: the task table together, each partner's private weights, then the split.

Each widget hands back the step's whole answer table (see docs/formats.md), so going back and
forth between the phases never loses the other phases' work.
"""

from __future__ import annotations

import copy
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from workbook.data.answers import chore_split, chore_tasks, chore_weights
from workbook.logic.chores import (
    SHARED,
    Split,
    explain,
    fair_split,
    from_table,
    minutes_share,
    own_measure,
    shares,
)
from workbook.text import clean_line
from workbook.tui.plain import fill, line
from workbook.tui.steps.base import StepInput
from workbook.tui.steps.scale import RatedRows, ScaleRow
from workbook.tui.widgets.blink import cursor_blink

NOW_CYCLE = ("nobody", "a", "b", "both")
BAR = 20


def _blink(field: Input) -> Input:
    field.cursor_blink = cursor_blink()
    return field


class TaskRow(Horizontal):
    """One editable task: name, minutes a week, who does it now, what done looks like."""

    DEFAULT_CSS = """
    TaskRow { height: 1; }
    TaskRow .name { width: 30; }
    TaskRow .minutes { width: 6; }
    TaskRow .now { width: 10; min-width: 10; }
    TaskRow .done { width: 1fr; }
    TaskRow .remove { width: 3; min-width: 3; }
    """

    def __init__(self, task: dict[str, Any], names: dict[str, str]) -> None:
        super().__init__()
        self.chore = task
        self.names = names

    def compose(self) -> ComposeResult:
        yield _blink(
            Input(
                self.chore["name"], compact=True, classes="name", max_length=60, placeholder="task"
            )
        )
        yield _blink(
            Input(
                str(self.chore["minutes"]),
                compact=True,
                classes="minutes",
                restrict=r"\d{0,5}",
                max_length=5,
            )
        )
        yield Button(self._now_label(), compact=True, classes="now")
        yield _blink(
            Input(
                self.chore.get("done", ""),
                compact=True,
                classes="done",
                max_length=200,
                placeholder="done looks like...",
            )
        )
        yield Button("✕", compact=True, classes="remove", tooltip="Remove this task")

    def _now_label(self) -> Content:
        now = self.chore["now"]
        return line(self.names.get(now, now))

    def read(self) -> dict[str, Any]:
        minutes = self.query_one(".minutes", Input).value
        return {
            "name": clean_line(self.query_one(".name", Input).value),
            "minutes": min(int(minutes), 10_080) if minutes.isdigit() else 0,
            "now": self.chore["now"],
            "done": clean_line(self.query_one(".done", Input).value),
        }

    @on(Button.Pressed, ".now")
    def _cycle(self, event: Button.Pressed) -> None:
        event.stop()
        self.chore["now"] = NOW_CYCLE[(NOW_CYCLE.index(self.chore["now"]) + 1) % len(NOW_CYCLE)]
        event.button.label = self._now_label()
        self.post_message(Input.Changed(self.query_one(".name", Input), ""))


class ChoresList(StepInput):
    """The task table, edited together."""

    DEFAULT_CSS = """
    ChoresList .head { color: $text-muted; height: 1; }
    ChoresList #add { margin-top: 1; }
    """

    def __init__(self, step: Any, value: Any) -> None:
        super().__init__(step, value)
        self.table = copy.deepcopy(value) if isinstance(value, dict) else {}
        self.rows = chore_tasks(self.table)

    def compose(self) -> ComposeResult:
        names = {"a": "?", "b": "?", "both": "both", "nobody": "nobody"}
        names.update(getattr(self.screen, "names", {}))
        yield Static(
            "Task                      min/week  who now   done looks like",
            classes="head",
            markup=False,
        )
        for task in self.rows:
            yield TaskRow(dict(task), names)
        yield Button("+ Add a task", id="add", compact=True)

    def current(self) -> dict[str, Any]:
        table = dict(self.table)
        table["tasks"] = [row.read() for row in self.query(TaskRow) if row.read()["name"]]
        return table

    def problem(self) -> str | None:
        names = [t["name"] for t in self.current()["tasks"]]
        if not names:
            return "Add at least one task."
        if len(set(names)) != len(names):
            return "Two tasks have the same name; give each its own."
        return None

    @on(Input.Changed)
    def _edited(self, event: Input.Changed) -> None:
        event.stop()
        self.changed()

    @on(Button.Pressed, "#add")
    async def _add(self, event: Button.Pressed) -> None:
        event.stop()
        names = {"a": "?", "b": "?", "both": "both", "nobody": "nobody"}
        names.update(getattr(self.screen, "names", {}))
        row = TaskRow({"name": "", "minutes": 60, "now": "nobody", "done": ""}, names)
        await self.mount(row, before=self.query_one("#add"))
        row.query_one(".name", Input).focus()

    @on(Button.Pressed, ".remove")
    async def _remove(self, event: Button.Pressed) -> None:
        event.stop()
        row = event.button.parent
        if isinstance(row, TaskRow):
            await row.remove()
            self.changed()

    def focus_input(self) -> None:
        fields = list(self.query(".name"))
        if fields:
            fields[0].focus()


class ChoresWeigh(RatedRows):
    """One partner, privately: how heavy each task is for them."""

    def __init__(self, step: Any, value: Any, key: str) -> None:
        super().__init__(step, value)
        self.table = copy.deepcopy(value) if isinstance(value, dict) else {}
        self.key = key

    def compose(self) -> ComposeResult:
        yield Static(
            "1 = light for me    5 = heavy for me    (← → or a number; ↑ ↓ move)",
            classes="legend",
            markup=False,
        )
        weights = chore_weights(self.table, self.key)
        for task in chore_tasks(self.table):
            yield ScaleRow(task["name"], 1, 5, weights.get(task["name"]))

    def current(self) -> dict[str, Any]:
        table = dict(self.table)
        weights = dict(table.get("weights", {}))
        weights[self.key] = {
            row.item: row.value
            for row in self.query(ScaleRow)
            if row.item and row.value is not None
        }
        table["weights"] = weights
        return table

    def problem(self) -> str | None:
        rated = chore_weights(self.current(), self.key)
        missing = [t for t in chore_tasks(self.table) if t["name"] not in rated]
        return f"Rate every task first ({len(missing)} to go)." if missing else None


class SplitList(OptionList):
    BINDINGS = [
        Binding("1", "assign('a')", "1st takes it", show=False),
        Binding("2", "assign('b')", "2nd takes it", show=False),
        Binding("s", "assign('shared')", "Shared"),
    ]

    def action_assign(self, who: str) -> None:
        owner = self.parent
        if isinstance(owner, ChoresSplit) and self.highlighted is not None:
            owner.assign(self.highlighted, who)


class ChoresSplit(StepInput):
    """The balance now, a suggested fair split, and the couple's own final say."""

    DEFAULT_CSS = """
    ChoresSplit .bars { height: auto; margin-bottom: 1; }
    ChoresSplit SplitList { height: auto; max-height: 14; }
    ChoresSplit .explain { height: auto; margin-top: 1; }
    ChoresSplit .legend { color: $text-muted; }
    """

    def __init__(self, step: Any, value: Any, names: dict[str, str]) -> None:
        super().__init__(step, value)
        self.table = copy.deepcopy(value) if isinstance(value, dict) else {}
        self.names = names
        self.owner, self.part_a = chore_split(self.table)
        self.suggested: Split | None = None

    def compose(self) -> ComposeResult:
        yield Static(self._bars(), classes="bars")
        yield Button("Suggest a fair split", id="suggest", compact=True, variant="primary")
        yield Static(
            fill(
                "On a task: 1 gives it to $a, 2 to $b, s shares it.",
                a=self.names["a"],
                b=self.names["b"],
            ),
            classes="legend",
        )
        yield SplitList(*self._rows())
        yield Static(self._explanation(), classes="explain")

    def _chores(self) -> Any:
        return from_table(self.table)

    def _bar(self, percent: float) -> str:
        filled = round(BAR * max(0.0, min(percent, 100.0)) / 100)
        return "█" * filled + "░" * (BAR - filled)

    def _bars(self) -> Content:
        chores, now, minutes = self._chores()
        by_weight = shares(chores, now)
        by_minutes = minutes_share(minutes, now)
        total = sum(minutes.values()) or 1
        lines = ["Now, by each of your own ratings, and in minutes a week:"]
        for key in ("a", "b"):
            lines.append(
                f"{self.names[key][:12]:<12} {self._bar(by_weight[key])} {by_weight[key]:3.0f}%"
                f"   {by_minutes[key]:5.0f} min ({100 * by_minutes[key] / total:.0f}%)"
            )
        if self.owner:
            future = self._future_shares()
            lines.append("From now on, with the split below:")
            for key in ("a", "b"):
                lines.append(
                    f"{self.names[key][:12]:<12} {self._bar(future[key])} {future[key]:3.0f}%"
                )
        return Content("\n".join(lines))

    def _future_shares(self) -> dict[str, float]:
        chores, _, _ = self._chores()
        va, vb = own_measure(chores)
        split = Split(
            owner={c.name: self.owner.get(c.name, "") for c in chores}, shared_part_a=self.part_a
        )
        return {
            "a": sum(va[c.name] * split.part(c.name, "a") for c in chores if split.owner[c.name]),
            "b": sum(vb[c.name] * split.part(c.name, "b") for c in chores if split.owner[c.name]),
        }

    def _rows(self) -> list[Option]:
        rows = []
        for task in chore_tasks(self.table):
            who = self.owner.get(task["name"])
            if who == SHARED:
                shown = f"shared ({self.names['a']} {self.part_a * 100:.0f}%)"
            else:
                shown = self.names.get(who or "", "not decided yet")
            rows.append(Option(fill("$task → $who", task=task["name"], who=shown)))
        return rows

    def _explanation(self) -> Content:
        if self.suggested is None:
            return Content("")
        chores, now, _ = self._chores()
        texts = explain(chores, now, self.suggested, self.names)
        return Content("\n\n").join(
            fill("$name: $text", name=self.names[key], text=texts[key]) for key in ("a", "b")
        )

    @on(Button.Pressed, "#suggest")
    def suggest(self) -> None:
        chores, _, _ = self._chores()
        if not chores:
            return
        self.suggested = fair_split(chores)
        self.owner = dict(self.suggested.owner)
        self.part_a = self.suggested.shared_part_a
        self._refresh()

    def assign(self, index: int, who: str) -> None:
        tasks = chore_tasks(self.table)
        name = tasks[index]["name"]
        if who == SHARED and any(o == SHARED for n, o in self.owner.items() if n != name):
            self.notify("One task at a time can be shared.", markup=False)
            return
        if who == SHARED and self.owner.get(name) != SHARED:
            self.part_a = 0.5
        self.owner[name] = who
        self._refresh(index)

    def _refresh(self, highlight: int | None = None) -> None:
        self.query_one(".bars", Static).update(self._bars())
        listing = self.query_one(SplitList)
        keep = listing.highlighted if highlight is None else highlight
        listing.clear_options()
        listing.add_options(self._rows())
        if keep is not None and listing.option_count:
            listing.highlighted = min(keep, listing.option_count - 1)
        self.query_one(".explain", Static).update(self._explanation())
        self.changed()

    def current(self) -> dict[str, Any]:
        table = dict(self.table)
        if self.owner:
            table["split"] = {"owner": dict(self.owner), "shared_part_a": self.part_a}
        return table

    def problem(self) -> str | None:
        names = {t["name"] for t in chore_tasks(self.table)}
        undecided = [n for n in names if n not in self.owner]
        if undecided:
            return "Decide who takes each task, or press Suggest a fair split."
        return None

    def focus_input(self) -> None:
        self.query_one("#suggest", Button).focus()
