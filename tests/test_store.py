"""The data folder store: layout, ids, locks, read-only files, migrations."""

from __future__ import annotations

import stat
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from workbook import tomlio
from workbook.data import migrate as migrate_module
from workbook.data.layout import data_folder, slug
from workbook.data.models import Agreements
from workbook.data.store import SESSION_IN_USE, DataError, ReadOnlyError, Store
from workbook.logic.agreements import add_agreement

WHEN = datetime(2026, 11, 22, 19, 5, tzinfo=timezone(timedelta(hours=1)))


@pytest.fixture
def store(data_dir: Path) -> Store:
    made = Store(data_dir)
    made.prepare()
    return made


def test_data_folder_resolution(tmp_path: Path) -> None:
    assert data_folder(tmp_path / "opt", {"WORKBOOK_DATA_DIR": "/env"}) == tmp_path / "opt"
    assert data_folder(None, {"WORKBOOK_DATA_DIR": str(tmp_path)}) == tmp_path
    assert data_folder(None, {}).name == "workbook"


def test_couple_ids_are_made_from_names_and_unique(store: Store) -> None:
    first = store.create_couple("Sam", "Alex", "Dr. Lee", when=WHEN)
    second = store.create_couple("Sam", "Alex", when=WHEN)
    third = store.create_couple("Zoë Ann", "李", when=WHEN)
    assert (first.id, second.id, third.id) == (
        "sam-and-alex",
        "sam-and-alex-2",
        "zoe-ann-and-partner-b",
    )
    assert store.couple_ids() == ["sam-and-alex", "sam-and-alex-2", "zoe-ann-and-partner-b"]
    assert store.load_couple("sam-and-alex") == first
    assert slug("  --  ", "x") == "x"


def test_couple_file_matches_the_contract(store: Store, data_dir: Path) -> None:
    store.create_couple("Sam", "Alex", "Dr. Lee", when=WHEN)
    path = data_dir / "couples" / "sam-and-alex" / "couple.toml"
    assert tomlio.loads(path.read_text()) == {
        "format": 1,
        "id": "sam-and-alex",
        "created": WHEN,
        "facilitator": "Dr. Lee",
        "partners": [{"key": "a", "name": "Sam"}, {"key": "b", "name": "Alex"}],
    }
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_couples_need_two_different_names(store: Store) -> None:
    with pytest.raises(ValueError, match="different names"):
        store.create_couple("Sam", "sam")
    with pytest.raises(ValueError, match="at least 1"):
        store.create_couple("Sam", "  \n ")


def test_session_ids_follow_the_clock_and_are_unique(store: Store) -> None:
    couple = store.create_couple("Sam", "Alex")
    one = store.new_session(couple.id, ["respect"], when=WHEN)
    two = store.new_session(couple.id, ["values"], when=WHEN)
    assert (one.id, two.id) == ("2026-11-22-1905", "2026-11-22-1905-2")
    assert store.session_ids(couple.id) == [one.id, two.id]


def test_session_round_trip_keeps_answers_and_unknown_keys(store: Store, data_dir: Path) -> None:
    couple = store.create_couple("Sam", "Alex")
    session = store.new_session(couple.id, ["respect"], when=WHEN)
    session.set_answer("respect", "meaning", {"a": "Being asked,\nnot told.", "b": "Time"})
    session.set_answer("respect", "areas", {"a": {"Beliefs": 4, "Personal growth": 2}})
    store.save_session(couple.id, session)
    path = data_dir / "couples" / couple.id / "sessions" / f"{session.id}.toml"
    table = tomlio.loads(path.read_text())
    table["from_the_future"] = {"kept": True}
    path.write_text(tomlio.dumps(table))
    loaded = store.load_session(couple.id, session.id)
    assert loaded.answer("respect", "meaning")["a"] == "Being asked,\nnot told."
    assert loaded.answer("respect", "areas") == {"a": {"Beliefs": 4, "Personal growth": 2}}
    store.save_session(couple.id, loaded)
    assert tomlio.loads(path.read_text())["from_the_future"] == {"kept": True}


