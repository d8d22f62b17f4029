"""The progress note of a hand-edited notes file: what cannot be read is reported and kept."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from workbook.data.progress_note import add_addendum, read_note, set_part, sign

AT = datetime(2026, 11, 22, 19, 5, tzinfo=UTC)


@pytest.mark.parametrize(
    ("table", "problem"),
    [
        ({"dap": "odd"}, "dap: not a table; left as it is"),
        ({"note": ["odd"]}, "note: not a table; left as it is"),
        ({"note": {"parts": "odd"}}, "note.parts: not a table; left as it is"),
        ({"note": {"parts": {"data": 3}}}, "note.parts.data: not text; left as it is"),
    ],
)
def test_a_part_of_the_wrong_shape_is_reported(table: dict[str, Any], problem: str) -> None:
    note = read_note(table)
    assert problem in map(str, note.problems)
    assert note.parts == {}


def test_a_signature_that_is_not_a_time_keeps_the_note_signed() -> None:
    note = read_note({"note": {"template": 3, "signed": "yesterday", "addenda": {"at": AT}}})
    assert note.template == "DAP"
    assert note.signed is not None
    problems = list(map(str, note.problems))
    assert "note.signed: not a date and time; the note is kept as signed" in problems
    assert "addendum 1 cannot be read; it stays in the file" in problems


def test_a_note_of_the_wrong_shape_is_kept_beside_the_new_one() -> None:
    table: dict[str, Any] = {"note": "odd", "dap": {"data": "kept", "plan": 3}}
    set_part(table, "SOAP", "plan", "Talk again")
    assert table["note-unreadable"] == "odd"
    assert table["note"]["template"] == "SOAP"
    assert table["note"]["parts"] == {"data": "kept", "plan": "Talk again"}
    table["note"]["parts"] = "odd"
    set_part(table, "SOAP", "subjective", "Calm")
    assert table["note"]["parts-unreadable"] == "odd"
    assert table["note"]["parts"] == {"subjective": "Calm"}


def test_a_part_the_template_has_not_is_refused() -> None:
    with pytest.raises(ValueError, match="no part 'data' in a BIRP note"):
        set_part({}, "BIRP", "data", "x")
    with pytest.raises(ValueError, match="no part"):
        set_part({}, "XYZ", "data", "x")


def test_an_addendum_needs_words_and_keeps_odd_addenda_beside() -> None:
    table: dict[str, Any] = {}
    sign(table, AT)
    with pytest.raises(ValueError, match="needs a few words"):
        add_addendum(table, " \x07 ", AT)
    table["note"]["addenda"] = "odd"
    add_addendum(table, " More. ", AT)
    assert table["note"]["addenda-unreadable"] == "odd"
    assert table["note"]["addenda"] == [{"at": AT, "text": "More."}]
