"""Keys: every binding has an id, ``[keymap]`` in settings.toml changes any of them (read
leniently), and in a browser no action depends only on a key the browser keeps; exports reach a
browser as downloads."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path
from typing import Any

import pytest
from textual.binding import Binding
from textual.dom import DOMNode

import workbook.tui
from tests.tui.conftest import SIZE, app_for, make_couple, screen_text, walk
from workbook.data.store import Store
from workbook.packs.library import Library
from workbook.serve.links import SERVED
from workbook.tui import actions, keys
from workbook.tui.screens.done import DoneScreen
from workbook.tui.screens.help import HelpScreen

ROOT = Path(__file__).parents[2]


def _workbook_bindings() -> list[tuple[str, Binding]]:
    for info in pkgutil.walk_packages(workbook.tui.__path__, "workbook.tui."):
        importlib.import_module(info.name)  # every screen and widget
    found, classes = [], [DOMNode]
    while classes:
        cls = classes.pop()
        classes.extend(cls.__subclasses__())
        if cls.__module__.startswith("workbook."):
            found += [(cls.__name__, b) for b in cls.__dict__.get("BINDINGS", [])]
    return found


def test_every_binding_has_an_id_and_the_docs_list_it() -> None:
    bindings = _workbook_bindings()
    assert len(bindings) > 50
    assert [(name, b.key) for name, b in bindings if not b.id] == []
    docs = (ROOT / "docs" / "keys.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([\w.-]+)` \|", docs, re.MULTILINE))
    assert {b.id for _, b in bindings} == documented
    # The table is the one the code makes: python -m workbook.tui.actions prints it.
    assert actions.table() in docs


def test_every_binding_comes_from_the_action_table() -> None:
    """No binding is declared by hand: each class's BINDINGS is its scope's in the table, and
    every action with keys is bound somewhere."""
    bound: set[str] = set()
    for _name, binding in _workbook_bindings():
        made = actions.bindings(binding.id.partition(".")[0])
        assert binding in made, binding
        bound.add(binding.id or "")
    assert bound == set(actions.all_ids())


def test_no_binding_of_the_walk_needs_a_key_the_browser_keeps() -> None:
    for _name, binding in _workbook_bindings():
        bound = set(binding.key.split(","))
        if bound <= keys.RESERVED:
            in_browser = keys.IN_A_BROWSER.get(binding.id or "", "")
            assert set(in_browser.split(",")) - keys.RESERVED, binding


@pytest.mark.parametrize(
    ("table", "used", "problems"),
    [
        ({"walk.next": "f9"}, {"walk.next": "f9"}, 0),
        ({"walk.next": ["f9", "alt+right"]}, {"walk.next": "f9,alt+right"}, 0),
        ({"walk.next": "F9, ?"}, {"walk.next": "f9,?"}, 0),
        ({"nope.next": "f9", "walk.back": "f7"}, {"walk.back": "f7"}, 1),
        ({"walk.next": "ctrl+bananas"}, {}, 1),
        ({"walk.next": "hyper+ctrl+ctrl+x"}, {}, 1),
        ({"walk.next": 3}, {}, 1),
        ({"walk.next": ""}, {}, 1),
        ("f9", {}, 1),
        (None, {}, 0),
    ],
)
def test_the_keymap_is_read_leniently(table: Any, used: dict[str, str], problems: int) -> None:
    keymap, said = keys.read_keymap(table, ["walk.next", "walk.back"])
    assert keymap == used
    assert len(said) == problems


def test_in_a_browser_a_reserved_key_gets_its_stand_in() -> None:
    assert keys.in_force({}, False) == ({}, [])
    keymap, notes = keys.in_force({"walk.next": "ctrl+w"}, True)
    assert keymap["walk.next"] == "ctrl+w,alt+n,f8,ctrl+n"
    assert keymap["app.quit"] == keys.IN_A_BROWSER["app.quit"]
    assert notes
    assert keys.label("alt+n,f8,ctrl+n", reachable=True) == "Alt+N or F8"
    assert keys.label("escape,question_mark") == "Esc or ?"


async def _shown(app: Any, pilot: Any, text: str) -> bool:
    """True once ``text`` is on screen; the footer redraws its keys a moment after a screen
    opens, later on a loaded machine."""
    for _ in range(100):
        if text in screen_text(app):
            return True
        await pilot.pause(0.05)
    return False


async def _to_the_walk(app: Any, store: Store, pilot: Any) -> None:
    couple = make_couple(store)
    app.begin(couple, ["values"])
    await pilot.pause()


async def test_a_keymap_in_settings_changes_the_keys(store: Store, library: Library) -> None:
    store.save_settings({"keymap": {"walk.next": "f9", "bogus.id": "x", "walk.back": "ctrl+?!"}})
    app = app_for(store, library)
    notes: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        app.notify = lambda message, **_: notes.append(str(message))  # type: ignore[method-assign]
        app._use_keymap()
        assert len(notes) == 1
        assert "bogus.id" in notes[0]
        assert "walk.back" in notes[0]
        await _to_the_walk(app, store, pilot)
        screen = walk(app)
        first = screen.place
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert screen.place == first
        assert await _shown(app, pilot, "f9 Next")
        await pilot.press("f9")
        await pilot.pause()
        assert screen.place != first
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "F9                next" in screen_text(app)


async def test_served_keys_and_downloads(
    store: Store, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(SERVED, "1")
    app = app_for(store, library)
    delivered: list[tuple[str, str]] = []

    def deliver(file: Any, *, save_filename: str | None = None, **_: Any) -> str:
        delivered.append((save_filename or "", file.read()))
        return "key"

    app.deliver_text = deliver  # type: ignore[method-assign,assignment]
    async with app.run_test(size=SIZE) as pilot:
        await _to_the_walk(app, store, pilot)
        screen = walk(app)
        first = screen.place
        assert await _shown(app, pilot, "alt+n Next")
        await pilot.press("alt+n")
        await pilot.pause()
        assert screen.place != first
        await pilot.press("f1")
        await pilot.pause()
        help_text = screen_text(app)
        assert "Alt+N or F8" in help_text
        assert "Ctrl+N" not in help_text
        assert "Ctrl+Q" not in help_text
        await pilot.press("escape")
        app.export(screen.couple)
        await pilot.pause()
        names = [name for name, _ in delivered]
        assert names[0] == "agreement.md"
        assert len(names) == 2
        assert "Sam" in delivered[1][1]
        # The Done screen offers the same downloads, with a button.
        delivered.clear()
        app.push_screen(DoneScreen(store, screen.couple, screen.session))
        await pilot.pause()
        assert "workbook --data-dir" not in screen_text(app)
        await pilot.click("#download")
        await pilot.pause()
        assert [name for name, _ in delivered][:1] == ["agreement.md"]


async def test_in_a_terminal_export_writes_files(store: Store, library: Library) -> None:
    app = app_for(store, library)
    app.deliver_text = lambda *a, **k: pytest.fail("delivered in a terminal")  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await _to_the_walk(app, store, pilot)
        screen = walk(app)
        app.export(screen.couple)
        await pilot.pause()
        assert store.layout.agreement_document(screen.couple.id).exists()
        app.push_screen(DoneScreen(store, screen.couple, screen.session))
        await pilot.pause()
        assert "workbook --data-dir" in screen_text(app)


def test_every_action_s_scope_names_its_screen_or_widget() -> None:
    assert {action.scope for action in actions.ACTIONS} <= set(actions.SCOPES)
