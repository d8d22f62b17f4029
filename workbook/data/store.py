"""The data folder as a store: load and save couples, sessions and agreements, safely.

Every save goes through ``durable.write_atomic``. A file written by a newer workbook, or a session
that another process has open, is loaded read-only: saving it raises ``ReadOnlyError`` instead of
overwriting it. A file of an older format is copied to a backup, then migrated and saved.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from workbook import tomlio
from workbook.data.durable import (
    FILE_MODE,
    SaveError,
    private_folder,
    sweep_temp_files,
    write_atomic,
)
from workbook.data.layout import Layout, couple_id_base, is_id, session_id_base, unique
from workbook.data.migrate import MigrationError, migrate
from workbook.data.version import FORMAT
from workbook.text import clean_line

if TYPE_CHECKING:
    import filelock
    from pydantic import BaseModel

    from workbook.data.models import Agreements, Couple, Session

# The models (and pydantic) load when a file is first read or written, not at start-up, so
# that the home screen, which needs only an overview, draws sooner.
M = TypeVar("M", bound="BaseModel")
LOCK_WAIT_SECONDS = 10.0

SESSION_IN_USE = (
    "This session is open in another workbook window, so it is shown here read-only. "
    "Close the other window to make changes here."
)


@dataclass(frozen=True)
class Overview:
    """A couple at a glance."""

    id: str
    names: tuple[str, str]
    facilitator: str | None
    created: str | None
    sessions: int
    last_session: str | None
    agreements_active: int
    agreements_due: int


class DataError(Exception):
    """A data file that cannot be read: missing, not TOML, or not the expected shape."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


class ReadOnlyError(SaveError):
    """A file that was opened read-only cannot be saved."""


