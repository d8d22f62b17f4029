"""The JSON Schema of the pack format, made from the models, for editors and tools.

Editors built on Taplo (such as VS Code's Even Better TOML) read it through a ``#:schema`` line.
Pydantic describes a step as a ``oneOf`` with a ``discriminator``, which is not JSON Schema: a
validator that ignores the discriminator tries every kind and reports a step's whole table as
matching none of them. Here a step's schema is chosen by its ``kind`` with ``if``/``then``, so one
mistake gets one message, about the key it concerns. The kinds are chained through ``else``
rather than listed in ``allOf``: Taplo's completion leaves out the keys of a schema that has an
``allOf``, and follows neither ``if`` nor ``then``, so a step's own ``properties`` list every key
of every kind, with its words, for completion and hover, and the chosen kind checks them.

Unknown, misspelt and misplaced keys, and a step's missing keys, get one message each, on one
line, rather than one on every key of their table (``schema_keys.py``).
"""

from __future__ import annotations

from typing import Any

from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from workbook.packs import schema_keys
from workbook.packs.models import FORMAT, KINDS, STEP_MODELS, Band, Pack, Score, Task
from workbook.packs.rules import SEALED, article

# Draft 7: the first table of [[step]] is singled out with "items" as a list, which Taplo reads
# and draft 2020-12 spells "prefixItems", which Taplo does not.
SCHEMA_DIALECT = "http://json-schema.org/draft-07/schema#"
# Keys whose lists must not repeat an entry (validate also ignores case and spaces at the ends).
UNIQUE = ("options", "items", "questions")

# The descriptions, in the words of docs/authoring.md.
PACK_KEYS = {
    "format": "The version of the pack format. Required; only 1 exists.",
    "id": "The pack's id: lowercase letters, digits and dashes, unique in the library. Required.",
    "title": "The pack's title, as plain text. Required.",
    "summary": "What the pack is about, in a sentence or two. Required.",
    "minutes": "A suggested length, in minutes (1 to 600).",
    "topics": "Tags for the pack.",
    "credits": "Who wrote the pack, and where its ideas come from.",
    "recurring": "true for check-ins: their scale answers form trends over time.",
    "language": (
        'The language the pack is written in, as a BCP 47 tag ("en", "es", "ar"); "en" when '
        "left out."
    ),
    "steps": "The steps, in order. Each starts with a [[steps]] line.",
    "scores": (
        "Scores per partner from scale answers, a measure over time. Each starts with a "
        "[[scores]] line."
    ),
}
STEP_KEYS = {
    "id": "The step's id: lowercase letters, digits and dashes, unique in the pack. Required.",
    "kind": f"What the couple does at this step: {', '.join(KINDS)}. Required.",
    "title": "A short heading for the step, as plain text; never {me} or {partner}.",
    "body": "The text both of you read, in Markdown; links are shown, never opened. Required.",
    "prompt": (
        "The question or instruction, as plain text. Required. {me} and {partner} name the "
        "partners where one partner at a time is addressed."
    ),
    "help": "More guidance under the prompt, in Markdown.",
    "answer": (
        "Who answers: each-private (the default: one answers while the other looks away), "
        "each-open (in turn, seeing each other's answers), together (one shared answer) or "
        "each-sealed (text, scale and choice: each answers alone, and the answers are never "
        "shown to the other nor kept in the couple's files; kept for a facilitator only)."
    ),
    "optional": "true lets the couple skip this step.",
    "max_chars": "The longest answer, in characters (1 to 100,000).",
    "done_by": (
        "Who would do what is written, when an agreement step offers it as a draft term: writer "
        "(the default), partner (the other partner) or both. A together answer is done by both."
    ),
    "items": (
        "Rate each of these one by one; without items the prompt itself is rated. Each is "
        "different, ignoring case and spaces at the ends."
    ),
    "min": "The lowest point of the scale (default 1).",
    "max": "The highest point of the scale (default 5); max - min is between 1 and 10.",
    "low": "A label for the lowest point.",
    "high": "A label for the highest point.",
    "labels": (
        "A label for every point of the scale, from min to max (max - min + 1 of them), such as "
        "a published measure's words for each answer."
    ),
    "gap": (
        "At the reveal, flag items where the two answers differ by gap or more (default 2); at "
        "most max - min."
    ),
    "options": (
        "The options, at least 2. Each is different, ignoring case and spaces at the ends."
    ),
    "pick_min": "The fewest options a partner picks (default 1).",
    "pick_max": (
        "The most options a partner picks (default 1): at most the number of options, plus one "
        "when other = true."
    ),
    "other": "true lets a partner write in an option of their own.",
    "options_from": (
        "The id of an earlier choice step: each partner ranks their own picks. Give this or "
        "options, not both."
    ),
    "tasks": (
        'A starter list, like { name = "Cooking dinner", minutes = 300 }; the couple adds, '
        "removes and edits tasks."
    ),
    "max_per_partner": "How many requests each partner may make (1 to 10, default 3).",
    "turn_minutes": "A time box for each speaker, in minutes (1 to 60).",
    "rounds": "How many times each partner speaks (1 to 5, default 1).",
    "from": (
        "Earlier steps whose outcomes are offered as draft terms (not read or agreement steps)."
    ),
    "review_days": "Days until each term comes up for review (1 to 366, default 28).",
    "questions": (
        "The questions (1 to 20): each partner answers each about themselves, then guesses the "
        "other's answers. Never {me} or {partner}. Each is different, ignoring case and spaces "
        "at the ends."
    ),
}
SCORE_KEYS = {
    "id": "The score's id: lowercase letters, digits and dashes, unique in the pack. Required.",
    "title": "The score's name, as plain text. Required.",
    "from": (
        "The scale steps of this pack that the score adds up, each answered by each partner "
        "(not together). Required."
    ),
    "method": "How the answers make the score: sum (the default) or mean.",
    "reverse": ('Answers counted the other way round (min + max - answer): "step" or "step.item".'),
    "bands": ('Labels for ranges of the score, rising, like { min = 14, label = "Doing well" }.'),
}
BAND_KEYS = {
    "min": "The lowest score of this band.",
    "label": "What a score from min up reads, as plain text.",
}
TASK_KEYS = {
    "name": "The task's name. Each is different, ignoring case and spaces at the ends. Required.",
    "minutes": "Minutes per week (0 to 10,080; default 0).",
}
RANK_OPTIONS = "The options to put in order, at least 2. Give this or options_from, not both."
# Words that differ for one kind, by kind.
KIND_KEYS: dict[str, dict[str, str]] = {"rank": {"options": RANK_OPTIONS}}


