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
from workbook.export.markdown import block, bullets, inline, long_date, names_and, number
from workbook.i18n.catalog import N_, _, current, ngettext, pgettext
from workbook.logic.chores import explain, from_answer, settled
from workbook.logic.compare import compare_choice, compare_rank, compare_scale
from workbook.logic.requests import DECISION_WORDS, advise
from workbook.logic.skips import KEPT_LINE, kept_back

Names = Mapping[str, str]
Renderer = Callable[[Any, Any, Names], list[str]]
WAITING = N_("Waiting for both answers: private answers show once both of you have answered.")


def _em(message: str) -> str:
    """A message of the catalog, in the language being spoken, in italics."""
    return "*" + current().gettext(message) + "*"


def no_answer() -> str:
    return "*" + _("(no answer)") + "*"


def _who(key: str, names: Names) -> str:
    return _("Together") if key == "together" else inline(names[key])


def _said(who: str, what: str) -> str:
    # TRANSLATORS: who answered, in bold, then the answer: "**Sam:** Being asked, not told."
    return _("**{name}:** {answer}").format(name=who, answer=what)


def _list(items: list[str]) -> str:
    # TRANSLATORS: what goes between the items of a list on one line (", " in English).
    return pgettext("list", ", ").join(items)


def _withheld(step: Any, answer: Any) -> list[str] | None:
    """What a private step shows instead of its answers, if it shows none: an optional step
    left blank by one or both says so without saying who; any other waits for both."""
    if kept_back(step, answer):
        # An optional private step that one or both left blank: the same line whoever it was.
        return [_em(KEPT_LINE)]
    mode = getattr(step, "answer", "each-private")
    return [_em(WAITING)] if mode == "each-private" and not answer.complete(mode) else None


def render_text(step: Any, answer: TextAnswer, names: Names) -> list[str]:
    if (instead := _withheld(step, answer)) is not None:
        return instead
    return [
        _said(_who(key, names), block(answer.value(key) or "") or no_answer())
        for key in answer_keys(step.answer)
    ]


def render_scale(step: Any, answer: ScaleAnswer, names: Names) -> list[str]:
    if (instead := _withheld(step, answer)) is not None:
        return instead
    low, high = number(step.min), number(step.max)
    if step.labels:
        points = _list([_point(step.min + n, inline(t)) for n, t in enumerate(step.labels)])
    elif step.low or step.high:
        points = _list(
            [_point(step.min, inline(step.low or "")), _point(step.max, inline(step.high or ""))]
        )
    else:
        points = ""
    labels = (
        _("Scale {low} to {high}: {points}.").format(low=low, high=high, points=points)
        if points
        else _("Scale {low} to {high}.").format(low=low, high=high)
    )
    labels = f"*{labels}*"
    keys = answer_keys(step.answer)
    if len(keys) == 1:
        rows = compare_scale(step.items, answer.ratings(step, keys[0]), None, None)
        return [
            labels,
            bullets(_rated(inline(r.item) if r.item else _("Rating"), _num(r.a)) for r in rows),
        ]
    rows = compare_scale(step.items, answer.ratings(step, "a"), answer.ratings(step, "b"), step.gap)
    lines = []
    for row in rows:
        # TRANSLATORS: both partners' ratings: "Sam 4, Alex 2".
        line = _("{first} {first_value}, {second} {second_value}").format(
            first=inline(names["a"]),
            first_value=_num(row.a),
            second=inline(names["b"]),
            second_value=_num(row.b),
        )
        if row.item is not None:
            line = _rated(inline(row.item), line)
        if row.flagged:
            # Each answered for themselves: a difference in how each feels, not a distance.
            line = _("{ratings} **(you feel this differently: worth talking about)**").format(
                ratings=line
            )
        lines.append(line)
    return [labels, bullets(lines)]


def _point(value: int, label: str) -> str:
    # TRANSLATORS: one point of a scale and its label: "1 = Not at all".
    return _("{value} = {label}").format(value=number(value), label=label)


def _rated(item: str, rating: str) -> str:
    # TRANSLATORS: an item of a scale and its rating(s): "Trust: 4".
    return _("{item}: {rating}").format(item=item, rating=rating)


