"""Days and times as people type them for homework and appointments, for both faces: ISO
dates (``2026-11-29``), ``today``, ``tomorrow``, a weekday (the next one, ``friday``) or
``+N`` days; times as ``2026-12-01 18:00`` (or with a ``T``, or an offset), else local."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from workbook.data.dates import in_range
from workbook.service.errors import Refused

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def parse_day(text: str, today: date) -> date:
    """The day ``text`` names, from ``today``; raises ``Refused``."""
    word = text.strip().lower()
    if word == "today":
        return today
    if word == "tomorrow":
        return today + timedelta(days=1)
    if word in WEEKDAYS:
        ahead = (WEEKDAYS.index(word) - today.weekday() - 1) % 7 + 1
        return today + timedelta(days=ahead)
    if word.startswith("+") and word[1:].isdigit() and int(word[1:]) <= 3660:
        return today + timedelta(days=int(word[1:]))
    try:
        day = date.fromisoformat(word)
    except ValueError:
        raise Refused(
            f'"{text}" is not a day: write it as 2026-11-29, today, tomorrow, a weekday '
            "(friday) or +7"
        ) from None
    if not in_range(day):
        raise Refused(f"{day.isoformat()} is out of range")
    return day


def parse_when(text: str, today: date) -> datetime:
    """The date and time ``text`` names (local time unless it has an offset), to the minute;
    a day may be any form ``parse_day`` reads, followed by the time. Raises ``Refused``."""
    words = text.strip().replace("T", " ", 1).split()
    if len(words) == 2:
        day = parse_day(words[0], today)
        try:
            at = datetime.fromisoformat(f"{day.isoformat()}T{words[1]}")
        except ValueError:
            at = None
        if at is not None:
            at = at if at.tzinfo is not None else at.astimezone()
            return at.replace(second=0, microsecond=0)
    raise Refused(
        f'"{text}" is not a date and time: write it as 2026-12-01 18:00 (or friday 18:00)'
    )
