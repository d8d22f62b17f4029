"""How each step kind's answers read in a session summary.

A renderer takes the step, its answer table and the partners' names, and returns Markdown blocks.
Private answers show only once both partners have answered, as at the reveal.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from workbook.data.answers import (
    agreement_terms,
    answer_keys,
    chore_split,
    chore_tasks,
    chore_weights,
    is_complete,
    listen_turns,
    read_values,
    request_rows,
)
from workbook.export.markdown import block, bullets, inline, long_date, names_and
from workbook.logic.chores import explain, fair_split
from workbook.logic.chores import from_table as chores_from_table
from workbook.logic.compare import compare_choice, compare_rank, compare_scale
from workbook.logic.requests import DECISION_WORDS, advise
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


def render_chores(step: Step, table: dict[str, Any], names: Names) -> list[str]:
    """The split as a table, with each partner's explanation by their own ratings."""
    rows = chore_tasks(table)
    if not rows:
        return ["*No tasks were listed.*"]
    owner, part_a = chore_split(table)
    who = {"a": inline(names["a"]), "b": inline(names["b"]), "both": "both", "nobody": "nobody"}

    def final(name: str) -> str:
        if owner.get(name) == "shared":
            return f"shared ({inline(names['a'])} {part_a * 100:.0f}%)"
        return who.get(owner.get(name, ""), "not decided")

    lines = [
        "| Task | Minutes a week | Now | From now on | Done looks like |",
        "|---|---:|---|---|---|",
    ]
    for row in rows:
        lines.append(
            f"| {inline(row['name'])} | {row['minutes']} | {who[row['now']]} | "
            f"{final(row['name'])} | {inline(row['done']) or '-'} |"
        )
    blocks = ["\n".join(lines)]
    chores, now, _ = chores_from_table(table)
    if owner and chore_weights(table, "a") and chore_weights(table, "b"):
        split = fair_split(chores)
        for key, text in explain(chores, now, split, names).items():
            blocks.append(f"**{inline(names[key])}:** {block(text)}")
    return blocks


def render_requests(step: Step, table: dict[str, Any], names: Names) -> list[str]:
    """Each request with its ratings, the advice, and what was decided."""
    rows = request_rows(table)
    if not rows:
        return ["*No requests were made.*"]
    items = []
    for row in rows:
        asker, giver = row["by"], "b" if row["by"] == "a" else "a"
        line = f"**{inline(names[asker])} asks:** {block(row['text'], indent='  ')}"
        benefit, cost = row.get("benefit"), row.get("cost")
        if isinstance(benefit, int) and isinstance(cost, int):
            advice = advise(benefit, cost, names[asker], names[giver])
            line += f"\\\n  Benefit {benefit} of 5, cost {cost} of 5: {inline(advice.text)}"
        decision = row.get("decision")
        if decision in DECISION_WORDS:
            line += f"\\\n  *Decided: {DECISION_WORDS[decision]}*"
            if decision == "third" and str(row.get("third", "")).strip():
                line += f" {inline(str(row['third']))}"
        if str(row.get("note", "")).strip():
            line += f"\\\n  Note: {inline(str(row['note']))}"
        items.append(line)
    return [bullets(items)]


def render_listen(step: Step, table: dict[str, Any], names: Names) -> list[str]:
    """Who spoke, each paraphrase, and how many tries it took."""
    turns = listen_turns(table)
    if not turns:
        return ["*No turns were taken.*"]
    items = []
    for turn in turns:
        speaker = turn["speaker"]
        listener = "b" if speaker == "a" else "a"
        tries = turn.get("tries", len(turn.get("paraphrases", [])))
        status = "understood" if turn.get("confirmed") else "not finished"
        line = (
            f"Round {turn.get('round', 1)}: {inline(names[speaker])} spoke and "
            f"{inline(names[listener])} listened; {status} after {tries} "
            f"{'try' if tries == 1 else 'tries'}"
        )
        if turn.get("timeouts"):
            line += f", with {turn['timeouts']} time-out{'s' if turn['timeouts'] != 1 else ''}"
        paraphrases = [p for p in turn.get("paraphrases", []) if isinstance(p, str) and p.strip()]
        for number, text in enumerate(paraphrases, 1):
            line += f"\\\n  Heard, try {number}: {inline(text)}"
        items.append(line)
    return [bullets(items)]
