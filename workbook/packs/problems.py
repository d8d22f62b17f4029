"""Pack problems in a pack author's words: ``PATH:LINE:COL: key.path: message``.

Pydantic's errors speak of Python types and internal locations. This module turns each into TOML
words, at the key path the author wrote, with a "did you mean" for unknown keys and kinds.
"""

from __future__ import annotations

import contextlib
import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from workbook import tomlio
from workbook.packs.locate import Locations, Position
from workbook.packs.models import (
    ANSWER_MODES,
    KINDS,
    PLACEHOLDER_KEYS,
    STEP_MODELS,
    KeyPath,
    Pack,
    Task,
    article,
    cross_step_problems,
    placeholder_problems,
)

_BARE = re.compile(r"^[A-Za-z0-9_-]+$")


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


def suggest(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean "x"?)`` for the nearest choice, or nothing."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f' (did you mean "{close[0]}"?)' if close else ""


def toml_value(value: Any) -> str:
    """A short TOML rendering of ``value`` for a message."""
    try:
        text = tomlio.dumps({"v": value})[4:].strip()
    except ValueError:
        text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _toml_type(value: Any) -> str:
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "a table"
    return "a date or time"


def from_validation_error(
    error: ValidationError, data: Mapping[str, Any], file: Path, where: Locations
) -> list[Problem]:
    """Every problem of ``error`` in TOML words, plus the rules between steps."""
    details = error.errors()
    newer = [d for d in details if d["type"] == "format_newer"]
    if newer:
        # Nothing else is worth reading in a pack written for a newer format.
        details = newer
    found: list[tuple[KeyPath, str]] = []
    for detail in details:
        found += _translate(detail, data)
    steps = data.get("steps")
    if not newer and isinstance(steps, list):
        # Validation stops at the first layer that fails; these rules read the raw tables so
        # that one run shows every problem.
        found += cross_step_problems(steps)
        for index, raw in enumerate(steps):
            found += [(("steps", index, *sub), message) for sub, message in _step_rules(raw)]
    problems = [Problem(file, where.find(path), path, message) for path, message in found]
    unique = dict.fromkeys(problems)
    return sorted(unique, key=lambda p: (p.position.line, p.position.col))


def _step_rules(raw: Any) -> list[tuple[KeyPath, str]]:
    kind = raw.get("kind") if isinstance(raw, dict) else None
    if not isinstance(kind, str) or kind not in STEP_MODELS:
        return []
    texts = {key: raw.get(key) for key in PLACEHOLDER_KEYS}
    found = placeholder_problems(kind, raw.get("answer"), texts)
    fields = STEP_MODELS[kind].model_fields
    # A value of the wrong type is reported by validation already.
    with contextlib.suppress(TypeError, ValueError, AttributeError):
        constructed = STEP_MODELS[kind].model_construct(
            **{k: v for k, v in raw.items() if k in fields}
        )
        found += constructed.rule_problems()
    return found


def _author_path(loc: tuple[str | int, ...], data: Mapping[str, Any]) -> KeyPath:
    """Drop the kind tags that pydantic puts into the locations of a discriminated union."""
    path: list[str | int] = []
    node: Any = data
    for part in loc:
        if isinstance(node, dict) and isinstance(part, str) and part not in node:
            if node.get("kind") == part:
                continue
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
            path.append(part)
            continue
        path.append(part)
        node = node.get(part) if isinstance(node, dict) else None
    return tuple(path)


def _model_at(path: KeyPath, data: Mapping[str, Any]) -> type[BaseModel] | None:
    """The model of the table at ``path``, to know which keys it allows."""
    if path == ():
        return Pack
    node: Any = data
    for part in path:
        node = node[part] if isinstance(node, dict | list) else None  # type: ignore[index]
    if len(path) == 2 and path[0] == "steps" and isinstance(node, dict):
        return STEP_MODELS.get(str(node.get("kind")))
    if len(path) == 4 and path[2] == "tasks":
        return Task
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
    kind = detail["type"]
    ctx: dict[str, Any] = dict(detail.get("ctx") or {})
    value = detail["input"]
    if kind == "pack_rule":
        return [((*path, *sub), message) for sub, message in ctx["problems"]]
    if kind == "missing":
        return [(path, _missing(path))]
    if kind == "extra_forbidden":
        return [(path, _unknown_key(path, data))]
    if kind == "union_tag_invalid":
        tag = str(ctx.get("tag"))
        return [
            (
                (*path, "kind"),
                f'unknown kind "{tag}"{suggest(tag, KINDS)}; the kinds are {", ".join(KINDS)}',
            )
        ]
    if kind == "union_tag_not_found":
        return [((*path, "kind"), f'missing required key "kind": one of {", ".join(KINDS)}')]
    return [(path, _value_message(kind, ctx, value, path, detail["msg"]))]


def _missing(path: KeyPath) -> str:
    key = path[-1]
    if path == ("format",):
        return 'missing required key "format": add format = 1 at the top of the file'
    return f'missing required key "{key}"'


def _unknown_key(path: KeyPath, data: Mapping[str, Any]) -> str:
    key = str(path[-1])
    model = _model_at(path[:-1], data)
    allowed = _allowed_keys(model) if model else []
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
    return f'unknown key "{key}"{suggest(key, allowed)}'


def _entries(count: object) -> str:
    return "one entry" if count == 1 else f"{count} entries"


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _value_message(kind: str, ctx: dict[str, Any], value: Any, path: KeyPath, fallback: str) -> str:
    shown = toml_value(value)
    if kind in ("string_type",):
        return f"must be text in quotes, not {_toml_type(value)} ({shown})"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"must be a whole number, not {_toml_type(value)} ({shown})"
    if kind in ("bool_type", "bool_parsing"):
        return f"must be true or false, not {_toml_type(value)} ({shown})"
    if kind == "list_type":
        return f'must be an array, like ["one", "two"], not {_toml_type(value)} ({shown})'
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        if path[:1] == ("steps",) and len(path) == 2:
            return "each step must be a table: start it with a [[steps]] line"
        return f"must be a table, not {_toml_type(value)} ({shown})"
    if kind == "literal_error":
        expected = ANSWER_MODES if path[-1:] == ("answer",) else ()
        choices = ", ".join(f'"{e}"' for e in expected) or str(ctx.get("expected"))
        return f"must be one of {choices}, not {shown}{suggest(str(value), expected)}"
    if kind == "string_pattern_mismatch":
        return (
            "must be lowercase letters, digits and dashes, starting with a letter or digit, "
            f'like "my-pack", not {shown}'
        )
    if kind in ("greater_than_equal", "greater_than"):
        bound = ctx.get("ge", ctx.get("gt"))
        return (
            f"must be at least {bound}, not {shown}"
            if kind == "greater_than_equal"
            else (f"must be more than {bound}, not {shown}")
        )
    if kind in ("less_than_equal", "less_than"):
        bound = ctx.get("le", ctx.get("lt"))
        return (
            f"must be at most {bound}, not {shown}"
            if kind == "less_than_equal"
            else (f"must be less than {bound}, not {shown}")
        )
    if kind == "too_short":
        return f"needs at least {_entries(ctx.get('min_length'))}, not {ctx.get('actual_length')}"
    if kind == "too_long":
        return f"may have at most {_entries(ctx.get('max_length'))}, not {ctx.get('actual_length')}"
    if kind in ("string_too_short", "empty"):
        return "must not be empty"
    if kind == "string_too_long":
        return f"must be at most {ctx.get('max_length')} characters long"
    if kind == "value_error":
        return fallback.removeprefix("Value error, ")
    return fallback
