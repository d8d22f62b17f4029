"""A couple in a counsellor's care for the week's tests and the case record's screenshot: three
CSI-4 sittings, a goal measured by it, a signed note with an addendum, and homework."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from tests.packs_helpers import builtin_library
from workbook.data.models import Session
from workbook.data.store import Store
from workbook.logic.session_packs import begin_packs
from workbook.service import goals

LIBRARY = builtin_library()
START = datetime(2026, 9, 7, 18, 0, tzinfo=UTC)
STEPS = ("happiness", "warm", "rewarding", "satisfied")
# Sam, then Alex, in each sitting: 10 and 12, then 13 and 15, then 16 and 17.
SITTINGS = [
    ((2, 3, 3, 2), (3, 3, 3, 3)),
    ((3, 3, 4, 3), (4, 4, 4, 3)),
    ((4, 4, 4, 4), (5, 4, 4, 4)),
]


def csi_sitting(store: Store, couple_id: str, week: int, a: tuple[int, ...], b: tuple[int, ...]):
    when = START + timedelta(weeks=week)
    session = Session(
        id=when.strftime("%Y-%m-%d-%H%M"),
        started=when,
        updated=when,
        agenda=["csi-4"],
        finished=when + timedelta(minutes=50),
    )
    begin_packs(session, store, [LIBRARY.packs["csi-4"]])
    for index, step in enumerate(STEPS):
        session.set_answer("csi-4", step, {"a": a[index], "b": b[index]})
    store.save_session(couple_id, session, stamp=False)
    return session


def counselled_couple(store: Store) -> str:
    couple = store.create_couple("Sam", "Alex", "Dr. Ade", START - timedelta(days=1))
    for week, (a, b) in enumerate(SITTINGS):
        last = csi_sitting(store, couple.id, week * 3, a, b)
    goals.add_goal(
        store, couple.id, "Argue without shouting", date(2026, 9, 7), "csi-4.satisfaction", 16
    )
    goals.add_goal(store, couple.id, "A walk together every Sunday", date(2026, 9, 7))
    notes = store.notes(couple.id, last.id)
    notes.set_part("SOAP", "subjective", "Both describe a calmer month.")
    notes.set_part("SOAP", "plan", "Fortnightly; CSI-4 again in a month.")
    notes.sign_note(last.started + timedelta(hours=1))
    notes.add_addendum("Alex wrote: the walk moved to Saturdays.", last.started + timedelta(days=1))
    return couple.id
