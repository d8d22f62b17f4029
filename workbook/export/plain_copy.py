"""A plain copy of a couple's documents, out of an encrypted data folder, where they choose.

In an encrypted folder the agreement document and the summaries are sealed like everything else,
so the couple cannot open them there. This is the one place the app writes their words
unencrypted, on purpose and only where they ask: a folder outside the data folder (never inside
it, where a plain file would sit beside the sealed ones), each file 0600, durably, and the notice
says the copy is not encrypted.
"""

from __future__ import annotations

import os
from pathlib import Path

from workbook.data.durable import private_folder
from workbook.data.places import write_atomic
from workbook.i18n.catalog import N_, _

# Marked for the catalog, translated where shown.
NOT_ENCRYPTED = N_(
    "The copy is not encrypted: anyone who can open its folder can read it. Keep it safe, or "
    "delete it when you are done."
)


def default_folder() -> Path:
    """Where to suggest a copy goes: the user's Documents folder, else their home."""
    documents = Path.home() / "Documents"
    return documents if documents.is_dir() else Path.home()


def chosen_folder(typed: str, root: Path) -> Path | str:
    """The folder typed, made absolute, or why it cannot take a plain copy."""
    text = typed.strip()
    if not text:
        return _("Please type the folder for the copy.")
    folder = Path(os.path.abspath(Path(text).expanduser()))
    real_root = Path(os.path.realpath(root))
    if Path(os.path.realpath(folder)).is_relative_to(real_root):
        return _("That folder is inside the encrypted data folder: please choose one outside it.")
    if os.path.lexists(folder) and not folder.is_dir():
        return _("{path} is a file, not a folder.").format(path=folder)
    return folder


def write_copy(folder: Path, documents: list[tuple[str, str]]) -> list[Path]:
    """Write each (file name, text) into ``folder``; returns the paths. Raises ``SaveError``."""
    private_folder(folder)
    written = []
    for name, text in documents:
        path = folder / Path(name).name
        write_atomic(path, text.encode("utf-8"))
        written.append(path)
    return written
