"""What every run over a whole encrypted folder shares (encrypt, decrypt, rekey): one run at a
time (``crypt.lock``), none while a window has a session open, and the journal that says how far
an interrupted run went, and the state of the folder it tells. The journal holds no secret."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from workbook import tomlio
from workbook.data import key_files, vault
from workbook.data.durable import fsync_folder, private_folder
from workbook.data.key_files import CryptError, KeyProblem
from workbook.data.locks import Busy, file_lock, release
from workbook.data.places import read_limited, write_atomic
from workbook.i18n.catalog import N_
from workbook.i18n.said import Words
from workbook.reading import Unreadable
from workbook.reading import read_limited as read_raw

# Far above any data file; a file above it cannot be one of ours.
_LIMIT = 64_000_000
KEPT = vault.KEPT_PLAIN


def read_file(path: Path) -> bytes:
    """A file's bytes as they are on disk (ciphertext stays ciphertext)."""
    try:
        return read_raw(path, _LIMIT)
    except Unreadable as error:
        said = N_("{path} cannot be read: {reason}")
        raise CryptError(Words(said, path=path, reason=error.why)) from error


def remove(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


def sealed_files(root: Path) -> Iterator[Path]:
    """Every sealed data file under ``root`` (not the key files), links left out."""
    for folder, subfolders, files in os.walk(root):
        subfolders.sort()
        here = Path(folder)
        for name in sorted(files):
            path = here / name
            kept = here == root and name in KEPT
            if name.endswith(vault.SUFFIX) and not kept and not path.is_symlink():
                yield path


def journal(root: Path) -> dict[str, Any] | None:
    path = root / vault.JOURNAL
    if not os.path.lexists(path):
        return None
    try:
        return tomlio.loads(read_limited(path, 10_000).decode("utf-8"))
    except (Unreadable, ValueError, UnicodeDecodeError):
        # A journal is written whole or not at all; one that cannot be read says "unfinished".
        return {"direction": "encrypt"}


def write_journal(root: Path, table: dict[str, Any]) -> None:
    write_atomic(root / vault.JOURNAL, tomlio.dumps(table).encode("utf-8"))


def remove_journal(root: Path) -> None:
    path = root / vault.JOURNAL
    if os.path.lexists(path):
        path.unlink()
        fsync_folder(root)


@contextlib.contextmanager
def converting(root: Path) -> Iterator[None]:
    private_folder(root)
    try:
        lock = file_lock(root / vault.CONVERT_LOCK, 0)
    except Busy as error:
        raise CryptError("another workbook is encrypting or decrypting this folder") from error
    try:
        yield
    finally:
        release(lock)
        # A plain folder keeps nothing of its time encrypted, not even this empty file.
        if not vault.is_encrypted(root):
            remove(root / vault.CONVERT_LOCK)


def check_idle(root: Path) -> None:
    """Refuse while another workbook window holds a session (or notes) lock."""
    for path in root.rglob("*.lock"):
        if path.parent == root:
            continue
        try:
            lock = file_lock(path, 0)
        except Busy as error:
            raise CryptError(
                "a workbook window has a session of this folder open; close it and run again"
            ) from error
        except OSError:
            continue
        release(lock)


PLAIN, ENCRYPTED, ENCRYPTING, DECRYPTING = "plain", "encrypted", "encrypting", "decrypting"
REKEYING = "rekeying"


def state(root: Path) -> str:
    """``plain``, ``encrypted``, or ``encrypting`` / ``decrypting`` / ``rekeying`` when a run
    was interrupted."""
    if not vault.is_encrypted(root):
        return PLAIN
    found = journal(root)
    if found is None:
        return ENCRYPTED
    return {"decrypt": DECRYPTING, "rekey": REKEYING}.get(str(found.get("direction")), ENCRYPTING)


def needs_key(root: Path) -> bool:
    """True when the folder cannot be used before its passphrase is given."""
    if vault.known_plain(root):
        return False
    return vault.is_encrypted(root) and vault.key_of(root) is None


def check_keys(root: Path) -> None:
    """Raise ``KeyProblem`` when the folder is encrypted and its ``key.age`` cannot be used."""
    problem = key_files.problem(root)
    if problem is not None:
        raise KeyProblem(problem)
