"""What most commands begin with: the data folder's store (unlocked first when it is
encrypted), and the pack library, its notes and broken packs said on stderr."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from workbook.cli.output import err
from workbook.cli.prompts import show_code, with_secret

if TYPE_CHECKING:
    from workbook.data.store import Store
    from workbook.packs.library import Library


def store(args: argparse.Namespace, *, unlock: bool = True) -> Store:
    from workbook.service import folder

    root = folder.data_folder(args.data_dir)
    if unlock and folder.needs_key(root):
        # Asks for the passphrase, and finishes an interrupted run.
        with_secret(args, root, lambda secret: folder.unlock(root, secret, show_code))
        missing = folder.recovery_note(root)
        if missing is not None:
            err(f"note: {missing}")
    return folder.open_store(root)


def library(args: argparse.Namespace, quiet: bool = False) -> Library:
    from workbook.packs.library import load_library

    loaded = load_library(args.exercises)
    if quiet:
        return loaded
    for note in loaded.notes:
        err(f"note: {note}")
    for broken in loaded.broken:
        for problem in broken.problems:
            err(f"broken pack: {problem}")
    return loaded
