"""Turning encryption at rest on and off for a whole data folder, safe against a kill at any point.

``encrypt`` writes a journal (``crypt-journal.toml``, which holds no secret), then the wrapped
keys, then turns each file into ``name.age`` and each couple folder into an opaque id; ``decrypt``
does the reverse, then removes the keys. Each file is converted by writing the other form
durably and only then removing the first, so a file is always whole in one form or both; when
both are there, the converted one is complete and the other is removed. A couple folder is
renamed last, after its ``couple.toml`` records the id it is going to. So a run that is killed
leaves a folder that, after the passphrase, is finished in the same direction (the app and every
command do this before anything else), and running the command again finishes it too.

A journal without a key means nothing was encrypted yet, or the decrypt is complete: the folder
is plain. Nothing here runs while a session lock is held by another workbook window, and nothing
runs at all in a folder whose ``key.age`` cannot be used (``key_files``): ``encrypt`` never makes
a second key, and never touches ``key.recovery.age`` of a folder that was encrypted before.
Each file is sealed with the header that names the place it is going to (``places``); ``decrypt``
stops at a file sealed for another place, so that no file is turned into another's plain file.
``workbook rekey`` is in ``rekey``.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from workbook import tomlio
from workbook.data import key_files, places, vault
from workbook.data.crypt_run import (
    DECRYPTING,
    ENCRYPTED,
    ENCRYPTING,
    PLAIN,
    REKEYING,
    check_keys,
    needs_key,
    state,
)
from workbook.data.crypt_run import KEPT as _KEPT
from workbook.data.crypt_run import check_idle as _check_idle
from workbook.data.crypt_run import converting as _converting
from workbook.data.crypt_run import journal as _journal
from workbook.data.crypt_run import read_file as _read
from workbook.data.crypt_run import remove as _remove
from workbook.data.crypt_run import remove_journal as _remove_journal
from workbook.data.crypt_run import write_journal as _write_journal
from workbook.data.durable import fsync_folder, private_folder
from workbook.data.key_files import CryptError, KeyProblem
from workbook.data.layout import couple_id_base, is_id, unique
from workbook.data.places import write_atomic

__all__ = [
    "DECRYPTING",
    "ENCRYPTED",
    "ENCRYPTING",
    "PLAIN",
    "REKEYING",
    "CryptError",
    "KeyProblem",
    "check_keys",
    "needs_key",
    "state",
]

# The index names the couples' folders, which change here: a cache, it is made again.
_INDEX = "index.toml"


def open_folder(root: Path, secret: str, show_code: Callable[[str], None]) -> vault.Key:
    """Unwrap the key with the passphrase, finish an interrupted run, and unlock the folder;
    returns the key it is unlocked with.

    Raises ``WrongSecret`` for a wrong passphrase and ``KeyProblem`` for a key file that cannot
    be used. ``show_code`` gets a new recovery code when an interrupted run had not shown one.
    """
    key = key_files.unwrap(root, secret)
    if state(root) != ENCRYPTED:
        with _converting(root):
            key = finish(root, key, secret, show_code)
    # A decrypt that was finished here leaves a plain folder, which is used without a key.
    if vault.is_encrypted(root):
        vault.unlock(root, key)
    return key


def finish(root: Path, key: vault.Key, secret: str, show_code: Callable[[str], None]) -> vault.Key:
    """Finish an interrupted encrypt, decrypt or rekey (call under ``_converting``); returns
    the folder's key now."""
    current = state(root)
    if current == ENCRYPTING:
        _finish_encrypt(root, key, show_code)
    elif current == DECRYPTING:
        _finish_decrypt(root, key)
    elif current == REKEYING:
        from workbook.data.rekey import finish_rekey

        return finish_rekey(root, key, secret, show_code)
    elif current == PLAIN:
        _remove_journal(root)
    return key


