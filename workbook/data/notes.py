"""The counsellor's notes file of a session: ``sessions/<id>.notes.toml`` (DESIGN.md section 5).

Two windows write it: the counsellor's console, and the couple's window (notes typed with Ctrl+O,
and the answers of ``each-sealed`` steps). So every change is a read-modify-write under the
file's own sidecar lock, applied to what is on disk at that moment: neither window ever loses
the other's write. The couple's session file and its lock are never touched.

Reading is lenient. A note or a sealed answer that cannot be read is left out of what is shown
and stays in the file; keys this version does not know are kept. A file that is not TOML at all
is copied aside before the first change, so nothing typed in it is lost. A file from a newer
workbook is shown and never written.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from workbook import tomlio
from workbook.data import places, vault
from workbook.data.dates import in_range
from workbook.data.durable import FILE_MODE, SaveError, private_folder, write_atomic
from workbook.data.files import DataError, read_table
from workbook.data.version import FORMAT
from workbook.reading import reason_for
from workbook.text import clean

LOCK_WAIT_SECONDS = 10.0
PARTNERS = ("a", "b")
DAP_PARTS = ("data", "assessment", "plan")


@dataclass(frozen=True)
class Note:
    """One stamped note: when it was begun, and where the couple was then."""

    at: datetime
    pack: str
    step: str
    text: str


@dataclass
class SessionNotes:
    """What the notes file holds, as far as it can be read."""

    notes: list[Note] = field(default_factory=list)
    dap: dict[str, str] = field(default_factory=lambda: dict.fromkeys(DAP_PARTS, ""))
    # sealed[pack][step][partner] = the answer, as the step's kind stores it.
    sealed: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    # Notes an older version kept in the session file itself (``[facilitator] notes``).
    legacy: str = ""
    # What could not be read, for the window to say.
    problems: list[str] = field(default_factory=list)
    # Why the file may not be written (a newer format), or None.
    read_only: str | None = None


def notes_path(session_file: Path) -> Path:
    """``<id>.notes.toml`` beside ``<id>.toml`` (the same as ``Layout.notes_file``)."""
    return session_file.with_name(session_file.stem + ".notes.toml")


def parse(table: dict[str, Any]) -> SessionNotes:
    """The readable parts of a notes file's table."""
    found = SessionNotes()
    version = table.get("format")
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT:
        found.read_only = (
            f"The notes were written by a newer workbook (format {version}); they are shown "
            "read-only so that nothing in them is lost."
        )
    raw_notes = table.get("notes", [])
    if not isinstance(raw_notes, list):
        found.problems.append("notes: not a list of notes; left as it is")
        raw_notes = []
    for number, raw in enumerate(raw_notes, 1):
        note = _note(raw)
        if note is None:
            found.problems.append(f"note {number} cannot be read; it stays in the file")
        else:
            found.notes.append(note)
    dap = table.get("dap", {})
    if isinstance(dap, dict):
        for part in DAP_PARTS:
            value = dap.get(part, "")
            if isinstance(value, str):
                found.dap[part] = value
            else:
                found.problems.append(f"dap.{part}: not text; left as it is")
    else:
        found.problems.append("dap: not a table; left as it is")
    sealed = table.get("sealed", {})
    if isinstance(sealed, dict):
        for pack, steps in sealed.items():
            if not isinstance(steps, dict):
                continue
            for step, answers in steps.items():
                if isinstance(answers, dict):
                    kept = {p: answers[p] for p in PARTNERS if p in answers}
                    found.sealed.setdefault(pack, {})[step] = kept
    return found


def _note(raw: Any) -> Note | None:
    if not isinstance(raw, dict):
        return None
    at, text = raw.get("at"), raw.get("text")
    if not isinstance(at, datetime) or not in_range(at) or not isinstance(text, str):
        return None
    pack, step = raw.get("pack", ""), raw.get("step", "")
    at = at if at.tzinfo is not None else at.astimezone()
    return Note(
        at, pack if isinstance(pack, str) else "", step if isinstance(step, str) else "", text
    )


