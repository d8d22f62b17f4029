"""How well you know each other's world: in a private turn, each partner answers each question
about themselves and guesses the other's answer; the reveal shows every answer beside its guess,
and the partner it is about marks the guess: got it, close, or not quite.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Input, Static

from workbook.data.answers.guess import MARKS, GuessSide
from workbook.i18n.bidi import visual
from workbook.i18n.catalog import N_
from workbook.logic.phases import REVEAL
from workbook.packs.placeholders import neutral
from workbook.text import clean_line
from workbook.tui.actions import bindings
from workbook.tui.host import key_of, tr_of
from workbook.tui.mirror import arrow, mirrored_screen, pointing
from workbook.tui.plain import fill, line, plain
from workbook.tui.steps.base import StepInput, ValueInput, prompt_widgets
from workbook.tui.steps.context import StepContext
from workbook.tui.widgets.box import Box
from workbook.tui.widgets.laid_out import LaidOut
from workbook.tui.widgets.reveal import NARROW

# The marks as the screen says them (the saved words are ``MARKS``, in English, always).
MARK_WORDS = {
    "got it": N_("got it"),
    "close": N_("close"),
    "not quite": N_("not quite"),
}


def build(context: StepContext) -> list[Widget]:
    if context.phase == REVEAL:
        prompt = LaidOut(neutral(context.step.prompt, context.pack.language), classes="prompt")
        return [prompt, GuessReveal(context)]
    return [*prompt_widgets(context), GuessInput(context)]


class GuessInput(ValueInput):
    """One partner's turn: an answer about themselves, and a guess of the other's, for each
    question."""

    DEFAULT_CSS = """
    GuessInput .question { text-style: bold; margin-top: 1; }
    GuessInput Input { margin: 0; border-title-color: $text-muted; }
    GuessInput Input:focus { border-title-color: $text; }
    """

    def compose(self) -> ComposeResult:
        side = self.initial or GuessSide()
        _, partner = self.context.me_and_partner()
        tr = tr_of(self)
        for number, question in enumerate(self.step.questions):
            yield Static(fill(f"{number + 1}. $q", q=question), classes="question")
            for part, placeholder, title in (
                ("own", tr._("Your answer, about you"), line(tr._("About you"))),
                (
                    "guess",
                    tr._("Your guess: what would {name} say?").format(name=clean_line(partner)),
                    fill(tr._("Your guess of $p's answer"), p=partner),
                ),
            ):
                given = getattr(side, part).get(question, "")
                field = Box(given, placeholder=placeholder, max_length=300, id=f"{part}-{number}")
                # The title names the box once it is filled and its placeholder is gone.
                field.border_title = title
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

    def focus_target(self) -> Widget | None:
        empty = [field for field in self.query(Input) if not field.value.strip()]
        fields = list(self.query(Input))
        return (empty or fields)[0] if fields else None


class MarkRow(Widget, can_focus=True):
    """How the partner a guess is about marks it: ← → or 1 2 3 choose, ↑ ↓ move between rows."""

    DEFAULT_CSS = """
    MarkRow { height: 1; width: 1fr; }
    MarkRow:focus { background: $boost; text-style: bold; }
    """
    BINDINGS = bindings("guess")

    mark: reactive[str | None] = reactive(None)

    class Marked(Message):
        def __init__(self, row: MarkRow) -> None:
            super().__init__()
            self.row = row

    def __init__(self, key: str, question: str, mark: str | None) -> None:
        super().__init__()
        self.key, self.question = key, question
        self.set_reactive(MarkRow.mark, mark)

    @property
    def LAYS_OUT_ITSELF(self) -> bool:
        """On a mirrored screen the row is drawn from the right by itself (``_spans``)."""
        return mirrored_screen(self)

    def render(self) -> Content:
        # A pointer marks the row the keys act on; the chosen mark is shown in reverse.
        pointer = "▸ " if self.has_focus else "  "
        parts: list[Content | str] = []
        for mark, word in self._words():
            if mark == self.mark:
                parts.append(Content.styled(f"[{word}]", "reverse bold"))
            else:
                parts.append(f" {word} ")
        if not mirrored_screen(self):
            return Content.assemble(pointer, *parts)
        # From the right: the pointer at the right edge, pointing left, the first mark beside
        # it, each word laid out; where each is drawn is ``_spans``'.
        spans = self._spans()
        lead = " " * max(spans[-1][0] if spans else 0, 0)
        return Content.assemble(lead, *parts[::-1], pointer.replace("▸", "◂")[::-1])

    def _spans(self) -> list[tuple[int, int]]:
        """Where each mark is drawn: its first column and its cells, in ``MARKS``' order."""
        spans = []
        start = 2
        mirrored = mirrored_screen(self)
        for _, word in self._words():
            cells = cell_len(word) + 2
            spans.append((self.size.width - start - cells if mirrored else start, cells))
            start += cells
        return spans

    def _words(self) -> list[tuple[str, str]]:
        """Each mark and its word on screen, in the language spoken (laid out, from the right,
        on a mirrored screen)."""
        tr = tr_of(self)
        if mirrored_screen(self):
            return [(mark, visual(tr.gettext(MARK_WORDS[mark]), True)) for mark in MARKS]
        return [(mark, tr.gettext(MARK_WORDS[mark])) for mark in MARKS]

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def action_move(self, step: int) -> None:
        at = MARKS.index(self.mark) if self.mark in MARKS else (-1 if step > 0 else len(MARKS))
        self.mark = MARKS[max(0, min(len(MARKS) - 1, at + step))]

    def on_click(self, event: events.Click) -> None:
        # A mark is tapped where it is drawn, from the left or from the right (``_spans``).
        for mark, (start, width) in zip(MARKS, self._spans(), strict=True):
            if start <= event.x < start + width:
                self.mark = mark
                return

    async def on_key(self, event: events.Key) -> None:
        if await arrow(self, event.key):
            event.stop()
            event.prevent_default()
        elif event.character in ("1", "2", "3"):
            self.mark = MARKS[int(event.character) - 1]
            event.stop()

    def watch_mark(self) -> None:
        self.post_message(self.Marked(self))


