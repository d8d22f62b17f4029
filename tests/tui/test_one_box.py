"""Every one-line box and every footer in the app is the workbook's own: a box that never
selects its text when the cursor moves into it (``widgets/box.py``), and a footer drawn again
only when its keys change (``widgets/footer.py``). Textual's own are easy to reach for; this
finds them in the source."""

from __future__ import annotations

import ast
from pathlib import Path

import workbook.tui

OURS = {"Input": "Box (workbook.tui.widgets.box)", "Footer": "KeysFooter (widgets/footer.py)"}


def test_no_screen_makes_textuals_own_box_or_footer() -> None:
    found = []
    root = Path(workbook.tui.__file__).parent
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            called = node.func if isinstance(node, ast.Call) else None
            if isinstance(called, ast.Name) and called.id in OURS:
                where = f"{path.relative_to(root)}:{called.lineno}"
                found.append(f"{where}: use {OURS[called.id]}")
    assert not found, found
