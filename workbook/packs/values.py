"""A value the parser could not read: text without quotes, or a quote inside text.

Quotes are the fix for text, but not for every key: ``minutes = 30 minutes`` needs a number,
``id = My Pack`` an id, ``other = yes`` true or false. The message says what the key takes, and
the edit writes only a value that the key accepts.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from workbook.packs.keytypes import ID, NUMBER, TRUTH, fits, kinds_of_key, slug
from workbook.packs.rules import ID_PATTERN, KeyPath
from workbook.packs.scan import Statement

if TYPE_CHECKING:
    from workbook.packs.explaining import Explained, Reading

_SHOWN = 50
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_TRUTHS = {"yes": "true", "no": "false", "on": "true", "off": "false"}


def unquoted(ex: Reading, statement: Statement, path: KeyPath) -> Explained:
    """A value that starts with a letter or a digit and is not a number, true or false."""
    text = ex.rest_of_line(statement.value).strip()
    # A comment after the text is not part of it.
    plain = re.split(r"[ \t]+#", text, maxsplit=1)[0].strip()
    key = ".".join(statement.keys)
    last = statement.keys[-1] if statement.keys else ""
    kinds = {kind for kind, _ in kinds_of_key(last)}
    span = (statement.value, statement.value + len(plain))
    if kinds == {NUMBER}:
        number = _NUMBER.match(plain)
        if number is not None:
            return ex.made(
                statement.value,
                path,
                f"{key} is a number: write {key} = {number.group(0)}",
                "write the number alone, without words",
                ((*span, number.group(0)),),
            )
        return ex.made(
            statement.value,
            path,
            f"{key} is a number, like {key} = 20, not text",
            "write a number",
        )
    if kinds == {TRUTH}:
        truth = _TRUTHS.get(plain.lower(), plain.lower())
        if truth in ("true", "false"):
            return ex.made(
                statement.value,
                path,
                f"{key} is true or false: write {key} = {truth}",
                f"write {truth}",
                ((*span, truth),),
            )
        return ex.made(
            statement.value, path, f"{key} is true or false, not text", "write true or false"
        )
    if kinds == {ID} and not re.match(ID_PATTERN, plain):
        made = slug(plain)
        return ex.made(
            statement.value,
            path,
            f"an id is in quotes, in lowercase letters, digits and dashes: write "
            f'{key} = "{made or "my-id"}"',
            "write the id in quotes",
            ((*span, f'"{made}"'),) if made else (),
        )
    quoted = plain.replace("\\", "\\\\").replace('"', '\\"')
    return ex.made(
        statement.value,
        path,
        f'text must be in quotes: write {key} = "{_short(quoted)}"',
        "put the text in quotes",
        ((*span, f'"{quoted}"'),) if fits(last, plain) else (),
    )


def quote_inside(ex: Reading, statement: Statement, path: KeyPath, first: str) -> Explained:
    """The text ended at a quote that was meant to be inside it."""
    how = (
        "write \\\" or put the text in 'single quotes'"
        if first == '"'
        else 'put the text in "double quotes"'
    )
    line = ex.rest_of_line(statement.value).rstrip(" \t\r")
    inner = line[1:-1]
    edits: tuple[tuple[int, int, str], ...] = ()
    if len(line) > 2 and line.endswith(first) and "\\" not in inner:
        if first == '"':
            edits = (
                (
                    statement.value,
                    statement.value + len(line),
                    f'"{inner.replace(first, chr(92) + first)}"',
                ),
            )
        elif '"' not in inner:
            edits = ((statement.value, statement.value + len(line), f'"{inner}"'),)
    return ex.made(
        ex.at,
        path,
        f"the text ended at the {first} just before this: to put {first} inside text, {how}",
        'write \\" for each quote inside the text'
        if first == '"'
        else "put the text in double quotes",
        edits,
    )


def _short(text: str) -> str:
    return text if len(text) <= _SHOWN else text[: _SHOWN - 3] + "..."
