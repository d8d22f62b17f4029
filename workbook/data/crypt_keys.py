"""What opens an encrypted folder, changed without rewriting a data file: a new passphrase, a
lost passphrase replaced with the recovery code, and a new recovery code. Each writes one key
file, durably; none writes over a folder in its place (nor through a link), and the recovery
code never replaces ``key.age`` with a key that opens none of the folder's files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from workbook.data import crypt_folder, key_files, vault
from workbook.data.crypt_run import journal, read_file, sealed_files
from workbook.data.key_files import CryptError, KeyProblem
from workbook.data.places import write_atomic
from workbook.i18n.catalog import N_
from workbook.i18n.said import Words


def change_passphrase(root: Path, key: vault.Key, new: str) -> None:
    """Wrap the data key with a new passphrase; no data file is rewritten."""
    if not new:
        raise CryptError("the new passphrase is empty")
    _replaceable(root, vault.KEY_FILE)
    write_atomic(root / vault.KEY_FILE, vault.wrap(key, new))


def recover(root: Path, code: str, new: str) -> vault.Key:
    """Unwrap the key with the recovery code and wrap it with a new passphrase, in a new
    ``key.age`` (whether the old one is there, missing or damaged). A key that opens none of the
    folder's files is refused, and nothing is written: ``key.age`` may hold the right one."""
    key = key_files.unwrap(root, vault.normal_code(code), vault.RECOVERY_FILE)
    if not opens(root, key):
        raise CryptError(
            "the key in key.recovery.age opens none of this folder's files (is key.recovery.age "
            "from another folder, or from before a rekey?); nothing was changed"
        )
    change_passphrase(root, key, new)
    return key


def new_recovery_code(root: Path, key: vault.Key, show_code: Callable[[str], None]) -> None:
    """A new recovery code for ``key`` (unwrapped by the passphrase), in a new
    ``key.recovery.age``; the code before it no longer opens the folder."""
    if crypt_folder.state(root) != crypt_folder.ENCRYPTED:
        raise CryptError(
            "an interrupted encrypt or rekey of this folder must finish first: open the "
            "workbook, or run that command again"
        )
    _replaceable(root, vault.RECOVERY_FILE)
    code = vault.new_recovery_code()
    write_atomic(root / vault.RECOVERY_FILE, vault.wrap(key, code))
    show_code(code)


def opens(root: Path, key: vault.Key) -> bool:
    """Whether ``key`` is this folder's key: it opens one of its sealed files (or, during a
    rekey, the new key); True for a folder with none yet."""
    run = journal(root) or {}
    if run.get("direction") == "rekey":
        if run.get("new") == key.id:
            return True
        try:
            key.unseal(read_file(root / vault.NEXT_KEY_FILE))
            return True
        except (CryptError, ValueError):
            return False
    tried = 0
    for path in sealed_files(root):
        try:
            key.unseal(read_file(path))
            return True
        except (CryptError, ValueError):
            tried += 1
        if tried >= 20:
            break
    return tried == 0


def _replaceable(root: Path, name: str) -> None:
    """Refuse to write a key file over a folder in its place (a link is replaced itself, never
    written through: what it leads to stays as it is)."""
    path = root / name
    if path.is_dir() and not path.is_symlink():
        # TRANSLATORS: {name} is a key file's name (key.age), {folder} the data folder.
        said = N_("{name} in {folder} is a folder: move it out of the way; nothing was changed")
        raise KeyProblem(Words(said, name=name, folder=root))
