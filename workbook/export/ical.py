"""An iCalendar file (RFC 5545) of the counsellor's week: appointments, homework due dates and
agreement reviews. Lines end in CRLF and are folded at 75 octets without splitting a character;
text is escaped (backslash, semicolon, comma, newline); every event has a stable UID and a
DTSTAMP in UTC. What an event says is decided by the caller (``service/calendar.py``)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from workbook import __version__
from workbook.text import clean

PRODID = f"-//workbook//workbook {__version__}//EN"
LIMIT = 75


@dataclass(frozen=True)
class Event:
    """One event: timed (``start`` a datetime, lasting ``length``) or a whole day (a date)."""

    uid: str
    summary: str
    start: datetime | date
    length: timedelta = timedelta(hours=1)
    description: str = ""


def escape(text: str) -> str:
    """``text`` as an iCalendar TEXT value."""
    text = clean(text).replace("\r\n", "\n").replace("\r", "\n")
    for plain, escaped in (("\\", "\\\\"), (";", "\\;"), (",", "\\,"), ("\n", "\\n")):
        text = text.replace(plain, escaped)
    return text


def fold(line: str) -> str:
    """``line`` folded into lines of at most 75 octets, each continuation begun with a space,
    never splitting a character's UTF-8 bytes."""
    parts: list[str] = []
    current, size = "", 0
    limit = LIMIT
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            # A continuation line begins with one space, which counts towards its 75.
            current, size, limit = char, width, LIMIT - 1
        else:
            current += char
            size += width
    parts.append(current)
    return "\r\n ".join(parts)


def _utc(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _event(event: Event, stamp: datetime) -> list[str]:
    lines = ["BEGIN:VEVENT", f"UID:{escape(event.uid)}", f"DTSTAMP:{_utc(stamp)}"]
    if isinstance(event.start, datetime):
        lines += [f"DTSTART:{_utc(event.start)}", f"DTEND:{_utc(event.start + event.length)}"]
    else:
        end = event.start + timedelta(days=1)
        lines += [
            f"DTSTART;VALUE=DATE:{event.start.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{end.strftime('%Y%m%d')}",
            "TRANSP:TRANSPARENT",
        ]
    lines.append(f"SUMMARY:{escape(event.summary)}")
    if event.description:
        lines.append(f"DESCRIPTION:{escape(event.description)}")
    lines.append("END:VEVENT")
    return lines


def calendar(events: Iterable[Event], stamp: datetime, name: str = "workbook") -> str:
    """The events as one iCalendar file, stamped ``stamp`` (when it was made)."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape(name)}",
    ]
    for event in events:
        lines += _event(event, stamp)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
