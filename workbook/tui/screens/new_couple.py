"""A new couple: two names (required, different) and an optional facilitator. The same form
edits a couple's names (``edit_couple.py``)."""

from __future__ import annotations

from typing import Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Input, Label, Static

from workbook.text import clean_line
from workbook.tui.actions import bindings
from workbook.tui.widgets.box import Box
from workbook.tui.widgets.button import Button
from workbook.tui.widgets.footer import KeysFooter

R = TypeVar("R")


class CoupleForm(Screen[R | None], Generic[R]):
    """Two names and a facilitator, checked; ``finished`` says what to do with them."""

    BINDINGS = bindings("new-couple")
    QUESTION = "Who is taking part?"

    def __init__(self, names: tuple[str, str] = ("", ""), facilitator: str = "") -> None:
        super().__init__()
        self.names = names
        self.facilitator = facilitator

    def compose(self) -> ComposeResult:
        with Vertical(id="new-couple", classes="form"):
            yield Static(self.QUESTION, classes="step-title", markup=False)
            yield Label("First partner's name")
            yield Box(self.names[0], id="name-a", max_length=60, placeholder="for example Sam")
            yield Label("Second partner's name")
            yield Box(self.names[1], id="name-b", max_length=60, placeholder="for example Alex")
            yield Label("Facilitator or counsellor (optional)")
            yield Box(
                self.facilitator,
                id="facilitator",
                max_length=80,
                placeholder="leave empty if none",
            )
            yield Static(id="error", markup=False)
            yield from self.buttons()
        yield KeysFooter()

    def buttons(self) -> ComposeResult:
        yield Button("Continue", id="continue", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#name-a", Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "facilitator":
            self._create()
        else:
            self.focus_next()

    @on(Button.Pressed, "#continue")
    def _create(self) -> None:
        a = clean_line(self.query_one("#name-a", Input).value)
        b = clean_line(self.query_one("#name-b", Input).value)
        facilitator = clean_line(self.query_one("#facilitator", Input).value)
        problem = None
        if not a or not b:
            problem = "Please write both names."
        elif a.casefold() == b.casefold():
            problem = "Please use two different names, so the screen can tell you apart."
        if problem:
            self.query_one("#error", Static).update(problem)
            self.query_one("#name-a" if not a else "#name-b", Input).focus()
            return
        self.dismiss(self.finished(a, b, facilitator))

    def finished(self, a: str, b: str, facilitator: str) -> R:
        raise NotImplementedError

    def action_cancel(self) -> None:
        self.dismiss(None)


class NewCoupleScreen(CoupleForm[tuple[str, str, str]]):
    """Dismisses with (name a, name b, facilitator), or None when cancelled."""

    def finished(self, a: str, b: str, facilitator: str) -> tuple[str, str, str]:
        return a, b, facilitator
