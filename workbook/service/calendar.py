"""``workbook calendar``: the counsellor's appointments, homework due dates and agreement
reviews as an iCalendar file. Calendars are synced to places nobody here controls, so by default
an event names no one: the couple is their initials ("S. & A."), and an agreement's words and
a homework's note are left out. ``names=True`` puts the names in.

Each event's UID is made from the couple's folder, when the couple was created and the thing it
is about, hashed, so the same event keeps its UID from one export to the next (a calendar that
imports it again updates it) and says nothing of the couple.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from workbook.data.files import DataError
from workbook.data.goals import appointment
from workbook.export.ical import Event, calendar
from workbook.service import homework
from workbook.service.caseload import require_couple
from workbook.service.errors import NotSaved

if TYPE_CHECKING:
    from workbook.data.models import Couple
    from workbook.data.store import Store

APPOINTMENT_LENGTH = timedelta(minutes=50)


@dataclass
class Calendar:
    text: str
    events: int
    problems: list[str] = field(default_factory=list)


def initials(names: tuple[str, str]) -> str:
    """ "Sam" and "Alex" as "S. & A." """
    return " & ".join(f"{(name.strip()[:1] or '?').upper()}." for name in names)


def who(couple: Couple, names: bool) -> str:
    return " and ".join(couple.names) if names else initials(couple.names)


def uid(couple: Couple, thing: str) -> str:
    seed = f"{couple.id}\n{couple.created.isoformat()}\n{thing}".encode()
    return f"{hashlib.sha256(seed).hexdigest()[:32]}@workbook"


def make(
    store: Store,
    stamp: datetime,
    titles: dict[str, str],
    couple_id: str | None = None,
    *,
    names: bool = False,
) -> Calendar:
    """The calendar of one couple or of every couple not archived; ``titles`` gives the packs'
    titles by id (homework names its pack)."""
    if couple_id is not None:
        require_couple(store, couple_id)
    events: list[Event] = []
    problems: list[str] = []
    for folder in [couple_id] if couple_id is not None else store.couple_ids():
        try:
            couple = store.load_couple(folder)
        except DataError as error:
            problems.append(str(error))
            continue
        if couple.archived and couple_id is None:
            continue
        events += _couple(store, couple, titles, names, problems)
    return Calendar(calendar(events, stamp), len(events), problems)


def _couple(
    store: Store,
    couple: Couple,
    titles: dict[str, str],
    names: bool,
    problems: list[str],
) -> list[Event]:
    them = who(couple, names)
    events: list[Event] = []
    when, _ = appointment(couple.next_session)
    if when is not None:
        with_whom = f" with {couple.facilitator}" if names and couple.facilitator else ""
        events.append(
            Event(
                uid(couple, f"appointment {when.isoformat()}"),
                f"Session: {them}{with_whom}",
                when,
                APPOINTMENT_LENGTH,
            )
        )
    try:
        settled = homework.settle(store, couple.id)
    except NotSaved as error:
        problems.append(error.message)
    else:
        for item in settled.open:
            if item.due is None:
                continue
            title = titles.get(item.pack, item.pack)
            note = item.note if names else ""
            events.append(
                Event(
                    uid(couple, f"homework {item.id}"),
                    f"Homework due: {them}, {title}",
                    item.due,
                    description=note,
                )
            )
    try:
        agreements = store.load_agreements(couple.id)
    except DataError as error:
        problems.append(str(error))
        return events
    reviews: dict[date, list[str]] = {}
    for agreement in agreements.active():
        reviews.setdefault(agreement.review_on, []).append(agreement.text)
    for day, texts in sorted(reviews.items()):
        count = f"{len(texts)} agreement{'s' if len(texts) != 1 else ''}"
        events.append(
            Event(
                uid(couple, f"review {day.isoformat()}"),
                f"Agreement review: {them} ({count})",
                day,
                description="\n".join(f"- {text}" for text in texts) if names else "",
            )
        )
    return events
