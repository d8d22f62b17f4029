"""A partner's own seat in an apart session (DESIGN.md section 3.12): the walk as one partner
sees it on their own device.

It shows what ``service.apart.Seat`` says this seat is at (its own turn, "Waiting for Ben",
the reveal, a shared part), watches the session file (a ``stat`` every ``POLL`` seconds, a read
when it changed) for the other seat's moves and saves, and keeps typing within ``KEEP_WITHIN``
seconds, and at once before any move.

The watch runs on a timer of its own, beside the messages (keys, taps): a redraw is done under
one lock, so two (the watch's and a move's) never interleave, which would leave the stage
empty or twice filled. A change at a shared part is kept against the table the stage was drawn
from, so a stale screen never writes over the other seat's newer change."""

from __future__ import annotations

import asyncio
import contextlib
import time
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Static

from workbook.data.durable import SaveError
from workbook.data.files import DataError
from workbook.data.partners import other
from workbook.i18n.said import said_in
from workbook.kinds import spec
from workbook.logic.walk import Place
from workbook.service import apart, apart_terms
from workbook.service.follow import signature
from workbook.tui import views
from workbook.tui.actions import bindings
from workbook.tui.follow import settle_stage
from workbook.tui.host import WorkbookScreen
from workbook.tui.plain import fill, line
from workbook.tui.screens.apart_context import seat_context, table_of
from workbook.tui.screens.apart_presence import SeatPresence
from workbook.tui.screens.apart_term_acts import TermActs
from workbook.tui.screens.apart_terms import ApartTerms
from workbook.tui.screens.apart_words import (
    FINISHED,
    NOTICE,
    WAITING,
    WAITING_MORE,
    next_label,
    top_line,
)
from workbook.tui.steps.base import StepInput, prompt_widgets
from workbook.tui.steps.context import StepContext
from workbook.tui.widgets.button import Button
from workbook.tui.widgets.footer import KeysFooter

POLL = 0.2
RECHECK = 2.0
KEEP_WITHIN = 0.5


