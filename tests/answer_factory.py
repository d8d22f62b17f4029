"""Generated answers for any step, in the shapes of data/answers.py, for tests."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from tests.hostile import HOSTILE
from workbook.data.answers.base import answer_keys
from workbook.data.answers.chores import ChoresAnswer
from workbook.logic.chores import fair_split, from_answer
from workbook.packs.models import Pack
from workbook.text import clean

TEXTS = st.one_of(
    st.text(min_size=1, max_size=60).map(clean).filter(lambda t: t.strip() != ""),
    st.sampled_from([t for t in HOSTILE if len(t) < 1000]).map(clean),
)


def value_for(step: Any, pack: Pack, draw: Any, mine: dict[str, Any], key: str) -> Any:
    """One answerer's value for ``step``; ``mine`` holds their earlier values in this pack."""
    if step.kind == "text":
        return draw(TEXTS)
    if step.kind == "scale":
        number = st.integers(step.min, step.max)
        if step.items:
            return {item: draw(number) for item in step.items}
        return draw(number)
    if step.kind == "choice":
        pool = list(step.options) + ([draw(TEXTS)] if step.other else [])
        count = draw(st.integers(max(step.pick_min, 1), step.pick_max))
        return draw(st.permutations(pool))[:count]
    if step.kind == "rank":
        options = list(step.options) if step.options else list(mine.get(step.options_from, []))
        return draw(st.permutations(options))
    if step.kind == "guess":
        marks = st.sampled_from(["got it", "close", "not quite"])
        return {
            "own": {q: draw(TEXTS).split("\n")[0] or "x" for q in step.questions},
            "guess": {q: draw(TEXTS).split("\n")[0] or "y" for q in step.questions},
            "marks": {q: draw(marks) for q in step.questions},
        }
    raise AssertionError(f"no generated answer for {step.kind}")


def structured_table(step: Any, draw: Any) -> dict[str, Any]:
    """A whole table for a chores, requests or listen step (see docs/formats.md)."""
    if step.kind == "chores":
        tasks = [
            {
                "name": t.name,
                "minutes": t.minutes,
                "now": draw(st.sampled_from(["a", "b", "both", "nobody"])),
                "done": draw(TEXTS),
            }
            for t in step.tasks
        ] or [{"name": draw(TEXTS).split("\n")[0] or "Task", "minutes": 60, "now": "a", "done": ""}]
        weights = {key: {t["name"]: draw(st.integers(1, 5)) for t in tasks} for key in "ab"}
        table = {"tasks": tasks, "weights": weights}
        chores, _, _ = from_answer(ChoresAnswer.read(table))
        split = fair_split(chores)
        table["split"] = {"owner": split.owner, "shared_part_a": split.shared_part_a}
        return table
    if step.kind == "requests":
        return {
            "requests": [
                {
                    "by": by,
                    "text": draw(TEXTS),
                    "benefit": draw(st.integers(1, 5)),
                    "cost": draw(st.integers(1, 5)),
                    "decision": draw(st.sampled_from(["yes", "no", "third", "later"])),
                    "third": draw(TEXTS),
                    "note": draw(TEXTS),
                }
                for by in ("a", "b")
            ]
        }
    if step.kind == "listen":
        return {
            "turns": [
                {
                    "round": r + 1,
                    "speaker": speaker,
                    "paraphrases": [draw(TEXTS), draw(TEXTS)],
                    "tries": 2,
                    "confirmed": True,
                    "timeouts": draw(st.integers(0, 2)),
                }
                for r in range(step.rounds)
                for speaker in ("a", "b")
            ]
        }
    raise AssertionError(step.kind)


def answers_for(pack: Pack, draw: Any) -> dict[str, dict[str, Any]]:
    """A complete answer table for every answerable step of ``pack``."""
    tables: dict[str, dict[str, Any]] = {}
    mine: dict[str, dict[str, Any]] = {"a": {}, "b": {}, "together": {}}
    for step in pack.steps:
        if step.kind in ("read", "agreement"):
            continue
        if step.kind in ("chores", "requests", "listen"):
            tables[step.id] = structured_table(step, draw)
            continue
        table = {}
        for key in answer_keys(getattr(step, "answer", "each-private")):
            table[key] = value_for(step, pack, draw, mine[key], key)
            mine[key][step.id] = table[key]
        tables[step.id] = table
    return tables
