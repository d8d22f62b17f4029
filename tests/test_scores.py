"""Scores: the check-in's own score on the real pack, and the rules of every score (sum or mean,
reversed steps and items, bands, incomplete answers) on a small pack written here."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from tests.packs_helpers import builtin_library
from workbook.logic.scores import (
    ScoreValue,
    band_of,
    completed_at,
    last_step,
    pack_scores,
    score_range,
    shown,
)
from workbook.packs.load import parse_pack
from workbook.packs.models import Pack

CHECK_IN = builtin_library().pack("check-in")
SELF_CHECK = CHECK_IN.step("self-check").items


def tables(answers: Mapping[str, Any]) -> Any:
    return lambda step_id: answers.get(step_id, {})


def check_in(a: tuple[list[int], int] | None, b: tuple[list[int], int] | None) -> ScoreValue:
    """The check-in's score for self-check ratings (in item order) and an overall answer."""
    answers: dict[str, dict[str, Any]] = {"self-check": {}, "satisfaction": {}}
    for key, given in (("a", a), ("b", b)):
        if given is not None:
            ratings, overall = given
            answers["self-check"][key] = dict(zip(SELF_CHECK, ratings, strict=False))
            answers["satisfaction"][key] = overall
    (score,) = pack_scores(CHECK_IN, tables(answers))
    return score


# The check-in's score


def test_the_check_in_has_one_score_of_its_seven_private_answers() -> None:
    (score,) = CHECK_IN.scores
    assert score.from_ == ["self-check", "satisfaction"]
    assert score.method == "mean"
    assert score.reverse == []
    assert len(SELF_CHECK) == 6
    # A mean keeps the score on the scale the couple answered: 1 to 5.
    assert score_range(CHECK_IN, score) == (1, 5)


def test_the_check_in_score_is_the_mean_for_each_partner() -> None:
    value = check_in(([4, 4, 4, 4, 4, 4], 5), ([1, 2, 1, 2, 1, 2], 1))
    assert value.id == "feeling"
    assert value.title == "How things feel between us"
    assert value.a == pytest.approx(29 / 7)
    assert value.b == pytest.approx(10 / 7)
    assert (value.band_a, value.band_b) == ("Mostly good", "A hard stretch")
    assert shown(value.a) == "4.1"


def test_every_line_of_the_check_in_counts_upwards() -> None:
    """Nothing is reversed: raising any one answer raises the score."""
    base = ([3] * 6, 3)
    start = check_in(base, base).a
    assert start == 3
    for index in range(6):
        ratings = [3] * 6
        ratings[index] = 4
        assert check_in((ratings, 3), base).a == pytest.approx(22 / 7), SELF_CHECK[index]
    assert check_in(([3] * 6, 4), base).a == pytest.approx(22 / 7)


@pytest.mark.parametrize(
    ("ratings", "overall", "band"),
    [
        ([1] * 6, 1, "A hard stretch"),
        ([2] * 6, 3, "A hard stretch"),  # 15 / 7 = 2.1
        ([3] * 6, 3, "Some things to talk about"),
        ([4] * 6, 3, "Mostly good"),  # 27 / 7 = 3.9
        ([5] * 6, 3, "Going well"),  # 33 / 7 = 4.7
        ([5] * 6, 5, "Going well"),
    ],
)
def test_the_check_in_bands(ratings: list[int], overall: int, band: str) -> None:
    assert check_in((ratings, overall), None).band_a == band


def test_the_check_in_bands_rise_across_the_whole_scale_at_their_edges() -> None:
    (score,) = CHECK_IN.scores
    edges = [band.min for band in score.bands]
    assert edges == sorted(edges)
    assert edges[0] == 1
    assert edges[-1] < 5
    assert band_of(score, 2.49) == "A hard stretch"
    assert band_of(score, 2.5) == "Some things to talk about"
    assert band_of(score, 3.5) == "Mostly good"
    assert band_of(score, 4.5) == "Going well"
    assert band_of(score, None) is None


def test_an_incomplete_check_in_has_no_score_for_that_partner() -> None:
    missing_line = check_in(([4, 4, 4, 4, 4], 4), ([4] * 6, 4))
    assert missing_line.a is None
    assert missing_line.band_a is None
    assert missing_line.b == 4
    no_overall = pack_scores(CHECK_IN, tables({"self-check": {"a": dict.fromkeys(SELF_CHECK, 4)}}))[
        0
    ]
    assert no_overall.a is None
    out_of_range = check_in(([4, 4, 4, 4, 4, 9], 4), None)
    assert out_of_range.a is None
    assert out_of_range.b is None