class ApartScreen(TermActs, SeatPresence, WorkbookScreen[None]):
    SCOPE = "apart"
    BINDINGS = bindings("apart")
    DEFAULT_CSS = """
    ApartScreen #apart-top { height: auto; }
    ApartScreen #progress { width: 1fr; height: auto; }
    ApartScreen #apart-nav { height: auto; }
    ApartScreen #apart-nav Button { margin-right: 1; min-width: 8; }
    ApartScreen .waiting { margin: 1 0; text-style: bold; }
    """

    def __init__(self, seat: apart.Seat) -> None:
        super().__init__()
        self.seat = seat
        self.names: dict[str, str] = {p.key: p.name for p in seat.couple.partners}
        self.shown: apart.Stage | None = None
        self._shown_answers: Any = None
        # The answer table the stage's inputs hold: what this seat's next change is made from.
        self._base: Any = None
        self._drawing = asyncio.Lock()
        self._signature: Any = None
        # This seat's latest answer not yet kept: (place, answer table).
        self._pending: tuple[Place, dict[str, Any]] | None = None
        self._keep_timer: Timer | None = None
        # A change of the other seat's not shown yet, since this seat was typing.
        self._owed = False
        self._changed_at = 0.0
        self.term_draft = ""  # a term typed at an agreement step, kept through redraws

    @property
    def couple_language(self) -> str | None:
        """The couple's language, which this seat and every dialog over it speak."""
        return self.seat.couple.language

    def compose(self) -> ComposeResult:
        with Horizontal(id="apart-top"):
            yield Static(id="progress", markup=False)
        yield VerticalScroll(id="stage")
        with Horizontal(id="apart-nav"):
            yield Button(self.tr._("Back"), id="back")
            yield Button(self.tr._("Next"), id="next", variant="primary")
        yield KeysFooter()

    async def on_mount(self) -> None:
        try:
            self.seat.arrive()
        except SaveError as error:
            self._failed(error)
        self._signature = signature(self.seat.path)
        await self.show_stage()
        self.set_interval(POLL, self.poll)
        self.start_heartbeat()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        mode = self.shown.mode if self.shown else None
        if action == "back":
            return mode not in (apart.WAITING, apart.FINISHED)
        # Next, I'm done and Change my answer share a key: the one the button says is in force.
        own = {"done": apart.ANSWER, "change": apart.WAITING}
        if action == "next":
            return mode not in (apart.FINISHED, *own.values())
        return mode == own[action] if action in own else True

    # Watching the session file

    async def poll(self) -> None:
        """Show what the other seat changed. Two saves in one tick of the file system's clock
        can look alike: for ``RECHECK`` seconds after a change, every look reads the file."""
        async with self._drawing:
            await self._look()

    async def _look(self) -> None:
        now, at = signature(self.seat.path), time.monotonic()
        if now == self._signature and at - self._changed_at > RECHECK:
            return
        if now != self._signature:
            self._changed_at = at
        self._signature = now
        try:
            self.seat.reload()
        except DataError:
            return
        stage = self.seat.stage()
        shown = self.shown
        same_place = shown is not None and stage.place == shown.place
        answers = self._answers(stage)
        if same_place and stage.mode == getattr(shown, "mode", None):
            self.shown = stage
            if answers == self._shown_answers:
                # Only who is done changed: this partner's own turn is left as it is.
                self._show_chrome(stage)
                return
            if stage.mode == apart.SHARED and self._pending is not None:
                # Still typing a together answer: kept in a moment, shown, then the other's change.
                self._owed = True
                return
        self.keep_now()
        if stage.mode == apart.FINISHED:
            self._settle()
        await self._draw()

    def _settle(self) -> None:
        try:
            self.seat.settle_own()
        except SaveError as error:
            self._failed(error)

    def _answers(self, stage: apart.Stage) -> Any:
        if stage.place is None:
            return None
        return self.seat.answer_table(stage.place)

    # Showing

    async def show_stage(self) -> None:
        """Draw the stage as the seat stands now, once any redraw under way is done."""
        async with self._drawing:
            await self._draw()

    async def _draw(self) -> None:
        stage = self.seat.stage()
        self.shown = stage
        self._owed = False
        self._shown_answers = self._base = self._answers(stage)
        holder = self.query_one("#stage", VerticalScroll)
        for terms in self.query(ApartTerms):
            self.term_draft = terms.draft
        await holder.remove_children()
        await holder.mount_all(self._widgets(stage))
        if self.app._closing or not holder.is_attached:
            # The window closed while the stage was drawn: nothing left to show it on.
            return
        self.share_listening()
        # At its top, whatever the stage drawn before was scrolled to (or on its way to).
        settle_stage(holder)
        self._show_chrome(stage)
        self.refresh_bindings()
        inputs = [w for w in self.query(StepInput) if not w.disabled]
        if inputs:
            inputs[0].focus_input()
        elif stage.mode == apart.WAITING:
            # A stray Enter never takes back "I'm done".
            self.set_focus(None)
        else:
            self.set_focus(self.query_one("#next", Button))

    def _widgets(self, stage: apart.Stage) -> list[Widget]:
        if stage.mode == apart.FINISHED or stage.place is None:
            return [Static(self.tr.gettext(FINISHED), markup=False)]
        place = stage.place
        step = self.seat.walk.step(place)
        pack = self.seat.walk.packs[place.pack]
        title = Static(line(step.title or pack.title), classes="step-title dir-auto")
        if stage.mode == apart.NOTICE:
            return [title, Static(self.tr.gettext(NOTICE), markup=False)]
        if stage.mode == apart.WAITING:
            partner = self.names[other(self.seat.partner)]
            return [
                title,
                Static(fill(self.tr.gettext(WAITING), name=partner), classes="waiting"),
                Static(fill(self.tr.gettext(WAITING_MORE), name=partner)),
            ]
        if stage.mode == apart.TERMS:
            terms = apart_terms.terms(self.seat, place)
            offers = apart_terms.offered(self.seat, place, self.names)
            shown = ApartTerms(terms, self.names, self.seat.partner, self.term_draft, offers)
            return [title, *prompt_widgets(self.context(stage)), shown]
        return [title, *views.build(self.context(stage), self.tr)]

    def context(self, stage: apart.Stage) -> StepContext:
        return seat_context(self.seat, self.names, stage, self.wb.today())

    def _show_chrome(self, stage: apart.Stage) -> None:
        me, partner = self.names[self.seat.partner], other(self.seat.partner)
        progress = self.seat.walk.progress(stage.place) if stage.place is not None else None
        done = stage.mode == apart.ANSWER and partner in stage.done
        shown = top_line(self.tr, me, progress, self.names[partner] if done else None)
        self.query_one("#progress", Static).update(shown + self.partner_away())
        button = self.query_one("#next", Button)
        button.label = next_label(self.tr, stage.mode)
        # Its width follows the new label (Textual keeps the old one otherwise).
        button.refresh(layout=True)
        button.display = stage.mode != apart.FINISHED
        self.query_one("#back", Button).display = stage.mode not in (
            apart.FINISHED,
            apart.WAITING,
        )

    # Answers

    @on(StepInput.Changed)
    def _changed(self, event: StepInput.Changed) -> None:
        event.stop()
        place = self.shown.place if self.shown else None
        # A change that arrives after its step was left (the stage moved on) is not this one's.
        if place is None or self.seat.walk.step(place).id != event.step_id:
            return
        self._pending = (place, table_of(event.answer))
        if self._keep_timer is None:
            self._keep_timer = self.set_timer(KEEP_WITHIN, self.keep_now)

    def keep_now(self) -> bool:
        """Keep this seat's pending answer; False (and said) when it could not be kept."""
        if self._keep_timer is not None:
            self._keep_timer.stop()
            self._keep_timer = None
        if self._pending is None:
            return True
        place, table = self._pending
        stage = self.shown
        # At a shared part, the change is kept against the table the stage was drawn from.
        shared = stage is not None and stage.place == place and stage.mode != apart.ANSWER
        shown = self._base if shared else None
        try:
            self.seat.keep(place, table, shown)
        except SaveError as error:
            self._failed(error)
            return False
        self._pending = None
        if shown is not None and stage is not None:
            # The stage's inputs hold this table now (the next change is made from it); a
            # change of the other seat's, kept beside this one's, is not on screen yet.
            self._base = table
            read = spec(self.seat.walk.step(place)).read
            self._owed |= table_of(read(self._answers(stage))) != table_of(read(table))
        if self._owed:
            # The other seat changed the answer while this one typed: the next look redraws.
            self._owed = False
            self._signature = None
        elif self.shown is not None and self.shown.place == place:
            # What is on screen is what is kept now: this seat's own save, when the watch sees
            # it, redraws nothing. The watch itself reads every change, its own included, so a
            # change the other seat made a moment before is never taken for this one's.
            self._shown_answers = self._answers(self.shown)
        return True

    def _failed(self, error: SaveError) -> None:
        said = self.tr._("Not saved: {problem}").format(problem=said_in(error, self.tr))
        self.notify(said, severity="error", timeout=10, markup=False)

    # Moves

    @on(Button.Pressed, "#next")
    async def _next_pressed(self) -> None:
        await self.action_next()

    @on(Button.Pressed, "#back")
    async def _back_pressed(self) -> None:
        await self.action_back()

    async def action_next(self) -> None:
        stage = self.shown
        if stage is None or stage.place is None or not self.keep_now():
            return
        inputs = list(self.query(StepInput)) if stage.mode != apart.WAITING else []
        # Not whole yet (a task list without weights, a request left in its box): said; an
        # answer begun and not finished (requests not decided): asked, as at one screen.
        problem = next((p for p in (i.problem() for i in inputs) if p), None)
        if problem:
            self.notify(problem, markup=False)
            return
        asking = next(((i, q) for i in inputs if (q := i.question_before_next())), None)
        if asking is not None:
            self._ask_then_go_on(stage, *asking)
            return
        await self._go_on(stage)

    @work(exclusive=True, group="next")
    async def _ask_then_go_on(self, stage: apart.Stage, asker: StepInput, question: Any) -> None:
        from workbook.tui.screens.confirm import ConfirmScreen

        asked = ConfirmScreen(Content(question.words), question.go_on, self.tr._("Go back"))
        if not await self.app.push_screen_wait(asked):
            return
        if question.then is not None:
            question.then()
            # What it changed is kept now, before the move (its message would come after).
            self._pending = (stage.place, table_of(asker.answer)) if stage.place else None
        if self.keep_now():
            await self._go_on(stage)

    async def _go_on(self, stage: apart.Stage) -> None:
        assert stage.place is not None
        try:
            if stage.mode == apart.ANSWER:
                self.seat.finish_turn(stage.place)
            elif stage.mode == apart.WAITING:
                self.seat.undo_turn(stage.place)
            else:
                self.seat.move(stage.place, forward=True)
        except SaveError as error:
            self._failed(error)
            return
        await self._after_change()

    async def action_done(self) -> None:
        await self.action_next()

    async def action_change(self) -> None:
        await self.action_next()

    async def action_back(self) -> None:
        stage = self.shown
        if stage is None or stage.place is None or stage.mode == apart.WAITING:
            return
        if not self.keep_now():
            return
        try:
            self.seat.move(stage.place, forward=False)
        except SaveError as error:
            self._failed(error)
            return
        await self._after_change()

    @work(exclusive=True, group="end")
    async def action_end_now(self) -> None:
        """A sealed step's "End here for today": the session ends for both seats, once asked;
        this partner's sealed answer still reaches the counsellor."""
        from workbook.tui.screens.leaving import ask_to_end

        if not await self.app.push_screen_wait(ask_to_end(self.tr)) or not self.keep_now():
            return
        try:
            self.seat.end_now()
        except SaveError as error:
            self._failed(error)
            return
        await self._after_change()

    async def _after_change(self) -> None:
        await self.show_stage()

    def on_unmount(self) -> None:
        self.keep_now()
        # Leaving is only a mark for the console; the answers are kept already.
        with contextlib.suppress(SaveError):
            self.seat.leave()
