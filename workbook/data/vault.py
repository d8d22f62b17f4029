"""Encryption at rest: the data key, and the one place where names and bytes change on disk.

An encrypted data folder has a random age identity as its data key, kept wrapped by the
passphrase (``key.age``) and by a recovery code (``key.recovery.age``), both with age's scrypt
recipient, so the standard ``age`` tool can unwrap it too. Once a folder is unlocked, its key is
held here, in memory only, for the life of the process, and:

- ``disk(path)`` maps the name the rest of the code uses (``name.toml``) to the one on disk
  (``name.toml.age``);
- ``seal`` and ``unseal`` turn a file's bytes into age ciphertext and back. ``places.write_atomic``
  and ``reading.read_limited`` call them (with the header ``places`` adds and checks), so every
  save and every read goes through here;
- lock and temp file names are opaque (a keyed hash, or random), so no name is given away.

A folder that has ever been encrypted (a key file, or any sealed ``*.age`` file, is in it) and
has not been unlocked is *locked*: any read or write in it fails with a message, so nothing is
ever written into it in the clear, even when ``key.age`` itself is missing. A plain folder costs
one dictionary lookup per file and nothing else. pyrage is a dependency of workbook; where it is
missing all the same, an encrypted folder cannot be opened and ``CryptUnavailable`` says so.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbook.i18n.catalog import N_
from workbook.i18n.said import Said, Words

if TYPE_CHECKING:
    from workbook.i18n.catalog import Translations

KEY_FILE = "key.age"
RECOVERY_FILE = "key.recovery.age"
# During ``workbook rekey``: the new data key, sealed to the old one (crypt_folder.rekey).
NEXT_KEY_FILE = "key.next.age"
SUFFIX = ".age"
INSTALL_HINT = (
    "encrypted data folders need pyrage, which is installed with workbook but is missing here: "
    "pip install pyrage"
)
# An opaque couple folder id: random, and never what a couple id made from names looks like.
OPAQUE_ID = re.compile(r"^[0-9a-f]{20}$")
# What age adds: a header of a few hundred bytes, and 16 bytes per 64 KiB chunk.
_HEADER_ROOM = 4096


class CryptUnavailable(RuntimeError):
    """pyrage is not installed."""

    def __init__(self) -> None:
        super().__init__(INSTALL_HINT)


class WrongSecret(Said, ValueError):
    """The passphrase or recovery code does not unwrap the key."""


class Damaged(Said, ValueError):
    """A wrapped key that is damaged: no passphrase could unwrap it."""


class NotThisKey(Said, ValueError):
    """A sealed file that this folder's key does not open."""


class Locked(OSError):
    """A file in an encrypted folder that has not been unlocked."""

    def __init__(self, root: Path) -> None:
        self.words = Words(
            N_("the data folder {root} is encrypted and has not been unlocked"), root=root
        )
        super().__init__(0, self.words.message)
        self.root = root

    def __str__(self) -> str:
        return str(self.strerror)

    def said(self, tr: Translations) -> str:
        return self.words.said(tr)


def _pyrage() -> Any:
    try:
        import pyrage  # type: ignore[import-untyped]
    except ImportError as error:
        raise CryptUnavailable() from error
    return pyrage


class Key:
    """The data key of one folder: an age identity, held in memory only."""

    def __init__(self, identity: str) -> None:
        pyrage = _pyrage()
        try:
            self._identity = pyrage.x25519.Identity.from_str(identity.strip())
        except Exception as error:
            raise WrongSecret(N_("that is not an age identity")) from error
        self._recipient = self._identity.to_public()
        # Lock names are a keyed hash of the name, so the same file always has the same lock.
        self._names = hashlib.sha256(b"workbook lock names\0" + identity.encode()).digest()
        # Named in each sealed file's header; made from the public half, so it tells nothing.
        public = str(self._recipient).encode()
        self.id = hashlib.sha256(b"workbook data key id\0" + public).hexdigest()[:16]

    @classmethod
    def generate(cls) -> Key:
        return cls(str(_pyrage().x25519.Identity.generate()))

    @property
    def identity(self) -> str:
        """The identity as age writes it (``AGE-SECRET-KEY-1...``): only to wrap it."""
        return str(self._identity)

    @property
    def recipient(self) -> str:
        return str(self._recipient)

    def seal(self, data: bytes) -> bytes:
        return bytes(_pyrage().encrypt(data, [self._recipient]))

    def unseal(self, data: bytes) -> bytes:
        """The plain bytes; raises ``ValueError`` when ``data`` is not sealed with this key."""
        pyrage = _pyrage()
        try:
            return bytes(pyrage.decrypt(data, [self._identity]))
        except pyrage.DecryptError as error:
            raise NotThisKey(N_("it cannot be decrypted with this folder's key")) from error

    def tag(self, name: str) -> str:
        return hmac.new(self._names, name.encode(), hashlib.sha256).hexdigest()[:24]


