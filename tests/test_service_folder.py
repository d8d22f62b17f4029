"""The folder service: encryption at rest and the practice PIN, with typed errors a face shows
(the command line's prompts are tested in test_crypt*.py, the app's in tests/tui)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.crypt_helpers import PASSPHRASE, pin_written, quick_wrap
from workbook.data import vault
from workbook.data.store import Store
from workbook.service import folder
from workbook.service.errors import NotFound, Refused, WrongSecret


@pytest.fixture(autouse=True)
def _quick(monkeypatch: pytest.MonkeyPatch) -> None:
    quick_wrap(monkeypatch)


def test_encrypt_unlock_change_and_recover(data_dir: Path) -> None:
    codes: list[str] = []
    folder.can_encrypt(data_dir)
    with pytest.raises(Refused, match="not encrypted"):
        folder.require_encrypted(data_dir)
    folder.encrypt(data_dir, PASSPHRASE, codes.append)
    with pytest.raises(Refused, match="already encrypted"):
        folder.can_encrypt(data_dir)
    vault.forget(data_dir)
    assert folder.needs_key(data_dir)
    with pytest.raises(WrongSecret, match="does not open"):
        folder.unlock(data_dir, "not the passphrase", codes.append)
    folder.unlock(data_dir, PASSPHRASE, codes.append)
    assert not folder.needs_key(data_dir)
    folder.change_passphrase(data_dir, folder.open_key(data_dir, PASSPHRASE), "a new one!")
    with pytest.raises(WrongSecret):
        folder.open_key(data_dir, PASSPHRASE)
    with pytest.raises(WrongSecret, match="recovery code does not open"):
        folder.recover(data_dir, "AAAA-" * 7 + "AAAA", "another one")
    folder.recover(data_dir, codes[0], "another one")
    assert folder.open_key(data_dir, "another one") is not None


def test_a_broken_key_file_is_said_before_anything_is_asked(data_dir: Path) -> None:
    folder.encrypt(data_dir, PASSPHRASE, lambda code: None)
    (data_dir / vault.KEY_FILE).write_bytes(b"not an age file")
    with pytest.raises(folder.KeyBroken):
        folder.check_keys(data_dir)
    with pytest.raises(folder.KeyBroken):
        folder.unlock(data_dir, PASSPHRASE, lambda code: None)


def test_the_practice_pin(data_dir: Path) -> None:
    store = Store(data_dir)
    assert folder.lock_of(store) is None
    with pytest.raises(Refused):
        folder.set_pin(store, "1")
    folder.set_pin(store, "2468")
    assert not pin_written(store.layout.settings_file.read_text(), "2468")
    lock = folder.lock_of(store)
    assert lock is not None
    assert folder.opens_lock(store, lock, "2468")
    assert not folder.opens_lock(store, lock, "1357")
    folder.clear_pin(store)
    assert folder.lock_of(store) is None


def test_no_pin_in_an_encrypted_folder(data_dir: Path) -> None:
    folder.encrypt(data_dir, PASSPHRASE, lambda code: None)
    folder.unlock(data_dir, PASSPHRASE, lambda code: None)
    store = Store(data_dir)
    with pytest.raises(Refused, match="passphrase is the practice lock"):
        folder.set_pin(store, "2468")
    assert folder.opens_lock(store, folder.lock_of(store), PASSPHRASE)


def test_errors_are_one_family_with_a_message() -> None:
    error = NotFound("no couple \x1b[31m here")
    assert error.message == "no couple [31m here"
    assert str(error) == error.message
