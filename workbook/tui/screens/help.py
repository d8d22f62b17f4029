"""The help screen: the keys, and how taking turns works."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from workbook.i18n.catalog import N_, SOURCE_TRANSLATIONS, Translations
from workbook.text import cells
from workbook.tui.actions import bindings, default_keys
from workbook.tui.host import WorkbookModal
from workbook.tui.widgets.button import Button

HELP = N_("""\
Moving around
  Tab / Shift+Tab   move between parts of the screen
{moves}

On Home
{home}

Answering
  Text              type; Tab leaves the text box
  Scales            ← → or a number choose; ↑ ↓ move between lines
  Choices           ↑ ↓ move, Space or Enter picks
  Ordering          ↑ ↓ highlight a line, [ and ] move it up and down
  Agreements        type a term and press Enter; on a highlighted term the
                    first partner presses 1 and the second presses 2 to confirm;
                    + and - move its review date

Taking turns
  Before a private answer, the screen asks the other partner to look away,
  and only the named partner's own button goes on. After the answer, the
  screen hides it and asks you to pass the keyboard over. When you have both
  answered, you see your answers side by side, each on the same side every
  time. Who goes first changes from step to step. The name marked ▶ is whose
  turn it is.

  Some questions are sealed: your answer is never shown to the other, nor
  kept in your files. Only a counsellor working with you can see it; without
  one, it is not saved at all. The screen says so each time.

The clock
  The top line shows the time spent on this session against the time the
  chosen packs suggest, for example "23 of 55 min".

Everything you type is saved as you go, in files on this computer only.""")


# The keys that move through a session: (binding id, its keys by default, what it does).
MOVES = [
    ("walk.next", "ctrl+n", N_("next (or press the Next button)")),
    ("walk.back", "ctrl+b", N_("back")),
    ("walk.pause", "escape", N_("pause: everything is saved, and you can resume later")),
    (
        "walk.end-now",
        "ctrl+g",
        N_(
            "end the session now (it asks first); what you did not\n"
            "                    reach is marked as not reached, agreements made stay"
        ),
    ),
    (
        "",
        "ctrl+p",
        N_(
            "the command palette: export, theme, help, go to a step,\n"
            "                    end the session now"
        ),
    ),
    ("walk.notes", "ctrl+o", N_("an empty note for the facilitator (when there is one)")),
    (
        "home.facilitate",
        "f",
        N_(
            "(on Home) the counsellor's console, for a second screen:\n"
            "                    where the couple is, revealed answers, scores and notes"
        ),
    ),
    ("app.quit", "ctrl+q", N_("quit (everything is saved)")),
]


def help_text(keys_for: Callable[[str, str], str], tr: Translations = SOURCE_TRANSLATIONS) -> str:
    """The help, with the keys in force (a keymap, or a browser, may have changed them)."""
    _ = tr._
    moves = [
        (keys_for(binding_id, default), tr.gettext(what)) for binding_id, default, what in MOVES
    ]

    def home(action_id: str) -> str:
        return keys_for(action_id, default_keys(action_id))

    ways_in = ("new-couple", "new-session", "resume", "export", "review")
    on_home = [
        (
            _("{keys} or a name").format(keys=home("home.search")),
            _("search the couples' names; {keys} clears the search").format(
                keys=home("home.clear-search")
            ),
        ),
        ("Tab", _("reach the filters (due, unfinished, archived) and the order")),
        (
            " ".join(home(f"home.{way}") for way in ways_in),
            _("new couple, new session, resume, export, review"),
        ),
        (home("home.edit"), _("edit the couple's names and facilitator; archive them")),
        (home("home.delete"), _("delete the couple (after typing their names)")),
    ]
    return tr.gettext(HELP).format(moves=_rows(moves), home=_rows(on_home))


def _rows(rows: list[tuple[str, str]]) -> str:
    # Keys in one column and words in the next; widths in cells (``text.cells``).
    return "\n".join(
        f"  {shown}{' ' * (18 - cells(shown))}{what}"
        if cells(shown) <= 17
        else f"  {shown}\n{'':20}{what}"
        for shown, what in rows
    )


class HelpScreen(WorkbookModal[None]):
    BINDINGS = bindings("help")

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help", classes="dialog"):
            yield Static(self.tr._("Help"), classes="dialog-title", markup=False)
            yield Static(help_text(self.wb.keys_for, self.tr), markup=False)
            yield Button(self.tr._("Close"), id="close", variant="primary")

    def on_mount(self) -> None:
        # The button is at the end; focusing it must not scroll the help to its end.
        self.query_one("#close", Button).focus(scroll_visible=False)
        self.query_one("#help", VerticalScroll).scroll_home(animate=False, immediate=True)

    def on_button_pressed(self) -> None:
        self.dismiss()
