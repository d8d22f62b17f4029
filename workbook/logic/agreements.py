"""Turning terms that both partners confirmed into agreements, and the order of a review."""

from __future__ import annotations

from datetime import date, timedelta

from workbook.data.models import Agreement, Agreements, PartnerKey


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
