"""The draft terms each kind offers from its outcome, for a later agreement step to suggest.

Each function takes the source step, its answer and the partners' names, and returns offers
that say what and who: ``who`` is the partner who would do it (``a`` or ``b``), or ``both``.
The couple edits or ignores every offer; these only save typing and point at what came up.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from workbook.logic.chores import SHARED
from workbook.logic.compare import compare_choice, compare_rank, compare_scale

Names = Mapping[str, str]


@dataclass(frozen=True)
class Offer:
    text: str
    source: str  # <pack id>.<step id>
    who: str = "both"  # a | b | both: who would do it


def first_line(text: str) -> str:
    line = text.strip().split("\n", 1)[0].strip()
    return line if len(line) <= 200 else line[:197] + "..."


def text_terms(step: Any, answer: Any, names: Names) -> list[tuple[str, str]]:
    """Each written answer's first line, to be done by whoever wrote it (or both together)."""
    return [
        (first_line(value), "both" if key == "together" else key)
        for key, value in answer.values(step.answer).items()
        if value.strip()
    ]


def scale_terms(step: Any, answer: Any, names: Names) -> list[tuple[str, str]]:
    if not answer.complete(step.answer) or step.answer == "together":
        return []
    rows = compare_scale(step.items, answer.ratings(step, "a"), answer.ratings(step, "b"), step.gap)
    return [
        (f"Talk about “{row.item}” again, where we see it differently", "both")
        for row in rows
        if row.flagged and row.item
    ]


def choice_terms(step: Any, answer: Any, names: Names) -> list[tuple[str, str]]:
    if step.answer == "together" or not answer.complete(step.answer):
        return []
    shared = compare_choice(answer.a, answer.b).shared
    return [(f"Protect “{x}” together", "both") for x in shared]


def rank_terms(step: Any, answer: Any, names: Names) -> list[tuple[str, str]]:
    if step.answer == "together" or not answer.complete(step.answer):
        return []
    ranked = compare_rank(answer.a, answer.b)
    if not ranked:
        return []
    return [(f"Make room for “{ranked[0].item}”, which matters to both of us", "both")]


def chores_terms(step: Any, answer: Any, names: Names) -> list[tuple[str, str]]:
    if answer.split is None:
        return []
    owner, part_a = answer.split.owner, answer.split.shared_part_a
    done = {task.name: task.done for task in answer.tasks}

    def task(name: str) -> str:
        return f"{name} (done means: {done[name]})" if done.get(name) else name

    terms = []
    for key in ("a", "b"):
        mine = [task(n) for n, who in owner.items() if who == key]
        if mine:
            terms.append((f"Take on: {', '.join(mine)}", key))
    shared = [task(n) for n, who in owner.items() if who == SHARED]
    if shared:
        how = (
            "in alternating weeks"
            if 0.4 <= part_a <= 0.6
            else f"{names['a']} about {part_a * 100:.0f}%, {names['b']} the rest"
        )
        terms.append((f"Share {', '.join(shared)} ({how})", "both"))
    return terms


def request_terms(step: Any, answer: Any, names: Names) -> list[tuple[str, str]]:
    """A yes is done by the partner who was asked; a third option by both."""
    terms = []
    for request in answer.requests:
        if request.decision == "yes":
            terms.append((first_line(request.text), request.giver))
        elif request.decision == "third" and request.third and request.third.strip():
            terms.append((first_line(request.third), "both"))
    return terms


def guess_terms(step: Any, answer: Any, names: Names) -> list[tuple[str, str]]:
    """Where a guess was not quite right, an offer to ask about it more often."""
    missed = [
        question
        for question in step.questions
        if any(answer.side(key).marks.get(question) == "not quite" for key in ("a", "b"))
    ]
    return [(f"Ask each other about “{q}” more often", "both") for q in missed]


def listen_terms(step: Any, answer: Any, names: Names) -> list[tuple[str, str]]:
    """Once a turn was understood, an offer to use the practice again."""
    if not any(turn.confirmed for turn in answer.turns):
        return []
    return [("Use the speaker-listener practice again when a talk gets hard", "both")]
