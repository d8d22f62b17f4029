"""Days and times as people type them for homework and appointments, for both faces: ISO
dates (``2026-11-29``), ``today``, ``tomorrow``, a weekday (the next one, ``friday``) or
``+N`` days; times as ``2026-12-01 18:00`` (or with a ``T``, or an offset), else local.

The words are read in English always, and in the language being spoken too (``speaking``):
the weekday names are CLDR's (Babel), "today" and "tomorrow" the catalog's (context ``typed
day``). A word is matched without case, accents or Arabic vowel marks ("miercoles",
"غدا"), and an Arabic day with or without its article or "يوم" before it ("جمعة")."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta
from functools import lru_cache

from workbook.data.dates import in_range
from workbook.i18n.catalog import N_, current
from workbook.service.errors import Refused

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
TODAY, TOMORROW = "today", "tomorrow"
# Arabic letters written more than one way in a typed word: every alef as a bare alef.
_SAME_LETTER = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ـ": None})
_ARTICLE, _DAY = "ال", "يوم "


def folded(word: str) -> str:
    """``word`` as it is matched: no case, no accents or vowel marks, one alef, one space."""
    split = unicodedata.normalize("NFKD", word.strip().casefold())
    bare = "".join(c for c in split if not unicodedata.combining(c)).translate(_SAME_LETTER)
    bare = " ".join(bare.split()).removeprefix(_DAY)
    return bare.removeprefix(_ARTICLE) if bare.startswith(_ARTICLE) and len(bare) > 4 else bare


@lru_cache(maxsize=8)
def day_words(locale: str, today_word: str, tomorrow_word: str) -> dict[str, int | str]:
    """Each word that names a day, folded: a weekday's number (Monday 0), or today/tomorrow."""
    from babel.dates import get_day_names

    words: dict[str, int | str] = {TODAY: TODAY, TOMORROW: TOMORROW}
    words |= {name: number for number, name in enumerate(WEEKDAYS)}
    for context in ("format", "stand-alone"):
        names = get_day_names("wide", context, locale=locale)
        words |= {folded(name): number for number, name in names.items()}
    words[folded(today_word)] = TODAY
    words[folded(tomorrow_word)] = TOMORROW
    return words


def _words() -> dict[str, int | str]:
    tr = current()
    # TRANSLATORS: typed for a homework's day or an appointment: the words people type.
    today_word = tr.pgettext("typed day", "today")
    # TRANSLATORS: typed for a homework's day or an appointment: the words people type.
    tomorrow_word = tr.pgettext("typed day", "tomorrow")
    return day_words(tr.locale, today_word, tomorrow_word)


def parse_day(text: str, today: date) -> date:
    """The day ``text`` names, from ``today``; raises ``Refused``."""
    word = text.strip().lower()
    named = _words().get(folded(word))
    if named == TODAY:
        return today
    if named == TOMORROW:
        return today + timedelta(days=1)
    if isinstance(named, int):
        ahead = (named - today.weekday() - 1) % 7 + 1
        return today + timedelta(days=ahead)
    if word.startswith("+") and word[1:].isdigit() and int(word[1:]) <= 3660:
        return today + timedelta(days=int(word[1:]))
    try:
        day = date.fromisoformat(word)
    except ValueError:
        said = N_(
            '"{text}" is not a day: write it as 2026-11-29, today, tomorrow, a weekday '
            "(friday) or +7"
        )
        raise Refused(said, text=text) from None
    if not in_range(day):
        raise Refused(N_("{day} is out of range"), day=day.isoformat())
    return day


def parse_when(text: str, today: date) -> datetime:
    """The date and time ``text`` names (local time unless it has an offset), to the minute;
    a day may be any form ``parse_day`` reads, followed by the time. Raises ``Refused``."""
    words = re.sub(r"(?<=\d)T(?=\d)", " ", text.strip(), count=1).split()
    if len(words) >= 2:
        # The day may be more than one word ("يوم الجمعة 18:00"); the time is the last.
        day = parse_day(" ".join(words[:-1]), today)
        try:
            at = datetime.fromisoformat(f"{day.isoformat()}T{words[-1]}")
        except ValueError:
            at = None
        if at is not None:
            at = at if at.tzinfo is not None else at.astimezone()
            return at.replace(second=0, microsecond=0)
    said = N_('"{text}" is not a date and time: write it as 2026-12-01 18:00 (or friday 18:00)')
    raise Refused(said, text=text)
