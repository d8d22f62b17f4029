"""The counsellor's console: a second window, on the counsellor's own screen, beside the session
the couple is walking (DESIGN.md section 3.8).

It watches the session file: four times a second it looks at the file's size and time, and when
they change it reads the file in a thread, so the window never waits. It shows where the couple
is, whose turn it is, the time on this step and against the budget, the answers once they are
revealed (``logic/live.py`` decides), the scores, and the sealed answers, marked private. A file
that cannot be read just then (a hand edit half done) is said calmly, and what was last read
stays on screen.

The notes and the progress note (DAP, SOAP or BIRP; signed, then addenda) are saved as they
are typed into the notes file, under its own lock (``data/notepad.py``, ``progress_pane.py``).
The console never writes the session file and never takes its lock.

It watches the couple's file too: the care flag (``data/care.py``) shows at the top, from the
session that raised it to every later one, until it is cleared on Home. When the couple is
deleted (from Home, in another window), the console says so and stops following them: it
reads nothing more, the note boxes are closed, and nothing is saved for them again.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import (
    Markdown,
    Static,
    TabbedContent,
    TabPane,
    TextArea,
)

from workbook.data.models import CareFlag, Couple, Session, now
from workbook.data.notepad import NotePad
from workbook.data.notes import SessionNotes
from workbook.data.store import Store
from workbook.data.trail import moves
from workbook.export.console import sealed_markdown, step_title, where_words
from workbook.i18n.catalog import N_, speaking
from workbook.i18n.said import Words, said_in
from workbook.logic.clock import console_text
from workbook.logic.live import Live, time_on_step
from workbook.packs.load import LoadedPack
from workbook.packs.models import Pack
from workbook.service.follow import Follower, Found
from workbook.tui.actions import bindings
from workbook.tui.host import WorkbookScreen
from workbook.tui.plain import line, plain
from workbook.tui.screens.console_words import care_words, title_words, unread_words
from workbook.tui.widgets.button import Button
from workbook.tui.widgets.footer import KeysFooter
from workbook.tui.widgets.notes_pane import NotesPane
from workbook.tui.widgets.progress_pane import SETTING, ProgressPane, chosen_template

# The ways out a notice names ("Follow again to leave without them"), for the catalog.
WAYS_OUT = (N_("Follow"), N_("Back"), N_("Quit"))

POLL_SECONDS = 0.25
# Narrower than this, the answers and the notes are stacked, not side by side.
NARROW = 70
Library = Callable[[], Mapping[str, LoadedPack]]


@dataclass
class Read(Message):
    """What a read in the background found (``service.follow``)."""

    found: Found


class ConsoleScreen(WorkbookScreen[None]):
    BINDINGS = bindings("console")
    # The counsellor's window: the app's language, whatever the couple's.
    APP_LANGUAGE = True
    DEFAULT_CSS = """
    ConsoleScreen #console-top { height: auto; background: $panel; padding: 0 1; }
    ConsoleScreen #console-title { text-style: bold; }
    ConsoleScreen #console-problem { color: $warning; height: auto; }
    ConsoleScreen #console-care { color: $warning; text-style: bold; height: auto; }
    ConsoleScreen #follow-newer { display: none; margin: 1 0 0 0; }
    ConsoleScreen #follow-newer.shown { display: block; }
    ConsoleScreen #console-body { height: 1fr; }
    ConsoleScreen #console-answers { width: 1fr; padding: 0 1; }
    ConsoleScreen #console-answers Markdown { margin: 0; padding: 0; }
    ConsoleScreen #console-side { width: 1fr; height: 1fr; }
    ConsoleScreen.narrow #console-body { layout: vertical; }
    ConsoleScreen.narrow #note-box { height: 4; }
    ConsoleScreen.narrow #earlier { min-height: 1; }
    ConsoleScreen TabPane { padding: 0 1; }
    """

    def __init__(
        self,
        store: Store,
        couple: Couple,
        session_id: str,
        library: Library,
        *,
        clock: Callable[[], datetime] = now,
        poll: float = POLL_SECONDS,
    ) -> None:
        super().__init__()
        self.store = store
        self.couple = couple
        self.session_id = session_id
        self.library = library
        self.clock = clock
        self.poll = poll
        self.follower = Follower(store, couple, session_id, library, clock)
        self.names = self.follower.names
        self.notes = self.follower.notes
        self.pad = NotePad(self.notes)
        self.session: Session | None = None
        self.packs: list[Pack] = []
        self.live: Live | None = None
        self.problem: str | Words | None = None
        self.read_at: datetime | None = None
        # How many reads have been shown: tests wait on it, never on time.
        self.shown = 0
        self._reading = False
        self._sealed: dict[str, Any] = {}
        self._pack_notes: list[str] = []
        # The couple's session begun after the one followed finished.
        self.newer: str | None = None
        self.care: CareFlag | None = couple.care if couple.care and couple.care.up else None
        # The couple was deleted: nothing is read or saved for them any more.
        self.gone = False

    # Layout

    def compose(self) -> ComposeResult:
        _ = self.tr._
        with Vertical(id="console-top"):
            title = title_words(self.tr, self.couple, self.session_id)
            yield Static(line(title), id="console-title")
            yield Static("", id="console-care", markup=False)
            yield Static(_("Reading the session…"), id="console-where", markup=False)
            yield Static("", id="console-clock", markup=False)
            yield Static("", id="console-problem", markup=False)
            yield Button("", id="follow-newer", compact=True)
        with Horizontal(id="console-body"):
            with VerticalScroll(id="console-answers"):
                yield Markdown("", id="answers", open_links=False)
                yield Markdown("", id="sealed", open_links=False)
            with TabbedContent(id="console-side", initial="notes-tab"):
                notes, dap = (self.wb.keys_for(f"console.{k}") for k in ("notes", "dap-note"))
                with TabPane(Content(_("Notes ({keys})").format(keys=notes)), id="notes-tab"):
                    yield NotesPane(self.pad, self._place, self.clock, self._title_of, id="pane")
                with TabPane(Content(_("Progress note ({keys})").format(keys=dap)), id="dap-tab"):
                    yield ProgressPane(
                        self.pad,
                        self.notes,
                        chosen_template(self.store.load_settings()),
                        self.clock,
                        lambda chosen: self.store.save_settings({SETTING: chosen}),
                        id="progress-note",
                    )
        yield KeysFooter()

    async def on_mount(self) -> None:
        found = self.notes.read()
        await self.query_one(ProgressPane).load(found.progress)
        self.query_one(NotesPane).box.focus()
        self._show_care()
        self._watching = [
            self.set_interval(self.poll, self._poll),
            self.set_interval(1.0, self._show_clock),
        ]
        self._poll()

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width < NARROW, "narrow")

    # Watching

    def _poll(self) -> None:
        if self._reading or self.gone:
            return
        # A finished session no longer changes: its couple's folder is looked at instead, for
        # the session they begin next.
        finished = self.session is not None and self.session.finished is not None
        changed = self.follower.look(waiting=finished and self.newer is None)
        if changed is None:
            return
        self._reading = True
        shown = self.session
        tr = self.tr

        def read() -> None:
            # The answers are written as Markdown in the console's language.
            with speaking(tr):
                found = self.follower.read(changed, shown)
            self.post_message(Read(found))

        self.run_worker(
            read,
            thread=True,
            group="console-read",
            exit_on_error=False,
        )

    @on(Read)
    async def _show_read(self, read: Read) -> None:
        found = read.found
        self._reading = False
        if found.gone:
            self._gone()
            self.shown += 1
            return
        if found.couple:
            self.care = found.care
            self._show_care()
        if found.session is not None:
            self.session, self.packs, self.live = found.session, found.packs, found.live
            self._pack_notes = found.pack_notes
            self.read_at = self.clock()
            self.problem = None
        elif found.problem is not None:
            self.problem = found.problem
        if found.answers is not None:
            await self.query_one("#answers", Markdown).update(found.answers)
        if found.notes is not None:
            self._show_notes(found.notes)
        if found.newer is not None and found.newer != self.newer:
            self.newer = found.newer
            follow = self.query_one("#follow-newer", Button)
            said = self.tr._("Follow their new session ({session})")
            follow.label = Content(said.format(session=found.newer))
            follow.add_class("shown")
            self.refresh_bindings()
        self._show_where()
        self._show_clock()
        self.shown += 1

    def _show_care(self) -> None:
        """The care flag, at the top while it is up: when and where it was raised, never who
        answered (the sealed answers below say that, in the session that raised it)."""
        care = self.care
        widget = self.query_one("#console-care", Static)
        widget.display = care is not None
        if care is None:
            return
        here = care.session == self.session_id
        widget.update(care_words(self.tr, care, here, self.wb.keys_for("home.edit")))

    def _gone(self) -> None:
        """The couple was deleted: say so, stop following, and save nothing more."""
        if self.gone:
            return
        self.gone = True
        for timer in self._watching:
            timer.stop()
        pane = self.query_one(NotesPane)
        pane.gone()
        self.query_one(ProgressPane).close()
        a, b = self.couple.names
        self.query_one("#console-where", Static).update(
            plain(
                self.tr._(
                    "{a} and {b} have been deleted from this workbook, with every file of "
                    "theirs. The console has stopped following them, and saves nothing more "
                    "for them."
                ).format(a=a, b=b)
            )
        )
        for name in ("#console-clock", "#console-problem", "#follow-newer", "#console-care"):
            self.query_one(name).display = False

    def _show_notes(self, notes: SessionNotes) -> None:
        legacy = self.session.facilitator.notes if self.session and self.session.facilitator else ""
        notes.legacy = legacy
        self.query_one(NotesPane).show(notes)
        progress = self.query_one(ProgressPane)
        progress.show(notes.progress)
        if notes.read_only:
            progress.close()
        packs = {pack.id: pack for pack in self.packs}
        with speaking(self.tr):
            sealed = sealed_markdown(notes.given, packs, self.names)
        self.run_worker(self.query_one("#sealed", Markdown).update(sealed))

    def _show_where(self) -> None:
        trail = self.session.trail if self.session is not None else []
        with speaking(self.tr):
            where_text = where_words(self.live, len(self.packs), trail, self.names)
        self.query_one("#console-where", Static).update(plain(where_text))
        problems = list(self._pack_notes)
        if self.problem is not None:
            problems.insert(0, unread_words(self.tr, self.problem, self.read_at))
        problem = self.query_one("#console-problem", Static)
        problem.update(plain("\n".join(problems)))
        problem.display = bool(problems)

    def _show_clock(self) -> None:
        session = self.session
        if session is None or self.live is None or self.gone:
            return
        end = session.finished or self.clock()
        trail = moves(session.trail)
        where = self.live.where
        on_step = None
        if where is not None and session.finished is None:
            on_step = time_on_step(trail, where.pack_id, where.step_id, end)
        with speaking(self.tr):
            text = console_text(trail, end, self.live.budget_minutes, on_step)
        self.query_one("#console-clock", Static).update(text)

    # Notes

    def _place(self) -> tuple[str, str]:
        where = self.live.where if self.live is not None else None
        return (where.pack_id, where.step_id) if where is not None else ("", "")

    def _title_of(self, pack_id: str, step_id: str) -> str:
        for pack in self.packs:
            if pack.id == pack_id:
                step = next((s for s in pack.steps if s.id == step_id), None)
                return step_title(step) if step else f"{pack.title} › {step_id}"
        return f"{pack_id} › {step_id}" if pack_id else self.tr._("before the first step")

    @on(TextArea.Changed)
    def _dap_typed(self, event: TextArea.Changed) -> None:
        area_id = event.text_area.id or ""
        if not area_id.startswith("dap-"):
            return
        event.stop()
        self.pad.type_dap(area_id.removeprefix("dap-"), event.text_area.text)
        pane = self.query_one(NotesPane)
        pane.saver.schedule()

    @on(Button.Pressed, "#follow-newer")
    async def action_follow_newer(self) -> None:
        """Follow the couple's new session, the notes of this one saved first."""
        if self.newer is None or not await self.settle("Follow"):
            return
        following = ConsoleScreen(
            self.store, self.couple, self.newer, self.library, clock=self.clock
        )
        self.app.switch_screen(following)

    def action_new_note(self) -> None:
        self.query_one(TabbedContent).active = "notes-tab"
        self.query_one(NotesPane).action_new_note()

    def action_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab
        if tab == "notes-tab":
            self.query_one(NotesPane).box.focus()
        else:
            self.query_one(ProgressPane).first().focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Esc goes back only where there is somewhere to go back to (Home).
        if action == "close":
            return len(self.app.screen_stack) > 2
        if action == "follow_newer":
            # Shown in the footer, and done, only once the couple has begun a new session.
            return self.newer is not None
        return True

    async def action_close(self) -> None:
        if await self.settle("Back"):
            self.dismiss()

    def on_unmount(self) -> None:
        # However the window closes, what was typed and not saved yet is saved now.
        if not self.gone:
            self.pad.save()

    async def settle(self, leaving: str) -> bool:
        """Save what is typed before leaving; a save that fails is said, and a second try
        leaves. For a couple that was deleted there is nothing to save."""
        if self.gone:
            return True
        pane = self.query_one(NotesPane)
        if pane.saver.now() or getattr(self, "_warned", False):
            return True
        self._warned = True
        _ = self.tr._
        said = _("The notes are NOT saved: {problem}. {action} again to leave without them.")
        self.notify(
            said.format(problem=said_in(self.pad.failure, self.tr), action=_(leaving)),
            title=_("Not saved"),
            severity="error",
            timeout=20,
            markup=False,
        )
        return False
