"""A file's path is its identity, links are not written through, and odd files never crash."""

from __future__ import annotations

import os
import shutil
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from workbook import tomlio
from workbook.data.store import DataError, ReadOnlyError, Store
from workbook.reading import Unreadable, read_limited

WHEN = datetime(2026, 11, 22, 19, 5, tzinfo=timezone(timedelta(hours=1)))


@pytest.fixture
def store(data_dir: Path) -> Store:
    made = Store(data_dir)
    made.prepare()
    return made


def _session_file(data_dir: Path, couple: str, session: str) -> Path:
    return data_dir / "couples" / couple / "sessions" / f"{session}.toml"


def test_a_session_whose_id_names_another_is_read_only_and_never_touches_the_other(
    store: Store, data_dir: Path
) -> None:
    couple = store.create_couple("Sam", "Alex", when=WHEN)
    first = store.new_session(couple.id, ["respect"], when=WHEN)
    first.set_answer("respect", "meaning", {"a": "finished work", "b": "kept"})
    store.save_session(couple.id, first)
    second = store.new_session(couple.id, ["values"], when=WHEN + timedelta(hours=1))
    store.close()
    victim = _session_file(data_dir, couple.id, first.id)
    liar = _session_file(data_dir, couple.id, second.id)
    liar.write_text(liar.read_text().replace(f'id = "{second.id}"', f'id = "{first.id}"'))
    victim_bytes, liar_bytes = victim.read_bytes(), liar.read_bytes()

    again = Store(data_dir)
    loaded = again.load_session(couple.id, second.id)
    assert loaded.id == second.id
    reason = again.lock_session(couple.id, second.id)
    assert reason is not None
    assert f'says its id is "{first.id}"' in str(reason)
    with pytest.raises(ReadOnlyError):
        again.save_session(couple.id, loaded)
    assert victim.read_bytes() == victim_bytes
    assert liar.read_bytes() == liar_bytes


def test_an_id_that_climbs_out_of_the_folder_is_only_a_mismatch(
    store: Store, data_dir: Path
) -> None:
    couple = store.create_couple("Sam", "Alex", when=WHEN)
    session = store.new_session(couple.id, ["respect"], when=WHEN)
    store.close()
    path = _session_file(data_dir, couple.id, session.id)
    path.write_text(path.read_text().replace(f'id = "{session.id}"', 'id = "../../x"'))
    again = Store(data_dir)
    loaded = again.load_session(couple.id, session.id)
    assert loaded.id == session.id
    assert "read-only" in str(again.lock_session(couple.id, session.id))
    assert not (data_dir / "x.toml").exists()


def test_a_copied_couple_folder_reads_its_own_files_and_writes_nothing(
    store: Store, data_dir: Path
) -> None:
    original = store.create_couple("Sam", "Alex", when=WHEN)
    store.new_session(original.id, ["respect"], when=WHEN)
    store.update_agreements(original.id, lambda a: a, lambda a: "theirs\n")
    copy = data_dir / "couples" / "jo-and-kim"
    shutil.copytree(data_dir / "couples" / original.id, copy)
    (copy / "couple.toml").write_text(
        (copy / "couple.toml").read_text().replace('"Sam"', '"Jo"').replace('"Alex"', '"Kim"')
    )
    (copy / "agreement.md").write_text("mine\n")
    before = {p: p.read_bytes() for p in (data_dir / "couples").rglob("*") if p.is_file()}

    again = Store(data_dir)
    couple = again.load_couple("jo-and-kim")
    assert couple.id == "jo-and-kim"
    assert couple.names == ("Jo", "Kim")
    reason = again.couple_reason("jo-and-kim")
    assert reason is not None
    assert 'set id = "jo-and-kim"' in str(reason)
    with pytest.raises(ReadOnlyError):
        again.new_session("jo-and-kim", ["respect"])
    with pytest.raises(ReadOnlyError):
        again.update_agreements("jo-and-kim", lambda a: a, lambda a: "x")
    with pytest.raises(ReadOnlyError):
        again.write_document("jo-and-kim", "x")
    overview = again.overview("jo-and-kim", date(2026, 11, 22))
    assert overview.problem
    assert "another id" in overview.problem
    after = {p: p.read_bytes() for p in (data_dir / "couples").rglob("*") if p.is_file()}
    assert {p: b for p, b in after.items() if not p.name.endswith(".lock")} == {
        p: b for p, b in before.items() if not p.name.endswith(".lock")
    }


def test_a_couple_folder_linked_out_of_the_data_folder_is_not_followed(
    store: Store, data_dir: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "couple.toml").write_text(
        'format = 1\nid = "out"\ncreated = 2026-11-22T19:05:00+01:00\n'
        'partners = [{ key = "a", name = "A" }, { key = "b", name = "B" }]\n'
    )
    (data_dir / "couples" / "out").symlink_to(outside)
    with pytest.raises(DataError, match="outside the data folder"):
        store.load_couple("out")
    with pytest.raises(ReadOnlyError):
        store.write_document("out", "x")
    with pytest.raises(ReadOnlyError):
        store.update_agreements("out", lambda a: a, lambda a: "x")
    assert sorted(p.name for p in outside.iterdir()) == ["couple.toml"]


