"""The passphrase prompts: a secret read from the first line of a file, or typed without echo
(a new one twice); an encrypted folder asked for up to three times."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from workbook.cli.output import Fatal, err, out

T = TypeVar("T")
WRONG = "That passphrase does not open this folder."


def read_secret(file: Path, what: str) -> str:
    from workbook.reading import Unreadable, read_limited

    try:
        lines = read_limited(file, 10_000).decode("utf-8", "replace").splitlines()
    except Unreadable as error:
        raise Fatal(f"{file}: {error.reason}") from error
    if not lines or not lines[0]:
        raise Fatal(f"{file}: the first line, the {what}, is empty")
    return lines[0]


def ask(prompt: str) -> str:
    import getpass

    try:
        return getpass.getpass(prompt)
    except EOFError as error:
        raise Fatal("no passphrase was given (use --passphrase-file FILE)") from error


def new_secret(file: Path | None, what: str = "passphrase") -> str:
    """A new passphrase: from ``file``, or typed twice without echo."""
    from workbook.service.folder import MIN_PASSPHRASE

    if file is not None:
        secret = read_secret(file, what)
    else:
        for _ in range(3):
            secret = ask(f"New {what}: ")
            if len(secret) < MIN_PASSPHRASE:
                err(f"Please use at least {MIN_PASSPHRASE} characters.")
                continue
            if ask(f"The {what} again: ") == secret:
                break
            err("The two did not match; please try again.")
        else:
            raise Fatal(f"no new {what} was set")
    if len(secret) < MIN_PASSPHRASE:
        raise Fatal(f"the {what} must have at least {MIN_PASSPHRASE} characters")
    return secret


def with_secret(args: argparse.Namespace, root: Path, attempt: Callable[[str], T]) -> T:
    """``attempt(passphrase)`` with the passphrase from the file, or asked up to three times;
    a folder whose key.age cannot be used is refused before any is asked."""
    from workbook.service import folder
    from workbook.service.errors import WrongSecret

    folder.check_keys(root)
    file = getattr(args, "passphrase_file", None)
    for _ in range(1 if file is not None else 3):
        secret = read_secret(file, "passphrase") if file else ask(f"Passphrase for {root}: ")
        try:
            return attempt(secret)
        except WrongSecret:
            err(f"{WRONG} (Lost it? workbook passphrase --lost)")
    raise Fatal(WRONG)


def show_code(code: str) -> None:
    err(
        "Your recovery code (it opens the folder if the passphrase is lost; write it down and "
        "keep it away from this computer; it is not shown again, and it replaces any code "
        "shown before):"
    )
    out(f"    {code}")
