"""The draft terms each kind offers from its outcome, for a later agreement step to suggest.

Each function takes the source step, its answer and the partners' names, and returns offers
that say what and who: ``who`` is the partner who would do it (``a`` or ``b``), or ``both``. A
written answer is one partner's own words: who does it is then asked of the couple at the
agreement step, with ``who`` (the step's ``done_by``) as the suggestion.
The couple edits or ignores every offer; these only save typing and point at what came up.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from workbook.i18n.catalog import _
from workbook.logic.chores import SHARED
from workbook.logic.compare import compare_choice, compare_rank, compare_scale
from workbook.text import clean, clean_line

Names = Mapping[str, str]
Terms = Callable[[Any, Any, Names], list["Suggested"]]


class Suggested(NamedTuple):
    """A term an outcome suggests: its words, who would do it, and ``writer``: the partner whose
    own words they are (a written answer), for whom who does it is theirs to say, not ours."""

    text: str
    who: str
    writer: str | None = None


@dataclass(frozen=True)
class Offer:
    text: str
    source: str  # <pack id>.<step id>
    who: str = "both"  # a | b | both: who would do it, or who the pack suggests when writer
    # a | b: one partner's own words, so the couple is asked who will do it (``done_by``'s
    # choice is only the suggestion).
    writer: str | None = None


def whole(text: str) -> str:
    """A written answer as a term: all of it, its lines kept, without blank lines or spaces at
    the ends of lines."""
    lines = (line.strip() for line in clean(text).strip().split("\n"))
    return "\n".join(line for line in lines if line)


def _doer(step: Any, key: str) -> str:
    """Who would do what ``key`` wrote at ``step``: the pack says (``done_by``)."""
    if key == "together":
        return "both"
    done_by = getattr(step, "done_by", "writer")
    if done_by == "partner":
        return "b" if key == "a" else "a"
    return "both" if done_by == "both" else key


def text_terms(step: Any, answer: Any, names: Names) -> list[Suggested]:
    """Each written answer, whole, to be done by whom the step says (by default the writer; a
    together answer by both)."""
    return [
        Suggested(whole(value), _doer(step, key), key if key in ("a", "b") else None)
        for key, value in answer.values(step.answer).items()
        if whole(value)
    ]


def scale_terms(step: Any, answer: Any, names: Names) -> list[Suggested]:
    """Each item flagged at the reveal: the two answers were far apart. Each partner rated it
    for themselves, so the term speaks of the answers, never of one thing seen two ways."""
    if not answer.complete(step.answer) or step.answer == "together":
        return []
    rows = compare_scale(step.items, answer.ratings(step, "a"), answer.ratings(step, "b"), step.gap)
    return [
        Suggested(
            _("Talk about “{item}” again, where our answers were far apart").format(item=row.item),
            "both",
        )
        for row in rows
        if row.flagged and row.item
    ]


def choice_terms(step: Any, answer: Any, names: Names) -> list[Suggested]:
    """Each option both picked, quoted, so that the term reads whatever the option says."""
    if step.answer == "together" or not answer.complete(step.answer):
        return []
    shared = compare_choice(answer.a, answer.b).shared
    return [
        Suggested(_("Look after “{item}”, which we both chose").format(item=clean_line(x)), "both")
        for x in shared
    ]


def rank_terms(step: Any, answer: Any, names: Names) -> list[Suggested]:
    if step.answer == "together" or not answer.complete(step.answer):
        return []
    ranked = compare_rank(answer.a, answer.b)
    if not ranked:
        return []
    item = clean_line(ranked[0].item)
    return [
        Suggested(
            _("Make room for “{item}”, which matters to both of us").format(item=item), "both"
        )
    ]


def chores_terms(step: Any, answer: Any, names: Names) -> list[Suggested]:
    """One term for each task of the split, in the order of the task table, done by whoever
    takes it on; the shared task by both, with each one's part."""
    if answer.split is None:
        return []
    owner, part_a = answer.split.owner, answer.split.shared_part_a
    terms = []
    for task in answer.tasks:
        who = owner.get(task.name)
        if who is None:
            continue
        name = clean_line(task.name)
        done = clean_line(task.done)
        if who == SHARED and 0.4 <= part_a <= 0.6:
            text = _("Share “{task}” (in alternating weeks)").format(task=name)
        elif who == SHARED:
            text = _("Share “{task}” ({first} about {percent}%, {second} the rest)").format(
                task=name,
                first=clean_line(names["a"]),
                percent=f"{part_a * 100:.0f}",
                second=clean_line(names["b"]),
            )
        elif who == task.now:
            text = _("Keep doing “{task}”").format(task=name)
        else:
            text = _("Take on “{task}”").format(task=name)
        if done:
            text = _("{term}; done looks like: {done}").format(term=text, done=done)
        terms.append(Suggested(text, "both" if who == SHARED else who))
    return terms


def request_terms(step: Any, answer: Any, names: Names) -> list[Suggested]:
    """A yes is done by the partner who was asked, in words that say who asked (a request is
    written to the one asked: "Would you text me ...?"); a third option by both."""
    terms = []
    for request in answer.requests:
        if request.decision == "yes" and whole(request.text):
            asker = clean_line(names.get(request.by, "")) or _("the other")
            said = _("Do what {name} asked: “{request}”").format(
                name=asker, request=whole(request.text)
            )
            terms.append(Suggested(said, request.giver))
        elif request.decision == "third" and request.third and whole(request.third):
            terms.append(Suggested(whole(request.third), "both"))
    return terms


def guess_terms(step: Any, answer: Any, names: Names) -> list[Suggested]:
    """Where a guess was not quite right, an offer to ask about it more often."""
    missed = [
        question
        for question in step.questions
        if any(answer.side(key).marks.get(question) == "not quite" for key in ("a", "b"))
    ]
    return [
        Suggested(
            _("Ask each other about “{question}” more often").format(question=clean_line(q)), "both"
        )
        for q in missed
    ]


def listen_terms(step: Any, answer: Any, names: Names) -> list[Suggested]:
    """Once a turn was understood, an offer to use the practice again."""
    if not any(turn.confirmed for turn in answer.turns):
        return []
    return [Suggested(_("Use the speaker-listener practice again when a talk gets hard"), "both")]


# Words of the first person (English): a term in them is one partner's voice, and reads wrong
# after "Sam will:" or "Both of you:".
FIRST_PERSON = frozenset(["i", "me", "my", "mine", "myself", "i'm", "i'll", "i've", "i'd"])
_WORDS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def first_person(text: str) -> list[str]:
    """The words of ``text`` in the first person, as written, each once, in order."""
    found: dict[str, str] = {}
    for word in _WORDS.findall(text):
        key = word.casefold().replace("’", "'")
        if key in FIRST_PERSON and key not in found:
            found[key] = word
    return list(found.values())


# The logic layer's line of the registry: the terms each kind with an outcome offers
# (``KindRules.has_outcome``), by the kind's name.
TERMS: dict[str, Terms] = {
    "text": text_terms,
    "scale": scale_terms,
    "choice": choice_terms,
    "rank": rank_terms,
    "guess": guess_terms,
    "chores": chores_terms,
    "requests": request_terms,
    "listen": listen_terms,
}


def terms_for(step: Any) -> Terms | None:
    """What ``step``'s kind offers as draft terms, or None for a kind without an outcome."""
    return TERMS.get(step.kind)
