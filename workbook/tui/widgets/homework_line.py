"""How the couple's agenda says their homework: "From Dr. Ade, by Friday: Weekly check-in".

A day within the week is its weekday; a day further off, the date; once it has passed, no day
at all (homework is never shown to the couple as late: CONTENT.md, "Homework between sessions").
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from textual.content import Content

from workbook.export.markdown import long_date
from workbook.service import homework as service
from workbook.service.errors import ServiceError
from workbook.tui.plain import fill

if TYPE_CHECKING:
    from workbook.data.homework import Homework
    from workbook.data.store import Store


def by_when(due: date | None, today: date) -> str:
    if due is None or due < today:
        return ""
    if due == today:
        return ", by today"
    if (due - today).days < 7:
        return f", by {due.strftime('%A')}"
    return f", by {long_date(due)}"


def homework_line(item: Homework, title: str, facilitator: str | None, today: date) -> Content:
    who = "$f" if facilitator else "your counsellor"
    note = " ($note)" if item.note else ""
    return fill(
        f"From {who}{by_when(item.due, today)}: $title{note}",
        f=facilitator or "",
        title=title,
        note=item.note,
    )


def open_homework(store: Store, couple_id: str) -> list[Homework]:
    """The couple's open homework, soonest first; none when it cannot be read (the agenda
    is never kept from the couple for it)."""
    try:
        settled = service.settle(store, couple_id)
    except ServiceError:
        return []
    return sorted(settled.open, key=lambda item: (item.due is None, item.due or date.max))
