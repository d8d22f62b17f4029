"""Reviewing agreements together: keep each one going, or let it go."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from workbook.data.durable import SaveError
from workbook.data.files import DataError
from workbook.export.markdown import long_date
from workbook.logic.agreements import for_review, keep, retire
from workbook.tui.plain import fill, plain

if TYPE_CHECKING:
    from workbook.data.models import Agreement, Agreements, Couple
    from workbook.data.store import Store


class ReviewScreen(Screen[None]):
    BINDINGS = [
        Binding("k", "keep", "Keep it going"),
        Binding("l", "retire", "Let it go"),
        Binding("escape", "dismiss", "Done"),
    ]

    def __init__(self, store: Store, couple: Couple, titles: dict[str, str], today: date) -> None:
        super().__init__()
        self.store = store
        self.couple = couple
        self.titles = titles
        self.today = today
        self.agreements = store.load_agreements(couple.id)
        self.shown: list[Agreement] = for_review(self.agreements, today)
        # Why these agreements cannot be changed from here, if they cannot.
        self.read_only = store.agreements_reason(couple.id)

    def compose(self) -> ComposeResult:
        a, b = self.couple.names
        with Vertical(id="review"):
            yield Static(fill("Your agreements, $a and $b", a=a, b=b), classes="step-title")
            yield Static(
                "Talk about each one together. k keeps it going until its next review; "
                "l lets it go. To change one, let it go and agree a new one in a session.",
                classes="legend",
                markup=False,
            )
            if self.read_only:
                yield Static(plain(f"Read-only: {self.read_only}"), classes="legend read-only")
            yield OptionList(*self._rows(), id="agreements")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Read-only agreements offer no keys that would change them.
        if action in ("keep", "retire"):
            return self.read_only is None
        return True

    def _rows(self) -> list[Option]:
        if not self.shown:
            return [Option("No active agreements.", disabled=True)]
        rows = []
        for agreement in self.shown:
            due = "due now" if agreement.review_on <= self.today else "next review"
            pack = (agreement.source or "").split(".", 1)[0]
            origin = f" · from {self.titles.get(pack, pack)}" if pack else ""
            rows.append(
                Option(
                    fill(
                        f"$text\n   {due}: {long_date(agreement.review_on)}$origin",
                        text=agreement.text,
                        origin=origin,
                    )
                )
            )
        return rows

    def _change(self, action: Callable[[Agreement], None], said: str) -> None:
        if self.read_only:
            self.notify(self.read_only, title="Read-only", severity="warning", markup=False)
            return
        listing = self.query_one(OptionList)
        if listing.highlighted is None or not self.shown:
            return
        chosen = self.shown[listing.highlighted].id

        def change(agreements: Agreements) -> Agreements:
            for agreement in agreements.agreements:
                if agreement.id == chosen:
                    action(agreement)
            return agreements

        from workbook.export.agreement_doc import agreement_document

        try:
            self.agreements = self.store.update_agreements(
                self.couple.id,
                change,
                lambda agreements: agreement_document(
                    self.couple, agreements, self.titles, self.today
                ),
            )
        except (SaveError, OSError, DataError) as error:
            self.notify(f"Not saved: {error}", severity="error", markup=False)
            return
        self.shown = for_review(self.agreements, self.today)
        keep_at = listing.highlighted
        listing.clear_options()
        listing.add_options(self._rows())
        if self.shown:
            listing.highlighted = min(keep_at, len(self.shown) - 1)
        self.notify(said, markup=False)

    def action_keep(self) -> None:
        self._change(
            lambda agreement: keep(agreement, self.today), "Kept: its next review date is set."
        )

    def action_retire(self) -> None:
        self._change(retire, "Let go: it leaves your agreement document.")
