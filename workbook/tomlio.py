"""Reading and writing TOML, in one place.

Python 3.14's ``tomllib`` and ``tomli`` 2.1 and later both put the line and column on their parse
errors, which the located error messages need; older ``tomllib`` versions only end their message
with them ("(at line 3, column 7)"). ``place`` and ``words`` take an error apart either way, and
never fail on one that says something else.

Both the parser and the writer recurse once per level of nesting, so a hostile document nested a
few hundred levels deep would raise ``RecursionError``. Here that becomes an ordinary parse error,
and ``too_deep`` lets a caller refuse such data before anything else walks it.
"""

from __future__ import annotations

import re
import sys
from typing import Any, TypeGuard

import tomli_w

if sys.version_info >= (3, 14):  # pragma: no cover - depends on the Python version
    import tomllib as _reader
else:  # pragma: no cover
    import tomli as _reader

TOMLDecodeError = _reader.TOMLDecodeError
# Deeper than any file of ours needs, and far below the depth where Python runs out of stack.
MAX_DEPTH = 32
_NESTING = re.compile(r"[\[\{.]")
# Where an older parser's message says it stopped; ASCII digits only, and not too many of them.
_AT_PLACE = re.compile(r"\(at line ([0-9]{1,9}), column ([0-9]{1,9})\)\s*\Z")
_AT_END = re.compile(r"\(at end of document\)\s*\Z")


def loads(text: str) -> dict[str, Any]:
    """Parse a TOML document; raises ``TOMLDecodeError``, also for nesting too deep to parse."""
    try:
        return _reader.loads(text)
    except RecursionError:
        raise TOMLDecodeError(
            "values or keys are nested too deeply to read", text, _deepest_line(text)
        ) from None


def place(error: Exception) -> tuple[int, int] | None:
    """The line and column where the parser stopped, both from 1, as it gives them: on the
    error (``lineno``, ``colno``), else at the end of its message; None when it gives neither,
    or something that is not a sensible number."""
    line, column = getattr(error, "lineno", None), getattr(error, "colno", None)
    if _sensible(line) and _sensible(column):
        return line, column
    found = _AT_PLACE.search(_message(error))
    if found is None:
        return None
    line, column = int(found.group(1)), int(found.group(2))
    return (line, column) if _sensible(line) and _sensible(column) else None


def words(error: Exception) -> str:
    """The parser's own words for what is wrong (in English), without where."""
    said = _message(error)
    return _AT_END.sub("", _AT_PLACE.sub("", said)).rstrip()


def _message(error: Exception) -> str:
    given = getattr(error, "msg", None)
    if isinstance(given, str):
        return given
    try:
        return str(error)
    except Exception:  # an error whose own words cannot even be made: none, then
        return ""


def _sensible(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value < 10**9


def dumps(data: dict[str, Any]) -> str:
    """Write ``data`` as a TOML document, with multi-line strings where a value has newlines.

    Raises ``ValueError`` for data that cannot be written, nesting too deep included.
    """
    try:
        return tomli_w.dumps(data, multiline_strings=True)
    except RecursionError:
        raise ValueError("values are nested too deeply to write") from None
    except TypeError as error:
        raise ValueError(str(error)) from error


def too_deep(value: Any, limit: int = MAX_DEPTH) -> tuple[str | int, ...] | None:
    """The key path of the first value nested deeper than ``limit``, or None.

    Walks without recursion, so any depth is safe to check.
    """
    # Only containers are followed, with their depth; the path is worked out only when one is
    # too deep (a data file has thousands of values, and this runs on every read).
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict):
            node = node.values()
        elif not isinstance(node, list):
            continue
        if node and depth >= limit:
            # Its children are deeper than the limit.
            return _path_to(value, limit + 1)
        stack += [(child, depth + 1) for child in node if isinstance(child, dict | list)]
    return None


def _path_to(value: Any, depth: int) -> tuple[str | int, ...]:
    """The key path of the first container found at ``depth``."""
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(value, ())]
    while stack:
        node, path = stack.pop()
        if len(path) == depth:
            return path
        if isinstance(node, dict):
            stack += [(child, (*path, str(key))) for key, child in node.items()]
        elif isinstance(node, list):
            stack += [(child, (*path, index)) for index, child in enumerate(node)]
    return ()


def _deepest_line(text: str) -> int:
    """The start of the line with the most brackets and dots: where deep nesting is written."""
    best, best_count, start = 0, -1, 0
    for line in text.split("\n"):
        count = len(_NESTING.findall(line))
        if count > best_count:
            best, best_count = start, count
        start += len(line) + 1
    return best
