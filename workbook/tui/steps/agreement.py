"""Draft terms, each saying who does it, each confirmed by each partner with their own key,
each with a review date. A term both confirmed is handed up to become an agreement.

A term offered from one partner's own words asks who will do it, and offers words in the first
person for rewording (``screens/term_dialogs.py``); a draft can be edited (Enter), and is
removed only after asking (Del)."""

from __future__ import annotations

from datetime import timedelta
from functools import partial
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from workbook.data.answers.agreement import Term, listed, new_term
from workbook.export.markdown import long_date
from workbook.i18n.catalog import speaking
from workbook.logic.drafts import Offer, offers
from workbook.logic.terms import first_person
from workbook.text import clean, clean_line
from workbook.tui.host import key_of, tr_of
from workbook.tui.plain import fill
from workbook.tui.screens.confirm import ConfirmScreen
from workbook.tui.screens.term_dialogs import (
    TermWordsScreen,
    WhoScreen,
    describe,
    edit_note,
    quoted,
    reword_note,
)
from workbook.tui.steps.base import StepInput, prompt_widgets
from workbook.tui.steps.context import StepContext
from workbook.tui.steps.term_lists import OfferList, TermBox, TermList

INDENT = "   "


def _indented(text: str) -> str:
    """A term of several lines, each line after the first indented under the first."""
    lines = [part.strip() for part in clean(text).strip().split("\n")]
    return f"\n{INDENT}".join(part for part in lines if part)


def build(context: StepContext) -> list[Widget]:
    offered = offers(context.pack, context.step, context.session, context.names)
    return [*prompt_widgets(context), AgreementInput(context, offered)]


