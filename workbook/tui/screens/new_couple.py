"""A new couple: two names (required, different), an optional facilitator, and the language of
their screens and documents (the languages the workbook has a catalog for; the app's by
default). The same form edits a couple's names and language (``edit_couple.py``)."""

from __future__ import annotations

from typing import Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Input, Label, Select, Static

from workbook.i18n.catalog import N_, available
from workbook.i18n.names import language_name
from workbook.i18n.tags import SOURCE, best_match
from workbook.text import clean_line
from workbook.tui.actions import bindings
from workbook.tui.host import tr_of
from workbook.tui.widgets.box import Box
from workbook.tui.widgets.button import Button
from workbook.tui.widgets.footer import KeysFooter

R = TypeVar("R")


class CoupleForm(Screen[R | None], Generic[R]):
    """Two names and a facilitator, checked; ``finished`` says what to do with them."""

    BINDINGS = bindings("new-couple")
    QUESTION = N_("Who is taking part?")

    def __init__(
        self,
        names: tuple[str, str] = ("", ""),
        facilitator: str = "",
        language: str | None = None,
    ) -> None:
        super().__init__()
        self.names = names
        self.facilitator = facilitator
        self.language = language

    def compose(self) -> ComposeResult:
        tr = tr_of(self)
        _ = tr._
        with Vertical(id="new-couple", classes="form"):
            yield Static(tr.gettext(self.QUESTION), classes="step-title", markup=False)
            yield Label(_("First partner's name"), markup=False)
            # TRANSLATORS: a name common in the language, as an example.
            example_a = _("for example Sam")
            yield Box(self.names[0], id="name-a", max_length=60, placeholder=example_a)
            yield Label(_("Second partner's name"), markup=False)
            # TRANSLATORS: a second name common in the language, not the first one's.
            example_b = _("for example Alex")
            yield Box(self.names[1], id="name-b", max_length=60, placeholder=example_b)
            # The language beside the facilitator: the form still fits 80x24 with its buttons.
            with Horizontal(classes="form-row"):
                with Vertical():
                    yield Label(_("Facilitator or counsellor (optional)"), markup=False)
                    yield Box(
                        self.facilitator,
                        id="facilitator",
                        max_length=80,
                        placeholder=_("leave empty if none"),
                    )
                with Vertical(id="language-column"):
                    yield Label(_("Their language"), markup=False)
                    yield Select(
                        self.languages(),
                        value=self.chosen_language(),
                        allow_blank=False,
                        id="language",
                        compact=True,
                    )
            yield Static(id="error", markup=False)
            yield from self.buttons()
        yield KeysFooter()

    def languages(self) -> list[tuple[str, str]]:
        """Each language with a catalog, named in itself ("Español", "العربية"); laid out for
        the terminal where every line is (``tui/bidi_lines.py``)."""
        out = []
        for tag in available():
            name = language_name(tag, tag)
            out.append((name[:1].upper() + name[1:], tag))
        return out

    def chosen_language(self) -> str:
        """The couple's language when it has a catalog, else the app's, else English."""
        offered = available()
        for wanted in (self.language, getattr(self.app, "language", None)):
            found = best_match(wanted, offered)
            if found is not None:
                return found
        return SOURCE

    def buttons(self) -> ComposeResult:
        yield Button(tr_of(self)._("Continue"), id="continue", variant="primary")

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
        _ = tr_of(self)._
        problem = None
        if not a or not b:
            problem = _("Please write both names.")
        elif a.casefold() == b.casefold():
            problem = _("Please use two different names, so the screen can tell you apart.")
        if problem:
            self.query_one("#error", Static).update(problem)
            self.query_one("#name-a" if not a else "#name-b", Input).focus()
            return
        language = self.query_one("#language", Select).value
        self.dismiss(self.finished(a, b, facilitator, str(language)))

    def finished(self, a: str, b: str, facilitator: str, language: str) -> R:
        raise NotImplementedError

    def action_cancel(self) -> None:
        self.dismiss(None)


class NewCoupleScreen(CoupleForm[tuple[str, str, str, str]]):
    """Dismisses with (name a, name b, facilitator, language), or None when cancelled."""

    def finished(
        self, a: str, b: str, facilitator: str, language: str
    ) -> tuple[str, str, str, str]:
        return a, b, facilitator, language
