"""Home: the couples in the data folder as a table, with search, filters and sorting for a
caseload; and the ways in (a new couple, a session, resume, export, review, edit, delete).

The table comes from ``index.toml`` (``workbook/data/index.py``), read in a worker thread so
that Home is drawn at once and never waits on the disk. A key that needs a couple, pressed
before the table is filled, waits for it rather than being lost.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, DataTable, Footer, Input, Select, Static
from textual.worker import get_current_worker

from workbook.data.index import Caseload, load_caseload
from workbook.data.store import DataError, Overview
from workbook.logic.caseload import ORDERS, SHOWS, CaseView, due_text, shown_day
from workbook.text import clean_line, one_width
from workbook.tui.follow import typed_into
from workbook.tui.plain import fill

if TYPE_CHECKING:
    from workbook.data.models import Couple
    from workbook.tui.app import WorkbookApp

# Narrower than this, the five buttons take two rows.
NARROW = 76
# From this width the table has room for the facilitator.
WIDE = 100
# Home's widest, as in workbook.tcss.
MAX_WIDTH = 104


class SearchBox(Input):
    """The search: typing filters at once; ↑ ↓ move in the table; Enter goes to it; Esc
    clears."""

    BINDINGS = [
        Binding("down", "screen.move(1)", "Down", show=False),
        Binding("up", "screen.move(-1)", "Up", show=False),
        Binding("escape", "screen.clear_search", "Clear", show=False),
    ]


class HomeScreen(Screen[None]):
    AUTO_FOCUS = "#couples"
    BINDINGS = [
        Binding("n", "new_couple", "New couple"),
        Binding("s", "new_session", "Session"),
        Binding("r", "resume", "Resume"),
        Binding("e", "export", "Export"),
        Binding("v", "review", "Review"),
        # Named on screen (the search box, the line below the table) and in help, not in the
        # footer, which has no room left at 80 columns.
        Binding("slash", "search", "Search", show=False),
        Binding("f2", "edit", "Edit couple", show=False),
        Binding("delete", "delete", "Delete couple", show=False),
        Binding("escape", "clear_search", "Clear search", show=False),
    ]

    class Loaded(Message):
        """The couples are on screen, after each reading of the data folder."""

    @property
    def wb(self) -> WorkbookApp:
        from workbook.tui.app import WorkbookApp

        assert isinstance(self.app, WorkbookApp)
        return self.app

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
        self._noted: set[str] = set()

    def compose(self) -> ComposeResult:
        with Vertical(id="home"):
            yield Static("workbook", classes="app-title", markup=False)
            yield Static(
                "Guided conversations for two people at one screen.",
                classes="subtitle",
                markup=False,
            )
            with Horizontal(id="caseload-bar"):
                # Not selected on focus: a name typed on the table arrives letter by letter.
                yield SearchBox(
                    placeholder="Search names (/)",
                    id="search",
                    compact=True,
                    max_length=60,
                    select_on_focus=False,
                )
                yield Select(SHOWS, value="current", allow_blank=False, id="show", compact=True)
                yield Select(ORDERS, value="name", allow_blank=False, id="order", compact=True)
            yield DataTable(id="couples", cursor_type="row", show_row_labels=False)
            yield Static(id="empty", markup=False)
            yield Static("Reading the couples…", id="detail", markup=False)
            with Horizontal(id="home-buttons"):
                yield Button("New session", id="new-session", variant="primary")
                yield Button("Resume", id="resume")
                yield Button("New couple", id="new-couple")
                yield Button("Export (e)", id="export")
                yield Button("Review (v)", id="review")
        # Compact, so that every key fits in the footer down to 60 columns.
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#caseload-bar").display = False
        self.query_one("#empty").display = False
        self.refresh_couples()

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
        self.refresh_couples()

    # Reading the data folder

    def refresh_couples(self) -> None:
        """Read the couples again (from the index, where nothing changed), in a worker."""
        self._ready.clear()
        self._read()

    @work(thread=True, exclusive=True, group="caseload", exit_on_error=False)
    def _read(self) -> None:
        try:
            caseload = load_caseload(self.wb.store, self.wb.today())
        except Exception as error:  # never a crash on Home: say what went wrong instead
            caseload = Caseload(note=f"The couples could not be read: {error}")
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, caseload)

    def _show(self, caseload: Caseload) -> None:
        self.view.caseload = caseload
        if caseload.note and caseload.note not in self._noted:
            self._noted.add(caseload.note)
            self.notify(caseload.note, title="Home", severity="warning", markup=False)
        total = len(caseload.couples) + len(caseload.unreadable)
        # A couple at home sees their couple; the search and filters come with a caseload.
        caseload_bar = total > 1 or any(c.archived for c in caseload.couples)
        self.query_one("#caseload-bar").display = caseload_bar
        # A counsellor knows what workbook is for: the line goes, for one more couple.
        self.query_one(".subtitle").display = not caseload_bar
        for button in ("#new-session", "#resume", "#export", "#review"):
            self.query_one(button, Button).disabled = not caseload.couples
        self._fill()
        # Focus goes where the next key is expected, the first time; after that it stays
        # where the person left it.
        if not caseload.couples:
            self.query_one("#new-couple", Button).focus()
        elif self._first or self.focused is None:
            self.query_one("#couples", DataTable).focus()
        self._first = False
        self._ready.set()
        self.post_message(self.Loaded())

    # The table

    def _columns(self) -> None:
        """The columns, fixed in width so that the table never scrolls sideways: the names
        take what the dates and counts leave."""
        table = self.query_one("#couples", DataTable)
        table.clear(columns=True)
        fixed = [("Last session", "last", 12), ("Next review", "review", 14)]
        if self._wide:
            # The count is in the line below the table too; the names need the room more.
            fixed = [("With", "with", 18), *fixed, ("Sessions", "sessions", 8)]
        fixed.append(("", "status", 10))
        # Home's width less its padding, the table's margins and border, and a scroll bar.
        inner = min(self._width or 80, MAX_WIDTH) - 2 - 2 - 2 - 2
        names = inner - sum(width + 2 for _, _, width in fixed) - 2
        if names < 16:
            # Narrow: the day of the last session gives way (the sort by it still works).
            fixed = [column for column in fixed if column[1] != "last"]
            names += 14
        names = max(names, 12)
        self._keys = [key for _, key, _ in fixed]
        table.add_column("Couple", key="couple", width=names)
        for label, key, width in fixed:
            table.add_column(label, key=key, width=width)

    def _fill(self) -> None:
        """Show the couples that pass the search and the filter, in the chosen order, keeping
        the highlight on the couple it was on."""
        table = self.query_one("#couples", DataTable)
        if not table.columns:
            return
        chosen = self._chosen_id()
        self.couples = self.view.shown()
        unreadable = self.view.unreadable_shown()
        table.clear()
        today = self.wb.today()
        rows = []
        for couple in self.couples:
            a, b = couple.names
            status = [
                word
                for word, on_ in (
                    ("unfinished", couple.unfinished),
                    ("archived", couple.archived),
                    ("⚠", couple.problem is not None),
                )
                if on_
            ]
            values = {
                "with": couple.facilitator or "",
                "last": shown_day(couple),
                "review": due_text(couple, today),
                "sessions": str(couple.sessions),
                "status": " ".join(status),
            }
            cells = [_cell(f"{a} and {b}")]
            cells += [_cell(values[key]) for key in self._keys]
            rows.append((couple.id, cells))
        for couple_id, _reason in unreadable:
            cells = [_cell(couple_id)] + [_cell("")] * len(self._keys)
            cells[-1] = _cell("⚠ unreadable")
            rows.append((couple_id, cells))
        for key, cells in rows:
            table.add_row(*cells, key=key)
        ids = [key for key, _ in rows]
        if chosen in ids:
            table.move_cursor(row=ids.index(chosen), animate=False)
        empty = not rows
        table.display = not empty
        shown = self.query_one("#empty", Static)
        shown.display = empty
        shown.update(self.view.nothing_shown())
        self._describe()

    def _chosen_id(self) -> str | None:
        table = self.query_one("#couples", DataTable)
        if not table.row_count:
            return None
        row = table.cursor_row
        if row < 0 or row >= table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return key

    def _describe(self) -> None:
        """The line under the table: the highlighted couple in words, and what can be done."""
        detail = self.query_one("#detail", Static)
        if self.view.caseload is None:
            return
        chosen = self._chosen_id()
        couple = next((c for c in self.couples if c.id == chosen), None)
        if couple is None:
            reason = dict(self.view.caseload.unreadable).get(chosen or "")
            if reason is not None:
                detail.update(fill("⚠ $id cannot be read: $why", id=chosen or "", why=reason))
            elif not self.view.caseload.couples:
                detail.update("Start by adding the two of you with New couple (n).")
            else:
                detail.update("")
            return
        detail.update(_description(couple))

    @on(DataTable.RowHighlighted, "#couples")
    def _highlighted(self) -> None:
        self._describe()

    @on(DataTable.RowSelected, "#couples")
    async def _selected(self) -> None:
        await self.action_new_session()

    # Search, filter and order

    @on(Input.Changed, "#search")
    def _search(self, event: Input.Changed) -> None:
        self.view.query = event.value
        self._fill()
        # Typing moves to the first couple found, as a search should.
        table = self.query_one("#couples", DataTable)
        if table.row_count:
            table.move_cursor(row=0, animate=False)

    @on(Input.Submitted, "#search")
    def _found(self) -> None:
        if self.couples:
            self.query_one("#couples", DataTable).focus()

    @on(Select.Changed, "#show")
    def _show_changed(self, event: Select.Changed) -> None:
        self.view.show = str(event.value)
        self._fill()

    @on(Select.Changed, "#order")
    def _order_changed(self, event: Select.Changed) -> None:
        self.view.order = str(event.value)
        self._fill()

    def action_search(self) -> None:
        bar = self.query_one("#caseload-bar")
        if bar.display:
            self.query_one("#search", Input).focus()

    def action_move(self, step: int) -> None:
        table = self.query_one("#couples", DataTable)
        if table.row_count:
            table.move_cursor(row=max(0, min(table.cursor_row + step, table.row_count - 1)))

    def action_clear_search(self) -> None:
        search = self.query_one("#search", Input)
        if search.value:
            search.value = ""
        if self.couples or self.view.unreadable_shown():
            self.query_one("#couples", DataTable).focus()

    def on_key(self, event: events.Key) -> None:
        # A name typed on the table goes to the search, as the walk sends typing to its text
        # box; the keys bound on Home (n, s, r, e, v, /) keep their meaning.
        if not event.is_printable or not event.character or event.key in self.active_bindings:
            return
        if isinstance(self.focused, DataTable) and self.query_one("#caseload-bar").display:
            event.stop()
            typed_into(self.query_one("#search", Input), event.character)

    # The chosen couple

    def choose(self, couple_id: str) -> bool:
        """Highlight the couple ``couple_id`` if the table shows it."""
        table = self.query_one("#couples", DataTable)
        try:
            row = table.get_row_index(couple_id)
        except Exception:
            return False
        table.move_cursor(row=row, animate=False)
        return True

    def selected(self) -> Couple | None:
        """The highlighted couple, loaded in full; None if none, or if it cannot be read."""
        chosen = self._chosen_id()
        if chosen is None or self.view.caseload is None:
            return None
        reason = dict(self.view.caseload.unreadable).get(chosen)
        try:
            if reason is not None:
                raise DataError(self.wb.store.layout.couple_file(chosen), reason)
            return self.wb.store.load_couple(chosen)
        except DataError as error:
            self.notify(
                str(error), title="This couple could not be read", severity="error", markup=False
            )
            return None

    async def loaded(self) -> None:
        """Wait until the table shows the couples as last read."""
        await self._ready.wait()

    async def chosen(self) -> Couple | None:
        """The highlighted couple, once the table is filled."""
        await self._ready.wait()
        return self.selected()

    # Ways in

    @on(Button.Pressed, "#new-session")
    async def action_new_session(self) -> None:
        couple = await self.chosen()
        if couple is not None:
            self.wb.open_agenda(couple)

    @on(Button.Pressed, "#resume")
    async def action_resume(self) -> None:
        couple = await self.chosen()
        if couple is not None:
            self.wb.resume(couple)

    @on(Button.Pressed, "#new-couple")
    def action_new_couple(self) -> None:
        self.wb.new_couple()

    @on(Button.Pressed, "#export")
    async def action_export(self) -> None:
        couple = await self.chosen()
        if couple is not None:
            self.wb.export(couple)

    @on(Button.Pressed, "#review")
    async def action_review(self) -> None:
        couple = await self.chosen()
        if couple is not None:
            self.wb.review(couple)

    # Looking after the caseload

    @work(exclusive=True, group="manage")
    async def action_edit(self) -> None:
        """Edit the names and the facilitator; archive, bring back, or delete."""
        from workbook.tui.screens.edit_couple import EditCoupleScreen

        couple = await self.chosen()
        if couple is None:
            return
        change = await self.app.push_screen_wait(EditCoupleScreen(couple))
        if change is None:
            return
        if change.what == "delete":
            await self._delete(couple)
        elif change.what == "archive":
            self.archive(couple, True)
        elif change.what == "unarchive":
            self.archive(couple, False)
        else:
            from workbook.tui.manage import rename

            rename(self.wb, couple, change.names, change.facilitator)
            self.refresh_couples()

    @work(exclusive=True, group="manage")
    async def action_archive(self) -> None:
        """Archive the highlighted couple, or bring them back."""
        couple = await self.chosen()
        if couple is not None:
            self.archive(couple, not couple.archived)

    def highlighted_archived(self) -> bool:
        chosen = self._chosen_id()
        return any(c.archived for c in self.couples if c.id == chosen)

    @work(exclusive=True, group="manage")
    async def action_delete(self) -> None:
        couple = await self.chosen()
        if couple is not None:
            await self._delete(couple)

    async def _delete(self, couple: Couple) -> None:
        from workbook.tui.manage import delete
        from workbook.tui.screens.delete_couple import DeleteCoupleScreen

        sessions = len(self.wb.store.session_ids(couple.id))
        folder = self.wb.store.layout.couple_folder(couple.id)
        if await self.app.push_screen_wait(DeleteCoupleScreen(couple.names, sessions, folder)):
            delete(self.wb, couple)
            self.refresh_couples()

    def archive(self, couple: Couple, archived: bool) -> None:
        """Archive the couple, or bring them back from the archive."""
        from workbook.tui.manage import archive

        archive(self.wb, couple, archived)
        self.refresh_couples()


def _cell(text: str) -> Text:
    # Names are user text: a Text of plain characters, never read as markup.
    return Text(one_width(clean_line(text)), no_wrap=True, overflow="ellipsis", end="")


def _description(couple: Overview) -> Content:
    """The highlighted couple in words: the facts, then a problem or what can be done."""
    a, b = couple.names
    parts = [f"{couple.sessions} session{'s' if couple.sessions != 1 else ''}"]
    agreements = (
        f"{couple.agreements_active} agreement{'s' if couple.agreements_active != 1 else ''}"
    )
    if couple.agreements_due:
        agreements += f", {couple.agreements_due} due for review"
    parts.append(agreements)
    facilitator = " with $f" if couple.facilitator else ""
    if couple.problem:
        second = "⚠ $problem"
    else:
        hints = ["r resumes the unfinished session"] if couple.unfinished else []
        hints.append("F2 brings them back" if couple.archived else "F2 edits or archives")
        hints.append("Del deletes")
        second = " · ".join(hints)
    return fill(
        f"$a and $b{facilitator}: {' · '.join(parts)}\n{second}",
        a=a,
        b=b,
        f=couple.facilitator or "",
        problem=couple.problem or "",
    )
