"""Texts shown as they are written, and the braces in them.

Only a prompt and its help fill in ``{me}`` and ``{partner}``. Everywhere else a pack's text is
shown as written (a body, an option, an item, a question, a task name, a title, a label, the
summary), so ``{me}`` there would reach the couple as "{me}", and a typo such as ``{parter}``
as "{parter}". Braces there are a mistake unless doubled: ``{{`` and ``}}`` show as ``{`` and
``}``. The models refuse such a text and keep the doubled braces as single ones; these rules say
why, in the words of the key it is in.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from workbook.packs import placeholders
from workbook.packs.rules import KeyPath, RuleProblem
from workbook.packs.said import Said

TITLES = "{me} and {partner} are not allowed in titles: a title is shown to both of you at once"
QUESTIONS = "{me} and {partner} are not allowed in questions: each is asked of both of you"
BANDS = "{me} and {partner} are not allowed in band labels: a band is shown to both of you at once"
# The shown texts of each table: the key, whether it holds a list, and what one is called.
_PACK = (("title", False, "the title"), ("summary", False, "the summary"))
_PACK_MORE = (("credits", False, "the credits"), ("topics", True, "a topic"))
_STEP = (
    ("title", False, "a title"),
    ("body", False, "a read step's body"),
    ("items", True, "an item"),
    ("low", False, "a label"),
    ("high", False, "a label"),
    ("labels", True, "a label"),
    ("options", True, "an option"),
    ("questions", True, "a question"),
)
_SCORE = (("title", False, "a score's title"),)


def shown_problems(data: Mapping[str, Any]) -> list[RuleProblem]:
    """What is wrong with the braces of every text of a pack that is shown as written."""
    found = _table(data, (), (*_PACK, *_PACK_MORE))
    steps = data.get("steps")
    for index, step in enumerate(steps if isinstance(steps, list) else []):
        if not isinstance(step, dict):
            continue
        found += _table(step, ("steps", index), _STEP)
        tasks = step.get("tasks")
        for number, task in enumerate(tasks if isinstance(tasks, list) else []):
            if isinstance(task, dict):
                where: KeyPath = ("steps", index, "tasks", number, "name")
                found += _text(task.get("name"), where, "a task name")
    scores = data.get("scores")
    for index, score in enumerate(scores if isinstance(scores, list) else []):
        if not isinstance(score, dict):
            continue
        found += _table(score, ("scores", index), _SCORE)
        bands = score.get("bands")
        for number, band in enumerate(bands if isinstance(bands, list) else []):
            if isinstance(band, dict):
                where = ("scores", index, "bands", number, "label")
                found += _text(band.get("label"), where, "a band label")
    return found


def _table(
    table: Mapping[str, Any], path: KeyPath, keys: tuple[tuple[str, bool, str], ...]
) -> list[RuleProblem]:
    found: list[RuleProblem] = []
    for key, many, what in keys:
        value = table.get(key)
        if many and isinstance(value, list):
            for index, entry in enumerate(value):
                found += _text(entry, (*path, key, index), what)
        elif not many:
            found += _text(value, (*path, key), what)
    return found


def _text(text: object, path: KeyPath, what: str) -> list[RuleProblem]:
    if not isinstance(text, str):
        return []
    return [(path, message) for message in _said(text, what)]


def _said(text: str, what: str) -> list[str]:
    found: list[str] = []
    for token, name in placeholders.braces(text):
        if name is None:
            found.append(
                Said(
                    f'a lone "{token}": write "{token}{token}" for a literal brace',
                    f'write "{token}{token}"',
                    spot=token,
                )
            )
        elif name in placeholders.NAMES:
            found.append(_placeholder(token, what))
        else:
            found.append(
                Said(
                    f"braces in {what} are shown only when doubled: write {{{{{name}}}}} to "
                    f"show {token}",
                    f"write {{{{{name}}}}}, or leave the braces out",
                    spot=token,
                )
            )
    return found


def _placeholder(token: str, what: str) -> str:
    fix = "for both of you, without {me} or {partner}"
    if what in ("a title", "the title", "a score's title"):
        return Said(TITLES, f"write the title {fix}", spot=token)
    if what == "a question":
        return Said(QUESTIONS, f"write the question {fix}", spot=token)
    if what == "a band label":
        return Said(BANDS, f"write the label {fix}", spot=token)
    return Said(
        "{me} and {partner} are filled in only in prompts and help: in "
        f"{what} the couple would see {token}",
        f"write it {fix}",
        spot=token,
    )
