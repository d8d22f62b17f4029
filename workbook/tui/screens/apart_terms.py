"""An agreement step on a partner's own device (``service/apart_terms.py``): the draft terms,
a box to add one, and for each term a button that confirms it for this partner only. A term
both confirmed says it is one of the couple's agreements now."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Static

from workbook.export.markdown import long_date
from workbook.tui.plain import fill
from workbook.tui.widgets.box import Box
from workbook.tui.widgets.button import Button

LEGEND = "Either of you can add a term. Each of you confirms a term on your own device."


class ApartTerms(Vertical):
    DEFAULT_CSS = """
    ApartTerms { height: auto; }
    ApartTerms .term { height: auto; margin-top: 1; }
    ApartTerms .term-row { height: auto; }
    ApartTerms #add-row { height: auto; margin-top: 1; }
    ApartTerms #add-row Box { width: 1fr; }
    ApartTerms .legend { color: $text-muted; }
    """

    @dataclass
    class Add(Message):
        text: str

    @dataclass
    class Confirm(Message):
        index: int

    def __init__(
        self, terms: list[object], names: dict[str, str], partner: str, draft: str = ""
    ) -> None:
        super().__init__()
        self.terms = terms
        self.names = names
        self.partner = partner
        self.draft = draft

    def compose(self) -> ComposeResult:
        yield Static(LEGEND, classes="legend", markup=False)
        if not self.terms:
            yield Static("No terms yet.", classes="term", markup=False)
        for index, term in enumerate(self.terms):
            confirmed = list(getattr(term, "confirmed_by", []))
            marks = ", ".join(
                f"{self.names[k]} {'agrees' if k in confirmed else 'has not confirmed yet'}"
                for k in ("a", "b")
            )
            review = getattr(term, "review_on", None)
            when = f" Review on {long_date(review)}." if review else ""
            said = fill(
                "$n. $text\n$marks.$when",
                n=str(index + 1),
                text=str(getattr(term, "text", "")),
                marks=marks,
                when=when,
            )
            if getattr(term, "agreement", None):
                said += Content("\nAgreed by both of you, and added to your agreements.")
            with Vertical(classes="term"):
                yield Static(said)
                if self.partner not in confirmed:
                    yield Button("I agree", id=f"agree-{index}", compact=True)
        with Horizontal(id="add-row"):
            yield Box(
                self.draft,
                placeholder="Write a term you both want to try",
                max_length=500,
                id="new-term",
            )
            yield Button("Add", id="add-term", compact=True)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        pressed = event.button.id or ""
        if pressed == "add-term":
            self._add()
        elif pressed.startswith("agree-"):
            self.post_message(self.Confirm(int(pressed.removeprefix("agree-"))))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._add()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.draft = event.value

    def _add(self) -> None:
        box = self.query_one("#new-term", Box)
        if box.value.strip():
            self.post_message(self.Add(box.value))
            self.draft = ""
            box.value = ""