def encrypt(root: Path, secret: str, show_code: Callable[[str], None]) -> None:
    """Encrypt the folder with a new data key wrapped by ``secret``; ``show_code`` is given the
    recovery code, once. Run again after an interruption, it finishes (with the same passphrase).
    A folder that was ever encrypted is refused: a second key would lock its files away."""
    vault.forget(root)
    check_keys(root)
    with _converting(root):
        current = state(root)
        if current == ENCRYPTED:
            raise CryptError(f"{root} is already encrypted")
        if current == DECRYPTING:
            raise CryptError("a decrypt of this folder was interrupted: run workbook decrypt first")
        if current == REKEYING:
            raise CryptError("a rekey of this folder was interrupted: run workbook rekey first")
        if current == ENCRYPTING:
            key = key_files.unwrap(root, secret)
        else:
            _check_idle(root)
            _remove_journal(root)
            private_folder(root)
            _write_journal(root, {"direction": "encrypt", "recovery_shown": False})
            key = vault.Key.generate()
            write_atomic(root / vault.KEY_FILE, vault.wrap(key, secret))
        _finish_encrypt(root, key, show_code)


def decrypt(root: Path, secret: str) -> None:
    """Turn the folder back into plain files, and remove its keys."""
    vault.forget(root)
    check_keys(root)
    with _converting(root):
        current = state(root)
        if current == PLAIN:
            _remove_journal(root)
            raise CryptError(f"{root} is not encrypted")
        if current == ENCRYPTING:
            raise CryptError(
                "an encrypt of this folder was interrupted: run workbook encrypt to finish it first"
            )
        if current == REKEYING:
            raise CryptError("a rekey of this folder was interrupted: run workbook rekey first")
        key = key_files.unwrap(root, secret)
        if current == ENCRYPTED:
            _check_idle(root)
            _write_journal(root, {"direction": "decrypt"})
        _finish_decrypt(root, key)


# The two directions


def _finish_encrypt(root: Path, key: vault.Key, show_code: Callable[[str], None]) -> None:
    vault.forget(root)
    journal = _journal(root) or {}
    if not journal.get("recovery_shown") or not os.path.lexists(root / vault.RECOVERY_FILE):
        # A code that was made but maybe never shown is replaced by one that is.
        code = vault.new_recovery_code()
        write_atomic(root / vault.RECOVERY_FILE, vault.wrap(key, code))
        show_code(code)
        _write_journal(root, {"direction": "encrypt", "recovery_shown": True})
    _remove(root / _INDEX)
    couples = root / "couples"
    for folder in _folders(couples):
        if vault.OPAQUE_ID.match(folder.name):
            _convert(folder, key, seal=True, root=root)
            continue
        target = _seal_couple_file(folder, key, root)
        # Sealed with the place each file is going to, once its folder has its new name.
        _convert(folder, key, seal=True, root=root, target=target)
        _rename(folder, target, set())
    _convert(root, key, seal=True, root=root)
    _remove_journal(root)


def _finish_decrypt(root: Path, key: vault.Key) -> None:
    vault.forget(root)
    couples = root / "couples"
    folders = [f for f in _folders(couples) if vault.OPAQUE_ID.match(f.name)]
    taken = {f.name for f in _folders(couples)}
    targets: dict[Path, str] = {}
    # Ids already chosen by an interrupted run are kept, so two couples never choose the same.
    for folder in folders:
        table = _couple_table(folder, key)
        claimed = table.get("id") if table else None
        if isinstance(claimed, str) and is_id(claimed) and not vault.OPAQUE_ID.match(claimed):
            targets[folder] = claimed
            taken.add(claimed)
    for folder in sorted(folders, key=lambda f: str((_couple_table(f, key) or {}).get("created"))):
        if folder not in targets:
            targets[folder] = _unseal_couple_file(folder, key, taken)
            taken.add(targets[folder])
    _remove(root / (_INDEX + vault.SUFFIX))
    for folder in folders:
        _convert(folder, key, seal=False, root=root)
        _rename(folder, targets[folder], {f.name for f in _folders(couples)})
    _convert(root, key, seal=False, root=root)
    for name in (vault.RECOVERY_FILE, vault.KEY_FILE):
        with contextlib.suppress(FileNotFoundError):
            (root / name).unlink()
    fsync_folder(root)
    _remove_journal(root)


# A couple's file: the id inside says which folder name it goes to


def _couple_table(folder: Path, key: vault.Key) -> dict[str, Any] | None:
    for name, sealed in (("couple.toml.age", True), ("couple.toml", False)):
        path = folder / name
        if not os.path.lexists(path):
            continue
        try:
            raw = _read(path)
            plain = places.split(key.unseal(raw))[1] if sealed else raw
            return tomlio.loads(plain.decode("utf-8-sig"))
        except (CryptError, ValueError, UnicodeDecodeError):
            return None
    return None


