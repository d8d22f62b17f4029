"""The care flag on a case (DESIGN.md sections 3.11 and 5): ``[care]`` in ``couple.toml``.

Only a couple with a facilitator has one. It is raised when a sealed answer first asks for care
(the couple's window raises it, after that answer is kept in the notes file), and it stays up,
whatever is answered later, until the counsellor clears it with a reason; the reason is kept as
a note in the notes file of the session that raised it, before the flag comes down. The flag
says when and in which session, never who answered.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from workbook.data.durable import SaveError
from workbook.data.notes import CONSOLE
from workbook.i18n.catalog import N_
from workbook.i18n.said import Words

if TYPE_CHECKING:
    from workbook.data.models import CareFlag, Couple
    from workbook.data.store import Store

# How a clearing reads in the notes, before the counsellor's reason.
CLEARED = "Care flag cleared: "
MAX_REASON = 300
NO_SESSION = Words(N_("there is no session to note it in"))


def raise_flag(store: Store, couple_id: str, session_id: str, at: datetime) -> bool:
    """Raise the couple's care flag, unless it is up already or they have no facilitator;
    True when this raised it. Raises ``DataError`` or ``SaveError``."""
    from workbook.data.models import CareFlag

    current = store.load_couple(couple_id)
    if not current.facilitator or (current.care is not None and current.care.up):
        return False
    raised: list[bool] = []

    def change(couple: Couple) -> None:
        if couple.care is None or not couple.care.up:
            couple.care = CareFlag(raised=at, session=session_id)
            raised.append(True)

    store.update_couple(couple_id, change)
    return bool(raised)


def clear_flag(store: Store, couple_id: str, reason: str, at: datetime) -> None:
    """Clear the couple's care flag, the reason kept first as a note in the notes file of the
    session that raised it (the latest session, if that one is gone). Raises ``ValueError``
    for an empty reason, ``DataError`` or ``SaveError``."""
    reason = " ".join(reason.split())[:MAX_REASON]
    if not reason:
        raise ValueError("a reason is needed to clear the care flag")
    couple = store.load_couple(couple_id)
    care = couple.care
    if care is None or not care.up:
        return
    sessions = store.session_ids(couple_id)
    if not sessions:
        raise SaveError(store.layout.couple_file(couple_id), NO_SESSION)
    session_id = care.session if care.session in sessions else sessions[-1]
    store.notes(couple_id, session_id).add_note(CLEARED + reason, "", "", at, CONSOLE)

    def change(changed: Couple) -> None:
        if changed.care is not None and changed.care.up:
            changed.care.cleared = at

    store.update_couple(couple_id, change)


def read_flag(store: Store, couple_id: str) -> CareFlag | None:
    """The couple's care flag as ``couple.toml`` holds it now, read without the couple model
    and without writing anything (for a window that only watches: the console); None when
    there is none or it cannot be read. Raises ``DataError`` when the couple file cannot be
    read at all (a couple deleted, say)."""
    from pydantic import ValidationError

    from workbook.data.models import CareFlag

    table = store.read(store.layout.couple_file(couple_id)).get("care")
    if not isinstance(table, dict):
        return None
    try:
        return CareFlag.model_validate(table)
    except ValidationError:
        return None
