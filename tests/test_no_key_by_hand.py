"""No text names a key by hand: every word on screen that names a key takes it from the action
table (``tui/actions.py``) with the keys in force, so it follows a ``[keymap]`` change."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from workbook.tui import keys
from workbook.tui.actions import BY_ID, default_keys
from workbook.tui.screens.help import help_text

TUI = Path(__file__).parents[1] / "workbook" / "tui"
# A key's name as words show it: Enter, Esc, Tab, Del, Space, F1 to F24, Ctrl+X, or an arrow.
KEY = re.compile(
    r"(?<![\w+])(?:Enter|Esc|Escape|Tab|Del|Space|Backspace|PgUp|PgDn|Shift\+\w+|Ctrl\+\w+|"
    r"Alt\+\w+|F(?:[1-9]|1[0-9]|2[0-4]))(?!\w)|[↑↓←→]"
)
# The table and the names of keys themselves.
TABLES = {"actions.py", "keys.py"}
# Words where an arrow is not a key: a task → who takes it.
NOT_KEYS = {"$task → $who"}


def _texts(source: str) -> list[tuple[int, str]]:
    """The string constants of a module that are not docstrings, with their lines."""
    tree = ast.parse(source)
    docs = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs
    ]


def named_by_hand(source: str) -> list[str]:
    return [
        f"{line}: {text[:70]!r}"
        for line, text in _texts(source)
        if text not in NOT_KEYS and KEY.search(text)
    ]


def test_no_text_of_the_app_names_a_key_by_hand() -> None:
    found = []
    for path in sorted(TUI.rglob("*.py")):
        if path.name in TABLES:
            continue
        found += [f"{path.relative_to(TUI)}:{said}" for said in named_by_hand(path.read_text())]
    assert found == []


def test_the_check_finds_a_key_named_by_hand() -> None:
    # The shapes the check must catch, and the ones it must not.
    assert named_by_hand('LEGEND = "Notes are saved. Esc closes."')
    assert named_by_hand('x = f"Type a term, then press Enter"')
    assert named_by_hand('hint = "↑ ↓ move between lines"')
    assert named_by_hand('hint = "quit with Ctrl+Q or F10"')
    assert not named_by_hand('def f():\n    """Enter on a row opens it."""\n')
    assert not named_by_hand('key = "ctrl+q"  # a key as Textual names it is not words')
    assert not named_by_hand('said = "Delete Sam and Alex?"')


def test_the_help_takes_every_key_from_the_table() -> None:
    def by_default(action_id: str, default: str | None = None, first: bool = False) -> str:
        return keys.label(default_keys(action_id), first=first)

    changed = {"terms.confirm-1st": "7", "scale.less": "h", "screen.focus-next": "f12"}

    def with_keymap(action_id: str, default: str | None = None, first: bool = False) -> str:
        return keys.label(changed.get(action_id) or default_keys(action_id), first=first)

    before, after = help_text(by_default), help_text(with_keymap)
    assert "first partner presses 1 and" in before
    assert "first partner presses 7 and" in after
    assert "  Scales            h → or a number choose" in after
    assert "  F12 / Shift+Tab   move between parts of the screen" in after
    assert "type; F12 leaves the text box" in after


def test_textual_own_keys_are_declared_but_never_bound() -> None:
    fixed = {action.id for action in BY_ID.values() if action.fixed}
    assert {"input.submit", "list.select", "screen.focus-next"} <= fixed
    assert keys.label(default_keys("terms.review-later"), first=True) == "+"
    assert keys.label("up,down") == "↑ or ↓"