class AgreementInput(StepInput):
    DEFAULT_CSS = """
    AgreementInput .legend { color: $text-muted; }
    AgreementInput OptionList { height: auto; max-height: 8; margin-bottom: 1; }
    AgreementInput Input { margin-bottom: 1; }
    """

    def __init__(self, context: StepContext, offered: list[Offer]) -> None:
        super().__init__(context)
        # "<pack id>.<step id>" of this step: where a term typed here comes from.
        self.here = context.where
        self.terms: list[Term] = [term.model_copy(deep=True) for term in self.answer.terms]
        self.offers = offered
        self.names = context.names
        self.today = context.today

    def compose(self) -> ComposeResult:
        a, b = self.names["a"], self.names["b"]
        _ = tr_of(self)._
        if self.offers:
            enter = key_of(self, "list.select")
            yield Static(
                fill(_("From your answers ($enter adds one to your drafts):"), enter=enter),
                classes="legend",
            )
            shown = [Option(self._offer_row(offer)) for offer in self.offers]
            yield OfferList(*shown, id="offers")
        new = TermBox(
            clean_line(self.answer.draft or ""),
            placeholder=_("Write a term you both want to try, then press {keys}").format(
                keys=key_of(self, "input.submit")
            ),
            max_length=500,
            id="new-term",
        )
        yield new
        yield Static(
            fill(
                _(
                    "$down or $tab to your terms: $a presses $one and $b presses $two to confirm "
                    "one. Press $edit to edit a draft, $who to say who does it, $later or $sooner "
                    "to move its review date, and $remove to remove it."
                ),
                a=a,
                b=b,
                **{
                    word: key_of(self, action)
                    for word, action in (
                        ("down", "term-box.to-the-terms"),
                        ("tab", "screen.focus-next"),
                        ("one", "terms.confirm-1st"),
                        ("two", "terms.confirm-2nd"),
                        ("edit", "list.select"),
                        ("who", "terms.who-does-it"),
                        ("later", "terms.review-later"),
                        ("sooner", "terms.review-sooner"),
                        ("remove", "terms.remove-draft"),
                    )
                },
            ),
            classes="legend",
        )
        yield TermList(*self._rows(), id="terms")

    def _offer_row(self, offer: Offer) -> Content:
        # One partner's own words say whose they are: who will do them is asked on Enter.
        if offer.writer:
            who = tr_of(self)._("{name} wrote:").format(name=self.names[offer.writer])
        else:
            who = self.doer_of(offer.who)
        return fill("$who $text", who=who, text=_indented(offer.text))

    def _rows(self) -> list[Option]:
        if not self.terms:
            return [Option(tr_of(self)._("No terms yet."), disabled=True)]
        return [Option(self._row(term)) for term in self.terms]

    def doer(self, term: Term) -> str:
        """Who does it, as the term reads: "Alex will:" or "Both of you:"."""
        return self.doer_of(term.who or "both")

    def doer_of(self, who: str) -> str:
        return describe(self.names, who, tr_of(self))

    def _row(self, term: Term) -> Any:
        tr = tr_of(self)
        _ = tr._
        marks = "   ".join(
            (_("{name} ✓ confirmed") if k in term.confirmed_by else _("{name} · not yet")).format(
                name=self.names[k]
            )
            for k in "ab"
        )
        # Never before tomorrow, whatever the file says: an agreement is made so (``logic``).
        soonest = self.today + timedelta(days=1)
        with speaking(tr):
            when = long_date(max(term.review_on, soonest)) if term.review_on else _("not set")
        status = _("Agreed ✓") if term.agreement else marks
        return fill(
            "$who $text\n" + INDENT + _("$status · review on $when"),
            who=self.doer(term),
            text=_indented(term.text),
            status=status,
            when=when,
        )

    def _refresh(self, highlight: int | None = None) -> None:
        terms = self.query_one(TermList)
        terms.clear_options()
        terms.add_options(self._rows())
        if highlight is not None and self.terms:
            terms.highlighted = min(highlight, len(self.terms) - 1)
        self.report()

    def report(self) -> None:
        terms_now = [term.model_copy(deep=True) for term in self.terms]
        draft = clean_line(self.query_one("#new-term", Input).value) if self.is_mounted else ""
        self.changed(self.answer.model_copy(update={"terms": terms_now, "draft": draft or None}))

    def before_leaving(self) -> str | None:
        said = []
        tr = tr_of(self)
        if self.is_mounted and clean_line(self.query_one("#new-term", Input).value):
            enter = key_of(self, "input.submit")
            said.append(
                tr._("The term in the box is not added yet: {keys} adds it.").format(keys=enter)
            )
        drafts = [t for t in self.terms if not t.agreement]
        if drafts:
            said.append(
                tr.ngettext(
                    "One term is not confirmed by both of you, so not agreed: they stay as drafts "
                    "in this session.",
                    "{count} terms are not confirmed by both of you, so not agreed: they stay as "
                    "drafts in this session.",
                    len(drafts),
                ).format(count=len(drafts))
            )
        return " ".join(said) if said else None

    def add(
        self, text: str, source: str | None = None, who: str = "both", to_terms: bool = True
    ) -> bool:
        """Add a draft term; with ``to_terms``, the focus goes to it, to be confirmed. False
        when there is nothing to add, or the term is already there."""
        term = new_term(text, source, who, self.today + timedelta(days=self.step.review_days))
        if term is None:
            return False
        if listed(self.terms, term.text):
            self.notify(tr_of(self)._("That term is already in your drafts."), markup=False)
            return False
        self.terms.append(term)
        self._refresh(len(self.terms) - 1)
        # Straight to the new term, where each of you confirms it with your own key.
        if to_terms and self.is_mounted:
            self.query_one(TermList).focus()
        return True

    @on(TermList.Acted)
    def _acted(self, event: TermList.Acted) -> None:
        event.stop()
        if not 0 <= event.index < len(self.terms):
            return
        if event.what == "confirm":
            self.confirm(event.index, event.key)
        elif event.what == "who":
            self.change_who(event.index)
        elif event.what in ("later", "sooner"):
            self.shift_review(event.index, 7 if event.what == "later" else -7)
        elif event.what == "remove":
            self.remove_term(event.index)

    def confirm(self, index: int, key: str) -> None:
        term = self.terms[index]
        if term.agreement:
            return
        agreed = term.confirm(key)
        self._refresh(index)
        if agreed:
            kept = partial(self.mark_agreed, index)
            self.post_message(self.Confirmed(term.model_copy(), kept))

    def change_who(self, index: int) -> None:
        term = self.terms[index]
        if term.agreement:
            return
        term.next_who()
        self._refresh(index)

    def mark_agreed(self, index: int, agreement_id: str) -> None:
        self.terms[index].agreement = agreement_id
        self._refresh(index)

    def shift_review(self, index: int, days: int) -> None:
        term = self.terms[index]
        if term.agreement or term.review_on is None:
            return
        term.shift_review(days, self.today)
        self._refresh(index)

    @work(exclusive=True, group="terms")
    async def remove_term(self, index: int) -> None:
        """Remove a draft, once asked: its words and confirmations go with it."""
        term = self.terms[index] if 0 <= index < len(self.terms) else None
        if term is None or term.agreement:
            return
        _ = tr_of(self)._
        question = fill(_("Remove this draft?\n\n“$text”"), text=quoted(term.text))
        if not await self.app.push_screen_wait(
            ConfirmScreen(question, _("Remove it"), _("Keep it"))
        ):
            return
        if term in self.terms:
            at = self.terms.index(term)
            del self.terms[at]
            self._refresh(at)

    @work(exclusive=True, group="terms")
    async def edit_term(self, index: int) -> None:
        """New words for a draft; a confirmation given is taken back, since each of you
        confirms the words."""
        term = self.terms[index] if 0 <= index < len(self.terms) else None
        if term is None:
            return
        tr = tr_of(self)
        if term.agreement:
            self.notify(tr._("This term is agreed: change it at a review."), markup=False)
            return
        note = edit_note(bool(term.confirmed_by), tr)
        words = await self.app.push_screen_wait(
            TermWordsScreen(term.text, tr._("Edit the term"), note)
        )
        if words is None or words == term.text or term not in self.terms:
            return
        if listed(self.terms, words, but=term):
            self.notify(tr._("That term is already in your drafts."), markup=False)
            return
        term.reword(words)
        self._refresh(self.terms.index(term))

    @on(Input.Submitted, "#new-term")
    def _typed(self, event: Input.Submitted) -> None:
        event.stop()
        # The cursor stays in the box, so a second term typed straight away is kept.
        if self.add(event.value, self.here, to_terms=False):
            with self.prevent(Input.Changed):
                event.input.value = ""
            self.report()

    @on(Input.Changed, "#new-term")
    def _drafting(self, event: Input.Changed) -> None:
        # Saved as typed, like every answer: a term half-typed is never lost.
        event.stop()
        self.report()

    @on(OptionList.OptionSelected, "#terms")
    def _edit(self, event: OptionList.OptionSelected) -> None:
        # Enter on a term: its words, to edit before both confirm it.
        event.stop()
        if self.terms:
            self.edit_term(event.option_index)

    @on(OptionList.OptionSelected, "#offers")
    def _offered(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.accept(self.offers[event.option_index])

    @work(exclusive=True, group="terms")
    async def accept(self, offer: Offer) -> None:
        """Add an offered term. One partner's own words: who will do it is asked, the pack's
        ``done_by`` only suggested, and words in the first person are offered for rewording."""
        who, text = offer.who, offer.text
        if offer.writer in ("a", "b"):
            chosen = await self.app.push_screen_wait(
                WhoScreen(text, offer.writer, offer.who, self.names)
            )
            if chosen is None:
                return
            who = chosen
            said = first_person(text)
            if said:
                tr = tr_of(self)
                doer = describe(self.names, who, tr)
                note = reword_note(text, said, self.names[offer.writer], doer, tr)
                title = tr._("Reword it for the term")
                words = await self.app.push_screen_wait(TermWordsScreen(text, title, note))
                text = words or text
        self.add(text, offer.source, who)

    def focus_target(self) -> Widget | None:
        box = self.query_one("#new-term", Input)
        if self.offers and not box.value:
            return self.query_one("#offers", OptionList)
        # A term half-typed before a pause is where the next key goes.
        return box
