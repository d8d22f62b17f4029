"""A wrong value in a pack author's words: what it must be, what it is, and the fix.

Pydantic speaks of Python types ("Input should be a valid integer"). These messages speak of
TOML ("must be a whole number, like 20, not 20.5") and carry their fix: words, and a change when
the right value is certain (a number in quotes, a misspelt answer mode).
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from typing import Any

from workbook import tomlio
from workbook.packs.keytypes import slug
from workbook.packs.models import ANSWER_MODES
from workbook.packs.rules import ID_PATTERN, KeyPath, nearest, suggest
from workbook.packs.said import VALUE, Change, Said
from workbook.packs.twice import STEPS_HEADER

# What one entry of each list is called.
_ENTRY = {
    "steps": "step",
    "options": "option",
    "items": "item",
    "tasks": "task",
    "topics": "topic",
    "from": "step",
    "questions": "question",
    "labels": "label",
}


def toml_value(value: Any) -> str:
    """A short TOML rendering of ``value`` for a message, on one line."""
    text = _inline(value)
    return text if len(text) <= 40 else text[:37] + "..."


def toml_text(text: str) -> str:
    """``text`` as a TOML string, in quotes."""
    return tomlio.dumps({"v": text})[4:].strip()


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


def toml_type(value: Any) -> str:
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


def entries(count: object, path: KeyPath) -> str:
    key = next((part for part in reversed(path) if isinstance(part, str)), "")
    noun = _ENTRY.get(key, "entry")
    if count == 1:
        return f"one {noun}"
    return f"{count} {noun}s" if noun != "entry" else f"{count} entries"


def join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return text.lower() not in ("nan", "inf", "-inf", "infinity", "-infinity")


def value_message(
    error_type: str, ctx: dict[str, Any], value: Any, path: KeyPath, fallback: str
) -> str:
    """What is wrong with ``value`` at ``path``, for pydantic's ``error_type``."""
    shown = toml_value(value)
    given = f"{toml_type(value)} ({shown})"
    if error_type == "string_type":
        if isinstance(value, int | float) and not isinstance(value, bool):
            return Said(
                f"must be text in quotes, not {given}",
                "put the value in quotes",
                Change(VALUE, toml_text(str(value))),
            )
        return Said(f"must be text in quotes, not {given}", "write text in quotes")
    if error_type in ("int_type", "int_parsing", "int_from_float"):
        return _whole_number(value, shown, given)
    if error_type == "finite_number":
        return Said(
            f"must be an ordinary number, like 14 or 2.5, not {shown}", "write an ordinary number"
        )
    if error_type in ("float_type", "float_parsing"):
        if isinstance(value, str) and _is_number(value.strip()):
            return _unquoted(value.strip(), shown)
        return Said(f"must be a number, like 14 or 2.5, not {given}", "write a number")
    if error_type in ("bool_type", "bool_parsing"):
        if isinstance(value, str) and value.strip().lower() in ("true", "false"):
            truth = value.strip().lower()
            return Said(
                f"must be true or false without quotes: write {truth}",
                "leave out the quotes",
                Change(VALUE, truth),
            )
        return Said(f"must be true or false, not {given}", "write true or false")
    if error_type == "list_type":
        if path == ("steps",) and isinstance(value, dict):
            return Said(STEPS_HEADER, "write [[steps]] in place of [steps]")
        return Said(
            f'must be a list in square brackets, like ["a", "b"], not {given}',
            "put the values in [ and ], separated by commas",
            Change(VALUE, f"[{toml_text(value)}]") if isinstance(value, str) else None,
        )
    if error_type in ("model_type", "model_attributes_type", "dict_type"):
        return _table(path, given)
    if error_type == "literal_error":
        expected = ANSWER_MODES if path[-1:] == ("answer",) else ()
        choices = ", ".join(f'"{e}"' for e in expected) or str(ctx.get("expected"))
        close = nearest(str(value), expected)
        return Said(
            f"must be one of {choices}, not {shown}{suggest(str(value), expected)}",
            f'write "{close}"' if close else "write one of them",
            Change(VALUE, toml_text(close)) if close else None,
        )
    if error_type == "string_pattern_mismatch" and path[-1:] == ("language",):
        return Said(
            f'must be a language tag, like "en", "es", "ar" or "pt-BR", not {shown}',
            'write the language\'s two-letter code, such as "es" for Spanish',
        )
    if error_type == "string_pattern_mismatch":
        made = slug(str(value))
        fits = bool(re.match(ID_PATTERN, made)) and made != value
        return Said(
            "must be lowercase letters, digits and dashes, starting with a letter or digit, "
            f'like "my-pack", not {shown}',
            f'write "{made}"' if fits else "write it in lowercase letters, digits and dashes",
            Change(VALUE, toml_text(made)) if fits else None,
        )
    if error_type == "format_newer":
        return Said(fallback, "update workbook, or write the pack for format 1")
    return _bounds(error_type, ctx, path, shown) or fallback.removeprefix("Value error, ")


def _whole_number(value: Any, shown: str, given: str) -> str:
    if isinstance(value, float) and abs(value) < 1e15:
        low = int(value // 1)
        return Said(
            f"must be a whole number, like {low} or {low + 1}, not {shown}",
            "leave out the decimal point",
        )
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return _unquoted(value.strip(), shown)
    return Said(f"must be a whole number, like 20, not {given}", "write a whole number")


def _unquoted(number: str, shown: str) -> str:
    return Said(
        f"must be a number without quotes: write {number}, not {shown}",
        "leave out the quotes",
        Change(VALUE, number),
    )


def _table(path: KeyPath, given: str) -> str:
    if path[:1] == ("steps",) and len(path) == 2:
        return "each step must be a table: start it with a [[steps]] line"
    if len(path) == 4 and path[2] == "tasks":
        return Said(
            f'each task must be a table, like {{ name = "Dishes", minutes = 60 }}, not {given}',
            'write the task in braces, like { name = "Dishes", minutes = 60 }',
        )
    return Said(f"must be a table, not {given}", "write a table")


def _bounds(error_type: str, ctx: dict[str, Any], path: KeyPath, shown: str) -> str | None:
    if error_type in ("greater_than_equal", "greater_than"):
        bound = ctx.get("ge", ctx.get("gt"))
        if error_type == "greater_than_equal":
            return Said(f"must be at least {bound}, not {shown}", f"write {bound} or more")
        return Said(f"must be more than {bound}, not {shown}", f"write more than {bound}")
    if error_type in ("less_than_equal", "less_than"):
        bound = ctx.get("le", ctx.get("lt"))
        if error_type == "less_than_equal":
            return Said(f"must be at most {bound}, not {shown}", f"write {bound} or less")
        return Said(f"must be less than {bound}, not {shown}", f"write less than {bound}")
    if error_type == "too_short":
        if path == ("steps",):
            return "add at least one step, starting with a [[steps]] line"
        wanted = entries(ctx.get("min_length"), path)
        return Said(f"needs at least {wanted}, not {ctx.get('actual_length')}", "add more")
    if error_type == "too_long":
        wanted = entries(ctx.get("max_length"), path)
        return Said(f"may have at most {wanted}, not {ctx.get('actual_length')}", "leave some out")
    if error_type in ("string_too_short", "empty"):
        return Said("must not be empty", "write some text")
    if error_type == "string_too_long":
        return Said(f"must be at most {ctx.get('max_length')} characters long", "shorten it")
    return None


_BARE = re.compile(r"^[A-Za-z0-9_-]+$")


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
