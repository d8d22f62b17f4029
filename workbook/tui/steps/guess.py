"""How well you know each other's world: in a private turn, each partner answers each question
about themselves and guesses the other's answer; the reveal shows every answer beside its guess,
and the partner it is about marks the guess: got it, close, or not quite.
"""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Input, Static

from workbook.data.answers.guess import MARKS, GuessSide
from workbook.logic.phases import REVEAL
from workbook.packs.placeholders import neutral
from workbook.text import clean_line
from workbook.tui.plain import fill, plain
from workbook.tui.steps.base import StepInput, ValueInput, prompt_widgets
from workbook.tui.steps.context import StepContext
from workbook.tui.widgets.blink import cursor_blink


def build(context: StepContext) -> list[Widget]:
    if context.phase == REVEAL:
        prompt = Static(plain(neutral(context.step.prompt)), classes="prompt")
        return [prompt, GuessReveal(context)]
    return [*prompt_widgets(context), GuessInput(context)]


class GuessInput(ValueInput):
    """One partner's turn: an answer about themselves, and a guess of the other's, for each
    question."""

    DEFAULT_CSS = """
    GuessInput .question { text-style: bold; margin-top: 1; }
    GuessInput Input { margin: 0; }
    """

    def compose(self) -> ComposeResult:
        side = self.initial or GuessSide()
        _, partner = self.context.me_and_partner()
        for number, question in enumerate(self.step.questions):
            yield Static(fill(f"{number + 1}. $q", q=question), classes="question")
            for part, placeholder in (
                ("own", "Your answer, about you"),
                ("guess", f"Your guess: what would {partner} say?"),
            ):
                given = getattr(side, part).get(question, "")
                field = Input(given, placeholder=placeholder, max_length=300, id=f"{part}-{number}")
                field.cursor_blink = cursor_blink()
                yield field

    def value(self) -> GuessSide:
        side = (self.initial or GuessSide()).model_copy(deep=True)
        for number, question in enumerate(self.step.questions):
            side.own[question] = clean_line(self.query_one(f"#own-{number}", Input).value)
            side.guess[question] = clean_line(self.query_one(f"#guess-{number}", Input).value)
        return side

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        self.report()

    @on(Input.Submitted)
    def _next_field(self, event: Input.Submitted) -> None:
        # Enter moves on to the next box, as Tab does: an answer here is one line.
        event.stop()
        self.screen.focus_next()

    def focus_input(self) -> None:
        empty = [field for field in self.query(Input) if not field.value.strip()]
        fields = list(self.query(Input))
        if fields:
            (empty or fields)[0].focus()


class MarkRow(Widget, can_focus=True):
    """How the partner a guess is about marks it: ← → or 1 2 3 choose."""

    DEFAULT_CSS = """
    MarkRow { height: 1; width: 1fr; }
    MarkRow:focus { background: $boost; text-style: bold; }
    """
    BINDINGS = [
        Binding("left", "move(-1)", "Less", show=False),
        Binding("right", "move(1)", "More", show=False),
    ]

    mark: reactive[str | None] = reactive(None)

    class Marked(Message):
        def __init__(self, row: MarkRow) -> None:
            super().__init__()
            self.row = row

    def __init__(self, key: str, question: str, label: str, mark: str | None) -> None:
        super().__init__()
        self.key, self.question, self.label = key, question, label
        self.set_reactive(MarkRow.mark, mark)

    def render(self) -> Content:
        parts: list[Content | str] = [Content(clean_line(self.label) + "  ")]
        for word in MARKS:
            if word == self.mark:
                parts.append(Content.styled(f"[{word}]", "reverse bold"))
            else:
                parts.append(f" {word} ")
            parts.append(" ")
        return Content.assemble(*parts)

    def action_move(self, step: int) -> None:
        at = MARKS.index(self.mark) if self.mark in MARKS else (-1 if step > 0 else len(MARKS))
        self.mark = MARKS[max(0, min(len(MARKS) - 1, at + step))]

    def on_key(self, event: events.Key) -> None:
        if event.character in ("1", "2", "3"):
            self.mark = MARKS[int(event.character) - 1]
            event.stop()

    def watch_mark(self) -> None:
        self.post_message(self.Marked(self))


class GuessReveal(StepInput):
    """Every answer beside the other's guess; the one it is about marks the guess."""

    DEFAULT_CSS = """
    GuessReveal .question { text-style: bold; margin-top: 1; }
    GuessReveal .legend { color: $text-muted; }
    """

    def compose(self) -> ComposeResult:
        answer, names = self.answer, self.context.names
        yield Static(
            "Each of you marks the other's guesses about you: ← → or 1, 2, 3.",
            classes="legend",
            markup=False,
        )
        for number, question in enumerate(self.step.questions):
            yield Static(fill(f"{number + 1}. $q", q=question), classes="question")
            for key, other in (("a", "b"), ("b", "a")):
                own = answer.side(key).own.get(question, "") or "(no answer)"
                guess = answer.side(other).guess.get(question, "") or "(no guess)"
                yield Static(
                    fill(
                        "$me: $own · $other guessed: $guess",
                        me=names[key],
                        own=own,
                        other=names[other],
                        guess=guess,
                    )
                )
                mark = answer.side(key).marks.get(question)
                yield MarkRow(key, question, f"{names[key]} marks it:", mark)

    @on(MarkRow.Marked)
    def _marked(self, event: MarkRow.Marked) -> None:
        event.stop()
        if not self.is_mounted or event.row.mark is None:
            return
        side = self.answer.side(event.row.key).model_copy(deep=True)
        side.marks[event.row.question] = event.row.mark
        self.changed(self.answer.with_value(event.row.key, side))

    def focus_input(self) -> None:
        rows = list(self.query(MarkRow))
        unmarked = [row for row in rows if row.mark is None]
        if rows:
            (unmarked or rows)[0].focus()
