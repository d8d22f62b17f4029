"""The progress note in the counsellor's template: DAP, SOAP or BIRP parts, signed once and
read-only from then on, with later words as addenda that keep their own time; an older ``[dap]``
is read as a DAP note; what cannot be read stays in the file."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from workbook import tomlio
from workbook.cli import main
from workbook.data.durable import SaveError
from workbook.data.notes import NotesFile
from workbook.data.progress_note import read_note
from workbook.data.store import Store

AT = datetime(2026, 11, 22, 20, 30, tzinfo=UTC)
LATER = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


@pytest.fixture
def notes(tmp_path: Path) -> NotesFile:
    return NotesFile(tmp_path / "2026-11-22-1905.toml")


def test_a_soap_note_is_signed_then_read_only_and_takes_addenda(notes: NotesFile) -> None:
    notes.set_part("SOAP", "subjective", "Both said the week was calmer.")
    notes.set_part("SOAP", "plan", "Check-in at home on Sunday.")
    with pytest.raises(SaveError, match="not signed yet"):
        notes.add_addendum("Too early", LATER)
    notes.sign_note(AT)
    with pytest.raises(SaveError, match="signed"):
        notes.set_part("SOAP", "plan", "Changed afterwards")
    notes.add_addendum("Alex phoned: Sunday moves to Monday.", LATER)
    notes.sign_note(LATER)  # signing again keeps the first time
    found = notes.read().progress
    assert found.template == "SOAP"
    assert found.part_ids() == ("subjective", "objective", "assessment", "plan")
    assert found.parts["plan"] == "Check-in at home on Sunday."
    assert found.signed == AT
    assert [(a.at, a.text) for a in found.addenda] == [
        (LATER, "Alex phoned: Sunday moves to Monday.")
    ]
    assert found.problems == []


def test_an_older_dap_table_is_read_as_a_dap_note_and_kept(notes: NotesFile) -> None:
    notes.path.write_text('format = 1\n[dap]\ndata = "Quiet."\nplan = 3\n', encoding="utf-8")
    found = notes.read()
    assert found.progress.template == "DAP"
    assert found.progress.parts == {"data": "Quiet."}
    assert found.dap["data"] == "Quiet."
    assert any("plan" in str(problem) for problem in found.problems)
    notes.set_dap("assessment", "Settling.")
    table = tomlio.loads(notes.path.read_text(encoding="utf-8"))
    assert table["dap"] == {"data": "Quiet.", "plan": 3}
    assert table["note"]["parts"] == {"data": "Quiet.", "assessment": "Settling."}


def test_a_signature_that_cannot_be_read_still_keeps_the_note_read_only() -> None:
    note = read_note({"note": {"template": "BIRP", "signed": "yesterday", "addenda": [3]}})
    assert note.signed is not None
    assert len(note.problems) == 2


def test_the_counsellors_notes_show_the_signed_note_and_its_addenda(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = Store(data_dir)
    store.prepare()
    couple = store.create_couple("Sam", "Alex", "Dr. Ade").id
    session = store.new_session(couple, ["check-in"], AT)
    store.close()
    notes = store.notes(couple, session.id)
    notes.set_part("BIRP", "behavior", "Sam <b>left</b> early")
    notes.sign_note(AT)
    notes.add_addendum("# Not a heading", LATER)
    assert main(["export", couple, "--session", session.id, "--include-notes"]) == 0
    text = capsys.readouterr().out
    assert "BIRP note" in text
    assert "Behavior:" in text
    assert "Signed 22 November 2026" in text
    assert "Addendum" in text
    assert "\n# Not a heading" not in text
    assert "<b>" not in text
