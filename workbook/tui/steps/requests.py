"""Requests: each partner asks for up to a few things; the asker rates the benefit to them, the
other the cost to them; the advice follows; the couple decides yes, no, a third option or later.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from workbook.data.answers.requests import Request, RequestsAnswer, next_asker
from workbook.data.models import Session
from workbook.data.partners import other
from workbook.i18n.catalog import speaking
from workbook.logic.requests import DECISION_WORDS, DECISIONS, SetAside, advise, set_aside
from workbook.text import clean, clean_line
from workbook.tui.host import key_of, tr_of
from workbook.tui.plain import fill, plain
from workbook.tui.steps.base import Question, StepInput, TurnPrompt
from workbook.tui.steps.context import StepContext
from workbook.tui.steps.scale import ScaleRow
from workbook.tui.widgets.box import Box


def build(context: StepContext) -> list[Widget]:
    return [RequestsInput(context, waiting(context.earlier()))]


def waiting(sessions: list[Session]) -> list[SetAside]:
    """Requests decided "later" at earlier sessions, not yet brought back."""
    tables = []
    for session in sessions:
        rows = [
            request.model_dump()
            for pack_id in list(session.answers)
            for table in session.pack_answers(pack_id).values()
            for request in RequestsAnswer.read(table).requests
        ]
        tables.append((session.id, rows))
    return set_aside(tables)


class RequestsInput(StepInput):
    DEFAULT_CSS = """
    RequestsInput #requests { height: auto; max-height: 8; margin: 1 0; }
    RequestsInput #detail { height: auto; border: round $panel-lighten-2; padding: 0 1; }
    RequestsInput #decision { height: auto; }
    RequestsInput .advice { margin: 1 0; text-style: bold; }
    RequestsInput Input { margin-bottom: 1; }
    """

    def __init__(self, context: StepContext, earlier: list[SetAside] | None = None) -> None:
        super().__init__(context)
        self.names = context.names
        self.first = context.first
        self.rows: list[Request] = [r.model_copy() for r in self.answer.requests]
        self.selected: int | None = 0 if self.rows else None
        back = {r.again_of for r in self.rows}
        # Requests set aside at earlier sessions, that this one has not brought back yet.
        self.earlier = [e for e in earlier or [] if e.ref not in back]

    def compose(self) -> ComposeResult:
        yield TurnPrompt(self.step)
        if self.earlier:
            yield Static(
                fill(
                    tr_of(self)._("Set aside at an earlier session ($enter brings one back):"),
                    enter=key_of(self, "list.select"),
                ),
                classes="legend",
            )
            yield OptionList(*self._earlier_options(), id="earlier")
        yield Static(id="ask-label")
        _ = tr_of(self)._
        typed = _("Type a request, then press {keys}").format(keys=key_of(self, "input.submit"))
        ask = Box(clean_line(self.answer.draft or ""), id="ask", max_length=300, placeholder=typed)
        yield ask
        yield OptionList(*self._options(), id="requests")
        with Vertical(id="detail"):
            yield Static(id="detail-title")
            for row_id in ("benefit", "cost"):
                yield ScaleRow(None, 1, 5, None, id=row_id)
            yield Static(classes="advice", id="advice")
            yield OptionList(*self._decisions(), id="decision")
            third = Box(
                id="third", max_length=300, placeholder=_("The third option, if you chose one")
            )
            note = Box(id="note", max_length=300, placeholder=_("A note (optional)"))
            yield third
            yield note

    def on_mount(self) -> None:
        self._show_asker()
        self._show_detail()

    # Asking

    def asker(self) -> str | None:
        """Who asks next: whoever has asked less, starting with the first partner."""
        return next_asker(self.rows, self.first, self.step.max_per_partner)

    def _show_asker(self) -> None:
        who = self.asker()
        label = self.query_one("#ask-label", Static)
        ask = self.query_one("#ask", Input)
        tr = tr_of(self)
        if who is None:
            most = self.step.max_per_partner
            said = tr.ngettext(
                "You have each asked for one thing.",
                "You have each asked for {count} things.",
                most,
            )
            label.update(Content(said.format(count=most)))
            ask.display = False
            self.query_one(TurnPrompt).address(self.names[self.first], self.names[self.other()])
            return
        other_key = other(who)
        # The pack's own prompt and help, addressed to whoever asks now.
        self.query_one(TurnPrompt).address(self.names[who], self.names[other_key])
        if not self.context.mine(who):
            # On a device of one's own, the request is written on the asker's.
            label.update(fill(tr._("$me is writing a request for you."), me=self.names[who]))
            ask.display = False
            return
        label.update(
            fill(
                tr._("$me, what would you ask $other for?"),
                me=self.names[who],
                other=self.names[other_key],
            )
        )
        ask.display = True

    @on(Input.Submitted, "#ask")
    def _asked(self, event: Input.Submitted) -> None:
        event.stop()
        text = clean(event.value).strip()
        who = self.asker()
        if not text or who is None:
            return
        self.rows.append(Request(by=who, text=text))  # type: ignore[arg-type]
        with self.prevent(Input.Changed):
            event.input.value = ""
        # Added, it is a draft no more: the next asker's box starts empty, on any device.
        self.answer = self.answer.model_copy(update={"draft": None})
        self.selected = len(self.rows) - 1
        self._show_asker()
        # The next asker types next; the ratings wait until the asking is done. Then the
        # first request is highlighted, and Tab goes on to its benefit, its cost, the decision.
        if self.asker() is not None:
            self._refresh()
            # The box, or on a device of one's own the list, while the other partner asks.
            target = self.focus_target()
            if target is not None:
                target.focus()
        else:
            self.selected = 0
            self._refresh()
            self.query_one("#requests", OptionList).focus()

    def other(self) -> str:
        return other(self.first)

    def _earlier_options(self) -> list[Option]:
        return [
            Option(
                fill(
                    tr_of(self)._("$name asked: $text ($when)"),
                    name=self.names.get(str(e.row["by"]), "?"),
                    text=clean_line(str(e.row.get("text", ""))),
                    when=e.ref[:10],
                )
            )
            for e in self.earlier
        ]

    @on(OptionList.OptionSelected, "#earlier")
    def _brought_back(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        again = self.earlier.pop(event.option_index)
        by = again.row["by"] if again.row.get("by") in ("a", "b") else "a"
        text = str(again.row.get("text", ""))
        # Its earlier ratings come with it, to be looked at again; the decision is made anew.
        ratings = {
            key: value
            for key in ("benefit", "cost")
            if isinstance(value := again.row.get(key), int) and 1 <= value <= 5
        }
        self.rows.append(Request(by=by, text=text, again_of=again.ref, **ratings))  # type: ignore[arg-type]
        earlier = self.query_one("#earlier", OptionList)
        earlier.clear_options()
        earlier.add_options(self._earlier_options())
        self.selected = len(self.rows) - 1
        self._refresh()
        # On the request brought back: Tab goes on to its ratings and the decision.
        self.query_one("#requests", OptionList).focus()

    # The chosen request

    def _options(self) -> list[Option]:
        if not self.rows:
            return [Option(tr_of(self)._("No requests yet."), disabled=True)]
        return [Option(self._row(r)) for r in self.rows]

    def _row(self, row: Request) -> Content:
        tr = tr_of(self)
        if row.decision:
            decided = tr.gettext(DECISION_WORDS[row.decision])
        else:
            decided = tr._("not decided yet")
        return fill(
            tr._("$name asks: $text\n   $decided"),
            decided=decided,
            name=self.names[row.by],
            text=clean_line(row.text),
        )

    def _decisions(self) -> list[Option]:
        chosen = self.rows[self.selected].decision if self.selected is not None else None
        return [
            Option(
                Content(
                    ("[x] " if d == chosen else "[ ] ") + tr_of(self).gettext(DECISION_WORDS[d])
                )
            )
            for d in DECISIONS
        ]

    def _show_detail(self) -> None:
        detail = self.query_one("#detail")
        detail.display = self.selected is not None
        if self.selected is None:
            return
        row = self.rows[self.selected]
        asker, giver = row.by, row.giver
        self.query_one("#detail-title", Static).update(
            fill(tr_of(self)._("$name asks: $text"), name=self.names[asker], text=row.text)
        )
        benefit = self.query_one("#benefit", ScaleRow)
        cost = self.query_one("#cost", ScaleRow)
        _ = tr_of(self)._
        benefit.item = _("Benefit to {name}, 1-5").format(name=self.names[asker])
        cost.item = _("Cost to {name}, 1-5").format(name=self.names[giver])
        with self.prevent(ScaleRow.Rated):
            benefit.value = row.benefit
            cost.value = row.cost
        # On a device of one's own, each rates only their own side: the asker the benefit, the
        # other the cost.
        benefit.disabled = not self.context.mine(asker)
        cost.disabled = not self.context.mine(giver)
        benefit.refresh()
        cost.refresh()
        self._show_advice()
        decision = self.query_one("#decision", OptionList)
        decision.clear_options()
        decision.add_options(self._decisions())
        # Highlighted from the start, so that the first Enter decides.
        decision.highlighted = DECISIONS.index(row.decision) if row.decision else 0
        with self.prevent(Input.Changed):
            self.query_one("#third", Input).value = row.third or ""
            self.query_one("#note", Input).value = row.note or ""

    def _show_advice(self) -> None:
        if self.selected is None:
            return
        row = self.rows[self.selected]
        advice = self.query_one("#advice", Static)
        tr = tr_of(self)
        if row.benefit is not None and row.cost is not None:
            # The advice is the core's words (``logic/requests.py``), in the couple's language.
            with speaking(tr):
                advice_for = advise(
                    row.benefit, row.cost, self.names[row.by], self.names[row.giver]
                )
            advice.update(plain(advice_for.text))
        else:
            advice.update(tr._("Rate the benefit and the cost to see what they suggest."))

    @on(OptionList.OptionHighlighted, "#requests")
    def _picked(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if self.rows and event.option_index != self.selected:
            self.selected = event.option_index
            self._show_detail()

    def on_scale_row_rated(self, event: ScaleRow.Rated) -> None:
        event.stop()
        if self.selected is None or not self.is_mounted:
            return
        if event.row.id in ("benefit", "cost"):
            setattr(self.rows[self.selected], event.row.id, event.row.value)
        self._show_advice()
        self.report()

    @on(OptionList.OptionSelected, "#decision")
    def _decided(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.selected is None:
            return
        self.rows[self.selected].decision = DECISIONS[event.option_index]  # type: ignore[assignment]
        self._refresh()
        decision = self.query_one("#decision", OptionList)
        decision.clear_options()
        decision.add_options(self._decisions())
        decision.highlighted = event.option_index
        if DECISIONS[event.option_index] == "third":
            self.query_one("#third", Input).focus()

    @on(Input.Changed, "#third, #note")
    def _written(self, event: Input.Changed) -> None:
        event.stop()
        if self.selected is not None and event.input.id in ("third", "note"):
            setattr(self.rows[self.selected], event.input.id, clean_line(event.value) or None)
            self.report()

    def _refresh(self) -> None:
        listing = self.query_one("#requests", OptionList)
        listing.clear_options()
        listing.add_options(self._options())
        if self.selected is not None:
            listing.highlighted = self.selected
        self._show_detail()
        self.report()

    @on(Input.Changed, "#ask")
    def _drafting(self, event: Input.Changed) -> None:
        # Saved as typed, like every answer: a request half-typed is never lost. The box given
        # the draft as it is drawn changes nothing.
        event.stop()
        if clean_line(event.value) != (self.answer.draft or ""):
            self.report()

    def before_leaving(self) -> str | None:
        box = self._ask_box()
        if box is not None and clean_line(box.value):
            enter = key_of(self, "input.submit")
            said = tr_of(self)._("The request in the box is not added yet: {keys} adds it.")
            return said.format(keys=enter)
        return None

    def question_before_next(self) -> Question | None:
        """A request not decided never goes without a word: set aside for later, or go back."""
        count = len(RequestsAnswer(requests=self.rows).undecided())
        if not count:
            return None
        tr = tr_of(self)
        asked = tr.ngettext(
            "{count} request has no decision yet. Set it aside for later, so that it comes back "
            "the next time you ask each other for something?",
            "{count} requests have no decision yet. Set them aside for later, so that they come "
            "back the next time you ask each other for something?",
            count,
        )
        return Question(asked.format(count=count), tr._("Set aside for later"), self._set_aside)

    def _set_aside(self) -> None:
        self.rows = list(RequestsAnswer(requests=self.rows).set_aside().requests)
        self._refresh()

    def show_left(self) -> None:
        undecided = RequestsAnswer(requests=self.rows).undecided()
        if not undecided:
            return
        self.selected = undecided[0]
        self._refresh()
        decision = self.query_one("#decision", OptionList)
        self.screen.set_focus(decision)
        decision.scroll_visible(animate=False)

    def _ask_box(self) -> Input | None:
        """The box for the next request, while someone still has one to ask."""
        ask = self.query_one("#ask", Input)
        return ask if ask.display else None

    def report(self) -> None:
        rows = [row.model_copy() for row in self.rows]
        ask = self.query_one("#ask", Input) if self.is_mounted else None
        draft = clean_line(ask.value) if ask is not None else ""
        if ask is not None and not ask.display and self.context.seat is not None:
            # The asker's draft is theirs to change, on their own device.
            draft = self.answer.draft or ""
        self.changed(self.answer.model_copy(update={"requests": rows, "draft": draft or None}))

    def focus_target(self) -> Widget | None:
        ask = self.query_one("#ask", Input)
        return ask if ask.display else self.query_one("#requests", OptionList)
