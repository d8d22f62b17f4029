"""The case record's goals: each with when it was set and where it stands, and, for a goal
with a measure, that score's course against the target for each partner (the score's chart
draws the target too: ``targets``)."""

from __future__ import annotations

from collections.abc import Mapping

from workbook.data.goals import STATUS_WORDS, Goal
from workbook.export.blocks import Block, Lines, em, items, para
from workbook.export.case_data import ScoreLine
from workbook.export.markdown import long_date
from workbook.logic.scores import shown


def goal_blocks(
    goals: list[Goal], scores: list[ScoreLine], names: Mapping[str, str]
) -> list[Block]:
    if not goals:
        return [para(em("No goals set."))]
    lines = {(line.pack, line.score): line for line in scores}
    out: list[tuple[Block, ...]] = []
    for goal in goals:
        status = STATUS_WORDS.get(goal.status, goal.status)
        since = f"Set on {long_date(goal.set)}; " if goal.set else ""
        said: list[Block] = [Lines(goal.text, label="Goal:"), para(em(f"{since}{status}."))]
        if goal.pack and goal.score:
            line = lines.get((goal.pack, goal.score))
            said.append(para(_course(goal, line, names)))
        out.append(tuple(said))
    return [items(*out)]


def _course(goal: Goal, line: ScoreLine | None, names: Mapping[str, str]) -> str:
    title = line.title if line is not None else goal.measure or ""
    target = f", target {shown(goal.target)}" if goal.target is not None else ""
    head = f"Measure: {title}{target}."
    if line is None or not line.points:
        return head + " No scores yet."
    parts = []
    for key in ("a", "b"):
        given = [
            (entry.id[:10], value.value(key))
            for entry, value in line.points
            if value.value(key) is not None
        ]
        if not given:
            parts.append(f"{names[key]}: no complete score yet")
            continue
        (first_day, first), (last_day, last) = given[0], given[-1]
        assert first is not None
        assert last is not None
        course = (
            f"{shown(first)} on {first_day}"
            if len(given) == 1
            else f"{shown(first)} on {first_day}, {shown(last)} on {last_day}"
        )
        if goal.target is not None:
            gap = goal.target - last
            course += " (target reached)" if gap <= 0 else f" ({shown(gap)} below the target)"
        parts.append(f"{names[key]}: {course}")
    return head + " " + "; ".join(parts) + "."


def targets(goals: list[Goal], line: ScoreLine) -> tuple[tuple[float, str], ...]:
    """The open goals' targets on ``line``'s score, as marks for its chart."""
    return tuple(
        (goal.target, f"Goal: {shown(goal.target)}")
        for goal in goals
        if goal.target is not None
        and goal.status == "open"
        and (goal.pack, goal.score) == (line.pack, line.score)
    )
