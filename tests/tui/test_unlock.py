"""An encrypted folder in the app: the passphrase before Home, a wrong one, the recovery code, a
new passphrase, and a walk that leaves nothing in the clear, during the session and after it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input

from tests.crypt_helpers import PASSPHRASE, every_file, quick_wrap
from tests.packs_helpers import write_pack
from tests.tui.burst import settled
from tests.tui.conftest import SIZE, answer, app_for, screen_text, walk
from workbook.data import crypt_folder, vault
from workbook.data.store import Store
from workbook.packs.library import Library, load_library
from workbook.tui.app import WorkbookApp
from workbook.tui.screens.done import DoneScreen
from workbook.tui.screens.home import HomeScreen
from workbook.tui.screens.plain_copy import PlainCopyScreen
from workbook.tui.screens.unlock import WRONG, ChangePassphraseScreen, UnlockScreen

NAMES = ("Quillon", "Marisabel")
ANSWER = "I-felt-unseen-at-the-wedding"
PROMPT = "Tell-me-a-thing-nobody-knows"
PACK = f"""
[[steps]]
id = "private"
kind = "text"
title = "Private words"
prompt = "{{me}}: {PROMPT}"

[[steps]]
id = "together"
kind = "text"
answer = "together"
prompt = "What went well?"
"""


@pytest.fixture(autouse=True)
def _quick(monkeypatch: pytest.MonkeyPatch) -> None:
    quick_wrap(monkeypatch)


@pytest.fixture
def sealed(data_dir: Path) -> list[str]:
    """An encrypted folder with one couple; returns the recovery code as the only item."""
    store = Store(data_dir)
    store.prepare()
    couple = store.create_couple(*NAMES)
    couple.care_note_seen = True
    store.save_couple(couple)
    codes: list[str] = []
    crypt_folder.encrypt(data_dir, PASSPHRASE, codes.append)
    return codes


def fill(app: WorkbookApp, **values: str) -> None:
    for field, value in values.items():
        app.screen.query_one(f"#{field}", Input).value = value


async def settle(pilot: Any) -> None:
    """Wait for the clicks and keys given so far, and for the work they started (the key's
    derivation runs in a thread)."""
    await settled(pilot.app, pilot)
    await pilot.app.workers.wait_for_complete()
    await settled(pilot.app, pilot)


async def test_a_wrong_passphrase_then_the_right_one(data_dir: Path, sealed: list[str]) -> None:
    app = app_for(Store(data_dir), load_library(environ={}))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, UnlockScreen)
        assert NAMES[0] not in screen_text(app)
        fill(app, passphrase="not it at all")
        await pilot.click("#open")
        await settle(pilot)
        assert isinstance(app.screen, UnlockScreen)
        assert " ".join(WRONG.split()[:6]) in screen_text(app)
        assert app.screen.query_one("#passphrase", Input).value == ""
        fill(app, passphrase=PASSPHRASE)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert NAMES[0] in screen_text(app)


async def test_a_lost_passphrase_and_the_recovery_code(data_dir: Path, sealed: list[str]) -> None:
    app = app_for(Store(data_dir), load_library(environ={}))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.click("#lost")
        await pilot.pause()
        fill(app, code="AAAAA-BBBBB", new="a fresh passphrase", again="a fresh passphrase")
        await pilot.click("#set")
        await settle(pilot)
        assert "recovery code does not open" in screen_text(app)
        fill(app, code=sealed[0].lower(), new="a fresh passphrase", again="a typo")
        await pilot.click("#set")
        await pilot.pause()
        assert "not the same" in screen_text(app)
        fill(app, again="a fresh passphrase")
        app.screen.query_one("#again", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen), screen_text(app)
    vault.forget_all()
    with pytest.raises(vault.WrongSecret):
        crypt_folder.open_folder(data_dir, PASSPHRASE, lambda code: None)
    crypt_folder.open_folder(data_dir, "a fresh passphrase", lambda code: None)


def _data_files(root: Path) -> dict[str, bytes]:
    # Opening Home writes its cache (index.toml) under a lock: neither is a data file.
    return {
        k: v
        for k, v in every_file(root).items()
        if k != vault.KEY_FILE and not k.startswith("index.toml") and not k.endswith(".lock")
    }


async def test_changing_the_passphrase_rewrites_no_data_file(
    data_dir: Path, sealed: list[str]
) -> None:
    files = _data_files(data_dir)
    app = app_for(Store(data_dir), load_library(environ={}))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        fill(app, passphrase=PASSPHRASE)
        await pilot.click("#open")
        await settle(pilot)
        app.action_change_passphrase()
        await pilot.pause()
        assert isinstance(app.screen, ChangePassphraseScreen)
        fill(app, old="a wrong one", new="the next passphrase", again="the next passphrase")
        await pilot.click("#change")
        await settle(pilot)
        assert "not the current passphrase" in screen_text(app)
        fill(app, old=PASSPHRASE)
        await pilot.click("#change")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
    vault.forget_all()
    crypt_folder.open_folder(data_dir, "the next passphrase", lambda code: None)
    assert _data_files(data_dir) == files


def assert_clear_of_secrets(root: Path) -> None:
    for name, raw in every_file(root).items():
        for secret in (*NAMES, ANSWER, PROMPT):
            assert secret.encode() not in raw, (name, secret)
            assert secret.lower() not in name.lower(), (name, secret)


async def test_a_walk_leaves_nothing_in_the_clear(
    data_dir: Path, sealed: list[str], tmp_path: Path
) -> None:
    write_pack(tmp_path / "packs", "secret", PACK)
    library: Library = load_library([tmp_path / "packs"], environ={}, builtin=False)
    store = Store(data_dir)
    app = app_for(store, library)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        fill(app, passphrase=PASSPHRASE)
        await pilot.click("#open")
        await settle(pilot)
        (couple_id,) = store.couple_ids()
        app.begin(store.load_couple(couple_id), ["secret"])
        await pilot.pause()
        await answer(pilot, ANSWER)
        assert walk(app).autosave.now()
        # During the session: the answer is saved, sealed, with its temp files and locks.
        assert_clear_of_secrets(data_dir)
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert_clear_of_secrets(data_dir)
    vault.forget_all()
    crypt_folder.decrypt(data_dir, PASSPHRASE)
    (session,) = (data_dir / "couples").glob("*/sessions/*.toml")
    assert ANSWER in session.read_text()
    assert session.parent.parent.name == "quillon-and-marisabel"


def _said(app: WorkbookApp) -> str:
    return " ".join(str(note.message) for note in app._notifications)


async def test_key_age_missing_the_first_screen_says_so_and_the_code_opens_it(
    data_dir: Path, sealed: list[str]
) -> None:
    (data_dir / vault.KEY_FILE).unlink()
    before = every_file(data_dir)
    app = app_for(Store(data_dir), load_library(environ={}))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, UnlockScreen)
        text = screen_text(app)
        assert "cannot be opened" in text
        assert "key.age is missing" in " ".join(text.split())
        assert not app.screen.query_one("#ask").display
        assert every_file(data_dir) == before
        await pilot.click("#use-code")
        await pilot.pause()
        fill(app, code=sealed[0], new="a fresh passphrase", again="a fresh passphrase")
        await pilot.click("#set")
        await settle(pilot)
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen), screen_text(app)
        assert NAMES[0] in screen_text(app)
    assert (data_dir / vault.KEY_FILE).is_file()


async def test_key_age_a_folder_is_refused_without_a_traceback(
    data_dir: Path, sealed: list[str]
) -> None:
    (data_dir / vault.KEY_FILE).unlink()
    (data_dir / vault.KEY_FILE).mkdir()
    app = app_for(Store(data_dir), load_library(environ={}))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, UnlockScreen)
        assert "is a folder" in " ".join(screen_text(app).split())
        await pilot.click("#quit")
        await pilot.pause()
    assert app.return_code in (0, None)


async def test_a_missing_recovery_file_is_said_once_on_unlocking(
    data_dir: Path, sealed: list[str]
) -> None:
    (data_dir / vault.RECOVERY_FILE).unlink()
    app = app_for(Store(data_dir), load_library(environ={}))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        fill(app, passphrase=PASSPHRASE)
        await pilot.click("#open")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert _said(app).count("workbook passphrase --new-recovery-code") == 1


async def test_an_older_session_put_back_is_said_on_home_and_when_opened(
    data_dir: Path, sealed: list[str], tmp_path: Path
) -> None:
    crypt_folder.open_folder(data_dir, PASSPHRASE, lambda code: None)
    store = Store(data_dir)
    (couple_id,) = store.couple_ids()
    session = store.new_session(couple_id, ["secret"])
    older = vault.disk(store.layout.session_file(couple_id, session.id)).read_bytes()
    session.set_answer("secret", "private", {"a": ANSWER, "b": "b"})
    store.save_session(couple_id, session)
    store.close()
    vault.disk(store.layout.session_file(couple_id, session.id)).write_bytes(older)
    write_pack(tmp_path / "packs", "secret", PACK)
    library = load_library([tmp_path / "packs"], environ={}, builtin=False)
    app = app_for(Store(data_dir), library)
    async with app.run_test(size=SIZE) as pilot:
        home = app.screen
        assert isinstance(home, HomeScreen)
        await home.loaded()
        await pilot.pause()
        shown = " ".join(screen_text(app).split())
        assert "this session file is older than the one saved on" in shown
        await pilot.press("r")
        await pilot.pause()
        assert "older than the one saved on" in _said(app)
        assert walk(app).read_only
    assert vault.disk(store.layout.session_file(couple_id, session.id)).read_bytes() == older


async def test_done_and_export_offer_a_plain_copy_outside_the_folder(
    data_dir: Path, sealed: list[str], tmp_path: Path
) -> None:
    crypt_folder.open_folder(data_dir, PASSPHRASE, lambda code: None)
    store = Store(data_dir)
    (couple_id,) = store.couple_ids()
    couple = store.load_couple(couple_id)
    session = store.new_session(couple_id, ["secret"])
    store.release_session(couple_id, session.id)
    write_pack(tmp_path / "packs", "secret", PACK)
    library = load_library([tmp_path / "packs"], environ={}, builtin=False)
    app = app_for(store, library)
    async with app.run_test(size=SIZE) as pilot:
        await app.screen.loaded()  # type: ignore[attr-defined]
        app.push_screen(DoneScreen(store, couple, session))
        await pilot.pause()
        shown = " ".join(screen_text(app).split())
        assert "encrypted in the data folder" in shown
        assert "not encrypted" in shown
        await pilot.click("#download")
        await pilot.pause()
        assert isinstance(app.screen, PlainCopyScreen)
        # Never into the data folder, beside the sealed files.
        fill(app, folder=str(data_dir / "couples"))
        await pilot.click("#write")
        await pilot.pause()
        assert "inside the encrypted data folder" in " ".join(screen_text(app).split())
        # Enter in the folder's box writes too (a second click on the button at once would
        # fall within its pressed look, which Textual ignores).
        fill(app, folder=str(tmp_path / "copies"))
        app.screen.query_one("#folder", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, PlainCopyScreen), screen_text(app)
        assert "not encrypted" in _said(app)
    copies = sorted((tmp_path / "copies").iterdir())
    assert [p.name for p in copies] == sorted(["agreement.md", f"{session.id}.md"])
    assert NAMES[0] in (tmp_path / "copies" / "agreement.md").read_text()
    assert all(p.stat().st_mode & 0o777 == 0o600 for p in copies)
    assert_clear_of_secrets(data_dir)