def _num(value: int | None) -> str:
    return _("no answer") if value is None else number(int(value))


def render_choice(step: Any, answer: Any, names: Names) -> list[str]:
    if (instead := _withheld(step, answer)) is not None:
        return instead
    blocks = []
    for key in answer_keys(step.answer):
        shown = _list([inline(x) for x in answer.value(key) or []]) or no_answer()
        blocks.append(_said(_who(key, names), shown))
    if step.answer != "together" and answer.complete(step.answer):
        if step.pick_max == 1:
            # One pick each: the same one, or two different ones; never "both: none".
            same = set(answer.a) == set(answer.b)
            blocks.append(
                _("You both chose {items}.").format(items=_items(answer.a))
                if same
                else _("You chose differently.")
            )
            return blocks
        compared = compare_choice(answer.a, answer.b)
        lines = [
            _("Both of you: {items}").format(items=_items(compared.shared)),
            _("Only {name}: {items}").format(
                name=inline(names["a"]), items=_items(compared.only_a)
            ),
            _("Only {name}: {items}").format(
                name=inline(names["b"]), items=_items(compared.only_b)
            ),
        ]
        blocks.append(bullets(lines))
    return blocks


def render_rank(step: Any, answer: Any, names: Names) -> list[str]:
    if (instead := _withheld(step, answer)) is not None:
        return instead
    blocks = []
    for key in answer_keys(step.answer):
        ranked = answer.value(key) or []
        shown = _list([f"{number(i)}. {inline(x)}" for i, x in enumerate(ranked, 1)]) or no_answer()
        blocks.append(_said(_who(key, names), shown))
    if step.answer != "together" and answer.complete(step.answer):
        rows = compare_rank(answer.a, answer.b)
        if rows:
            lines = [
                # TRANSLATORS: an item both ranked, and where each put it: "Fun: Sam #1, Alex #3".
                _("{item}: {first} #{first_place}, {second} #{second_place}").format(
                    item=inline(r.item),
                    first=inline(names["a"]),
                    first_place=number(r.a),
                    second=inline(names["b"]),
                    second_place=number(r.b),
                )
                for r in rows
            ]
            blocks.append(_("In both of your lists:") + "\n\n" + bullets(lines))
    return blocks


def _mark(mark: str) -> str:
    """A guess's mark as saved ("got it", "close", "not quite"), in the language spoken."""
    marks = {"got it": _("got it"), "close": _("close"), "not quite": _("not quite")}
    return marks.get(mark, inline(mark))


def _items(values: list[str]) -> str:
    return _list([inline(v) for v in values]) or _("none")


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
            line = _("{name}: {own}; {other} guessed: {guess}").format(
                name=inline(names[key]),
                own=inline(own) or no_answer(),
                other=inline(names[other]),
                guess=inline(guess) or no_answer(),
            )
            if mark:
                line = _("{line} (*{mark}*)").format(line=line, mark=_mark(mark))
            lines.append(line)
        items.append("\\\n  ".join(lines))
    return [bullets(items)]


def render_agreement(step: Any, answer: AgreementAnswer, names: Names) -> list[str]:
    lines = []
    for term in answer.terms:
        confirmed = [k for k in ("a", "b") if k in term.confirmed_by]
        both = names_and(names[k] for k in confirmed)
        if len(confirmed) == 2 and term.review_on is not None:
            status = _("agreed by {names}, to review on {day}").format(
                names=both, day=long_date(term.review_on)
            )
        elif len(confirmed) == 2:
            status = _("agreed by {names}").format(names=both)
        elif confirmed:
            status = _("confirmed by {name} only: not agreed").format(
                name=inline(names[confirmed[0]])
            )
        else:
            status = _("a draft: not agreed")
        who = term.who or "both"
        doer = (
            _("{name} will:").format(name=inline(names[who]))
            if who in ("a", "b")
            else _("Both of you:")
        )
        lines.append(f"**{doer}** {block(term.text, indent='  ')}\\\n  *{status}*")
    return [bullets(lines)] if lines else [_em(N_("No terms were written at this step."))]


