"""Sealed answers kept as given (DESIGN.md section 5): every answer to an ``each-sealed`` step is
appended to ``given`` with its time and who gave it, and never removed; ``a`` and ``b`` keep
each partner's latest answer that was not empty, so that older readers still read them.

A text answer changes at every key. A change that only adds to the end of the same partner's
last entry replaces that entry, since the earlier text is all still in it; so does a change that
rubs out more of an entry that was itself rubbed out from the one before, since the longer text
stays in that one. Anything else (another choice, an answer emptied, words taken back and others
written) is a new entry. A file
written before ``given`` existed holds only ``a`` and ``b``: each is read as one answer given
at a time not recorded, and kept as such in ``given`` before a new answer is added.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from workbook.data.dates import in_range

PARTNERS = ("a", "b")


@dataclass(frozen=True)
class Given:
    """One answer as it was given: when (None: a file that did not record it), by whom, what."""

    at: datetime | None
    who: str
    answer: Any


def is_empty(answer: Any) -> bool:
    return answer is None or answer == "" or answer == [] or answer == {}


def read_step(answers: Mapping[str, Any]) -> tuple[dict[str, Any], list[Given]]:
    """A step's table in the notes file: each partner's latest answer, and every answer as
    given, oldest first. Entries of another shape are passed over (and stay in the file)."""
    latest = {p: answers[p] for p in PARTNERS if p in answers}
    given: list[Given] = []
    raw = answers.get("given")
    for item in raw if isinstance(raw, list) else []:
        if not isinstance(item, dict) or item.get("who") not in PARTNERS or "answer" not in item:
            continue
        at = item.get("at")
        if not isinstance(at, datetime) or not in_range(at):
            at = None
        elif at.tzinfo is None:
            at = at.astimezone()
        given.append(Given(at, item["who"], item["answer"]))
    for partner, answer in latest.items():
        if not any(entry.who == partner for entry in given):
            given.insert(0, Given(None, partner, answer))
    return latest, given


def append(answers: dict[str, Any], who: str, answer: Any, at: datetime) -> None:
    """Add ``who``'s ``answer`` to a step's table (changed in place), as given at ``at``."""
    raw = answers.get("given")
    if not isinstance(raw, list):
        if raw is not None:
            answers["given-unreadable"] = raw
        raw = answers["given"] = []
    mine = [item for item in raw if isinstance(item, dict) and item.get("who") == who]
    if not mine and who in answers:
        # An answer from before ``given`` was kept: it stays, with no time, before the new one.
        mine = [{"who": who, "answer": answers[who]}]
        raw.append(mine[0])
    answer = "" if answer is None else answer
    if mine and mine[-1].get("answer") == answer:
        return
    if _goes_on(raw, who, answer):
        raw[-1]["answer"], raw[-1]["at"] = answer, at
    else:
        raw.append({"at": at, "who": who, "answer": answer})
    if not is_empty(answer):
        answers[who] = answer


def _goes_on(raw: list[Any], who: str, answer: Any) -> bool:
    """True when ``answer`` only carries on the text of the last entry, which it then
    replaces: typed further (every earlier word still in it), or rubbed out further after an
    entry that was itself rubbed out from the one before (the longer text stays there)."""
    texts = []
    for item in reversed(raw[-2:]):
        if not (isinstance(item, dict) and item.get("who") == who and "at" in item):
            break
        if not isinstance(item.get("answer"), str):
            break
        texts.append(item["answer"])
    if not texts or not isinstance(answer, str):
        return False
    last = texts[0]
    if answer.startswith(last):
        return True
    return len(texts) == 2 and last.startswith(answer) and texts[1].startswith(last)
