"""The keys in force: every binding has an id, ``[keymap]`` in settings.toml can change it, and in
a browser no action depends only on a key the browser keeps for itself (DESIGN.md section 9b).

The keymap is read leniently: an unknown id or a key that is not a key is reported once and left
out; the rest is used.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

from workbook.i18n.catalog import N_
from workbook.i18n.said import Words

# Keys a browser acts on before the page sees them (new window, close tab, new tab, next tab,
# quit), so a page never receives them.
RESERVED = frozenset(
    {
        "ctrl+n",
        "ctrl+w",
        "ctrl+t",
        "ctrl+q",
        "ctrl+tab",
        "ctrl+shift+tab",
        "ctrl+shift+n",
        "ctrl+shift+w",
        "ctrl+shift+t",
        "ctrl+shift+q",
        "ctrl+pageup",
        "ctrl+pagedown",
        "f11",
    }
)

# In a browser, the keys that stand in for reserved ones: Alt+letter reaches the page in every
# browser, and F8 works where Option+letter types a character (a Mac). Back and Quit get Alt keys
# too, so that the three go together; Ctrl+B reaches the page, Ctrl+Q may not.
IN_A_BROWSER = {
    "walk.next": "alt+n,f8,ctrl+n",
    "walk.back": "alt+b,ctrl+b",
    "apart.next": "alt+n,f8,ctrl+n",
    "apart.done": "alt+n,f8,ctrl+n",
    "apart.change": "alt+n,f8,ctrl+n",
    "apart.back": "alt+b,ctrl+b",
    "app.quit": "alt+q,ctrl+q",
    "console.new-note": "alt+n,ctrl+n",
    "notes-pane.new-note": "alt+n,ctrl+n,ctrl+enter",
}

_MODIFIERS = ("ctrl", "alt", "shift", "meta", "super", "hyper")
_NAMED = frozenset(
    {
        "up", "down", "left", "right", "home", "end", "pageup", "pagedown", "insert", "delete",
        "backspace", "tab", "enter", "escape", "space",
    }
)  # fmt: skip
_FKEY = re.compile(r"f([1-9]|1[0-9]|2[0-4])")
_SHOWN = {
    "escape": "Esc",
    "delete": "Del",
    "question_mark": "?",
    "slash": "/",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "plus": "+",
    "minus": "-",
    "equals_sign": "=",
    "pageup": "PgUp",
    "pagedown": "PgDn",
    "up": "↑",
    "down": "↓",
    "left": "←",
    "right": "→",
}


def is_key(key: str) -> bool:
    """True for one key as Textual names it: ``alt+n``, ``f8``, ``question_mark``, ``?``."""
    *modifiers, name = key.strip().lower().split("+") if key.strip() != "+" else ["+"]
    if any(m not in _MODIFIERS for m in modifiers) or len(set(modifiers)) != len(modifiers):
        return False
    if len(name) == 1:
        return name.isprintable() and not name.isspace()
    if name in _NAMED or _FKEY.fullmatch(name):
        return True
    try:
        return len(unicodedata.lookup(name.replace("_", " "))) == 1
    except KeyError:
        return False


def read_keymap(table: Any, known: Iterable[str]) -> tuple[dict[str, str], list[Words]]:
    """The ``[keymap]`` table as Textual's keymap, and what in it was not used, and why (said
    in the app's language where it is shown)."""
    if table is None:
        return {}, []
    if not isinstance(table, Mapping):
        return {}, [Words(N_("[keymap] is not a table of binding ids and keys"))]
    ids = set(known)
    keymap: dict[str, str] = {}
    problems: list[Words] = []
    for binding_id, keys in table.items():
        shown = str(binding_id)[:40]
        if binding_id not in ids:
            problems.append(
                Words(N_('"{binding}" is not a binding id (see docs/keys.md)'), binding=shown)
            )
            continue
        listed = keys.split(",") if isinstance(keys, str) else keys
        if not isinstance(listed, list):
            listed = [None]
        good = [str(k).strip().lower() for k in listed if isinstance(k, str) and is_key(k)]
        if not good or len(good) != len(listed):
            said = N_('"{binding}": {keys} is not a list of keys')
            problems.append(Words(said, binding=shown, keys=repr(str(keys)[:40])))
            continue
        keymap[binding_id] = ",".join(good)
    return keymap, problems


def in_force(
    user: Mapping[str, str], in_browser: bool, or_: str = " or "
) -> tuple[dict[str, str], list[Words]]:
    """The keymap to use: the user's, over the browser's stand-ins when served. A user's key
    that a browser keeps gets the stand-in beside it, with a note (keys joined by ``or_``)."""
    if not in_browser:
        return dict(user), []
    keymap = {**IN_A_BROWSER, **user}
    notes: list[Words] = []
    for binding_id, keys in user.items():
        if all(key in RESERVED for key in keys.split(",")):
            stand_in = IN_A_BROWSER.get(binding_id, "")
            kept = label(keys, or_=or_)
            if stand_in:
                said = N_("{keys} is kept by browsers; {others} works as well")
                notes.append(Words(said, keys=kept, others=label(stand_in, or_=or_)))
            else:
                notes.append(Words(N_("{keys} is kept by browsers; choose another key"), keys=kept))
            if stand_in:
                keymap[binding_id] = f"{keys},{stand_in}"
    return keymap, notes


def label(keys: str, reachable: bool = False, first: bool = False, or_: str = " or ") -> str:
    """Keys as the help shows them: ``alt+n,f8`` is "Alt+N or F8"; with ``reachable``, the keys
    a browser keeps are left out; with ``first``, only the first key (of those) is shown."""
    shown: list[str] = []
    for key in keys.split(","):
        if (reachable and key in RESERVED) or (first and shown):
            continue
        *modifiers, last = key.split("+") if key != "+" else ["+"]
        words = [m.capitalize() for m in modifiers]
        if len(last) == 1:
            # A letter alone is the letter as typed; with a modifier it is named as on the key.
            words.append(last.upper() if modifiers else last)
        elif _FKEY.fullmatch(last):
            words.append(last.upper())
        else:
            words.append(_SHOWN.get(last, last.replace("_", " ").capitalize()))
        shown.append("+".join(words))
    return or_.join(shown)
