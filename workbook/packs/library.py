"""The pack library: the built-in packs, then the author's folders, which may override them.

A broken pack never stops the others from loading: it is kept, with its problems, for the caller
to show.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from workbook.packs.load import LoadedPack, load_pack
from workbook.packs.models import Pack

ENV_FOLDERS = "WORKBOOK_EXERCISES"
# The suggested first-session path, which opens with the private safety check; the library
# lists these first, in this order.
SUGGESTED_PATH = ("before-we-begin", "values", "respect", "chores", "check-in")


def builtin_folder() -> Path:
    """Where the built-in packs are: inside the installed package, or beside it in a checkout."""
    here = Path(__file__).resolve().parent.parent
    installed = here / "exercises"
    return installed if installed.is_dir() else here.parent / "exercises"


def pack_files(folder: Path) -> list[Path]:
    """The ``*.toml`` files under ``folder``, in a stable order, skipping hidden ones.

    A folder named like a pack is not one; anything else that is not a regular file is kept,
    for the loader to refuse with a reason.
    """
    return sorted(
        path
        for path in folder.rglob("*.toml")
        if not any(part.startswith(".") for part in path.relative_to(folder).parts)
        and not path.is_dir()
    )


def folders_from_env(environ: Mapping[str, str]) -> list[Path]:
    """The folders named by ``$WORKBOOK_EXERCISES``, separated by the OS path separator."""
    value = environ.get(ENV_FOLDERS, "")
    return [Path(part).expanduser() for part in value.split(os.pathsep) if part.strip()]


@dataclass
class Library:
    """Every pack that loaded, by id, and the files that did not."""

    packs: dict[str, LoadedPack] = field(default_factory=dict)
    broken: list[LoadedPack] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def pack(self, pack_id: str) -> Pack:
        """The valid pack with id ``pack_id``."""
        found = self.packs[pack_id].pack
        assert found is not None
        return found

    def ordered(self) -> list[LoadedPack]:
        """The packs in the suggested order, then by title."""

        def key(loaded: LoadedPack) -> tuple[int, str]:
            assert loaded.pack is not None
            pack = loaded.pack
            rank = (
                SUGGESTED_PATH.index(pack.id) if pack.id in SUGGESTED_PATH else len(SUGGESTED_PATH)
            )
            return rank, pack.title.casefold()

        return sorted(self.packs.values(), key=key)

    def add(self, loaded: LoadedPack) -> None:
        """Add one loaded file, noting overrides and repeated ids."""
        if loaded.pack is None:
            self.broken.append(loaded)
            return
        pack_id = loaded.pack.id
        previous = self.packs.get(pack_id)
        if previous is None:
            self.packs[pack_id] = loaded
        elif previous.builtin and not loaded.builtin:
            self.notes.append(f'{loaded.file} overrides the built-in pack "{pack_id}"')
            self.packs[pack_id] = loaded
        else:
            self.notes.append(
                f'{loaded.file} is ignored: the pack id "{pack_id}" is already used by '
                f"{previous.file}"
            )


def load_library(
    folders: Sequence[Path] = (),
    environ: Mapping[str, str] | None = None,
    *,
    builtin: bool = True,
) -> Library:
    """Load the built-in packs, then ``folders``, then the folders of ``$WORKBOOK_EXERCISES``."""
    library = Library()
    if builtin:
        for file in pack_files(builtin_folder()):
            library.add(load_pack(file, builtin=True))
    user_folders = [*folders, *folders_from_env(os.environ if environ is None else environ)]
    for file in _user_files(user_folders, library):
        library.add(load_pack(file))
    return library


def _user_files(folders: Iterable[Path], library: Library) -> list[Path]:
    files: list[Path] = []
    for folder in folders:
        if folder.is_file():
            files.append(folder)
        elif folder.is_dir():
            files += pack_files(folder)
        else:
            library.notes.append(f"{folder}: no such exercise folder")
    return list(dict.fromkeys(path.absolute() for path in files))
