"""The built-in CSI-4 (Funk and Rogge, 2007): its items and labels as published, each partner
privately, and its score: the sum of the four answers, 0 to 21, with the published cut-off of
13.5 as a band."""

from __future__ import annotations

from typing import Any

import pytest

from tests.packs_helpers import builtin_library
from workbook.logic.scores import pack_scores, score_range
from workbook.packs.models import ScaleStep, point_label

PACK = builtin_library().pack("csi-4")
BELOW = "Below the published cut-off of 13.5"
ABOVE = "At or above the published cut-off of 13.5"


def scored(a: tuple[int, int, int, int], b: tuple[int, int, int, int] | None = None) -> Any:
    steps = ("happiness", "warm", "rewarding", "satisfied")
    tables = {
        step: {"a": a[i], **({"b": b[i]} if b is not None else {})} for i, step in enumerate(steps)
    }
    (score,) = pack_scores(PACK, lambda step_id: tables.get(step_id, {}))
    return score


def test_the_items_and_their_labels_are_as_published() -> None:
    scales = [step for step in PACK.steps if isinstance(step, ScaleStep)]
    assert [step.prompt for step in scales] == [
        "Please indicate the degree of happiness, all things considered, of your relationship.",
        "I have a warm and comfortable relationship with my partner.",
        "How rewarding is your relationship with your partner?",
        "In general, how satisfied are you with your relationship?",
    ]
    assert all(step.answer == "each-private" and not step.items for step in scales)
    happiness, warm, rewarding, satisfied = scales
    assert (happiness.min, happiness.max) == (0, 6)
    assert [point_label(happiness, n) for n in range(7)] == [
        "Extremely unhappy",
        "Fairly unhappy",
        "A little unhappy",
        "Happy",
        "Very happy",
        "Extremely happy",
        "Perfect",
    ]
    assert point_label(warm, 0) == "Not at all true"
    assert point_label(warm, 4) == "Almost completely true"
    assert rewarding.labels == satisfied.labels
    assert rewarding.labels == [
        "Not at all",
        "A little",
        "Somewhat",
        "Mostly",
        "Almost completely",
        "Completely",
    ]
    assert PACK.recurring
    assert PACK.credits is not None
    assert "Funk" in PACK.credits
    assert "Rogge" in PACK.credits
    assert "free of charge for clinical and research use" in PACK.credits


def test_the_score_runs_from_0_to_21() -> None:
    assert score_range(PACK, PACK.scores[0]) == (0.0, 21.0)
    assert scored((0, 0, 0, 0)).a == 0
    assert scored((6, 5, 5, 5)).a == 21


@pytest.mark.parametrize(
    ("answers", "total", "band"),
    [
        # "Happy", "Mostly true", "Mostly", "Mostly": 12, under the cut-off.
        ((3, 3, 3, 3), 12, BELOW),
        # 13 is the highest sum under 13.5: notable dissatisfaction, by the published cut-off.
        ((4, 3, 3, 3), 13, BELOW),
        # 14 is the lowest sum over it.
        ((4, 4, 3, 3), 14, ABOVE),
        ((6, 5, 5, 5), 21, ABOVE),
        ((0, 0, 0, 0), 0, BELOW),
    ],
)
def test_the_published_cut_off_of_13_5_is_a_band(
    answers: tuple[int, int, int, int], total: int, band: str
) -> None:
    score = scored(answers, (6, 5, 5, 5))
    assert (score.a, score.band_a) == (total, band)
    assert (score.b, score.band_b) == (21, ABOVE)


def test_a_partner_who_has_not_answered_every_item_has_no_score() -> None:
    tables = {"happiness": {"a": 3, "b": 4}, "warm": {"a": 3}, "rewarding": {"a": 3, "b": 3}}
    (score,) = pack_scores(PACK, lambda step_id: tables.get(step_id, {}))
    assert score.a is None
    assert score.b is None
