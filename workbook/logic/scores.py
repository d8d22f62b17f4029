"""Scores: a number per partner from the scale answers a pack's ``[[scores]]`` names.

A score exists for a partner only when every answer it needs is there; an optional private step
that either partner left blank counts for neither (``logic/skips.py``). Reversed answers count as
min + max - answer. The band is the last one whose ``min`` the score reaches.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from typing import Any

from workbook.data.answers.kinds import read_answer
from workbook.logic.skips import kept_back
from workbook.packs.models import Pack, Score

Tables = Callable[[str], Mapping[str, Any]]


@dataclass(frozen=True)
class ScoreValue:
    """One score of one sitting: each partner's value (None when incomplete) and band."""

    id: str
    title: str
    a: float | None
    b: float | None
    band_a: str | None
    band_b: str | None
    # A step the score reads was passed (``logic/skips.py``): the score is neither partner's.
    passed: bool = False

    def value(self, key: str) -> float | None:
        return self.a if key == "a" else self.b

    def band(self, key: str) -> str | None:
        return self.band_a if key == "a" else self.band_b


def last_step(pack: Pack, score: Score) -> str:
    """The step whose reveal completes ``score``: the last of its steps in the pack."""
    order = [step.id for step in pack.steps]
    return max(score.from_, key=lambda step_id: order.index(step_id) if step_id in order else -1)


def completed_at(pack: Pack, step_id: str) -> list[Score]:
    """The scores of ``pack`` that the reveal of step ``step_id`` completes."""
    return [score for score in pack.scores if last_step(pack, score) == step_id]


def score_range(pack: Pack, score: Score) -> tuple[float, float] | None:
    """The lowest and highest value ``score`` can take, or None if a step it names is missing.

    Reversing an answer keeps it within its step's range, so the range is the same either way.
    """
    known: dict[str, Any] = {step.id: step for step in pack.steps}
    lows: list[int] = []
    highs: list[int] = []
    for step_id in score.from_:
        step = known.get(step_id)
        if step is None or not step.rules.rated:
            return None
        count = len(getattr(step, "items", [])) or 1
        lows += [step.min] * count
        highs += [step.max] * count
    if score.method == "mean":
        return sum(lows) / len(lows), sum(highs) / len(highs)
    return float(sum(lows)), float(sum(highs))


def partner_score(pack: Pack, score: Score, tables: Tables, key: str) -> float | None:
    """Partner ``key``'s score, from the answer tables of the pack's steps (by step id)."""
    known: dict[str, Any] = {step.id: step for step in pack.steps}
    reverse = set(score.reverse)
    values: list[int] = []
    for step_id in score.from_:
        step = known.get(step_id)
        if step is None or not step.rules.rated:
            return None
        answer = read_answer(step, tables(step_id))
        if kept_back(step, answer):
            # An optional private step one of them left blank counts for neither, so that no
            # score says who skipped it.
            return None
        ratings = answer.ratings(step, key)
        for item in list(getattr(step, "items", [])) or [None]:
            if item not in ratings:
                return None
            value = ratings[item]
            if step_id in reverse or (item is not None and f"{step_id}.{item}" in reverse):
                value = step.min + step.max - value
            values.append(value)
    if not values:
        return None
    total = float(sum(values))
    return total / len(values) if score.method == "mean" else total


def band_of(score: Score, value: float | None) -> str | None:
    if value is None:
        return None
    label = None
    for band in score.bands:
        if value >= band.min:
            label = band.label
    return label


def passed(pack: Pack, score: Score, tables: Tables, revealed: Collection[str] = ()) -> bool:
    """True when a step ``score`` reads was passed: an optional private step one or both left
    blank, that has an answer table or whose reveal the couple saw (step ids in ``revealed``);
    a step never reached is not passed."""
    known: dict[str, Any] = {step.id: step for step in pack.steps}
    for step_id in score.from_:
        step = known.get(step_id)
        if step is None or (not tables(step_id) and step_id not in revealed):
            continue
        if kept_back(step, read_answer(step, tables(step_id))):
            return True
    return False


def pack_scores(pack: Pack, tables: Tables, revealed: Collection[str] = ()) -> list[ScoreValue]:
    """Every score of ``pack``, from the answer tables of one sitting (``revealed``: the steps
    whose reveal the couple saw, for ``passed``)."""
    found = []
    for score in pack.scores:
        a = partner_score(pack, score, tables, "a")
        b = partner_score(pack, score, tables, "b")
        found.append(
            ScoreValue(
                score.id,
                score.title,
                a,
                b,
                band_of(score, a),
                band_of(score, b),
                passed(pack, score, tables, revealed),
            )
        )
    return found


def shown(value: float | None) -> str:
    """A score as people read it: whole numbers without a point, others to one place."""
    if value is None:
        return "not complete"
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"
