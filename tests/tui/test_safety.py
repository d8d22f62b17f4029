"""The promises kept in the app: unsaved answers are never thrown away, a file is never written
to another's path, read-only means read-only, and odd settings or long answers do no harm."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.packs_helpers import write_pack
from tests.tui.conftest import (
    SIZE,
    WHEN,
    answer,
    app_for,
    make_couple,
    ready,
    screen_text,
    until,
    walk,
)
from tests.tui.test_walk import MODES, begun, session_table
from workbook import tomlio
from workbook.data.durable import SaveError
from workbook.data.models import Position
from workbook.data.store import Store
from workbook.packs.library import Library, load_library
from workbook.tui.app import WorkbookApp
from workbook.tui.screens.home import HomeScreen
from workbook.tui.screens.notes import NotesScreen
from workbook.tui.screens.pause import PauseScreen
from workbook.tui.screens.unsaved import UnsavedScreen
from workbook.tui.steps.agreement import AgreementInput
from workbook.tui.steps.text import TextInput


@pytest.fixture
def modes(tmp_path: Path) -> Library:
    write_pack(tmp_path / "packs", "modes", MODES)
    return load_library([tmp_path / "packs"], environ={}, builtin=False)


def _disk_full(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(*args: Any, **kwargs: Any) -> None:
        raise SaveError(store.root / "x.toml", "No space left on device")

    monkeypatch.setattr(store, "save_session", full)


async def test_quitting_while_the_disk_is_full_asks_first(
    store: Store, modes: Library, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with begun(store, modes, notifications=True) as (app, pilot):
        _disk_full(store, monkeypatch)
        await answer(pilot, "words that must not be lost")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedScreen)
        text = screen_text(app)
        assert "1 answer changed since" in text
        assert "No space left on device" in text
        assert "Your answer is not saved" in text
        assert "Quit and lose it" in text
        await pilot.click("#stay")
        await pilot.pause()
        assert app.is_running
        assert walk(app).recorder.session.answer("modes", "private")["a"].startswith("words")
        assert "NOT SAVED" in screen_text(app)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedScreen)
        monkeypatch.undo()
        await pilot.click("#retry")
        await pilot.pause()
    assert not app.is_running
    assert session_table(data_dir)["answers"] == {
        "modes": {"private": {"a": "words that must not be lost"}}
    }


async def test_after_keeping_it_open_the_answers_are_saved_once_there_is_room(
    store: Store, modes: Library, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("workbook.tui.autosave.RETRY_SECONDS", 0.2)
    async with begun(store, modes, notifications=True) as (app, pilot):
        with monkeypatch.context() as full:
            _disk_full(store, full)
            await answer(pilot, "kept for later")
            await pilot.press("escape")
            await pilot.pause()
            await pilot.click("#stay")
            await pilot.pause()
        # The disk has room again: no key is pressed, and the retry saves.
        await until(pilot, lambda: any("Saved again" in n.message for n in app._notifications))
        await pilot.pause()
        assert "NOT SAVED" not in screen_text(app)
        assert session_table(data_dir)["answers"] == {"modes": {"private": {"a": "kept for later"}}}


async def test_pausing_while_the_disk_is_full_asks_and_can_let_go(
    store: Store, modes: Library, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with begun(store, modes, notifications=True) as (app, pilot):
        _disk_full(store, monkeypatch)
        await answer(pilot, "only in memory")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedScreen)
        assert "Leave and lose it" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        walk(app)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.click("#lose")
        await pilot.pause()
        assert isinstance(app.screen, PauseScreen)
    assert not session_table(data_dir).get("answers")


async def test_resuming_a_session_whose_id_names_another_leaves_the_other_untouched(
    store: Store, modes: Library, data_dir: Path
) -> None:
    couple = make_couple(store)
    done = store.new_session(couple.id, ["modes"], when=WHEN)
    done.set_answer("modes", "private", {"a": "finished words", "b": "kept"})
    done.finished = WHEN
    store.save_session(couple.id, done)
    later = store.new_session(couple.id, ["modes"], when=WHEN.replace(hour=20))
    store.close()
    folder = data_dir / "couples" / couple.id / "sessions"
    liar = folder / f"{later.id}.toml"
    liar.write_text(liar.read_text().replace(f'id = "{later.id}"', f'id = "{done.id}"'))
    before = {p.name: p.read_bytes() for p in folder.glob("*.toml")}
    app = app_for(Store(data_dir), modes)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("r")
        await pilot.pause()
        await ready(pilot)
        screen = walk(app)
        assert screen.read_only is not None
        assert f'says its id is "{done.id}"' in str(screen.read_only)
        assert "read-only" in screen_text(app)
        assert screen.query_one(TextInput).disabled
        await pilot.press("x", "y", "ctrl+n", "escape")
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert {p.name: p.read_bytes() for p in folder.glob("*.toml")} == before


async def test_a_copied_couple_folder_is_read_only_and_the_original_untouched(
    store: Store, library: Library, data_dir: Path
) -> None:
    original = make_couple(store)
    store.new_session(original.id, ["respect"], when=WHEN)
    store.close()
    copied = data_dir / "couples" / "jo-and-kim"
    shutil.copytree(data_dir / "couples" / original.id, copied)
    couple_file = copied / "couple.toml"
    couple_file.write_text(couple_file.read_text().replace("Sam", "Jo").replace("Alex", "Kim"))
    before = {p: p.read_bytes() for p in data_dir.rglob("*") if p.is_file()}
    app = app_for(Store(data_dir), library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        home = app.screen
        assert isinstance(home, HomeScreen)
        await home.chosen()
        assert home.choose("jo-and-kim")
        await pilot.pause()
        assert "couple.toml names another id than its folder" in screen_text(app)
        for key in ("s", "e", "r"):
            await pilot.press(key)
            await pilot.pause()
            if key == "r":
                assert walk(app).read_only is not None
                await pilot.press("escape")
                await pilot.pause()
                # The couple's window, as for any session (docs/screens.md).
                assert isinstance(app.screen, PauseScreen)
            else:
                assert isinstance(app.screen, HomeScreen)
        assert any('set id = "jo-and-kim"' in n.message for n in app._notifications)
    after = {p: p.read_bytes() for p in data_dir.rglob("*") if p.is_file()}
    # Lock files, and the index of Home (a cache), are not the couples' data.
    assert {
        p: b
        for p, b in after.items()
        if not p.name.startswith(("index.toml",)) and not p.name.endswith(".lock")
    } == {p: b for p, b in before.items() if not p.name.endswith(".lock")}


@pytest.mark.parametrize("theme", ['"no-such-theme"', "5", '"nord" # fine'])
async def test_an_unknown_theme_falls_back_with_one_notice_and_the_file_is_kept(
    store: Store, library: Library, data_dir: Path, theme: str
) -> None:
    settings = data_dir / "settings.toml"
    settings.write_text(f'theme = {theme}\n[keymap]\n"walk.next" = "f8"\n')
    before = settings.read_bytes()
    app = WorkbookApp(Store(data_dir), library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        notices = [n.message for n in app._notifications]
        if "nord" in theme:
            assert app.theme == "nord"
            assert notices == []
        else:
            assert app.theme == "textual-dark"
            assert len(notices) == 1
            assert "is not one this workbook knows" in notices[0]
    assert settings.read_bytes() == before


async def test_a_read_only_window_confirms_nothing_and_takes_no_notes(
    store: Store, modes: Library, data_dir: Path
) -> None:
    couple = store.create_couple("Sam", "Alex", "Dr. Lee", when=WHEN)
    couple.care_note_seen = True
    store.save_couple(couple)
    session = store.new_session(couple.id, ["modes"], when=WHEN)
    session.set_answer("modes", "agree", {"terms": [{"text": "Walk on Sundays"}]})
    session.position = Position(pack="modes", step="agree")
    store.save_session(couple.id, session)
    # ``store`` holds the session's lock: the app's window opens it read-only.
    app = app_for(Store(data_dir), modes)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("r")
        await pilot.pause()
        screen = walk(app)
        assert screen.read_only is not None
        widget = screen.query_one(AgreementInput)
        widget.confirm(0, "a")
        widget.confirm(0, "b")
        await pilot.pause()
        assert not (data_dir / "couples" / couple.id / "agreements.toml").exists()
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert not isinstance(app.screen, NotesScreen)
        # The other window lets go; pausing and resuming here tries the lock again.
        store.close()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert walk(app).read_only is None
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert isinstance(app.screen, NotesScreen)


async def test_a_stored_answer_over_the_limit_is_shown_whole_and_never_cut(
    store: Store, modes: Library, data_dir: Path
) -> None:
    couple = make_couple(store)
    session = store.new_session(couple.id, ["modes"], when=WHEN)
    long = "word " * 5_000  # 25,000 characters; the text step has the default 20,000
    session.set_answer("modes", "private", {"a": long})
    session.position = Position(pack="modes", step="private", phase="first")
    store.save_session(couple.id, session)
    store.close()
    app = app_for(Store(data_dir), modes)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("r")
        await pilot.pause()
        await ready(pilot)
        area = walk(app).query_one("TextArea")
        assert area.text == long  # type: ignore[attr-defined]
        assert any("kept whole" in n.message for n in app._notifications)
        await pilot.press("x")
        await pilot.pause()
        assert area.text == long  # type: ignore[attr-defined]
        await pilot.press("backspace", "backspace")
        await pilot.pause()
        assert area.text == long[:-2]  # type: ignore[attr-defined]
        await pilot.press("ctrl+q")
        await pilot.pause()
    saved = session_table(data_dir)["answers"]["modes"]["private"]["a"]  # type: ignore[index]
    assert saved == long[:-2]
    assert tomlio.loads((data_dir / "couples" / couple.id / "couple.toml").read_text())
