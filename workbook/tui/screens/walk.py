"""The walk: one place at a time (a pack, a step, a phase), and whose turn it is.

The screen shows the place and forwards messages. What a step shows comes from its kind's view
(``tui/views.py``); answers and moves go to the ``SessionRecorder``, which saves them; confirmed
terms go to the ``AgreementBook``. A read-only window shows the session and changes nothing."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widget import Widget
from textual.widgets import OptionList, Static

from workbook.data.files import DataError
from workbook.data.models import Couple, Session
from workbook.data.store import Store
from workbook.i18n.said import Listed, Words, said_in
from workbook.logic.walk import Place, Walk
from workbook.packs.models import Pack
from workbook.service import sessions
from workbook.service.recorder import SessionRecorder
from workbook.tui import messages, views
from workbook.tui.actions import bindings
from workbook.tui.autosave import Autosave
from workbook.tui.follow import follow_highlight, settle_stage
from workbook.tui.plain import line
from workbook.tui.screens.leaving import LeavableScreen
from workbook.tui.screens.step_exit import StepExit
from workbook.tui.screens.walk_commands import Command, go_to_step
from workbook.tui.steps.base import StepInput
from workbook.tui.steps.context import StepContext, at_place
from workbook.tui.widgets.button import Button
from workbook.tui.widgets.clock import SessionClock
from workbook.tui.widgets.footer import KeysFooter
from workbook.tui.widgets.handover import handover
from workbook.tui.widgets.nav import NavBar
from workbook.tui.widgets.partners import PartnerBar, fit_counter, show_progress, tell_read_only


class WalkScreen(LeavableScreen):
    SCOPE = "walk"
    BINDINGS = bindings("walk")

    def __init__(
        self,
        store: Store,
        couple: Couple,
        session: Session,
        packs: list[Pack],
        read_only: Words | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.couple = couple
        self.walk = Walk(packs)
        self.read_only = read_only
        keeps = bool(couple.facilitator)
        self.recorder = SessionRecorder(
            store, couple.id, session, read_only, packs=packs, keeps_sealed=keeps, now=self.now
        )
        self.autosave = Autosave(self, self.recorder, lambda: show_progress(self, self.place))
        self.book = sessions.agreements(store, couple, lambda: self.wb.today())
        self.names: dict[str, str] = {p.key: p.name for p in couple.partners}
        self.place = self.walk.resume(session.position)
        self.shown: Place | None = None  # the place drawn: tests wait on it, never on time
        self._warned: set[str] = set()
        self.exit = StepExit(self, lambda: self.place, bool(read_only))

    @property
    def session(self) -> Session:
        return self.recorder.session

    def now(self) -> datetime:
        return self.wb.now()

    def compose(self) -> ComposeResult:
        with Horizontal(id="top"):
            yield Static(id="progress", markup=False)
            yield Static(id="counter", markup=False)
            yield SessionClock(self.recorder, self.walk.packs, self.now)
        yield PartnerBar(self.couple)
        yield VerticalScroll(id="stage")
        yield NavBar(id="nav")
        yield KeysFooter()

    async def on_mount(self) -> None:
        if self.read_only:
            tell_read_only(self)
        await self.go(self.place)

    def on_resize(self) -> None:
        # Turned to a phone's width, or back: the counter and the clock on one line or two.
        fit_counter(self)

    async def go(self, place: Place) -> None:
        """Show ``place``, remember it as where to resume, and save."""
        self.place = place
        pack, step = self.walk.packs[place.pack], self.walk.step(place)
        self.recorder.move(pack.id, step.id, place.phase)
        self.autosave.now()
        stage = self.query_one("#stage", VerticalScroll)
        await stage.remove_children()
        title = Static(line(step.title or pack.title), classes="step-title dir-auto")
        await stage.mount_all([title, *self._stage(place)])
        for widget in self.query(StepInput):
            widget.disabled = bool(self.read_only)
        settle_stage(stage)
        self._show_chrome(place)
        self._focus_first()
        self.shown = place

    def _stage(self, place: Place) -> list[Widget]:
        if self.walk.is_handoff(place):
            to = self.walk.answering(place) or "a"
            ready, away = self.wb.keys_for("walk.ready", first=True), "b" if to == "a" else "a"
            return handover(self.names[to], self.names[away], place.phase, ready, self.tr)
        return views.build(self.context(place), self.tr)

    def context(self, place: Place) -> StepContext:
        problems: list[Words] = []
        today = self.wb.today()
        earlier = lambda: sessions.earlier(self.store, self.couple.id, self.session.id)  # noqa: E731
        made = at_place(self.walk, place, self.session, self.names, today, earlier, problems)
        made = replace(made, read_only=bool(self.read_only), kept_by=self.couple.facilitator)
        if problems and made.where not in self._warned:
            self._warned.add(made.where)
            unread = Listed(problems[:3]).said(self.tr)
            said = self.tr._("Kept as it is in the file, but not read: {problems}")
            self.notify(said.format(problems=unread), markup=False)
        return made

    def _focus_first(self) -> None:
        inputs = [w for w in self.query(StepInput) if not w.disabled]
        if inputs:
            inputs[0].focus_input()
            return
        self.set_focus(self.query_one("#ready" if self.walk.is_handoff(self.place) else "#next"))

    async def action_next(self) -> None:
        if self.walk.is_handoff(self.place):
            # Next never stands in for the named partner's "I'm ready".
            name = self.names[self.walk.answering(self.place) or "a"]
            said = self.tr._("{name} goes on, with the button that says so.")
            self.notify(said.format(name=name), markup=False)
            self.query_one("#ready", Button).focus()
            return
        await self._forward()

    async def action_ready(self) -> None:
        if self.walk.is_handoff(self.place):
            await self._forward()

    async def _forward(self) -> None:
        if not self.exit.may_leave("next", self._forward):
            return
        if (following := self.walk.next(self.place)) is None:
            self.finish()
        else:
            await self.go(following)

    async def action_back(self) -> None:
        previous = self.walk.back(self.place)
        if previous is None:
            self.notify(self.tr._("This is the first step."), markup=False)
            return
        if self.exit.may_leave("back"):
            await self.go(previous)

    async def goto_step(self, pack: int, step: int) -> None:
        await self.go(self.walk.start_of_step(pack, step))

    async def leave_to(self, pack: int, step: int) -> None:
        """Go to a step chosen in the command palette, once told what would stay behind."""
        if self.exit.may_leave("goto"):
            await self.goto_step(pack, step)

    def may_pause(self) -> bool:
        return self.exit.may_leave("pause")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # An empty note for a facilitator (never the notes: screens/notes.py); none when read-only.
        if action == "notes":
            return bool(self.couple.facilitator) and not self.read_only
        if action == "ready":
            # Enter on another button (Back, reached with Tab) is that button's.
            focused = self.focused
            elsewhere = isinstance(focused, Button) and focused.id != "ready"
            return self.walk.is_handoff(self.place) and not elsewhere
        return action != "end_now" or not self.read_only

    def action_export(self) -> None:
        self.post_message(messages.ExportDocuments(self.couple))

    def more_commands(self) -> list[Command]:
        return go_to_step(self.walk, lambda p, s: self.run_worker(self.leave_to(p, s)), self.tr)

    def action_notes(self) -> None:
        from workbook.tui.screens.notes import NotesScreen

        notes = sessions.notes(self.store, self.couple.id, self.session.id)
        where = lambda: self.walk.ids(self.place)  # noqa: E731
        self.app.push_screen(NotesScreen(self.couple.facilitator or "", notes, where))

    # Messages from the step

    @on(OptionList.OptionHighlighted)
    def _follow(self, event: OptionList.OptionHighlighted) -> None:
        follow_highlight(self.query_one("#stage", VerticalScroll), event.option_list)

    @on(StepInput.Changed)
    def _changed(self, event: StepInput.Changed) -> None:
        event.stop()
        pack = self.walk.packs[self.place.pack]
        self.recorder.record(pack.id, event.step_id, event.answer)
        self.autosave.schedule()

    @on(StepInput.Confirmed)
    def _agreed(self, event: StepInput.Confirmed) -> None:
        event.stop()
        _ = self.tr._
        if self.read_only:
            tell_read_only(self)
            return
        pack = self.walk.packs[self.place.pack]
        try:
            agreement = self.book.agree_term(event.term, self.session.id, pack.title)
        except (OSError, DataError) as error:  # durable.SaveError is an OSError
            said = _("The agreement was not saved: {error}").format(error=said_in(error, self.tr))
            self.notify(said, severity="error", markup=False)
            return
        event.kept(agreement.id)
        said = _("Agreed by both of you, and added to your agreements ({pack}).")
        self.notify(said.format(pack=pack.title), markup=False)

    def on_unmount(self) -> None:
        # However the window closes, the trail says the couple left (a pause says it first).
        self.recorder.leave()
        self.autosave.closing = True
        self.autosave.now()

    def _show_chrome(self, place: Place) -> None:
        show_progress(self, place)
        self.query_one(SessionClock).tick()
        self.query_one(PartnerBar).show_place(self.walk, place)
        self.query_one(NavBar).show(self.walk, place)