# Wrapping with a passphrase costs about a second on purpose (age's scrypt). Tests swap these
# two for quick ones; nothing else does.
def _wrap(secret: str, plain: bytes) -> bytes:
    return bytes(_pyrage().passphrase.encrypt(plain, secret))


def _unwrap(secret: str, sealed: bytes) -> bytes:
    pyrage = _pyrage()
    try:
        return bytes(pyrage.passphrase.decrypt(sealed, secret))
    except pyrage.DecryptError as error:
        # Only a passphrase that fails to unwrap the file key is a wrong one; a header or a
        # payload that does not hold together after that is damage (age's own words).
        if str(error) in _DAMAGE:
            raise Damaged(N_("age says: {problem}"), problem=error) from error
        raise WrongSecret(N_("that passphrase does not open this folder")) from error


_DAMAGE = {
    "decryption error",
    "Header MAC is invalid",
    "Header is invalid",
    "Incomplete header",
    "failed to fill whole buffer",
}


WRAP = _wrap
UNWRAP = _unwrap


def wrap(key: Key, secret: str) -> bytes:
    return WRAP(secret, key.identity.encode())


def unwrap(sealed: bytes, secret: str) -> Key:
    """The key inside ``sealed``; raises ``WrongSecret``, or ``Damaged`` when what the secret
    unwraps is not an age identity."""
    if not secret:
        raise WrongSecret(N_("the passphrase is empty"))
    plain = UNWRAP(secret, sealed)
    try:
        return Key(plain.decode("utf-8", "replace"))
    except WrongSecret as error:
        raise Damaged(N_("what it holds is not a data key")) from error


def new_recovery_code() -> str:
    """Forty letters and digits in groups of five, easy to write down and type back."""
    raw = base64.b32encode(secrets.token_bytes(25)).decode()
    return "-".join(raw[i : i + 5] for i in range(0, len(raw), 5))


def normal_code(code: str) -> str:
    """A recovery code as typed (any case, spaces or dashes) in the form it was made in."""
    letters = re.sub(r"[^A-Z2-7]", "", code.upper())
    return "-".join(letters[i : i + 5] for i in range(0, len(letters), 5))


# The keys held by this process, by data folder; and the folders known to be locked.
_keys: dict[Path, Key] = {}
_locked: set[Path] = set()
# Folders found plain by ``note_folder`` (as a store opens them), neither unlocked nor let go
# of since: ``known_plain`` spares the app a second walk of a caseload's every file at start.
_plain: set[Path] = set()
_on_forget: list[Callable[[Path | None], None]] = []


def _root(path: Path) -> Path:
    return Path(os.path.abspath(path))


def is_encrypted(root: Path) -> bool:
    """True when ``root`` has ever been encrypted: a key file, or any sealed file, is in it.

    So a folder whose ``key.age`` is missing is never taken for a plain one."""
    if any(os.path.lexists(root / name) for name in (KEY_FILE, RECOVERY_FILE, NEXT_KEY_FILE)):
        return True
    return sealed_file(root) is not None


def sealed_file(root: Path) -> Path | None:
    """The first sealed (``*.age``) file found under ``root``, or None."""
    # os.walk, not rglob: it follows no link, and over the thousands of files of a plain
    # caseload it costs a reading of each folder, no more.
    for folder, _dirs, files in os.walk(root):
        for name in files:
            if name.endswith(SUFFIX):
                return Path(folder) / name
    return None


