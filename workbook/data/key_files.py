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
from typing import TYPE_CHECKING

from workbook.data import vault
from workbook.data.places import read_limited
from workbook.i18n.catalog import N_
from workbook.i18n.said import Words, said_in
from workbook.reading import Unreadable

if TYPE_CHECKING:
    from workbook.i18n.catalog import Translations

AGE_INTRO = b"age-encryption.org/v1\n"
# age's nonce and one tag around the smallest payload: a wrapped key is never shorter.
_SMALLEST_PAYLOAD = 32
LOST_HINT = "workbook passphrase --lost"
NEW_CODE_HINT = "workbook passphrase --new-recovery-code"


class CryptError(Exception):
    """Something about an encrypted folder that cannot be done, in words for the user: in
    English (``str``), or ``said(tr)`` in ``tr``'s language when it was given ``Words``."""

    def said(self, tr: Translations) -> str:
        return said_in(self.args[0], tr) if self.args else ""


class KeyProblem(CryptError):
    """A key file that cannot be used: missing, damaged, a folder or a link."""


# TRANSLATORS: what is wrong with a key file, after its name ("key.age is missing").
MISSING = Words(N_("is missing"))


def problem(root: Path) -> Words | None:
    """Why the encrypted folder ``root`` cannot be opened for want of a usable ``key.age``, in
    one message with what to do; None when it can be (or when the folder is plain)."""
    if not vault.is_encrypted(root):
        return None
    wrong = file_problem(root / vault.KEY_FILE)
    if wrong is None:
        return None
    if wrong is MISSING:
        said = N_("key.age is missing from {folder}, which is encrypted (it holds {marker})")
        return broken(root, Words(said, folder=root, marker=_marker(root)))
    # TRANSLATORS: {wrong} is what is wrong with the file ("is damaged: it is empty").
    return broken(root, Words(N_("key.age in {folder} {wrong}"), folder=root, wrong=wrong))


def broken(root: Path, wrong: Words) -> Words:
    """The one message for an unusable ``key.age``: what is wrong, and what to do."""
    recovery = file_problem(root / vault.RECOVERY_FILE)
    if recovery is None:
        # TRANSLATORS: "Use the recovery code" is the unlock screen's button.
        said = N_(
            "restore key.age from a backup, or set a new passphrase with the recovery code: "
            "{command} (in the app: Use the recovery code)"
        )
        fix = Words(said, command=LOST_HINT)
    elif recovery is MISSING:
        said = N_(
            "restore key.age from a backup. key.recovery.age is missing too, so the recovery "
            "code cannot help until it is restored as well"
        )
        fix = Words(said)
    else:
        said = N_(
            "restore key.age from a backup. key.recovery.age {wrong}, so the recovery code "
            "cannot help until it is restored as well"
        )
        fix = Words(said, wrong=recovery)
    said = N_(
        "{wrong}, so the folder cannot be opened; nothing in it was read or changed. "
        "To open it, {fix}."
    )
    return Words(said, wrong=wrong, fix=fix)


def recovery_problem(root: Path) -> Words | None:
    """What to say, once, on unlocking a folder whose ``key.recovery.age`` cannot be used."""
    wrong = file_problem(root / vault.RECOVERY_FILE)
    if wrong is None:
        return None
    said = N_(
        "key.recovery.age {wrong}: without it a lost passphrase cannot be recovered. Make a "
        "new recovery code now: {command} (it needs the passphrase)."
    )
    return Words(said, wrong=wrong, command=NEW_CODE_HINT)


def file_problem(path: Path) -> Words | None:
    """``MISSING``, or what is wrong with the wrapped key at ``path``; None when it can be
    tried with a passphrase or code."""
    if not os.path.lexists(path):
        return MISSING
    if path.is_symlink():
        said = N_(
            "is a link, which workbook never follows for a key (put a copy of the file it "
            "leads to in its place)"
        )
        return Words(said)
    if path.is_dir():
        return Words(N_("is a folder, not the key file (move it out of the way)"))
    try:
        raw = read_limited(path, 100_000)
    except Unreadable as error:
        return Words(N_("cannot be read: {reason}"), reason=error.why)
    shape = shape_problem(raw)
    return None if shape is None else Words(N_("is damaged: {shape}"), shape=shape)


def shape_problem(raw: bytes) -> Words | None:
    """What keeps ``raw`` from being an age file wrapped by one passphrase, or None."""
    if not raw:
        return Words(N_("it is empty"))
    if not raw.startswith(AGE_INTRO):
        return Words(N_("it is not an age file"))
    end = raw.find(b"\n--- ")
    mac_end = raw.find(b"\n", end + 1) if end >= 0 else -1
    if mac_end < 0:
        return Words(N_("its header is cut short"))
    stanzas = [line for line in raw[len(AGE_INTRO) : end].split(b"\n") if line.startswith(b"->")]
    if len(stanzas) != 1 or stanzas[0].split()[1:2] != [b"scrypt"]:
        return Words(N_("it is not wrapped by a passphrase"))
    if len(raw) - mac_end - 1 < _SMALLEST_PAYLOAD:
        return Words(N_("it is cut short"))
    return None


def read_wrapped(root: Path, name: str = vault.KEY_FILE) -> bytes:
    """The bytes of a key file; raises ``KeyProblem`` when it cannot be used."""
    wrong = file_problem(root / name)
    if wrong is not None:
        # TRANSLATORS: {name} is a key file's name, {wrong} what is wrong with it.
        words = Words(N_("{name} {wrong}"), name=name, wrong=wrong)
        if name == vault.KEY_FILE:
            raise KeyProblem(problem(root) or words)
        raise KeyProblem(words)
    return read_limited(root / name, 100_000)


def unwrap(root: Path, secret: str, name: str = vault.KEY_FILE) -> vault.Key:
    """The data key in ``name``, unwrapped by ``secret``; raises ``vault.WrongSecret`` or
    ``KeyProblem`` (a damaged file is never called a wrong passphrase)."""
    raw = read_wrapped(root, name)
    try:
        return vault.unwrap(raw, secret)
    except vault.Damaged as error:
        said = N_("{name} in {folder} is damaged: {problem}")
        wrong = Words(said, name=name, folder=root, problem=error)
        if name == vault.KEY_FILE:
            raise KeyProblem(broken(root, wrong)) from error
        raise KeyProblem(wrong) from error


def _marker(root: Path) -> str:
    for name in (vault.RECOVERY_FILE, vault.NEXT_KEY_FILE):
        if os.path.lexists(root / name):
            return name
    sealed = vault.sealed_file(root)
    return str(sealed.relative_to(root)) if sealed is not None else "sealed files"
