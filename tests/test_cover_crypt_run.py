"""What every run over a whole folder shares, on a plain folder: the journal, the sealed files
listed, one run at a time, and no run while a window holds a lock."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbook.data import crypt_run, vault
from workbook.data.key_files import CryptError
from workbook.data.locks import file_lock, release


def test_a_file_that_cannot_be_read_is_said(tmp_path: Path) -> None:
    with pytest.raises(CryptError, match="cannot be read"):
        crypt_run.read_file(tmp_path / "gone.toml")
    crypt_run.remove(tmp_path / "gone.toml")  # nothing to remove is not an error
    (tmp_path / "x.toml").write_bytes(b"x = 1\n")
    assert crypt_run.read_file(tmp_path / "x.toml") == b"x = 1\n"


def test_sealed_files_leave_out_the_key_files_and_links(tmp_path: Path) -> None:
    (tmp_path / "couples" / "c").mkdir(parents=True)
    sealed = tmp_path / "couples" / "c" / f"couple.toml{vault.SUFFIX}"
    sealed.write_bytes(b"x")
    (tmp_path / "couples" / "c" / "plain.toml").write_bytes(b"x")
    (tmp_path / "couples" / f"link.toml{vault.SUFFIX}").symlink_to(sealed)
    for kept in vault.KEPT_PLAIN:
        (tmp_path / kept).write_bytes(b"k")
    assert list(crypt_run.sealed_files(tmp_path)) == [sealed]


def test_the_journal_is_written_read_and_removed(tmp_path: Path) -> None:
    assert crypt_run.journal(tmp_path) is None
    crypt_run.write_journal(tmp_path, {"direction": "decrypt", "done": 3})
    assert crypt_run.journal(tmp_path) == {"direction": "decrypt", "done": 3}
    crypt_run.remove_journal(tmp_path)
    assert not (tmp_path / vault.JOURNAL).exists()
    crypt_run.remove_journal(tmp_path)


def test_a_journal_that_cannot_be_read_says_unfinished(tmp_path: Path) -> None:
    (tmp_path / vault.JOURNAL).write_bytes(b"\xff\xfe not toml")
    assert crypt_run.journal(tmp_path) == {"direction": "encrypt"}


def test_a_plain_folder_is_plain_and_needs_no_key(tmp_path: Path) -> None:
    assert crypt_run.state(tmp_path) == crypt_run.PLAIN
    assert not crypt_run.needs_key(tmp_path)
    crypt_run.check_keys(tmp_path)


def test_a_plain_folder_keeps_no_convert_lock(tmp_path: Path) -> None:
    with crypt_run.converting(tmp_path):
        assert (tmp_path / vault.CONVERT_LOCK).exists()
    assert not (tmp_path / vault.CONVERT_LOCK).exists()


def test_no_run_while_a_window_holds_a_lock(tmp_path: Path) -> None:
    folder = tmp_path / "couples" / "c"
    folder.mkdir(parents=True)
    (tmp_path / "top.lock").write_bytes(b"")
    crypt_run.check_idle(tmp_path)
    lock = file_lock(folder / "s.toml.lock", 0)
    try:
        with pytest.raises(CryptError, match="has a session of this folder open"):
            crypt_run.check_idle(tmp_path)
    finally:
        release(lock)
    crypt_run.check_idle(tmp_path)


def test_a_folder_found_plain_as_it_opened_is_not_walked_again_until_a_key_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "data"
    root.mkdir()
    assert vault.note_folder(root) is False
    assert vault.known_plain(root)
    walks: list[Path] = []
    real_walk = vault.sealed_file

    def counted(folder: Path) -> Path | None:
        walks.append(folder)
        return real_walk(folder)

    monkeypatch.setattr(vault, "sealed_file", counted)
    assert crypt_run.needs_key(root) is False
    assert walks == []
    # A key held, or let go of, and the folder is looked at again, every file.
    vault.forget(root)
    assert not vault.known_plain(root)
    (root / f"couple.toml{vault.SUFFIX}").write_bytes(b"x")
    assert crypt_run.needs_key(root) is True
    assert walks == [root]
    assert vault.note_folder(root) is True
    assert not vault.known_plain(root)
    vault.forget(root)
