"""An agreement step walked apart: the draft terms are one list in the session file that either
seat may add to, and each partner confirms a term on their own device, for themselves only.
The seat whose confirmation completes a term makes it an agreement (``AgreementBook``), in the
same change of the session file, under the session's lock: it is made once, whoever is last."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from workbook.data.durable import SaveError
from workbook.data.files import DataError
from workbook.kinds import spec
from workbook.text import clean

if TYPE_CHECKING:
    from workbook.data.models import Session
    from workbook.logic.walk import Place
    from workbook.service.apart import Seat


def terms(seat: Seat, place: Place) -> list[Any]:
    """The step's draft terms as the session file holds them now."""
    pack, step = seat.walk.packs[place.pack], seat.walk.step(place)
    return list(spec(step).read(seat.session.answer(pack.id, step.id)).terms)


def add(seat: Seat, place: Place, text: str, today: date) -> None:
    """Add a draft term that both will do, with the step's review date. Raises ``SaveError``."""
    pack, step = seat.walk.packs[place.pack], seat.walk.step(place)
    words = clean(text).strip()
    if not words:
        return
    review = today + timedelta(days=int(getattr(step, "review_days", 28)))

    def change(session: Session) -> None:
        table = dict(session.answer(pack.id, step.id))
        listed = table.get("terms")
        rows = list(listed) if isinstance(listed, list) else []
        source = f"{pack.id}.{step.id}"
        rows.append({"text": words, "who": "both", "source": source, "review_on": review})
        table["terms"] = rows
        session.set_answer(pack.id, step.id, table)

    seat.update(change)


def confirm(seat: Seat, place: Place, index: int, book: Any) -> bool:
    """This partner confirms term ``index``; True when that made it an agreement. Raises
    ``SaveError``."""
    pack, step = seat.walk.packs[place.pack], seat.walk.step(place)
    made: list[bool] = []

    def change(session: Session) -> None:
        table = dict(session.answer(pack.id, step.id))
        rows = table.get("terms")
        if not isinstance(rows, list) or not 0 <= index < len(rows):
            return
        row = rows[index]
        if not isinstance(row, dict):
            return
        confirmed = [k for k in ("a", "b") if k in (row.get("confirmed_by") or [])]
        if seat.partner not in confirmed:
            confirmed.append(seat.partner)
        row["confirmed_by"] = sorted(confirmed)
        if len(confirmed) == 2 and not row.get("agreement"):
            term = spec(step).read({"terms": [row]}).terms[0]
            try:
                agreement = book.agree_term(term, session.id, pack.title)
            except (DataError, OSError) as error:
                raise SaveError(seat.path, f"the agreement was not saved: {error}") from error
            row["agreement"] = agreement.id
            made.append(True)
        session.set_answer(pack.id, step.id, table)

    seat.update(change)
    return bool(made)
