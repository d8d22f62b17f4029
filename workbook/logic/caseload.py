"""Which couples Home shows, in which order: the search, the filters and the sorting.

A search matches the partners' names, ignoring case and accents, each word anywhere in them
("zoe al" finds Zoë and Alex). The filters are one choice at a time; archived couples are
shown only by the archived one.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from workbook.data.index import Caseload
from workbook.data.overview import Overview
from workbook.i18n.catalog import N_, _, current
from workbook.i18n.said import Words, said_in

if TYPE_CHECKING:
    from workbook.i18n.catalog import Translations

SHOWS: list[tuple[str, str]] = [
    (N_("Current couples"), "current"),
    (N_("Due: homework, review"), "due"),
    (N_("Unfinished session"), "unfinished"),
    (N_("Archived"), "archived"),
]
ORDERS: list[tuple[str, str]] = [
    (N_("Sort: name"), "name"),
    (N_("Sort: next review"), "review"),
    (N_("Sort: last session"), "last"),
    (N_("Sort: next appointment"), "appointment"),
]
NOTHING = {
    "current": N_("No couples here: the others are archived (Show: Archived)."),
    "due": N_("No homework is due and no agreements are due for review."),
    "unfinished": N_("No couple has an unfinished session."),
    "archived": N_("No couple is archived."),
}


def fold(text: str) -> str:
    """``text`` for matching: no case, no accents ("Zoë" matches "zoe")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@dataclass
class CaseView:
    """The search, filter and order chosen on Home, over the caseload last read."""

    caseload: Caseload | None = None
    query: str = ""
    show: str = "current"
    order: str = "name"
    _folded: dict[tuple[str, str], str] = field(default_factory=dict, repr=False)
    # The couples by id, for the caseload kept under "".
    _ids: dict[str, object] = field(default_factory=dict, repr=False)

    def shown(self) -> list[Overview]:
        """The couples that pass the filter and the search, in the chosen order."""
        if self.caseload is None:
            return []
        words = fold(self.query).split()
        found = [
            couple
            for couple in self.caseload.couples
            if self._passes(couple) and all(word in self._haystack(couple) for word in words)
        ]
        found.sort(key=self._by_name)
        if self.order == "review":
            # Soonest first; couples with nothing to review after them.
            found.sort(key=lambda c: (c.next_review is None, c.next_review or ""))
        elif self.order == "appointment":
            # Soonest first; couples with no appointment after them.
            found.sort(key=lambda c: (c.next_session is None, _instant(c.next_session)))
        elif self.order == "last":
            # Most recent first; couples with no session yet at the end.
            found.sort(key=lambda c: c.last_session or "", reverse=True)
        return found

    def by_id(self, couple_id: str | None) -> Overview | None:
        """The couple of folder ``couple_id``, shown or not, if it can be read."""
        if self.caseload is None or couple_id is None:
            return None
        if self._ids.get("") is not self.caseload:
            self._ids = {"": self.caseload, **{c.id: c for c in self.caseload.couples}}
        found = self._ids.get(couple_id)
        return found if isinstance(found, Overview) else None

    def unreadable_shown(self) -> list[tuple[str, Words]]:
        """Couple folders that cannot be read: listed with the current couples, by folder."""
        if self.caseload is None or self.show != "current":
            return []
        words = fold(self.query).split()
        return [
            (folder, reason)
            for folder, reason in self.caseload.unreadable
            if all(word in folder for word in words)
        ]

    def unreadable_said(self, couple_id: str, tr: Translations) -> str | None:
        """Why the couple folder ``couple_id`` cannot be read, in ``tr``'s language; None when
        it is not one of those that cannot."""
        found = dict(self.caseload.unreadable if self.caseload is not None else ())
        return said_in(found[couple_id], tr) if couple_id in found else None

    def nothing_shown(self) -> str:
        """What to say when no couple is shown."""
        if self.caseload is None:
            return ""
        if not self.caseload.couples and not self.caseload.unreadable:
            note = self.caseload.note_in(current())
            if note:
                return note
            return _("No couples yet: press n to add the two of you.")
        if self.query.strip():
            return _("No couple's names match “{search}”. Esc clears the search.").format(
                search=self.query.strip()
            )
        return _(NOTHING[self.show]) if self.show in NOTHING else ""

    def _passes(self, couple: Overview) -> bool:
        if self.show == "archived":
            return couple.archived
        if couple.archived:
            return False
        if self.show == "due":
            return couple.agreements_due > 0 or couple.homework_due_now > 0
        if self.show == "unfinished":
            return couple.unfinished
        return True

    def _haystack(self, couple: Overview) -> str:
        # By the couple's names, which stay the same from one reading to the next.
        found = self._folded.get(couple.names)
        if found is None:
            found = self._folded[couple.names] = fold(f"{couple.names[0]} {couple.names[1]}")
        return found

    def _by_name(self, couple: Overview) -> tuple[str, str]:
        return self._haystack(couple), couple.id


def _instant(iso: str | None) -> float:
    """An appointment's moment, for sorting times written with different offsets."""
    if iso is None:
        return 0.0
    try:
        return datetime.fromisoformat(iso).timestamp()
    except ValueError:
        return 0.0


def appointment_text(couple: Overview) -> str:
    """The next appointment as Home shows it (2026-12-01 18:00), or a dash."""
    return couple.next_session[:16].replace("T", " ") if couple.next_session else "—"


def week_words(couple: Overview) -> list[str]:
    """The couple's week in a few words: the next appointment, open homework, open goals."""
    words = []
    if couple.next_session:
        words.append(f"next {appointment_text(couple)}")
    if couple.homework_open:
        late = f", {couple.homework_overdue} overdue" if couple.homework_overdue else ""
        words.append(f"homework {couple.homework_open} open{late}")
    if couple.goals_open:
        words.append(f"{couple.goals_open} goal{'s' if couple.goals_open != 1 else ''}")
    return words


def shown_day(couple: Overview) -> str:
    """The day of the couple's last session, or a dash."""
    if couple.last_session_at:
        return couple.last_session_at[:10]
    return couple.last_session[:10] if couple.last_session else "—"


def due_text(couple: Overview, today: date) -> str:
    """The next review date, with "due" when it has come (never colour alone), or a dash."""
    if couple.next_review is None:
        return "—"
    due = date.fromisoformat(couple.next_review) <= today
    return f"due {couple.next_review}" if due else couple.next_review