def test_a_second_process_opens_a_session_read_only(store: Store, data_dir: Path) -> None:
    couple = store.create_couple("Sam", "Alex")
    session = store.new_session(couple.id, ["respect"], when=WHEN)
    other = Store(data_dir)
    assert other.lock_session(couple.id, session.id) == SESSION_IN_USE
    loaded = other.load_session(couple.id, session.id)
    with pytest.raises(ReadOnlyError, match="open in another workbook window"):
        other.save_session(couple.id, loaded)
    store.save_session(couple.id, session)
    store.close()
    third = Store(data_dir)
    assert third.lock_session(couple.id, session.id) is None
    third.save_session(couple.id, loaded)
    lock = data_dir / "couples" / couple.id / "sessions" / f"{session.id}.toml.lock"
    assert stat.S_IMODE(lock.stat().st_mode) == 0o600
    third.close()


def test_a_newer_format_opens_read_only_and_is_never_overwritten(
    store: Store, data_dir: Path
) -> None:
    couple = store.create_couple("Sam", "Alex")
    path = data_dir / "couples" / couple.id / "couple.toml"
    newer = path.read_text().replace("format = 1", "format = 7")
    path.write_text(newer)
    loaded = store.load_couple(couple.id)
    assert "newer workbook (format 7)" in str(store.read_only[path])
    with pytest.raises(ReadOnlyError):
        store.save_couple(loaded)
    assert path.read_text() == newer


def test_an_older_format_is_backed_up_then_migrated(
    store: Store, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    couple = store.create_couple("Sam", "Alex")
    path = data_dir / "couples" / couple.id / "couple.toml"
    table = tomlio.loads(path.read_text())
    table["format"] = 0
    table["people"] = table.pop("partners")
    old = tomlio.dumps(table)
    path.write_text(old)

    def zero_to_one(t: dict[str, object]) -> dict[str, object]:
        t["partners"] = t.pop("people")
        return t

    monkeypatch.setitem(migrate_module.MIGRATIONS, "couple", {0: zero_to_one})
    assert store.load_couple(couple.id) == couple
    assert (path.parent / "couple.toml.format-0.bak").read_text() == old
    assert tomlio.loads(path.read_text())["format"] == 1


def test_a_format_too_old_to_migrate_is_a_clear_error(store: Store, data_dir: Path) -> None:
    couple = store.create_couple("Sam", "Alex")
    path = data_dir / "couples" / couple.id / "couple.toml"
    path.write_text(path.read_text().replace("format = 1", "format = 0"))
    with pytest.raises(DataError, match="too old"):
        store.load_couple(couple.id)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"format = \n", "not valid TOML"),
        (b"\xff\xfe", "not UTF-8"),
        (b'id = "x"\n', "no format number"),
        (b'format = 1\nid = "x"\n', "created"),
    ],
)
def test_broken_files_are_data_errors(
    store: Store, data_dir: Path, content: bytes, message: str
) -> None:
    folder = data_dir / "couples" / "broken"
    folder.mkdir(parents=True)
    (folder / "couple.toml").write_bytes(content)
    with pytest.raises(DataError, match=message):
        store.load_couple("broken")


def test_ids_cannot_climb_out_of_the_folder(store: Store) -> None:
    with pytest.raises(ValueError, match="not a valid id"):
        store.load_couple("../../etc")