class Store:
    """One data folder."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.layout = Layout(root)
        # Files loaded read-only, with the reason to show the user.
        self.read_only: dict[Path, str] = {}
        self._session_locks: dict[Path, filelock.BaseFileLock] = {}

    def prepare(self) -> list[Path]:
        """Make the folders private and sweep temp files of interrupted saves."""
        private_folder(self.layout.couples)
        return sweep_temp_files(self.root)

    # Settings

    def load_settings(self) -> dict[str, Any]:
        """The app's settings (the theme), or none if there are none or they are unreadable."""
        try:
            return _read_table(self.layout.settings_file)
        except DataError:
            return {}

    def save_settings(self, settings: dict[str, Any]) -> None:
        write_atomic(self.layout.settings_file, tomlio.dumps(settings).encode("utf-8"))

    # Couples

    def couple_ids(self) -> list[str]:
        folder = self.layout.couples
        if not folder.is_dir():
            return []
        return sorted(p.name for p in folder.iterdir() if is_id(p.name) and p.is_dir())

    def load_couple(self, couple_id: str) -> Couple:
        from workbook.data.models import Couple

        return self._load(self.layout.couple_file(couple_id), "couple", Couple)

    def overview(self, couple_id: str, today: date) -> Overview:
        """What the home screen and ``workbook couples`` show of a couple, read without the
        models: names, facilitator, sessions, and agreements due for review."""
        path = self.layout.couple_file(couple_id)
        table = _read_table(path)
        partners = table.get("partners")
        if (
            not isinstance(partners, list)
            or len(partners) != 2
            or not all(isinstance(p, dict) and isinstance(p.get("name"), str) for p in partners)
        ):
            raise DataError(path, "partners must be two tables, each with a name")
        facilitator = table.get("facilitator")
        created = table.get("created")
        sessions = self.session_ids(couple_id)
        active, due = 0, 0
        agreements_path = self.layout.agreements_file(couple_id)
        if agreements_path.exists():
            for agreement in _read_table(agreements_path).get("agreements", []):
                if not isinstance(agreement, dict) or agreement.get("status") == "retired":
                    continue
                active += 1
                review = agreement.get("review_on")
                if isinstance(review, date) and review <= today:
                    due += 1
        return Overview(
            id=couple_id,
            names=(clean_line(partners[0]["name"]), clean_line(partners[1]["name"])),
            facilitator=clean_line(facilitator) if isinstance(facilitator, str) else None,
            created=created.isoformat() if isinstance(created, datetime) else None,
            sessions=len(sessions),
            last_session=sessions[-1] if sessions else None,
            agreements_active=active,
            agreements_due=due,
        )

    def create_couple(
        self, name_a: str, name_b: str, facilitator: str | None = None, when: datetime | None = None
    ) -> Couple:
        """Make a new couple folder with a unique id made from the names, and save it."""
        from workbook.data.models import Couple, Partner, now

        partners = [Partner(key="a", name=name_a), Partner(key="b", name=name_b)]
        base = couple_id_base(partners[0].name, partners[1].name)
        private_folder(self.layout.couples)
        while True:
            couple_id = unique(base, lambda c: self.layout.couple_folder(c).exists())
            try:
                self.layout.couple_folder(couple_id).mkdir(mode=0o700)
            except FileExistsError:
                continue  # another process took this id a moment ago
            break
        couple = Couple(
            id=couple_id,
            created=when or now(),
            facilitator=facilitator or None,
            partners=partners,
        )
        self.save_couple(couple)
        return couple

    def save_couple(self, couple: Couple) -> None:
        self._save(self.layout.couple_file(couple.id), couple)

    # Sessions

    def session_ids(self, couple_id: str) -> list[str]:
        folder = self.layout.sessions_folder(couple_id)
        if not folder.is_dir():
            return []
        return sorted(p.stem for p in folder.glob("*.toml") if is_id(p.stem))

    def load_session(self, couple_id: str, session_id: str) -> Session:
        from workbook.data.models import Session

        return self._load(self.layout.session_file(couple_id, session_id), "session", Session)

    def new_session(
        self, couple_id: str, agenda: list[str], when: datetime | None = None
    ) -> Session:
        """Start a session with a unique id, lock it for this process, and save it."""
        from workbook.data.models import Session, now

        when = when or now()
        with self.couple_lock(couple_id):
            session_id = unique(
                session_id_base(when),
                lambda s: self.layout.session_file(couple_id, s).exists(),
            )
            session = Session(id=session_id, started=when, updated=when, agenda=agenda)
            self.lock_session(couple_id, session_id)
            self.save_session(couple_id, session, stamp=False)
        return session

    def save_session(self, couple_id: str, session: Session, *, stamp: bool = True) -> None:
        """Save ``session``, stamping its ``updated`` time unless asked not to."""
        from workbook.data.models import now

        if stamp:
            session.updated = now()
        self._save(self.layout.session_file(couple_id, session.id), session)

    def lock_session(self, couple_id: str, session_id: str) -> str | None:
        """Hold the session's sidecar lock; if another process holds it, mark it read-only.

        Returns the reason the session is read-only, or None when this process may write it.
        """
        path = self.layout.session_file(couple_id, session_id)
        if path in self._session_locks:
            return self.read_only.get(path)
        import filelock  # only a process that opens a session pays for loading it

        private_folder(path.parent)
        lock = filelock.FileLock(path.with_name(path.name + ".lock"), mode=FILE_MODE)
        try:
            lock.acquire(timeout=0)
        except filelock.Timeout:
            self.read_only[path] = SESSION_IN_USE
            return SESSION_IN_USE
        self._session_locks[path] = lock
        return self.read_only.get(path)

    def release_session(self, couple_id: str, session_id: str) -> None:
        lock = self._session_locks.pop(self.layout.session_file(couple_id, session_id), None)
        if lock is not None:
            lock.release()

    def close(self) -> None:
        """Let go of every session lock this store holds."""
        for lock in self._session_locks.values():
            lock.release()
        self._session_locks.clear()

    # Agreements

    def load_agreements(self, couple_id: str) -> Agreements:
        from workbook.data.models import Agreements

        path = self.layout.agreements_file(couple_id)
        if not path.exists():
            return Agreements()
        return self._load(path, "agreements", Agreements)

    def update_agreements(
        self,
        couple_id: str,
        change: Callable[[Agreements], Agreements],
        document: Callable[[Agreements], str],
    ) -> Agreements:
        """Change the agreements under the couple's lock, then save them and their document.

        ``document`` renders ``agreement.md`` from the changed agreements, so the two never
        disagree for longer than one save.
        """
        with self.couple_lock(couple_id):
            agreements = change(self.load_agreements(couple_id))
            self._save(self.layout.agreements_file(couple_id), agreements)
            self.write_document(couple_id, document(agreements))
        return agreements

    def write_document(self, couple_id: str, text: str) -> None:
        """Write the couple's agreement document."""
        write_atomic(self.layout.agreement_document(couple_id), text.encode("utf-8"))

    @contextlib.contextmanager
    def couple_lock(self, couple_id: str) -> Iterator[None]:
        """Serialise read-modify-write of one couple's shared files between processes."""
        import filelock

        folder = private_folder(self.layout.couple_folder(couple_id))
        lock = filelock.FileLock(folder / "couple.lock", mode=FILE_MODE)
        try:
            lock.acquire(timeout=LOCK_WAIT_SECONDS)
        except filelock.Timeout as error:
            raise SaveError(folder, "another workbook window is busy saving; try again") from error
        try:
            yield
        finally:
            lock.release()

    # Files

    def _load(self, path: Path, kind: str, model: type[M]) -> M:
        from pydantic import ValidationError

        table = _read_table(path)
        version = table.get("format")
        if not isinstance(version, int) or isinstance(version, bool):
            raise DataError(path, "the file has no format number (format = 1)")
        if version > FORMAT:
            self.read_only[path] = (
                f"{path.name} was written by a newer workbook (format {version}); "
                "it is shown read-only so that nothing in it is lost. Update workbook to change it."
            )
        migrated = version < FORMAT
        if migrated:
            try:
                table = migrate(kind, table)
            except MigrationError as error:
                raise DataError(path, str(error)) from error
        try:
            loaded = model.model_validate(table)
        except ValidationError as error:
            raise DataError(path, _describe(error)) from error
        if migrated:
            _backup(path, version)
            self._save(path, loaded)
        return loaded

    def _save(self, path: Path, model: BaseModel) -> None:
        reason = self.read_only.get(path)
        if reason is not None:
            raise ReadOnlyError(path, reason)
        to_toml = getattr(model, "to_toml_data", None)
        table = to_toml() if to_toml else model.model_dump(exclude_none=True)
        write_atomic(path, tomlio.dumps(table).encode("utf-8"))


def _read_table(path: Path) -> dict[str, Any]:
    try:
        raw = path.read_bytes()
    except FileNotFoundError as error:
        raise DataError(path, "the file does not exist") from error
    except OSError as error:
        raise DataError(path, f"cannot read the file: {error.strerror or error}") from error
    try:
        return tomlio.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise DataError(path, "the file is not UTF-8 text") from error
    except tomlio.TOMLDecodeError as error:
        line, col = getattr(error, "lineno", 1), getattr(error, "colno", 1)
        message = getattr(error, "msg", str(error))
        raise DataError(path, f"line {line}, column {col}: not valid TOML: {message}") from error


def _backup(path: Path, version: int) -> Path:
    """Copy ``path`` aside before migrating it, durably, never over an earlier backup."""
    target = unique(
        str(path.with_name(f"{path.name}.format-{version}.bak")), lambda p: Path(p).exists()
    )
    write_atomic(Path(target), path.read_bytes())
    return Path(target)


def _describe(error: Any) -> str:
    parts = []
    for detail in error.errors()[:5]:
        where = ".".join(str(part) for part in detail["loc"])
        parts.append(f"{where}: {detail['msg']}" if where else detail["msg"])
    return "; ".join(parts)
