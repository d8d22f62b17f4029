"""Unknown, misspelt and misplaced keys in the JSON Schema: one message, on that key's line.

A schema that says ``additionalProperties: false`` or ``required`` makes a problem of the whole
table, and Taplo shows a table's problem on every key and value in it: 42 messages for one
misspelt key in a step, 174 for ``[[step]]``. Here each unknown key gets a schema of its own that
fails, so the message is on that key's value alone, and says what was meant (a validator words a
failed ``const`` as '"..." was expected'):

- a near miss of a key (``promt``), by a pattern of the key's spellings one edit away: "a key
  spelt prompt";
- a key of the pack in a step (``minutes``), a key of another kind (``options`` in a text step),
  ``answer`` in a kind that decides who answers;
- ``[[step]]`` for ``[[steps]]``, on the first table's ``id`` and ``kind``;
- any other key: the keys the table has.

A key that is required is required only when no near miss of it is there, so that ``promt`` is
not also a missing ``prompt``. The conditions are chained through ``if``/``then``/``else``, not
``allOf``, which Taplo's completion does not read.
"""

from __future__ import annotations

import re
from typing import Any

from workbook.packs.rules import article

Schema = dict[str, Any]


def spelt(key: str) -> str:
    """A pattern of the spellings one edit away from ``key``: a letter left out, two swapped,
    one replaced, one added."""
    e = re.escape
    ways = {e(key[:i] + key[i + 1 :]) for i in range(len(key))}
    ways |= {e(key[:i] + key[i + 1] + key[i] + key[i + 2 :]) for i in range(len(key) - 1)}
    ways |= {f"{e(key[:i])}.{e(key[i + 1 :])}" for i in range(len(key))}
    ways |= {f"{e(key[:i])}.{e(key[i:])}" for i in range(len(key) + 1)}
    return "|".join(sorted(way for way in ways if way))


def near_misses(keys: list[str], known: list[str]) -> Schema:
    """``patternProperties`` that give each near miss of ``keys`` one message naming the key;
    ``known`` are the keys that are never a near miss (the table's own, and those with a
    message of their own)."""
    never = "|".join(re.escape(k) for k in sorted(set(known)))
    return {f"^(?!(?:{never})$)(?:{spelt(key)})$": {"const": f"a key spelt {key}"} for key in keys}


def required_unless_misspelt(
    table: Schema, keys: list[str], own: list[str], also: dict[str, Schema]
) -> Schema:
    """``table`` where each of ``keys`` is required unless a near miss of it is there (a key not
    in ``own``) and, for a key in ``also``, unless that condition fails too."""
    table = dict(table)
    table["required"] = [key for key in table.get("required", []) if key not in keys]
    if not table["required"]:
        del table["required"]
    conditions = [
        (
            {"allOf": [_none_like(key, own), *([also[key]] if key in also else [])]},
            {"required": [key]},
        )
        for key in keys
    ]
    return {**table, **chain(conditions)}


def needed_on_kind(kind: str, keys: list[str], own: list[str], also: dict[str, Schema]) -> Schema:
    """A step's required ``keys``, each said once on its ``kind`` line when missing (and no near
    miss of it is there): '"a prompt, which a text step needs" was expected'. A missing key has
    no line of its own, and ``required`` would be said on every key of the step."""
    return {
        "allOf": [
            {
                "if": {
                    "allOf": [
                        _none_like(key, own),
                        {"not": {"required": [key]}},
                        *([also[key]] if key in also else []),
                    ]
                },
                "then": {
                    "properties": {
                        "kind": {"const": f"{key}, which {article(kind)} {kind} step needs"}
                    }
                },
            }
            for key in keys
        ]
    }


def chain(conditions: list[tuple[Schema, Schema]]) -> Schema:
    """Each ``(if, then)`` applied in turn, without ``allOf``: the rest of the chain sits in
    both the ``then`` and the ``else`` of the one before."""
    if not conditions:
        return {}
    (when, then), rest = conditions[0], chain(conditions[1:])
    if not rest:
        return {"if": when, "then": then}
    return {"if": when, "then": {**then, **rest}, "else": rest}


def _none_like(key: str, own: list[str]) -> Schema:
    never = "|".join(re.escape(k) for k in sorted(set(own) - {key}))
    return {"propertyNames": {"not": {"pattern": f"^(?!(?:{never})$)(?:{spelt(key)})$"}}}


def misplaced(kind: str, own: list[str], others: dict[str, list[str]], pack: list[str]) -> Schema:
    """A ``properties`` entry that fails, with its message, for each key a ``kind`` step may
    not have: keys of the pack, and keys of other kinds."""
    found: Schema = {}
    for key in pack:
        if key not in own:
            found[key] = {"const": f"{key} above the first [[steps]]: it is a key of the pack"}
    for key, owners in others.items():
        if key in own or key in found:
            continue
        if key in ("answer", "optional"):
            found[key] = {"const": f"no {key}: {article(kind)} {kind} step decides who answers"}
        else:
            found[key] = {"const": f"{key} only in {_join(owners)} steps"}
    meant = "prompt, for the question of a step" if "prompt" in own else "body, for its text"
    for key in ("question", "text", kind):
        if kind and key not in own and key not in found and "questions" not in own:
            found[key] = {"const": meant}
    return found


def unknown(what: str, own: list[str]) -> Schema:
    """The ``additionalProperties`` of a table: any other key fails, with the keys it has."""
    return {"const": f"one of the keys of {what}: {', '.join(own)}"}


def wrong_table(key: str, meant: str, first: str, second: str) -> Schema:
    """``[[step]]`` for ``[[steps]]``: one message, on the first table's ``first`` key, or its
    ``second`` when it has no ``first``."""
    says = {"const": f"[[{meant}]], with an s: [[{key}]] is not a table of a pack"}
    return {
        "type": "array",
        "description": f"Not a table of a pack: write [[{meant}]].",
        "items": [
            {
                "properties": {first: says},
                "if": {"not": {"required": [first]}},
                "then": {"properties": {second: says}},
            }
        ],
    }


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