class _TomlSchema(GenerateJsonSchema):
    """TOML has no null: an optional key is simply left out, so the schema never offers null."""

    def nullable_schema(self, schema: core_schema.NullableSchema) -> JsonSchemaValue:
        return self.generate_inner(schema["schema"])

    def default_schema(self, schema: core_schema.WithDefaultSchema) -> JsonSchemaValue:
        generated = super().default_schema(schema)
        if generated.get("default", ...) is None:
            del generated["default"]
        return generated


def pack_schema() -> dict[str, Any]:
    """The JSON Schema that a pack file (read as TOML) satisfies."""
    made = Pack.model_json_schema(by_alias=True, schema_generator=_TomlSchema)
    defs: dict[str, Any] = made.pop("$defs")
    _describe(made, PACK_KEYS)
    made["properties"]["steps"]["items"] = {"$ref": "#/$defs/Step"}
    _describe(defs[Task.__name__], TASK_KEYS)
    _describe(defs[Score.__name__], SCORE_KEYS)
    _describe(defs[Band.__name__], BAND_KEYS)
    for name, model in STEP_MODELS.items():
        step = defs[model.__name__]
        _describe(step, {**STEP_KEYS, **KIND_KEYS.get(name, {})})
        for key in UNIQUE:
            if key in step["properties"]:
                step["properties"][key]["uniqueItems"] = True
        answer = step["properties"].get("answer")
        if answer is not None and not model.rules.sealable:
            answer["enum"] = [mode for mode in answer["enum"] if mode != SEALED]
    defs["Step"] = _step_by_kind()
    _one_message_per_key(made, defs)
    return {
        "$schema": SCHEMA_DIALECT,
        "title": f"workbook exercise pack, format {FORMAT}",
        **{key: value for key, value in made.items() if key != "title"},
        "$defs": defs,
    }


