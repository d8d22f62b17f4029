"""Rules of the pack format that read raw tables as well as validated models.

Validation stops at the first layer that fails, so the loader runs these on the raw tables too, to
show every problem of a file at once. Each rule names the key path it belongs to, relative to the
table it was given, so that the loader can point at the line.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeAlias, TypeGuard

from workbook.packs import placeholders

KeyPath: TypeAlias = tuple[str | int, ...]
RuleProblem: TypeAlias = tuple[KeyPath, str]

ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
_ID = re.compile(ID_PATTERN)
ANSWERED_KINDS = frozenset({"text", "scale", "choice", "rank"})
_ONE_AT_A_TIME_KINDS = frozenset({"requests", "listen"})
# Kinds whose steps have an outcome that an agreement step can offer as a draft term.
OUTCOME_KINDS = frozenset({"text", "scale", "choice", "rank", "chores", "requests", "listen"})
KNOWN_KINDS = OUTCOME_KINDS | {"read", "agreement"}


def article(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"


def nearest(word: str, choices: Iterable[str]) -> str | None:
    """The choice that ``word`` is most likely a misspelling of, if any is close."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return close[0] if close else None


def suggest(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean "x"?)`` for the nearest choice, or nothing."""
    close = nearest(word, choices)
    return f' (did you mean "{close}"?)' if close else ""


def speaks_to_one(kind: str, answer: object) -> bool:
    """True when a step of ``kind`` in ``answer`` mode addresses one partner at a time."""
    if kind in ANSWERED_KINDS:
        return answer != "together"
    return kind in _ONE_AT_A_TIME_KINDS


def placeholder_problems(kind: str, answer: object, texts: dict[str, Any]) -> list[RuleProblem]:
    """What is wrong with the placeholders of a step's prompt and help."""
    problems: list[RuleProblem] = []
    for key, text in texts.items():
        if not isinstance(text, str):
            continue
        problems += [((key,), message) for message in placeholders.problems(text)]
        if placeholders.used(text) and not speaks_to_one(kind, answer):
            if kind in ANSWERED_KINDS:
                reason = 'when answer = "together": one shared answer speaks for both of you'
            else:
                reason = f"in {article(kind)} {kind} step, which speaks to both of you at once"
            problems.append(((key,), f"{{me}} and {{partner}} are not allowed {reason}"))
    return problems


def title_problems(title: object) -> list[RuleProblem]:
    """A title is shown to both partners at once, so it never names one of them."""
    if isinstance(title, str) and placeholders.used(title):
        return [
            (
                ("title",),
                "{me} and {partner} are not allowed in titles: a title is shown to both of you "
                "at once",
            )
        ]
    return []


def same_text(text: str) -> str:
    """Two options, items or task names are the same when they differ only in case or in spaces
    at the ends."""
    return text.strip().casefold()


def repeats(values: Sequence[object], path: KeyPath, what: str) -> list[RuleProblem]:
    """A problem for each of ``values`` that repeats an earlier one; ``what`` names one value."""
    seen: dict[str, str] = {}
    problems: list[RuleProblem] = []
    for index, value in enumerate(values):
        if not isinstance(value, str):
            continue
        first = seen.get(same_text(value))
        if first is None:
            seen[same_text(value)] = value
            continue
        if first == value:
            message = f'{what} "{value}" is listed twice'
        else:
            message = (
                f'{what} "{value}" is the same as "{first}": case and spaces at the ends do not '
                "count"
            )
        problems.append(((*path, index), message))
    return problems


def cross_step_problems(
    steps: Sequence[Any], line_of: Callable[[KeyPath], int] | None = None
) -> list[RuleProblem]:
    """Problems between steps: repeated ids and references to steps that do not come earlier.

    ``line_of`` gives the line of a key path, when the steps come from a file, so that a repeated
    id can name the line of the first.
    """
    problems: list[RuleProblem] = []
    earlier: dict[str, tuple[str, int]] = {}
    every_id = {raw.get("id") for raw in steps if isinstance(raw, dict) and _is_id(raw.get("id"))}
    for index, raw in enumerate(steps):
        if not isinstance(raw, dict):
            continue
        step_id, kind = raw.get("id"), raw.get("kind")
        if _is_id(step_id) and step_id in earlier:
            first = earlier[step_id][1]
            where = f" (line {line_of(('steps', first, 'id'))})" if line_of else ""
            problems.append(
                (
                    (index, "id"),
                    f'step id "{step_id}" is used by an earlier step{where}: give each step its '
                    "own id",
                )
            )
        ref = raw.get("options_from")
        if kind == "rank" and _is_id(ref):
            message = _reference(ref, step_id, earlier, every_id, "choice")
            if message:
                problems.append(((index, "options_from"), message))
        refs = raw.get("from")
        if kind == "agreement" and isinstance(refs, list):
            for position, ref in enumerate(refs):
                message = _reference(ref, step_id, earlier, every_id, None) if _is_id(ref) else ""
                if message:
                    problems.append(((index, "from", position), message))
        if _is_id(step_id) and step_id not in earlier and isinstance(kind, str):
            earlier[step_id] = (kind, index)
    return [(("steps", *path), message) for path, message in problems]


def _is_id(value: object) -> TypeGuard[str]:
    return isinstance(value, str) and bool(_ID.match(value))


def _reference(
    ref: str,
    here: object,
    earlier: dict[str, tuple[str, int]],
    every_id: set[object],
    wanted: str | None,
) -> str:
    """What is wrong with a reference to step ``ref``, or nothing.

    ``wanted`` is the kind the reference must name; None means any kind with an outcome.
    """
    found = earlier.get(ref)
    if found is not None and found[0] not in KNOWN_KINDS:
        return ""  # that step's kind is wrong, and says so; this reference may well be right
    if wanted is not None:
        if found is not None and found[0] == wanted:
            return ""
        what = f"an earlier {wanted} step"
        fits = [step_id for step_id, (kind, _) in earlier.items() if kind == wanted]
    else:
        if found is not None and found[0] in OUTCOME_KINDS:
            return ""
        if found is not None:
            return f'"{ref}" is {article(found[0])} {found[0]} step, which has no outcome to offer'
        what = "an earlier step"
        fits = [step_id for step_id, (kind, _) in earlier.items() if kind in OUTCOME_KINDS]
    if found is not None:
        return f'"{ref}" is not {what}: it is {article(found[0])} {found[0]} step'
    if ref == here:
        return f'"{ref}" is not {what}: it is this step'
    if ref in every_id:
        return f'"{ref}" is not {what}: it comes after this step'
    return f'"{ref}" is not {what} of this pack{suggest(ref, fits)}'
