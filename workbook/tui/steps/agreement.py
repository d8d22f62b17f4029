"""Draft terms, each confirmed by each partner with their own key, each with a review date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from workbook.data.answers import agreement_terms
from workbook.export.markdown import long_date
from workbook.logic.drafts import Offer
from workbook.text import clean
from workbook.tui.plain import fill, line
from workbook.tui.steps.base import StepInput
from workbook.tui.widgets.blink import cursor_blink


class TermList(OptionList):
    BINDINGS = [
        Binding("1", "confirm('a')", "Confirm (1st)", show=False),
        Binding("2", "confirm('b')", "Confirm (2nd)", show=False),
        Binding("plus,equals_sign", "review(7)", "Review later", key_display="+"),
        Binding("minus", "review(-7)", "Review sooner", key_display="-"),
        Binding("delete,backspace", "remove", "Remove draft", key_display="Del"),
    ]

    def _owner(self) -> AgreementInput:
        owner = self.parent
        assert isinstance(owner, AgreementInput)
        return owner

    def action_confirm(self, key: str) -> None:
        if self.highlighted is not None:
            self._owner().confirm(self.highlighted, key)

    def action_review(self, days: int) -> None:
        if self.highlighted is not None:
            self._owner().shift_review(self.highlighted, days)

    def action_remove(self) -> None:
        if self.highlighted is not None:
            self._owner().remove_term(self.highlighted)


class AgreementInput(StepInput):
    DEFAULT_CSS = """
    AgreementInput .legend { color: $text-muted; }
    AgreementInput OptionList { height: auto; max-height: 8; margin-bottom: 1; }
    AgreementInput Input { margin-bottom: 1; }
    """

    @dataclass
    class Agreed(Message):
        """Both partners confirmed the term at ``index``."""

        index: int

    def __init__(
        self,
        step: Any,
        value: Any,
        offers: list[Offer],
        names: dict[str, str],
        today: date,
        here: str | None = None,
    ) -> None:
        super().__init__(step, value)
        # "<pack id>.<step id>" of this step: where a term typed here comes from.
        self.here = here
        self.terms: list[dict[str, Any]] = [dict(t) for t in agreement_terms(value or {})]
        self.offers = offers
        self.names = names
        self.today = today

    def compose(self) -> ComposeResult:
        a, b = self.names["a"], self.names["b"]
        if self.offers:
            yield Static("From your answers (Enter adds one to your drafts):", classes="legend")
            yield OptionList(*(Option(line(o.text)) for o in self.offers), id="offers")
        new = Input(
            placeholder="Write a term you both want to try, then press Enter",
            max_length=500,
            id="new-term",
        )
        new.cursor_blink = cursor_blink()
        yield new
        yield Static(
            fill(
                "Highlight a term: $a presses 1 and $b presses 2 to confirm it. "
                "+ and - move its review date.",
                a=a,
                b=b,
            ),
            classes="legend",
        )
        yield TermList(*self._rows(), id="terms")

    def _rows(self) -> list[Option]:
        if not self.terms:
            return [Option("No terms yet.", disabled=True)]
        return [Option(self._row(term)) for term in self.terms]

    def _row(self, term: dict[str, Any]) -> Any:
        confirmed = term.get("confirmed_by", [])
        marks = "   ".join(
            f"{self.names[k]} {'✓ confirmed' if k in confirmed else '· not yet'}" for k in "ab"
        )
        review = term.get("review_on")
        when = long_date(review) if isinstance(review, date) else "not set"
        status = "Agreed ✓" if term.get("agreement") else marks
        return fill(
            "$text\n   $status · review on $when", text=term["text"], status=status, when=when
        )

    def _refresh(self, highlight: int | None = None) -> None:
        terms = self.query_one(TermList)
        terms.clear_options()
        terms.add_options(self._rows())
        if highlight is not None and self.terms:
            terms.highlighted = min(highlight, len(self.terms) - 1)
        self.changed()

    def current(self) -> dict[str, Any]:
        return {"terms": [dict(t) for t in self.terms]}

    def add(self, text: str, source: str | None = None) -> None:
        text = clean(text).strip()
        if not text:
            return
        if any(t["text"].casefold() == text.casefold() for t in self.terms):
            self.notify("That term is already in your drafts.", markup=False)
            return
        term: dict[str, Any] = {
            "text": text,
            "confirmed_by": [],
            "review_on": self.today + timedelta(days=self.step.review_days),
        }
        if source:
            term["source"] = source
        self.terms.append(term)
        self._refresh(len(self.terms) - 1)
        # Straight to the new term, where each of you confirms it with your own key.
        if self.is_mounted:
            self.query_one(TermList).focus()

    def confirm(self, index: int, key: str) -> None:
        term = self.terms[index]
        if term.get("agreement"):
            return
        confirmed = term.setdefault("confirmed_by", [])
        if key in confirmed:
            confirmed.remove(key)
        else:
            confirmed.append(key)
            confirmed.sort()
        self._refresh(index)
        if confirmed == ["a", "b"]:
            self.post_message(self.Agreed(index))

    def mark_agreed(self, index: int, agreement_id: str) -> None:
        self.terms[index]["agreement"] = agreement_id
        self._refresh(index)

    def shift_review(self, index: int, days: int) -> None:
        term = self.terms[index]
        review = term.get("review_on")
        if term.get("agreement") or not isinstance(review, date):
            return
        term["review_on"] = max(self.today + timedelta(days=1), review + timedelta(days=days))
        self._refresh(index)

    def remove_term(self, index: int) -> None:
        if self.terms and not self.terms[index].get("agreement"):
            del self.terms[index]
            self._refresh(index)

    @on(Input.Submitted, "#new-term")
    def _typed(self, event: Input.Submitted) -> None:
        event.stop()
        self.add(event.value, self.here)
        event.input.value = ""

    @on(OptionList.OptionSelected, "#offers")
    def _offered(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        offer = self.offers[event.option_index]
        self.add(offer.text, offer.source)

    def focus_input(self) -> None:
        if self.offers:
            self.query_one("#offers", OptionList).focus()
        else:
            self.query_one("#new-term", Input).focus()
