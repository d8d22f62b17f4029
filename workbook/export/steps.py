"""How each step kind's answers read in a session summary.

A renderer takes the step, its answer table and the partners' names, and returns Markdown blocks.
Private answers show only once both partners have answered, as at the reveal.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from workbook.data.answers import agreement_terms, answer_keys, is_complete, read_values
from workbook.export.markdown import block, bullets, inline, long_date, names_and
from workbook.logic.compare import compare_choice, compare_rank, compare_scale
from workbook.packs.models import (
    AgreementStep,
    ChoiceStep,
    RankStep,
    ScaleStep,
    Step,
    TextStep,
)

Names = dict[str, str]
Renderer = Callable[[Any, dict[str, Any], Names], list[str]]
WAITING = "*Waiting for both answers: private answers show once both of you have answered.*"
NO_ANSWER = "*(no answer)*"


def _who(key: str, names: Names) -> str:
    return "Together" if key == "together" else inline(names[key])


def _private_and_waiting(step: Any, table: dict[str, Any]) -> bool:
    return bool(
        getattr(step, "answer", "") == "each-private"
        and not is_complete(step.kind, step.answer, table)
    )


def render_text(step: TextStep, table: dict[str, Any], names: Names) -> list[str]:
    if _private_and_waiting(step, table):
        return [WAITING]
    values = read_values("text", step.answer, table)
    return [
        f"**{_who(key, names)}:** {block(values.get(key, '')) or NO_ANSWER}"
        for key in answer_keys(step.answer)
    ]


def render_scale(step: ScaleStep, table: dict[str, Any], names: Names) -> list[str]:
    if _private_and_waiting(step, table):
        return [WAITING]
    values = read_values("scale", step.answer, table)
    labels = ""
    if step.low or step.high:
        labels = f"{step.min} = {inline(step.low or '')}, {step.max} = {inline(step.high or '')}"
        labels = f"*Scale {step.min} to {step.max}: {labels}.*"
    else:
        labels = f"*Scale {step.min} to {step.max}.*"
    keys = answer_keys(step.answer)
    if len(keys) == 1:
        rows = compare_scale(step.items, values.get(keys[0]), None, None)
        lines = [f"{inline(r.item or 'Rating')}: {_num(r.a)}" for r in rows]
        return [labels, bullets(lines)]
    rows = compare_scale(step.items, values.get("a"), values.get("b"), step.gap)
    lines = []
    for row in rows:
        line = f"{inline(names['a'])} {_num(row.a)}, {inline(names['b'])} {_num(row.b)}"
        if row.item is not None:
            line = f"{inline(row.item)}: {line}"
        if row.flagged:
            line += f" **({row.apart} apart: worth talking about)**"
        lines.append(line)
    return [labels, bullets(lines)]


def _num(value: int | None) -> str:
    return "no answer" if value is None else str(value)


def render_choice(step: ChoiceStep | RankStep, table: dict[str, Any], names: Names) -> list[str]:
    if _private_and_waiting(step, table):
        return [WAITING]
    values = read_values(step.kind, step.answer, table)
    blocks = []
    for key in answer_keys(step.answer):
        picked = values.get(key, [])
        shown = ", ".join(inline(x) for x in picked) or NO_ANSWER
        blocks.append(f"**{_who(key, names)}:** {shown}")
    if step.answer != "together" and "a" in values and "b" in values:
        compared = compare_choice(values["a"], values["b"])
        lines = [
            f"Both of you: {_items(compared.shared)}",
            f"Only {inline(names['a'])}: {_items(compared.only_a)}",
            f"Only {inline(names['b'])}: {_items(compared.only_b)}",
        ]
        blocks.append(bullets(lines))
    return blocks


def render_rank(step: RankStep, table: dict[str, Any], names: Names) -> list[str]:
    if _private_and_waiting(step, table):
        return [WAITING]
    values = read_values("rank", step.answer, table)
    blocks = []
    for key in answer_keys(step.answer):
        ranked = values.get(key, [])
        shown = ", ".join(f"{i}. {inline(x)}" for i, x in enumerate(ranked, 1)) or NO_ANSWER
        blocks.append(f"**{_who(key, names)}:** {shown}")
    if step.answer != "together" and "a" in values and "b" in values:
        rows = compare_rank(values["a"], values["b"])
        if rows:
            lines = [
                f"{inline(r.item)}: {inline(names['a'])} #{r.a}, {inline(names['b'])} #{r.b}"
                for r in rows
            ]
            blocks.append("In both of your lists:\n\n" + bullets(lines))
    return blocks


def _items(values: list[str]) -> str:
    return ", ".join(inline(v) for v in values) or "none"


def render_agreement(step: AgreementStep, table: dict[str, Any], names: Names) -> list[str]:
    lines = []
    for term in agreement_terms(table):
        confirmed = [k for k in ("a", "b") if k in term.get("confirmed_by", [])]
        if len(confirmed) == 2:
            status = f"agreed by {names_and(names[k] for k in confirmed)}"
            review = term.get("review_on")
            if review is not None and hasattr(review, "year"):
                status += f", to review on {long_date(review)}"
        elif confirmed:
            status = f"confirmed by {inline(names[confirmed[0]])} only: not agreed"
        else:
            status = "a draft: not agreed"
        lines.append(f"{block(term['text'], indent='  ')}\\\n  *{status}*")
    return [bullets(lines)] if lines else ["*No terms were written at this step.*"]


def render_recorded(step: Step, table: dict[str, Any], names: Names) -> list[str]:
    """Kinds whose export comes with their own issue: say the answers are kept."""
    return ["*The answers to this step are kept in the session file.*"] if table else []
