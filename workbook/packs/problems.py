"""Pack problems in a pack author's words: ``PATH:LINE:COL: key.path: message``.

Pydantic's errors speak of Python types and internal locations. This module turns each into TOML
words, at the key path the author wrote, with the fix: a "did you mean" for unknown keys, kinds and
references, and the line to add for a missing key. A mistake is reported once: the rules between
keys say nothing about a key whose value is already wrong.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from workbook.packs.fixes import Edit, Source, edits_of, help_of, spot_of
from workbook.packs.locate import Locations, Position
from workbook.packs.models import (
    KIND_RULES,
    KINDS,
    PLACEHOLDER_KEYS,
    STEP_MODELS,
    Band,
    Pack,
    Score,
    Task,
)
from workbook.packs.rules import (
    ID_PATTERN,
    KeyPath,
    article,
    cross_step_problems,
    mode_problems,
    nearest,
    placeholder_problems,
    score_problems,
    suggest,
)
from workbook.packs.said import DELETE, RENAME, TABLE, TOP, VALUE, Change, Said
from workbook.packs.shown import shown_problems
from workbook.packs.wording import dotted, join, toml_text, toml_type, toml_value, value_message

__all__ = ["Problem", "dotted", "from_validation_error", "suggest", "toml_value"]

_ID = re.compile(ID_PATTERN)
_KINDS_LIST = ", ".join(KINDS)
# The line to add for each required key, in the words of docs/authoring.md.
_ADD = {
    "format": "add format = 1 at the top of the file",
    "id": 'add id = "..." (lowercase letters, digits and dashes)',
    "title": 'add title = "..."',
    "summary": 'add summary = "..."',
    "steps": "add the steps, each starting with a [[steps]] line",
    "kind": f'add kind = "...", one of {_KINDS_LIST}',
    "prompt": 'add prompt = "..."',
    "body": 'add body = """...""" with the text to read',
    "options": 'add options = ["...", "..."]',
    "name": 'add name = "..."',
}


ERROR, WARNING = "error", "warning"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a pack file, where it is, and how to put it right.

    A warning is a pack that is valid but surely not what its author meant: it loads.
    """

    file: Path
    position: Position
    path: KeyPath
    message: str
    help: str = ""
    severity: str = ERROR
    # The fix as edits of the file, when it is certain.
    edits: tuple[Edit, ...] = ()

    def __str__(self) -> str:
        return self.located(str(self.file))

    def short(self) -> str:
        """The problem with the file's name only, for a narrow screen."""
        return self.located(self.file.name)

    def located(self, file: str) -> str:
        """``FILE:LINE:COL: key.path: message``, the message marked ``warning:`` for a warning."""
        where = f"{file}:{self.position.line}:{self.position.col}"
        message = f"warning: {self.message}" if self.severity == WARNING else self.message
        return f"{where}: {dotted(self.path)}: {message}" if self.path else f"{where}: {message}"


def problem_at(
    file: Path,
    where: Locations,
    source: Source,
    path: KeyPath,
    message: str,
    severity: str = ERROR,
) -> Problem:
    """A rule's message at the line of ``path``, with its help and, if certain, its edits."""
    change = message.change if isinstance(message, Said) else None
    edits = edits_of(change, path, source, where)
    at = spot_of(message, path, source, where) or where.find(path)
    return Problem(file, at, path, str(message), help_of(message), severity, edits)


def from_validation_error(
    error: ValidationError, data: Mapping[str, Any], file: Path, where: Locations, source: Source
) -> list[Problem]:
    """Every problem of ``error`` in TOML words, plus the rules between keys and steps."""
    details = error.errors()
    newer = [d for d in details if d["type"] == "format_newer"]
    # Nothing else is worth reading in a pack written for a newer format.
    details = newer or details
    found: list[tuple[KeyPath, str]] = []
    meant = _meant(details, data)
    maybe = unseen_ids(data)
    for detail in details:
        missing = detail["type"] == "missing" and _author_path(detail["loc"], data) in meant
        # Rules, and braces in shown texts, are read from the raw tables below.
        if detail["type"] in ("pack_rule", "braces") or missing:
            continue
        if _names_unseen(_author_path(detail["loc"], data), detail["input"], maybe):
            continue
        found += _translate(detail, data)
    if not newer:
        # Validation checks rules only where every key is right; the raw tables show them all.
        unsure: dict[int, set[str]] = {}
        for path in [*(path for path, _ in found), *meant]:
            if len(path) >= 3 and path[0] == "steps" and isinstance(path[1], int):
                unsure.setdefault(path[1], set()).add(str(path[2]))
        found += raw_rules(data, unsure, lambda path: where.find(path).line)
    if not found:
        # Only when the raw reading and validation disagree: validation's words are still right.
        for detail in details:
            found += _translate(detail, data)
    problems = [problem_at(file, where, source, path, message) for path, message in found]
    unique = dict.fromkeys(problems)
    return sorted(unique, key=lambda p: (p.position.line, p.position.col))


