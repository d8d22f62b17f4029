"""The keys of the format, and what kind of value each takes, read from the models.

A fix that writes a value must write one the key accepts: "put the text in quotes" is no fix for
``minutes = 30 minutes``, which needs a number, nor for ``id = My Pack``, which needs an id. The
syntax explanations ask here before they suggest an edit.
"""

from __future__ import annotations

import re
import types
from functools import cache
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from workbook.packs.models import STEP_MODELS, Band, Pack, Score, Task
from workbook.packs.rules import ID_PATTERN

NUMBER, TRUTH, CHOICE, ID, TEXT, OTHER = "number", "truth", "choice", "id", "text", "other"
_ID = re.compile(ID_PATTERN)


@cache
def keys_of(model: type[BaseModel]) -> tuple[str, ...]:
    """The keys a table of ``model`` may have, as written in a pack."""
    return tuple(info.alias or name for name, info in model.model_fields.items())


# Every table of the format, and every key of any: what an accented key may have meant.
TABLES: tuple[type[BaseModel], ...] = (Pack, Score, Band, Task, *STEP_MODELS.values())
KNOWN_KEYS = frozenset(key for model in TABLES for key in keys_of(model))


@cache
def kinds_of_key(key: str) -> frozenset[tuple[str, tuple[str, ...]]]:
    """The kinds of value ``key`` takes in the tables that have it, with the choices of a
    choice key."""
    found: set[tuple[str, tuple[str, ...]]] = set()
    for model in TABLES:
        for name, info in model.model_fields.items():
            if (info.alias or name) == key:
                found.add(_kind(info.annotation, info.metadata))
    return frozenset(found)


def fits(key: str, text: str) -> bool:
    """True when ``text``, written in quotes, is a value that ``key`` accepts everywhere."""
    kinds = kinds_of_key(key)
    if not kinds or "{" in text or "}" in text or not text.strip():
        return False
    names = {kind for kind, _ in kinds}
    if names == {CHOICE}:
        # A step's kind is one choice in each kind's table: any of them will do.
        return any(text in choices for _, choices in kinds)
    if names == {ID}:
        return bool(_ID.match(text))
    return names == {TEXT}


def slug(text: str) -> str:
    """``My Pack`` as an id: ``my-pack``."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _kind(annotation: Any, metadata: list[Any]) -> tuple[str, tuple[str, ...]]:
    origin = get_origin(annotation)
    if origin is Annotated:
        inner, *extra = get_args(annotation)
        return _kind(inner, [*metadata, *extra])
    if origin in (Union, types.UnionType):
        kinds = {_kind(arg, metadata) for arg in get_args(annotation) if arg is not type(None)}
        return kinds.pop() if len(kinds) == 1 else (OTHER, ())
    if origin is Literal:
        return CHOICE, tuple(str(arg) for arg in get_args(annotation))
    if annotation is bool:
        return TRUTH, ()
    if annotation in (int, float):
        return NUMBER, ()
    if annotation is str:
        constraints = [*metadata, *(c for m in metadata for c in getattr(m, "metadata", []))]
        patterned = any(getattr(m, "pattern", None) == ID_PATTERN for m in constraints)
        return (ID if patterned else TEXT), ()
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return OTHER, ()
    return OTHER, ()
