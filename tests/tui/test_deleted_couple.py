"""A deleted couple stays deleted: with the console open on their session in one window and the
couple deleted from Home in another, the console's next keys write nothing under the data
folder; it says the couple is gone and stops following them. No late save of the store or of
a notes file brings their folder back."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from textual.widgets import Input

from tests.tui.conftest import SIZE, app_for, home_loaded, screen_text, until
from tests.tui.test_console import console, console_for, couple_walking, move
from workbook.data.durable import SaveError
from workbook.data.store import Store
from workbook.packs.library import Library
from workbook.service import caseload
from workbook.tui.screens.delete_couple import DeleteCoupleScreen
from workbook.tui.widgets.notes_pane import NotesPane


def every_file(root: Path) -> dict[str, bytes]:
    found = {}
    for folder, _, files in os.walk(root):
        for name in files:
            path = Path(folder) / name
            found[str(path.relative_to(root))] = path.read_bytes()
    return found


async def test_the_console_of_a_deleted_couple_writes_nothing_and_stops(
    store: Store, library: Library, data_dir: Path
) -> None:
    couple, session = couple_walking(store, library, ("respect",))
    move(store, couple, session, "meaning", "first", 1)
    folder = store.layout.couple_folder(couple.id)
    watching = console_for(store, library, couple, session)
    async with watching.run_test(size=SIZE) as pilot:
        screen = console(watching)
        await until(pilot, lambda: screen.shown)
        await pilot.press(*"Marisol flagged fear")
        notes = store.notes(couple.id, session.id)
        await until(pilot, lambda: [n.text for n in notes.read().notes] == ["Marisol flagged fear"])
        home = app_for(Store(data_dir), library)
        async with home.run_test(size=SIZE) as home_pilot:
            await home_loaded(home_pilot)
            await home_pilot.press("delete")
            await until(home_pilot, lambda: isinstance(home.screen, DeleteCoupleScreen))
            home.screen.query_one("#names", Input).value = "Sam and Alex"
            await home_pilot.press("enter")
            await until(home_pilot, lambda: not folder.exists())
        left = every_file(data_dir)
        # The console's next keys: a note, a new one, the DAP note; then whatever became of
        # them is over (saved, refused, or never taken).
        await pilot.press(*" and control", "ctrl+n", *"IPV screen", "f3", *"Plan")
        pad = screen.query_one(NotesPane).pad
        await until(pilot, lambda: screen.gone or not pad.dirty)
        await watching.workers.wait_for_complete()
        assert every_file(data_dir) == left
        await until(pilot, lambda: screen.gone)
        await pilot.press(*"more", "f2", *"still more")
        await watching.workers.wait_for_complete()
        await pilot.pause()
        text = " ".join(screen_text(watching).split())
        assert "Sam and Alex have been deleted from this workbook" in text
        assert "stopped following them" in text
        assert screen.query_one(NotesPane).box.disabled
        assert every_file(data_dir) == left
    # Closing the console saves nothing either.
    assert every_file(data_dir) == left
    assert not folder.exists()
    assert not any("Marisol" in name for name in left)


def test_no_late_save_brings_a_deleted_couples_folder_back(
    store: Store, library: Library, data_dir: Path
) -> None:
    couple, session = couple_walking(store, library, ("respect",))
    late = Store(data_dir)
    kept = late.load_session(couple.id, session.id)
    notes = late.notes(couple.id, session.id)
    caseload.delete(store, couple.id)
    left = every_file(data_dir)
    with pytest.raises(SaveError, match="deleted"):
        notes.add_note("a late note", "respect", "why", session.started)
    with pytest.raises(SaveError, match="deleted"):
        late.save_session(couple.id, kept)
    with pytest.raises(SaveError, match="deleted"):
        late.update_couple(couple.id, lambda changed: None)
    assert late.lock_session(couple.id, session.id) is not None
    assert every_file(data_dir) == left
    assert not late.layout.couple_folder(couple.id).exists()
