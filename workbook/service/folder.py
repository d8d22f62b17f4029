"""The data folder: opening it, and encryption at rest (unlock, encrypt, decrypt, rekey, the
passphrase and the recovery code), and the practice PIN.

Asking for a passphrase is the face's work (a prompt, or a box on screen): these take it given.
A wrong passphrase or code raises ``WrongSecret``; a folder whose ``key.age`` cannot be used
raises ``KeyBroken`` before anything is asked or written; anything else that stops a run raises
``Refused`` or ``NotSaved`` with the reason.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from workbook.data import crypt_run, key_files, pin, vault
from workbook.data.layout import data_folder
from workbook.i18n.catalog import N_
from workbook.service.errors import AS_GIVEN, NotSaved, Refused, WrongSecret

if TYPE_CHECKING:
    from workbook.data.store import Store
    from workbook.i18n.said import Words

__all__ = ["data_folder"]

T = TypeVar("T")
ShowCode = Callable[[str], None]
MIN_PASSPHRASE = 8


class KeyBroken(Refused):
    """The folder's ``key.age`` is missing, damaged, a folder or a link: no passphrase opens it
    (the recovery code writes a new one)."""


def open_store(root: Path) -> Store:
    """The store of the data folder ``root`` (unlocked first, if it is encrypted)."""
    from workbook.data.store import Store

    return Store(root)


# The state of a folder


def needs_key(root: Path) -> bool:
    """True when the folder cannot be used before its passphrase is given."""
    return crypt_run.needs_key(root)


def check_keys(root: Path) -> None:
    """Raise ``KeyBroken`` for an encrypted folder whose key.age cannot be used, with what to
    do; nothing is read or written."""
    problem = key_files.problem(root)
    if problem is not None:
        raise KeyBroken(AS_GIVEN, problem=problem)


def require_encrypted(root: Path) -> None:
    """For decrypt, rekey and passphrase: raise ``Refused`` for a plain folder."""
    if crypt_run.state(root) == crypt_run.PLAIN:
        raise Refused(N_("{folder} is not encrypted"), folder=root)


def interrupted(root: Path) -> str | None:
    """``"encrypt"`` or ``"rekey"`` when such a run was interrupted, and is finished by the next
    run of it (``encrypt`` then asks for the passphrase it began with); else None."""
    return {crypt_run.ENCRYPTING: "encrypt", crypt_run.REKEYING: "rekey"}.get(crypt_run.state(root))


def recovery_note(root: Path) -> Words | None:
    """What to say when key.recovery.age is missing or damaged, else None."""
    return key_files.recovery_problem(root)


def recovery_usable(root: Path) -> bool:
    return key_files.file_problem(root / vault.RECOVERY_FILE) is None


def is_code(code: str) -> bool:
    """True for text shaped like a recovery code."""
    return bool(vault.normal_code(code))


# Encryption at rest


def unlock(root: Path, secret: str, show_code: ShowCode) -> None:
    """Unwrap the key with the passphrase, finish an interrupted run, and unlock the folder;
    ``show_code`` gets a new recovery code when an interrupted run had not shown one."""
    from workbook.data import crypt_folder

    _crypt(lambda: crypt_folder.open_folder(root, secret, show_code))


def encrypt(root: Path, secret: str, show_code: ShowCode) -> None:
    """Encrypt the folder under ``secret`` (a new one, or the one an interrupted run began
    with, which it finishes); ``show_code`` gets the recovery code."""
    from workbook.data import crypt_folder

    _crypt(lambda: crypt_folder.encrypt(root, secret, show_code))


def can_encrypt(root: Path) -> None:
    """Raise unless the folder may be encrypted: age available, never encrypted before (a
    folder that was gets no second key), and no other run to finish first."""
    check_keys(root)
    _crypt(vault.Key.generate)
    current = crypt_run.state(root)
    if current == crypt_run.ENCRYPTED:
        raise Refused(N_("{folder} is already encrypted"), folder=root)
    if current == crypt_run.REKEYING:
        said = N_("a rekey of {folder} was interrupted: run workbook rekey to finish it")
        raise Refused(said, folder=root)


def decrypt(root: Path, secret: str) -> None:
    from workbook.data import crypt_folder

    _crypt(lambda: crypt_folder.decrypt(root, secret))


def rekey(root: Path, secret: str, show_code: ShowCode) -> None:
    """A new data key, every file sealed again, a new recovery code (``show_code``)."""
    from workbook.data.rekey import rekey as run

    _crypt(lambda: run(root, secret, show_code))


def open_key(root: Path, secret: str) -> vault.Key:
    """The folder's data key, unwrapped with the passphrase (slow on purpose)."""
    return _crypt(lambda: key_files.unwrap(root, secret))


