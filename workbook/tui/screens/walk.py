"""The walk: one step at a time, whose turn it is, hand-overs, reveals, and saving as you go.

Widgets report every change; the screen hands it to the ``SessionRecorder``, which owns the
session and says when to save (soon after typing pauses, and at least every second while it goes
on); the screen saves at once on every move, pause, quit and unmount. When saving fails, leaving
asks first. A read-only window shows the session and changes nothing.
"""

from __future__ import annotations

import contextlib
from datetime import date
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Button, Footer, Markdown, Static

from workbook.data.answers import request_rows
from workbook.data.durable import SaveError
from workbook.data.models import Couple, FacilitatorNotes, Position, Session, now
from workbook.data.recorder import SessionRecorder
from workbook.data.store import DataError, Store
from workbook.export.agreement_doc import agreement_document
from workbook.export.markdown import inline
from workbook.logic.agreements import add_agreement
from workbook.logic.drafts import offers
from workbook.logic.requests import SetAside, set_aside
from workbook.logic.walk import (
    FIRST,
    HANDBACK,
    HANDOVER,
    LIST,
    REVEAL,
    SECOND,
    TAKES_TURNS,
    Place,
    Walk,
)
from workbook.packs.models import Pack
from workbook.packs.placeholders import fill as fill_placeholders
from workbook.packs.placeholders import neutral
from workbook.tui.plain import fill, line, plain
from workbook.tui.steps.agreement import AgreementInput
from workbook.tui.steps.base import StepInput
from workbook.tui.steps.choice import ChoiceInput
from workbook.tui.steps.chores import ChoresList, ChoresSplit, ChoresWeigh
from workbook.tui.steps.listen import ListenInput
from workbook.tui.steps.rank import RankInput
from workbook.tui.steps.read import read_body
from workbook.tui.steps.requests import RequestsInput
from workbook.tui.steps.scale import ScaleInput
from workbook.tui.steps.text import TextInput
from workbook.tui.widgets.answers import answer_content, values_of
from workbook.tui.widgets.partners import PartnerBar
from workbook.tui.widgets.reveal import Reveal

# While saving fails, how often to try again without waiting for the next change.
RETRY_SECONDS = 5.0
# Kinds whose widget hands back the step's whole answer table, not one answerer's value.
WHOLE_TABLE_KINDS = frozenset({"agreement", "chores", "requests", "listen"})
INPUTS: dict[str, type[StepInput]] = {
    "text": TextInput,
    "scale": ScaleInput,
    "choice": ChoiceInput,
}


