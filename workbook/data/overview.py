"""A couple at a glance, read straight from the tables without the models, and leniently.

Home and ``workbook couples`` show every couple. Only a couple file that cannot be read at all
keeps a couple out; anything else that is wrong (an unreadable agreements file, an id that
disagrees with the folder, a newer format) is carried as a ``problem`` to show beside the couple.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from workbook.data import vault
from workbook.data.dates import day_of, is_due
from workbook.data.files import DataError
from workbook.data.layout import Layout
from workbook.data.version import FORMAT
from workbook.text import clean_line


@dataclass(frozen=True)
class Overview:
    """A couple at a glance."""

    id: str
    names: tuple[str, str]
    facilitator: str | None
    created: str | None
    sessions: int
    last_session: str | None
    agreements_active: int
    agreements_due: int
    # What could not be read or used as it is, in a sentence; None when all is well.
    problem: str | None = None


def read_overview(
    layout: Layout,
    couple_id: str,
    today: date,
    read: Callable[[Path], dict[str, Any]],
    session_ids: Callable[[str], list[str]],
) -> Overview:
    """The overview of the couple in folder ``couple_id``; raises ``DataError`` only when the
    couple file cannot be read or names no partners."""
    path = layout.couple_file(couple_id)
    table = read(path)
    partners = table.get("partners")
    if (
        not isinstance(partners, list)
        or len(partners) != 2
        or not all(isinstance(p, dict) and isinstance(p.get("name"), str) for p in partners)
    ):
        raise DataError(path, "partners must be two tables, each with a name")
    problems: list[str] = []
    claimed = table.get("id")
    if claimed != couple_id:
        problems.append(f"couple.toml names another id than its folder ({couple_id})")
    version = table.get("format")
    if isinstance(version, int) and version > FORMAT:
        problems.append("written by a newer workbook")
    facilitator = table.get("facilitator")
    created = table.get("created")
    sessions = session_ids(couple_id)
    active, due = 0, 0
    try:
        agreements = _agreements(layout.agreements_file(couple_id), read)
    except DataError as error:
        problems.append(f"agreements.toml cannot be read: {error.message}")
        agreements = []
    for agreement in agreements:
        active += 1
        review = day_of(agreement.get("review_on"))
        if review is not None and is_due(review, today):
            due += 1
    return Overview(
        id=couple_id,
        names=(clean_line(partners[0]["name"]), clean_line(partners[1]["name"])),
        facilitator=clean_line(facilitator) if isinstance(facilitator, str) else None,
        created=created.isoformat() if isinstance(created, datetime) else None,
        sessions=len(sessions),
        last_session=sessions[-1] if sessions else None,
        agreements_active=active,
        agreements_due=due,
        problem="; ".join(problems) or None,
    )


def _agreements(path: Path, read: Callable[[Path], dict[str, Any]]) -> list[dict[str, Any]]:
    """The active agreements' tables; raises ``DataError`` when the file is not a list of them."""
    if not vault.exists(path):
        return []
    table = read(path)
    listed = table.get("agreements", [])
    if not isinstance(listed, list):
        raise DataError(path, "agreements must be a list of tables ([[agreements]])")
    return [a for a in listed if isinstance(a, dict) and a.get("status") != "retired"]
