"""Save failures and read errors that main still worded in English inside translated sentences
(issue 25): each is English for the command line and the logs, byte for byte as main wrote it,
and said in Spanish and in Arabic with none of its template's English words left but paths, the
OS's own words and names (``english_left``)."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest

from tests.crypt_helpers import PASSPHRASE, quick_wrap
from tests.test_said import ARABIC, SPANISH
from tests.test_said_data import _said_everywhere, english_left
from workbook.data import care, crypt_folder, model_files, places, removal, seat_answers, vault
from workbook.data.durable import SaveError
from workbook.data.files import DataError
from workbook.data.migrate import MigrationError, migrate
from workbook.data.models import Couple
from workbook.data.seat_answers import SeatAnswers
from workbook.data.store import Store
from workbook.i18n.catalog import SOURCE_TRANSLATIONS
from workbook.i18n.os_words import OsProblem
from workbook.i18n.said import said_in
from workbook.reading import Unreadable
from workbook.service import apart_session
from workbook.service.recorder import Unsaved

WHEN = datetime(2026, 11, 29, 18, 5)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    made = Store(tmp_path / "data")
    couple = made.create_couple("Sam", "Alex", "Dr. Rivera", when=WHEN)
    session = made.new_session(couple.id, ["respect"], when=WHEN)
    made.release_session(couple.id, str(session.id))
    return made


def _only(store: Store) -> str:
    return store.couple_ids()[0]


def test_a_format_too_old_is_said_whole() -> None:
    path = Path("/d/couples/x/couple.toml")
    with pytest.raises(DataError) as raised:
        model_files.from_table(path, "couple", {"format": 0}, Couple)
    _said_everywhere(
        raised.value, f"{path}: format 0 is too old for this workbook to read", str(path)
    )
    with pytest.raises(MigrationError) as bare:
        migrate("couple", {})
    _said_everywhere(bare.value, "the file has no format number")


def test_a_sealed_file_too_large_undecryptable_or_locked_is_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    quick_wrap(monkeypatch)
    root = tmp_path / "data"
    crypt_folder.encrypt(root, PASSPHRASE, lambda code: None)
    crypt_folder.open_folder(root, PASSPHRASE, lambda code: None)
    couple = Store(root).create_couple("Sam", "Alex", when=WHEN)
    path = Store(root).layout.couple_file(couple.id)
    try:
        with pytest.raises(Unreadable) as large:
            places.read_limited(path, 10)
        _said_everywhere(large.value, f"{path}: it is larger than 0.01 KB", str(path), "KB")
        vault.disk(path).write_bytes(b"not sealed at all")
        with pytest.raises(Unreadable) as foreign:
            places.read_limited(path, 10_000)
        english = f"{path}: it cannot be decrypted with this folder's key"
        _said_everywhere(foreign.value, english, str(path))
        vault.forget(root)
        vault.note_folder(root)
        with pytest.raises(Unreadable) as locked:
            places.read_limited(path, 10_000)
        english = f"{path}: the data folder {root} is encrypted and has not been unlocked"
        _said_everywhere(locked.value, english, str(path), str(root))
    finally:
        vault.forget(root)


def test_a_partner_s_answers_file_that_cannot_be_saved_says_why(store: Store) -> None:
    couple_id = _only(store)
    session_file = store.layout.session_file(couple_id, store.session_ids(couple_id)[0])
    seat = SeatAnswers(session_file, "a")
    seat.path.write_text("not = [toml", encoding="utf-8")
    with pytest.raises(SaveError) as unread:
        seat.put("respect", "meaning", "words")
    problem = unread.value.reason.removeprefix("it cannot be read (").removesuffix(")")
    assert problem.startswith("line 1, column")
    english = f"could not save {seat.path}: it cannot be read ({problem})"
    _said_everywhere(unread.value, english, str(seat.path), "Invalid value")
    seat.path.unlink()
    seat.path.symlink_to(seat.path.with_name("elsewhere.toml"))
    with pytest.raises(SaveError) as linked:
        seat.put("respect", "meaning", "words")
    english = f"could not save {seat.path}: it is a link, which workbook never writes through"
    _said_everywhere(linked.value, english, str(seat.path))
    seat.path.unlink()
    vault.lock_file(seat.path).unlink(missing_ok=True)
    vault.lock_file(seat.path).mkdir()
    with pytest.raises(SaveError) as lock:
        seat.put("respect", "meaning", "words")
    english = f"could not save {seat.path}: its lock cannot be used: it is a folder, not a file"
    _said_everywhere(lock.value, english, str(seat.path))
    _said_everywhere(
        SaveError(seat.path, seat_answers.BUSY),
        f"could not save {seat.path}: another window is busy saving; try again",
        str(seat.path),
    )


def test_removing_a_couple_says_why_it_was_not_done(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    couple_id = _only(store)
    folder = store.layout.couple_folder(couple_id)
    missing = store.layout.couple_folder("no-such-couple")
    with pytest.raises(SaveError) as none:
        removal.remove_couple(store, "no-such-couple")
    _said_everywhere(
        none.value, f"could not save {missing}: there is no such couple folder", str(missing)
    )
    lock = folder / "couple.lock"
    lock.unlink(missing_ok=True)
    lock.mkdir()
    with pytest.raises(SaveError) as unusable:
        removal.remove_couple(store, couple_id)
    english = f"could not save {folder}: a lock file cannot be used: it is a folder, not a file"
    _said_everywhere(unusable.value, english, str(folder))
    lock.rmdir()
    # What ``trash.remove_tree`` gives for a file it cannot remove: the OS's problem.
    denied = OsProblem(PermissionError(13, "Permission denied"))
    monkeypatch.setattr(removal, "remove_tree", lambda path: [("/t/x.toml", denied)])
    monkeypatch.setattr("workbook.data.index.forget", lambda store, couple_id: "index.toml is busy")
    with pytest.raises(SaveError) as left:
        removal.remove_couple(store, couple_id)
    trash = left.value.reason.split("it is in ")[1].split(",")[0]
    english = (
        f"could not save {folder}: the couple is no longer listed, but 1 file could not be "
        f"removed (/t/x.toml: Permission denied); it is in {trash}, which workbook tries "
        "again to remove at its next start"
    )
    _said_everywhere(left.value, english, str(folder), trash, "/t/x.toml")
    os.symlink(trash, folder)
    with pytest.raises(SaveError) as link:
        removal.remove_couple(store, couple_id)
    english = (
        f"could not save {folder}: it is a link to another place; workbook never deletes "
        "through links"
    )
    _said_everywhere(link.value, english, str(folder))


def test_the_index_left_naming_a_removed_couple_is_said(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    couple_id = _only(store)
    folder = store.layout.couple_folder(couple_id)
    monkeypatch.setattr("workbook.data.index.forget", lambda store, couple_id: "index.toml is busy")
    with pytest.raises(SaveError) as named:
        removal.remove_couple(store, couple_id)
    english = (
        f"could not save {folder}: every file of the couple is removed, but index.toml still "
        "names them (index.toml is busy); Home takes them out of it when it can write it again"
    )
    _said_everywhere(named.value, english, str(folder), "index.toml is busy", "index.toml")


def test_a_care_flag_with_no_session_to_note_it_in_says_so(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    couple_id = _only(store)
    session_id = store.session_ids(couple_id)[0]
    care.raise_flag(store, couple_id, session_id, WHEN)
    monkeypatch.setattr(Store, "session_ids", lambda self, couple_id: [])
    with pytest.raises(SaveError) as none:
        care.clear_flag(store, couple_id, "talked it through", WHEN)
    path = store.layout.couple_file(couple_id)
    _said_everywhere(
        none.value, f"could not save {path}: there is no session to note it in", str(path)
    )


def test_an_apart_session_that_cannot_begin_or_save_says_why(store: Store) -> None:
    couple = store.load_couple(_only(store))
    gate = store.layout.sessions_folder(couple.id) / "apart.lock"
    gate.mkdir()
    with pytest.raises(SaveError) as not_begun:
        apart_session.begin(store, couple, [])
    os_words = str(not_begun.value.__cause__)
    english = f"could not save {gate}: the session could not be begun: {os_words}"
    _said_everywhere(not_begun.value, english, os_words, str(gate))
    path = Path("/d/s.toml")
    _said_everywhere(
        SaveError(path, apart_session.BUSY),
        f"could not save {path}: the session is busy in another window",
        str(path),
    )
    denied = PermissionError(13, "Permission denied")
    _said_everywhere(
        SaveError(path, apart_session.lock_unusable(denied)),
        f"could not save {path}: its lock cannot be used: Permission denied",
        str(path),
    )


@pytest.mark.parametrize(
    ("steps", "since", "english"),
    [
        (1, None, "1 answer changed"),
        (2, WHEN, "2 answers changed since 18:05:00"),
        (11, WHEN, "11 answers changed since 18:05:00"),
    ],
)
def test_what_is_unsaved_is_english_as_before_and_said_with_the_language_s_plurals(
    steps: int, since: datetime | None, english: str
) -> None:
    unsaved = Unsaved(steps, since, removal.IN_USE)
    assert unsaved.describe() == english == unsaved.said(SOURCE_TRANSLATIONS)
    for tr in (SPANISH, ARABIC):
        said = unsaved.said(tr)
        assert not {"answer", "answers", "changed", "since"} & set(said.split())
        assert (str(steps) in said) or steps <= 2


def test_a_lock_file_that_is_a_link_is_said(store: Store) -> None:
    couple_id = _only(store)
    session_id = store.session_ids(couple_id)[0]
    lock = vault.lock_file(store.layout.session_file(couple_id, session_id))
    lock.unlink(missing_ok=True)
    lock.symlink_to(lock.with_name("elsewhere"))
    reason = Store(store.root).lock_session(couple_id, session_id)
    assert reason is not None
    english = (
        f"The session's lock file ({lock.name}) cannot be used: it is a link. The session is "
        "shown read-only; remove that file to make changes."
    )
    assert str(reason) == english
    for tr in (SPANISH, ARABIC):
        assert english_left(said_in(reason, tr), english, lock.name) == []