def _meant(details: list[ErrorDetails], data: Mapping[str, Any]) -> set[KeyPath]:
    """The keys that unknown keys most likely spell wrong.

    ``promt`` for ``prompt`` is one mistake: the unknown key's "did you mean" says it all, so the
    key it meant is neither reported missing nor read by the rules.
    """
    found: set[KeyPath] = set()
    for detail in details:
        if detail["type"] != "extra_forbidden":
            continue
        path = _author_path(detail["loc"], data)
        meant = _meant_key(path, data)
        if meant is not None:
            found.add((*path[:-1], meant))
    return found


def unseen_ids(data: Mapping[str, Any]) -> set[str]:
    """The ids of steps that the rules cannot see: in ``[[step]]`` tables, or not valid ids. A
    reference to one is not a mistake of its own: the step's own message comes first."""
    found: set[str] = set()
    for key in ("steps", "step"):
        tables = data.get(key)
        for table in tables if isinstance(tables, list) else []:
            step_id = table.get("id") if isinstance(table, dict) else None
            if isinstance(step_id, str) and (key == "step" or not _ID.match(step_id)):
                found.add(step_id)
    return found


def _names_unseen(path: KeyPath, value: Any, maybe: set[str]) -> bool:
    """True for a reference (``options_from`` or an entry of ``from``) to a step that the
    rules cannot see."""
    reference = path[-1:] == ("options_from",) or path[-2:-1] == ("from",)
    return reference and isinstance(value, str) and value in maybe


def raw_rules(
    data: Mapping[str, Any],
    unsure: Mapping[int, set[str]],
    line_of: Callable[[KeyPath], int] | None = None,
) -> list[tuple[KeyPath, str]]:
    """The rules between keys and between steps, read from the raw tables of a pack.

    ``unsure`` names, for each step, the keys that already have a problem of their own.
    """
    found = shown_problems(data)
    steps = data.get("steps")
    maybe = unseen_ids(data)
    if isinstance(steps, list):
        found += cross_step_problems(steps, KIND_RULES, line_of, maybe)
        for index, raw in enumerate(steps):
            rules = _step_rules(raw, frozenset(unsure.get(index, ())))
            found += [(("steps", index, *sub), message) for sub, message in rules]
        scores = data.get("scores")
        if isinstance(scores, list):
            found += score_problems(scores, steps, KIND_RULES, maybe)
    return found


def _step_rules(raw: Any, unsure: frozenset[str]) -> list[tuple[KeyPath, str]]:
    if not isinstance(raw, dict):
        return []
    found: list[tuple[KeyPath, str]] = []
    model = STEP_MODELS.get(raw["kind"]) if isinstance(raw.get("kind"), str) else None
    if model is None:
        return found
    names = {info.alias or name: name for name, info in model.model_fields.items()}
    texts = {key: raw.get(key) for key in PLACEHOLDER_KEYS if key in names and key not in unsure}
    answer = None if "answer" in unsure else raw.get("answer")
    found += placeholder_problems(model.kind_name(), model.rules, answer, texts)
    found += mode_problems(model.kind_name(), model.rules, answer)
    given = {names[k]: v for k, v in raw.items() if k in names and k not in unsure}
    # The values are raw; a rule that trips over one has nothing to add to its own problem.
    with contextlib.suppress(TypeError, ValueError, AttributeError):
        found += model.model_construct(**given).rule_problems(unsure)
    return found


def _author_path(loc: tuple[str | int, ...], data: Mapping[str, Any]) -> KeyPath:
    """The key path the author wrote, without the kind tag that pydantic puts into the
    locations of a step: ``("steps", 0, "text", "prompt")`` is ``steps[0].prompt``."""
    if len(loc) > 2 and loc[0] == "steps" and isinstance(loc[1], int) and loc[2] in STEP_MODELS:
        steps = data.get("steps")
        step = steps[loc[1]] if isinstance(steps, list) and loc[1] < len(steps) else None
        if isinstance(step, dict) and step.get("kind") == loc[2]:
            return (*loc[:2], *loc[3:])
    return tuple(loc)


def _value_at(path: KeyPath, data: Mapping[str, Any]) -> Any:
    node: Any = data
    for part in path:
        if isinstance(node, dict) and isinstance(part, str):
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
        else:
            return None
    return node


def _model_at(path: KeyPath, data: Mapping[str, Any]) -> type[BaseModel] | None:
    """The model of the table at ``path``, to know which keys it allows."""
    if path == ():
        return Pack
    node = _value_at(path, data)
    if len(path) == 2 and path[0] == "steps" and isinstance(node, dict):
        return STEP_MODELS.get(str(node.get("kind")))
    if len(path) == 4 and path[2] == "tasks":
        return Task
    if len(path) == 2 and path[0] == "scores":
        return Score
    if len(path) == 4 and path[0] == "scores" and path[2] == "bands":
        return Band
    return None


