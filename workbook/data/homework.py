"""``homework.toml`` in a couple's folder: what their counsellor gave them to do between
sessions (DESIGN.md section 5), read leniently.

An entry that cannot be read is left out of what is shown, said in ``problems``, and stays in
the file as it is; keys this version does not know stay with their entry. A file written by a
newer workbook is shown and never written. Changes are made by the store, under the couple's
lock (``Store.update_homework``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from workbook.data import couple_problems
from workbook.data.dates import in_range
from workbook.data.read_only_reasons import Reason
from workbook.data.version import FORMAT
from workbook.i18n.catalog import N_
from workbook.i18n.said import Words
from workbook.text import clean, clean_line


@dataclass(frozen=True)
class Homework:
    """One piece of homework: the pack to do, when it was given, by when, and the finished
    session that did it (None while open)."""

    id: str
    pack: str
    assigned: datetime
    due: date | None = None
    note: str = ""
    done: str | None = None

    def overdue(self, today: date) -> bool:
        return self.done is None and self.due is not None and self.due < today


@dataclass
class HomeworkFile:
    """What ``homework.toml`` holds, as far as it can be read."""

    items: list[Homework] = field(default_factory=list)
    problems: list[Words] = field(default_factory=list)
    # Why the file may not be written (a newer format), or None.
    read_only: Reason | None = None

    def open(self) -> list[Homework]:
        return [item for item in self.items if item.done is None]


@dataclass(frozen=True)
class Head:
    """What matching homework needs of a session: its top keys (``files.read_head``)."""

    id: str
    started: datetime | None
    finished: bool
    agenda: tuple[str, ...]

    @classmethod
    def of(cls, session_id: str, top: dict[str, Any]) -> Head:
        started = top.get("started")
        agenda = top.get("agenda")
        return cls(
            session_id,
            (started if started.tzinfo else started.astimezone())
            if isinstance(started, datetime)
            else None,
            top.get("finished") is not None,
            tuple(p for p in agenda if isinstance(p, str)) if isinstance(agenda, list) else (),
        )


def parse(table: dict[str, Any]) -> HomeworkFile:
    """The readable homework of a ``homework.toml`` table."""
    found = HomeworkFile()
    version = table.get("format")
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT:
        found.read_only = Words(
            N_(
                "homework.toml was written by a newer workbook (format {version}); it is shown "
                "read-only so that nothing in it is lost"
            ),
            version=version,
        )
    raw = table.get("homework", [])
    entries = raw if isinstance(raw, list) else [raw]
    for number, entry in enumerate(entries, 1):
        item = _item(entry)
        if item is None:
            found.problems.append(Words(couple_problems.HOMEWORK_ENTRY, number=number))
        else:
            found.items.append(item)
    return found


def _item(entry: Any) -> Homework | None:
    if not isinstance(entry, dict):
        return None
    item_id, pack, assigned = entry.get("id"), entry.get("pack"), entry.get("assigned")
    if not (isinstance(item_id, str) and isinstance(pack, str) and isinstance(assigned, datetime)):
        return None
    if not in_range(assigned):
        return None
    due = entry.get("due")
    if isinstance(due, datetime):
        due = due.date()
    note, done = entry.get("note", ""), entry.get("done")
    return Homework(
        id=clean_line(item_id),
        pack=clean_line(pack),
        assigned=assigned if assigned.tzinfo is not None else assigned.astimezone(),
        due=due if isinstance(due, date) and in_range(due) else None,
        note=clean(note).strip() if isinstance(note, str) else "",
        done=clean_line(str(done)) if done is not None and done != "" else None,
    )


def done_by(item: Homework, sessions: Iterable[Head]) -> str | None:
    """The first finished session with ``item``'s pack on its agenda that began after the
    homework was given, or None: a session begun before it never counts."""
    found = [
        head
        for head in sessions
        if head.finished
        and head.started is not None
        and head.started > item.assigned
        and item.pack in head.agenda
    ]
    return min(found, key=lambda head: (head.started, head.id)).id if found else None


def new_id(entries: Any, on: date) -> str:
    """``YYYY-MM-DD-N``: the first number not yet taken on that day."""
    taken = {
        entry.get("id")
        for entry in (entries if isinstance(entries, list) else [])
        if isinstance(entry, dict)
    }
    number = 1
    while f"{on.isoformat()}-{number}" in taken:
        number += 1
    return f"{on.isoformat()}-{number}"
