"""The one action table: every action the keys reach, declared once with its id, its keys by
default, what it does and where it applies (the scope: the first part of its id, one screen or
widget). The screens' and widgets' ``BINDINGS``, the footer, the help, the command palette, the
keymap's ids and docs/keys.md all derive from it (Harlequin's ``actions.py`` is the model).

An action whose ``palette`` is set is offered in the command palette on its screen, with the
keys in force; ``keys`` empty: an action only the palette reaches. A ``fixed`` action is one of
Textual's own keys (Enter in a box or a list, Tab, ↑ ↓ in a list): declared here so that words
take it from the table too, but bound by Textual, so a ``[keymap]`` cannot change it.

    python -m workbook.tui.actions     # the table of docs/keys.md
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding, BindingType

from workbook.i18n.catalog import N_

# Where each scope applies: a module of its own, read here too.
from workbook.tui.action_scopes import SCOPES as SCOPES


@dataclass(frozen=True)
class Action:
    id: str
    # The keys by default, as Textual names them (comma-separated); the first are shown.
    keys: str
    # The action run: a method ``action_<name>`` of the scope's screen or widget.
    action: str
    description: str
    # Keys that do the same and are never shown in the footer (F1 shows; ? does too).
    also: str = ""
    show: bool = True
    priority: bool = False
    key_display: str | None = None
    # Offered in the command palette, with these words (and the keys in force).
    palette: str | None = None
    # The palette's name for it, when not ``description``.
    title: str | None = None
    # One of Textual's own keys: no binding is made, and no keymap id.
    fixed: bool = False

    @property
    def scope(self) -> str:
        return self.id.partition(".")[0]

    @property
    def named(self) -> str:
        return self.title or self.description


ACTIONS: tuple[Action, ...] = (
    Action(
        "app.help",
        "f1",
        "help",
        N_("Help"),
        also="question_mark",
        palette=N_("Keys, and how taking turns works"),
    ),
    Action("app.quit", "ctrl+q", "quit", N_("Quit")),
    Action(
        "app.bidi",
        "",
        "toggle_bidi",
        N_("Right-to-left text: who lays it out"),
        palette=N_(
            "Arabic and Hebrew laid out by the workbook (most terminals, the browser), or by a "
            "terminal that does it (VTE, Konsole, mlterm); kept in settings.toml"
        ),
    ),
    Action("packs.select", "space", "select", N_("Add/remove"), show=False),
    Action("packs.earlier", "left_square_bracket", "move(-1)", N_("Earlier"), key_display="["),
    Action("packs.later", "right_square_bracket", "move(1)", N_("Later"), key_display="]"),
    Action("agenda.cancel", "escape", "cancel", N_("Back")),
    Action("agenda.suggested", "p", "suggested", N_("Suggested path")),
    Action("agenda.start", "ctrl+s", "start", N_("Start")),
    Action("agenda.broken", "d", "broken", N_("Details"), show=False),
    Action("broken-packs.dismiss", "escape", "dismiss", N_("Close")),
    Action("care.dismiss", "escape", "dismiss", N_("Continue")),
    Action("clear-care.keep", "escape", "dismiss(None)", N_("Keep it")),
    Action("confirm.keep-it", "escape", "dismiss(False)", N_("Keep it")),
    Action("confirm.focus-previous", "left", "app.focus_previous", N_("Previous"), show=False),
    Action("confirm.focus-next", "right", "app.focus_next", N_("Next"), show=False),
    Action("console.new-note", "ctrl+n", "new_note", N_("New note")),
    Action("console.notes", "f2", "tab('notes-tab')", N_("Notes")),
    Action("console.dap-note", "f3", "tab('dap-tab')", N_("Progress note")),
    # Shown only once the couple has a new session (``ConsoleScreen.check_action``).
    Action("console.follow-newer", "f4", "follow_newer", N_("Follow new session")),
    Action("console.close", "escape", "close", N_("Back")),
    # On every screen of a console that workbook serve opened, and only there
    # (``ConsoleApp.check_action``).
    Action("console-app.new-link", "f6", "new_link", N_("New link")),
    Action("new-link.close", "escape", "dismiss", N_("Close")),
    Action("delete-couple.keep-them", "escape", "dismiss(False)", N_("Keep them")),
    Action("done.home", "escape", "home", N_("Home")),
    Action("goals.close", "escape", "dismiss(None)", N_("Close")),
    Action("homework.close", "escape", "dismiss(None)", N_("Close")),
    Action("who.not-now", "escape", "dismiss(None)", N_("Not now")),
    Action("term-words.leave", "escape", "dismiss(None)", N_("Leave as it was")),
    Action("help.dismiss", "escape,f1,question_mark", "dismiss", N_("Close")),
    Action("search.down", "down", "screen.move(1)", N_("Down"), show=False),
    Action("search.up", "up", "screen.move(-1)", N_("Up"), show=False),
    Action("search.clear", "escape", "screen.clear_search", N_("Clear"), show=False),
    Action("home.new-couple", "n", "new_couple", N_("New couple")),
    Action("home.new-session", "s", "new_session", N_("Session")),
    Action("home.resume", "r", "resume", N_("Resume")),
    Action(
        "home.export",
        "e",
        "export",
        N_("Export"),
        palette=N_("Write the agreement document and the last session's summary"),
    ),
    Action("home.review", "v", "review", N_("Review")),
    # Named on screen (the search box, the line below the table) and in help, not in the
    # footer, which has no room left at 80 columns: show=False.
    Action(
        "home.facilitate",
        "f",
        "facilitate",
        N_("Facilitate"),
        show=False,
        palette=N_("The counsellor's console beside the couple's current session"),
    ),
    Action("home.search", "slash", "search", N_("Search"), show=False),
    Action(
        "home.edit",
        "f2",
        "edit",
        N_("Edit couple"),
        show=False,
        palette=N_("Their names and facilitator"),
    ),
    Action("home.goals", "g", "goals", N_("Goals"), show=False),
    Action("home.homework", "h", "homework", N_("Homework and appointment"), show=False),
    Action(
        "home.delete",
        "delete",
        "delete",
        N_("Delete couple"),
        show=False,
        palette=N_("Every file of theirs, after their names"),
    ),
    Action("home.clear-search", "escape", "clear_search", N_("Clear search"), show=False),
    Action("new-couple.cancel", "escape", "cancel", N_("Cancel")),
    Action("notes.dismiss", "escape", "dismiss", N_("Close the note")),
    Action("pause.resume", "r", "resume", N_("Resume")),
    Action("pause.new-session", "s", "new_session", N_("New session")),
    Action("plain-copy.cancel", "escape", "dismiss(None)", N_("Cancel")),
    Action("lock.back", "escape", "dismiss(False)", N_("Back")),
    Action("review.keep", "k", "keep", N_("Keep")),
    Action("review.change", "c", "change", N_("Change")),
    Action("review.retire", "l", "retire", N_("Let it go")),
    Action("review.confirm-1st", "1", "confirm('a')", N_("Confirm (1st)"), show=False),
    Action("review.confirm-2nd", "2", "confirm('b')", N_("Confirm (2nd)"), show=False),
    Action("review.back", "escape", "back", N_("Done")),
    Action("try-screen.walk", "enter", "walk", N_("Walk it")),
    Action("unlock.leave", "escape", "leave", N_("Quit"), show=False),
    Action("passphrase.cancel", "escape", "cancel", N_("Cancel")),
    Action("unsaved.keep-workbook-open", "escape", "dismiss('stay')", N_("Keep workbook open")),
    Action("walk.next", "ctrl+n", "next", N_("Next"), palette=N_("Go on")),
    # Keys typed after any of the walk's moves wait for the move to be complete (``key_gate``).
    Action("walk.back", "ctrl+b", "back", N_("Back"), palette=N_("Go back")),
    Action("walk.ready", "enter", "ready", N_("I'm ready"), show=False, priority=True),
    Action("walk.pause", "escape", "pause", N_("Pause")),
    Action(
        "walk.end-now",
        "ctrl+g",
        "end_now",
        N_("End now"),
        palette=N_("Finish here, after asking; the steps not reached are marked as such"),
        title=N_("End the session now"),
    ),
    Action("walk.notes", "ctrl+o", "notes", N_("Note")),
    # A partner's own device (``ApartScreen``): Next and Back move both seats.
    Action("apart.next", "ctrl+n", "next", N_("Next")),
    # The same key at a partner's own turn, named as its button is (only one is in force).
    Action("apart.done", "ctrl+n", "done", N_("I'm done")),
    Action("apart.change", "ctrl+n", "change", N_("Change my answer")),
    Action("apart.back", "ctrl+b", "back", N_("Back")),
    # The legend above the list says these keys; in the footer they pushed out Next, Back,
    # Quit and Help at 80 columns: show=False.
    Action("terms.confirm-1st", "1", "act('confirm', 'a')", N_("Confirm (1st)"), show=False),
    Action("terms.confirm-2nd", "2", "act('confirm', 'b')", N_("Confirm (2nd)"), show=False),
    Action("terms.who-does-it", "w", "act('who')", N_("Who does it"), show=False),
    Action(
        "terms.review-later",
        "plus,equals_sign",
        "act('later')",
        N_("Review later"),
        show=False,
        key_display="+",
    ),
    Action(
        "terms.review-sooner",
        "minus",
        "act('sooner')",
        N_("Review sooner"),
        show=False,
        key_display="-",
    ),
    Action(
        "terms.remove-draft",
        "delete",
        "act('remove')",
        N_("Remove draft"),
        show=False,
        key_display="Del",
    ),
    Action("term-box.to-the-terms", "down", "go('#terms')", N_("To the terms"), show=False),
    Action("term-box.to-the-offers", "up", "go('#offers')", N_("To the offers"), show=False),
    Action("choice.select", "space", "select", N_("Pick"), show=False),
    Action("split.1st-takes-it", "1", "assign('a')", N_("1st takes it"), show=False),
    Action("split.2nd-takes-it", "2", "assign('b')", N_("2nd takes it"), show=False),
    Action("split.shared", "s", "assign('shared')", N_("Shared")),
    Action("chores-cell.choose-a", "1", "choose('a')", N_("Who now: a"), show=False),
    Action("chores-cell.choose-b", "2", "choose('b')", N_("Who now: b"), show=False),
    Action("chores-cell.choose-both", "b", "choose('both')", N_("Who now: both"), show=False),
    Action("chores-cell.choose-nobody", "n", "choose('nobody')", N_("Who now: nobody"), show=False),
    Action("chores-cell.cycle", "enter,space", "cycle", N_("Next choice"), show=False),
    Action("chores-row.up", "up", "move(0, -1)", N_("Up"), show=False),
    Action("chores-row.down", "down", "move(0, 1)", N_("Down"), show=False),
    Action("chores-row.left", "left", "move(-1, 0)", N_("Left"), show=False),
    Action("chores-row.right", "right", "move(1, 0)", N_("Right"), show=False),
    Action("chores.last-row", "up", "last_row", N_("Up"), show=False),
    Action("guess.less", "left", "move(-1)", N_("Less"), show=False),
    Action("guess.more", "right", "move(1)", N_("More"), show=False),
    Action("guess.focus-previous", "up", "app.focus_previous", N_("Up"), show=False),
    Action("guess.focus-next", "down", "app.focus_next", N_("Down"), show=False),
    Action(
        "rank.move-up",
        "left_square_bracket,shift+up",
        "move(-1)",
        N_("Move up"),
        show=False,
        key_display="[",
    ),
    Action(
        "rank.move-down",
        "right_square_bracket,shift+down",
        "move(1)",
        N_("Move down"),
        show=False,
        key_display="]",
    ),
    Action("scale.less", "left", "move(-1)", N_("Less"), show=False),
    Action("scale.more", "right", "move(1)", N_("More"), show=False),
    Action("scale.focus-previous", "up", "app.focus_previous", N_("Up"), show=False),
    Action("scale.focus-next", "down", "app.focus_next", N_("Down"), show=False),
    Action("try.reload", "f5", "reload", N_("Reload pack"), also="ctrl+r"),
    Action("couples.up", "up", "move(-1)", N_("Up"), show=False),
    Action("couples.down", "down", "move(1)", N_("Down"), show=False),
    Action("couples.page-up", "pageup", "page(-1)", N_("Page up"), show=False),
    Action("couples.page-down", "pagedown", "page(1)", N_("Page down"), show=False),
    Action("couples.first", "home", "to(0)", N_("First"), show=False),
    Action("couples.last", "end", "to(-1)", N_("Last"), show=False),
    Action("couples.select", "enter", "select", N_("Choose"), show=False),
    Action("notes-pane.new-note", "ctrl+n", "new_note", N_("New note"), also="ctrl+enter"),
    # Textual's own keys, which words name too (``fixed``).
    Action("input.submit", "enter", "submit", N_("Add, or keep, what is typed"), fixed=True),
    Action("list.select", "enter", "select", N_("Choose the highlighted line"), fixed=True),
    Action("list.up", "up", "cursor_up", N_("Up"), fixed=True),
    Action("list.down", "down", "cursor_down", N_("Down"), fixed=True),
    Action("screen.focus-next", "tab", "app.focus_next", N_("Next part of the screen"), fixed=True),
    Action(
        "screen.command-palette",
        "ctrl+p",
        "command_palette",
        N_("The command palette"),
        fixed=True,
    ),
    Action(
        "screen.focus-previous",
        "shift+tab",
        "app.focus_previous",
        N_("Previous part of the screen"),
        fixed=True,
    ),
    # Only in the command palette: no key.
    Action(
        "home.archive",
        "",
        "archive",
        N_("Archive couple"),
        palette=N_("Archived couples are hidden from Home unless asked for"),
    ),
    Action(
        "home.change-passphrase",
        "",
        "app.change_passphrase",
        N_("Change passphrase"),
        palette=N_("A new passphrase for this encrypted workbook; no file is rewritten"),
    ),
    Action(
        "walk.export",
        "",
        "export",
        N_("Export"),
        palette=N_("Write the agreement document and this session's summary"),
    ),
)
BY_ID = {action.id: action for action in ACTIONS}


def bindings(scope: str) -> list[BindingType]:
    """The ``BINDINGS`` of the screen or widget of ``scope``."""
    made: list[BindingType] = []
    for action in ACTIONS:
        if action.scope != scope or not action.keys or action.fixed:
            continue
        made.append(
            Binding(
                action.keys,
                action.action,
                action.description,
                show=action.show,
                priority=action.priority,
                key_display=action.key_display,
                id=action.id,
            )
        )
        if action.also:
            made.append(
                Binding(
                    action.also,
                    action.action,
                    action.description,
                    show=False,
                    priority=action.priority,
                    id=action.id,
                )
            )
    return made


def default_keys(action_id: str) -> str:
    """The keys of ``action_id`` by default, all of them (``also`` too)."""
    action = BY_ID[action_id]
    return ",".join(keys for keys in (action.keys, action.also) if keys)


def all_ids() -> dict[str, str]:
    """Every action id that keys can reach, and its keys by default (the keymap's ids)."""
    return {
        action.id: default_keys(action.id) for action in ACTIONS if action.keys and not action.fixed
    }


def palette(scope: str) -> list[Action]:
    """The actions of ``scope`` offered in the command palette, in the table's order."""
    return [action for action in ACTIONS if action.scope == scope and action.palette]


def table() -> str:
    """The Markdown table of every action with keys, for docs/keys.md."""
    from workbook.tui.keys import label

    return "\n".join(
        f"| `{action.id}` | {label(default_keys(action.id))} | {action.description} |"
        for action in sorted(ACTIONS, key=lambda action: action.id)
        if action.keys and not action.fixed
    )


if __name__ == "__main__":
    print(table())
