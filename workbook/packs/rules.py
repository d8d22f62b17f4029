"""Rules of the pack format that read raw tables as well as validated models.

Validation stops at the first layer that fails, so the loader runs these on the raw tables too, to
show every problem of a file at once. Each rule names the key path it belongs to, relative to the
table it was given, so that the loader can point at the line.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any, TypeAlias, TypeGuard

from workbook.packs import placeholders
from workbook.packs.said import VALUE, Change, Said

KeyPath: TypeAlias = tuple[str | int, ...]
RuleProblem: TypeAlias = tuple[KeyPath, str]

ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
_ID = re.compile(ID_PATTERN)
# Who a step speaks to: one partner at a time, both at once, or by its answer mode.
ONE, BOTH, BY_MODE = "one", "both", "by answer mode"
# The answer mode whose answers are never shown to the partner nor kept with the couple.
SEALED = "each-sealed"


@dataclass(frozen=True)
class KindRules:
    """What the rules between keys and steps need to know of a kind; each step model declares
    its own (``packs/models.py``), so these rules never name a kind."""

    speaks: str = BOTH
    # Its outcome can be offered as draft terms, so an agreement step may name it in ``from``.
    has_outcome: bool = False
    # Keys that name earlier steps: for each, the kind the step must be (None: any kind with an
    # outcome), and whether the key holds a list of them.
    references: Mapping[str, tuple[str | None, bool]] = field(default_factory=dict)
    # Its answers are ratings that a score can read.
    rated: bool = False
    # It may be answered ``each-sealed``: privately, never revealed, kept only for a facilitator.
    sealable: bool = False
    # The phases a step of the kind goes through, by the name of their rule in
    # ``logic/phases.py``: ONE, BY_MODE, "always private", or the chores' own ("chores").
    phases: str = ONE
    # Partners take turns inside the step's one phase, so someone has to start (and the step
    # speaks to one of them at a time).
    takes_turns: bool = False


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


def speaks_to_one(rules: KindRules, answer: object) -> bool:
    """True when a step with ``rules`` in ``answer`` mode addresses one partner at a time."""
    if rules.speaks == BY_MODE:
        return answer != "together"
    return rules.speaks == ONE


def placeholder_problems(
    name: str, rules: KindRules, answer: object, texts: dict[str, Any]
) -> list[RuleProblem]:
    """What is wrong with the placeholders of a step's prompt and help; ``name`` is its kind."""
    problems: list[RuleProblem] = []
    for key, text in texts.items():
        if not isinstance(text, str):
            continue
        problems += [((key,), message) for message in placeholders.problems(text)]
        if placeholders.used(text) and not speaks_to_one(rules, answer):
            if rules.speaks == BY_MODE:
                reason = 'when answer = "together": one shared answer speaks for both of you'
                fix = f"write the {key} for both of you, or let each answer on their own"
            else:
                reason = f"in {article(name)} {name} step, which speaks to both of you at once"
                fix = f"write the {key} for both of you, without {{me}} or {{partner}}"
            problems.append(((key,), Said(f"{{me}} and {{partner}} are not allowed {reason}", fix)))
    return problems


def mode_problems(name: str, rules: KindRules, answer: object) -> list[RuleProblem]:
    """An ``each-sealed`` answer mode on a kind that cannot keep its answers sealed."""
    if answer != SEALED or rules.sealable:
        return []
    return [
        (
            ("answer",),
            Said(
                f'"{SEALED}" is for text, scale and choice steps, not {article(name)} {name} '
                'step: use "each-private"',
                'write "each-private"',
                Change(VALUE, '"each-private"'),
            ),
        )
    ]


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
        problems.append(((*path, index), Said(message, "keep one of them")))
    return problems


