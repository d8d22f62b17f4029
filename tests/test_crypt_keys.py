"""The key files of an encrypted folder: a folder that was ever encrypted never acts as plain; with
key.age missing, damaged, a folder or a link, every command refuses with one message and writes
nothing; the recovery code always works while key.recovery.age is there; a missing
key.recovery.age is said on unlocking, and a new code can be made."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.crypt_helpers import PASSPHRASE, quick_wrap
from tests.test_crypt import SECRETS, assert_nothing_in_the_clear, play, run, secret_file
from workbook.data import crypt_folder, crypt_keys, key_files, vault
from workbook.data.store import Store

FIX = ("restore key.age from a backup", "workbook passphrase --lost")


@pytest.fixture(autouse=True)
def _quick(monkeypatch: pytest.MonkeyPatch) -> None:
    quick_wrap(monkeypatch)
    # No command may ask for a passphrase when no passphrase can open the folder.
    monkeypatch.setattr("getpass.getpass", _no_prompt)


def _no_prompt(prompt: str = "") -> str:
    raise AssertionError(f"asked: {prompt}")


@pytest.fixture
def sealed(tmp_path: Path) -> tuple[Path, str]:
    """An encrypted folder with a couple, a session, agreements and notes; and its code."""
    root = tmp_path / "data"
    play(Store(root))
    codes: list[str] = []
    crypt_folder.encrypt(root, PASSPHRASE, codes.append)
    return root, codes[0]


def snapshot(root: Path) -> dict[str, tuple[bytes | None, int]]:
    """Every entry under ``root``, with its bytes (None for a folder or link) and mode."""
    found: dict[str, tuple[bytes | None, int]] = {}
    for folder, subfolders, files in os.walk(root):
        for name in subfolders + files:
            path = Path(folder) / name
            raw = path.read_bytes() if path.is_file() and not path.is_symlink() else None
            found[str(path.relative_to(root))] = (raw, path.lstat().st_mode)
    return found


def break_key(root: Path, how: str) -> None:
    key = root / vault.KEY_FILE
    good = key.read_bytes()
    key.unlink()
    if how == "folder":
        key.mkdir()
    elif how == "link":
        (root.parent / "elsewhere.age").write_bytes(good)
        key.symlink_to(root.parent / "elsewhere.age")
    elif how == "empty":
        key.write_bytes(b"")
    elif how == "garbage":
        key.write_bytes(b"not an age file at all\n")
    elif how == "cut":
        key.write_bytes(good[: good.index(b"\n--- ") + 3])
    elif how == "not-a-key":
        # Unwraps with the passphrase, to something that is not a data key.
        key.write_bytes(vault.WRAP(PASSPHRASE, b"AGE-SECRET-KEY-1NOTAKEY"))


def test_key_age_missing_every_command_refuses_and_writes_nothing(
    sealed: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root, _ = sealed
    (root / vault.KEY_FILE).unlink()
    before = snapshot(root)
    (couple,) = os.listdir(root / "couples")
    sessions = root / "couples" / couple / "sessions"
    (session,) = {p.name.split(".")[0] for p in sessions.iterdir() if p.name.endswith(".age")}
    good = secret_file(tmp_path, "pass", PASSPHRASE)
    new = secret_file(tmp_path, "new", "a new passphrase")
    with_file = ["--passphrase-file", good]
    commands = [
        ["couples"],
        ["couples", "--json", *with_file],
        ["export", couple],
        ["export", couple, "--session", session, "--out", str(tmp_path / "out.md")],
        ["history", couple],
        ["facilitate", couple, *with_file],
        ["start", "--couple", couple, *with_file],
        [*with_file],
        ["decrypt", *with_file],
        ["rekey", *with_file],
        ["passphrase", *with_file, "--new-passphrase-file", new],
        ["passphrase", "--new-recovery-code", *with_file],
        ["encrypt", *with_file],
    ]
    for command in commands:
        code, out, err = run(capsys, "--data-dir", str(root), *command)
        assert code == 2, (command, err)
        assert "key.age is missing" in err, (command, err)
        assert all(words in err for words in FIX), (command, err)
        assert "Traceback" not in err, (command, err)
        assert "unexpected" not in err, (command, err)
        assert SECRETS[0] not in out + err
        # Nothing read, nothing written: encrypt made no second key, the recovery file is
        # the one it was, and no plain file appeared beside the sealed ones.
        assert snapshot(root) == before, command
    assert not (tmp_path / "out.md").exists()


@pytest.mark.parametrize("how", ["folder", "link", "empty", "garbage", "cut", "not-a-key"])
def test_a_broken_key_age_is_named_and_refused(
    sealed: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str], how: str
) -> None:
    root, code = sealed
    break_key(root, how)
    before = snapshot(root)
    good = secret_file(tmp_path, "pass", PASSPHRASE)
    said, _, err = run(capsys, "--data-dir", str(root), "couples", "--passphrase-file", good)
    assert said == 2
    expected = {"folder": "is a folder", "link": "is a link"}.get(how, "is damaged")
    assert f"key.age in {root} {expected}" in err, err
    assert all(words in err for words in FIX), err
    assert "does not open this folder" not in err
    assert "Traceback" not in err
    with pytest.raises(crypt_folder.KeyProblem, match=expected):
        crypt_folder.open_folder(root, PASSPHRASE, lambda code: None)
    assert snapshot(root) == before
    # The recovery code opens it again; a folder in key.age's place is left to the user.
    recovery = secret_file(tmp_path, "code", code)
    new = secret_file(tmp_path, "new", "a new passphrase")
    lost = ["passphrase", "--lost", "--recovery-code-file", recovery, "--new-passphrase-file", new]
    said, _, err = run(capsys, "--data-dir", str(root), *lost)
    if how == "folder":
        assert (said, "move it out of the way" in err) == (2, True), err
        assert snapshot(root) == before
        return
    assert said == 0, err
    assert not (root / vault.KEY_FILE).is_symlink()
    crypt_folder.open_folder(root, "a new passphrase", lambda code: None)
    assert [p.name for p in Store(root).load_couple(os.listdir(root / "couples")[0]).partners] == [
        SECRETS[0],
        SECRETS[1],
    ]


def test_the_recovery_code_without_key_age_and_nothing_in_the_clear_after(
    sealed: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root, code = sealed
    recovery_before = (root / vault.RECOVERY_FILE).read_bytes()
    (root / vault.KEY_FILE).unlink()
    third = secret_file(tmp_path, "third", "the third passphrase")
    wrong = secret_file(tmp_path, "wrong", "AAAAA-" * 8)
    lost = ["--data-dir", str(root), "passphrase", "--lost", "--new-passphrase-file", third]
    said, _, err = run(capsys, *lost, "--recovery-code-file", wrong)
    assert (said, "recovery code does not open" in err) == (2, True), err
    assert not (root / vault.KEY_FILE).exists()
    said, _, err = run(capsys, *lost, "--recovery-code-file", secret_file(tmp_path, "c", code))
    assert said == 0, err
    assert (root / vault.RECOVERY_FILE).read_bytes() == recovery_before
    said, out, err = run(capsys, "--data-dir", str(root), "couples", "--passphrase-file", third)
    assert (said, SECRETS[0] in out) == (0, True), err
    # Used after the loss and the recovery, the folder still keeps every word sealed.
    store = Store(root)
    couple = store.create_couple("Quillon-Newname", "Marisabel-Newname")
    session = store.new_session(couple.id, ["respect"])
    session.set_answer("respect", "meaning", {"a": "after-recovery-words", "b": "b"})
    store.save_session(couple.id, session)
    store.close()
    assert_nothing_in_the_clear(
        root, [*SECRETS, "Quillon-Newname", "Marisabel-Newname", "after-recovery-words"]
    )


def test_a_recovery_file_of_another_folder_changes_nothing(
    sealed: tuple[Path, str], tmp_path: Path
) -> None:
    root, _ = sealed
    other = tmp_path / "other"
    codes: list[str] = []
    crypt_folder.encrypt(other, PASSPHRASE, codes.append)
    shutil.copy(other / vault.RECOVERY_FILE, root / vault.RECOVERY_FILE)
    before = snapshot(root)
    # The code opens the copied file, but its key opens none of this folder's files.
    with pytest.raises(crypt_folder.CryptError, match="opens none of this folder's files"):
        crypt_keys.recover(root, codes[0], "a new passphrase")
    assert snapshot(root) == before
    crypt_folder.open_folder(root, PASSPHRASE, lambda code: None)


def test_only_sealed_files_left_still_mark_the_folder_encrypted(
    sealed: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    root, _ = sealed
    (root / vault.KEY_FILE).unlink()
    (root / vault.RECOVERY_FILE).unlink()
    before = snapshot(root)
    assert vault.is_encrypted(root)
    assert crypt_folder.state(root) == crypt_folder.ENCRYPTED
    said, _, err = run(capsys, "--data-dir", str(root), "couples")
    assert said == 2
    assert "key.recovery.age is missing too" in err, err
    with pytest.raises(vault.Locked):
        Store(root).save_settings({"theme": "x"})
    assert snapshot(root) == before


def test_a_missing_recovery_file_is_said_and_a_new_code_made(
    sealed: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root, old_code = sealed
    (root / vault.RECOVERY_FILE).unlink()
    good = ["--passphrase-file", secret_file(tmp_path, "pass", PASSPHRASE)]
    said, out, err = run(capsys, "--data-dir", str(root), "couples", *good)
    assert (said, SECRETS[0] in out) == (0, True), err
    assert "key.recovery.age is missing" in err
    assert "workbook passphrase --new-recovery-code" in err
    vault.forget_all()
    said, out, err = run(
        capsys, "--data-dir", str(root), "passphrase", "--new-recovery-code", *good
    )
    assert said == 0, err
    (code,) = [line.strip() for line in out.splitlines() if line.startswith("    ")]
    assert code != old_code
    said, _, err = run(capsys, "--data-dir", str(root), "couples", *good)
    assert (said, "key.recovery.age" in err) == (0, False), err
    key = key_files.unwrap(root, vault.normal_code(code), vault.RECOVERY_FILE)
    assert key.id == key_files.unwrap(root, PASSPHRASE).id
