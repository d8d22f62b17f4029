"""The data folder's service on a plain folder: refused crypt commands, the practice PIN, and
each failure said as the service's typed error."""

from __future__ import annotations

from pathlib import Path
from typing import NoReturn

import pytest

from tests.crypt_helpers import pin_written
from workbook.data import key_files, vault
from workbook.data.store import Store
from workbook.service import folder
from workbook.service.errors import NotSaved, Refused, WrongSecret


@pytest.fixture
def store(data_dir: Path) -> Store:
    made = Store(data_dir)
    made.prepare()
    return made


def test_a_plain_folder_is_not_encrypted_nor_interrupted(store: Store) -> None:
    with pytest.raises(Refused, match="is not encrypted"):
        folder.require_encrypted(store.root)
    assert folder.interrupted(store.root) is None
    assert "key.recovery.age is missing" in str(folder.recovery_note(store.root) or "")
    assert not folder.recovery_usable(store.root)
    with pytest.raises(Refused, match=r"key\.recovery\.age in .* is missing"):
        folder.require_recovery(store.root)


def test_passphrase_and_code_shapes() -> None:
    assert folder.passphrase_problem("short") == "the passphrase must have at least 8 characters"
    assert folder.passphrase_problem("long enough") is None
    assert folder.is_code("abcde-fghij")
    assert not folder.is_code(" -- 1 ")


def test_a_pin_is_set_checked_and_cleared(store: Store) -> None:
    assert folder.lock_of(store) is None
    with pytest.raises(Refused, match="at least 4"):
        folder.set_pin(store, "12")
    assert folder.pin_problem(" 1234") == "the PIN may not begin or end with a space"
    folder.set_pin(store, "2468")
    lock = folder.lock_of(store)
    assert lock is not None
    assert folder.opens_lock(store, lock, "2468")
    assert not folder.opens_lock(store, lock, "1357")
    assert not pin_written((store.root / "settings.toml").read_text(), "2468")
    folder.clear_pin(store)
    assert folder.lock_of(store) is None


def test_a_passphrase_lock_that_cannot_be_unwrapped_does_not_open(store: Store) -> None:
    assert not folder.opens_lock(store, "passphrase", "anything at all")


def _raise(error: BaseException) -> NoReturn:
    raise error


@pytest.mark.parametrize(
    ("error", "typed", "words"),
    [
        (vault.WrongSecret("no"), WrongSecret, "does not open this folder"),
        (key_files.KeyProblem("key.age is damaged"), folder.KeyBroken, "key.age is damaged"),
        (key_files.CryptError("cannot be done"), Refused, "cannot be done"),
        (OSError(28, "No space left on device"), NotSaved, "No space left"),
    ],
)
def test_crypt_errors_become_the_service_errors(
    error: Exception, typed: type[Exception], words: str
) -> None:
    with pytest.raises(typed, match=words):
        folder._crypt(lambda: _raise(error))


def test_a_settings_save_that_fails_is_not_saved() -> None:
    with pytest.raises(NotSaved, match="read-only"):
        folder._save(lambda: _raise(OSError(30, "read-only file system")))
