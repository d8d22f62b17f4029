"""The help screen: the keys, and how taking turns works."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from workbook.i18n.catalog import N_, SOURCE_TRANSLATIONS, Translations
from workbook.text import cells
from workbook.tui.actions import bindings
from workbook.tui.host import WorkbookModal
from workbook.tui.widgets.button import Button

HELP = N_("""\
Moving around
{moves}

On Home
{home}

Answering
  Text              type; {tab} leaves the text box
  Scales            {less} {more} or a number choose; {up} {down} move between lines
  Choices           {lup} {ldown} move, {choose} or {enter} picks
  Ordering          {lup} {ldown} highlight a line, {earlier} and {later} move it up and down
  Agreements        type a term and press {submit}; on a highlighted term the
                    first partner presses {first} and the second presses {second} to confirm;
                    {review_later} and {sooner} move its review date

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


# The keys that move through a session: (action id, what it does).
MOVES = [
    ("walk.next", N_("next (or press the Next button)")),
    ("walk.back", N_("back")),
    ("walk.pause", N_("pause: everything is saved, and you can resume later")),
    (
        "walk.end-now",
        N_(
            "end the session now (it asks first); what you did not\n"
            "                    reach is marked as not reached, agreements made stay"
        ),
    ),
    (
        "screen.command-palette",
        N_(
            "the command palette: export, theme, help, go to a step,\n"
            "                    end the session now"
        ),
    ),
    ("walk.notes", N_("an empty note for the facilitator (when there is one)")),
    (
        "home.facilitate",
        N_(
            "(on Home) the counsellor's console, for a second screen:\n"
            "                    where the couple is, revealed answers, scores and notes"
        ),
    ),
    ("app.quit", N_("quit (everything is saved)")),
]


# The keys the answering part of the help names: (its slot, the action id).
ANSWERING = (
    ("tab", "screen.focus-next"),
    ("less", "scale.less"),
    ("more", "scale.more"),
    ("up", "scale.focus-previous"),
    ("down", "scale.focus-next"),
    ("lup", "list.up"),
    ("ldown", "list.down"),
    ("choose", "choice.select"),
    ("enter", "list.select"),
    ("earlier", "rank.move-up"),
    ("later", "rank.move-down"),
    ("submit", "input.submit"),
    ("first", "terms.confirm-1st"),
    ("second", "terms.confirm-2nd"),
    ("review_later", "terms.review-later"),
    ("sooner", "terms.review-sooner"),
)


def help_text(keys_for: Callable[..., str], tr: Translations = SOURCE_TRANSLATIONS) -> str:
    """The help, with the keys in force (a keymap, or a browser, may have changed them):
    ``keys_for(action_id, first=False)``; in ``tr``'s words."""
    _ = tr._
    around = [
        (
            f"{keys_for('screen.focus-next')} / {keys_for('screen.focus-previous')}",
            _("move between parts of the screen"),
        )
    ]
    moves = around + [(keys_for(action_id), tr.gettext(what)) for action_id, what in MOVES]

    def home(action_id: str) -> str:
        return keys_for(action_id)

    ways_in = ("new-couple", "new-session", "resume", "export", "review")
    on_home = [
        (
            _("{keys} or a name").format(keys=home("home.search")),
            _("search the couples' names; {keys} clears the search").format(
                keys=home("home.clear-search")
            ),
        ),
        (
            home("screen.focus-next"),
            _("reach the filters (due, unfinished, archived) and the order"),
        ),
        (
            " ".join(home(f"home.{way}") for way in ways_in),
            _("new couple, new session, resume, export, review"),
        ),
        (home("home.edit"), _("edit the couple's names and facilitator; archive them")),
        (home("home.delete"), _("delete the couple (after typing their names)")),
    ]
    answering = {slot: keys_for(action_id, first=True) for slot, action_id in ANSWERING}
    return tr.gettext(HELP).format(moves=_rows(moves), home=_rows(on_home), **answering)


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
