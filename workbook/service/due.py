"""What is open across the caseload (``workbook due``, Home's filter): homework by the day it
is due, overdue first, then undated; and agreements due for review. A couple that cannot be read
is said in ``problems`` and the others are listed all the same."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from workbook.data.files import DataError
from workbook.service import homework
from workbook.service.caseload import require_couple
from workbook.service.errors import NotSaved

if TYPE_CHECKING:
    from workbook.data.store import Store


@dataclass(frozen=True)
class DueItem:
    couple: str
    names: tuple[str, str]
    what: str  # "homework" | "review"
    due: date | None
    overdue: bool
    pack: str | None = None
    agreement: str | None = None
    # The homework's id and note, or the agreement's words.
    id: str = ""
    text: str = ""

    def row(self) -> dict[str, Any]:
        """As ``workbook due --json`` gives it (DESIGN.md section 6)."""
        return {
            "couple": self.couple,
            "what": self.what,
            "pack": self.pack,
            "agreement": self.agreement,
            "due": self.due.isoformat() if self.due is not None else None,
            "overdue": self.overdue,
        }


@dataclass
class Due:
    items: list[DueItem] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def due(store: Store, today: date, couple_id: str | None = None) -> Due:
    """What is open on ``today`` for one couple, or for every couple not archived."""
    if couple_id is not None:
        require_couple(store, couple_id)
    found = Due()
    for folder in [couple_id] if couple_id is not None else store.couple_ids():
        try:
            couple = store.load_couple(folder)
        except DataError as error:
            found.problems.append(str(error))
            continue
        if couple.archived and couple_id is None:
            continue
        names = couple.names
        try:
            settled = homework.settle(store, folder)
        except NotSaved as error:
            found.problems.append(error.message)
        else:
            if settled.problem:
                found.problems.append(f"{folder}: {settled.problem}")
            for item in settled.open:
                found.items.append(
                    DueItem(
                        folder,
                        names,
                        "homework",
                        item.due,
                        item.overdue(today),
                        pack=item.pack,
                        id=item.id,
                        text=item.note,
                    )
                )
        try:
            agreements = store.load_agreements(folder)
        except DataError as error:
            found.problems.append(str(error))
            continue
        for agreement in agreements.due(today):
            source = agreement.source.split(".", 1)[0] if agreement.source else None
            found.items.append(
                DueItem(
                    folder,
                    names,
                    "review",
                    agreement.review_on,
                    agreement.review_on < today,
                    pack=source,
                    agreement=agreement.id,
                    id=agreement.id,
                    text=agreement.text,
                )
            )
    found.items.sort(key=order)
    return found


def order(item: DueItem) -> tuple[bool, bool, date, str, str]:
    """Overdue first, then by the day due, undated last."""
    return (not item.overdue, item.due is None, item.due or date.max, item.couple, item.id)
