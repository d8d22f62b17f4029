"""Every one-line box, footer and button in the app is the workbook's own: a box that never
selects its text when the cursor moves into it (``widgets/box.py``), a footer drawn again only
when its keys change (``widgets/footer.py``), and a button that every Enter presses
(``widgets/button.py``; Textual's ignores a press within 0.2 s of the last). Textual's own are
easy to reach for; this finds them in the source."""

from __future__ import annotations

import ast
from pathlib import Path

from textual.app import App, ComposeResult

import workbook.tui
from workbook.tui.widgets.button import Button

OURS = {"Input": "Box (workbook.tui.widgets.box)", "Footer": "KeysFooter (widgets/footer.py)"}
ROOT = Path(workbook.tui.__file__).parent


def trees() -> list[tuple[str, ast.AST]]:
    return [
        (str(path.relative_to(ROOT)), ast.parse(path.read_text(encoding="utf-8")))
        for path in sorted(ROOT.rglob("*.py"))
    ]


def test_no_screen_makes_textuals_own_box_or_footer() -> None:
    found = []
    for name, tree in trees():
        for node in ast.walk(tree):
            called = node.func if isinstance(node, ast.Call) else None
            if isinstance(called, ast.Name) and called.id in OURS:
                found.append(f"{name}:{called.lineno}: use {OURS[called.id]}")
    assert not found, found


def test_every_button_is_the_workbooks_own() -> None:
    found = [
        f"{name}:{node.lineno}: import Button from workbook.tui.widgets.button"
        for name, tree in trees()
        if name != "widgets/button.py"
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        and (node.module or "").startswith("textual")
        and any(alias.name == "Button" for alias in node.names)
    ]
    assert not found, found


class OneButton(App[None]):
    presses = 0

    def compose(self) -> ComposeResult:
        yield Button("Go")

    def on_button_pressed(self) -> None:
        self.presses += 1


async def test_three_enters_on_a_button_press_it_three_times() -> None:
    app = OneButton()
    async with app.run_test() as pilot:
        app.query_one(Button).focus()
        await pilot.press("enter", "enter", "enter")
        await pilot.pause()
        assert app.presses == 3


async def test_a_double_click_is_one_press_and_two_clicks_are_two() -> None:
    app = OneButton()
    async with app.run_test() as pilot:
        await pilot.click(Button, times=2)
        assert app.presses == 1
        await pilot.click(Button)
        await pilot.click(Button)
        assert app.presses == 3
