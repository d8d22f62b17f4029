"""``encrypt``, ``decrypt``, ``rekey``, ``passphrase`` and ``pin``: encryption at rest and the
practice PIN, each a prompt or a file for the secret, then one call to ``service.folder``."""

from __future__ import annotations

import argparse
from pathlib import Path

from workbook.cli import common
from workbook.cli.output import EXIT_OK, Fatal, err
from workbook.cli.prompts import ask, new_secret, read_secret, show_code, with_secret


def _encrypted_folder(args: argparse.Namespace) -> Path:
    """The data folder, which must be encrypted (for decrypt, rekey and passphrase)."""
    from workbook.service import folder

    root = folder.data_folder(args.data_dir)
    folder.require_encrypted(root)
    return root


def encrypt(args: argparse.Namespace) -> int:
    from workbook.service import folder

    root = folder.data_folder(args.data_dir)
    folder.can_encrypt(root)
    if folder.interrupted(root) == "encrypt":
        err("Finishing the encryption that was interrupted.")
        with_secret(args, root, lambda s: folder.encrypt(root, s, show_code))
    else:
        secret = new_secret(getattr(args, "passphrase_file", None))
        folder.encrypt(root, secret, show_code)
    err(f"{root} is encrypted. Every command and the app now ask for the passphrase.")
    return EXIT_OK


def rekey(args: argparse.Namespace) -> int:
    from workbook.service import folder

    root = _encrypted_folder(args)
    folder.check_keys(root)
    if folder.interrupted(root) == "rekey":
        err("Finishing the rekey that was interrupted.")
    with_secret(args, root, lambda s: folder.rekey(root, s, show_code))
    err(
        f"{root} has a new data key: every file is sealed again, and only the new recovery code "
        "opens it. An old key.age, the old recovery code, and copies of the files made before "
        "now do not open anything written from now on."
    )
    return EXIT_OK


def decrypt(args: argparse.Namespace) -> int:
    from workbook.service import folder

    root = _encrypted_folder(args)
    with_secret(args, root, lambda s: folder.decrypt(root, s))
    err(f"{root} is decrypted: its files are plain TOML again.")
    return EXIT_OK


def passphrase(args: argparse.Namespace) -> int:
    from workbook.service import folder

    root = _encrypted_folder(args)
    if args.lost:
        # The recovery code works with key.age there, missing or damaged: it writes a new one.
        folder.require_recovery(root)
        code = (
            read_secret(args.recovery_code_file, "recovery code")
            if args.recovery_code_file
            else ask("Recovery code: ")
        )
        new = new_secret(args.new_passphrase_file)
        folder.recover(root, code, new)
        err("The passphrase is set: key.age is written anew. No data file was rewritten.")
        return EXIT_OK
    key = with_secret(args, root, lambda s: folder.open_key(root, s))
    if args.new_recovery_code:
        folder.new_recovery_code(root, key, show_code)
        err("key.recovery.age is written anew; the code before it no longer works.")
        return EXIT_OK
    new = new_secret(args.new_passphrase_file)
    folder.change_passphrase(root, key, new)
    err("The passphrase is changed. No data file was rewritten.")
    return EXIT_OK


def pin(args: argparse.Namespace) -> int:
    """``workbook pin set`` / ``clear``: the practice PIN, kept only as a salted scrypt hash."""
    from workbook.service import folder

    store = common.store(args)
    folder.pin_allowed(store)
    if args.action == "clear":
        folder.clear_pin(store)
        err("The practice PIN is cleared.")
        return EXIT_OK
    folder.set_pin(store, _new_pin(args))
    err(
        "The practice PIN is set: from a couple's window, the caseload now opens only with it. "
        "settings.toml keeps a salted hash of it, never the PIN."
    )
    return EXIT_OK


def _new_pin(args: argparse.Namespace) -> str:
    from workbook.service import folder

    if args.pin_file is not None:
        return read_secret(args.pin_file, "PIN")
    for _ in range(3):
        secret = ask("New practice PIN: ")
        wrong = folder.pin_problem(secret)
        if wrong is None and ask("The PIN again: ") != secret:
            wrong = "the two did not match"
        if wrong is None:
            return secret
        err(f"Not set: {wrong}. Please try again.")
    raise Fatal("no practice PIN was set")
