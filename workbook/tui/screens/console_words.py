"""The console's sentences that take several parts (its title, the care flag, a file that cannot
be read), each a whole template in the console's language (the app's)."""

from __future__ import annotations

from datetime import datetime

from workbook.data.models import CareFlag, Couple
from workbook.export.markdown import long_date
from workbook.i18n.catalog import Translations, speaking
from workbook.i18n.said import Words, said_in


def title_words(tr: Translations, couple: Couple, session_id: str) -> str:
    a, b = couple.names
    if couple.facilitator:
        title = tr._("Console · {a} and {b} · with {facilitator} · session {session}")
    else:
        title = tr._("Console · {a} and {b} · session {session}")
    return title.format(a=a, b=b, facilitator=couple.facilitator, session=session_id)


def care_words(tr: Translations, care: CareFlag, here: bool, keys: str) -> str:
    """The care flag at the top: when and where it went up (``here``: in this session)."""
    if here:
        said = tr._(
            "⚑ Care flag: a sealed answer asked for care on {date} at {time}, in session "
            "{session} (this session). It stays until you clear it on Home ({keys})."
        )
    else:
        said = tr._(
            "⚑ Care flag: a sealed answer asked for care on {date} at {time}, in session "
            "{session}. It stays until you clear it on Home ({keys})."
        )
    with speaking(tr):
        day = long_date(care.raised.date())
    return said.format(date=day, time=f"{care.raised:%H:%M}", session=care.session, keys=keys)


def unread_words(tr: Translations, problem: str | Words, read_at: datetime | None) -> str:
    """The session file cannot be read now; what is shown is what it held at ``read_at``."""
    if read_at:
        said = tr._(
            "The session file cannot be read just now ({problem}). Showing what it held at "
            "{time}. This clears once the file is whole again."
        )
    else:
        said = tr._(
            "The session file cannot be read just now ({problem}). This clears once the file "
            "is whole again."
        )
    time = f"{read_at:%H:%M:%S}" if read_at else ""
    return said.format(problem=said_in(problem, tr), time=time)