def _seal_couple_file(folder: Path, key: vault.Key, root: Path) -> str:
    """The opaque id the folder goes to, recorded in its (sealed) ``couple.toml``."""
    table = _couple_table(folder, key)
    claimed = table.get("id") if table else None
    if isinstance(claimed, str) and vault.OPAQUE_ID.match(claimed):
        return claimed
    target = vault.new_couple_id()
    if table is not None and claimed == folder.name:
        table["id"] = target
        place = f"couples/{target}/couple.toml"
        plain = tomlio.dumps(table).encode("utf-8")
        write_atomic(
            folder / "couple.toml.age", places.seal_bytes(key, place, places.now_counter(), plain)
        )
        _remove(folder / "couple.toml")
    return target


def _unseal_couple_file(folder: Path, key: vault.Key, taken: set[str]) -> str:
    """The id made from the names that the folder goes back to, recorded in its plain file."""
    table = _couple_table(folder, key)
    names = _names(table)
    target = unique(couple_id_base(*names) if names else "couple", lambda c: c in taken)
    if table is not None and table.get("id") == folder.name:
        table["id"] = target
        write_atomic(folder / "couple.toml", tomlio.dumps(table).encode("utf-8"))
        _remove(folder / "couple.toml.age")
    return target


def _names(table: dict[str, Any] | None) -> tuple[str, str] | None:
    partners = (table or {}).get("partners")
    if isinstance(partners, list) and len(partners) == 2:
        names = [p.get("name") if isinstance(p, dict) else None for p in partners]
        if isinstance(names[0], str) and isinstance(names[1], str):
            return names[0], names[1]
    return None


# Files


def _convert(
    top: Path, key: vault.Key, *, seal: bool, root: Path, target: str | None = None
) -> None:
    """Seal (or unseal) every file under ``top``; at the data folder's top, leave the keys and
    the journal; remove stale lock and temp files, whose names could tell something. Sealed
    files name their place, in the folder ``target`` when ``top`` is a couple folder that is
    going to be renamed to it."""
    destination = top if target is None else top.with_name(target)
    for folder, subfolders, files in os.walk(top):
        here = Path(folder)
        subfolders.sort()
        for name in sorted(files):
            path = here / name
            if here == top and name in _KEPT:
                continue
            if name.startswith(".wb-") and name.endswith(".tmp"):
                _remove(path)
            elif name == "couple.lock":
                continue  # it holds nothing, and its name says nothing
            elif name.endswith(".lock"):
                _remove(path)
            elif path.is_symlink():
                raise CryptError(f"{path} is a link; move it out of the data folder and run again")
            elif seal and not name.endswith(vault.SUFFIX):
                sealed = path.with_name(name + vault.SUFFIX)
                if not os.path.lexists(sealed):
                    place = places.place_of(root, destination / path.relative_to(top))
                    data = places.seal_bytes(key, place, places.now_counter(), _read(path))
                    write_atomic(sealed, data)
                _remove(path)
            elif not seal and name.endswith(vault.SUFFIX):
                plain_path = path.with_name(name[: -len(vault.SUFFIX)])
                if not os.path.lexists(plain_path):
                    write_atomic(plain_path, _unsealed(path, key, root))
                _remove(path)


def _unsealed(path: Path, key: vault.Key, root: Path) -> bytes:
    """The plain bytes of a sealed file, which must belong where it is (its header says)."""
    try:
        fields, body = places.split(key.unseal(_read(path)))
    except ValueError as error:
        raise CryptError(f"{path}: {error}") from error
    if fields is not None:
        place = places.place_of(root, path)
        if fields["place"] != place or fields["key"] != key.id:
            raise CryptError(
                f"{path}: {places.misplaced(place, fields['place'])}; then run the command again"
            )
    return body


def _folders(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_dir() and not p.is_symlink())


def _rename(folder: Path, target: str, taken: set[str]) -> None:
    if folder.name == target:
        return
    taken = taken | {p.name for p in _folders(folder.parent)}
    os.rename(folder, folder.with_name(unique(target, lambda c: c in taken)))
    fsync_folder(folder.parent)
