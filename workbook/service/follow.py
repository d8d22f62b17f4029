"""Following a session from the counsellor's console: which session to follow, and what has
changed since the last look (the session file, the notes file, the couple's file), read without
a lock and never written.

A look costs a ``stat`` of three files (and of their sealed twins, ``name.age``, in an
encrypted folder: only this module knows that); a read happens only when one has changed, and
``Follower.read`` is safe to run in a thread.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbook.data import vault
from workbook.data.files import DataError
from workbook.i18n.said import AS_GIVEN, Words

if TYPE_CHECKING:
    from workbook.data.models import CareFlag, Couple, Session
    from workbook.data.notes import NotesFile, SessionNotes
    from workbook.data.store import Store
    from workbook.logic.live import Live
    from workbook.packs.load import LoadedPack
    from workbook.packs.models import Pack

Library = Callable[[], Mapping[str, "LoadedPack"]]
Signature = tuple[tuple[int, int, int] | None, ...]


@dataclass
class Found:
    """What a read found: the session (or why it could not be read), and the notes file, each
    only if it had changed."""

    session: Session | None = None
    # Why it could not be read (``Words`` said in a screen's language with ``said_in``).
    problem: str | Words | None = None
    packs: list[Pack] = field(default_factory=list)
    pack_notes: list[str] = field(default_factory=list)
    live: Live | None = None
    answers: str | None = None  # None: the same as last given
    notes: SessionNotes | None = None
    # Once the session followed has finished: the couple's unfinished session begun since.
    newer: str | None = None
    # The couple's file, when it changed: their care flag (None: none up), or gone.
    couple: bool = False
    care: CareFlag | None = None
    gone: bool = False


def signature(path: Path) -> Signature:
    """What changes when a file is saved (a save replaces the file): its time, size and inode,
    and those of its sealed twin ``name.age`` in an encrypted folder; None where there is none."""
    found: list[tuple[int, int, int] | None] = []
    for candidate in (path, path.with_name(path.name + ".age")):
        try:
            mark = os.stat(candidate)
        except OSError:
            found.append(None)
        else:
            found.append((mark.st_mtime_ns, mark.st_size, mark.st_ino))
    return tuple(found)


class Follower:
    """One session of one couple, followed: ``look`` says what changed, ``read`` reads it."""

    def __init__(
        self,
        store: Store,
        couple: Couple,
        session_id: str,
        library: Library,
        clock: Callable[[], datetime],
    ) -> None:
        self.store = store
        self.couple = couple
        self.session_id = session_id
        self.library = library
        self.clock = clock
        self.names: dict[str, str] = {p.key: p.name for p in couple.partners}
        self.session_file = store.layout.session_file(couple.id, session_id)
        self.couple_file = store.layout.couple_file(couple.id)
        self.notes: NotesFile = store.notes(couple.id, session_id)
        self._seen: dict[str, Signature] = {}
        self._newer_memo: dict[str, Any] = {}
        # The answers as last given: a save that changes none of them (an apart seat's
        # heartbeat, every 10 s) does not have the console write them again.
        self._answers: str | None = None

    def look(self, waiting: bool) -> set[str] | None:
        """The files changed since the last look (``session``, ``notes``, ``couple``), or None
        when there is nothing to read. ``waiting``: the session followed has finished and no
        newer one is known yet, so the couple's folder is looked at for the next one (the look
        reads nothing while the folder is unchanged)."""
        now_seen = {
            "session": signature(self.session_file),
            "notes": signature(self.notes.path),
            "couple": signature(self.couple_file),
        }
        changed = {name for name, mark in now_seen.items() if self._seen.get(name) != mark}
        if not changed and not waiting:
            return None
        self._seen.update(now_seen)
        return changed

    def read(self, changed: set[str], shown: Session | None) -> Found:
        """Read what ``changed``, and work out what to show (in a thread); ``shown`` is the
        session as last shown. Whatever the files hold, this returns."""
        found = Found()
        try:
            if not self.couple_file.parent.is_dir():
                found.gone = True
                return found
            if "couple" in changed:
                self._read_couple(found)
            if "session" in changed:
                self._read_session(found)
            if "notes" in changed:
                found.notes = self.notes.read()
            finished = found.session or shown
            if finished is not None and finished.finished is not None:
                walking = walking_now(self.store, [self.couple.id], self._newer_memo)
                if walking is not None and walking[1] != self.session_id:
                    found.newer = walking[1]
        except OSError as error:  # a watcher must keep watching, whatever the file holds
            # Said by its errno in the console's language (``i18n/os_words.py``).
            found.problem = Words(AS_GIVEN, problem=error)
        except Exception as error:
            found.problem = f"{type(error).__name__}: {error}"
        return found

    def _read_couple(self, found: Found) -> None:
        from workbook.data.care import read_flag

        found.couple = True
        with contextlib.suppress(DataError):
            flag = read_flag(self.store, self.couple.id)
            found.care = flag if flag is not None and flag.up else None

    def _read_session(self, found: Found) -> None:
        from workbook.export.console import answers_markdown
        from workbook.logic.live import live

        try:
            found.session = self.store.peek_session(self.couple.id, self.session_id)
        except DataError as error:
            found.problem = error.words
            return
        found.packs, found.pack_notes = self.packs(found.session)
        found.live = live(found.session, found.packs, self.clock())
        answers = answers_markdown(found.live, self.names)
        if answers != self._answers:
            found.answers = self._answers = answers

    def packs(self, session: Session) -> tuple[list[Pack], list[str]]:
        """The packs the session walks, as it kept them; the library only for older sessions."""
        from workbook.logic.session_packs import session_packs

        used = session_packs(session, self.store, {}, keep=False)
        if any(found.pack is None for found in used.values()):
            used = session_packs(session, self.store, self.library(), keep=False)
        packs = [found.pack for found in used.values() if found.pack is not None]
        notes = [f"{found.id}: {found.note}" for found in used.values() if found.note]
        return packs, notes


def walking_now(
    store: Store,
    couple_ids: Sequence[str] | None = None,
    memo: dict[str, Any] | None = None,
) -> tuple[str, str] | None:
    """The couple, and its unfinished session, saved last among ``couple_ids`` (every couple
    when None): the session a counsellor who names none follows. None when there is none.

    A session counts as Resume counts it: it has packs and no end, read from the top of its
    file only. ``memo``, kept by a caller that asks again and again (the console waiting for a
    session), holds what was found for each couple with the time of its sessions folder: a
    folder whose time has not changed is not read again. Every save replaces a file in that
    folder, which changes its time, so a caseload of thousands of sessions costs a look at
    each couple's folder, not a read of every file.
    """
    found: list[tuple[int, str, str]] = []
    for couple_id in store.couple_ids() if couple_ids is None else couple_ids:
        folder = store.layout.sessions_folder(couple_id)
        try:
            mark = folder.stat()
        except OSError:
            continue
        mark_of = (mark.st_mtime_ns, mark.st_ino, mark.st_size)
        known = memo.get(couple_id) if memo is not None else None
        if known is not None and known[0] == mark_of:
            latest = known[1]
        else:
            latest = _latest_unfinished(store, couple_id)
            if memo is not None:
                memo[couple_id] = (mark_of, latest)
        if latest is None:
            continue
        with contextlib.suppress(OSError):
            path = vault.disk(store.layout.session_file(couple_id, latest))
            found.append((path.stat().st_mtime_ns, couple_id, latest))
    if not found:
        return None
    _, couple_id, session_id = max(found)
    return couple_id, session_id


def _latest_unfinished(store: Store, couple_id: str) -> str | None:
    from workbook.data.overview import resumable

    for session_id in reversed(store.session_ids(couple_id)):
        try:
            top = store.read_head(store.layout.session_file(couple_id, session_id))
        except DataError:
            continue
        if resumable(top):
            return str(session_id)
    return None
