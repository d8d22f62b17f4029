"""The key files of an encrypted folder: whether they can be used, and what to say when not.

``key.age`` holds the data key wrapped by the passphrase, and ``key.recovery.age`` the same key
wrapped by the recovery code, each with age's scrypt recipient. A folder that has ever been
encrypted (``vault.is_encrypted``) whose ``key.age`` is missing, damaged, a folder or a link is
never used: nothing in it is read or written, and one message says what is wrong and what to do
(restore ``key.age``, or set a new passphrase with the recovery code). A ``key.age`` that is not
a well-formed age file wrapped by a passphrase, or that unwraps to something that is not an age
identity, is called damaged, never a wrong passphrase.
"""

from __future__ import annotations

import os
from pathlib import Path

from workbook.data import vault
from workbook.data.places import read_limited
from workbook.reading import Unreadable

AGE_INTRO = b"age-encryption.org/v1\n"
# age's nonce and one tag around the smallest payload: a wrapped key is never shorter.
_SMALLEST_PAYLOAD = 32
LOST_HINT = "workbook passphrase --lost"
NEW_CODE_HINT = "workbook passphrase --new-recovery-code"


class CryptError(Exception):
    """Something about an encrypted folder that cannot be done, in words for the user."""


class KeyProblem(CryptError):
    """A key file that cannot be used: missing, damaged, a folder or a link."""


def problem(root: Path) -> str | None:
    """Why the encrypted folder ``root`` cannot be opened for want of a usable ``key.age``, in
    one message with what to do; None when it can be (or when the folder is plain)."""
    if not vault.is_encrypted(root):
        return None
    wrong = file_problem(root / vault.KEY_FILE)
    if wrong is None:
        return None
    if wrong == "missing":
        marker = _marker(root)
        wrong = f"key.age is missing from {root}, which is encrypted (it holds {marker})"
    else:
        wrong = f"key.age in {root} {wrong}"
    return broken(root, wrong)


def broken(root: Path, wrong: str) -> str:
    """The one message for an unusable ``key.age``: what is wrong, and what to do."""
    recovery = file_problem(root / vault.RECOVERY_FILE)
    if recovery is None:
        fix = (
            "restore key.age from a backup, or set a new passphrase with the recovery code: "
            f"{LOST_HINT} (in the app: Use the recovery code)"
        )
    else:
        fix = (
            "restore key.age from a backup. key.recovery.age "
            f"{'is missing too' if recovery == 'missing' else recovery}, so the recovery code "
            "cannot help until it is restored as well"
        )
    return (
        f"{wrong}, so the folder cannot be opened; nothing in it was read or changed. "
        f"To open it, {fix}."
    )


def recovery_problem(root: Path) -> str | None:
    """What to say, once, on unlocking a folder whose ``key.recovery.age`` cannot be used."""
    wrong = file_problem(root / vault.RECOVERY_FILE)
    if wrong is None:
        return None
    return (
        f"key.recovery.age {'is missing' if wrong == 'missing' else wrong}: without it a lost "
        f"passphrase cannot be recovered. Make a new recovery code now: {NEW_CODE_HINT} "
        "(it needs the passphrase)."
    )


def file_problem(path: Path) -> str | None:
    """``"missing"``, or what is wrong with the wrapped key at ``path``; None when it can be
    tried with a passphrase or code."""
    if not os.path.lexists(path):
        return "missing"
    if path.is_symlink():
        return (
            "is a link, which workbook never follows for a key (put a copy of the file it "
            "leads to in its place)"
        )
    if path.is_dir():
        return "is a folder, not the key file (move it out of the way)"
    try:
        raw = read_limited(path, 100_000)
    except Unreadable as error:
        return f"cannot be read: {error.reason}"
    shape = shape_problem(raw)
    return None if shape is None else f"is damaged: {shape}"


def shape_problem(raw: bytes) -> str | None:
    """What keeps ``raw`` from being an age file wrapped by one passphrase, or None."""
    if not raw:
        return "it is empty"
    if not raw.startswith(AGE_INTRO):
        return "it is not an age file"
    end = raw.find(b"\n--- ")
    mac_end = raw.find(b"\n", end + 1) if end >= 0 else -1
    if mac_end < 0:
        return "its header is cut short"
    stanzas = [line for line in raw[len(AGE_INTRO) : end].split(b"\n") if line.startswith(b"->")]
    if len(stanzas) != 1 or stanzas[0].split()[1:2] != [b"scrypt"]:
        return "it is not wrapped by a passphrase"
    if len(raw) - mac_end - 1 < _SMALLEST_PAYLOAD:
        return "it is cut short"
    return None


def read_wrapped(root: Path, name: str = vault.KEY_FILE) -> bytes:
    """The bytes of a key file; raises ``KeyProblem`` when it cannot be used."""
    wrong = file_problem(root / name)
    if wrong is not None:
        if name == vault.KEY_FILE:
            raise KeyProblem(problem(root) or f"key.age {wrong}")
        raise KeyProblem(f"{name} {'is missing' if wrong == 'missing' else wrong}")
    return read_limited(root / name, 100_000)


def unwrap(root: Path, secret: str, name: str = vault.KEY_FILE) -> vault.Key:
    """The data key in ``name``, unwrapped by ``secret``; raises ``vault.WrongSecret`` or
    ``KeyProblem`` (a damaged file is never called a wrong passphrase)."""
    raw = read_wrapped(root, name)
    try:
        return vault.unwrap(raw, secret)
    except vault.Damaged as error:
        wrong = f"{name} in {root} is damaged: {error}"
        if name == vault.KEY_FILE:
            raise KeyProblem(broken(root, wrong)) from error
        raise KeyProblem(wrong) from error


def _marker(root: Path) -> str:
    for name in (vault.RECOVERY_FILE, vault.NEXT_KEY_FILE):
        if os.path.lexists(root / name):
            return name
    sealed = vault.sealed_file(root)
    return str(sealed.relative_to(root)) if sealed is not None else "sealed files"
