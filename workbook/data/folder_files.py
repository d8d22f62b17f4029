"""The files of a data folder, as the store reads and writes them: each path is its identity,
and the reasons a file may not be written (read-only, a link, a deleted couple) are kept here;
``store.Store`` builds couples, sessions and agreements on it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbook.data import places, vault
from workbook.data.durable import SaveError, private_folder, sweep_temp_files
from workbook.data.files import DataError, read_head, read_table
from workbook.data.layout import Layout
from workbook.data.locks import Busy, file_lock, release
from workbook.data.model_files import OUTSIDE, M, backup, dumps, from_table, linked
from workbook.data.pack_store import PackStore
from workbook.data.places import write_atomic
from workbook.data.read_only_reasons import GONE, Reason, mismatch, newer_format, through_link
from workbook.data.version import FORMAT
from workbook.i18n.catalog import N_
from workbook.i18n.said import Words
from workbook.reading import Linked, reason_for

if TYPE_CHECKING:
    from pydantic import BaseModel

LOCK_WAIT_SECONDS = 10.0
BUSY = Words(N_("another workbook window is busy saving; try again"))


class ReadOnlyError(SaveError):
    """A file that was opened read-only cannot be saved."""


class FolderFiles:
    """The files of one data folder (``Store`` is the whole store)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.layout = Layout(root)
        # Files loaded read-only, with the reason to show the user.
        self.read_only: dict[Path, Reason] = {}
        # Sessions another process holds, or whose lock cannot be used; tried again on resume.
        self._in_use: dict[Path, Reason] = {}
        self._session_locks: dict[Path, Any] = {}
        # Why settings.toml was not used as it is, if it was not.
        self.settings_problem: str | None = None
        # Files marked read-only for what their sealed header says, until read again.
        self._flagged: set[Path] = set()
        self.packs = PackStore(self.layout.packs)
        vault.note_folder(root)

    @property
    def encrypted(self) -> bool:
        """True when this folder has a data key (see ``vault``)."""
        return vault.is_encrypted(self.root)

    def prepare(self) -> list[Path]:
        """Make the folders private, sweep temp files of interrupted saves, and finish removing
        couples whose deletion was interrupted."""
        from workbook.data.trash import sweep_removed

        private_folder(self.layout.couples)
        swept = sweep_temp_files(self.root)
        sweep_removed(self.layout.couples)
        return swept

    # Why a file may not be written

    def reason(self, path: Path) -> Reason | None:
        """Why ``path`` is read-only in this process, or None when it may be saved."""
        return self.read_only.get(path) or self._in_use.get(path)

    def couple_reason(self, couple_id: str) -> Reason | None:
        """Why the couple's folder is read-only: its couple.toml is, so nothing in it is written."""
        return self.reason(self.layout.couple_file(couple_id))

    def session_reason(self, couple_id: str, session_id: str) -> Reason | None:
        """Why a session is read-only: its own file, or its couple's, is."""
        return self.reason(self.layout.session_file(couple_id, session_id)) or self.couple_reason(
            couple_id
        )

    def _refusal(self, path: Path) -> Reason | None:
        reason = self.reason(path)
        if reason:
            return reason
        if linked(path.parent, self.root) is not None:
            return through_link(path.parent.name)
        couple = self._couple_file_of(path)
        if couple is not None and not couple.parent.is_dir():
            # A deleted couple stays deleted: no late save makes their folder again.
            return GONE
        if couple is not None and couple != path:
            return self.reason(couple)
        return None

    def _couple_file_of(self, path: Path) -> Path | None:
        try:
            parts = path.relative_to(self.layout.couples).parts
        except ValueError:
            return None
        return self.layout.couples / parts[0] / "couple.toml" if len(parts) > 1 else None

    def _write(self, path: Path, data: bytes) -> None:
        reason = self._refusal(path)
        if reason is not None:
            raise ReadOnlyError(path, reason)
        write_atomic(path, data)

    def _read(self, path: Path) -> dict[str, Any]:
        link = linked(vault.disk(path), self.root)
        if link == "outside":
            raise DataError(path, OUTSIDE)
        try:
            table = read_table(path)
        finally:
            self._sealed_flag(path)
        if link == "inside":
            self.read_only[path] = through_link(path.name)
        return table

    def _sealed_flag(self, path: Path) -> None:
        """Mark a sealed file read-only while it is from another place, or older than the one
        the index knows (``places``); never saved over the newer state."""
        reason = places.flag(path)
        if reason is not None:
            self.read_only[path] = reason
            self._flagged.add(path)
        elif path in self._flagged:
            self._flagged.discard(path)
            self.read_only.pop(path, None)

    def read(self, path: Path) -> dict[str, Any]:
        """A data file's table, never through a link out of the data folder; a file reached
        through a link inside it is marked read-only. Raises ``DataError``."""
        return self._read(path)

    def read_head(self, path: Path) -> dict[str, Any]:
        """The keys at the top of a data file (``files.read_head``), never through a link out
        of the data folder; raises ``DataError``."""
        if linked(path, self.root) == "outside":
            raise DataError(path, OUTSIDE)
        return read_head(path)

    # The pack store

    def keep_pack(self, raw: bytes) -> str:
        """Keep a copy of a pack version a session uses; returns its digest. Raises
        ``SaveError`` when it cannot be kept."""
        path = self.packs.path("sha256:" + "0" * 64)
        assert path is not None
        reason = self._refusal(path)
        if reason is not None:
            raise ReadOnlyError(path.parent, reason)
        return self.packs.keep(raw)

    # Settings

    def load_settings(self) -> dict[str, Any]:
        """The app's settings, or none if there are none or they cannot be read.

        A file that cannot be read is left as it is, and ``settings_problem`` says why.
        """
        self.settings_problem = None
        if not vault.exists(self.layout.settings_file):
            return {}
        try:
            return self._read(self.layout.settings_file)
        except DataError as error:
            self.settings_problem = error.message
            return {}

    def save_settings(self, changes: dict[str, Any], forget: tuple[str, ...] = ()) -> None:
        """Change some settings (and take away those named in ``forget``), keeping the others;
        a file that could not be read is backed up first, so nothing in it is lost."""
        path = self.layout.settings_file
        settings: dict[str, Any] = {}
        if vault.exists(path):
            try:
                settings = self._read(path)
            except DataError:
                on_disk = vault.disk(path)
                if on_disk.is_file() and not on_disk.is_symlink():
                    backup(path, "unreadable")
                with contextlib.suppress(OSError):
                    if on_disk.is_symlink() or not on_disk.is_dir():
                        on_disk.unlink()
        settings.update(changes)
        for key in forget:
            settings.pop(key, None)
        self.settings_problem = None
        self._write(path, dumps(path, settings))

    @contextlib.contextmanager
    def couple_lock(self, couple_id: str) -> Iterator[None]:
        """Serialise read-modify-write of one couple's shared files between processes."""
        folder = self.layout.couple_folder(couple_id)
        lock_path = folder / "couple.lock"
        reason = self._refusal(lock_path)
        if reason is not None:
            raise ReadOnlyError(folder, reason)
        try:
            private_folder(folder)
            if linked(lock_path, self.root) is not None:
                raise Linked()
            lock = file_lock(lock_path, LOCK_WAIT_SECONDS)
        except Busy as error:
            raise SaveError(folder, BUSY) from error
        except OSError as error:
            said = Words(
                N_("the couple's lock file cannot be used: {problem}"), problem=reason_for(error)
            )
            raise SaveError(folder, said) from error
        try:
            yield
        finally:
            release(lock)

    # Files

    def _load(self, path: Path, what: str, model: type[M], expected_id: str | None) -> M:
        table = self._read(path)
        version = table.get("format")
        if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT:
            self.read_only[path] = newer_format(path, version)
        loaded, version = from_table(path, what, table, model)
        if expected_id is not None:
            found = getattr(loaded, "id", expected_id)
            if found != expected_id:
                self.read_only.setdefault(path, mismatch(path, what, found, expected_id))
                # Every path is built from the name the file was found under, never from the id
                # inside it; the file itself is never written.
                loaded.id = expected_id  # type: ignore[attr-defined]
        if version < FORMAT and self.reason(path) is None:
            backup(path, f"format-{version}")
            self._save(path, loaded)
        return loaded

    def _save(self, path: Path, model: BaseModel) -> None:
        to_toml = getattr(model, "to_toml_data", None)
        table = to_toml() if to_toml else model.model_dump(exclude_none=True)
        self._write(path, dumps(path, table))