def cross_step_problems(
    steps: Sequence[Any],
    kinds: Mapping[str, KindRules],
    line_of: Callable[[KeyPath], int] | None = None,
    maybe: Collection[str] = (),
) -> list[RuleProblem]:
    """Problems between steps: repeated ids and references to steps that do not come earlier.

    ``kinds`` holds each kind's rules. ``line_of`` gives the line of a key path, when the steps
    come from a file, so that a repeated id can name the line of the first. ``maybe`` holds ids
    of steps the rules cannot see (in a ``[[step]]`` table, or not a valid id): a reference to
    one is not a mistake of its own. Nor is a reference to no step at all when an earlier step
    has no id that can be read: it may name that one.
    """
    problems: list[RuleProblem] = []
    earlier: dict[str, tuple[str, int]] = {}
    nameless = False
    every_id = {raw.get("id") for raw in steps if isinstance(raw, dict) and _is_id(raw.get("id"))}
    sealed = {
        raw["id"]
        for raw in steps
        if isinstance(raw, dict) and _is_id(raw.get("id")) and raw.get("answer") == SEALED
    }
    for index, raw in enumerate(steps):
        if not isinstance(raw, dict):
            continue
        step_id, name = raw.get("id"), raw.get("kind")
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
        rules = kinds.get(name) if isinstance(name, str) else None
        for key, (wanted, many) in (rules.references if rules else {}).items():
            value = raw.get(key)
            if many != isinstance(value, list):
                continue  # a value of the wrong type says so by itself
            refs: list[Any] = list(value) if many and isinstance(value, list) else [value]
            for position, ref in enumerate(refs):
                unseen = isinstance(ref, str) and ref not in every_id and (nameless or ref in maybe)
                message = _reference(ref, step_id, earlier, every_id, wanted, kinds)
                message = "" if unseen else message
                if not message and _is_id(ref) and ref in sealed and ref in earlier:
                    message = Said(
                        f'"{ref}" is sealed (answer = "{SEALED}"): its answers are never shown '
                        "to the couple, so nothing can be built on them",
                        "name another step, or answer that step another way",
                    )
                if message:
                    problems.append(((index, key, position) if many else (index, key), message))
        if _is_id(step_id) and step_id not in earlier and isinstance(name, str):
            earlier[step_id] = (name, index)
        nameless = nameless or not _is_id(step_id)
    return [(("steps", *path), message) for path, message in problems]


def score_problems(
    scores: Sequence[Any],
    steps: Sequence[Any],
    kinds: Mapping[str, KindRules],
    maybe: Collection[str] = (),
) -> list[RuleProblem]:
    """Problems of ``[[scores]]``: each names rated steps answered per partner, its ``reverse``
    entries name those steps or their items, its bands rise, and ids are unique. ``maybe`` is
    as for ``cross_step_problems``."""
    nameless = any(isinstance(raw, dict) and not _is_id(raw.get("id")) for raw in steps)
    rated: dict[str, list[Any]] = {}
    others: dict[str, str] = {}
    for raw in steps:
        if not isinstance(raw, dict) or not _is_id(raw.get("id")):
            continue
        name, rules = raw.get("kind"), kinds.get(str(raw.get("kind")))
        if rules is not None and rules.rated and raw.get("answer") == SEALED:
            others[raw["id"]] = f'sealed (answer = "{SEALED}"): scores are shown to both of you'

        elif rules is not None and rules.rated and raw.get("answer") != "together":
            items = raw.get("items")
            rated[raw["id"]] = items if isinstance(items, list) else []
        elif isinstance(name, str):
            others[raw["id"]] = (
                "a together step" if rules and rules.rated else f"{article(name)} {name} step"
            )
    problems: list[RuleProblem] = []
    seen: set[str] = set()
    for index, raw in enumerate(scores):
        if not isinstance(raw, dict):
            continue
        bands = raw.get("bands")
        score_id = raw.get("id")
        if _is_id(score_id):
            if score_id in seen:
                problems.append(((index, "id"), f'score id "{score_id}" is used twice'))
            seen.add(score_id)
        refs = raw.get("from")
        named = [r for r in refs if _is_id(r)] if isinstance(refs, list) else []
        # A wrong entry in from has its message; a reverse entry that names another scale step
        # of the pack may be the right one, so it is not reported as well.
        unsure = not isinstance(refs, list) or any(not _is_id(r) or r not in rated for r in refs)
        for position, ref in enumerate(refs if isinstance(refs, list) else []):
            if not _is_id(ref) or ref in rated:
                continue
            if ref not in others and (nameless or ref in maybe):
                continue  # it may name a step the rules cannot see
            if ref in others:
                reason = others[ref]
                if ":" not in reason:
                    reason += ": a score reads scale steps each of you answers"
                message: str = Said(
                    f'"{ref}" is {reason}', "name a scale step whose answers are each partner's"
                )
            else:
                message = _did_you_mean(
                    f'"{ref}" is not a scale step of this pack', ref, rated, "a scale step"
                )
            problems.append(((index, "from", position), message))
        reverse = raw.get("reverse")
        for position, entry in enumerate(reverse if isinstance(reverse, list) else []):
            if not isinstance(entry, str):
                continue
            step_id, _, item = entry.partition(".")
            if step_id not in named and unsure and step_id in rated:
                continue
            if step_id not in named:
                message = Said(
                    f'"{step_id}" is not one of this score\'s steps (from)',
                    f'add "{step_id}" to from, or fix the entry',
                )
            elif item and step_id in rated and item not in rated[step_id]:
                close = nearest(item, rated[step_id])
                message = Said(
                    f'"{item}" is not an item of "{step_id}"{suggest(item, rated[step_id])}',
                    f'write "{step_id}.{close}"' if close else "write the item as in its step",
                    Change(VALUE, _quoted(f"{step_id}.{close}")) if close else None,
                )
            else:
                continue
            problems.append(((index, "reverse", position), message))
        lows = [
            b.get("min") for b in (bands if isinstance(bands, list) else []) if isinstance(b, dict)
        ]
        # A min that is not a finite number has a message of its own: the order is not checked.
        numbers = [
            n
            for n in lows
            if isinstance(n, int | float) and not isinstance(n, bool) and math.isfinite(n)
        ]
        if len(numbers) == len(lows) and any(b <= a for a, b in pairwise(numbers)):
            problems.append(
                (
                    (index, "bands"),
                    Said(
                        "bands must rise: each min larger than the last",
                        "put the bands in order, lowest first",
                    ),
                )
            )
    return [(("scores", *path), message) for path, message in problems]