def test_the_check_in_score_is_completed_at_the_overall_reveal() -> None:
    (score,) = CHECK_IN.scores
    assert last_step(CHECK_IN, score) == "satisfaction"
    assert completed_at(CHECK_IN, "satisfaction") == [score]
    assert completed_at(CHECK_IN, "self-check") == []


# The rules, on a small pack

TINY = """
format = 1
id = "tiny"
title = "Tiny"
summary = "For tests."

[[steps]]
id = "mood"
kind = "scale"
prompt = "How is your mood?"
min = 0
max = 4

[[steps]]
id = "areas"
kind = "scale"
prompt = "How true is each?"
items = ["Calm", "Tense", "Rested"]

[[steps]]
id = "agree"
kind = "agreement"
prompt = "What will you try?"

[[scores]]
id = "total"
title = "Total"
from = ["mood", "areas"]
reverse = ["areas.Tense"]
bands = [{ min = 0, label = "Low" }, { min = 8, label = "Middle" }, { min = 12, label = "High" }]

[[scores]]
id = "average"
title = "Average"
from = ["areas"]
method = "mean"
bands = [{ min = 3, label = "Fine" }]

[[scores]]
id = "flipped"
title = "Flipped"
from = ["areas", "mood"]
reverse = ["areas", "mood"]
"""


@pytest.fixture(scope="module")
def tiny() -> Pack:
    loaded = parse_pack(TINY.encode(), Path("tiny.toml"))
    assert loaded.pack is not None, [str(p) for p in loaded.problems]
    return loaded.pack


ANSWERS = {
    "mood": {"a": 3, "b": 0},
    "areas": {
        "a": {"Calm": 4, "Tense": 2, "Rested": 5},
        "b": {"Calm": 1, "Tense": 5, "Rested": 1},
    },
}


def scores_of(pack: Pack, answers: Mapping[str, Any]) -> dict[str, ScoreValue]:
    return {value.id: value for value in pack_scores(pack, tables(answers))}


def test_sum_counts_a_reversed_item_the_other_way_round(tiny: Pack) -> None:
    total = scores_of(tiny, ANSWERS)["total"]
    # a: mood 3 + Calm 4 + Tense (1 + 5 - 2 = 4) + Rested 5; b: 0 + 1 + 1 + 1.
    assert (total.a, total.b) == (16, 3)
    assert (total.band_a, total.band_b) == ("High", "Low")
    assert score_range(tiny, tiny.scores[0]) == (3, 19)


def test_mean_divides_by_the_number_of_answers(tiny: Pack) -> None:
    average = scores_of(tiny, ANSWERS)["average"]
    assert average.a == pytest.approx(11 / 3)
    assert average.b == pytest.approx(7 / 3)
    # Below the first band there is no band.
    assert (average.band_a, average.band_b) == ("Fine", None)
    assert score_range(tiny, tiny.scores[1]) == (1, 5)


def test_a_reversed_step_reverses_every_item_and_a_step_without_items(tiny: Pack) -> None:
    flipped = scores_of(tiny, ANSWERS)["flipped"]
    # a: areas (2 + 4 + 1) + mood (0 + 4 - 3 = 1); b: (5 + 1 + 5) + 4.
    assert (flipped.a, flipped.b) == (8, 15)
    assert (flipped.band_a, flipped.band_b) == (None, None)


def test_a_missing_item_leaves_that_partner_without_a_score(tiny: Pack) -> None:
    answers = {"mood": {"a": 3, "b": 0}, "areas": {"a": {"Calm": 4, "Rested": 5}}}
    found = scores_of(tiny, answers)
    assert all(value.a is None and value.b is None for value in found.values())
    assert found["total"].band_a is None
    assert shown(found["total"].a) == "not complete"


def test_a_together_answer_gives_no_partner_a_score(tiny: Pack) -> None:
    answers = {"mood": {"together": 3}, "areas": {"together": {"Calm": 4}}}
    assert all(v.a is None and v.b is None for v in scores_of(tiny, answers).values())


