"""A gettext catalog read straight from its ``.po`` file, as the app loads it.

Babel writes and checks the catalogs (``extract.py``, the tests), but loading one with Babel
costs its CLDR data and its import, a third of a second on a busy machine: more than the
start-up allows. A ``.po`` file is simple (``msgctxt``, ``msgid``, ``msgid_plural``,
``msgstr[n]``, quoted C strings, comments), so the app reads it here, in a few milliseconds,
and takes the plural rule from the catalog's own ``Plural-Forms`` header as gettext does.
Fuzzy entries are left out, as gettext leaves them out.
"""

from __future__ import annotations

import ast
import gettext
import re
from collections.abc import Callable
from pathlib import Path

Key = tuple[str | None, str]
_PLURAL = re.compile(r"plural\s*=\s*([^;\n]+)")


def _unquote(text: str) -> str:
    value = ast.literal_eval(text.strip())
    if not isinstance(value, str):
        raise ValueError(f"not a string: {text!r}")
    return value


def read(path: Path) -> tuple[dict[Key, list[str]], Callable[[int], int]]:
    """The translations of the ``.po`` file at ``path`` (by context and id; a plural entry's
    key is its singular id) and its plural rule."""
    entries: dict[Key, list[str]] = {}
    entry: dict[str, str] = {}
    forms: dict[int, str] = {}
    field: tuple[str, int] | None = None
    fuzzy = False

    def finish() -> None:
        nonlocal entry, forms, field, fuzzy
        if "msgid" in entry and not fuzzy:
            strings = [forms[i] for i in sorted(forms)]
            if (strings and all(strings)) or entry["msgid"] == "":
                entries[(entry.get("msgctxt"), entry["msgid"])] = strings
        entry, forms, field, fuzzy = {}, {}, None, False

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            finish()
            continue
        if line.startswith("#"):
            if line.startswith("#,") and "fuzzy" in line:
                if entry or forms:
                    finish()
                fuzzy = True
            continue
        if line.startswith('"'):
            if field is not None:
                name, index = field
                if name == "msgstr":
                    forms[index] += _unquote(line)
                else:
                    entry[name] += _unquote(line)
            continue
        keyword, _, rest = line.partition(" ")
        if keyword in ("msgctxt", "msgid") and "msgid" in entry and forms:
            fuzzy_next = fuzzy
            finish()
            fuzzy = fuzzy_next
        if keyword.startswith("msgstr"):
            index = int(keyword[7:-1]) if keyword.startswith("msgstr[") else 0
            forms[index] = _unquote(rest)
            field = ("msgstr", index)
        elif keyword in ("msgctxt", "msgid", "msgid_plural"):
            entry[keyword] = _unquote(rest)
            field = (keyword, 0)
    finish()
    header = "".join(entries.get((None, ""), [""]))
    found = _PLURAL.search(header)
    rule = gettext.c2py(found.group(1)) if found else (lambda n: int(n != 1))
    return entries, rule


class PoTranslations(gettext.NullTranslations):
    """``gettext``'s interface over the catalogs read by ``read``, merged: a language's
    ``.po`` files (``workbook.po``, ``tui.po``) are one catalog. Where two translate the same
    message, the first named wins; the plural rule is the first file's (they must agree, as
    ``tests/test_i18n.py`` checks)."""

    def __init__(self, *paths: Path) -> None:
        super().__init__()
        self._entries: dict[Key, list[str]] = {}
        self._rule: Callable[[int], int] = lambda n: int(n != 1)
        for number, path in enumerate(paths):
            entries, rule = read(path)
            if number == 0:
                self._rule = rule
            for key, strings in entries.items():
                self._entries.setdefault(key, strings)

    def _find(self, context: str | None, message: str) -> list[str] | None:
        return self._entries.get((context, message))

    def _plural(self, context: str | None, singular: str, plural: str, n: int) -> str:
        found = self._find(context, singular)
        if found is None or len(found) < 2:
            return singular if n == 1 else plural
        index = self._rule(n)
        return found[index] if 0 <= index < len(found) else found[-1]

    def gettext(self, message: str) -> str:
        found = self._find(None, message)
        return found[0] if found else message

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return self._plural(None, msgid1, msgid2, n)

    def pgettext(self, context: str, message: str) -> str:
        found = self._find(context, message)
        return found[0] if found else message

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        return self._plural(context, msgid1, msgid2, n)
