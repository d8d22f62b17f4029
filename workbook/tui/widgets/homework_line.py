"""How the couple's agenda says their homework: "From Dr. Ade, by Friday: Weekly check-in".

A day within the week is its weekday; a day further off, the date; once it has passed, no day
at all (homework is never shown to the couple as late: CONTENT.md, "Homework between sessions").
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from textual.content import Content

from workbook.export.markdown import long_date
from workbook.i18n.catalog import SOURCE_TRANSLATIONS, Translations, speaking
from workbook.service import homework as service
from workbook.service.errors import ServiceError
from workbook.tui.plain import fill

if TYPE_CHECKING:
    from workbook.data.homework import Homework
    from workbook.data.store import Store


def by_when(due: date | None, today: date, tr: Translations = SOURCE_TRANSLATIONS) -> str:
    """When it is due, as the line says it ("by Friday"); empty with no day, or once passed."""
    if due is None or due < today:
        return ""
    if due == today:
        return tr._("by today")
    if (due - today).days < 7:
        weekday = due.strftime("%A") if tr.language == "en" else tr.format_date(due, "EEEE")
        return tr._("by {weekday}").format(weekday=weekday)
    with speaking(tr):
        day = long_date(due)
    return tr._("by {date}").format(date=day)


def homework_line(
    item: Homework,
    title: str,
    facilitator: str | None,
    today: date,
    tr: Translations = SOURCE_TRANSLATIONS,
) -> Content:
    _ = tr._
    by = by_when(item.due, today, tr)
    if facilitator and by:
        said = _("From $f, $by: $title")
    elif facilitator:
        said = _("From $f: $title")
    elif by:
        said = _("From your counsellor, $by: $title")
    else:
        said = _("From your counsellor: $title")
    if item.note:
        # TRANSLATORS: the homework's line, then the counsellor's note to it.
        said = _("$said ($note)").replace("$said", said)
    return fill(said, f=facilitator or "", by=by, title=title, note=item.note)


def open_homework(store: Store, couple_id: str) -> list[Homework]:
    """The couple's open homework, soonest first; none when it cannot be read (the agenda
    is never kept from the couple for it)."""
    try:
        settled = service.settle(store, couple_id)
    except ServiceError:
        return []
    return sorted(settled.open, key=lambda item: (item.due is None, item.due or date.max))