def test_last_step_is_the_latest_in_pack_order_whatever_the_order_of_from(tiny: Pack) -> None:
    total, average, flipped = tiny.scores
    assert last_step(tiny, total) == "areas"
    assert last_step(tiny, flipped) == "areas"
    assert completed_at(tiny, "areas") == [total, average, flipped]
    assert completed_at(tiny, "mood") == []


def test_shown_drops_the_point_of_whole_numbers() -> None:
    assert shown(16.0) == "16"
    assert shown(11 / 3) == "3.7"


# A score's mistakes: one message each, at the line of what it names


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "{ min = 8,",
            "{ min = 2026-01-01,",
            "scores[0].bands[1].min: must be a number, like 14 or 2.5, not a date or time",
        ),
        (
            "{ min = 8,",
            '{ min = "8",',
            'scores[0].bands[1].min: must be a number without quotes: write 8, not "8"',
        ),
        (
            "{ min = 8,",
            "{ min = -inf,",
            "scores[0].bands[1].min: must be an ordinary number, like 14 or 2.5, not -inf",
        ),
        ("{ min = 8,", "{ min = 20,", "scores[0].bands: bands must rise"),
        (
            'from = ["mood", "areas"]',
            'from = ["mood", "agree"]',
            'scores[0].from[1]: "agree" is an agreement step: a score reads scale steps',
        ),
        (
            'from = ["mood", "areas"]',
            'from = ["mood", "arreas"]',
            'scores[0].from[1]: "arreas" is not a scale step of this pack (did you mean "areas"?)',
        ),
        (
            'reverse = ["areas.Tense"]',
            'reverse = ["areas.Tens"]',
            'scores[0].reverse[0]: "Tens" is not an item of "areas" (did you mean "Tense"?)',
        ),
        (
            'reverse = ["areas", "mood"]',
            'reverse = ["areas", "agree"]',
            'scores[2].reverse[1]: "agree" is not one of this score\'s steps (from)',
        ),
        ('id = "average"', 'id = "total"', 'scores[1].id: score id "total" is used twice'),
        (
            'title = "Total"',
            'title = "{me}\'s total"',
            "scores[0].title: {me} and {partner} are not allowed in titles",
        ),
        (
            'label = "Middle"',
            'label = "{partner} is fine"',
            "scores[0].bands[1].label: {me} and {partner} are not allowed in band labels",
        ),
    ],
)
def test_a_mistake_in_a_score_has_one_message(old: str, new: str, message: str) -> None:
    assert old in TINY
    loaded = parse_pack(TINY.replace(old, new, 1).encode(), Path("tiny.toml"))
    problems = [str(problem) for problem in loaded.problems]
    assert len(problems) == 1, problems
    assert message in problems[0]
    line = TINY[: TINY.index(old)].count("\n") + 1
    assert problems[0].startswith(f"tiny.toml:{line}:")


def test_a_together_step_gives_no_score() -> None:
    text = TINY.replace(
        'id = "mood"\nkind = "scale"', 'id = "mood"\nkind = "scale"\nanswer = "together"'
    )
    problems = [str(p) for p in parse_pack(text.encode(), Path("tiny.toml")).problems]
    assert len(problems) == 2, problems  # the two scores that name it
    assert all(
        '"mood" is a together step: a score reads scale steps each of you' in p for p in problems
    )


# A passed step


BEFORE = builtin_library().pack("before-you-commit")
BALANCE = BEFORE.step("balance").items


def test_a_score_of_a_passed_step_is_passed_for_both_and_a_step_not_reached_is_not() -> None:
    one_left = {"balance": {"a": dict(zip(BALANCE[:-1], [4] * 4, strict=True)), "b": {}}}
    both = {"balance": {key: dict.fromkeys(BALANCE, 4) for key in ("a", "b")}}
    (passed,) = pack_scores(BEFORE, tables(one_left))
    assert passed.passed
    # Passed even with no answer table at all, once the couple saw its reveal.
    (seen,) = pack_scores(BEFORE, tables({}), revealed={"balance"})
    assert seen.passed
    (not_reached,) = pack_scores(BEFORE, tables({}))
    assert not not_reached.passed
    (answered,) = pack_scores(BEFORE, tables(both))
    assert not answered.passed
    assert answered.a == 4
