"""The pack library: the built-in packs, then the author's folders, which may override them.

A broken pack never stops the others from loading: it is kept, with its problems, for the caller
to show.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from workbook.i18n.tags import SOURCE, best_match, normalize
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
    """Every pack that loaded, by id and language, and the files that did not.

    One id may exist in several languages (``values.toml``, ``values.es.toml``): the pack's own
    ``language`` says which it is, never the file's name. ``packs`` has one version of each id,
    the source language's (English) where there is one, else the first loaded; ``in_language``
    gives the versions a couple of another language walks.
    """

    packs: dict[str, LoadedPack] = field(default_factory=dict)
    broken: list[LoadedPack] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # id -> language tag -> the version in that language, in the order loaded.
    versions: dict[str, dict[str, LoadedPack]] = field(default_factory=dict)

    def pack(self, pack_id: str, language: str | None = None) -> Pack:
        """The valid pack with id ``pack_id``, in ``language`` where it exists."""
        found = self.version(pack_id, language).pack
        assert found is not None
        return found

    def version(self, pack_id: str, language: str | None = None) -> LoadedPack:
        """The version of ``pack_id`` a couple speaking ``language`` walks: theirs where it
        exists, else the default one (``packs``). Raises KeyError for an unknown id."""
        default = self.packs[pack_id]
        tag = best_match(language, self.versions.get(pack_id, {}))
        return default if tag is None else self.versions[pack_id][tag]

    def languages(self, pack_id: str) -> list[str]:
        """The languages ``pack_id`` is written in, in the order loaded."""
        return list(self.versions.get(pack_id, {}))

    def in_language(self, language: str | None) -> dict[str, LoadedPack]:
        """Every id, each in ``language`` where it exists, else in its default version."""
        return {pack_id: self.version(pack_id, language) for pack_id in self.packs}

    def speaks(self, pack_id: str, language: str | None) -> bool:
        """True when ``pack_id`` exists in ``language`` (or its language without region)."""
        return best_match(language or SOURCE, self.versions.get(pack_id, {})) is not None

    def ordered(self, language: str | None = None) -> list[LoadedPack]:
        """The packs in the suggested order, then by title; each in ``language`` where it
        exists."""

        def key(loaded: LoadedPack) -> tuple[int, str]:
            assert loaded.pack is not None
            pack = loaded.pack
            rank = (
                SUGGESTED_PATH.index(pack.id) if pack.id in SUGGESTED_PATH else len(SUGGESTED_PATH)
            )
            return rank, pack.title.casefold()

        return sorted(self.in_language(language).values(), key=key)

    def add(self, loaded: LoadedPack) -> None:
        """Add one loaded file, noting overrides and repeated ids (an id is repeated only in
        the same language)."""
        if loaded.pack is None:
            self.broken.append(loaded)
            return
        pack_id = loaded.pack.id
        language = normalize(loaded.pack.language) or loaded.pack.language
        versions = self.versions.setdefault(pack_id, {})
        previous = versions.get(language)
        named = f'"{pack_id}"' if language == SOURCE else f'"{pack_id}" ({language})'
        if previous is None:
            versions[language] = loaded
        elif previous.builtin and not loaded.builtin:
            self.notes.append(f"{loaded.file} overrides the built-in pack {named}")
            versions[language] = loaded
        else:
            self.notes.append(
                f"{loaded.file} is ignored: the pack id {named} is already used by {previous.file}"
            )
            return
        self.packs[pack_id] = versions.get(SOURCE) or next(iter(versions.values()))


def other_language(library: Library, pack_id: str, language: str | None) -> str:
    """What a couple speaking ``language`` is told of a pack not written in it ("only in
    English"), in their language; empty when it is written in theirs."""
    if library.speaks(pack_id, language):
        return ""
    from workbook.i18n.names import only_in

    return only_in(library.languages(pack_id), language)


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
