"""What the screens say that was worded outside them, at 80×24 in the pseudo-language
(``en-XA``): a service's refusal in the homework dialog (a day that is no day, a day gone by),
the palette's own commands (Textual's, each one worded by the workbook), the keymap's problems,
and the console's seats when it follows no couple. No word on screen that did not come from
the catalog (``language_walk.py``)."""

from __future__ import annotations

import ast
import inspect
import textwrap
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.command import CommandInput, CommandList, CommandPalette
from textual.pilot import Pilot
from textual.widgets import Input, Select, Static

from tests.tui.conftest import SIZE, WHEN, home_loaded, until
from tests.tui.language_walk import Looker, english_runs
from tests.tui.test_pseudo_steps import pseudo_library
from workbook.data.store import Store
from workbook.i18n.catalog import PSEUDO, translations
from workbook.packs.library import Library
from workbook.serve.links import SEATS, couple_links
from workbook.tui import keys
from workbook.tui.app import WorkbookApp
from workbook.tui.commands import SYSTEM_WORDS
from workbook.tui.console import ConsoleApp
from workbook.tui.screens.homework import HomeworkScreen
from workbook.tui.screens.new_link import NewLinkScreen
from workbook.tui.widgets.button import Button

PSEUDO_WORDS = translations(PSEUDO)


def looker_for(app: Any, store: Store) -> Looker:
    literals = [str(store.root), *store.couple_ids()]
    return Looker(app, lambda line: english_runs(line, literals))


def found(looker: Looker) -> dict[str, list[str]]:
    return {run: [looker.example[run], *sorted(where)[:2]] for run, where in looker.english.items()}


async def test_a_service_s_refusal_is_said_in_the_screen_s_language(
    store: Store, tmp_path: Path
) -> None:
    couple = store.create_couple("Àñà", "Ɓéñ", when=WHEN)
    couple.care_note_seen = True
    store.save_couple(couple)
    app = WorkbookApp(store, pseudo_library(tmp_path, "values"), theme="textual-dark")
    app.app_language = PSEUDO
    looker = looker_for(app, store)
    async with app.run_test(size=SIZE) as pilot:
        await home_loaded(pilot)
        await pilot.press("h")
        await until(pilot, lambda: isinstance(app.screen, HomeworkScreen))
        dialog = app.screen
        said = dialog.query_one("#homework-said", Static)
        dialog.query_one("#homework-pack", Select).value = "values"
        # when.py's refusal (no day), then homework.py's (a day gone by).
        for due in ("ñø", "2020-01-01"):
            dialog.query_one("#homework-due", Input).value = due
            dialog.query_one("#homework-give", Button).press()
            await until(pilot, partial(lambda typed: typed in str(said.render()), due))
            looker.look(f"homework due {due}")
    assert found(looker) == {}


def test_every_palette_command_of_textual_is_worded_by_the_workbook() -> None:
    """Textual's own commands (App.get_system_commands) each have the workbook's words: a
    command a new Textual adds, or a help it rewords, fails here until it is in the catalog."""
    source = textwrap.dedent(inspect.getsource(App.get_system_commands))
    worded = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "SystemCommand":
            worded |= {arg.value for arg in node.args[:2] if isinstance(arg, ast.Constant)}
    # Quit is worded where it is yielded, with the keys that quit in force.
    assert worded - {"Quit", "Quit the application as soon as possible"} == set(SYSTEM_WORDS)


async def test_the_palette_s_own_commands_speak_the_pseudo_language(
    store: Store, library: Library
) -> None:
    app = WorkbookApp(store, library, theme="textual-dark")
    app.app_language = PSEUDO
    async with app.run_test(size=SIZE) as pilot:
        await home_loaded(pilot)
        shown = [(c.title, c.help) for c in app.get_system_commands(app.screen)]
    titles = {title for title, _help in shown}
    assert {PSEUDO_WORDS.gettext(word) for word in ("Theme", "Keys", "Screenshot")} <= titles
    english = {words: english_runs(words, []) for pair in shown for words in pair}
    assert {words: runs for words, runs in english.items() if runs} == {}


