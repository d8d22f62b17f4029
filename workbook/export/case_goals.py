"""The case record's goals: each with when it was set and where it stands, and, for a goal
with a measure, that score's course against the target for each partner (the score's chart
draws the target too: ``targets``)."""

from __future__ import annotations

from collections.abc import Mapping

from workbook.data.goals import STATUS_WORDS, Goal
from workbook.export.blocks import Block, Lines, em, items, para
from workbook.export.case_data import ScoreLine
from workbook.export.markdown import long_date, number
from workbook.i18n.catalog import _, current, pgettext
from workbook.logic.scores import shown


def _shown(value: float) -> str:
    return number(shown(value))


def goal_blocks(
    goals: list[Goal], scores: list[ScoreLine], names: Mapping[str, str]
) -> list[Block]:
    if not goals:
        return [para(em(_("No goals set.")))]
    lines = {(line.pack, line.score): line for line in scores}
    out: list[tuple[Block, ...]] = []
    for goal in goals:
        word = STATUS_WORDS.get(goal.status)
        status = current().gettext(word) if word else goal.status
        state = (
            _("Set on {day}; {status}.").format(day=long_date(goal.set), status=status)
            if goal.set
            else _("{status}.").format(status=status[:1].upper() + status[1:])
        )
        said: list[Block] = [Lines(goal.text, label=_("Goal:")), para(em(state))]
        if goal.pack and goal.score:
            line = lines.get((goal.pack, goal.score))
            said.append(para(_course(goal, line, names)))
        out.append(tuple(said))
    return [items(*out)]


def _course(goal: Goal, line: ScoreLine | None, names: Mapping[str, str]) -> str:
    title = line.title if line is not None else goal.measure or ""
    head = (
        _("Measure: {title}, target {target}.").format(title=title, target=_shown(goal.target))
        if goal.target is not None
        else _("Measure: {title}.").format(title=title)
    )
    if line is None or not line.points:
        return _("{measure} No scores yet.").format(measure=head)
    parts = []
    for key in ("a", "b"):
        given = [
            (entry.id[:10], value.value(key))
            for entry, value in line.points
            if value.value(key) is not None
        ]
        if not given:
            parts.append(_("{name}: no complete score yet").format(name=names[key]))
            continue
        (first_day, first), (last_day, last) = given[0], given[-1]
        assert first is not None
        assert last is not None
        course = (
            _("{value} on {day}").format(value=_shown(first), day=first_day)
            if len(given) == 1
            else _("{first} on {first_day}, {last} on {last_day}").format(
                first=_shown(first), first_day=first_day, last=_shown(last), last_day=last_day
            )
        )
        if goal.target is not None:
            gap = goal.target - last
            course = (
                _("{course} (target reached)").format(course=course)
                if gap <= 0
                else _("{course} ({gap} below the target)").format(course=course, gap=_shown(gap))
            )
        parts.append(_("{name}: {course}").format(name=names[key], course=course))
    return _("{measure} {courses}.").format(
        measure=head, courses=pgettext("list", "; ").join(parts)
    )


def targets(goals: list[Goal], line: ScoreLine) -> tuple[tuple[float, str], ...]:
    """The open goals' targets on ``line``'s score, as marks for its chart."""
    return tuple(
        (goal.target, _("Goal: {target}").format(target=_shown(goal.target)))
        for goal in goals
        if goal.target is not None
        and goal.status == "open"
        and (goal.pack, goal.score) == (line.pack, line.score)
    )
