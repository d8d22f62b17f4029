"""Where things live in the data folder, and how ids are made."""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path

ENV_DATA_DIR = "WORKBOOK_DATA_DIR"
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def data_folder(option: Path | None, environ: Mapping[str, str] | None = None) -> Path:
    """``--data-dir``, else ``$WORKBOOK_DATA_DIR``, else the platform's user data folder."""
    environ = os.environ if environ is None else environ
    if option is not None:
        return option.expanduser().absolute()
    if environ.get(ENV_DATA_DIR):
        return Path(environ[ENV_DATA_DIR]).expanduser().absolute()
    import platformdirs  # only needed when no folder was named

    return Path(platformdirs.user_data_dir("workbook", appauthor=False))


class Layout:
    """The paths of one data folder (DESIGN.md section 5)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.couples = root / "couples"
        self.packs = root / "packs"
        self.settings_file = root / "settings.toml"

    def couple_folder(self, couple_id: str) -> Path:
        return self.couples / _checked(couple_id)

    def couple_file(self, couple_id: str) -> Path:
        return self.couple_folder(couple_id) / "couple.toml"

    def agreements_file(self, couple_id: str) -> Path:
        return self.couple_folder(couple_id) / "agreements.toml"

    def homework_file(self, couple_id: str) -> Path:
        return self.couple_folder(couple_id) / "homework.toml"

    def agreement_document(self, couple_id: str) -> Path:
        return self.couple_folder(couple_id) / "agreement.md"

    def sessions_folder(self, couple_id: str) -> Path:
        return self.couple_folder(couple_id) / "sessions"

    def session_file(self, couple_id: str, session_id: str) -> Path:
        return self.sessions_folder(couple_id) / f"{_checked(session_id)}.toml"

    def notes_file(self, couple_id: str, session_id: str) -> Path:
        """The counsellor's notes on a session: written only under their own lock."""
        return self.sessions_folder(couple_id) / f"{_checked(session_id)}.notes.toml"


def is_id(text: str) -> bool:
    """True when ``text`` can name a couple or a session (and so, safely, a file)."""
    return bool(ID_PATTERN.match(text)) and len(text) <= 120


def _checked(identifier: str) -> str:
    # Ids become file names: one from a command line must never climb out of the folder.
    if not is_id(identifier):
        raise ValueError(f'"{identifier}" is not a valid id')
    return identifier


def slug(name: str, fallback: str) -> str:
    """A lowercase ASCII id part made from ``name``: "Zoë Ann" gives "zoe-ann"."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    made = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:40].strip("-")
    return made or fallback


def unique(base: str, taken: Callable[[str], bool]) -> str:
    """``base``, or ``base-2``, ``base-3``, ... whichever is not taken."""
    candidate, number = base, 1
    while taken(candidate):
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def couple_id_base(name_a: str, name_b: str) -> str:
    return f"{slug(name_a, 'partner-a')}-and-{slug(name_b, 'partner-b')}"


def session_id_base(when: datetime) -> str:
    return when.strftime("%Y-%m-%d-%H%M")
