"""What the case record gathers: a session that cannot be read, an unreadable agreements file,
and the lenient marks of a session ended early."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from workbook.data.models import Session
from workbook.data.store import Store
from workbook.export.case_data import SessionEntry, ended_early, gather
from workbook.i18n.said import Words

START = datetime(2026, 1, 5, 19, 0, tzinfo=UTC)


def test_an_entry_without_its_session_has_no_length_nor_packs_reached() -> None:
    entry = SessionEntry("2026-01-05-1900", problem=Words("it cannot be read"))
    assert entry.length is None
    assert entry.reached() == []
    assert entry.title("respect") == "respect"


def test_the_length_runs_from_start_to_finish_and_never_backwards() -> None:
    finished = Session(id="s", started=START, updated=START, finished=START + timedelta(minutes=25))
    assert SessionEntry("s", finished).length == timedelta(minutes=25)
    backwards = Session(id="s", started=START, updated=START - timedelta(hours=1))
    assert SessionEntry("s", backwards).length is None


def test_trail_entries_that_are_not_tables_are_passed_over() -> None:
    session = Session(id="s", started=START, updated=START, trail=["odd", 3])
    assert ended_early(session) is None
    marked = Session(id="s", started=START, updated=START, trail=["odd", {"ended_early": True}])
    found = ended_early(marked)
    assert found is not None
    assert found.steps == {}


def test_gather_keeps_what_it_can_and_reports_the_rest(data_dir: Path) -> None:
    store = Store(data_dir)
    store.prepare()
    couple = store.create_couple("Sam", "Alex").id
    session_file = store.layout.session_file(couple, "2026-01-05-1900")
    session_file.parent.mkdir(parents=True, exist_ok=True)
    session_file.write_text("not toml [")
    store.layout.agreements_file(couple).write_text("also not toml [")
    data = gather(store, couple, {}, include_notes=True)
    assert data.agreements is None
    assert [e.id for e in data.sessions] == ["2026-01-05-1900"]
    assert data.sessions[0].session is None
    assert data.sessions[0].problem
    assert data.notes == {}
    assert len(data.problems) == 2
    assert any("agreements" in str(p) for p in data.problems)
