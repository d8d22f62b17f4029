"""A step's answer table that a hand edit left partly unreadable is never lost to the walk.

The walk reads such a table leniently (what cannot be read is read as not given) and warns that
it is kept as it is in the file. So a table that reads as the very answer being recorded (the
couple only passed by) stays in the file byte for byte; and when the couple does change the
answer, the table as it was found is kept whole under ``as_found`` beside the new answer, where
the counsellor can see it and put it right by hand. ``as_found`` is a key the answer models keep
as they keep any key they do not know, so later saves carry it on.
"""

from __future__ import annotations

from typing import Any

from workbook.data.answers.kinds import read_answer

AS_FOUND = "as_found"


def to_record(step: Any, found: Any, table: dict[str, Any]) -> dict[str, Any] | None:
    """The table to write for ``step`` in place of ``found`` (whatever the file held there, or
    None), or None when ``found`` already reads as ``table`` and stays as it is."""
    if found is None or found == table:
        return table
    problems: list[Any] = []
    as_read = read_answer(step, found, problems)
    if as_read.to_table() == table:
        return None
    if not problems:
        return table
    return {**table, AS_FOUND: found}
