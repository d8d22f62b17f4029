"""The counsellor's notes file: stamped notes, the DAP note and sealed answers, read leniently
and changed under the file's own lock by two windows at once without losing a write."""

from __future__ import annotations

import multiprocessing
import os
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from workbook import tomlio
from workbook.data.durable import SaveError
from workbook.data.notes import NotesFile, notes_path

AT = datetime(2026, 11, 22, 19, 14, 2, tzinfo=timezone(timedelta(hours=1)))


@pytest.fixture
def notes(tmp_path: Path) -> NotesFile:
    return NotesFile(tmp_path / "sessions" / "2026-11-22-1905.toml", legacy="Older notes")


def test_notes_dap_and_sealed_answers_round_trip(notes: NotesFile) -> None:
    assert notes.read().notes == []
    index = notes.add_note("Alex went quiet at 'work'.", "respect", "areas", AT)
    notes.set_note_text(index, AT, "Alex went quiet at 'work'; come back to it.\x1b[2J")
    notes.set_dap("plan", "Return to work next time.")
    notes.seal("safety", "afraid", "b", "unsure")
    found = notes.read()
    assert [(n.at, n.pack, n.step, n.text) for n in found.notes] == [
        (AT, "respect", "areas", "Alex went quiet at 'work'; come back to it.[2J")
    ]
    assert found.dap == {"data": "", "assessment": "", "plan": "Return to work next time."}
    assert found.sealed == {"safety": {"afraid": {"b": "unsure"}}}
    assert found.legacy == "Older notes"
    assert notes.path.name == "2026-11-22-1905.notes.toml"
    assert oct(notes.path.stat().st_mode & 0o777) == "0o600"
    # A later answer, even an emptied one, is added to the earlier: nothing is taken away.
    notes.seal("safety", "afraid", "b", None, AT + timedelta(minutes=2))
    again = notes.read()
    assert again.sealed == {"safety": {"afraid": {"b": "unsure"}}}
    assert [(g.who, g.answer) for g in again.given["safety"]["afraid"]] == [
        ("b", "unsure"),
        ("b", ""),
    ]


def test_a_hand_edited_file_is_read_leniently_and_keeps_what_it_does_not_know(
    notes: NotesFile,
) -> None:
    notes.path.parent.mkdir(parents=True)
    notes.path.write_text(
        'format = 1\nmine = "kept"\ndap = "not a table"\n'
        '[[notes]]\nat = 2026-11-22T19:14:02+01:00\ntext = "one"\n'
        '[[notes]]\nat = "yesterday"\ntext = "two"\n'
        "[[notes]]\nat = 2026-11-22T19:15:00+01:00\ntext = 3\n",
        encoding="utf-8",
    )
    found = notes.read()
    assert [n.text for n in found.notes] == ["one"]
    assert len(found.problems) == 3
    notes.add_note("four", "respect", "why", AT)
    table = tomlio.loads(notes.path.read_text(encoding="utf-8"))
    assert table["mine"] == "kept"
    assert [n.get("text") for n in table["notes"]] == ["one", "two", 3, "four"]


def test_a_file_that_is_not_toml_is_set_aside_before_the_first_change(notes: NotesFile) -> None:
    notes.path.parent.mkdir(parents=True)
    notes.path.write_text("[[notes]\nat = what I typed by hand", encoding="utf-8")
    assert notes.read().problems
    notes.add_note("new", "respect", "why", AT)
    assert [n.text for n in notes.read().notes] == ["new"]
    aside = notes.path.with_name(notes.path.name + ".unreadable.bak")
    assert aside.read_text(encoding="utf-8") == "[[notes]\nat = what I typed by hand"


def test_a_newer_file_is_shown_and_never_written(notes: NotesFile) -> None:
    notes.path.parent.mkdir(parents=True)
    before = 'format = 9\n[[notes]]\nat = 2026-11-22T19:14:02+01:00\ntext = "from the future"\n'
    notes.path.write_text(before, encoding="utf-8")
    found = notes.read()
    assert found.read_only
    assert [n.text for n in found.notes] == ["from the future"]
    with pytest.raises(SaveError):
        notes.set_dap("data", "x")
    assert notes.path.read_text(encoding="utf-8") == before


def test_a_link_is_never_written_through(notes: NotesFile, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.toml"
    elsewhere.write_text("format = 1\n", encoding="utf-8")
    notes.path.parent.mkdir(parents=True)
    os.symlink(elsewhere, notes.path)
    with pytest.raises(SaveError):
        notes.add_note("x", "p", "s", AT)
    assert elsewhere.read_text(encoding="utf-8") == "format = 1\n"


def _write_many(session_file: str, who: str, count: int) -> None:
    book = NotesFile(Path(session_file))
    for number in range(count):
        if who == "console":
            book.add_note(f"{who} {number}", "respect", "areas", AT + timedelta(seconds=number))
        else:
            book.seal("safety", f"step-{number}", "a", f"{who} {number}")


def test_two_windows_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    session_file = tmp_path / "sessions" / "2026-11-22-1905.toml"
    context = multiprocessing.get_context("spawn")
    workers = [
        context.Process(target=_write_many, args=(str(session_file), who, 25))
        for who in ("console", "couple")
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
        assert worker.exitcode == 0
    found = NotesFile(session_file).read()
    assert sorted(n.text for n in found.notes) == sorted(f"console {n}" for n in range(25))
    assert len(found.sealed["safety"]) == 25
    assert notes_path(session_file).exists()
