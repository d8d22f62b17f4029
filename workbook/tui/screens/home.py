"""Home: the couples in the data folder, their last session, and agreements due for review."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Footer, OptionList, Static
from textual.widgets.option_list import Option

from workbook.data.models import Couple
from workbook.data.store import DataError
from workbook.export.markdown import long_date
from workbook.tui.plain import fill

if TYPE_CHECKING:
    from workbook.tui.app import WorkbookApp

from textual.screen import Screen


class HomeScreen(Screen[None]):
    BINDINGS = [
        Binding("n", "new_couple", "New couple"),
        Binding("s", "new_session", "New session"),
        Binding("r", "resume", "Resume"),
        Binding("e", "export", "Export"),
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
                yield Button("Export", id="export")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_couples()

    def on_screen_resume(self) -> None:
        self.refresh_couples()

    def refresh_couples(self) -> None:
        store = self.wb.store
        self.couples: list[Couple] = []
        options = []
        for couple_id in store.couple_ids():
            try:
                couple = store.load_couple(couple_id)
            except DataError as error:
                self.notify(
                    str(error), title="A couple could not be read", severity="warning", markup=False
                )
                continue
            self.couples.append(couple)
            options.append(Option(self._describe(couple)))
        listing = self.query_one("#couples", OptionList)
        listing.clear_options()
        if options:
            listing.add_options(options)
            listing.highlighted = 0
            listing.focus()
        else:
            listing.add_option(
                Option("No couples yet: press n to add the two of you.", disabled=True)
            )
            self.query_one("#new-couple", Button).focus()
        self.query_one("#detail", Static).update(
            "" if options else "Start by adding the two of you with New couple (n)."
        )
        for button in ("#new-session", "#resume", "#export"):
            self.query_one(button, Button).disabled = not options

    def _describe(self, couple: Couple) -> Content:
        store = self.wb.store
        sessions = store.session_ids(couple.id)
        a, b = couple.names
        parts = [f"{len(sessions)} session{'s' if len(sessions) != 1 else ''}"]
        if sessions:
            parts.append(f"last {sessions[-1][:10]}")
        try:
            agreements = store.load_agreements(couple.id)
        except DataError:
            agreements = None
        if agreements is not None:
            due = agreements.due(self.wb.today())
            parts.append(f"{len(agreements.active())} agreements")
            if due:
                parts.append(
                    f"{len(due)} due for review since {long_date(min(a.review_on for a in due))}"
                )
        facilitator = f" with {couple.facilitator}" if couple.facilitator else ""
        return fill(f"$a and $b$f\n   {' · '.join(parts)}", a=a, b=b, f=facilitator)

    def selected(self) -> Couple | None:
        listing = self.query_one("#couples", OptionList)
        if not self.couples or listing.highlighted is None:
            return None
        return self.couples[listing.highlighted]

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
