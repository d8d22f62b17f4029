"""An agreement step walked apart: the draft terms are one list in the session file that either
seat may change, and each partner confirms a term on their own device, for themselves only.

Every change is one operation on the list as the file holds it, under the session's lock: add a
term (typed, or offered from earlier answers), edit its words, say who does it, move its review
date, remove it, confirm it or take a confirmation back. A change to a term names the words it
was shown with, so a term the other seat changed or removed a moment before is left alone. As
at one screen, new words or a new doer take back the confirmations given. The seat whose
confirmation completes a term makes it an agreement (``AgreementBook``) in the same change:
it is made once, whoever is last."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from workbook.data.durable import SaveError
from workbook.data.files import DataError
from workbook.i18n.catalog import N_
from workbook.i18n.said import Words
from workbook.kinds import spec
from workbook.text import clean

if TYPE_CHECKING:
    from workbook.data.models import Session
    from workbook.logic.walk import Place
    from workbook.service.apart import Seat

WHO_CYCLE = ("both", "a", "b")


def terms(seat: Seat, place: Place) -> list[Any]:
    """The step's draft terms as the session file holds them now."""
    pack, step = seat.walk.packs[place.pack], seat.walk.step(place)
    return list(spec(step).read(seat.session.answer(pack.id, step.id)).terms)


def offered(seat: Seat, place: Place, names: dict[str, str]) -> list[Any]:
    """The terms offered from earlier answers (``logic/drafts.py``), less those in the list."""
    from workbook.logic.drafts import offers

    pack, step = seat.walk.packs[place.pack], seat.walk.step(place)
    have = {str(getattr(t, "text", "")).casefold() for t in terms(seat, place)}
    found = offers(pack, step, seat.session, names)
    return [offer for offer in found if offer.text.casefold() not in have]


def _rows(seat: Seat, place: Place, change: Callable[[list[dict[str, Any]]], None]) -> None:
    pack, step = seat.walk.packs[place.pack], seat.walk.step(place)

    def on_session(session: Session) -> None:
        table = dict(session.answer(pack.id, step.id))
        listed = table.get("terms")
        rows = [dict(row) for row in listed] if isinstance(listed, list) else []
        change(rows)
        table["terms"] = rows
        session.set_answer(pack.id, step.id, table)

    seat.update(on_session)


def add(
    seat: Seat,
    place: Place,
    text: str,
    today: date,
    source: str | None = None,
    who: str = "both",
) -> bool:
    """Add a draft term with the step's review date; False when it is empty or already in the
    list. Raises ``SaveError``."""
    pack, step = seat.walk.packs[place.pack], seat.walk.step(place)
    words = clean(text).strip()
    review = today + timedelta(days=int(getattr(step, "review_days", 28)))
    added: list[bool] = []

    def change(rows: list[dict[str, Any]]) -> None:
        if not words or any(_text(row).casefold() == words.casefold() for row in rows):
            return
        doer = who if who in WHO_CYCLE else "both"
        where = source or f"{pack.id}.{step.id}"
        rows.append({"text": words, "who": doer, "source": where, "review_on": review})
        added.append(True)

    _rows(seat, place, change)
    return bool(added)


def _text(row: Any) -> str:
    return str(row.get("text", "")) if isinstance(row, dict) else ""


def _open(rows: list[dict[str, Any]], index: int, shown: str) -> bool:
    """True when draft ``index`` still has the words ``shown`` and is not agreed yet."""
    return (
        0 <= index < len(rows) and _text(rows[index]) == shown and not rows[index].get("agreement")
    )


def _draft(
    seat: Seat, place: Place, index: int, shown: str, change: Callable[[dict[str, Any]], None]
) -> None:
    """Apply ``change`` to draft ``index``, if it still has the words ``shown`` and is not
    agreed yet."""

    def on_rows(rows: list[dict[str, Any]]) -> None:
        if _open(rows, index, shown):
            change(rows[index])

    _rows(seat, place, on_rows)


def edit(seat: Seat, place: Place, index: int, shown: str, words: str) -> None:
    """New words for a draft; the confirmations given are taken back. Raises ``SaveError``."""
    text = clean(words).strip()

    def change(row: dict[str, Any]) -> None:
        if text:
            row["text"] = text
            row["confirmed_by"] = []

    _draft(seat, place, index, shown, change)


def change_who(seat: Seat, place: Place, index: int, shown: str) -> None:
    """The next of both, the first partner, the second; the confirmations given are taken
    back (who does it is part of what each confirms). Raises ``SaveError``."""

    def change(row: dict[str, Any]) -> None:
        at = WHO_CYCLE.index(row["who"]) if row.get("who") in WHO_CYCLE else 0
        row["who"] = WHO_CYCLE[(at + 1) % len(WHO_CYCLE)]
        row["confirmed_by"] = []

    _draft(seat, place, index, shown, change)


def shift_review(seat: Seat, place: Place, index: int, shown: str, days: int, today: date) -> None:
    """Move a draft's review date by ``days``, never before tomorrow. Raises ``SaveError``."""

    def change(row: dict[str, Any]) -> None:
        current = row.get("review_on")
        if isinstance(current, date):
            row["review_on"] = max(today + timedelta(days=1), current + timedelta(days=days))

    _draft(seat, place, index, shown, change)


def remove(seat: Seat, place: Place, index: int, shown: str) -> None:
    """Remove a draft, with its confirmations. Raises ``SaveError``."""

    def on_rows(rows: list[dict[str, Any]]) -> None:
        if _open(rows, index, shown):
            del rows[index]

    _rows(seat, place, on_rows)


def take_back(seat: Seat, place: Place, index: int, shown: str) -> None:
    """This partner takes back their confirmation of a term not agreed yet. Raises
    ``SaveError``."""

    def change(row: dict[str, Any]) -> None:
        row["confirmed_by"] = [k for k in (row.get("confirmed_by") or []) if k != seat.partner]

    _draft(seat, place, index, shown, change)


def confirm(seat: Seat, place: Place, index: int, book: Any, shown: str | None = None) -> bool:
    """This partner confirms term ``index``; True when that made it an agreement. Raises
    ``SaveError``."""
    pack, step = seat.walk.packs[place.pack], seat.walk.step(place)
    made: list[bool] = []

    def change(rows: list[dict[str, Any]]) -> None:
        if not 0 <= index < len(rows) or shown not in (None, _text(rows[index])):
            return
        row = rows[index]
        confirmed = [k for k in ("a", "b") if k in (row.get("confirmed_by") or [])]
        if seat.partner not in confirmed:
            confirmed.append(seat.partner)
        row["confirmed_by"] = sorted(confirmed)
        if len(confirmed) == 2 and not row.get("agreement"):
            term = spec(step).read({"terms": [row]}).terms[0]
            try:
                agreement = book.agree_term(term, seat.session_id, pack.title)
            except (DataError, OSError) as error:
                not_saved = Words(N_("the agreement was not saved: {problem}"), problem=error)
                raise SaveError(seat.path, not_saved) from error
            row["agreement"] = agreement.id
            made.append(True)

    _rows(seat, place, change)
    return bool(made)
