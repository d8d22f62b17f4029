"""The counsellor's notes file of a session: ``sessions/<id>.notes.toml`` (DESIGN.md section 5).

Two windows write it: the counsellor's console, and the couple's window (a note typed there with
Ctrl+O, which it never reads back, and the answers of ``each-sealed`` steps, kept as given:
``data/sealed.py``). So every change is a read-modify-write under the file's own sidecar lock,
applied to what is on disk at that moment: neither window ever loses the other's write. The
couple's session file and its lock are never touched. A notes file of a couple that has been
deleted is never written: no late save brings their folder back.

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

from workbook.data import model_files, places, vault
from workbook.data.dates import in_range, now
from workbook.data.durable import SaveError, private_folder
from workbook.data.files import DataError, read_table
from workbook.data.locks import Busy, file_lock, release
from workbook.data.places import write_atomic
from workbook.data.progress_note import ProgressNote, add_addendum, read_note, set_part, sign
from workbook.data.read_only_reasons import Reason
from workbook.data.sealed import Given, append, read_step
from workbook.data.version import FORMAT
from workbook.i18n.catalog import N_
from workbook.i18n.said import Words
from workbook.reading import reason_for
from workbook.text import clean

LOCK_WAIT_SECONDS = 10.0
PARTNERS = ("a", "b")
DAP_PARTS = ("data", "assessment", "plan")
# Where a note was written: the counsellor's console (also Home, where a care flag is cleared),
# or the couple's own screen (Ctrl+O). A note of an older file, which did not say, is the
# console's.
CONSOLE, COUPLE_WINDOW = "console", "couple-window"
ORIGINS = (CONSOLE, COUPLE_WINDOW)
GONE = Words(
    N_("the couple has been deleted, with every file of theirs; nothing is saved for them now")
)
NEWER = Words(N_("a newer workbook wrote these notes; update to change them"))
LINK = Words(N_("it is a link, and workbook never writes through links"))
BUSY = Words(N_("another window is busy saving the notes"))
# What cannot be read in a notes file: ``notes`` is its key.
NOT_A_LIST = N_("notes: not a list of notes; left as it is")
NOTE = N_("note {number} cannot be read; it stays in the file")
LINKED = Words(N_("the notes file is a link, which workbook does not follow"))


@dataclass(frozen=True)
class Note:
    """One stamped note: when it was begun, and where the couple was then."""

    at: datetime
    pack: str
    step: str
    text: str
    origin: str = CONSOLE


@dataclass
class SessionNotes:
    """What the notes file holds, as far as it can be read."""

    notes: list[Note] = field(default_factory=list)
    dap: dict[str, str] = field(default_factory=lambda: dict.fromkeys(DAP_PARTS, ""))
    # sealed[pack][step][partner] = the latest answer, as the step's kind stores it.
    sealed: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    # given[pack][step] = every answer as given, oldest first (``data/sealed.py``).
    given: dict[str, dict[str, list[Given]]] = field(default_factory=dict)
    # Notes an older version kept in the session file itself (``[facilitator] notes``).
    legacy: str = ""
    # What could not be read, for the window to say (``str`` the English).
    problems: list[Words] = field(default_factory=list)
    # Why the file may not be written (a newer format), or None.
    read_only: Reason | None = None
    # The progress note in the counsellor's template (``data/progress_note.py``).
    progress: ProgressNote = field(default_factory=ProgressNote)


def notes_path(session_file: Path) -> Path:
    """``<id>.notes.toml`` beside ``<id>.toml`` (the same as ``Layout.notes_file``)."""
    return session_file.with_name(session_file.stem + ".notes.toml")


def parse(table: dict[str, Any]) -> SessionNotes:
    """The readable parts of a notes file's table."""
    found = SessionNotes()
    version = table.get("format")
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT:
        found.read_only = Words(
            N_(
                "The notes were written by a newer workbook (format {version}); they are "
                "shown read-only so that nothing in them is lost."
            ),
            version=version,
        )
    raw_notes = table.get("notes", [])
    if not isinstance(raw_notes, list):
        found.problems.append(Words(NOT_A_LIST))
        raw_notes = []
    for number, raw in enumerate(raw_notes, 1):
        note = _note(raw)
        if note is None:
            found.problems.append(Words(NOTE, number=number))
        else:
            found.notes.append(note)
    found.progress = read_note(table)
    found.problems += found.progress.problems
    if found.progress.template == "DAP":
        # What older readers of ``dap`` see: the DAP note's three parts.
        for part in DAP_PARTS:
            found.dap[part] = found.progress.parts.get(part, "")
    sealed = table.get("sealed", {})
    if isinstance(sealed, dict):
        for pack, steps in sealed.items():
            if not isinstance(steps, dict):
                continue
            for step, answers in steps.items():
                if isinstance(answers, dict):
                    latest, given = read_step(answers)
                    found.sealed.setdefault(pack, {})[step] = latest
                    found.given.setdefault(pack, {})[step] = given
    return found


def _note(raw: Any) -> Note | None:
    if not isinstance(raw, dict):
        return None
    at, text = raw.get("at"), raw.get("text")
    if not isinstance(at, datetime) or not in_range(at) or not isinstance(text, str):
        return None
    pack, step = raw.get("pack", ""), raw.get("step", "")
    at = at if at.tzinfo is not None else at.astimezone()
    origin = raw.get("origin", CONSOLE)
    return Note(
        at,
        pack if isinstance(pack, str) else "",
        step if isinstance(step, str) else "",
        text,
        # An origin this version does not know is said as it is: never taken for the console.
        origin if isinstance(origin, str) else str(origin),
    )