def _allowed_keys(model: type[BaseModel]) -> list[str]:
    return [info.alias or name for name, info in model.model_fields.items()]


STEP_MODELS_BY_CLASS: dict[type[BaseModel], str] = {
    model: kind for kind, model in STEP_MODELS.items()
}


def _kinds_with(key: str) -> list[str]:
    return [kind for kind, model in STEP_MODELS.items() if key in _allowed_keys(model)]


def _translate(detail: ErrorDetails, data: Mapping[str, Any]) -> list[tuple[KeyPath, str]]:
    path = _author_path(detail["loc"], data)
    error_type = detail["type"]
    ctx: dict[str, Any] = dict(detail.get("ctx") or {})
    value = detail["input"]
    if error_type == "pack_rule":
        return [((*path, *sub), message) for sub, message in ctx["problems"]]
    if error_type == "missing":
        return [(path, _missing(path))]
    if error_type == "extra_forbidden":
        return [(path, _unknown_key(path, data))]
    if error_type == "union_tag_invalid":
        return [((*path, "kind"), _kind(_value_at((*path, "kind"), data)))]
    if error_type == "union_tag_not_found":
        return [((*path, "kind"), f'missing required key "kind": {_ADD["kind"]}')]
    return [(path, value_message(error_type, ctx, value, path, detail["msg"]))]


def _kind(tag: Any) -> str:
    if not isinstance(tag, str):
        return Said(
            f'must be text in quotes, like kind = "text", not {toml_type(tag)} ({toml_value(tag)})',
            'write it in quotes, like kind = "text"',
        )
    close = nearest(tag, KINDS)
    return Said(
        f'unknown kind "{tag}"{suggest(tag, KINDS)}; the kinds are {_KINDS_LIST}',
        f'write kind = "{close}"' if close else "use one of the kinds",
        Change(VALUE, toml_text(close)) if close else None,
    )


def _missing(path: KeyPath) -> str:
    key = str(path[-1])
    fix = _ADD.get(key, f"add {key} = ...")
    message = f'missing required key "{key}": {fix}'
    if path == ("format",):
        return Said(message, "add format = 1 at the top of the file", Change(TOP, "format = 1"))
    return message


def _unknown_key(path: KeyPath, data: Mapping[str, Any]) -> str:
    key = str(path[-1])
    model = _model_at(path[:-1], data)
    if model is not None and path[:1] == ("steps",) and len(path) == 3:
        step_kind = STEP_MODELS_BY_CLASS[model]
        if key in ("answer", "optional"):
            return Said(
                f'"{key}" belongs to text, scale, choice and rank steps; '
                f"{article(step_kind)} {step_kind} step decides by itself who answers",
                f"delete the {key} line",
                Change(DELETE),
            )
        owners = _kinds_with(key)
        if owners:
            return Said(
                f'unknown key "{key}" for {article(step_kind)} {step_kind} step; '
                f"it belongs to {join(owners)} steps",
                "change the kind, or delete the key",
            )
    meant = _meant_key(path, data)
    value = _value_at(path, data)
    if len(path) == 1 and meant in ("steps", "scores") and isinstance(value, list):
        # [[step]] for [[steps]]: one mistake, however many tables it opens.
        return Said(
            f"[[{key}]] is not a table of a pack: write [[{meant}]]",
            f"write [[{meant}]] in place of [[{key}]]",
            Change(TABLE, meant),
        )
    if meant is None:
        keys = join(_allowed_keys(model)) if model is not None else ""
        return Said(
            f'unknown key "{key}"',
            f"check its spelling: the keys here are {keys}" if keys else "delete it",
        )
    table = _value_at(path[:-1], data)
    free = isinstance(table, dict) and meant not in table
    return Said(
        f'unknown key "{key}" (did you mean "{meant}"?)',
        f"rename it to {meant}" if free else f"delete it: {meant} is given already",
        Change(RENAME, meant) if free else None,
    )


def _meant_key(path: KeyPath, data: Mapping[str, Any]) -> str | None:
    """The key that the unknown key at ``path`` most likely stands for, if any."""
    key = str(path[-1])
    model = _model_at(path[:-1], data)
    if model is None:
        return None
    if path[:1] == ("steps",) and len(path) == 3:
        step_kind = STEP_MODELS_BY_CLASS[model]
        if key in ("answer", "optional") or _kinds_with(key):
            return None  # a key of other kinds, not a misspelling
        if key == step_kind or key in ("question", "text"):
            # A step's question is its prompt; a step without one (read) has a body instead.
            return "prompt" if "prompt" in _allowed_keys(model) else "body"
    return nearest(key, _allowed_keys(model))
