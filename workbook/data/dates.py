"""Dates in data files: the range workbook reads, and when an agreement is due.

Kept apart from the models so that the home screen's overview, which reads files without
pydantic, uses the same definitions.
"""

from __future__ import annotations

from datetime import date, datetime

# Dates a workbook can meet; anything outside is a typing mistake in a hand-edited file, and
# would overflow date arithmetic (a review date of 9999-12-31 plus a period).
FIRST_YEAR, LAST_YEAR = 1900, 2999


def now() -> datetime:
    """The current local time with its offset, to the second, as files record it."""
    return datetime.now().astimezone().replace(microsecond=0)


def in_range(value: date) -> bool:
    return FIRST_YEAR <= value.year <= LAST_YEAR


def day_of(value: object) -> date | None:
    """A date from a file's value (a date, or a datetime's day), or None."""
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else None


def is_due(review_on: date, today: date) -> bool:
    """An agreement is due for review from its review date on."""
    return review_on <= today
