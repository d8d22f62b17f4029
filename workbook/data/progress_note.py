"""The session's progress note in the counsellor's template (DAP, SOAP or BIRP), as the notes
file keeps it under ``[note]`` (DESIGN.md section 5); ``[dap]`` in older files is read as a DAP
note.

A note is signed once: its time is kept (``signed``) and from then on its parts are read-only.
What the counsellor adds later is an addendum, with its own time, appended and never changed.
Reading is lenient: a part or an addendum that cannot be read is said in ``problems`` and stays
in the file as it is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from workbook.data.dates import in_range
from workbook.i18n.catalog import N_
from workbook.i18n.said import Said, Words
from workbook.text import clean

TEMPLATES: dict[str, tuple[str, ...]] = {
    "DAP": ("data", "assessment", "plan"),
    "SOAP": ("subjective", "objective", "assessment", "plan"),
    "BIRP": ("behavior", "intervention", "response", "plan"),
}
# Marked for the catalog, translated where shown.
PART_TITLES = {
    "data": N_("Data"),
    "assessment": N_("Assessment"),
    "plan": N_("Plan"),
    "subjective": N_("Subjective"),
    "objective": N_("Objective"),
    "behavior": N_("Behavior"),
    "intervention": N_("Intervention"),
    "response": N_("Response"),
}
DEFAULT_TEMPLATE = "DAP"
SIGNED = N_("the progress note is signed: it is kept as it was, and later words go in an addendum")
NOT_SIGNED = N_("the note is not signed yet: change it as it is")
NO_WORDS = N_("an addendum needs a few words")
# What cannot be read in a notes file's note: ``dap``, ``note`` and the like are its keys.
DAP_NOT_TABLE = N_("dap: not a table; left as it is")
NOTE_NOT_TABLE = N_("note: not a table; left as it is")
PARTS_NOT_TABLE = N_("note.parts: not a table; left as it is")
# TRANSLATORS: {part} is the name of a part of the note in the file (plan, data).
PART_NOT_TEXT = N_("note.parts.{part}: not text; left as it is")
SIGNED_NOT_TIME = N_("note.signed: not a date and time; the note is kept as signed")
ADDENDUM = N_("addendum {number} cannot be read; it stays in the file")


class Refused(Said, ValueError):
    """A change the note does not take (a signed note's part, an empty addendum): ``str`` the
    English, ``said(tr)`` in a screen's language."""


class NoteSigned(Refused):
    """A part of a signed note cannot be changed."""


@dataclass(frozen=True)
class Addendum:
    at: datetime
    text: str


@dataclass
class ProgressNote:
    """The progress note as far as it can be read."""

    template: str = DEFAULT_TEMPLATE
    parts: dict[str, str] = field(default_factory=dict)
    signed: datetime | None = None
    addenda: list[Addendum] = field(default_factory=list)
    problems: list[Words] = field(default_factory=list)

    def part_ids(self) -> tuple[str, ...]:
        """The parts of this note's template; a template this version does not know shows the
        parts the file has."""
        return TEMPLATES.get(self.template, tuple(self.parts))

    def written(self) -> bool:
        return any(text.strip() for text in self.parts.values()) or bool(self.addenda)


def _time(value: Any) -> datetime | None:
    if not isinstance(value, datetime) or not in_range(value):
        return None
    return value if value.tzinfo is not None else value.astimezone()


def read_note(table: dict[str, Any]) -> ProgressNote:
    """The progress note of a notes file's table: ``[note]``, else an older ``[dap]``."""
    note = ProgressNote()
    raw = table.get("note")
    if raw is None:
        dap = table.get("dap", {})
        if not isinstance(dap, dict):
            note.problems.append(Words(DAP_NOT_TABLE))
            return note
        raw = {"template": "DAP", "parts": dap}
    if not isinstance(raw, dict):
        note.problems.append(Words(NOTE_NOT_TABLE))
        return note
    template = raw.get("template", DEFAULT_TEMPLATE)
    note.template = clean(template).strip() if isinstance(template, str) else DEFAULT_TEMPLATE
    parts = raw.get("parts", {})
    if not isinstance(parts, dict):
        note.problems.append(Words(PARTS_NOT_TABLE))
        parts = {}
    for part, text in parts.items():
        if isinstance(text, str):
            note.parts[str(part)] = text
        else:
            note.problems.append(Words(PART_NOT_TEXT, part=part))
    if "signed" in raw:
        note.signed = _time(raw["signed"])
        if note.signed is None:
            # Kept read-only all the same: a signature is never lost to a typing mistake.
            note.problems.append(Words(SIGNED_NOT_TIME))
            note.signed = datetime.min.replace(year=1900).astimezone()
    addenda = raw.get("addenda", [])
    for number, entry in enumerate(addenda if isinstance(addenda, list) else [addenda], 1):
        at = _time(entry.get("at")) if isinstance(entry, dict) else None
        text = entry.get("text") if isinstance(entry, dict) else None
        if at is None or not isinstance(text, str):
            note.problems.append(Words(ADDENDUM, number=number))
        else:
            note.addenda.append(Addendum(at, text))
    return note


def _note_table(table: dict[str, Any]) -> dict[str, Any]:
    """The ``[note]`` table to change, made from an older ``[dap]`` the first time."""
    note = table.get("note")
    if isinstance(note, dict):
        return note
    if note is not None:
        table["note-unreadable"] = note
    made: dict[str, Any] = {"template": DEFAULT_TEMPLATE, "parts": {}}
    dap = table.get("dap")
    if isinstance(dap, dict):
        made["parts"] = {k: v for k, v in dap.items() if isinstance(v, str)}
    table["note"] = made
    return made


def set_part(table: dict[str, Any], template: str, part: str, text: str) -> None:
    """Change one part of the note, in ``template``; raises ``NoteSigned`` once it is signed."""
    if template not in TEMPLATES or part not in TEMPLATES[template]:
        raise ValueError(f"no part {part!r} in a {template} note")
    note = _note_table(table)
    if "signed" in note:
        raise NoteSigned(SIGNED)
    note["template"] = template
    parts = note.get("parts")
    if not isinstance(parts, dict):
        if parts is not None:
            note["parts-unreadable"] = parts
        parts = note["parts"] = {}
    parts[part] = clean(text)


def sign(table: dict[str, Any], at: datetime) -> None:
    """Sign the note at ``at``; a note signed before keeps its first time."""
    note = _note_table(table)
    note.setdefault("signed", at)


def add_addendum(table: dict[str, Any], text: str, at: datetime) -> None:
    """Append an addendum to a signed note; raises ``ValueError`` for one not yet signed (it
    can still be changed) or for empty words."""
    note = _note_table(table)
    if "signed" not in note:
        raise Refused(NOT_SIGNED)
    if not clean(text).strip():
        raise Refused(NO_WORDS)
    addenda = note.get("addenda")
    if not isinstance(addenda, list):
        if addenda is not None:
            note["addenda-unreadable"] = addenda
        addenda = note["addenda"] = []
    addenda.append({"at": at, "text": clean(text).strip()})
