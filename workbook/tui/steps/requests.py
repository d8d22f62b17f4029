"""Requests: each partner asks for up to a few things; the asker rates the benefit to them, the
other the cost to them; the advice follows; the couple decides yes, no, a third option or later.
"""

from __future__ import annotations

import copy
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from workbook.data.answers import request_rows
from workbook.logic.requests import DECISION_WORDS, DECISIONS, SetAside, advise
from workbook.text import clean, clean_line
from workbook.tui.plain import fill, plain
from workbook.tui.steps.base import StepInput, TurnPrompt
from workbook.tui.steps.scale import ScaleRow
from workbook.tui.widgets.blink import cursor_blink


class RequestsInput(StepInput):
    DEFAULT_CSS = """
    RequestsInput #requests { height: auto; max-height: 8; margin: 1 0; }
    RequestsInput #detail { height: auto; border: round $panel-lighten-2; padding: 0 1; }
    RequestsInput #decision { height: auto; }
    RequestsInput .advice { margin: 1 0; text-style: bold; }
    RequestsInput Input { margin-bottom: 1; }
    """

    def __init__(
        self,
        step: Any,
        value: Any,
        names: dict[str, str],
        first: str = "a",
        earlier: list[SetAside] | None = None,
    ) -> None:
        super().__init__(step, value)
        self.names = names
        self.first = first
        self.rows: list[dict[str, Any]] = [
            dict(r) for r in request_rows(copy.deepcopy(value) if isinstance(value, dict) else {})
        ]
        self.selected: int | None = 0 if self.rows else None
        back = {r.get("again_of") for r in self.rows}
        # Requests set aside at earlier sessions, that this one has not brought back yet.
        self.earlier = [e for e in earlier or [] if e.ref not in back]

    def compose(self) -> ComposeResult:
        yield TurnPrompt(self.step)
        if self.earlier:
            yield Static(
                "Set aside at an earlier session (Enter brings one back):",
                classes="legend",
                markup=False,
            )
            yield OptionList(*self._earlier_options(), id="earlier")
        yield Static(id="ask-label")
        ask = Input(id="ask", max_length=300, placeholder="Type a request, then press Enter")
        ask.cursor_blink = cursor_blink()
        yield ask
        yield OptionList(*self._options(), id="requests")
        with Vertical(id="detail"):
            yield Static(id="detail-title")
            yield ScaleRow("Benefit", 1, 5, None, id="benefit")
            yield ScaleRow("Cost", 1, 5, None, id="cost")
            yield Static(classes="advice", id="advice")
            yield OptionList(*self._decisions(), id="decision")
            third = Input(
                id="third", max_length=300, placeholder="The third option, if you chose one"
            )
            note = Input(id="note", max_length=300, placeholder="A note (optional)")
            third.cursor_blink = note.cursor_blink = cursor_blink()
            yield third
            yield note

    def on_mount(self) -> None:
        self._show_asker()
        self._show_detail()

    # Asking

    def asker(self) -> str | None:
        """Who asks next: whoever has asked less, starting with the first partner."""
        counts = {k: sum(1 for r in self.rows if r["by"] == k) for k in ("a", "b")}
        order = (self.first, "b" if self.first == "a" else "a")
        open_ = [k for k in order if counts[k] < self.step.max_per_partner]
        if not open_:
            return None
        return min(open_, key=lambda k: (counts[k], order.index(k)))

    def _show_asker(self) -> None:
        who = self.asker()
        label = self.query_one("#ask-label", Static)
        ask = self.query_one("#ask", Input)
        if who is None:
            label.update(f"You have each asked {self.step.max_per_partner} things.")
            ask.display = False
            return
        other = "b" if who == "a" else "a"
        label.update(
            fill("$me, what would you ask $other for?", me=self.names[who], other=self.names[other])
        )
        ask.display = True

    @on(Input.Submitted, "#ask")
    def _asked(self, event: Input.Submitted) -> None:
        event.stop()
        text = clean(event.value).strip()
        who = self.asker()
        if not text or who is None:
            return
        self.rows.append({"by": who, "text": text})
        event.input.value = ""
        self.selected = len(self.rows) - 1
        self._refresh()
        self._show_asker()
        self.query_one("#benefit", ScaleRow).focus()

    def _earlier_options(self) -> list[Option]:
        return [
            Option(
                fill(
                    "$name asked: $text ($when)",
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
        self.rows.append(
            {"by": again.row["by"], "text": str(again.row.get("text", "")), "again_of": again.ref}
        )
        earlier = self.query_one("#earlier", OptionList)
        earlier.clear_options()
        earlier.add_options(self._earlier_options())
        self.selected = len(self.rows) - 1
        self._refresh()
        self.query_one("#benefit", ScaleRow).focus()

    # The chosen request

    def _options(self) -> list[Option]:
        if not self.rows:
            return [Option("No requests yet.", disabled=True)]
        return [Option(self._row(r)) for r in self.rows]

    def _row(self, row: dict[str, Any]) -> Content:
        decided = DECISION_WORDS.get(row.get("decision", ""), "not decided yet")
        return fill(
            f"$name asks: $text\n   {decided}",
            name=self.names[row["by"]],
            text=clean_line(row["text"]),
        )

    def _decisions(self) -> list[Option]:
        chosen = self.rows[self.selected].get("decision") if self.selected is not None else None
        return [
            Option(Content(("[x] " if d == chosen else "[ ] ") + DECISION_WORDS[d]))
            for d in DECISIONS
        ]

    def _show_detail(self) -> None:
        detail = self.query_one("#detail")
        detail.display = self.selected is not None
        if self.selected is None:
            return
        row = self.rows[self.selected]
        asker, giver = row["by"], "b" if row["by"] == "a" else "a"
        self.query_one("#detail-title", Static).update(
            fill("$name asks: $text", name=self.names[asker], text=row["text"])
        )
        benefit = self.query_one("#benefit", ScaleRow)
        cost = self.query_one("#cost", ScaleRow)
        benefit.item = f"Benefit to {self.names[asker]}, 1-5"
        cost.item = f"Cost to {self.names[giver]}, 1-5"
        with self.prevent(ScaleRow.Rated):
            benefit.value = row.get("benefit")
            cost.value = row.get("cost")
        benefit.refresh()
        cost.refresh()
        self._show_advice()
        decision = self.query_one("#decision", OptionList)
        decision.clear_options()
        decision.add_options(self._decisions())
        with self.prevent(Input.Changed):
            self.query_one("#third", Input).value = str(row.get("third", ""))
            self.query_one("#note", Input).value = str(row.get("note", ""))

    def _show_advice(self) -> None:
        if self.selected is None:
            return
        row = self.rows[self.selected]
        benefit, cost = row.get("benefit"), row.get("cost")
        advice = self.query_one("#advice", Static)
        if isinstance(benefit, int) and isinstance(cost, int):
            giver = "b" if row["by"] == "a" else "a"
            advice.update(
                plain(advise(benefit, cost, self.names[row["by"]], self.names[giver]).text)
            )
        else:
            advice.update("Rate the benefit and the cost to see what they suggest.")

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
        self.rows[self.selected][event.row.id or ""] = event.row.value
        self._show_advice()
        self.changed()

    @on(OptionList.OptionSelected, "#decision")
    def _decided(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.selected is None:
            return
        self.rows[self.selected]["decision"] = DECISIONS[event.option_index]
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
        if self.selected is not None and event.input.id:
            self.rows[self.selected][event.input.id] = clean_line(event.value)
            self.changed()

    def _refresh(self) -> None:
        listing = self.query_one("#requests", OptionList)
        listing.clear_options()
        listing.add_options(self._options())
        if self.selected is not None:
            listing.highlighted = self.selected
        self._show_detail()
        self.changed()

    def current(self) -> dict[str, Any]:
        return {"requests": [dict(r) for r in self.rows]}

    def problem(self) -> str | None:
        return None

    def focus_input(self) -> None:
        ask = self.query_one("#ask", Input)
        if ask.display:
            ask.focus()
        else:
            self.query_one("#requests", OptionList).focus()
