"""Home: the couples in the data folder as a table, with search, filters and sorting for a
caseload; and the ways in (a new couple, a session, resume, export, review, edit, delete).

The table comes from ``index.toml``, read in a worker thread so that Home is drawn at once and
never waits on the disk. A key that needs a couple, pressed before the table is filled, waits.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from textual import events, on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Footer, Input, Select, Static
from textual.worker import get_current_worker

from workbook.data.index import Caseload
from workbook.data.overview import Overview
from workbook.i18n.catalog import speaking
from workbook.logic.caseload import CaseView
from workbook.service import caseload
from workbook.service.errors import ServiceError
from workbook.tui import messages
from workbook.tui.actions import bindings
from workbook.tui.follow import typed_into
from workbook.tui.host import WorkbookScreen
from workbook.tui.plain import fill
from workbook.tui.screens.home_manage import CaseloadActions
from workbook.tui.screens.home_rows import description, row_cells, table_columns
from workbook.tui.screens.home_search import caseload_bar
from workbook.tui.screens.home_week import CaseloadWeek
from workbook.tui.widgets.button import Button
from workbook.tui.widgets.case_table import CaseTable
from workbook.tui.widgets.footer import KeysFooter

if TYPE_CHECKING:
    from workbook.data.models import Couple
    from workbook.tui.actions import Action

# Narrower than this, the five buttons take two rows.
NARROW = 76
# From this width the table has room for the facilitator.
WIDE = 100


class HomeScreen(CaseloadActions, CaseloadWeek, WorkbookScreen[None]):
    SCOPE = "home"
    APP_LANGUAGE = True
    AUTO_FOCUS = "#couples"
    BINDINGS = bindings("home")

    class Loaded(Message):
        """The couples are on screen, after each reading of the data folder."""

    def __init__(self) -> None:
        super().__init__()
        self.view = CaseView()
        # The couples as the table shows them, in its order (readable ones only).
        self.couples: list[Overview] = []
        self._ready = asyncio.Event()
        self._width: int | None = None
        self._first = True
        # The keys of the columns after the names, as shown at this width.
        self._keys: list[str] = []
        # Each couple's row, by id, as the columns are now.
        self._rows: dict[str, list[str]] = {}
        # What the lines below the table say now, so that they are not set again.
        self._said: tuple[object, ...] = ()
        self._plain = False
        self._noted: set[str] = set()
        # The couple to highlight once the table is next filled (back from their window).
        self._choose: str | None = None

    def compose(self) -> ComposeResult:
        tr = self.tr
        _ = tr._
        with Vertical(id="home"):
            yield Static("workbook", classes="app-title", markup=False)
            yield Static(
                _("Guided conversations for two people at one screen."),
                classes="subtitle",
                markup=False,
            )
            # The search and the filters are put in once there is a caseload (``_show``).
            yield Horizontal(id="caseload-bar")
            yield CaseTable(id="couples")
            yield Static(_("Reading the couples…"), id="detail", markup=False)
            with Horizontal(id="home-buttons"):
                yield Button(_("New session"), id="new-session", variant="primary")
                yield Button(_("Resume"), id="resume")
                yield Button(_("New couple"), id="new-couple")
                export, review = (self.wb.keys_for(f"home.{k}") for k in ("export", "review"))
                yield Button(Content(_("Export ({keys})").format(keys=export)), id="export")
                yield Button(Content(_("Review ({keys})").format(keys=review)), id="review")
        # Compact, so that every key fits in the footer down to 60 columns.
        yield KeysFooter(compact=True)

    def on_mount(self) -> None:
        self.query_one("#caseload-bar").display = False

    async def _caseload_bar(self, shown: bool) -> None:
        """Show the search and the filters, made the first time (``home_search``), or hide
        them."""
        bar = self.query_one("#caseload-bar")
        if shown and not bar.children:
            await bar.mount_all(caseload_bar(self.wb.keys_for, self.tr))
        bar.display = shown

    def _search_box(self) -> Input | None:
        """The search box, once there is one."""
        found = self.query("#search")
        return found.first(Input) if found else None

    def on_resize(self, event: events.Resize) -> None:
        narrow = event.size.width < NARROW
        self.set_class(narrow, "narrow")
        # Room for every key of Home in the footer: the palette's own hint gives way first.
        self.query_one(Footer).show_command_palette = not narrow
        if event.size.width != self._width:
            self._width = event.size.width
            self._columns()
            self._fill()

    @property
    def _wide(self) -> bool:
        return (self._width or 0) >= WIDE

    def on_screen_resume(self) -> None:
        # Also when Home is first shown: the one reading of the folder at start-up.
        self.refresh_couples()

    # Reading the data folder

    def refresh_couples(self) -> None:
        """Read the couples again (from the index, where nothing changed), in a worker."""
        self._ready.clear()
        self._read()

    @work(thread=True, exclusive=True, group="caseload", exit_on_error=False)
    def _read(self) -> None:
        # The first reading prepares the data folder (``Host.prepare_folder``), keys held.
        problem = self.wb.prepare_folder()
        if problem is not None:
            say = self.app.notify
            self.app.call_from_thread(say, problem, severity="error", timeout=30, markup=False)
        try:
            found = caseload.caseload(self.wb.store, self.wb.today())
        except Exception as error:  # never a crash on Home: say what went wrong instead
            found = Caseload(note=self.tr._("The couples could not be read: {e}").format(e=error))
        if not get_current_worker().is_cancelled:
            # Next in Home's own queue, which holds the keys until it is done (``key_gate``).
            self.app.call_from_thread(self.call_next, self._show, found)

    async def _show(self, caseload: Caseload) -> None:
        self.view.caseload = caseload
        self._rows.clear()
        if caseload.note and caseload.note not in self._noted:
            self._noted.add(caseload.note)
            said = caseload.note_in(self.tr)
            self.notify(said, title=self.tr._("Home"), severity="warning", markup=False)
        total = len(caseload.couples) + len(caseload.unreadable)
        # A couple at home sees their couple; the search and filters come with a caseload.
        caseload_bar = total > 1 or any(c.archived for c in caseload.couples)
        await self._caseload_bar(caseload_bar)
        # A counsellor knows what workbook is for: the line goes, for one more couple.
        self.query_one(".subtitle").display = not caseload_bar
        for button in ("#new-session", "#resume", "#export", "#review"):
            self.query_one(button, Button).disabled = not caseload.couples
        self._fill()
        if self._choose is not None:
            self.choose(self._choose)
            self._choose = None
        # Focus goes where the next key is expected, the first time; after that it stays
        # where the person left it.
        if not caseload.couples:
            self.query_one("#new-couple", Button).focus()
        elif self._first or self.focused is None:
            self.query_one("#couples", CaseTable).focus()
        self._first = False
        self._ready.set()
        self.post_message(self.Loaded())

    # The table

    def _columns(self) -> None:
        """The columns, fixed in width so that the table never scrolls sideways."""
        self._keys, columns = table_columns(self._width or 80, self._wide, self.tr)
        self._rows.clear()
        self.query_one("#couples", CaseTable).set_columns(columns)

    def _fill(self, keep: bool = True) -> None:
        """Show the couples that pass the search and the filter, in the chosen order, keeping
        the highlight on the couple it was on (else on the first)."""
        table = self.query_one("#couples", CaseTable)
        chosen = table.cursor_key if keep else None
        self.couples = self.view.shown()
        rows = [(couple.id, self._row(couple)) for couple in self.couples]
        for couple_id, _reason in self.view.unreadable_shown():
            cells = [couple_id] + [""] * len(self._keys)
            cells[-1] = self.tr._("⚠ unreadable")
            rows.append((couple_id, cells))
        with speaking(self.tr):
            table.set_rows(rows, keep=chosen, placeholder=self.view.nothing_shown())
        self._describe()

    def _row(self, couple: Overview) -> list[str]:
        """The cells of a couple's row, made once for each reading of the folder: a search
        key only chooses among them."""
        cells = self._rows.get(couple.id)
        if cells is None:
            cells = self._rows[couple.id] = row_cells(couple, self._keys, self.wb.today(), self.tr)
        return cells

    def _chosen_id(self) -> str | None:
        return self.query_one("#couples", CaseTable).cursor_key

    def _describe(self) -> None:
        """The line under the table: the highlighted couple in words, and what can be done."""
        detail = self.query_one("#detail", Static)
        if self.view.caseload is None:
            return
        chosen = self._chosen_id()
        # Said again only when it changes: a search key often leaves the same couple first.
        said = (chosen, id(self.view.caseload), bool(self.couples))
        if said == self._said:
            return
        self._said = said
        couple = self.view.by_id(chosen)
        if couple is not None and not couple.problem:
            # Two lines, each cut to the width: one couple's description replaces another's
            # without laying out the screen again, at every search key.
            detail.set_class(False, "wrapped")
            detail.update(description(couple, self.wb.keys_for, self.tr), layout=not self._plain)
            self._plain = True
            return
        self._plain = False
        detail.set_class(True, "wrapped")
        reason = self.view.unreadable_said(chosen or "", self.tr)
        _ = self.tr._
        if couple is not None:
            detail.update(description(couple, self.wb.keys_for, self.tr))
        elif reason is not None:
            detail.update(fill(_("⚠ $id cannot be read: $why"), id=chosen or "", why=reason))
        elif not self.view.caseload.couples:
            start = _("Start by adding the two of you with New couple ($n).")
            detail.update(fill(start, n=self.wb.keys_for("home.new-couple")))
        else:
            detail.update("")

    @on(CaseTable.Highlighted, "#couples")
    def _highlighted(self) -> None:
        self._describe()

    @on(CaseTable.Selected, "#couples")
    async def _selected(self, event: CaseTable.Selected) -> None:
        # The couple highlighted when Enter came, whatever the table shows by now.
        self.choose(event.key)
        await self.action_new_session()

    # Search, filter and order

    @on(Input.Changed, "#search")
    def _search(self, event: Input.Changed) -> None:
        self.view.query = event.value
        # Typing moves to the first couple found, as a search should.
        self._fill(keep=False)

    @on(Input.Submitted, "#search")
    def _found(self) -> None:
        if self.couples:
            self.query_one("#couples", CaseTable).focus()

    @on(Select.Changed, "#show")
    def _show_changed(self, event: Select.Changed) -> None:
        self.view.show = str(event.value)
        self._fill()

    @on(Select.Changed, "#order")
    def _order_changed(self, event: Select.Changed) -> None:
        self.view.order = str(event.value)
        self._fill()

    def action_search(self) -> None:
        search = self._search_box()
        if search is not None and self.query_one("#caseload-bar").display:
            search.focus()

    def action_move(self, step: int) -> None:
        self.query_one("#couples", CaseTable).action_move(step)

    def action_clear_search(self) -> None:
        search = self._search_box()
        if search is not None and search.value:
            search.value = ""
        if self.couples or self.view.unreadable_shown():
            self.query_one("#couples", CaseTable).focus()

    def on_key(self, event: events.Key) -> None:
        # A name typed on the table goes to the search, as the walk sends typing to its text
        # box; the keys bound on Home (n, s, r, e, v, f, /) keep their meaning.
        if not event.is_printable or not event.character or event.key in self.active_bindings:
            return
        search = self._search_box()
        if search is None or not self.query_one("#caseload-bar").display:
            return
        if isinstance(self.focused, CaseTable):
            event.stop()
            typed_into(search, event.character)

    # The chosen couple

    def choose(self, couple_id: str) -> bool:
        """Highlight the couple ``couple_id`` if the table shows it."""
        return self.query_one("#couples", CaseTable).move_to(couple_id)

    def choose_when_read(self, couple_id: str) -> None:
        """Highlight ``couple_id`` once the table is filled again (it is read again whenever
        Home shows); a search that hides them is cleared first."""
        search = self._search_box()
        if self.view.query and all(c.id != couple_id for c in self.couples):
            if search is not None:
                search.value = ""
            self.view.query = ""
        self._choose = couple_id

    def selected(self) -> Couple | None:
        """The highlighted couple, loaded in full; None if none, or if it cannot be read."""
        chosen = self._chosen_id()
        if chosen is None or self.view.caseload is None:
            return None
        reason = dict(self.view.caseload.unreadable).get(chosen)
        try:
            return caseload.load(self.wb.store, chosen, reason)
        except ServiceError as error:
            title = self.tr._("This couple could not be read")
            self.notify(error.said(self.tr), title=title, severity="error", markup=False)
            return None

    async def loaded(self) -> None:
        """Wait until the table shows the couples as last read."""
        await self._ready.wait()

    async def chosen(self) -> Couple | None:
        """The highlighted couple, once the table is filled."""
        await self._ready.wait()
        return self.selected()

    # The command palette

    def offers(self, action: Action) -> bool:
        if action.id == "home.change-passphrase":
            return self.wb.store.encrypted
        return self.selected() is not None

    def palette_name(self, action: Action) -> str:
        if action.id == "home.archive" and self.highlighted_archived():
            return self.tr._("Bring couple back from the archive")
        return super().palette_name(action)

    # Ways in

    @on(Button.Pressed, "#new-session")
    async def action_new_session(self) -> None:
        couple = await self.chosen()
        if couple is not None:
            self.post_message(messages.OpenAgenda(couple))

    @on(Button.Pressed, "#resume")
    async def action_resume(self) -> None:
        couple = await self.chosen()
        if couple is not None:
            self.post_message(messages.ResumeSession(couple))

    @on(Button.Pressed, "#new-couple")
    def action_new_couple(self) -> None:
        self.post_message(messages.AddCouple())

    @on(Button.Pressed, "#export")
    async def action_export(self) -> None:
        couple = await self.chosen()
        if couple is not None:
            self.post_message(messages.ExportDocuments(couple))

    @on(Button.Pressed, "#review")
    async def action_review(self) -> None:
        couple = await self.chosen()
        if couple is not None:
            self.post_message(messages.ReviewAgreements(couple))

    @work(exclusive=True, group="manage")
    async def action_facilitate(self) -> None:
        """The counsellor's console for the couple's current session (``workbook facilitate``);
        a key pressed before the table is filled waits for it, as the other keys do."""
        couple = await self.chosen()
        if couple is not None:
            self.post_message(messages.OpenConsole(couple))