def test_agreements_and_their_document_are_written_together(store: Store, data_dir: Path) -> None:
    couple = store.create_couple("Sam", "Alex")

    def change(agreements: Agreements) -> Agreements:
        add_agreement(
            agreements,
            text="Cook on Mondays",
            made=date(2026, 11, 22),
            session="s1",
            source="chores.tasks",
            review_days=28,
            confirmed_by=["b", "a"],
        )
        return agreements

    saved = store.update_agreements(couple.id, change, lambda a: f"{len(a.agreements)} terms\n")
    assert saved.agreements[0].id == "s1-1"
    assert saved.agreements[0].review_on == date(2026, 12, 20)
    assert store.load_agreements(couple.id) == saved
    assert (data_dir / "couples" / couple.id / "agreement.md").read_text() == "1 terms\n"
    store.update_agreements(couple.id, change, lambda a: f"{len(a.agreements)} terms\n")
    assert [a.id for a in store.load_agreements(couple.id).agreements] == ["s1-1", "s1-2"]


def test_an_agreement_needs_both_confirmations() -> None:
    with pytest.raises(ValueError, match="both partners"):
        add_agreement(
            Agreements(),
            text="x",
            made=date(2026, 1, 1),
            session=None,
            source=None,
            review_days=1,
            confirmed_by=["a"],
        )


def test_prepare_sweeps_stale_temp_files(data_dir: Path) -> None:
    import os
    import time

    data_dir.mkdir(parents=True)
    temp = data_dir / ".wb-couple.toml.deadbeef.tmp"
    temp.write_text("half")
    os.utime(temp, (time.time() - 600, time.time() - 600))
    assert Store(data_dir).prepare() == [temp]


def test_overview_reads_a_couple_without_the_models(store: Store, data_dir: Path) -> None:
    couple = store.create_couple("Sam", "Alex", "Dr. Lee", when=WHEN)
    store.new_session(couple.id, ["respect"], when=WHEN)

    def change(agreements: Agreements) -> Agreements:
        for made in (date(2026, 1, 1), date(2026, 11, 20)):
            add_agreement(
                agreements,
                text="x",
                made=made,
                session=None,
                source=None,
                review_days=28,
                confirmed_by=["a", "b"],
            )
        return agreements

    store.update_agreements(couple.id, change, lambda a: "")
    overview = store.overview(couple.id, date(2026, 11, 22))
    assert overview.names == ("Sam", "Alex")
    assert overview.facilitator == "Dr. Lee"
    assert (overview.sessions, overview.last_session) == (1, "2026-11-22-1905")
    assert (overview.agreements_active, overview.agreements_due) == (2, 1)
    path = data_dir / "couples" / couple.id / "couple.toml"
    path.write_text('format = 1\npartners = [{ name = "only one" }]\n')
    with pytest.raises(DataError, match="two tables"):
        store.overview(couple.id, date(2026, 11, 22))


def test_keep_change_and_let_go_are_recorded_by_the_book(store: Store, data_dir: Path) -> None:
    from workbook.logic.agreements import for_review
    from workbook.service.agreements import AgreementBook

    couple = store.create_couple("Sam", "Alex", when=WHEN)
    today = date(2026, 1, 1)
    book = AgreementBook(store, couple, lambda: today)
    old = book.agree(
        text="old",
        who="a",
        review_on=date(2026, 1, 8),
        session=None,
        source="respect.agree",
        source_title="Defining respect",
    )
    today = date(2026, 11, 20)
    new = book.agree(
        text="new",
        who="both",
        review_on=date(2026, 12, 18),
        session=None,
        source=None,
        source_title=None,
    )
    today = date(2026, 11, 22)
    assert [a.id for a in for_review(book.load(), today)] == [old.id, new.id]
    kept = book.review(old.id, "kept")
    assert kept.agreements[0].review_on == date(2026, 11, 29)
    changed = book.review(old.id, "changed", "older")
    first = changed.agreements[0]
    assert first.text == "older"
    assert [(r.outcome, r.before) for r in first.reviews] == [("kept", None), ("changed", "old")]
    retired = book.review(new.id, "retired")
    assert retired.agreements[1].status == "retired"
    document = (data_dir / "couples" / couple.id / "agreement.md").read_text()
    assert "**Sam will:** older" in document
    assert "new" not in document
    assert store.load_agreements(couple.id) == retired