class GuessReveal(StepInput):
    """For each question, a card per partner, in the order they answered: their answer, the
    other's guess of it, and their mark of that guess. The cards stack on a narrow screen."""

    DEFAULT_CSS = """
    GuessReveal .legend { color: $text-muted; }
    GuessReveal .question { text-style: bold; margin-top: 1; }
    GuessReveal .pair { height: auto; }
    GuessReveal.narrow .pair { layout: vertical; }
    GuessReveal .card {
        width: 1fr; height: auto; border: round $panel-lighten-2; padding: 0 1;
    }
    GuessReveal .card-a { border-title-color: $primary; }
    GuessReveal .card-b { border-title-color: $warning; }
    GuessReveal .own { text-style: bold; }
    """

    def compose(self) -> ComposeResult:
        answer, names = self.answer, self.context.names
        first = self.context.first
        order = (first, self.context.other(first))
        tr = tr_of(self)
        legend = tr._(
            "Mark how close the guess about you came: {less} {more} or 1 2 3; {next} or {tab}: "
            "next."
        ).format(
            less=pointing(self, key_of(self, "guess.less")),
            more=pointing(self, key_of(self, "guess.more")),
            next=key_of(self, "guess.focus-next"),
            tab=key_of(self, "screen.focus-next"),
        )
        yield Static(legend, classes="legend", markup=False)
        for number, question in enumerate(self.step.questions):
            yield Static(fill(f"{number + 1}. $q", q=question), classes="question")
            with Horizontal(classes="pair"):
                for key in order:
                    other = self.context.other(key)
                    own = answer.side(key).own.get(question, "") or tr._("(no answer)")
                    guess = answer.side(other).guess.get(question, "") or tr._("(no guess)")
                    with Vertical(classes=f"card card-{key}") as card:
                        card.border_title = line(names[key])
                        yield Static(plain(own), classes=f"own partner-{key} dir-auto")
                        yield Static(
                            fill(tr._("$other guessed: $guess"), other=names[other], guess=guess)
                        )
                        row = MarkRow(key, question, answer.side(key).marks.get(question))
                        # On a device of one's own, only the guesses about oneself are marked.
                        row.disabled = not self.context.mine(key)
                        yield row

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width < NARROW, "narrow")

    @on(MarkRow.Marked)
    def _marked(self, event: MarkRow.Marked) -> None:
        event.stop()
        if not self.is_mounted or event.row.mark is None:
            return
        side = self.answer.side(event.row.key).model_copy(deep=True)
        side.marks[event.row.question] = event.row.mark
        self.changed(self.answer.with_value(event.row.key, side))

    def focus_target(self) -> Widget | None:
        rows = [row for row in self.query(MarkRow) if not row.disabled]
        unmarked = [row for row in rows if row.mark is None]
        return (unmarked or rows)[0] if rows else None
