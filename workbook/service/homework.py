"""Homework between sessions: given (``workbook assign``, or from Home), shown on the couple's
agenda, and done by the first finished session with its pack that began after it was given.

``settle`` writes down which session did each piece; the faces call it when a session ends and
before they list what is open, so what they show is always right even when it was not yet
written (a session finished in another window).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from workbook.data.durable import SaveError
from workbook.data.files import DataError
from workbook.data.homework import Head, Homework, HomeworkFile, done_by, new_id, parse
from workbook.data.read_only_reasons import Reason
from workbook.i18n.catalog import N_
from workbook.service.caseload import require_couple
from workbook.service.errors import AS_GIVEN, NotSaved, Refused
from workbook.text import clean

if TYPE_CHECKING:
    from workbook.data.store import Store

MAX_NOTE = 2000


@dataclass(frozen=True)
class Given:
    """What ``assign`` gave: the homework, and who it is from (the facilitator, if any)."""

    homework: Homework
    by: str | None


def read(store: Store, couple_id: str) -> HomeworkFile:
    """The couple's homework as far as it can be read; raises ``NotSaved`` when the file
    cannot be read at all."""
    try:
        return parse(store.homework_table(couple_id))
    except DataError as error:
        raise NotSaved(AS_GIVEN, problem=error) from error


def assign(
    store: Store,
    couple_id: str,
    pack: str,
    known_packs: Iterable[str],
    when: datetime,
    due: date | None = None,
    note: str = "",
) -> Given:
    """Give the couple ``pack`` to do by ``due``; raises ``Refused`` for a pack the library
    does not have or a day already past, ``NotSaved`` when it cannot be saved."""
    require_couple(store, couple_id)
    known = set(known_packs)
    if pack not in known:
        raise Refused(N_('no pack "{pack}" in the library (see: workbook list)'), pack=pack)
    if due is not None and due < when.date():
        raise Refused(N_("the day it is due ({day}) has already passed"), day=due.isoformat())
    note = clean(note).strip()
    if len(note) > MAX_NOTE:
        raise Refused(N_("the note is longer than {count} characters"), count=MAX_NOTE)
    made: list[dict[str, Any]] = []

    def change(table: dict[str, Any]) -> None:
        entries = table.get("homework")
        if not isinstance(entries, list):
            if entries is not None:
                table["homework-unreadable"] = entries
            entries = table["homework"] = []
        entry: dict[str, Any] = {
            "id": new_id(entries, when.date()),
            "pack": pack,
            "assigned": when,
        }
        if due is not None:
            entry["due"] = due
        if note:
            entry["note"] = note
        entries.append(entry)
        made.append(entry)

    _update(store, couple_id, change)
    couple = store.load_couple(couple_id)
    (item,) = parse({"homework": made}).items
    return Given(item, couple.facilitator)


@dataclass(frozen=True)
class Settled:
    """The homework still open once done ones are written down, and why that could not be
    written, if it could not (what is open is right all the same)."""

    open: list[Homework]
    problem: Reason | None = None


def settle(store: Store, couple_id: str) -> Settled:
    """Write down the session that did each piece of open homework, where one has. Raises
    ``NotSaved`` only when the file cannot be read at all."""
    found = read(store, couple_id)
    heads = session_heads(store, couple_id, found.open())
    done = {item.id: by for item in found.open() if (by := done_by(item, heads)) is not None}
    still = [item for item in found.open() if item.id not in done]
    if not done or found.read_only is not None:
        return Settled(still, found.read_only if done else None)

    def change(table: dict[str, Any]) -> None:
        entries = table.get("homework")
        for entry in entries if isinstance(entries, list) else []:
            if isinstance(entry, dict) and entry.get("id") in done and not entry.get("done"):
                entry["done"] = done[entry["id"]]

    try:
        _update(store, couple_id, change)
    except NotSaved as error:
        return Settled(still, error)
    return Settled(still)


def session_heads(store: Store, couple_id: str, items: list[Homework]) -> list[Head]:
    """The top keys of the sessions that could have done ``items``: those from the day before
    the earliest was given (a session's id is its local start), read without their answers."""
    if not items:
        return []
    since = min(item.assigned for item in items).date().toordinal() - 1
    heads = []
    for session_id in store.session_ids(couple_id):
        try:
            if date.fromisoformat(session_id[:10]).toordinal() < since:
                continue
        except ValueError:
            pass
        try:
            top = store.read_head(store.layout.session_file(couple_id, session_id))
        except DataError:
            continue
        heads.append(Head.of(session_id, top))
    return heads


def _update(store: Store, couple_id: str, change: Any) -> None:
    try:
        store.update_homework(couple_id, change)
    except (DataError, SaveError) as error:
        raise NotSaved(N_("The homework could not be saved: {problem}"), problem=error) from error