async def test_the_palette_s_own_words_speak_the_pseudo_language(
    store: Store, library: Library
) -> None:
    """Textual's palette words its search box and its empty list in English, for commands and
    for themes: the workbook's palette says them in the screen's words."""
    app = WorkbookApp(store, library, theme="textual-dark")
    app.app_language = PSEUDO
    looker = looker_for(app, store)
    async with app.run_test(size=SIZE) as pilot:
        await home_loaded(pilot)
        await pilot.press("ctrl+p")
        box = await palette_box(pilot)
        assert box.placeholder == PSEUDO_WORDS.gettext("Search for commands…")
        looker.look("the palette")
        box.value = "ɋɋɋɋ"
        commands = app.screen.query_one(CommandList)
        await until(pilot, lambda: commands.option_count == 1)
        assert str(commands.get_option_at_index(0).prompt.renderable) == PSEUDO_WORDS.gettext(
            "No matches found"
        )
        looker.look("the palette, nothing found")
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, CommandPalette))
        app.search_themes()
        box = await palette_box(pilot)
        assert box.placeholder == PSEUDO_WORDS.gettext("Search for themes…")
    assert found(looker) == {}


async def palette_box(pilot: Pilot[Any]) -> CommandInput:
    """The search box of the palette being opened, once it is drawn."""
    app = pilot.app
    await until(
        pilot, lambda: isinstance(app.screen, CommandPalette) and app.screen.query(CommandInput)
    )
    return app.screen.query_one(CommandInput)


def test_the_keymap_s_problems_and_browser_notes_are_said_in_the_app_s_language() -> None:
    _keymap, problems = keys.read_keymap({"nope.next": "f9", "walk.next": 3}, ["walk.next"])
    or_ = PSEUDO_WORDS.pgettext("between keys", " or ")
    _keymap, notes = keys.in_force({"walk.next": "ctrl+w", "app.quit": "ctrl+q"}, True, or_)
    told = [*problems, *notes, *keys.read_keymap("f9", [])[1]]
    assert len(told) == 5
    for words in told:
        assert "is" in words.message.split()  # the command line's English is kept
        literals = ["nope.next", "walk.next", "[keymap]"]
        assert english_runs(words.said(PSEUDO_WORDS), literals) == []


async def test_the_keymap_s_notice_speaks_the_app_s_language(
    store: Store, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.save_settings({"keymap": {"nope.next": "f9"}})
    told: list[str] = []
    monkeypatch.setattr(WorkbookApp, "notify", lambda self, message, **_: told.append(message))
    app = WorkbookApp(store, library, theme="textual-dark")
    app.app_language = PSEUDO
    async with app.run_test(size=SIZE) as pilot:
        await home_loaded(pilot)
    (notice,) = [message for message in told if "nope.next" in message]
    assert english_runs(notice, ["nope.next", "settings.toml", "keymap", "docs/keys.md"]) == []


async def test_the_keymap_s_problems_are_joined_as_the_app_s_language_lists(
    store: Store, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.save_settings({"keymap": {"nope.next": "f9", "walk.next": 3}})
    told: list[str] = []
    monkeypatch.setattr(WorkbookApp, "notify", lambda self, message, **_: told.append(message))
    app = WorkbookApp(store, library, theme="textual-dark")
    app.app_language = "ar"
    async with app.run_test(size=SIZE) as pilot:
        await home_loaded(pilot)
    (notice,) = [message for message in told if "nope.next" in message]
    assert "؛ " in notice
    assert "; " not in notice


async def test_the_console_following_no_couple_names_the_seats_in_its_language(
    store: Store, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    couple = store.create_couple("Àñà", "Ɓéñ", when=WHEN)
    links = couple_links(store.root, couple.id, couple.names)
    monkeypatch.setenv(SEATS, links[-1].environment[SEATS])
    app = ConsoleApp(store, library, None, None, theme="textual-dark")
    app.app_language = PSEUDO
    looker = looker_for(app, store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f6")
        await until(pilot, lambda: isinstance(app.screen, NewLinkScreen))
        await pilot.pause()
        text = looker.look("new link, no couple followed")
        assert "Àñà" in text
        assert "Ɓéñ" in text
    assert found(looker) == {}
