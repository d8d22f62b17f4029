"""Home: the couples in the data folder, their last session, and agreements due for review."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Footer, OptionList, Static
from textual.widgets.option_list import Option

from workbook.data.store import DataError, Overview
from workbook.tui.plain import fill

if TYPE_CHECKING:
    from workbook.data.models import Couple
    from workbook.tui.app import WorkbookApp

from textual.screen import Screen

# Narrower than this, the five buttons take two rows.
NARROW = 76


class HomeScreen(Screen[None]):
    BINDINGS = [
        Binding("n", "new_couple", "New couple"),
        Binding("s", "new_session", "Session"),
        Binding("r", "resume", "Resume"),
        Binding("e", "export", "Export"),
        Binding("v", "review", "Review"),
        Binding("f", "facilitate", "Facilitate", show=False),
    ]

    @property
    def wb(self) -> WorkbookApp:
        from workbook.tui.app import WorkbookApp

        assert isinstance(self.app, WorkbookApp)
        return self.app

    def compose(self) -> ComposeResult:
        with Vertical(id="home"):
            yield Static("workbook", classes="app-title", markup=False)
            yield Static(
                "Guided conversations for two people at one screen.",
                classes="subtitle",
                markup=False,
            )
            yield OptionList(id="couples")
            yield Static(id="detail", markup=False)
            with Horizontal(id="home-buttons"):
                yield Button("New session", id="new-session", variant="primary")
                yield Button("Resume", id="resume")
                yield Button("New couple", id="new-couple")
                yield Button("Export (e)", id="export")
                yield Button("Review (v)", id="review")
        # Compact, so that every key fits in the footer down to 60 columns.
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.refresh_couples()

    def on_resize(self, event: events.Resize) -> None:
        narrow = event.size.width < NARROW
        self.set_class(narrow, "narrow")
        # Room for every key of Home in the footer: the palette's own hint gives way first.
        self.query_one(Footer).show_command_palette = not narrow

    def on_screen_resume(self) -> None:
        self.refresh_couples()

    def refresh_couples(self) -> None:
        store = self.wb.store
        # Coming back to Home keeps the couple that was chosen.
        chosen = self._chosen_id()
        self.couples: list[Overview] = []
        options = []
        unreadable = []
        for couple_id in store.couple_ids():
            try:
                overview = store.overview(couple_id, self.wb.today())
            except DataError as error:
                # Listed, not hidden: the folder is still there, and says what to fix.
                unreadable.append(
                    Option(
                        fill("⚠ $id: $why", id=couple_id, why=f"cannot be read: {error.message}"),
                        disabled=True,
                    )
                )
                continue
            self.couples.append(overview)
            options.append(Option(self._describe(overview)))
        listing = self.query_one("#couples", OptionList)
        listing.clear_options()
        listing.add_options([*options, *unreadable])
        if options:
            ids = [overview.id for overview in self.couples]
            listing.highlighted = ids.index(chosen) if chosen in ids else 0
            listing.focus()
        else:
            if not unreadable:
                listing.add_option(
                    Option("No couples yet: press n to add the two of you.", disabled=True)
                )
            self.query_one("#new-couple", Button).focus()
        self.query_one("#detail", Static).update(
            "" if options else "Start by adding the two of you with New couple (n)."
        )
        for button in ("#new-session", "#resume", "#export", "#review"):
            self.query_one(button, Button).disabled = not options

    def _describe(self, couple: Overview) -> Content:
        a, b = couple.names
        parts = [f"{couple.sessions} session{'s' if couple.sessions != 1 else ''}"]
        if couple.last_session:
            parts.append(f"last {couple.last_session[:10]}")
        parts.append(
            f"{couple.agreements_active} agreement{'s' if couple.agreements_active != 1 else ''}"
        )
        if couple.agreements_due:
            parts.append(f"{couple.agreements_due} due for review")
        facilitator = f" with {couple.facilitator}" if couple.facilitator else ""
        problem = f"\n   ⚠ {couple.problem}" if couple.problem else ""
        return fill(
            f"$a and $b$f\n   {' · '.join(parts)}$problem",
            a=a,
            b=b,
            f=facilitator,
            problem=problem,
        )

    def _chosen_id(self) -> str | None:
        couples = getattr(self, "couples", [])
        listing = self.query_one("#couples", OptionList)
        index = listing.highlighted
        return couples[index].id if index is not None and index < len(couples) else None

    def selected(self) -> Couple | None:
        """The highlighted couple, loaded in full; None if none, or if it cannot be read."""
        listing = self.query_one("#couples", OptionList)
        if not self.couples or listing.highlighted is None:
            return None
        try:
            return self.wb.store.load_couple(self.couples[listing.highlighted].id)
        except DataError as error:
            self.notify(
                str(error), title="This couple could not be read", severity="error", markup=False
            )
            return None

    @on(OptionList.OptionSelected, "#couples")
    def _chosen(self) -> None:
        self.action_new_session()

    @on(Button.Pressed, "#new-session")
    def action_new_session(self) -> None:
        couple = self.selected()
        if couple is not None:
            self.wb.open_agenda(couple)

    @on(Button.Pressed, "#resume")
    def action_resume(self) -> None:
        couple = self.selected()
        if couple is not None:
            self.wb.resume(couple)

    @on(Button.Pressed, "#new-couple")
    def action_new_couple(self) -> None:
        self.wb.new_couple()

    @on(Button.Pressed, "#export")
    def action_export(self) -> None:
        couple = self.selected()
        if couple is not None:
            self.wb.export(couple)

    @on(Button.Pressed, "#review")
    def action_review(self) -> None:
        couple = self.selected()
        if couple is not None:
            self.wb.review(couple)

    def action_facilitate(self) -> None:
        """The counsellor's console for the couple's current session (``workbook facilitate``)."""
        from workbook.tui.console import open_console

        couple = self.selected()
        if couple is not None:
            open_console(self.wb, couple)
