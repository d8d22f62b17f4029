"""Warnings: packs that are valid but surely not what their author meant.

Such a pack loads and works; ``workbook validate`` prints its warnings, marked, and exits 0 for
them unless ``--strict``; the app's library lists them quietly. Each is here because the pack
would not do what its author wrote:

- a key of the pack (``minutes``) written under a step or a score, which has no such key: it is
  ignored there (a required one, such as ``summary``, is an error, since the pack lacks it);
- a scale step in an agreement's ``from`` whose reveal can flag nothing, so it offers no terms:
  a together scale (one answer), or a scale of two points under the default gap of 2;
- ``[[scores]]`` between steps, where the docs put them after the last step;
- ``done_by`` on a together text step, whose answer is always done by both.

``help`` on a requests step is no warning: the requests screen shows the pack's prompt and help,
addressed to whoever asks.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from pydantic import BaseModel

from workbook.packs.keytypes import keys_of
from workbook.packs.locate import Locations
from workbook.packs.models import DEFAULT_GAP, STEP_MODELS, Pack, Score
from workbook.packs.rules import KeyPath, RuleProblem, nearest
from workbook.packs.said import DELETE, TO_PACK, Change, Said

_TABLES = ("steps", "scores")
# The keys of the pack that no step and no score has.
_OTHERS: tuple[type[BaseModel], ...] = (Score, *STEP_MODELS.values())
PACK_ONLY = (
    frozenset(keys_of(Pack)) - {key for model in _OTHERS for key in keys_of(model)} - set(_TABLES)
)
_REQUIRED = (
    frozenset(name for name, info in Pack.model_fields.items() if info.is_required()) & PACK_ONLY
)


def lift(data: Mapping[str, Any]) -> tuple[dict[str, Any], list[RuleProblem], list[RuleProblem]]:
    """``data`` without the pack's keys written under a step or a score, with the errors (a
    required key the pack lacks) and warnings (any other) that they make."""
    lifted = dict(data)
    errors: list[RuleProblem] = []
    warned: list[RuleProblem] = []
    for name in _TABLES:
        tables = data.get(name)
        if not isinstance(tables, list):
            continue
        kept = list(tables)
        for index, table in enumerate(tables):
            if not isinstance(table, dict):
                continue
            strays = [key for key in table if key in PACK_ONLY]
            if not strays:
                continue
            allowed = _allowed(name, table)
            strays = [key for key in strays if nearest(key, allowed) is None]
            if not strays:
                continue
            kept[index] = {key: value for key, value in table.items() if key not in strays}
            for key in strays:
                path: KeyPath = (name, index, key)
                what = "a step" if name == "steps" else "a score"
                if key in _REQUIRED and key not in lifted:
                    lifted[key] = table[key]
                    errors.append(
                        (path, _belongs(key, what, ": the pack has none", Change(TO_PACK)))
                    )
                elif key in data:
                    warned.append((path, _belongs(key, what, "", None)))
                else:
                    warned.append(
                        (path, _belongs(key, what, ", where it is ignored", Change(TO_PACK)))
                    )
        lifted[name] = kept
    return lifted, errors, warned


def warnings(
    data: Mapping[str, Any], source: str, where: Callable[[], Locations]
) -> list[RuleProblem]:
    """What is valid in ``data`` but surely not meant, with the key path of each."""
    steps = data.get("steps")
    steps = (
        [step if isinstance(step, dict) else {} for step in steps]
        if isinstance(steps, list)
        else []
    )
    found: list[RuleProblem] = []
    by_id = {step.get("id"): step for step in steps if isinstance(step.get("id"), str)}
    for index, step in enumerate(steps):
        kind = step.get("kind")
        model = STEP_MODELS.get(kind) if isinstance(kind, str) else None
        if model is None:
            continue
        # done_by names who does a written answer; a together answer is done by both.
        if "done_by" in step and "done_by" in keys_of(model) and step.get("answer") == "together":
            found.append(
                (
                    ("steps", index, "done_by"),
                    Said(
                        "done_by does nothing here: a together answer is done by both",
                        "delete done_by",
                        Change(DELETE),
                    ),
                )
            )
        # Keys that name earlier steps for their outcomes (an agreement's from).
        for key, (wanted, many) in model.rules.references.items():
            refs = step.get(key)
            if wanted is not None or not many or not isinstance(refs, list):
                continue
            for position, ref in enumerate(refs):
                said = _flags_nothing(by_id.get(ref) if isinstance(ref, str) else None, ref)
                if said:
                    found.append((("steps", index, key, position), said))
    if _headers_out_of_order(source):
        found += _scores_between_steps(data, where)
    return found


def _flags_nothing(step: Mapping[str, Any] | None, ref: object) -> str:
    """Why a rated step (a scale) named for its outcome can offer no terms, or nothing."""
    kind = step.get("kind") if step is not None else None
    model = STEP_MODELS.get(kind) if isinstance(kind, str) else None
    if step is None or model is None or not model.rules.rated:
        return ""
    if step.get("answer") == "together":
        return Said(
            f'"{ref}" is a together scale: with one answer, its reveal flags nothing, so it '
            "offers no terms here",
            f'name another step, or let each of you answer "{ref}"',
        )
    fields = model.model_fields
    if "gap" in step or "min" not in fields or "max" not in fields:
        return ""
    low, high = step.get("min", fields["min"].default), step.get("max", fields["max"].default)
    if not all(type(n) is int for n in (low, high)):
        return ""
    if high - low < DEFAULT_GAP:
        return Said(
            f'"{ref}" runs from {low} to {high}, and gap is {DEFAULT_GAP} by default: no two '
            "answers are that far apart, so its reveal flags nothing and it offers no terms here",
            f'add gap = {max(high - low, 1)} to "{ref}"',
        )
    return ""


_HEADER = re.compile(r'(?m)^[ \t]*\[\[[ \t]*"?(steps|scores)"?[ \t]*\]\]')


def _headers_out_of_order(source: str) -> bool:
    """Whether a [[steps]] line may come after a [[scores]] line: a quick look at the lines,
    which may also count one inside a text; the key locations tell for sure."""
    seen_scores = False
    for found in _HEADER.finditer(source):
        if found.group(1) == "scores":
            seen_scores = True
        elif seen_scores:
            return True
    return False


def _scores_between_steps(
    data: Mapping[str, Any], located: Callable[[], Locations]
) -> list[RuleProblem]:
    scores, steps = data.get("scores"), data.get("steps")
    if not isinstance(scores, list) or not scores or not isinstance(steps, list):
        return []
    where = located()
    step_lines = [where.keys[key].line for key in where.keys if _is_table(key, "steps")]
    found: list[RuleProblem] = []
    for index in range(len(scores)):
        at = where.keys.get(("scores", index))
        later = [line for line in step_lines if at is not None and line > at.line]
        if later:
            found.append(
                (
                    ("scores", index),
                    Said(
                        f"[[scores]] comes before the step on line {later[0]}: scores go after "
                        "the last step",
                        "move this [[scores]] table below the last step",
                    ),
                )
            )
    return found


def _is_table(key: KeyPath, name: str) -> bool:
    return len(key) == 2 and key[0] == name and isinstance(key[1], int)


def _allowed(name: str, table: Mapping[str, Any]) -> tuple[str, ...]:
    if name == "scores":
        return keys_of(Score)
    kind = table.get("kind")
    model = STEP_MODELS.get(kind) if isinstance(kind, str) else None
    if model is not None:
        return keys_of(model)
    return tuple({key for model in STEP_MODELS.values() for key in keys_of(model)})


def _belongs(key: str, what: str, then: str, change: Change | None) -> str:
    header = "[[steps]]" if what == "a step" else "[[scores]]"
    if change is None:
        return Said(
            f"{key} is a key of the pack, but here it is under {header}, where it is ignored "
            "(the pack has its own)",
            "delete this one",
            Change(DELETE),
        )
    return Said(
        f"{key} is a key of the pack, but here it is under {header}{then}",
        "move it above the first [[steps]] line",
        change,
    )