class WalkScreen(Screen[None]):
    BINDINGS = [
        Binding("ctrl+n", "next", "Next"),
        Binding("ctrl+b", "back", "Back"),
        Binding("escape", "pause", "Pause"),
        Binding("ctrl+o", "notes", "Notes"),
    ]

    def __init__(
        self,
        store: Store,
        couple: Couple,
        session: Session,
        packs: list[Pack],
        read_only: str | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.couple = couple
        self.session = session
        self.walk = Walk(packs)
        self.read_only = read_only
        self.recorder = SessionRecorder(store, couple.id, session, read_only)
        self.names: dict[str, str] = {p.key: p.name for p in couple.partners}
        position = session.position
        phase = getattr(position, "phase", None) if position else None
        self.place = (
            self.walk.find(position.pack, position.step, phase) if position else self.walk.places[0]
        )
        self._save_timer: Timer | None = None
        # The save failure last told, so that a failure that repeats is not told every second.
        self._told: str | None = None
        self._closing = False

    def compose(self) -> ComposeResult:
        yield Static(id="progress", markup=False)
        yield PartnerBar(self.couple)
        yield VerticalScroll(id="stage")
        with Horizontal(id="nav"):
            yield Button("◀ Back", id="back", compact=True)
            yield Static(id="hint", markup=False)
            yield Button("Next ▶", id="next", variant="primary", compact=True)
        yield Footer()

    async def on_mount(self) -> None:
        if self.read_only:
            self.notify(
                self.read_only, title="Read-only", severity="warning", timeout=10, markup=False
            )
        await self.go(self.place)

    # Moving

    async def go(self, place: Place) -> None:
        """Show ``place``, remember it as where to resume, and save."""
        self.place = place
        stage = self.query_one("#stage", VerticalScroll)
        await stage.remove_children()
        await stage.mount_all(self._widgets(place))
        if self.read_only:
            for widget in self.query(StepInput):
                widget.disabled = True
        stage.scroll_home(animate=False)
        self._show_chrome(place)
        step = self.walk.step(place)
        self.session.position = Position(
            pack=self.walk.packs[place.pack].id, step=step.id, phase=place.phase
        )
        self.save_now()
        self._focus_first()

    def _focus_first(self) -> None:
        for widget in self.query(StepInput):
            focus = getattr(widget, "focus_input", None)
            if focus:
                focus()
                return
        if self.place.phase in (HANDOVER, HANDBACK):
            self.query_one("#ready", Button).focus()
        else:
            self.query_one("#next", Button).focus()

    async def action_next(self) -> None:
        place = self.place
        step = self.walk.step(place)
        widget = self._input()
        if widget is not None and not isinstance(widget, AgreementInput) and not self.read_only:
            self._record(widget.current())
            problem = widget.problem()
            if problem and not getattr(step, "optional", False):
                self.notify(problem, severity="warning", markup=False)
                widget.focus_input()
                return
        following = self.walk.next(place)
        if following is None:
            self.finish()
        else:
            await self.go(following)

    async def action_back(self) -> None:
        widget = self._input()
        if widget is not None and not isinstance(widget, AgreementInput) and not self.read_only:
            self._record(widget.current())
        previous = self.walk.back(self.place)
        if previous is None:
            self.notify("This is the first step.", markup=False)
            return
        await self.go(previous)

    async def goto_step(self, pack: int, step: int) -> None:
        await self.go(self.walk.start_of_step(pack, step))

    @work(exclusive=True, group="leave")
    async def finish(self) -> None:
        from workbook.tui.screens.done import DoneScreen

        if not self.read_only:
            self.session.finished = now()
            self.recorder.changed()
        if not await self.settle("Finish"):
            self.session.finished = None
            return
        self.store.release_session(self.couple.id, self.session.id)
        # Not awaited: this worker belongs to the screen being replaced.
        self.app.switch_screen(DoneScreen(self.store, self.couple, self.session))

    @work(exclusive=True, group="leave")
    async def action_pause(self) -> None:
        if not await self.settle("Leave"):
            return
        self.store.release_session(self.couple.id, self.session.id)
        self.dismiss()

    async def settle(self, leaving: str) -> bool:
        """Save before leaving. When saving fails, ask: try again, stay, or leave and lose what
        is unsaved. True when it is all right to leave."""
        from workbook.tui.screens.unsaved import LOSE, RETRY, UnsavedScreen

        while True:
            # The question below says it all; a toast about the same failure would cover it.
            self.save_now(tell=False)
            unsaved = self.recorder.unsaved()
            if unsaved is None:
                return True
            self.app.clear_notifications()
            choice = await self.app.push_screen_wait(UnsavedScreen(unsaved, leaving))
            if choice != RETRY:
                return choice == LOSE

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Notes belong to a facilitator; a couple on their own never sees the key, and a
        # read-only window writes nothing.
        if action == "notes":
            return bool(self.couple.facilitator) and not self.read_only
        return True

    @work
    async def action_notes(self) -> None:
        from workbook.tui.screens.notes import NotesScreen

        current = self.session.facilitator.notes if self.session.facilitator else ""
        notes = await self.app.push_screen_wait(NotesScreen(self.couple.facilitator or "", current))
        if notes is not None and not self.read_only:
            self.session.facilitator = FacilitatorNotes(notes=notes)
            self.recorder.changed()
            if self.save_now():
                self.notify("Notes saved.", markup=False)

    @on(Button.Pressed, "#next")
    async def _next_pressed(self) -> None:
        await self.action_next()

    @on(Button.Pressed, "#back")
    async def _back_pressed(self) -> None:
        await self.action_back()

    @on(Button.Pressed, "#ready")
    async def _ready_pressed(self) -> None:
        await self.action_next()

    # Answers

    def _input(self) -> StepInput | None:
        found = list(self.query(StepInput))
        return found[0] if found else None

    def _answer_key(self) -> str:
        step = self.walk.step(self.place)
        if getattr(step, "answer", None) == "together":
            return "together"
        return self.walk.answering(self.place) or "together"

    def _record(self, value: Any) -> None:
        place = self.place
        pack = self.walk.packs[place.pack]
        step = self.walk.step(place)
        table = dict(self.session.answer(pack.id, step.id))
        if step.kind in WHOLE_TABLE_KINDS:
            table = value
        else:
            table[self._answer_key()] = value
        self.recorder.record(pack.id, step.id, table)

    @on(StepInput.Changed)
    def _changed(self, event: StepInput.Changed) -> None:
        event.stop()
        if self.read_only:
            return
        self._record(event.value)
        self.schedule_save()

    @on(AgreementInput.Agreed)
    def _agreed(self, event: AgreementInput.Agreed) -> None:
        if self.read_only:
            self.notify(self.read_only, title="Read-only", severity="warning", markup=False)
            return
        widget = event.control if isinstance(event.control, AgreementInput) else self._input()
        assert isinstance(widget, AgreementInput)
        term = widget.terms[event.index]
        step = self.walk.step(self.place)
        pack = self.walk.packs[self.place.pack]
        made = self._today()
        review_on = term.get("review_on")
        days = (review_on - made).days if isinstance(review_on, date) else step.review_days
        recorded: list[str] = []

        def change(agreements: Any) -> Any:
            agreement = add_agreement(
                agreements,
                text=term["text"],
                made=made,
                session=self.session.id,
                source=term.get("source"),
                review_days=max(days, 1),
                confirmed_by=["a", "b"],
            )
            recorded.append(agreement.id)
            return agreements

        titles = {p.id: p.title for p in self.walk.packs}
        try:
            self.store.update_agreements(
                self.couple.id,
                change,
                lambda agreements: agreement_document(self.couple, agreements, titles, made),
            )
        except (SaveError, OSError, DataError) as error:
            self.notify(
                f"The agreement was not saved: {error}", severity="error", timeout=15, markup=False
            )
            return
        widget.mark_agreed(event.index, recorded[0])
        self.notify(
            f"Agreed by both of you, and added to the agreement document ({pack.title}).",
            markup=False,
        )

    def _today(self) -> date:
        today: Any = getattr(self.app, "today", date.today)
        return today()  # type: ignore[no-any-return]

    # Saving

    def schedule_save(self) -> None:
        """Save when the recorder says it is due; one timer at a time, re-armed as needed."""
        if self._save_timer is not None:
            return
        due = self.recorder.due_in()
        if due is not None:
            self._save_timer = self.set_timer(max(due, 0.0), self._timed_save)

    def _timed_save(self) -> None:
        self._save_timer = None
        due = self.recorder.due_in()
        if due is None:
            return
        if due > 0.01:
            self._save_timer = self.set_timer(due, self._timed_save)
        else:
            self.save_now()

    def save_now(self, *, tell: bool = True) -> bool:
        """Save the session now; a failure is shown (told once, unless ``tell`` is False), and
        the answers stay in memory."""
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        saved = self.recorder.save()
        failure = self.recorder.failure
        if failure is not None and not self._closing:
            # Try again without waiting for the next change, whatever the save was for.
            self._save_timer = self.set_timer(RETRY_SECONDS, self._timed_save)
        if failure == self._told:
            return saved
        self._told = failure
        self._show_progress(self.place)
        if failure is not None and tell:
            self.notify(
                f"Your answers are NOT saved: {failure}. They are kept while workbook is "
                "open; free some space or fix the folder, and they will be saved soon after.",
                title="Not saved",
                severity="error",
                timeout=20,
                markup=False,
            )
        elif failure is None:
            self.notify("Saved again. Nothing was lost.", markup=False)
        return saved

    def on_unmount(self) -> None:
        self._closing = True
        self.save_now()

    # Building the stage

    def _show_progress(self, place: Place) -> None:
        pack = self.walk.packs[place.pack]
        pack_no, packs, step_no, steps = self.walk.progress(place)
        text = f"{pack.title} · step {step_no} of {steps} · pack {pack_no} of {packs}"
        if self.couple.facilitator:
            text += f" · with {self.couple.facilitator}"
        if self.read_only:
            text += " · read-only"
        if self.recorder.failure:
            text = f"NOT SAVED · {text}"
        with contextlib.suppress(NoMatches):
            self.query_one("#progress", Static).update(line(text))

    def _show_chrome(self, place: Place) -> None:
        self._show_progress(place)
        step = self.walk.step(place)
        together = getattr(step, "answer", None) == "together"
        answering = self.walk.answering(place) if place.phase != REVEAL else None
        self.query_one(PartnerBar).show(answering, together=together, keys=step.kind == "agreement")
        hint = {
            HANDOVER: "Hand the screen over, then press Enter.",
            HANDBACK: "Hand the screen back, then press Enter.",
            REVEAL: "Both of you: here are your answers.",
        }.get(place.phase, "")
        self.query_one("#hint", Static).update(hint)
        self.query_one("#back", Button).disabled = self.walk.back(place) is None
        last = self.walk.next(place) is None
        self.query_one("#next", Button).label = "Finish ✓" if last else "Next ▶"

    def _widgets(self, place: Place) -> list[Widget]:
        step = self.walk.step(place)
        pack = self.walk.packs[place.pack]
        title = step.title or pack.title
        widgets: list[Widget] = [Static(line(title), classes="step-title")]
        if place.phase in (HANDOVER, HANDBACK):
            return widgets + self._handover(place)
        if step.kind == "read":
            return [*widgets, read_body(step.body)]
        table = self.session.answer(pack.id, step.id)
        if place.phase == REVEAL:
            widgets.append(Static(plain(neutral(step.prompt)), classes="prompt"))
            first = self.walk.first_partner(place)
            return [*widgets, Reveal(step, table, self.names, first)]
        if step.kind == "chores":
            return widgets + self._chores(place, step, table)
        key = self._answer_key()
        me = self.names.get(key, "")
        partner = self.names.get("b" if key == "a" else "a", "")
        help_text = getattr(step, "help", None)
        if step.kind not in TAKES_TURNS:
            # Steps where turns change inside the step name the partners themselves.
            prompt = fill_placeholders(step.prompt, me=me, partner=partner)
            widgets.append(Static(plain(prompt), classes="prompt"))
            if help_text:
                text = fill_placeholders(help_text, me=me, partner=partner, escape=inline)
                widgets.append(Markdown(text, open_links=False, classes="help"))
        if place.phase == SECOND and step.answer == "each-open":
            other = self.walk.first_partner(place)
            widgets.append(
                Static(fill("$name answered:", name=self.names[other]), classes="other-label")
            )
            widgets.append(
                Static(
                    answer_content(step, values_of(step, table).get(other)), classes="other-answer"
                )
            )
        value = table if step.kind in WHOLE_TABLE_KINDS else table.get(key)
        widgets.append(self._input_for(step, pack, value, key))
        return widgets

    def _chores(self, place: Place, step: Any, table: dict[str, Any]) -> list[Widget]:
        if place.phase == LIST:
            start = table or {
                "tasks": [task.model_dump() | {"now": "nobody"} for task in step.tasks]
            }
            shown: list[Widget] = [Static(plain(step.prompt), classes="prompt")]
            if step.help:
                shown.append(Markdown(step.help, open_links=False, classes="help"))
            return [
                *shown,
                Static(
                    "Together: the tasks, who does each now (press the name to change it), "
                    "and what done looks like.",
                    classes="legend",
                    markup=False,
                ),
                ChoresList(step, start),
            ]
        if place.phase in (FIRST, SECOND):
            key = self.walk.answering(place) or "a"
            return [
                Static(
                    fill(
                        "$me, how heavy is each task for you? Only you see this now.",
                        me=self.names[key],
                    ),
                    classes="prompt",
                ),
                ChoresWeigh(step, table, key),
            ]
        return [ChoresSplit(step, table, self.names)]

    def _input_for(self, step: Any, pack: Pack, value: Any, key: str) -> StepInput:
        if step.kind == "agreement":
            offered = offers(pack, step, self.session, self.names)
            return AgreementInput(
                step, value, offered, self.names, self._today(), here=f"{pack.id}.{step.id}"
            )
        if step.kind == "rank":
            return RankInput(step, value, self._rank_options(step, pack, key))
        if step.kind == "requests":
            return RequestsInput(
                step, value, self.names, self.walk.first_partner(self.place), self._set_aside()
            )
        if step.kind == "listen":
            return ListenInput(step, value, self.names, self.walk.first_partner(self.place))
        return INPUTS[step.kind](step, value)

    def _set_aside(self) -> list[SetAside]:
        """Requests decided "later" at this couple's earlier sessions, still waiting."""
        tables: list[tuple[str, list[dict[str, Any]]]] = []
        for session_id in self.store.session_ids(self.couple.id):
            if session_id == self.session.id:
                continue
            try:
                session = self.store.load_session(self.couple.id, session_id)
            except DataError:
                continue
            rows = [
                row
                for pack_id in list(session.answers)
                for table in session.pack_answers(pack_id).values()
                for row in request_rows(table)
            ]
            tables.append((session_id, rows))
        return set_aside(tables)

    def _rank_options(self, step: Any, pack: Pack, key: str) -> list[str]:
        if step.options:
            return list(step.options)
        picked = self.session.answer(pack.id, step.options_from).get(key)
        if key == "together" and not isinstance(picked, list):
            table = self.session.answer(pack.id, step.options_from)
            merged = [*table.get("a", []), *table.get("b", [])]
            return list(dict.fromkeys(merged))
        return list(picked) if isinstance(picked, list) else []

    def _handover(self, place: Place) -> list[Widget]:
        to = self.walk.answering(place) or "a"
        away = "b" if to == "a" else "a"
        to_name, away_name = self.names[to], self.names[away]
        verb = "back to" if place.phase == HANDBACK else "to"
        message = fill(
            f"Pass the screen {verb} [b]$to[/b].\n\n"
            "$away, please look away for a moment.\n\n"
            "$to, press Enter when you are ready.",
            to=to_name,
            away=away_name,
        )
        return [
            Static(message, classes="handover"),
            Button(fill("I'm $to, and I'm ready", to=to_name), id="ready", variant="primary"),
        ]
