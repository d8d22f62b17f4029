"""``workbook rekey``: a new data key, every file sealed again under it, and a new recovery code,
safe against a kill at any point (DESIGN.md sections 5 and 6).

Changing the passphrase wraps the same data key again, so an old ``key.age`` with the old
passphrase would still open everything written since. A rekey replaces the key itself. Its steps,
each durable before the next:

1. the journal says a rekey has begun;
2. ``key.next.age`` holds the new key, sealed to the old one, so that whatever opens the old key
   (the passphrase, or the recovery code) reaches the new one too; the journal names its id;
3. every sealed file is sealed again under the new key, its header (place and counter) kept; a
   file is always whole, under one key or the other;
4. ``key.recovery.age`` becomes the new key wrapped by a new recovery code, shown once;
5. ``key.age`` becomes the new key wrapped by the passphrase;
6. ``key.next.age`` is removed, then the journal.

Killed anywhere, the folder opens with the passphrase (or the recovery code: the old one until
step 4, the new one after it), and the app or any command finishes the rekey before anything
else; ``workbook rekey`` run again finishes it too. Nothing here runs while a window has a
session open, nor in a folder whose ``key.age`` cannot be used.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from workbook.data import crypt_run, key_files, places, vault
from workbook.data.crypt_run import (
    KEPT,
    check_idle,
    converting,
    journal,
    read_file,
    remove,
    remove_journal,
    write_journal,
)
from workbook.data.durable import fsync_folder
from workbook.data.key_files import CryptError
from workbook.data.places import write_atomic


def rekey(root: Path, secret: str, show_code: Callable[[str], None]) -> vault.Key:
    """Replace the folder's data key, unwrapped by the passphrase ``secret``; ``show_code`` is
    given the new recovery code. Run again after an interruption, it finishes. Returns the new
    key."""
    vault.forget(root)
    crypt_run.check_keys(root)
    with converting(root):
        current = crypt_run.state(root)
        if current == crypt_run.PLAIN:
            raise CryptError(f"{root} is not encrypted")
        if current in (crypt_run.ENCRYPTING, crypt_run.DECRYPTING):
            verb = "encrypt" if current == crypt_run.ENCRYPTING else "decrypt"
            raise CryptError(
                f"an interrupted {verb} of this folder must finish first: run workbook {verb}"
            )
        key = key_files.unwrap(root, secret)
        if current == crypt_run.ENCRYPTED:
            check_idle(root)
            write_journal(root, {"direction": "rekey"})
        return finish_rekey(root, key, secret, show_code)


def finish_rekey(
    root: Path, key: vault.Key, secret: str, show_code: Callable[[str], None]
) -> vault.Key:
    """Carry a rekey through from wherever it stopped (call under ``converting``); ``key`` is
    what ``key.age`` or the recovery code unwrapped, the old key or the new one."""
    vault.forget(root)
    run: dict[str, Any] = journal(root) or {}
    old, new = _keys(root, key, run)
    if run.get("new") != new.id:
        run = {"direction": "rekey", "new": new.id}
        write_journal(root, run)
    _reseal(root, old, new)
    if not run.get("recovery_shown"):
        # A code made but maybe never shown is replaced by one that is (as in encrypt).
        code = vault.new_recovery_code()
        write_atomic(root / vault.RECOVERY_FILE, vault.wrap(new, code))
        show_code(code)
        write_journal(root, {**run, "recovery_shown": True})
    write_atomic(root / vault.KEY_FILE, vault.wrap(new, secret))
    remove(root / vault.NEXT_KEY_FILE)
    fsync_folder(root)
    remove_journal(root)
    return new


def _keys(root: Path, key: vault.Key, run: dict[str, Any]) -> tuple[vault.Key | None, vault.Key]:
    """The old key (None once every file is under the new one) and the new key."""
    following = root / vault.NEXT_KEY_FILE
    if os.path.lexists(following):
        try:
            return key, vault.Key(key.unseal(read_file(following)).decode("utf-8", "replace"))
        except (ValueError, vault.WrongSecret) as error:
            if run.get("new") == key.id:
                return None, key
            raise CryptError(
                "key.next.age, the new key of the rekey that was interrupted, does not open "
                "with this key; nothing was changed"
            ) from error
    if run.get("new") == key.id:
        return None, key
    if run.get("new"):
        raise CryptError(
            "key.next.age, the new key of the rekey that was interrupted, is missing: restore "
            "it from a backup and run workbook rekey again; nothing was changed"
        )
    new = vault.Key.generate()
    write_atomic(following, key.seal(new.identity.encode("utf-8")))
    return key, new


def _reseal(root: Path, old: vault.Key | None, new: vault.Key) -> None:
    """Seal every file under ``new`` that is not yet; remove stale temp and lock files (their
    names come from the old key)."""
    for folder, subfolders, files in os.walk(root):
        here = Path(folder)
        subfolders.sort()
        for name in sorted(files):
            path = here / name
            if here == root and name in KEPT:
                continue
            stale = name.startswith(".wb-") and name.endswith(".tmp")
            if stale or (name.endswith(".lock") and name != "couple.lock"):
                remove(path)
            elif name.endswith(vault.SUFFIX) and not path.is_symlink():
                _reseal_file(root, path, old, new)


def _reseal_file(root: Path, path: Path, old: vault.Key | None, new: vault.Key) -> None:
    raw = read_file(path)
    try:
        new.unseal(raw)
        return
    except ValueError:
        pass
    try:
        if old is None:
            raise ValueError("it is sealed under neither key")
        fields, body = places.split(old.unseal(raw))
    except ValueError as error:
        raise CryptError(
            f"{path} cannot be decrypted with this folder's key ({error}): move it out of the "
            "data folder, then run workbook rekey again"
        ) from error
    place = fields["place"] if fields else places.place_of(root, path)
    counter = int(fields["counter"]) if fields else places.now_counter()
    write_atomic(path, places.seal_bytes(new, place, counter, body))
