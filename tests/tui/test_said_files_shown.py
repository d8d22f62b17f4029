"""Problems with a couple's files where an Arabic screen shows them (issue 25): what of the notes
file cannot be read, under the console's notes, and the goals that cannot be read, in the goals
dialog, each in Arabic and joined as Arabic joins a list ("؛ "), never with an English "; "."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Static

from tests.test_said import ARABIC
from tests.test_said_files import english_left
from tests.tui.conftest import SIZE, ScreenHost, make_couple
from workbook.data.notepad import NotePad
from workbook.data.notes import NotesFile
from workbook.data.store import Store
from workbook.tui.screens import goals
from workbook.tui.screens.goals import GoalsScreen
from workbook.tui.widgets import notes_pane
from workbook.tui.widgets.notes_pane import NotesPane

AT = datetime(2026, 3, 4, 10, 30)


class PaneHost(App[None]):
    def __init__(self, pad: NotePad) -> None:
        super().__init__()
        self.pad = pad

    def compose(self) -> ComposeResult:
        yield NotesPane(self.pad, lambda: ("p", "s"), lambda: AT, lambda pack, step: "t")


async def test_the_console_s_notes_say_in_arabic_what_of_the_notes_file_cannot_be_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(notes_pane, "tr_of", lambda node: ARABIC)
    notes = NotesFile(tmp_path / "2026-03-04-1030.toml")
    notes.path.write_text(
        'format = 1\nnotes = [3, {at = 2026-03-04T10:30:00Z, text = "Calm."}]\n'
        "[note]\nparts = { plan = 4 }\n",
        encoding="utf-8",
    )
    app = PaneHost(NotePad(notes))
    async with app.run_test(size=SIZE) as pilot:
        pane = app.query_one(NotesPane)
        pane.show(notes.read())
        await pilot.pause()
        shown = str(app.query_one("#earlier-text", Static).content)
    assert "Calm." in shown
    (line,) = [line for line in shown.splitlines() if line.startswith("⚠")]
    assert line == (
        "⚠ ملف الملاحظات: تعذّرت قراءة الملاحظة 1؛ تبقى في الملف؛ "
        "قيمة note.parts.plan ليست نصًّا؛ تُترك كما هي"
    )
    assert english_left(line, "ar", "note.parts.plan") == []


async def test_the_goals_that_cannot_be_read_are_listed_as_arabic_lists_them(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(goals, "tr_of", lambda node: ARABIC)
    couple = make_couple(store, "ليلى", "سامي")
    unreadable: Any = [{"text": 3}, {"text": 4}]
    couple.goals = unreadable
    store.save_couple(couple)
    app = ScreenHost(lambda: GoalsScreen(store, couple, [], "2026-03-04"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = str(app.screen.query_one("#goal-problem", Static).content)
    assert shown.count("؛ ") == 3
    assert "; " not in shown
    assert english_left(shown, "ar") == []
