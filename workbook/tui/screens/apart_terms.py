"""An agreement step on a partner's own device (``service/apart_terms.py``): the terms offered
from earlier answers, the draft terms, and a box to add one. Each draft has buttons a finger
can press: I agree (for this partner only) or Take back, who does it, the review date later or
sooner, Edit and Remove. A term both confirmed says it is one of the couple's agreements now."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Static

from workbook.export.markdown import long_date
from workbook.i18n.catalog import N_, speaking
from workbook.logic.drafts import Offer
from workbook.tui.host import tr_of
from workbook.tui.plain import fill
from workbook.tui.widgets.box import Box
from workbook.tui.widgets.button import Button

LEGEND = N_(
    "Either of you can add or change a draft. Each of you confirms a term on your own device."
)
AGREED = N_("Agreed by both of you, and added to your agreements.")
# What each of a draft's buttons does, by the start of its id.
ACTS = ("agree", "back", "who", "later", "sooner", "edit", "remove")


class ApartTerms(Vertical):
    DEFAULT_CSS = """
    ApartTerms { height: auto; }
    ApartTerms .term { height: auto; margin-top: 1; }
    ApartTerms .acts { height: auto; layout: grid; grid-size: 3; grid-gutter: 0 1; }
    ApartTerms .acts Button { width: 100%; }
    ApartTerms .offer { height: auto; }
    ApartTerms .offer Static { width: 1fr; }
    ApartTerms #add-row { height: auto; margin-top: 1; }
    ApartTerms #add-row Box { width: 1fr; }
    ApartTerms .legend { color: $text-muted; }
    ApartTerms.narrow .acts { grid-size: 2; }
    """

    @dataclass
    class Add(Message):
        text: str

    @dataclass
    class Offered(Message):
        """The offer at ``index`` is to be added."""

        index: int

    @dataclass
    class Act(Message):
        """``what`` (one of ``ACTS``) for the draft at ``index``, shown with ``shown``."""

        what: str
        index: int
        shown: str

    def __init__(
        self,
        terms: list[object],
        names: dict[str, str],
        partner: str,
        draft: str = "",
        offers: list[Offer] | None = None,
    ) -> None:
        super().__init__()
        self.terms = terms
        self.names = names
        self.partner = partner
        self.draft = draft
        self.offers = offers or []

    def doer(self, who: object) -> str:
        _ = tr_of(self)._
        if who in ("a", "b"):
            return _("{name} will:").format(name=self.names[str(who)])
        return _("Both of you:")

    def compose(self) -> ComposeResult:
        tr = tr_of(self)
        _ = tr._
        yield Static(tr.gettext(LEGEND), classes="legend", markup=False)
        if self.offers:
            yield Static(_("From your answers:"), classes="legend", markup=False)
        for index, offer in enumerate(self.offers):
            writer = offer.writer
            who = _("{name} wrote:").format(name=self.names[writer]) if writer else None
            with Horizontal(classes="offer"):
                yield Static(fill("$who $text", who=who or self.doer(offer.who), text=offer.text))
                yield Button(tr.pgettext("button", "Add"), id=f"offer-{index}", compact=True)
        if not self.terms:
            yield Static(_("No terms yet."), classes="term", markup=False)
        for index, term in enumerate(self.terms):
            with Vertical(classes="term"):
                yield Static(self._said(index, term))
                if not getattr(term, "agreement", None):
                    with Vertical(classes="acts"):
                        yield from self._buttons(index, term)
        with Horizontal(id="add-row"):
            yield Box(
                self.draft,
                placeholder=_("Write a term you both want to try"),
                max_length=500,
                id="new-term",
            )
            yield Button(tr.pgettext("button", "Add"), id="add-term", compact=True)

    def _said(self, index: int, term: object) -> Content:
        tr = tr_of(self)
        confirmed = list(getattr(term, "confirmed_by", []))
        agrees, not_yet = tr._("{name} agrees"), tr._("{name} has not confirmed yet")
        marks = tr.pgettext("list", ", ").join(
            (agrees if k in confirmed else not_yet).format(name=self.names[k]) for k in ("a", "b")
        )
        review = getattr(term, "review_on", None)
        with speaking(tr):
            when = tr._(" Review on {date}.").format(date=long_date(review)) if review else ""
        said = fill(
            "$n. $who $text\n$marks.$when",
            n=str(index + 1),
            who=self.doer(getattr(term, "who", None)),
            text=str(getattr(term, "text", "")),
            marks=marks,
            when=when,
        )
        if getattr(term, "agreement", None):
            said += Content("\n" + tr.gettext(AGREED))
        return said

    def _buttons(self, index: int, term: object) -> ComposeResult:
        tr = tr_of(self)
        if self.partner in list(getattr(term, "confirmed_by", [])):
            yield Button(tr._("Take back"), id=f"back-{index}", compact=True)
        else:
            yield Button(tr._("I agree"), id=f"agree-{index}", compact=True, variant="primary")
        yield Button(tr._("Who does it"), id=f"who-{index}", compact=True)
        yield Button(tr.pgettext("button", "Edit"), id=f"edit-{index}", compact=True)
        yield Button(tr.pgettext("button", "Remove"), id=f"remove-{index}", compact=True)
        if getattr(term, "review_on", None):
            yield Button(tr._("Review later"), id=f"later-{index}", compact=True)
            yield Button(tr._("Review sooner"), id=f"sooner-{index}", compact=True)

    def on_resize(self) -> None:
        self.set_class(self.size.width < 60, "narrow")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        pressed = event.button.id or ""
        what, _, number = pressed.rpartition("-")
        if pressed == "add-term":
            self._add()
        elif what == "offer":
            self.post_message(self.Offered(int(number)))
        elif what in ACTS and number.isdigit() and int(number) < len(self.terms):
            shown = str(getattr(self.terms[int(number)], "text", ""))
            self.post_message(self.Act(what, int(number), shown))

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