def _one_message_per_key(pack: dict[str, Any], defs: dict[str, Any]) -> None:
    """Unknown, misspelt and misplaced keys get one message each, on their own line
    (``schema_keys.py``)."""
    pack_keys = [key for key in _keys(Pack) if key not in ("steps", "scores")]
    owners: dict[str, list[str]] = {}
    for name, model in STEP_MODELS.items():
        for key in _keys(model):
            owners.setdefault(key, []).append(name)
    for name, model in STEP_MODELS.items():
        own = _keys(model)
        others = {key: kinds for key, kinds in owners.items() if name not in kinds}
        wrong = schema_keys.misplaced(name, own, others, pack_keys)
        # The kind's own name, "text" or "question" stand for the prompt (or a read's body).
        stand_ins = [
            key for key, said in wrong.items() if said["const"].startswith(("prompt,", "body,"))
        ]
        meant = "prompt" if "prompt" in own else "body"
        also = {meant: {"propertyNames": {"not": {"enum": stand_ins}}}} if stand_ins else {}
        _guard(defs[model.__name__], f"{article(name)} {name} step", own, wrong, also, kind=name)
    _guard(
        defs[Score.__name__],
        "a score",
        _keys(Score),
        schema_keys.misplaced("", _keys(Score), {}, pack_keys),
    )
    _guard(defs[Task.__name__], "a task", _keys(Task), {})
    _guard(defs[Band.__name__], "a band", _keys(Band), {})
    tables = {
        "step": schema_keys.wrong_table("step", "steps", "id", "kind"),
        "score": schema_keys.wrong_table("score", "scores", "id", "title"),
    }
    # A key of the pack written under a step is the step's problem, not also a missing one.
    under_a_step = {
        key: {"properties": {"steps": {"items": {"not": {"required": [key]}}}}}
        for key in ("format", "summary")
    }
    _guard(pack, "the pack", _keys(Pack), tables, under_a_step)


def _guard(
    table: dict[str, Any],
    what: str,
    own: list[str],
    wrong: dict[str, Any],
    also: dict[str, dict[str, Any]] | None = None,
    kind: str = "",
) -> None:
    table["properties"].update(wrong)
    known = [*own, *wrong]
    table["patternProperties"] = schema_keys.near_misses(own, known)
    table["additionalProperties"] = schema_keys.unknown(what, own)
    required = [key for key in table.pop("required", []) if key != "kind"]
    if kind:
        # A step: Taplo's completion reads the Step table, never a kind's, so allOf is fine here.
        table.update(schema_keys.needed_on_kind(kind, required, own, also or {}))
        table["required"] = ["kind"]
    else:
        table.update(schema_keys.required_unless_misspelt({}, required, own, also or {}))


def _describe(table: dict[str, Any], words: dict[str, str]) -> None:
    """Put the docs' words on each key, in place of the titles pydantic makes from field names."""
    table.pop("title", None)
    for key, schema in table["properties"].items():
        schema.pop("title", None)
        schema["description"] = words[key]


def _step_by_kind() -> dict[str, Any]:
    """A step: its kind chooses the one schema that checks the rest of its keys."""
    keys = dict.fromkeys(key for model in STEP_MODELS.values() for key in _keys(model))
    chosen: dict[str, Any] = {}
    for name in reversed(KINDS):
        branch = {
            # "type" too: a value that is not a table would pass a bare "required" vacuously.
            "if": {"type": "object", "properties": {"kind": {"const": name}}, "required": ["kind"]},
            "then": {"$ref": f"#/$defs/{STEP_MODELS[name].__name__}"},
        }
        if chosen:
            branch["else"] = chosen
        chosen = branch
    # For completion and hover, every key of every kind with its words; the branch checks them.
    properties: dict[str, Any] = {key: {"description": STEP_KEYS[key]} for key in keys}
    properties["kind"] = {"description": STEP_KEYS["kind"], "enum": list(KINDS)}
    # No kind matched: a kind that is misspelt says so on its own line; a missing one is asked
    # for here, unless a near miss of "kind" is there.
    last: dict[str, Any] = chosen
    while "else" in last:
        last = last["else"]
    every = list(keys)
    last["else"] = {
        "patternProperties": schema_keys.near_misses(["kind"], every),
        **schema_keys.required_unless_misspelt({}, ["kind"], every, {}),
    }
    return {
        "type": "object",
        "description": "One step of the pack, in a [[steps]] table.",
        "properties": properties,
        **chosen,
    }


def _keys(model: Any) -> list[str]:
    return [info.alias or name for name, info in model.model_fields.items()]
