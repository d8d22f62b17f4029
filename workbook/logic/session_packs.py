"""The packs a session walks: the versions it began with, from the pack store.

A session records, for each pack of its agenda, the digest of the pack file it used. Resuming
and exporting read that version from the pack store, so an edit to the pack, or its removal,
never changes a session. Sessions saved before the store existed fall back to the library when
the library holds the same version, and that version is then kept in the store.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from workbook.data.durable import SaveError
from workbook.data.models import Session
from workbook.data.store import Store
from workbook.i18n.catalog import N_
from workbook.packs.load import LoadedPack, parse_pack
from workbook.packs.models import Pack

CHANGED = N_(
    "This pack has changed since the session, and the version it used is not kept: the prompts "
    "are today's."
)
MISSING = N_(
    "This pack is not in the library any more, and this session did not keep a copy, so its "
    "prompts are missing. The answers are kept in the session file."
)


@dataclass(frozen=True)
class SessionPack:
    """One pack of a session's agenda: the version to use, and a note when it is not the one
    the session began with (or there is none)."""

    id: str
    pack: Pack | None
    note: str | None = None


def session_packs(
    session: Session, store: Store, library: Mapping[str, LoadedPack], *, keep: bool = True
) -> dict[str, SessionPack]:
    """Each pack of ``session``'s agenda, by id. ``keep=False`` for a window that only watches:
    a version found only in the library is used, and not copied into the pack store."""
    found: dict[str, SessionPack] = {}
    for pack_id in session.agenda:
        found[pack_id] = _resolve(pack_id, session, store, library.get(pack_id), keep)
    return found


def packs_in_use(
    session: Session, store: Store, library: Mapping[str, LoadedPack]
) -> dict[str, Pack]:
    """The packs ``session`` used that can be read, by id."""
    found = session_packs(session, store, library)
    return {pack_id: used.pack for pack_id, used in found.items() if used.pack is not None}


# Parsed pack versions by digest: a digest names the bytes, so a parse never goes stale, and a
# history of hundreds of sessions parses each version once.
_PARSED: dict[str, Pack | None] = {}


def _kept(store: Store, digest: str, pack_id: str) -> Pack | None:
    if digest not in _PARSED:
        raw = store.packs.load(digest)
        loaded = parse_pack(raw, store.packs.path(digest) or Path(pack_id)) if raw else None
        if raw is None:
            return None  # not kept yet: it may be kept later, so this is not remembered
        _PARSED[digest] = loaded.pack if loaded is not None else None
    return _PARSED[digest]


def _resolve(
    pack_id: str, session: Session, store: Store, current: LoadedPack | None, keep: bool = True
) -> SessionPack:
    use = session.packs.get(pack_id)
    if use is not None:
        kept = _kept(store, use.digest, pack_id)
        if kept is not None and kept.id == pack_id:
            return SessionPack(pack_id, kept)
        if current is not None and current.pack is not None and current.digest == use.digest:
            if keep:
                _keep(store, current)
            return SessionPack(pack_id, current.pack)
    if current is not None and current.pack is not None:
        note = CHANGED if use is not None else None
        return SessionPack(pack_id, current.pack, note)
    return SessionPack(pack_id, None, MISSING)


def _keep(store: Store, loaded: LoadedPack) -> None:
    # Keeping the copy only spares the next reader the fallback: a folder that cannot be written
    # still has the library's copy, so the session is not affected.
    if loaded.raw:
        with contextlib.suppress(SaveError, OSError):
            store.keep_pack(loaded.raw)


def begin_packs(session: Session, store: Store, packs: list[LoadedPack]) -> None:
    """Record, and keep, the version of each pack a new session uses. Raises ``SaveError``."""
    from workbook.data.models import PackUse

    for loaded in packs:
        assert loaded.pack is not None
        digest = store.keep_pack(loaded.raw) if loaded.raw else loaded.digest
        session.packs[loaded.pack.id] = PackUse(title=loaded.pack.title, digest=digest)