def change_passphrase(root: Path, key: vault.Key, new: str) -> None:
    """Wrap ``key`` (``open_key``) again with ``new``; no data file is rewritten."""
    from workbook.data import crypt_keys

    _crypt(lambda: crypt_keys.change_passphrase(root, key, new))


def new_recovery_code(root: Path, key: vault.Key, show_code: ShowCode) -> None:
    """A new recovery code (the old one stops working), given to ``show_code``."""
    from workbook.data import crypt_keys

    _crypt(lambda: crypt_keys.new_recovery_code(root, key, show_code))


def require_recovery(root: Path) -> None:
    """Raise ``Refused`` when key.recovery.age cannot be used, so no code can open the folder."""
    recovery = key_files.file_problem(root / vault.RECOVERY_FILE)
    if recovery is not None:
        if recovery is key_files.MISSING:
            said = N_(
                "key.recovery.age in {folder} is missing, so no recovery code can open the "
                "folder; restore key.recovery.age (or key.age) from a backup"
            )
        else:
            # TRANSLATORS: {problem} is what is wrong with the file ("is damaged: it is
            # empty").
            said = N_(
                "key.recovery.age in {folder} {problem}, so no recovery code can open the "
                "folder; restore key.recovery.age (or key.age) from a backup"
            )
        raise Refused(said, folder=root, problem=recovery)


def recover(root: Path, code: str, new: str) -> None:
    """Set the passphrase ``new`` with the recovery code; key.age is written anew (whether it
    was there, missing or damaged)."""
    from workbook.data import crypt_keys

    try:
        _crypt(lambda: crypt_keys.recover(root, code, new))
    except WrongSecret as error:
        raise WrongSecret(N_("that recovery code does not open this folder")) from error


def passphrase_problem(secret: str) -> str | None:
    if len(secret) < MIN_PASSPHRASE:
        return f"the passphrase must have at least {MIN_PASSPHRASE} characters"
    return None


# The practice PIN (``data/pin.py``)


def lock_of(store: Store) -> str | None:
    """What guards the caseload from a couple's window: ``pin.PIN``, ``pin.PASSPHRASE``, or
    None when nothing does."""
    return pin.lock_of(store.encrypted, store.load_settings())


def set_pin(store: Store, secret: str) -> None:
    """Keep a salted hash of the new PIN in settings.toml, never the PIN."""
    pin_allowed(store)
    wrong = pin.wrong(secret)
    if wrong is not None:
        raise Refused(AS_GIVEN, problem=wrong)
    _save(lambda: store.save_settings({pin.SETTING: pin.hashed(secret)}))


def clear_pin(store: Store) -> None:
    pin_allowed(store)
    _save(lambda: store.save_settings({}, forget=(pin.SETTING,)))


def pin_problem(secret: str) -> str | None:
    """Why ``secret`` cannot be a PIN, or None."""
    return pin.problem(secret)


def opens_lock(store: Store, lock: str | None, secret: str) -> bool:
    """True when ``secret`` opens the practice lock ``lock`` (slow on purpose: run it in a
    thread)."""
    if lock == pin.PASSPHRASE:
        try:
            key_files.unwrap(store.root, secret)
        except (vault.WrongSecret, vault.CryptUnavailable, key_files.CryptError):
            return False
        return True
    return pin.matches(store.load_settings().get(pin.SETTING), secret)


def pin_allowed(store: Store) -> None:
    """Raise ``Refused`` for an encrypted folder, whose passphrase is its practice lock."""
    if store.encrypted:
        said = N_(
            "this data folder is encrypted: its passphrase is the practice lock, and no PIN "
            "is needed (or used)"
        )
        raise Refused(said)


def _crypt(run: Callable[[], T]) -> T:
    """``run()``, its errors as the service's."""
    try:
        return run()
    except vault.WrongSecret as error:
        raise WrongSecret(N_("That passphrase does not open this folder.")) from error
    except key_files.KeyProblem as error:
        raise KeyBroken(AS_GIVEN, problem=error) from error
    except (key_files.CryptError, vault.CryptUnavailable) as error:
        raise Refused(AS_GIVEN, problem=error) from error
    except OSError as error:
        raise NotSaved(AS_GIVEN, problem=error) from error


def _save(run: Callable[[], Any]) -> None:
    try:
        run()
    except OSError as error:
        raise NotSaved(AS_GIVEN, problem=error) from error