class NotesFile:
    """One session's notes file: read it, and change it under its own lock."""

    def __init__(
        self, session_file: Path, legacy: str = "", couple_file: Path | None = None
    ) -> None:
        self.path = notes_path(session_file)
        self.legacy = legacy
        # The couple's file: while it is gone (the couple deleted), nothing is written here.
        self.couple_file = couple_file

    def read(self) -> SessionNotes:
        """What the file holds now; an empty set of notes when there is no file yet."""
        if not vault.exists(self.path):
            found = SessionNotes()
        elif vault.disk(self.path).is_symlink():
            found = SessionNotes(problems=[LINKED])
        else:
            try:
                found = parse(read_table(self.path))
            except DataError as error:
                found = SessionNotes(problems=[error.words])
            # An older copy put back (``places``): shown, never written over.
            older = places.flag(self.path)
            if older is not None and found.read_only is None:
                found.read_only = older
                found.problems.append(older)
        found.legacy = self.legacy
        return found

    # Changes

    def add_note(self, text: str, pack: str, step: str, at: datetime, origin: str = CONSOLE) -> int:
        """Append a note stamped ``at`` with the couple's place and where it was written
        (``ORIGINS``); returns its index."""
        made: list[int] = []

        def change(table: dict[str, Any]) -> None:
            notes = _list(table, "notes")
            note = {"at": at, "pack": pack, "step": step, "text": clean(text), "origin": origin}
            notes.append(note)
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
        self.set_part("DAP", part, text)

    def set_part(self, template: str, part: str, text: str) -> None:
        """Change one part of the progress note in ``template`` (DAP, SOAP, BIRP); raises
        ``SaveError`` once the note is signed."""

        def change(table: dict[str, Any]) -> None:
            set_part(table, template, part, text)

        self._note_change(change)

    def sign_note(self, at: datetime) -> None:
        """Sign the progress note at ``at``: from then on it is read-only."""
        self._note_change(lambda table: sign(table, at))

    def add_addendum(self, text: str, at: datetime) -> None:
        """Add words to a signed note, with their own time."""
        self._note_change(lambda table: add_addendum(table, text, at))

    def _note_change(self, change: Callable[[dict[str, Any]], None]) -> None:
        try:
            self.change(change)
        except ValueError as error:
            # The note's own refusals are said in the screen's language; others as they are.
            raise SaveError(self.path, error) from error

    def seal(
        self, pack: str, step: str, partner: str, answer: Any, at: datetime | None = None
    ) -> None:
        """Keep one partner's answer to an ``each-sealed`` step, as given at ``at`` (else now)."""
        self.seal_all([(pack, step, partner, answer, at or now())])

    def seal_all(self, given: list[tuple[str, str, str, Any, datetime]]) -> None:
        """Keep answers to ``each-sealed`` steps, in the order given (pack, step, partner,
        answer, time), in one save: each is added to the answers before it, never in their
        place, and an emptied answer is kept as empty (``data/sealed.py``)."""
        for _pack, _step, partner, _answer, _at in given:
            if partner not in PARTNERS:
                raise ValueError(f"no partner {partner!r}")

        def change(table: dict[str, Any]) -> None:
            packs = _table(table, "sealed")
            for pack, step, partner, answer, at in given:
                append(_table(_table(packs, pack), step), partner, answer, at)

        self.change(change)

    def change(self, change: Callable[[dict[str, Any]], None]) -> None:
        """Apply ``change`` to the table on disk and save it, all under the file's lock.
        Raises ``SaveError`` when the file cannot be written."""
        with self._locked():
            table = self._current()
            change(table)
            table["format"] = table.get("format", FORMAT)
            write_atomic(self.path, model_files.dumps(self.path, table))

    def _current(self) -> dict[str, Any]:
        if not vault.exists(self.path):
            return {"format": FORMAT}
        if vault.disk(self.path).is_symlink():
            raise SaveError(self.path, LINK)
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
            raise SaveError(self.path, NEWER)
        return table

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        lock_path = vault.lock_file(self.path)
        self._still_there()
        try:
            if self.couple_file is None:
                private_folder(self.path.parent)
            lock = file_lock(lock_path, LOCK_WAIT_SECONDS)
        except Busy as error:
            raise SaveError(self.path, BUSY) from error
        except OSError as error:
            said = Words(
                N_("the notes' lock file cannot be used: {problem}"), problem=reason_for(error)
            )
            raise SaveError(self.path, said) from error
        try:
            # The couple may have been deleted while the lock was taken: taking it then made
            # their folder again, which goes at once, and nothing is written.
            self._still_there(lock_path)
            yield
        finally:
            release(lock)

    def _still_there(self, made: Path | None = None) -> None:
        """Raise ``SaveError`` when the couple is gone (their folder deleted), taking away
        ``made`` (the lock file just made) and the empty folders made for it."""
        if self.couple_file is None:
            return
        folder = self.path.parent
        if folder.is_dir() and vault.exists(self.couple_file):
            return
        if made is not None:
            with contextlib.suppress(OSError):
                made.unlink()
            for empty in (folder, folder.parent):
                with contextlib.suppress(OSError):
                    empty.rmdir()
        raise SaveError(self.path, GONE)


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
        said = Words(N_("it cannot be read, nor set aside: {problem}"), problem=reason_for(error))
        raise SaveError(path, said) from error
    return target
