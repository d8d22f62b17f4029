"""A couple's goals, from Home (g): what they work on, each open, met or let go, and for one
with a measure (a pack's score, such as the CSI-4's) the value they aim for. Each change is
saved at once through the goals service; the list shows the file as it is then."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Select, Static
from textual.widgets.option_list import Option

from workbook.data.goals import LET_GO, MET, OPEN, STATUS_WORDS, Goal
from workbook.data.models import Couple
from workbook.data.store import Store
from workbook.i18n.catalog import N_
from workbook.i18n.said import Listed
from workbook.service import caseload
from workbook.service import goals as service
from workbook.service.errors import ServiceError
from workbook.tui.actions import bindings
from workbook.tui.host import key_of, tr_of
from workbook.tui.plain import fill, plain
from workbook.tui.widgets.box import Box
from workbook.tui.widgets.button import Button

NO_MEASURE = "none"
# The goals' states as ``STATUS_WORDS`` (data/goals.py) says them, for the catalog.
STATES = (N_("open"), N_("met"), N_("let go"))


class GoalsScreen(ModalScreen[None]):
    """The couple's goals: the list, a new goal, and met / let go / open again."""

    BINDINGS = bindings("goals")
    DEFAULT_CSS = """
    GoalsScreen { align: center middle; }
    GoalsScreen #goal-list { height: auto; max-height: 6; }
    GoalsScreen .goal-buttons { height: auto; margin-bottom: 1; }
    GoalsScreen #goal-new { height: auto; margin: 1 0; }
    GoalsScreen #goal-new Box { width: 1fr; }
    GoalsScreen #goal-measure { width: 1fr; }
    GoalsScreen #goal-target { width: 10; }
    """

    def __init__(
        self, store: Store, couple: Couple, measures: list[tuple[Text, str]], today_iso: str
    ) -> None:
        super().__init__()
        self.store = store
        self.couple = couple
        # (title, "pack.score") of every score in the library.
        self.measures = measures
        self.today_iso = today_iso
        self.goals: list[Goal] = []

    def compose(self) -> ComposeResult:
        _ = tr_of(self)._
        a, b = self.couple.names
        with Vertical(id="goals", classes="dialog"):
            yield Static(fill(_("Goals of $a and $b"), a=a, b=b), classes="dialog-title")
            yield OptionList(id="goal-list", compact=True)
            yield Static("", id="goal-problem", markup=False)
            with Horizontal(classes="goal-buttons"):
                yield Button(_("Met"), id="goal-met", compact=True)
                yield Button(_("Let go"), id="goal-let-go", compact=True)
                yield Button(_("Open again"), id="goal-open", compact=True)
            yield Static(_("A new goal:"), markup=False)
            working = _("What they work on")
            yield Box(id="goal-text", placeholder=working, max_length=500, compact=True)
            with Horizontal(id="goal-new"):
                yield Select(
                    [(_("No measure"), NO_MEASURE), *self.measures],
                    value=NO_MEASURE,
                    allow_blank=False,
                    id="goal-measure",
                    compact=True,
                )
                yield Box(id="goal-target", placeholder=_("Target"), max_length=8, compact=True)
            with Horizontal(classes="goal-buttons"):
                yield Button(_("Add the goal"), id="goal-add", variant="primary", compact=True)
                yield Button(_("Close"), id="goal-close", compact=True)

    def on_mount(self) -> None:
        self.show_goals()
        self.query_one("#goal-text", Input).focus()

    def show_goals(self) -> None:
        try:
            couple = caseload.load(self.store, self.couple.id)
        except ServiceError as error:
            self._say(error.said(tr_of(self)))
            return
        self.goals, problems = service.goals(couple)
        titles = {measure: title.plain for title, measure in self.measures}
        listed = self.query_one("#goal-list", OptionList)
        listed.clear_options()
        tr = tr_of(self)
        _ = tr._
        for goal in self.goals:
            status = tr.gettext(STATUS_WORDS.get(goal.status, goal.status))
            measure = titles.get(goal.measure or "", goal.measure or "")
            if goal.measure and goal.target is not None:
                words = _("{goal} ({status}; {measure}, target {target})")
            elif goal.measure:
                words = _("{goal} ({status}; {measure})")
            else:
                words = _("{goal} ({status})")
            target = f"{goal.target:g}" if goal.target is not None else ""
            said = words.format(goal=goal.text, status=status, measure=measure, target=target)
            listed.add_option(Option(plain(said), id=goal.id))
        if not self.goals:
            listed.add_option(Option(_("No goals yet."), disabled=True))
        said_problems = Listed(problems).said(tr)
        self.query_one("#goal-problem", Static).update(plain(said_problems))

    def _say(self, text: str) -> None:
        self.query_one("#goal-problem", Static).update(plain(text))

    @on(Input.Submitted, "#goal-text")
    @on(Input.Submitted, "#goal-target")
    @on(Button.Pressed, "#goal-add")
    def add(self) -> None:
        from datetime import date

        text = self.query_one("#goal-text", Input).value
        measure = self.query_one("#goal-measure", Select).value
        target_text = self.query_one("#goal-target", Input).value.strip()
        target: float | None = None
        if target_text:
            try:
                target = float(target_text)
            except ValueError:
                said = tr_of(self)._("The target is a number, not “{typed}”.")
                self._say(said.format(typed=target_text))
                return
        chosen = measure if isinstance(measure, str) and measure != NO_MEASURE else None
        if target is not None and chosen is None:
            self._say(tr_of(self)._("A target needs a measure: choose the score it is for."))
            return
        try:
            service.add_goal(
                self.store,
                self.couple.id,
                text,
                date.fromisoformat(self.today_iso),
                chosen,
                target,
            )
        except ServiceError as error:
            self._say(error.said(tr_of(self)))
            return
        self.query_one("#goal-text", Input).value = ""
        self.query_one("#goal-target", Input).value = ""
        self.show_goals()

    def _status(self, status: str) -> None:
        listed = self.query_one("#goal-list", OptionList)
        index = listed.highlighted
        if index is None or index >= len(self.goals):
            keys = f"{key_of(self, 'list.up')} {key_of(self, 'list.down')}"
            self._say(tr_of(self)._("Choose a goal in the list first ({keys}).").format(keys=keys))
            return
        try:
            service.change_goal(self.store, self.couple.id, self.goals[index].id, status=status)
        except ServiceError as error:
            self._say(error.said(tr_of(self)))
            return
        self.show_goals()
        listed.highlighted = index

    @on(Button.Pressed, "#goal-met")
    def _met(self) -> None:
        self._status(MET)

    @on(Button.Pressed, "#goal-let-go")
    def _let_go(self) -> None:
        self._status(LET_GO)

    @on(Button.Pressed, "#goal-open")
    def _open(self) -> None:
        self._status(OPEN)

    @on(Button.Pressed, "#goal-close")
    def _close(self) -> None:
        self.dismiss(None)