def _is_id(value: object) -> TypeGuard[str]:
    return isinstance(value, str) and bool(_ID.match(value))


def _reference(
    ref: object,
    here: object,
    earlier: dict[str, tuple[str, int]],
    every_id: set[object],
    wanted: str | None,
    kinds: Mapping[str, KindRules],
) -> str:
    """What is wrong with a reference to step ``ref``, or nothing.

    ``wanted`` is the kind the reference must name; None means any kind with an outcome.
    """
    if not _is_id(ref):
        return ""
    found = earlier.get(ref)
    if found is not None and found[0] not in kinds:
        return ""  # that step's kind is wrong, and says so; this reference may well be right

    def fits(name: str) -> bool:
        return name == wanted if wanted is not None else kinds[name].has_outcome

    if found is not None and fits(found[0]):
        return ""
    if found is not None and wanted is None:
        return Said(
            f'"{ref}" is {article(found[0])} {found[0]} step, which has no outcome to offer',
            "name a step whose answers can become terms (not a read or agreement step)",
        )
    what = f"an earlier {wanted} step" if wanted is not None else "an earlier step"
    candidates = [step_id for step_id, (name, _) in earlier.items() if name in kinds and fits(name)]
    if found is not None:
        return Said(
            f'"{ref}" is not {what}: it is {article(found[0])} {found[0]} step', f"name {what}"
        )
    if ref == here:
        return Said(f'"{ref}" is not {what}: it is this step', f"name {what}")
    if ref in every_id:
        return Said(
            f'"{ref}" is not {what}: it comes after this step',
            "move that step above this one, or name another",
        )
    return _did_you_mean(f'"{ref}" is not {what} of this pack', ref, candidates, what)


def _did_you_mean(message: str, ref: str, candidates: Iterable[str], what: str) -> str:
    close = nearest(ref, candidates)
    if close is None:
        return Said(message, f"name {what}")
    return Said(
        f'{message} (did you mean "{close}"?)', f'write "{close}"', Change(VALUE, _quoted(close))
    )


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
