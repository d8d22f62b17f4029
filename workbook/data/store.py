"""The data folder as a store: load and save couples, sessions and agreements, safely.

Every save goes through ``places.write_atomic``. A file's path is its identity: a file is always
saved back to the path it was read from, and never to one built from an id inside it. A file is
loaded read-only, and saving it raises ``ReadOnlyError``, when:

- a newer workbook wrote it;
- the id inside it disagrees with its name (a copied couple folder, a renamed session file);
- it is reached through a link, or its folder is;
- another process has the session open, or its lock file cannot be used.

Nothing is ever written through a link that leads out of the data folder. A file of an older
format is copied to a backup, then migrated and saved.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbook.data import vault
from workbook.data.durable import private_folder
from workbook.data.files import DataError, read_table
from workbook.data.folder_files import FolderFiles, ReadOnlyError
from workbook.data.layout import couple_id_base, is_id, session_id_base, unique
from workbook.data.locks import Busy, file_lock, release
from workbook.data.model_files import OUTSIDE, dumps, from_table, linked
from workbook.data.overview import Overview, read_overview
from workbook.data.read_only_reasons import Reason
from workbook.data.version import FORMAT
from workbook.i18n.catalog import N_
from workbook.i18n.said import Words
from workbook.reading import Linked, reason_for

if TYPE_CHECKING:
    from workbook.data.models import Agreements, Couple, Session
    from workbook.data.notes import NotesFile

__all__ = ["DataError", "Overview", "ReadOnlyError", "Store"]

SESSION_IN_USE = Words(
    N_(
        "This session is open in another workbook window, so it is shown here read-only. "
        "Close the other window to make changes here."
    )
)

NEWER_HOMEWORK = Words(N_("a newer workbook wrote it; it is left as it is (update workbook)"))


class Store(FolderFiles):
    """One data folder."""

    # Couples

    def couple_ids(self) -> list[str]:
        folder = self.layout.couples
        if not folder.is_dir():
            return []
        return sorted(p.name for p in folder.iterdir() if is_id(p.name) and p.is_dir())

    def load_couple(self, couple_id: str) -> Couple:
        """The couple in folder ``couple_id``, whatever id its file claims."""
        from workbook.data.models import Couple

        return self._load(self.layout.couple_file(couple_id), "couple", Couple, couple_id)

    def overview(self, couple_id: str, today: date) -> Overview:
        """What the home screen and ``workbook couples`` show of a couple, read without the
        models; raises ``DataError`` only when the couple file itself cannot be read."""
        return read_overview(
            self.layout, couple_id, today, self._read, self.session_ids, self.read_head
        )

    def create_couple(
        self,
        name_a: str,
        name_b: str,
        facilitator: str | None = None,
        when: datetime | None = None,
        *,
        language: str | None = None,
    ) -> Couple:
        """Make a new couple folder with a unique id made from the names, and save it
        (``language``: theirs, when it is not the app's)."""
        from workbook.data.models import Couple, Partner, now

        partners = [Partner(key="a", name=name_a), Partner(key="b", name=name_b)]
        # In an encrypted folder the folder's name says nothing: the names are only inside.
        opaque = vault.key_of(self.root) is not None
        base = vault.new_couple_id() if opaque else couple_id_base(*(p.name for p in partners))
        private_folder(self.layout.couples)
        while True:
            couple_id = unique(base, lambda c: os.path.lexists(self.layout.couple_folder(c)))
            try:
                self.layout.couple_folder(couple_id).mkdir(mode=0o700)
            except FileExistsError:
                continue  # another process took this id a moment ago
            break
        couple = Couple(
            id=couple_id,
            created=when or now(),
            facilitator=facilitator or None,
            language=language or None,
            partners=partners,
        )
        self.save_couple(couple)
        return couple

    def save_couple(self, couple: Couple) -> None:
        self._save(self.layout.couple_file(couple.id), couple)

    def update_couple(self, couple_id: str, change: Callable[[Couple], None]) -> Couple:
        """Change the couple's file under the couple's lock (names, facilitator, archived),
        keeping everything else in it; raises ``DataError`` or ``SaveError``."""
        with self.couple_lock(couple_id):
            couple = self.load_couple(couple_id)
            reason = self.couple_reason(couple_id)
            if reason is not None:
                raise ReadOnlyError(self.layout.couple_file(couple_id), reason)
            change(couple)
            self.save_couple(couple)
        return couple

    def release_couple(self, couple_id: str) -> None:
        """Let go of the locks this store holds on the couple's sessions (before deleting
        them: ``service.caseload.delete``)."""
        for path in [p for p in self._session_locks if p.parent.parent.name == couple_id]:
            self.release_session(couple_id, path.stem)

    # Sessions

    def session_ids(self, couple_id: str) -> list[str]:
        folder = self.layout.sessions_folder(couple_id)
        if not folder.is_dir():
            return []
        return sorted(stem for stem in vault.stems(folder, ".toml") if is_id(stem))

    def load_session(self, couple_id: str, session_id: str) -> Session:
        """The session in file ``session_id``, whatever id the file claims."""
        from workbook.data.models import Session

        path = self.layout.session_file(couple_id, session_id)
        return self._load(path, "session", Session, session_id)

    def peek_session(self, couple_id: str, session_id: str) -> Session:
        """The session as its file holds it now, for a window that only watches (the console):
        no lock is taken, nothing is migrated or written, and this store's read-only marks are
        left as they were. Raises ``DataError``."""
        from workbook.data.models import Session

        path = self.layout.session_file(couple_id, session_id)
        # The file itself, or its sealed twin in an encrypted folder: neither is followed out.
        for on_disk in (path, path.with_name(path.name + ".age")):
            if linked(on_disk, self.root) == "outside":
                raise DataError(path, OUTSIDE)
        session, _ = from_table(path, "session", read_table(path), Session)
        session.id = session_id
        return session

    def earlier_sessions(self, couple_id: str, before: str) -> list[Session]:
        """The couple's sessions other than ``before`` that can be read, oldest first."""
        found = []
        for session_id in self.session_ids(couple_id):
            if session_id == before:
                continue
            with contextlib.suppress(DataError):
                found.append(self.load_session(couple_id, session_id))
        return found

    def new_session(
        self, couple_id: str, agenda: list[str], when: datetime | None = None
    ) -> Session:
        """Start a session with a unique id, lock it for this process, and save it."""
        from workbook.data.models import Session, now

        reason = self.couple_reason(couple_id)
        if reason is not None:
            raise ReadOnlyError(self.layout.couple_file(couple_id), reason)
        when = when or now()
        with self.couple_lock(couple_id):
            session_id = unique(
                session_id_base(when),
                lambda s: vault.exists(self.layout.session_file(couple_id, s)),
            )
            session = Session(id=session_id, started=when, updated=when, agenda=agenda)
            self.lock_session(couple_id, session_id)
            self.save_session(couple_id, session, stamp=False)
        return session

    def save_session(self, couple_id: str, session: Session, *, stamp: bool = True) -> None:
        """Save ``session``, stamping its ``updated`` time unless asked not to."""
        from workbook.data.models import now

        path = self.layout.session_file(couple_id, session.id)
        reason = self._refusal(path)
        if reason is not None:
            raise ReadOnlyError(path, reason)
        if stamp:
            session.updated = now()
        self._save(path, session)

    def notes(self, couple_id: str, session_id: str, legacy: str = "") -> NotesFile:
        """The counsellor's notes file of a session (``legacy``: the notes an older version kept
        in the session file, shown with the new ones)."""
        from workbook.data.notes import NotesFile  # the notes' modules load when needed

        session_file = self.layout.session_file(couple_id, session_id)
        return NotesFile(session_file, legacy, self.layout.couple_file(couple_id))

    def lock_session(self, couple_id: str, session_id: str) -> Reason | None:
        """Hold the session's sidecar lock; if that cannot be done, mark it read-only.

        Tries again each time, so a session another window has let go of becomes writable.
        Returns the reason the session is read-only, or None when this process may write it.
        """
        path = self.layout.session_file(couple_id, session_id)
        if path in self._session_locks:
            return self.session_reason(couple_id, session_id)
        self._in_use.pop(path, None)
        refused = self._refusal(path)
        if refused is not None:
            return refused
        lock_path = vault.lock_file(path)
        try:
            private_folder(path.parent)
            if linked(lock_path, self.root) is not None:
                raise Linked()
            lock = file_lock(lock_path, 0)
        except Busy:
            self._in_use[path] = SESSION_IN_USE
            return SESSION_IN_USE
        except OSError as error:
            self._in_use[path] = Words(
                N_(
                    "The session's lock file ({name}) cannot be used: {problem}. The session "
                    "is shown read-only; remove that file to make changes."
                ),
                name=lock_path.name,
                problem=reason_for(error),
            )
            return self._in_use[path]
        self._session_locks[path] = lock
        return self.session_reason(couple_id, session_id)

    def release_session(self, couple_id: str, session_id: str) -> None:
        lock = self._session_locks.pop(self.layout.session_file(couple_id, session_id), None)
        if lock is not None:
            release(lock)

    def close(self) -> None:
        """Let go of every session lock this store holds."""
        for lock in self._session_locks.values():
            release(lock)
        self._session_locks.clear()

    # Homework

    def homework_table(self, couple_id: str) -> dict[str, Any]:
        """``homework.toml`` as its table (empty when there is none); raises ``DataError``."""
        path = self.layout.homework_file(couple_id)
        return self._read(path) if vault.exists(path) else {"format": FORMAT}

    def update_homework(
        self, couple_id: str, change: Callable[[dict[str, Any]], None]
    ) -> dict[str, Any]:
        """Change ``homework.toml`` under the couple's lock, applied to what is on disk then;
        raises ``DataError`` when it cannot be read, ``SaveError`` when it cannot be saved, and
        ``ReadOnlyError`` when it is from a newer workbook or the couple is read-only."""
        path = self.layout.homework_file(couple_id)
        with self.couple_lock(couple_id):
            table = self.homework_table(couple_id)
            version = table.get("format")
            if not isinstance(version, int) or isinstance(version, bool):
                raise DataError(path, "the file has no format number (format = 1)")
            if version > FORMAT:
                raise ReadOnlyError(path, NEWER_HOMEWORK)
            reason = self._refusal(path)
            if reason is not None:
                raise ReadOnlyError(path, reason)
            change(table)
            self._write(path, dumps(path, table))
        return table

    # Agreements

    def load_agreements(self, couple_id: str) -> Agreements:
        from workbook.data.models import Agreements

        path = self.layout.agreements_file(couple_id)
        if not vault.exists(path):
            return Agreements()
        return self._load(path, "agreements", Agreements, None)

    def agreements_reason(self, couple_id: str) -> Reason | None:
        """Why the couple's agreements cannot be changed here, or None."""
        return self._refusal(self.layout.agreements_file(couple_id))

    def update_agreements(
        self,
        couple_id: str,
        change: Callable[[Agreements], Agreements],
        document: Callable[[Agreements], str],
    ) -> Agreements:
        """Change the agreements under the couple's lock, then save them and their document.

        ``document`` renders ``agreement.md`` from the changed agreements, so the two never
        disagree for longer than one save. Raises ``DataError`` when the agreements cannot be
        read, and ``SaveError`` when they cannot be saved.
        """
        path = self.layout.agreements_file(couple_id)
        with self.couple_lock(couple_id):
            agreements = self.load_agreements(couple_id)
            reason = self._refusal(path)
            if reason is not None:
                raise ReadOnlyError(path, reason)
            agreements = change(agreements)
            self._save(path, agreements)
            self.write_document(couple_id, document(agreements))
        return agreements

    def write_document(self, couple_id: str, text: str) -> None:
        """Write the couple's agreement document."""
        self._write(self.layout.agreement_document(couple_id), text.encode("utf-8"))

    def write_export(self, couple_id: str, name: str, text: str) -> Path:
        """Write an export into the couple's ``exports`` folder; returns where."""
        path = self.layout.couple_folder(couple_id) / "exports" / name
        self._write(path, text.encode("utf-8"))
        return path
