"""The questions of the agreement step: who will do a term that came from one partner's own
words, and the words of a term, reworded or edited before both confirm it.

Who does a term is asked, never guessed from who wrote it: "Who will do this?" offers the
writer, the other and both, with the pack's ``done_by`` highlighted as its suggestion. Words
in the first person ("I snap about small things. Ask me ...") are offered for rewording, since
they would read as someone else's after "Sam will:". Esc asks nothing more: on the question of
who, the term is not added; on the words, they stay as they were.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static, TextArea
from textual.widgets.option_list import Option

from workbook.data.partners import other
from workbook.i18n.catalog import SOURCE_TRANSLATIONS, Translations
from workbook.text import clean
from workbook.tui.actions import bindings
from workbook.tui.host import WorkbookModal
from workbook.tui.plain import fill, plain
from workbook.tui.steps.text import AnswerArea
from workbook.tui.widgets.blink import cursor_blink

# A term's words are short; this leaves room for a whole written answer.
TERM_MOST_CHARS = 2000
# The term quoted in a dialog: enough to know it by, never taller than the screen.
QUOTED_CHARS = 240


def quoted(text: str) -> str:
    """A term's words on one line, shortened for a dialog."""
    words = " ".join(clean(text).split())
    return words if len(words) <= QUOTED_CHARS else words[: QUOTED_CHARS - 1] + "…"


class WhoScreen(WorkbookModal[str | None]):
    """Who will do a term in one partner's own words: ``a``, ``b`` or ``both``, or None."""

    BINDINGS = bindings("who")

    def __init__(self, text: str, writer: str, suggested: str, names: Mapping[str, str]) -> None:
        super().__init__()
        self.text = text
        self.writer = writer
        self.names = names
        other_key = other(writer)
        self.choices = [writer, other_key, "both"]
        self.suggested = suggested if suggested in self.choices else writer

    def compose(self) -> ComposeResult:
        _ = self.tr._
        writer = self.names[self.writer]
        esc = self.wb.keys_for("who.not-now")
        with Vertical(id="who", classes="dialog"):
            yield Static(_("Who will do this?"), classes="dialog-title", markup=False)
            yield Static(fill(_("“$text”"), text=quoted(self.text)))
            yield Static(
                fill(
                    _(
                        "These are $writer's words. Say who will do it: the term will begin "
                        "with that name. $enter chooses; $esc adds nothing."
                    ),
                    writer=writer,
                    esc=esc,
                    enter=self.wb.keys_for("list.select"),
                ),
                classes="legend",
            )
            yield OptionList(*[Option(self._label(key)) for key in self.choices], id="who-list")

    def _label(self, key: str) -> Content:
        _ = self.tr._
        suggested = key == self.suggested
        if key == "both":
            said = _("Both of you (the pack suggests this)") if suggested else _("Both of you")
        elif key == self.writer:
            said = (
                _("$name, who wrote it (the pack suggests this)")
                if suggested
                else _("$name, who wrote it")
            )
        else:
            said = _("$name (the pack suggests this)") if suggested else "$name"
        return fill(said, name=self.names.get(key, ""))

    def on_mount(self) -> None:
        listing = self.query_one(OptionList)
        listing.highlighted = self.choices.index(self.suggested)
        listing.focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.choices[event.option_index])


class TermArea(AnswerArea):
    """The words of a term: Enter keeps them (the lines they have stay), never a new line."""

    class Kept(Message):
        """Enter: the words are as they should be."""

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.post_message(self.Kept())
            return
        await super()._on_key(event)


class TermWordsScreen(WorkbookModal[str | None]):
    """The words of a term, to reword or edit: the new words, or None to leave them as they
    were (Esc, or nothing written)."""

    BINDINGS = bindings("term-words")

    def __init__(self, text: str, title: str, note: Content) -> None:
        super().__init__()
        self.text = clean(text).strip()
        self.title_words = title
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(id="term-words", classes="dialog"):
            yield Static(self.title_words, classes="dialog-title", markup=False)
            yield Static(self.note, classes="legend")
            area = TermArea(self.text, soft_wrap=True, tab_behavior="focus", id="term-area")
            area.limit = TERM_MOST_CHARS
            area.show_line_numbers = False
            area.cursor_blink = cursor_blink()
            yield area
            esc = self.wb.keys_for("term-words.leave")
            enter = self.wb.keys_for("input.submit")
            said = self.tr._("{enter} keeps these words; {keys} leaves them as they were.")
            yield Static(said.format(enter=enter, keys=esc), markup=False)

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        # At the end of the words, never selecting them: a key adds, it does not replace.
        area.move_cursor(area.document.end)
        area.focus()

    @on(TermArea.Kept)
    def _kept(self, event: TermArea.Kept) -> None:
        event.stop()
        words = clean(self.query_one(TextArea).text).strip()
        self.dismiss(words or None)


def reword_note(
    text: str, said: list[str], writer: str, doer: str, tr: Translations = SOURCE_TRANSLATIONS
) -> Content:
    """Why words in the first person are offered for rewording, and how they would read."""
    _ = tr._
    return Content.assemble(
        fill(
            _(
                "These are $writer's own words, in the first person ($said). As a term they "
                "would read “$doer $start” Reword them so that they say who does what."
            ),
            writer=writer,
            said=_(", ").join(_("“{word}”").format(word=word) for word in said),
            doer=doer,
            start=quoted(text)[:60] + ("…" if len(quoted(text)) > 60 else ""),
        )
    )


def edit_note(agreed_by_one: bool, tr: Translations = SOURCE_TRANSLATIONS) -> Content:
    if agreed_by_one:
        return plain(
            tr._(
                "Change the words of this term. A confirmation given is taken back: each of "
                "you confirms the new words."
            )
        )
    return plain(tr._("Change the words of this term."))


def describe(names: Mapping[str, str], who: str, tr: Translations = SOURCE_TRANSLATIONS) -> str:
    """How a term begins: "Sam will:" or "Both of you:"."""
    if who in ("a", "b"):
        return tr._("{name} will:").format(name=names[who])
    return tr._("Both of you:")