def note_folder(root: Path) -> bool:
    """Remember that ``root`` is locked if it is encrypted and not unlocked; True if so."""
    root = _root(root)
    if root in _keys:
        return False
    if is_encrypted(root):
        _locked.add(root)
        _plain.discard(root)
        return True
    _locked.discard(root)
    _plain.add(root)
    return False


def known_plain(root: Path) -> bool:
    """True when ``note_folder`` found ``root`` plain, and no key was held or let go of since."""
    return _root(root) in _plain


def unlock(root: Path, key: Key) -> None:
    """Hold ``key`` for ``root``: from now on its files are read and written through it."""
    root = _root(root)
    _keys[root] = key
    _locked.discard(root)
    _plain.discard(root)


def forget(root: Path) -> None:
    """Let go of the key of ``root`` (tests, and a folder that was decrypted)."""
    root = _root(root)
    _keys.pop(root, None)
    _locked.discard(root)
    _plain.discard(root)
    for hook in _on_forget:
        hook(root)


def forget_all() -> None:
    _keys.clear()
    _locked.clear()
    _plain.clear()
    for hook in _on_forget:
        hook(None)


def on_forget(hook: Callable[[Path | None], None]) -> None:
    """Call ``hook(root)`` whenever the key of ``root`` is let go of (``None``: every key), so
    what was learnt under it goes too (``places`` registers itself here)."""
    _on_forget.append(hook)


def key_of(root: Path) -> Key | None:
    return _keys.get(_root(root))


def key_for(path: Path) -> tuple[Path, Key] | None:
    """The folder ``path`` is in and its key, when that folder is unlocked; raises ``Locked``
    for a path in a locked folder; None for a plain one (or outside every data folder)."""
    if not _keys and not _locked:
        return None
    path = _root(path)
    for parent in path.parents:
        key = _keys.get(parent)
        if key is None and parent not in _locked:
            continue
        if _kept_plain(parent, path):
            return None
        if key is None:
            raise Locked(parent)
        return parent, key
    return None


def _kept_plain(root: Path, path: Path) -> bool:
    # The wrapped keys are already age files, and the journal holds no secret.
    return path.parent == root and path.name in KEPT_PLAIN


JOURNAL = "crypt-journal.toml"
CONVERT_LOCK = "crypt.lock"
# The files at the top of an encrypted folder that are not sealed data files.
KEPT_PLAIN = frozenset({KEY_FILE, RECOVERY_FILE, NEXT_KEY_FILE, JOURNAL, CONVERT_LOCK})


def disk(path: Path) -> Path:
    """Where the file the code calls ``path`` is on disk: ``path.age`` in an unlocked folder."""
    found = key_for(path)
    if found is None or path.name.endswith(SUFFIX):
        return path
    return path.with_name(path.name + SUFFIX)


def exists(path: Path) -> bool:
    """``os.path.lexists`` of the file on disk."""
    return os.path.lexists(disk(path))


def exists_name(path: str) -> bool:
    """``exists`` for a path given as text."""
    return exists(Path(path))


def raw_limit(limit: int) -> int:
    """How many bytes of ciphertext may hold ``limit`` bytes of plain text."""
    return limit + _HEADER_ROOM + 16 * (limit // 65536 + 1)


def temp_name(path: Path, token: str) -> str:
    """The temp file's name for a save of ``path``: it never shows the file's name in an
    unlocked folder."""
    if key_for(path) is not None:
        return f".wb-{token}.tmp"
    return f".wb-{path.name}.{token}.tmp"


def lock_file(path: Path) -> Path:
    """The sidecar lock of ``path``: ``name.lock``, or an opaque name in an unlocked folder."""
    found = key_for(path)
    if found is None:
        return path.with_name(path.name + ".lock")
    return path.with_name(f".lk-{found[1].tag(path.name)}.lock")


def stems(folder: Path, suffix: str) -> list[str]:
    """The names in ``folder`` that end with ``suffix`` (as the code names them), without it."""
    if not folder.is_dir():
        return []
    ending = suffix + SUFFIX if key_for(folder / "x") is not None else suffix
    return [p.name[: -len(ending)] for p in folder.iterdir() if p.name.endswith(ending)]


def new_couple_id() -> str:
    """An opaque couple id: a couple folder's name that says nothing about the couple."""
    return secrets.token_hex(10)
