"""The use cases the app's flows and screens call instead of the store: a new couple, a couple
refused when read-only, the care note seen, the couple's window, a couple loaded by id, a first
session, earlier sessions, the notes file, a session let go, what a session made, and whether
the documents written are sealed. No Pilot."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from workbook.data.answers.agreement import Term
from workbook.data.durable import SaveError
from workbook.data.models import Couple
from workbook.data.store import Store
from workbook.i18n.said import Words
from workbook.packs.library import load_library
from workbook.service import caseload, sessions
from workbook.service.errors import NotFound, NotSaved, Refused

TODAY = date(2026, 11, 22)
PACKS = load_library(environ={}).packs


@pytest.fixture
def store(data_dir: Path) -> Store:
    made = Store(data_dir)
    made.prepare()
    return made


@pytest.fixture
def couple(store: Store) -> Couple:
    return caseload.add(store, "Sam", "Alex", "")


def test_a_new_couple_is_saved_with_its_facilitator_or_none(store: Store, couple: Couple) -> None:
    assert store.load_couple(couple.id).names == ("Sam", "Alex")
    assert couple.facilitator is None
    other = caseload.add(store, "Kim", "Jo", "Dr. Lee")
    assert store.load_couple(other.id).facilitator == "Dr. Lee"
    with pytest.raises(NotSaved, match="The couple could not be saved"):
        caseload.add(store, "", "Jo")


def test_a_read_only_couple_is_refused_with_the_reason(store: Store, couple: Couple) -> None:
    caseload.require_writable(store, couple.id)
    store.read_only[store.layout.couple_file(couple.id)] = Words("made by a newer version")
    with pytest.raises(Refused, match="made by a newer version"):
        caseload.require_writable(store, couple.id)


def test_the_care_note_seen_is_saved_or_said(
    store: Store, couple: Couple, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert not couple.care_note_seen
    caseload.care_note_seen(store, couple)
    assert store.load_couple(couple.id).care_note_seen

    def refuse(_couple: Couple) -> None:
        raise SaveError(store.layout.couple_file(couple.id), "the disk is full")

    monkeypatch.setattr(store, "save_couple", refuse)
    with pytest.raises(NotSaved, match="the disk is full"):
        caseload.care_note_seen(store, couple)


def test_the_couples_window_says_what_waits_and_whether_there_are_others(
    store: Store, couple: Couple
) -> None:
    assert caseload.window(store, couple.id, TODAY) == caseload.Window(False, False)
    sessions.begin(store, couple, ["respect"], PACKS)
    caseload.add(store, "Kim", "Jo")
    assert caseload.window(store, couple.id, TODAY) == caseload.Window(True, True)
    store.layout.couple_file(couple.id).write_text("not = [toml", encoding="utf-8")
    assert not caseload.window(store, couple.id, TODAY).unfinished


def test_a_couple_is_loaded_or_not_found_or_not_read(store: Store, couple: Couple) -> None:
    assert caseload.load(store, couple.id).id == couple.id
    with pytest.raises(NotFound):
        caseload.load(store, "../elsewhere")
    store.layout.couple_file(couple.id).write_text("not = [toml", encoding="utf-8")
    with pytest.raises(NotSaved):
        caseload.load(store, couple.id)


def test_sessions_first_earlier_notes_and_let_go(store: Store, couple: Couple) -> None:
    assert sessions.first_time(store, couple.id)
    first = sessions.begin(store, couple, ["respect"], PACKS).session
    assert not sessions.first_time(store, couple.id)
    sessions.release(store, couple.id, first.id)
    second = sessions.begin(store, couple, ["respect"], PACKS).session
    assert [s.id for s in sessions.earlier(store, couple.id, second.id)] == [first.id]
    assert (
        sessions.notes(store, couple.id, second.id).path == store.notes(couple.id, second.id).path
    )
    # Let go, the session can be opened for writing again by another store (another window).
    sessions.release(store, couple.id, second.id)
    again = Store(store.root)
    walked = sessions.resume(again, couple, lambda: PACKS, lambda text, title: None)
    assert (walked.session.id, walked.read_only) == (second.id, None)
    again.close()


def test_what_a_session_made(store: Store, couple: Couple) -> None:
    session = sessions.begin(store, couple, ["respect"], PACKS).session
    assert sessions.made_in(store, couple, session.id) == sessions.Made([], None)
    book = sessions.agreements(store, couple, lambda: TODAY)
    later = Term(text="Walk on Sundays", confirmed_by=["a", "b"], review_on=date(2026, 12, 20))
    sooner = Term(text="Cook on Fridays", confirmed_by=["a", "b"], review_on=date(2026, 12, 6))
    book.agree_term(later, session.id, "Respect")
    book.agree_term(sooner, "an-earlier-one", "Respect")
    made = sessions.made_in(store, couple, session.id)
    assert [a.text for a in made.agreements] == ["Walk on Sundays"]
    assert made.soonest is not None
    assert made.soonest.text == "Cook on Fridays"
    store.layout.agreements_file(couple.id).write_text("not = [toml", encoding="utf-8")
    assert sessions.made_in(store, couple, session.id) == sessions.Made([], None)


def test_documents_written_in_the_clear_are_not_sealed(store: Store, couple: Couple) -> None:
    written = sessions.write_documents(store, couple, PACKS, TODAY)
    assert not written.sealed
    assert written.files
