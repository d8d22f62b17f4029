"""The review date a review gives: today plus the agreement's period, never today or before,
whatever a hand edit left in the file."""

from __future__ import annotations

from datetime import date, timedelta

from workbook.data.models import Agreement, Review
from workbook.logic.agreements import DEFAULT_PERIOD_DAYS, next_review, period

MADE = date(2026, 11, 22)
TODAY = date(2026, 12, 1)


def _agreement(review_on: date, **extra: object) -> Agreement:
    return Agreement(id="1", text="Walk", made=MADE, review_on=review_on, **extra)


def test_the_period_given_when_made_wins_over_a_moved_review_date() -> None:
    moved = _agreement(MADE, review_days=7)
    assert next_review(moved, TODAY) == TODAY + timedelta(days=7)


def test_an_older_agreement_takes_its_period_from_its_dates() -> None:
    assert period(_agreement(MADE + timedelta(days=14))) == 14
    reviewed = _agreement(
        date(2026, 12, 20), reviews=[Review(on=date(2026, 12, 6), outcome="kept", due=MADE)]
    )
    assert period(reviewed) == 14
    # A review date on or before the day it was set (a hand edit): the period before it, as
    # the reviews recorded it, else the default; never a day.
    edited = _agreement(
        date(2026, 12, 1),
        reviews=[Review(on=date(2026, 12, 6), outcome="kept", due=MADE + timedelta(days=10))],
    )
    assert period(edited) == 10
    assert period(_agreement(MADE - timedelta(days=30))) == DEFAULT_PERIOD_DAYS
    assert next_review(_agreement(MADE), TODAY) > TODAY
