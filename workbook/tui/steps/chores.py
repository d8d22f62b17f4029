"""The chores step: the task table together (``chores_table.py``), each partner's private
weights, then the split.

Each widget posts the step's whole answer (``data/answers/chores.py``), so going back and forth
between the phases never loses the other phases' work.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Markdown, OptionList, Static
from textual.widgets.option_list import Option

from workbook.data.answers.chores import Split as SavedSplit
from workbook.data.answers.chores import Task
from workbook.i18n.catalog import _, speaking
from workbook.logic.chores import (
    SHARED,
    Split,
    explain,
    fair_split,
    from_answer,
    minutes_share,
    settled,
    shares,
    shares_said,
)
from workbook.logic.phases import FIRST, LIST, SECOND
from workbook.tui.actions import bindings
from workbook.tui.host import key_of, tr_of
from workbook.tui.plain import fill, plain
from workbook.tui.steps.base import StepInput
from workbook.tui.steps.chores_table import ChoresList
from workbook.tui.steps.context import StepContext
from workbook.tui.steps.scale import RatedRows, ScaleRow
from workbook.tui.widgets.button import Button

BAR = 20


def build(context: StepContext) -> list[Widget]:
    step = context.step
    if context.phase == LIST:
        answer = context.answer
        if not answer.tasks:
            # A new step starts from the pack's starter list.
            answer = answer.model_copy(
                update={"tasks": [Task(name=t.name, minutes=t.minutes) for t in step.tasks]}
            )
        shown: list[Widget] = [Static(plain(step.prompt), classes="prompt dir-auto")]
        if step.help:
            shown.append(Markdown(step.help, open_links=False, classes="help"))
        return [*shown, ChoresList(context, answer)]
    if context.phase in (FIRST, SECOND):
        me = context.names[context.answering or "a"]
        ask = fill(_("$me, how heavy is each task for you? Only you see this now."), me=me)
        return [Static(ask, classes="prompt"), ChoresWeigh(context)]
    return [ChoresSplit(context)]


class ChoresWeigh(RatedRows):
    """One partner, privately: how heavy each task is for them."""

    @property
    def key(self) -> str:
        return self.context.answering or "a"

    def compose(self) -> ComposeResult:
        less, more, up, down = (
            key_of(self, f"scale.{action}")
            for action in ("less", "more", "focus-previous", "focus-next")
        )
        legend = tr_of(self)._(
            "1 = light for me    5 = heavy for me    ({less} {more} or a number; {up} {down} move)"
        )
        yield Static(
            legend.format(less=less, more=more, up=up, down=down), classes="legend", markup=False
        )
        weights = self.answer.weights_of(self.key)
        for task in self.answer.tasks:
            yield ScaleRow(task.name, 1, 5, weights.get(task.name))

    def report(self) -> None:
        mine = {row.item: row.value for row in self.query(ScaleRow) if row.item and row.value}
        weights = {**self.answer.weights, self.key: mine}
        self.changed(self.answer.model_copy(update={"weights": weights}))

    def problem(self) -> str | None:
        rated = self.answer.weights_of(self.key)
        missing = [t for t in self.answer.tasks if t.name not in rated]
        if not missing:
            return None
        said = tr_of(self).ngettext(
            "Rate every task first ({count} to go).",
            "Rate every task first ({count} to go).",
            len(missing),
        )
        return said.format(count=len(missing))


class SplitList(OptionList):
    BINDINGS = bindings("split")

    @dataclass
    class Assigned(Message):
        """The task at ``index`` goes to ``who``: a, b, or shared."""

        index: int
        who: str

    def action_assign(self, who: str) -> None:
        if self.highlighted is not None:
            self.post_message(self.Assigned(self.highlighted, who))


class ChoresSplit(StepInput):
    """The balance now, a suggested fair split, and the couple's own final say."""

    DEFAULT_CSS = """
    ChoresSplit .bars { height: auto; margin-bottom: 1; }
    ChoresSplit SplitList { height: auto; max-height: 14; }
    ChoresSplit .explain { height: auto; margin-top: 1; }
    ChoresSplit .legend { color: $text-muted; }
    ChoresSplit .assign { height: auto; }
    ChoresSplit .assign Button { margin-right: 1; }
    """

    def __init__(self, context: StepContext) -> None:
        super().__init__(context)
        self.names = context.names
        split = self.answer.split or SavedSplit()
        self.owner: dict[str, str] = dict(split.owner)
        self.part_a = split.shared_part_a
        self.suggested: Split | None = None

    def compose(self) -> ComposeResult:
        yield Static(self._bars(), classes="bars")
        _ = tr_of(self)._
        yield Button(_("Suggest a fair split"), id="suggest", compact=True, variant="primary")
        yield Static(
            fill(
                _("On a task: $to_a gives it to $a, $to_b to $b, $shared shares it."),
                a=self.names["a"],
                b=self.names["b"],
                to_a=key_of(self, "split.1st-takes-it"),
                to_b=key_of(self, "split.2nd-takes-it"),
                shared=key_of(self, "split.shared"),
            ),
            classes="legend",
        )
        yield SplitList(*self._rows())
        # The keys' deeds as buttons, for a finger (a phone has no 1, 2 or s to spare).
        with Horizontal(classes="assign"):
            for who in ("a", "b"):
                # TRANSLATORS: a button: the highlighted task goes to this partner.
                label = fill(_("To $name"), name=self.names[who])
                yield Button(label, id=f"assign-{who}", compact=True)
            # TRANSLATORS: a button: the highlighted task is shared by the two.
            shared = tr_of(self).pgettext("chores", "Shared")
            yield Button(shared, id="assign-shared", compact=True)
        yield Static(self._explanation(), classes="explain")

    def _chores(self) -> Any:
        return from_answer(self.answer)

    def _bar(self, percent: float) -> str:
        filled = round(BAR * max(0.0, min(percent, 100.0)) / 100)
        return "█" * filled + "░" * (BAR - filled)

    def _bars(self) -> Content:
        chores, now, minutes = self._chores()
        by_weight = shares(chores, now)
        by_minutes = minutes_share(minutes, now)
        total = sum(minutes.values()) or 1
        tr = tr_of(self)
        lines = [tr._("Now, by each of your own ratings, and in minutes a week:")]
        for key in ("a", "b"):
            # TRANSLATORS: minutes a week beside a partner's bar: "125 min (40%)".
            weekly = tr._("{minutes} min ({percent}%)").format(
                minutes=f"{by_minutes[key]:5.0f}", percent=f"{100 * by_minutes[key] / total:.0f}"
            )
            lines.append(
                f"{self.names[key][:12]:<12} {self._bar(by_weight[key])} {by_weight[key]:3.0f}%"
                f"   {weekly}"
            )
        if self.owner:
            split = self._settled()
            future = {"a": split.share_a, "b": split.share_b}
            lines.append(tr._("From now on, with the split below:"))
            for key in ("a", "b"):
                lines.append(
                    f"{self.names[key][:12]:<12} {self._bar(future[key])} {future[key]:3.0f}%"
                )
            # Why the two shares need not add up to 100%, beside them (the whole explanation
            # for each of you is below the tasks).
            undecided = sum(1 for task in self.answer.tasks if task.name not in self.owner)
            with speaking(tr):
                lines.append(shares_said(split, undecided))
        return Content("\n".join(lines))

    def _settled(self) -> Split:
        """The split as it stands on screen: the suggestion with every change made since."""
        chores, _, _ = self._chores()
        return settled(chores, self.owner, self.part_a)

    def _rows(self) -> list[Option]:
        rows = []
        _ = tr_of(self)._
        for task in self.answer.tasks:
            who = self.owner.get(task.name)
            if who == SHARED:
                # TRANSLATORS: a task shared, and the first partner's part of it.
                shown = _("shared ({name} {percent}%)").format(
                    name=self.names["a"], percent=f"{self.part_a * 100:.0f}"
                )
            else:
                shown = self.names.get(who or "", _("not decided yet"))
            rows.append(Option(fill("$task → $who", task=task.name, who=shown)))
        return rows

    def _explanation(self) -> Content:
        # The split as it stands, overrides included: what the couple would take home.
        if not self.owner:
            return Content("")
        chores, now, _ = self._chores()
        # The explanation is the core's words (``logic/chores.py``), in the couple's language.
        with speaking(tr_of(self)):
            texts = explain(chores, now, self._settled(), self.names)
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

    @on(Button.Pressed, "#assign-a, #assign-b, #assign-shared")
    def _assign_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        listing = self.query_one(SplitList)
        if listing.highlighted is not None:
            self.assign(listing.highlighted, (event.button.id or "").removeprefix("assign-"))

    @on(SplitList.Assigned)
    def _assigned(self, event: SplitList.Assigned) -> None:
        event.stop()
        self.assign(event.index, event.who)

    def assign(self, index: int, who: str) -> None:
        name = self.answer.tasks[index].name
        if who == SHARED and any(o == SHARED for n, o in self.owner.items() if n != name):
            self.notify(tr_of(self)._("One task at a time can be shared."), markup=False)
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
        split = SavedSplit(owner=dict(self.owner), shared_part_a=self.part_a)  # type: ignore[arg-type]
        self.changed(self.answer.model_copy(update={"split": split}))

    def problem(self) -> str | None:
        undecided = [t.name for t in self.answer.tasks if t.name not in self.owner]
        if undecided:
            return tr_of(self)._("Decide who takes each task, or press Suggest a fair split.")
        return None

    def focus_target(self) -> Widget | None:
        return self.query_one("#suggest", Button)
