"""The caseload service: the couples' rows, a couple required, the archive, deleting, the care
flag; each failure a ServiceError with a message to show."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from workbook.data.store import Store
from workbook.service import caseload
from workbook.service.errors import NotFound, NotSaved

TODAY = date(2026, 11, 22)


@pytest.fixture
def store(data_dir: Path) -> Store:
    made = Store(data_dir)
    made.prepare()
    made.create_couple("Sam", "Alex", "Dr. Lee")
    return made


def test_rows_are_the_couples_command_json_and_hide_the_archived(store: Store) -> None:
    (couple_id,) = store.couple_ids()
    (row,) = caseload.rows(caseload.caseload(store, TODAY, save=False))
    assert row["id"] == couple_id
    assert row["partners"] == [{"key": "a", "name": "Sam"}, {"key": "b", "name": "Alex"}]
    assert row["facilitator"] == "Dr. Lee"
    assert row["care_flag"] is None
    assert not (store.root / "index.toml").exists()  # listing writes nothing
    caseload.archive(store, couple_id, True)
    found = caseload.caseload(store, TODAY)
    assert caseload.rows(found) == []
    assert [r["archived"] for r in caseload.rows(found, archived=True)] == [True]


def test_a_couple_or_session_that_is_not_there_is_not_found(store: Store) -> None:
    (couple_id,) = store.couple_ids()
    caseload.require_couple(store, couple_id)
    for wrong in ("nobody", "../x", ""):
        with pytest.raises(NotFound, match="no couple"):
            caseload.require_couple(store, wrong)
    with pytest.raises(NotFound, match="has no session"):
        caseload.require_session(store, couple_id, "2026-01-01-1200")


def test_rename_without_agreements_writes_no_document(store: Store) -> None:
    (couple_id,) = store.couple_ids()
    renamed = caseload.rename(store, couple_id, ("Kim", "Jo"), "", lambda: TODAY)
    assert renamed.document_problem is None
    assert renamed.couple.facilitator is None
    assert store.load_couple(couple_id).names == ("Kim", "Jo")
    assert not store.layout.agreement_document(couple_id).exists()


def test_failures_are_not_saved_with_the_reason(store: Store) -> None:
    (couple_id,) = store.couple_ids()
    with pytest.raises(NotSaved, match="a reason is needed"):
        caseload.clear_care(store, couple_id, "   ", datetime(2026, 11, 22, 12))
    store.layout.couple_file(couple_id).write_text("not toml [")
    with pytest.raises(NotSaved, match="The couple could not be changed"):
        caseload.archive(store, couple_id, True)
    with pytest.raises(NotSaved, match=r"couple\.toml"):
        caseload.load(store, couple_id)


def test_delete_removes_the_couple_and_a_second_delete_says_why(store: Store) -> None:
    (couple_id,) = store.couple_ids()
    caseload.delete(store, couple_id)
    assert store.couple_ids() == []
    with pytest.raises(NotSaved, match="no such couple folder"):
        caseload.delete(store, couple_id)