def render_chores(step: Any, answer: ChoresAnswer, names: Names) -> list[str]:
    """The split as a table, with each partner's explanation of the final split by their own
    ratings."""
    if not answer.tasks:
        return [_em(N_("No tasks were listed."))]
    split = answer.split
    owner = split.owner if split else {}
    part_a = split.shared_part_a if split else 0.5
    who = {
        "a": inline(names["a"]),
        "b": inline(names["b"]),
        "both": pgettext("chores", "both"),
        "nobody": pgettext("chores", "nobody"),
    }

    def final(name: str) -> str:
        if owner.get(name) == "shared":
            # TRANSLATORS: a task shared, with the first partner's part: "shared (Sam 60%)".
            return _("shared ({name} {percent}%)").format(
                name=inline(names["a"]), percent=number(round(part_a * 100))
            )
        return who.get(owner.get(name, ""), _("not decided"))

    header = [_("Task"), _("Minutes a week"), _("Now"), _("From now on"), _("Done looks like")]
    lines = ["| " + " | ".join(inline(h) for h in header) + " |", "|---|---:|---|---|---|"]
    for task in answer.tasks:
        lines.append(
            f"| {inline(task.name)} | {number(int(task.minutes))} | {who[task.now]} | "
            f"{final(task.name)} | {inline(task.done) or '-'} |"
        )
    blocks = ["\n".join(lines)]
    chores, now, _rest = from_answer(answer)
    if owner and answer.weights_of("a") and answer.weights_of("b"):
        # The split the couple settled on, overrides included, not a suggestion worked out anew.
        agreed = settled(chores, owner, part_a)
        for key, text in explain(chores, now, agreed, names).items():
            blocks.append(_said(inline(names[key]), block(text)))
    return blocks


def render_requests(step: Any, answer: RequestsAnswer, names: Names) -> list[str]:
    """Each request with its ratings, the advice, and what was decided."""
    if not answer.requests:
        return [_em(N_("No requests were made."))]
    items = []
    for request in answer.requests:
        line = _("**{name} asks:** {request}").format(
            name=inline(names[request.by]), request=block(request.text, indent="  ")
        )
        if request.benefit is not None and request.cost is not None:
            advice = advise(request.benefit, request.cost, names[request.by], names[request.giver])
            rated = _("Benefit {benefit} of 5, cost {cost} of 5: {advice}").format(
                benefit=number(int(request.benefit)),
                cost=number(int(request.cost)),
                advice=inline(advice.text),
            )
            line += f"\\\n  {rated}"
        if request.decision is not None:
            decided = _("Decided: {decision}").format(
                decision=current().gettext(DECISION_WORDS[request.decision])
            )
            line += f"\\\n  *{decided}*"
            if request.decision == "third" and request.third and request.third.strip():
                line += f" {inline(request.third)}"
        if request.note and request.note.strip():
            line += "\\\n  " + _("Note: {note}").format(note=inline(request.note))
        items.append(line)
    return [bullets(items)]


def render_listen(step: Any, answer: ListenAnswer, names: Names) -> list[str]:
    """Who spoke, each paraphrase, and how many tries it took."""
    if not answer.turns:
        return [_em(N_("No turns were taken."))]
    items = []
    for turn in answer.turns:
        tries = int(turn.attempts)
        said = (
            ngettext(
                "Round {round}: {speaker} spoke and {listener} listened; understood after "
                "{count} try",
                "Round {round}: {speaker} spoke and {listener} listened; understood after "
                "{count} tries",
                tries,
            )
            if turn.confirmed
            else ngettext(
                "Round {round}: {speaker} spoke and {listener} listened; not finished after "
                "{count} try",
                "Round {round}: {speaker} spoke and {listener} listened; not finished after "
                "{count} tries",
                tries,
            )
        )
        line = said.format(
            round=number(int(turn.round)),
            speaker=inline(names[turn.speaker]),
            listener=inline(names[turn.listener]),
            count=number(tries),
        )
        if turn.timeouts:
            count = int(turn.timeouts)
            line = ngettext(
                "{line}, with {count} time-out", "{line}, with {count} time-outs", count
            ).format(line=line, count=number(count))
        heard = [p for p in turn.paraphrases if p.strip()]
        for place, text in enumerate(heard, 1):
            line += "\\\n  " + _("Heard, try {number}: {words}").format(
                number=number(place), words=inline(text)
            )
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
