"""The pseudo-language (``en-XA``) for tests: every letter accented, each message 40% longer.

A word on screen that is still plain ASCII did not go through the catalog; a line that is cut
could not take a longer language. Placeholders (``{me}``, ``%(count)s``), Markdown marks and
digits are kept exactly, so a message still works as the template it is.
"""

from __future__ import annotations

import math
import re

_ACCENTED = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "àƀçđéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÀƁÇĐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ",
)
# What must reach the template untouched: {name}, {{ and }}, %(name)s and %s, and $name.
# Textual's markup tags too ([b], [/b], [$accent], [bold $warning]): a message may style words.
_KEPT = re.compile(
    r"\{\{|\}\}|\{[^{}]*\}|%\([a-z_]+\)[sd]|%[sd]|\$[a-z_]+"
    r"|\[/?(?:[a-z]+(?: \$?[a-z-]+)*|\$[a-z-]+)?\]"
)
PAD = "·"
GROWTH = 0.4


def pseudo(message: str) -> str:
    """``message`` accented and padded to 140% of its length (at least one mark more)."""
    if not message:
        return message
    out: list[str] = []
    at = 0
    for kept in _KEPT.finditer(message):
        out.append(message[at : kept.start()].translate(_ACCENTED))
        out.append(kept.group(0))
        at = kept.end()
    out.append(message[at:].translate(_ACCENTED))
    text = "".join(out)
    extra = max(1, math.ceil(len(message) * GROWTH))
    # Padding goes before a final newline, so multi-line messages keep their shape.
    if text.endswith("\n"):
        return text[:-1] + PAD * extra + "\n"
    return text + PAD * extra


def is_pseudo(text: str) -> bool:
    """True when ``text`` has no letter left in plain ASCII (it went through the catalog)."""
    stripped = _KEPT.sub("", text)
    return not re.search(r"[A-Za-z]", stripped)
