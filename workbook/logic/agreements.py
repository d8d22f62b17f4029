"""Turning terms that both partners confirmed into agreements, and reviewing them."""

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
        review_on=made + timedelta(days=review_days),
        confirmed_by=sorted(confirmed_by),
    )
    agreements.agreements.append(agreement)
    return agreement


# The longest period between reviews that keeping an agreement carries on.
LONGEST_PERIOD_DAYS = 3660


def keep(agreement: Agreement, today: date) -> None:
    """Keep an agreement going: its next review comes after the same period as the last (at
    least a day, at most about ten years, whatever dates a hand edit left)."""
    period = min(max((agreement.review_on - agreement.made).days, 1), LONGEST_PERIOD_DAYS)
    agreement.review_on = today + timedelta(days=period)


def retire(agreement: Agreement) -> None:
    """Let an agreement go: it stays in agreements.toml, out of the agreement document."""
    agreement.status = "retired"


def for_review(agreements: Agreements, today: date) -> list[Agreement]:
    """The active agreements, those due for review first, each group by review date."""
    return sorted(agreements.active(), key=lambda a: (a.review_on > today, a.review_on, a.id))
