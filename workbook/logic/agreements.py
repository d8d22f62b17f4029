"""Turning terms that both partners confirmed into agreements, the order of a review, and the
review date a review gives."""

from __future__ import annotations

from datetime import date, timedelta

from workbook.data.models import Agreement, Agreements, PartnerKey

# The period an agreement whose dates say none is given: the pack format's default review_days.
DEFAULT_PERIOD_DAYS = 28
# The longest period between reviews that keeping an agreement carries on (about ten years).
LONGEST_PERIOD_DAYS = 3660


def add_agreement(
    agreements: Agreements,
    *,
    text: str,
    made: date,
    session: str | None,
    source: str | None,
    review_days: int,
    confirmed_by: list[PartnerKey],
    who: str = "both",
    source_title: str | None = None,
) -> Agreement:
    """Add a term both partners confirmed; its id is the session id and a number."""
    if sorted(confirmed_by) != ["a", "b"]:
        raise ValueError("an agreement needs both partners' confirmation")
    prefix = session or made.isoformat()
    taken = {a.id for a in agreements.agreements}
    number = 1
    while f"{prefix}-{number}" in taken:
        number += 1
    agreement = Agreement(
        id=f"{prefix}-{number}",
        text=text,
        made=made,
        session=session,
        source=source,
        source_title=source_title,
        who=who if who in ("a", "b") else "both",
        review_on=made + timedelta(days=max(review_days, 1)),
        review_days=min(max(review_days, 1), LONGEST_PERIOD_DAYS),
        confirmed_by=sorted(confirmed_by),
    )
    agreements.agreements.append(agreement)
    return agreement


def for_review(agreements: Agreements, today: date) -> list[Agreement]:
    """The active agreements, those due for review first, each group by review date.

    The order is fixed when a review starts; the review screen keeps it while it lasts, so an
    agreement just kept does not jump from under the highlight.
    """
    return sorted(agreements.active(), key=lambda a: (not a.is_due(today), a.review_on, a.id))


def period(agreement: Agreement) -> int:
    """The days between reviews that ``agreement`` was given when it was made. An agreement
    from before that was kept: from the day its review date was set (made, or its last review)
    to that date; a date on or before that day (a hand edit) gives the period before it, as its
    reviews recorded it, or the default."""
    if agreement.review_days is not None:
        return min(agreement.review_days, LONGEST_PERIOD_DAYS)
    starts = [agreement.made, *(review.on for review in agreement.reviews)]
    dues = [review.due for review in agreement.reviews] + [agreement.review_on]
    for start, due in reversed(list(zip(starts, dues, strict=True))):
        if due is not None and (due - start).days >= 1:
            return min((due - start).days, LONGEST_PERIOD_DAYS)
    return DEFAULT_PERIOD_DAYS


def next_review(agreement: Agreement, today: date) -> date:
    """The review date a review on ``today`` gives: today plus the agreement's period, so never
    today or before, whatever the file said."""
    return today + timedelta(days=period(agreement))
