"""How each step kind's answers read in a session summary.

A renderer takes the step, its typed answer (``workbook/data/answers``) and the partners' names,
and returns Markdown blocks. Private answers show only once both partners have answered, as at
the reveal. Every value from a file is escaped here, numbers included, so nothing in an answer
can make structure.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from workbook.data.answers.agreement import AgreementAnswer
from workbook.data.answers.base import answer_keys
from workbook.data.answers.chores import ChoresAnswer
from workbook.data.answers.guess import GuessAnswer
from workbook.data.answers.listen import ListenAnswer
from workbook.data.answers.requests import RequestsAnswer
from workbook.data.answers.scale import ScaleAnswer
from workbook.data.answers.text import TextAnswer
from workbook.export.markdown import block, bullets, inline, long_date, names_and
from workbook.logic.chores import explain, from_answer, settled
from workbook.logic.compare import compare_choice, compare_rank, compare_scale
from workbook.logic.requests import DECISION_WORDS, advise
from workbook.logic.skips import KEPT_LINE, kept_back

Names = Mapping[str, str]
Renderer = Callable[[Any, Any, Names], list[str]]
WAITING = "*Waiting for both answers: private answers show once both of you have answered.*"
NO_ANSWER = "*(no answer)*"
# An optional private step that one or both left blank: the same line whoever it was.
KEPT = f"*{KEPT_LINE}*"


def _who(key: str, names: Names) -> str:
    return "Together" if key == "together" else inline(names[key])


def _withheld(step: Any, answer: Any) -> list[str] | None:
    """What a private step shows instead of its answers, if it shows none: an optional step
    left blank by one or both says so without saying who; any other waits for both."""
    if kept_back(step, answer):
        return [KEPT]
    mode = getattr(step, "answer", "each-private")
    return [WAITING] if mode == "each-private" and not answer.complete(mode) else None


def render_text(step: Any, answer: TextAnswer, names: Names) -> list[str]:
    if (instead := _withheld(step, answer)) is not None:
        return instead
    return [
        f"**{_who(key, names)}:** {block(answer.value(key) or '') or NO_ANSWER}"
        for key in answer_keys(step.answer)
    ]


def render_scale(step: Any, answer: ScaleAnswer, names: Names) -> list[str]:
    if (instead := _withheld(step, answer)) is not None:
        return instead
    if step.labels:
        points = ", ".join(f"{step.min + n} = {inline(t)}" for n, t in enumerate(step.labels))
        labels = f"*Scale {step.min} to {step.max}: {points}.*"
    elif step.low or step.high:
        labels = f"{step.min} = {inline(step.low or '')}, {step.max} = {inline(step.high or '')}"
        labels = f"*Scale {step.min} to {step.max}: {labels}.*"
    else:
        labels = f"*Scale {step.min} to {step.max}.*"
    keys = answer_keys(step.answer)
    if len(keys) == 1:
        rows = compare_scale(step.items, answer.ratings(step, keys[0]), None, None)
        return [labels, bullets(f"{inline(r.item or 'Rating')}: {_num(r.a)}" for r in rows)]
    rows = compare_scale(step.items, answer.ratings(step, "a"), answer.ratings(step, "b"), step.gap)
    lines = []
    for row in rows:
        line = f"{inline(names['a'])} {_num(row.a)}, {inline(names['b'])} {_num(row.b)}"
        if row.item is not None:
            line = f"{inline(row.item)}: {line}"
        if row.flagged:
            # Each answered for themselves: a difference in how each feels, not a distance.
            line += " **(you feel this differently: worth talking about)**"
        lines.append(line)
    return [labels, bullets(lines)]


def _num(value: int | None) -> str:
    return "no answer" if value is None else str(int(value))


def render_choice(step: Any, answer: Any, names: Names) -> list[str]:
    if (instead := _withheld(step, answer)) is not None:
        return instead
    blocks = []
    for key in answer_keys(step.answer):
        shown = ", ".join(inline(x) for x in answer.value(key) or []) or NO_ANSWER
        blocks.append(f"**{_who(key, names)}:** {shown}")
    if step.answer != "together" and answer.complete(step.answer):
        if step.pick_max == 1:
            # One pick each: the same one, or two different ones; never "both: none".
            same = set(answer.a) == set(answer.b)
            blocks.append(
                f"You both chose {_items(answer.a)}." if same else "You chose differently."
            )
            return blocks
        compared = compare_choice(answer.a, answer.b)
        lines = [
            f"Both of you: {_items(compared.shared)}",
            f"Only {inline(names['a'])}: {_items(compared.only_a)}",
            f"Only {inline(names['b'])}: {_items(compared.only_b)}",
        ]
        blocks.append(bullets(lines))
    return blocks


def render_rank(step: Any, answer: Any, names: Names) -> list[str]:
    if (instead := _withheld(step, answer)) is not None:
        return instead
    blocks = []
    for key in answer_keys(step.answer):
        ranked = answer.value(key) or []
        shown = ", ".join(f"{i}. {inline(x)}" for i, x in enumerate(ranked, 1)) or NO_ANSWER
        blocks.append(f"**{_who(key, names)}:** {shown}")
    if step.answer != "together" and answer.complete(step.answer):
        rows = compare_rank(answer.a, answer.b)
        if rows:
            lines = [
                f"{inline(r.item)}: {inline(names['a'])} #{r.a}, {inline(names['b'])} #{r.b}"
                for r in rows
            ]
            blocks.append("In both of your lists:\n\n" + bullets(lines))
    return blocks


def _items(values: list[str]) -> str:
    return ", ".join(inline(v) for v in values) or "none"


def render_guess(step: Any, answer: GuessAnswer, names: Names) -> list[str]:
    """Each question: what each partner said of themselves, the other's guess, and the mark."""
    if (instead := _withheld(step, answer)) is not None:
        return instead
    items = []
    for question in step.questions:
        lines = [inline(question)]
        for key, other in (("a", "b"), ("b", "a")):
            own = answer.side(key).own.get(question, "")
            guess = answer.side(other).guess.get(question, "")
            mark = answer.side(key).marks.get(question)
            line = (
                f"{inline(names[key])}: {inline(own) or NO_ANSWER}; "
                f"{inline(names[other])} guessed: {inline(guess) or NO_ANSWER}"
            )
            if mark:
                line += f" (*{mark}*)"
            lines.append(line)
        items.append("\\\n  ".join(lines))
    return [bullets(items)]


