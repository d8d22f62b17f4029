"""What a step is shown with on a partner's own seat (``screens/apart.py``): at their own turn,
only their own answer, or the other's open answer above their input; elsewhere the session
file's table."""

from __future__ import annotations

from datetime import date
from typing import Any

from workbook.data.partners import other
from workbook.kinds import spec
from workbook.logic.phases import SECOND
from workbook.service import apart
from workbook.service.apart_parts import private_part, with_private_part
from workbook.tui.steps.context import StepContext


def seat_context(
    seat: apart.Seat, names: dict[str, str], stage: apart.Stage, today: date
) -> StepContext:
    assert stage.place is not None
    place = stage.place
    pack, step = seat.walk.packs[place.pack], seat.walk.step(place)
    table = seat.answer_table(place)
    mine = stage.mode == apart.ANSWER
    phase, first = place.phase, seat.walk.first_partner(place)
    if mine:
        partner = other(seat.partner)
        theirs = private_part(step, table, partner)
        if apart.own_file(step) or theirs in (None, "", [], {}):
            # Only this partner's own value, whatever else the file holds.
            table = with_private_part(step, table, partner, None)
            first = seat.partner
        else:
            # An open step the other has answered: their answer above this one's input.
            phase, first = SECOND, partner
    return StepContext(
        pack=pack,
        step=step,
        phase=phase,
        answer=spec(step).read(table),
        names=names,
        first=first,
        answering=seat.partner if mine else None,
        session=seat.session,
        today=today,
        kept_by=seat.couple.facilitator,
        seat=seat.partner,
    )


def table_of(answer: Any) -> Any:
    """An answer as its table in the session file."""
    return answer.to_table() if hasattr(answer, "to_table") else answer