def test_a_session_linked_to_another_inside_the_folder_is_read_only(
    store: Store, data_dir: Path
) -> None:
    couple = store.create_couple("Sam", "Alex", when=WHEN)
    real = store.new_session(couple.id, ["respect"], when=WHEN)
    store.close()
    link = _session_file(data_dir, couple.id, "2026-11-23-0000")
    link.symlink_to(_session_file(data_dir, couple.id, real.id))
    again = Store(data_dir)
    again.load_session(couple.id, "2026-11-23-0000")
    assert "link" in str(again.lock_session(couple.id, "2026-11-23-0000"))


@pytest.mark.parametrize("kind", ["folder", "link out", "loop"])
def test_a_lock_that_is_not_a_file_makes_the_session_read_only(
    store: Store, data_dir: Path, tmp_path: Path, kind: str
) -> None:
    couple = store.create_couple("Sam", "Alex", when=WHEN)
    session = store.new_session(couple.id, ["respect"], when=WHEN)
    store.close()
    lock = _session_file(data_dir, couple.id, session.id).with_suffix(".toml.lock")
    lock.unlink()
    if kind == "folder":
        lock.mkdir()
    elif kind == "link out":
        target = tmp_path / "victim"
        target.write_text("keep me")
        lock.symlink_to(target)
    else:
        lock.symlink_to(lock)
    again = Store(data_dir)
    reason = again.lock_session(couple.id, session.id)
    assert reason is not None
    assert "lock file" in str(reason)
    if kind == "link out":
        assert (tmp_path / "victim").read_text() == "keep me"


def test_resuming_tries_the_lock_again(store: Store, data_dir: Path) -> None:
    couple = store.create_couple("Sam", "Alex", when=WHEN)
    session = store.new_session(couple.id, ["respect"], when=WHEN)
    other = Store(data_dir)
    assert other.lock_session(couple.id, session.id) is not None
    store.close()
    assert other.lock_session(couple.id, session.id) is None
    other.save_session(couple.id, other.load_session(couple.id, session.id))


def test_overview_is_lenient_about_agreements(store: Store, data_dir: Path) -> None:
    couple = store.create_couple("Sam", "Alex", when=WHEN)
    path = data_dir / "couples" / couple.id / "agreements.toml"
    path.write_text("format = 1\nagreements = 5\n")
    overview = store.overview(couple.id, date(2026, 11, 22))
    assert overview.problem
    assert "agreements.toml" in overview.problem
    path.write_text(
        'format = 1\n[[agreements]]\nid = "x"\ntext = "t"\nmade = 2026-01-01\n'
        "review_on = 2026-01-02T10:00:00\n"
    )
    assert store.overview(couple.id, date(2026, 11, 22)).agreements_due == 1


def test_dates_out_of_range_are_refused_with_a_message(store: Store, data_dir: Path) -> None:
    couple = store.create_couple("Sam", "Alex", when=WHEN)
    path = data_dir / "couples" / couple.id / "agreements.toml"
    path.write_text(
        'format = 1\n[[agreements]]\nid = "x"\ntext = "t"\nmade = 2026-01-01\n'
        "review_on = 9999-12-31\n"
    )
    with pytest.raises(DataError, match="9999-12-31 is out of range"):
        store.load_agreements(couple.id)


def test_strings_from_files_are_cleaned_and_deep_nesting_refused(
    store: Store, data_dir: Path
) -> None:
    couple = store.create_couple("Sam", "Alex", when=WHEN)
    session = store.new_session(couple.id, ["respect"], when=WHEN)
    store.close()
    path = _session_file(data_dir, couple.id, session.id)
    table = tomlio.loads(path.read_text())
    table["answers"] = {"respect": {"meaning": {"a": "hi\x1b]52;c;aGk=\x07 there\u202e"}}}
    path.write_text(tomlio.dumps(table))
    loaded = Store(data_dir).load_session(couple.id, session.id)
    assert loaded.answer("respect", "meaning")["a"] == "hi]52;c;aGk= there"
    path.write_text(path.read_text() + "deep = " + "[" * 40 + "]" * 40 + "\n")
    with pytest.raises(DataError, match="nested more than 32 levels"):
        Store(data_dir).load_session(couple.id, session.id)


def test_settings_that_cannot_be_read_are_kept_until_a_setting_changes(
    store: Store, data_dir: Path
) -> None:
    path = data_dir / "settings.toml"
    path.write_text("theme = [nonsense\n")
    assert store.load_settings() == {}
    assert store.settings_problem
    assert "not valid TOML" in store.settings_problem
    assert path.read_text() == "theme = [nonsense\n"
    store.save_settings({"theme": "nord"})
    assert tomlio.loads(path.read_text()) == {"theme": "nord"}
    (backup,) = data_dir.glob("settings.toml.unreadable*.bak")
    assert backup.read_text() == "theme = [nonsense\n"
    path.write_text('theme = "x"\n[keymap]\nnext = "f8"\n')
    store.save_settings({"theme": "nord"})
    assert tomlio.loads(path.read_text()) == {"theme": "nord", "keymap": {"next": "f8"}}


def test_read_limited_refuses_pipes_devices_and_large_files(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    big = tmp_path / "big"
    big.write_bytes(b"x" * 101)
    with pytest.raises(Unreadable, match="not a regular file"):
        read_limited(tmp_path / "pipe", 100)
    with pytest.raises(Unreadable, match="not a regular file"):
        read_limited(Path("/dev/zero"), 100)
    with pytest.raises(Unreadable, match="larger than"):
        read_limited(big, 100)
    with pytest.raises(Unreadable, match="folder"):
        read_limited(tmp_path, 100)
    assert read_limited(big, 101) == b"x" * 101
