"""A session's notes file: hand-edited tables read leniently, refused changes, a gone couple."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from workbook import tomlio
from workbook.data.durable import SaveError
from workbook.data.notes import NotesFile, parse

AT = datetime(2026, 11, 22, 19, 5, tzinfo=UTC)


@pytest.fixture
def notes(tmp_path: Path) -> NotesFile:
    (tmp_path / "sessions").mkdir()
    return NotesFile(tmp_path / "sessions" / "2026-11-22-1905.toml")


def test_notes_that_are_not_a_list_are_reported() -> None:
    found = parse({"format": 1, "notes": "hello"})
    assert found.notes == []
    assert "notes: not a list of notes; left as it is" in map(str, found.problems)


def test_a_note_that_is_not_a_table_is_reported_and_the_others_read() -> None:
    found = parse({"notes": ["odd", {"at": AT, "text": "kept", "origin": 7}]})
    assert [n.text for n in found.notes] == ["kept"]
    assert found.notes[0].origin == "7"
    assert list(map(str, found.problems)) == ["note 1 cannot be read; it stays in the file"]


def test_sealed_steps_that_are_not_tables_are_passed_over() -> None:
    found = parse({"sealed": {"pack": "odd", "other": {"step": "odd"}}})
    assert found.sealed == {}


def test_a_linked_notes_file_is_not_followed(notes: NotesFile, tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.toml"
    target.write_text('format = 1\nnotes = [{at = 2026-11-22T19:05:00Z, text = "x"}]\n')
    notes.path.symlink_to(target)
    found = notes.read()
    assert found.notes == []
    assert list(map(str, found.problems)) == [
        "the notes file is a link, which workbook does not follow"
    ]
    with pytest.raises(SaveError, match="never writes through links"):
        notes.add_note("more", "p", "s", AT)


def test_set_note_text_adds_a_note_whose_stamp_is_gone(notes: NotesFile) -> None:
    notes.add_note("first", "p", "s", AT)
    later = datetime(2026, 11, 22, 20, 0, tzinfo=UTC)
    notes.set_note_text(0, later, "typed on")
    assert [n.text for n in notes.read().notes] == ["first", "typed on"]


def test_set_dap_refuses_a_part_it_does_not_have(notes: NotesFile) -> None:
    with pytest.raises(ValueError, match="no DAP part"):
        notes.set_dap("summary", "x")


def test_an_addendum_needs_a_signed_note_then_is_kept(notes: NotesFile) -> None:
    notes.set_dap("data", "They talked.")
    with pytest.raises(SaveError, match="not signed yet"):
        notes.add_addendum("More.", AT)
    notes.sign_note(AT)
    notes.add_addendum("More.", AT)
    progress = notes.read().progress
    assert progress.signed == AT
    assert [a.text for a in progress.addenda] == ["More."]


def test_seal_refuses_an_unknown_partner(notes: NotesFile) -> None:
    with pytest.raises(ValueError, match="no partner"):
        notes.seal("pack", "step", "c", "x", AT)
    assert not notes.path.exists()


def test_hand_edited_notes_and_sealed_of_the_wrong_type_are_kept_beside(
    notes: NotesFile,
) -> None:
    notes.path.write_text('format = 1\nnotes = "odd"\nsealed = 3\n')
    notes.add_note("new", "p", "s", AT)
    notes.seal("pack", "step", "a", "mine", AT)
    table = tomlio.loads(notes.path.read_text())
    assert table["notes-unreadable"] == "odd"
    assert table["sealed-unreadable"] == 3
    assert [n.text for n in notes.read().notes] == ["new"]


def test_an_unreadable_file_is_set_aside_with_a_fresh_name_each_time(notes: NotesFile) -> None:
    for _ in range(2):
        notes.path.write_text("this is [ not toml")
        notes.add_note("new", "p", "s", AT)
    folder = notes.path.parent
    assert (folder / (notes.path.name + ".unreadable.bak")).read_text() == "this is [ not toml"
    assert (folder / (notes.path.name + ".unreadable-2.bak")).exists()
    assert [n.text for n in notes.read().notes] == ["new"]


def test_nothing_is_saved_for_a_deleted_couple(tmp_path: Path) -> None:
    folder = tmp_path / "couples" / "c1" / "sessions"
    notes = NotesFile(folder / "s.toml", couple_file=tmp_path / "couples" / "c1" / "couple.toml")
    with pytest.raises(SaveError, match="deleted"):
        notes.add_note("x", "p", "s", AT)
    assert not folder.exists()


def test_a_lock_that_cannot_be_made_is_a_save_error(notes: NotesFile) -> None:
    lock = notes.path.with_name(notes.path.name + ".lock")
    lock.mkdir()
    (lock / "x").write_text("")
    with pytest.raises(SaveError):
        notes.add_note("x", "p", "s", AT)
