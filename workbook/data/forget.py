"""Forgetting a couple: what is left of them outside their folder once it is deleted.

The couple's folder holds all of their own files (sessions, notes, agreements, the agreement
document, exports, backups); deleting it is the caller's job. Two things outside it can still
speak of them: the pack store, which keeps every pack version a session used, and the home
table's cache, ``index.toml``. So a delete calls ``pack_digests`` first, then deletes the folder,
then ``forget_leftovers``, which removes the kept packs that no remaining session uses and the
cache (deleting it loses nothing; it is rebuilt). Works the same in an encrypted folder.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbook.data import vault
from workbook.data.durable import fsync_folder
from workbook.data.files import DataError

if TYPE_CHECKING:
    from workbook.data.store import Store

INDEX_FILE = "index.toml"


def pack_digests(store: Store, couple_id: str) -> set[str]:
    """The digests of the packs the couple's sessions used (call it before the delete)."""
    found: set[str] = set()
    for session_id in store.session_ids(couple_id):
        with contextlib.suppress(DataError, ValueError):
            found |= _digests(store._read(store.layout.session_file(couple_id, session_id)))
    return found


def forget_leftovers(store: Store, digests: set[str], *, cache: bool = True) -> list[Path]:
    """After a couple's folder is deleted: remove the kept packs in ``digests`` that no other
    session uses, and (unless ``cache`` is False, when the couple's entry was already taken out
    of it) the home table's cache. Returns what was removed (paths on disk)."""
    still_used: set[str] = set()
    for couple_id in store.couple_ids():
        still_used |= pack_digests(store, couple_id)
    removed: list[Path] = []
    for digest in sorted(digests - still_used):
        path = store.packs.path(digest)
        if path is not None:
            removed += _remove(vault.disk(path))
    if cache:
        removed += _remove(vault.disk(store.root / INDEX_FILE))
    for folder in {p.parent for p in removed}:
        with contextlib.suppress(OSError):
            fsync_folder(folder)
    return removed


def _digests(table: dict[str, Any]) -> set[str]:
    packs = table.get("packs")
    if not isinstance(packs, dict):
        return set()
    return {
        use["digest"]
        for use in packs.values()
        if isinstance(use, dict) and isinstance(use.get("digest"), str)
    }


def _remove(path: Path) -> list[Path]:
    if not os.path.lexists(path) or path.is_dir():
        return []
    try:
        path.unlink()
    except OSError:
        return []
    return [path]
