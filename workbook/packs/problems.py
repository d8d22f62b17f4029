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
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from workbook import tomlio
from workbook.packs.locate import Locations, Position
from workbook.packs.models import (
    ANSWER_MODES,
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
    KeyPath,
    article,
    cross_step_problems,
    mode_problems,
    nearest,
    placeholder_problems,
    score_problems,
    suggest,
    title_problems,
)
from workbook.packs.syntax import STEPS_HEADER

__all__ = ["Problem", "dotted", "from_validation_error", "suggest", "toml_value"]

_BARE = re.compile(r"^[A-Za-z0-9_-]+$")
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
# What one entry of each list is called.
_ENTRY = {
    "steps": "step",
    "options": "option",
    "items": "item",
    "tasks": "task",
    "topics": "topic",
    "from": "step",
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a pack file, where it is, and how to put it right."""

    file: Path
    position: Position
    path: KeyPath
    message: str

    def __str__(self) -> str:
        return self.located(str(self.file))

    def short(self) -> str:
        """The problem with the file's name only, for a narrow screen."""
        return self.located(self.file.name)

    def located(self, file: str) -> str:
        where = f"{file}:{self.position.line}:{self.position.col}"
        return (
            f"{where}: {dotted(self.path)}: {self.message}"
            if self.path
            else (f"{where}: {self.message}")
        )


def dotted(path: KeyPath) -> str:
    """``("steps", 2, "kind")`` as ``steps[2].kind``, quoting keys that are not bare."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            key = part if _BARE.match(part) else tomlio.dumps({"k": part})[4:].strip()
            out += f".{key}" if out else key
    return out


def toml_value(value: Any) -> str:
    """A short TOML rendering of ``value`` for a message, on one line."""
    text = _inline(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _inline(value: Any, depth: int = 0) -> str:
    if depth > 3:
        return "..."
    if isinstance(value, list):
        return "[" + ", ".join(_inline(item, depth + 1) for item in value[:5]) + "]"
    if isinstance(value, dict):
        pairs = [
            f"{dotted((str(k),))} = {_inline(v, depth + 1)}" for k, v in list(value.items())[:5]
        ]
        return "{ " + ", ".join(pairs) + " }" if pairs else "{}"
    try:
        return tomlio.dumps({"v": value})[4:].strip()
    except ValueError:
        return repr(value)


def _toml_type(value: Any) -> str:
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, date | datetime | time):
        return "a date or time"
    return "a value of another type"


def from_validation_error(
    error: ValidationError, data: Mapping[str, Any], file: Path, where: Locations
) -> list[Problem]:
    """Every problem of ``error`` in TOML words, plus the rules between keys and steps."""
    details = error.errors()
    newer = [d for d in details if d["type"] == "format_newer"]
    # Nothing else is worth reading in a pack written for a newer format.
    details = newer or details
    found: list[tuple[KeyPath, str]] = []
    meant = _meant(details, data)
    for detail in details:
        missing = detail["type"] == "missing" and _author_path(detail["loc"], data) in meant
        if detail["type"] != "pack_rule" and not missing:
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
    problems = [Problem(file, where.find(path), path, message) for path, message in found]
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


def raw_rules(
    data: Mapping[str, Any],
    unsure: Mapping[int, set[str]],
    line_of: Callable[[KeyPath], int] | None = None,
) -> list[tuple[KeyPath, str]]:
    """The rules between keys and between steps, read from the raw tables of a pack.

    ``unsure`` names, for each step, the keys that already have a problem of their own.
    """
    found = title_problems(data.get("title"))
    steps = data.get("steps")
    if isinstance(steps, list):
        found += cross_step_problems(steps, KIND_RULES, line_of)
        for index, raw in enumerate(steps):
            rules = _step_rules(raw, frozenset(unsure.get(index, ())))
            found += [(("steps", index, *sub), message) for sub, message in rules]
        scores = data.get("scores")
        if isinstance(scores, list):
            found += score_problems(scores, steps, KIND_RULES)
    return found


def _step_rules(raw: Any, unsure: frozenset[str]) -> list[tuple[KeyPath, str]]:
    if not isinstance(raw, dict):
        return []
    found = [] if "title" in unsure else title_problems(raw.get("title"))
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
        tag = _value_at((*path, "kind"), data)
        if not isinstance(tag, str):
            return [
                (
                    (*path, "kind"),
                    f'must be text in quotes, like kind = "text", not {_toml_type(tag)} '
                    f"({toml_value(tag)})",
                )
            ]
        return [
            (
                (*path, "kind"),
                f'unknown kind "{tag}"{suggest(tag, KINDS)}; the kinds are {_KINDS_LIST}',
            )
        ]
    if error_type == "union_tag_not_found":
        return [((*path, "kind"), f'missing required key "kind": {_ADD["kind"]}')]
    return [(path, _value_message(error_type, ctx, value, path, detail["msg"]))]


def _missing(path: KeyPath) -> str:
    key = str(path[-1])
    fix = _ADD.get(key, f"add {key} = ...")
    return f'missing required key "{key}": {fix}'


def _unknown_key(path: KeyPath, data: Mapping[str, Any]) -> str:
    key = str(path[-1])
    model = _model_at(path[:-1], data)
    if model is not None and path[:1] == ("steps",) and len(path) == 3:
        step_kind = STEP_MODELS_BY_CLASS[model]
        if key in ("answer", "optional"):
            return (
                f'"{key}" belongs to text, scale, choice and rank steps; '
                f"{article(step_kind)} {step_kind} step decides by itself who answers"
            )
        owners = _kinds_with(key)
        if owners:
            return (
                f'unknown key "{key}" for {article(step_kind)} {step_kind} step; '
                f"it belongs to {_join(owners)} steps"
            )
    meant = _meant_key(path, data)
    return f'unknown key "{key}"' + (f' (did you mean "{meant}"?)' if meant else "")


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


def _entries(count: object, path: KeyPath) -> str:
    key = next((part for part in reversed(path) if isinstance(part, str)), "")
    noun = _ENTRY.get(key, "entry")
    if count == 1:
        return f"one {noun}"
    return f"{count} {noun}s" if noun != "entry" else f"{count} entries"


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return text.lower() not in ("nan", "inf", "-inf", "infinity", "-infinity")


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _value_message(
    error_type: str, ctx: dict[str, Any], value: Any, path: KeyPath, fallback: str
) -> str:
    shown = toml_value(value)
    given = f"{_toml_type(value)} ({shown})"
    if error_type in ("string_type",):
        return f"must be text in quotes, not {given}"
    if error_type in ("int_type", "int_parsing", "int_from_float"):
        if isinstance(value, float) and abs(value) < 1e15:
            low = int(value // 1)
            return f"must be a whole number, like {low} or {low + 1}, not {shown}"
        if isinstance(value, str) and value.strip().lstrip("-").isdigit():
            return f"must be a number without quotes: write {value.strip()}, not {shown}"
        return f"must be a whole number, like 20, not {given}"
    if error_type == "finite_number":
        return f"must be an ordinary number, like 14 or 2.5, not {shown}"
    if error_type in ("float_type", "float_parsing"):
        if isinstance(value, str) and _is_number(value.strip()):
            return f"must be a number without quotes: write {value.strip()}, not {shown}"
        return f"must be a number, like 14 or 2.5, not {given}"
    if error_type in ("bool_type", "bool_parsing"):
        if isinstance(value, str) and value.strip().lower() in ("true", "false"):
            return f"must be true or false without quotes: write {value.strip().lower()}"
        return f"must be true or false, not {given}"
    if error_type == "list_type":
        if path == ("steps",) and isinstance(value, dict):
            return STEPS_HEADER
        return f'must be a list in square brackets, like ["a", "b"], not {given}'
    if error_type in ("model_type", "model_attributes_type", "dict_type"):
        if path[:1] == ("steps",) and len(path) == 2:
            return "each step must be a table: start it with a [[steps]] line"
        if len(path) == 4 and path[2] == "tasks":
            return (
                f'each task must be a table, like {{ name = "Dishes", minutes = 60 }}, not {given}'
            )
        return f"must be a table, not {given}"
    if error_type == "literal_error":
        expected = ANSWER_MODES if path[-1:] == ("answer",) else ()
        choices = ", ".join(f'"{e}"' for e in expected) or str(ctx.get("expected"))
        return f"must be one of {choices}, not {shown}{suggest(str(value), expected)}"
    if error_type == "string_pattern_mismatch":
        return (
            "must be lowercase letters, digits and dashes, starting with a letter or digit, "
            f'like "my-pack", not {shown}'
        )
    if error_type in ("greater_than_equal", "greater_than"):
        bound = ctx.get("ge", ctx.get("gt"))
        return (
            f"must be at least {bound}, not {shown}"
            if error_type == "greater_than_equal"
            else (f"must be more than {bound}, not {shown}")
        )
    if error_type in ("less_than_equal", "less_than"):
        bound = ctx.get("le", ctx.get("lt"))
        return (
            f"must be at most {bound}, not {shown}"
            if error_type == "less_than_equal"
            else (f"must be less than {bound}, not {shown}")
        )
    if error_type == "too_short":
        if path == ("steps",):
            return "add at least one step, starting with a [[steps]] line"
        wanted = _entries(ctx.get("min_length"), path)
        return f"needs at least {wanted}, not {ctx.get('actual_length')}"
    if error_type == "too_long":
        wanted = _entries(ctx.get("max_length"), path)
        return f"may have at most {wanted}, not {ctx.get('actual_length')}"
    if error_type in ("string_too_short", "empty"):
        return "must not be empty"
    if error_type == "string_too_long":
        return f"must be at most {ctx.get('max_length')} characters long"
    if error_type == "value_error":
        return fallback.removeprefix("Value error, ")
    return fallback