def render_agreement(step: Any, answer: AgreementAnswer, names: Names) -> list[str]:
    lines = []
    for term in answer.terms:
        confirmed = [k for k in ("a", "b") if k in term.confirmed_by]
        if len(confirmed) == 2:
            status = f"agreed by {names_and(names[k] for k in confirmed)}"
            if term.review_on is not None:
                status += f", to review on {long_date(term.review_on)}"
        elif confirmed:
            status = f"confirmed by {inline(names[confirmed[0]])} only: not agreed"
        else:
            status = "a draft: not agreed"
        who = term.who or "both"
        doer = f"{inline(names[who])} will:" if who in ("a", "b") else "Both of you:"
        lines.append(f"**{doer}** {block(term.text, indent='  ')}\\\n  *{status}*")
    return [bullets(lines)] if lines else ["*No terms were written at this step.*"]


def render_chores(step: Any, answer: ChoresAnswer, names: Names) -> list[str]:
    """The split as a table, with each partner's explanation of the final split by their own
    ratings."""
    if not answer.tasks:
        return ["*No tasks were listed.*"]
    split = answer.split
    owner = split.owner if split else {}
    part_a = split.shared_part_a if split else 0.5
    who = {"a": inline(names["a"]), "b": inline(names["b"]), "both": "both", "nobody": "nobody"}

    def final(name: str) -> str:
        if owner.get(name) == "shared":
            return f"shared ({inline(names['a'])} {part_a * 100:.0f}%)"
        return who.get(owner.get(name, ""), "not decided")

    lines = [
        "| Task | Minutes a week | Now | From now on | Done looks like |",
        "|---|---:|---|---|---|",
    ]
    for task in answer.tasks:
        lines.append(
            f"| {inline(task.name)} | {int(task.minutes)} | {who[task.now]} | "
            f"{final(task.name)} | {inline(task.done) or '-'} |"
        )
    blocks = ["\n".join(lines)]
    chores, now, _ = from_answer(answer)
    if owner and answer.weights_of("a") and answer.weights_of("b"):
        # The split the couple settled on, overrides included, not a suggestion worked out anew.
        agreed = settled(chores, owner, part_a)
        for key, text in explain(chores, now, agreed, names).items():
            blocks.append(f"**{inline(names[key])}:** {block(text)}")
    return blocks


def render_requests(step: Any, answer: RequestsAnswer, names: Names) -> list[str]:
    """Each request with its ratings, the advice, and what was decided."""
    if not answer.requests:
        return ["*No requests were made.*"]
    items = []
    for request in answer.requests:
        line = f"**{inline(names[request.by])} asks:** {block(request.text, indent='  ')}"
        if request.benefit is not None and request.cost is not None:
            advice = advise(request.benefit, request.cost, names[request.by], names[request.giver])
            line += (
                f"\\\n  Benefit {int(request.benefit)} of 5, cost {int(request.cost)} of 5: "
                f"{inline(advice.text)}"
            )
        if request.decision is not None:
            line += f"\\\n  *Decided: {DECISION_WORDS[request.decision]}*"
            if request.decision == "third" and request.third and request.third.strip():
                line += f" {inline(request.third)}"
        if request.note and request.note.strip():
            line += f"\\\n  Note: {inline(request.note)}"
        items.append(line)
    return [bullets(items)]


def render_listen(step: Any, answer: ListenAnswer, names: Names) -> list[str]:
    """Who spoke, each paraphrase, and how many tries it took."""
    if not answer.turns:
        return ["*No turns were taken.*"]
    items = []
    for turn in answer.turns:
        tries = int(turn.attempts)
        status = "understood" if turn.confirmed else "not finished"
        line = (
            f"Round {int(turn.round)}: {inline(names[turn.speaker])} spoke and "
            f"{inline(names[turn.listener])} listened; {status} after {tries} "
            f"{'try' if tries == 1 else 'tries'}"
        )
        if turn.timeouts:
            count = int(turn.timeouts)
            line += f", with {count} time-out{'s' if count != 1 else ''}"
        heard = [p for p in turn.paraphrases if p.strip()]
        for number, text in enumerate(heard, 1):
            line += f"\\\n  Heard, try {number}: {inline(text)}"
        items.append(line)
    return [bullets(items)]


# The export layer's line of the registry: each kind's renderer, by the kind's name; a kind that
# takes no answer (read) has none.
RENDERERS: dict[str, Renderer] = {
    "text": render_text,
    "scale": render_scale,
    "choice": render_choice,
    "rank": render_rank,
    "guess": render_guess,
    "chores": render_chores,
    "requests": render_requests,
    "listen": render_listen,
    "agreement": render_agreement,
}


def renderer(step: Any) -> Renderer | None:
    """How ``step``'s answers read in a document, or None for a kind that takes no answer."""
    return RENDERERS.get(step.kind)
