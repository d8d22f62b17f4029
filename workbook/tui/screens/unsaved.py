"""Asked before leaving while saving fails: try again, stay, or leave and lose what is unsaved."""

from __future__ import annotations

from textual import on
from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from workbook.i18n.catalog import Translations
from workbook.i18n.said import said_in
from workbook.service.recorder import Unsaved
from workbook.tui.actions import bindings
from workbook.tui.autosave import Autosave
from workbook.tui.host import tr_of
from workbook.tui.plain import fill
from workbook.tui.widgets.button import Button

RETRY, STAY, LOSE = "retry", "stay", "lose"


def lose_words(leaving: str, count: int, tr: Translations) -> str:
    """The button that does what the person asked anyway ("Quit and lose them"), by how many
    answers would be lost."""
    if leaving == "Quit":
        return tr.ngettext("Quit and lose it", "Quit and lose them", count)
    if leaving == "Finish":
        return tr.ngettext("Finish and lose it", "Finish and lose them", count)
    return tr.ngettext("Leave and lose it", "Leave and lose them", count)


class UnsavedScreen(ModalScreen[str]):
    """Dismisses with ``RETRY``, ``STAY`` or ``LOSE``; Esc stays."""

    BINDINGS = bindings("unsaved")

    def __init__(self, unsaved: Unsaved, leaving: str) -> None:
        super().__init__()
        self.unsaved = unsaved
        # What the person asked to do, as a verb: "Quit", "Pause", "Finish".
        self.leaving = leaving

    def compose(self) -> ComposeResult:
        tr = tr_of(self)
        _ = tr._
        count = self.unsaved.steps
        lose = lose_words(self.leaving, count, tr)
        with Vertical(id="unsaved", classes="dialog"):
            title = tr.ngettext("Your answer is not saved", "Your answers are not saved", count)
            yield Static(title, classes="dialog-title", markup=False)
            yield Static(
                fill(
                    # TRANSLATORS: $changed is "1 answer changed since 18:05:09" and the like.
                    tr.ngettext(
                        "$changed, and workbook could not save it: $reason.\n\n"
                        "It is safe while workbook stays open. Free some disk space or fix "
                        "the folder, then try again.",
                        "$changed, and workbook could not save them: $reason.\n\n"
                        "They are safe while workbook stays open. Free some disk space or fix "
                        "the folder, then try again.",
                        count,
                    ),
                    changed=_first_up(self.unsaved.said(tr)),
                    reason=said_in(self.unsaved.reason, tr),
                )
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Try again"), id=RETRY, variant="primary")
                yield Button(_("Keep workbook open"), id=STAY)
                yield Button(lose, id=LOSE, variant="error")

    def on_mount(self) -> None:
        self.query_one(f"#{RETRY}", Button).focus()

    @on(Button.Pressed)
    def _chosen(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id or STAY)


def _first_up(text: str) -> str:
    # Only the first letter: the rest (a time, a name) stays as the catalog has it.
    return text[:1].upper() + text[1:]


async def ask_before_leaving(app: App[object], autosave: Autosave, leaving: str) -> bool:
    """Save before leaving. When saving fails, ask: try again, stay, or leave and lose what is
    unsaved (``leaving`` is the verb: "Quit", "Leave", "Finish"). True when it is all right to
    leave. Runs in a worker, as it waits for the answer."""
    while True:
        # The question says it all; a toast about the same failure would cover it.
        autosave.now(tell=False)
        unsaved = autosave.recorder.unsaved()
        if unsaved is None:
            return True
        app.clear_notifications()
        choice = await app.push_screen_wait(UnsavedScreen(unsaved, leaving))
        if choice != RETRY:
            return choice == LOSE
