"""Each sealed file names its place, its data key and a counter, inside the encryption: a file
moved between couples or sessions is refused as one from elsewhere, an older copy put back is
said and never saved over, and files sealed before the header still open and get one."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from tests.crypt_helpers import PASSPHRASE, every_file, quick_wrap
from tests.test_crypt import SECRETS, WHEN, play
from workbook.data import crypt_folder, places, vault
from workbook.data.durable import SaveError
from workbook.data.files import DataError
from workbook.data.index import load_caseload
from workbook.data.models import Agreements
from workbook.data.places import read_limited
from workbook.data.store import ReadOnlyError, Store
from workbook.export.documents import export
from workbook.logic.agreements import add_agreement

TYPED = "forty-two characters typed by the couple!!"


@pytest.fixture(autouse=True)
def _quick(monkeypatch: pytest.MonkeyPatch) -> None:
    quick_wrap(monkeypatch)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    """An unlocked encrypted folder with one couple made by ``play``."""
    root = tmp_path / "data"
    crypt_folder.encrypt(root, PASSPHRASE, lambda code: None)
    crypt_folder.open_folder(root, PASSPHRASE, lambda code: None)
    play(Store(root))
    return Store(root)


def header(path: Path, key: vault.Key) -> dict[str, object]:
    first = key.unseal(path.read_bytes()).split(b"\n", 1)[0]
    found: dict[str, object] = json.loads(first.removeprefix(places.MAGIC))
    return found


def other_couple(store: Store) -> str:
    couple = store.create_couple("Noor", "Idris", when=WHEN)
    session = store.new_session(couple.id, ["respect"], when=WHEN)
    session.set_answer("respect", "meaning", {"a": "Noor's own words", "b": "b"})
    store.save_session(couple.id, session, stamp=False)
    store.notes(couple.id, session.id).add_note("Noor's note", "respect", "meaning", WHEN)

    def change(agreements: Agreements) -> Agreements:
        add_agreement(
            agreements,
            text="Noor and Idris walk on Sundays",
            made=WHEN.date(),
            session=session.id,
            source=None,
            review_days=28,
            confirmed_by=["a", "b"],
        )
        return agreements

    store.update_agreements(couple.id, change, lambda _: "# Noor and Idris\n")
    store.close()
    return couple.id


def test_every_sealed_file_names_its_place_and_key(store: Store) -> None:
    key = vault.key_of(store.root)
    assert key is not None
    sealed = [p for p in store.root.rglob("*.age") if p.parent != store.root or "key" not in p.name]
    assert len(sealed) >= 7
    for path in sealed:
        fields = header(path, key)
        place = path.relative_to(store.root).as_posix().removesuffix(".age")
        assert (fields["place"], fields["key"], fields["v"]) == (place, key.id, 1), path
    # The sealed index keeps each file's counter.
    index = json.dumps(
        __import__("tomllib").loads(read_limited(store.root / "index.toml", 10**7).decode()),
        default=str,
    )
    (couple_id,) = store.couple_ids()
    session = store.layout.session_file(couple_id, store.session_ids(couple_id)[0])
    assert f"couples/{couple_id}/sessions/{session.name}" in index


def test_files_moved_between_couples_are_refused_and_left_as_they_are(store: Store) -> None:
    (ours,) = store.couple_ids()
    theirs = other_couple(store)
    (session_id,) = store.session_ids(theirs)
    layout = store.layout
    # Their agreements over ours; their session and notes into our sessions folder.
    for path in (
        layout.agreements_file(ours),
        layout.session_file(ours, session_id),
        layout.notes_file(ours, session_id),
    ):
        source = layout.couple_folder(theirs) / path.relative_to(layout.couple_folder(ours))
        shutil.copy(vault.disk(source), vault.disk(path))
    moved = every_file(layout.couple_folder(ours))
    store = Store(store.root)
    with pytest.raises(DataError, match=f"sealed as couples/{theirs}/agreements.toml"):
        store.load_agreements(ours)
    with pytest.raises(DataError, match=f"sealed as couples/{theirs}/sessions/"):
        store.load_session(ours, session_id)
    # Never exported under our names, never written over, and said beside the couple.
    with pytest.raises(DataError):
        export(store, ours, {}, WHEN.date(), session_id=session_id)
    with pytest.raises(DataError, match="moved or copied"):
        store.update_agreements(ours, lambda a: a, lambda _: "")
    assert "moved or copied" in str(store.agreements_reason(ours))
    notes = store.notes(ours, session_id)
    assert any("sealed as" in str(problem) for problem in notes.read().problems)
    with pytest.raises(SaveError, match="sealed as"):
        notes.add_note("more", "respect", "meaning", WHEN)
    (overview,) = [c for c in load_caseload(store, date.today()).couples if c.id == ours]
    assert overview.problem is not None
    assert "moved or copied" in overview.problem
    assert "Noor" not in overview.problem + " ".join(overview.names)
    assert every_file(layout.couple_folder(ours)) == moved


def test_files_moved_between_sessions_are_refused(store: Store) -> None:
    (couple_id,) = store.couple_ids()
    (first,) = store.session_ids(couple_id)
    second = store.new_session(couple_id, ["respect"], when=WHEN.replace(hour=21)).id
    store.notes(couple_id, second).add_note("the second session's note", "respect", "x", WHEN)
    store.close()
    layout = store.layout
    # The first session's notes over the second's; its session file under another id.
    shutil.copy(
        vault.disk(layout.notes_file(couple_id, first)),
        vault.disk(layout.notes_file(couple_id, second)),
    )
    moved = "2026-11-23-0900"
    shutil.copy(
        vault.disk(layout.session_file(couple_id, first)),
        vault.disk(layout.session_file(couple_id, moved)),
    )
    store = Store(store.root)
    with pytest.raises(DataError, match=f"sealed as couples/{couple_id}/sessions/{first}.toml"):
        store.load_session(couple_id, moved)
    notes = store.notes(couple_id, second).read()
    assert notes.notes == []
    sealed = f"sealed as couples/{couple_id}/sessions/{first}.notes"
    assert any(sealed in str(problem) for problem in notes.problems)


def test_a_whole_couple_folder_copied_is_refused(store: Store) -> None:
    (ours,) = store.couple_ids()
    copy = store.layout.couples / vault.new_couple_id()
    shutil.copytree(store.layout.couple_folder(ours), copy)
    store = Store(store.root)
    with pytest.raises(DataError, match=f"sealed as couples/{ours}/couple.toml"):
        store.load_couple(copy.name)
    caseload = load_caseload(store, date.today())
    assert [c.id for c in caseload.couples] == [ours]
    assert [folder for folder, _ in caseload.unreadable] == [copy.name]


def test_an_older_session_put_back_is_said_and_never_saved_over(store: Store) -> None:
    (couple_id,) = store.couple_ids()
    (session_id,) = store.session_ids(couple_id)
    on_disk = vault.disk(store.layout.session_file(couple_id, session_id))
    older = on_disk.read_bytes()
    session = store.load_session(couple_id, session_id)
    store.lock_session(couple_id, session_id)
    session.set_answer("respect", "meaning", {"a": TYPED, "b": "b"})
    store.save_session(couple_id, session)
    store.close()
    on_disk.write_bytes(older)
    store = Store(store.root)
    (overview,) = load_caseload(store, date.today()).couples
    assert overview.problem is not None
    assert f"session {session_id}: this session file is older than the one saved on" in (
        overview.problem
    )
    opened = store.load_session(couple_id, session_id)
    assert TYPED not in str(opened.answers)
    reason = store.lock_session(couple_id, session_id)
    assert reason is not None
    assert "older than the one saved on" in str(reason)
    with pytest.raises(ReadOnlyError):
        store.save_session(couple_id, opened)
    assert on_disk.read_bytes() == older
    # The newer copy put back is read as it was, and may be saved again.
    store.close()


def test_an_older_notes_file_is_shown_and_never_added_to(store: Store) -> None:
    (couple_id,) = store.couple_ids()
    (session_id,) = store.session_ids(couple_id)
    notes = store.notes(couple_id, session_id)
    on_disk = vault.disk(notes.path)
    older = on_disk.read_bytes()
    notes.add_note("a later note", "respect", "meaning", WHEN)
    on_disk.write_bytes(older)
    found = notes.read()
    assert found.read_only is not None
    assert "older than the one saved on" in str(found.read_only)
    with pytest.raises(SaveError, match="older than"):
        notes.add_note("typed over the newer", "respect", "meaning", WHEN)
    assert on_disk.read_bytes() == older


def test_files_sealed_before_the_header_open_and_get_one_when_saved(store: Store) -> None:
    (couple_id,) = store.couple_ids()
    (session_id,) = store.session_ids(couple_id)
    key = vault.key_of(store.root)
    assert key is not None
    on_disk = vault.disk(store.layout.session_file(couple_id, session_id))
    body = places.split(key.unseal(on_disk.read_bytes()))[1]
    on_disk.write_bytes(key.seal(body))  # as an earlier workbook sealed it: no header
    session = store.load_session(couple_id, session_id)
    assert SECRETS[3] in str(session.answers)
    store.lock_session(couple_id, session_id)
    store.save_session(couple_id, session)
    assert header(on_disk, key)["place"] == f"couples/{couple_id}/sessions/{session_id}.toml"


def test_decrypt_stops_at_a_file_from_another_place(store: Store) -> None:
    (ours,) = store.couple_ids()
    theirs = other_couple(store)
    shutil.copy(
        vault.disk(store.layout.agreements_file(theirs)),
        vault.disk(store.layout.agreements_file(ours)),
    )
    vault.forget_all()
    with pytest.raises(crypt_folder.CryptError, match="moved or copied"):
        crypt_folder.decrypt(store.root, PASSPHRASE)
    # Nothing was turned into another couple's plain file: the copy is still sealed.
    folder = store.layout.couple_folder(ours)
    assert not (folder / "agreements.toml").exists()
    assert (folder / "agreements.toml.age").exists()