class NotesFile:
    """One session's notes file: read it, and change it under its own lock."""

    def __init__(self, session_file: Path, legacy: str = "") -> None:
        self.path = notes_path(session_file)
        self.legacy = legacy

    def read(self) -> SessionNotes:
        """What the file holds now; an empty set of notes when there is no file yet."""
        if not vault.exists(self.path):
            found = SessionNotes()
        elif vault.disk(self.path).is_symlink():
            found = SessionNotes(
                problems=["the notes file is a link, which workbook does not follow"]
            )
        else:
            try:
                found = parse(read_table(self.path))
            except DataError as error:
                found = SessionNotes(problems=[error.message])
            # An older copy put back (``places``): shown, never written over.
            older = places.flag(self.path)
            if older is not None and found.read_only is None:
                found.read_only = older
                found.problems.append(older)
        found.legacy = self.legacy
        return found

    # Changes

    def add_note(self, text: str, pack: str, step: str, at: datetime) -> int:
        """Append a note stamped ``at`` with the couple's place; returns its index."""
        made: list[int] = []

        def change(table: dict[str, Any]) -> None:
            notes = _list(table, "notes")
            notes.append({"at": at, "pack": pack, "step": step, "text": clean(text)})
            made.append(len(notes) - 1)

        self.change(change)
        return made[0]

    def set_note_text(self, index: int, at: datetime, text: str) -> None:
        """Change the text of the note begun at ``at`` (found at ``index`` unless the file was
        edited meanwhile, then by its stamp), as the counsellor goes on typing it."""

        def change(table: dict[str, Any]) -> None:
            notes = _list(table, "notes")
            candidates = [index, *range(len(notes))]
            for i in candidates:
                if 0 <= i < len(notes) and isinstance(notes[i], dict) and notes[i].get("at") == at:
                    notes[i]["text"] = clean(text)
                    return
            notes.append({"at": at, "text": clean(text)})

        self.change(change)

    def set_dap(self, part: str, text: str) -> None:
        """Change one part of the DAP note (data, assessment or plan)."""
        if part not in DAP_PARTS:
            raise ValueError(f"no DAP part {part!r}")

        def change(table: dict[str, Any]) -> None:
            dap = table.get("dap")
            if not isinstance(dap, dict):
                dap = table["dap"] = {}
            dap[part] = clean(text)

        self.change(change)

    def seal(self, pack: str, step: str, partner: str, answer: Any) -> None:
        """Keep one partner's answer to an ``each-sealed`` step (``None`` removes it)."""
        if partner not in PARTNERS:
            raise ValueError(f"no partner {partner!r}")

        def change(table: dict[str, Any]) -> None:
            packs = _table(table, "sealed")
            steps = _table(packs, pack)
            answers = _table(steps, step)
            if answer is None:
                answers.pop(partner, None)
            else:
                answers[partner] = answer

        self.change(change)

    def change(self, change: Callable[[dict[str, Any]], None]) -> None:
        """Apply ``change`` to the table on disk and save it, all under the file's lock.
        Raises ``SaveError`` when the file cannot be written."""
        with self._locked():
            table = self._current()
            change(table)
            table["format"] = table.get("format", FORMAT)
            try:
                data = tomlio.dumps(table).encode("utf-8")
            except ValueError as error:
                raise SaveError(self.path, str(error)) from error
            write_atomic(self.path, data)

    def _current(self) -> dict[str, Any]:
        if not vault.exists(self.path):
            return {"format": FORMAT}
        if vault.disk(self.path).is_symlink():
            raise SaveError(self.path, "it is a link, and workbook never writes through links")
        try:
            table = read_table(self.path)
        except DataError:
            refused = places.flag(self.path)
            if refused is not None:
                # Another session's notes, moved here: left as they are, never added to.
                raise SaveError(self.path, refused) from None
            # Keep what cannot be read, then start again beside it.
            _set_aside(self.path)
            return {"format": FORMAT}
        older = places.flag(self.path)
        if older is not None:
            raise SaveError(self.path, older)
        version = table.get("format")
        if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT:
            raise SaveError(self.path, "a newer workbook wrote these notes; update to change them")
        return table

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        import filelock

        lock_path = vault.lock_file(self.path)
        try:
            private_folder(self.path.parent)
            if lock_path.is_symlink():
                raise OSError(0, "it is a link")
            lock = filelock.FileLock(lock_path, mode=FILE_MODE)
            lock.acquire(timeout=LOCK_WAIT_SECONDS)
        except filelock.Timeout as error:
            raise SaveError(self.path, "another window is busy saving the notes") from error
        except OSError as error:
            raise SaveError(
                self.path, f"the notes' lock file cannot be used: {reason_for(error)}"
            ) from error
        try:
            yield
        finally:
            with contextlib.suppress(OSError):
                lock.release()


def _list(table: dict[str, Any], key: str) -> list[Any]:
    value = table.get(key)
    if not isinstance(value, list):
        if value is not None:
            table[f"{key}-unreadable"] = value
        value = table[key] = []
    return value


def _table(table: dict[str, Any], key: str) -> dict[str, Any]:
    value = table.get(key)
    if not isinstance(value, dict):
        if value is not None:
            table[f"{key}-unreadable"] = value
        value = table[key] = {}
    return value


def _set_aside(path: Path) -> Path:
    target = path.with_name(path.name + ".unreadable.bak")
    number = 1
    while vault.exists(target):
        number += 1
        target = path.with_name(f"{path.name}.unreadable-{number}.bak")
    try:
        os.replace(vault.disk(path), vault.disk(target))
    except OSError as error:
        raise SaveError(path, f"it cannot be read, nor set aside: {reason_for(error)}") from error
    return target
