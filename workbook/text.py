"""The one place that makes user and pack text safe to keep, show and export.

Text is cleaned as it comes in (typing, pasting, loading a file) and again before it is shown or
exported, so that text read from a file somebody edited by hand is held to the same rules.
"""

from __future__ import annotations

import re
import unicodedata

# C0 controls except tab and newline, DEL, and the C1 controls: they move the cursor, change
# colours or talk to the terminal, so none of them may reach a screen or a file.
_CONTROL = "\x00-\x08\x0b-\x1f\x7f-\x9f"
# Bidirectional embeddings, overrides and isolates can make text read differently from what it
# is ("Trojan Source"). The plain marks LRM, RLM and ALM only nudge neutral characters: they stay.
_BIDI = "\u202a-\u202e\u2066-\u2069"
_UNSAFE = re.compile(f"[{_CONTROL}{_BIDI}]")
# A lone surrogate cannot be encoded as UTF-8, so a save would fail on it.
_SURROGATE = re.compile("[\ud800-\udfff]")
_NEWLINES = re.compile("\r\n|\r|\u2028|\u2029|\x85")
_LINE_BREAKS = re.compile(r"\s*\n\s*")


def clean(text: str) -> str:
    """Return ``text`` with newlines normalised and unsafe characters removed.

    Tabs and newlines stay, so multi-line answers keep their lines.
    """
    # Printable text has no controls, newlines, bidirectional marks or surrogates: nothing to
    # do. Most text is, and a case record cleans tens of thousands of strings.
    if text.isprintable():
        return text
    text = _NEWLINES.sub("\n", text)
    text = _SURROGATE.sub("\ufffd", text)
    return _UNSAFE.sub("", text)


def clean_line(text: str) -> str:
    """Return ``text`` cleaned for a one-line field such as a name: no newlines, no tabs."""
    text = _LINE_BREAKS.sub(" ", clean(text))
    return text.replace("\t", " ").strip()


_EMOJI_STYLE = "\ufe0f"
_JOINER = "\u200d"


def one_width(text: str) -> str:
    """``text`` for a screen, with the emoji variation selector (U+FE0F) dropped after a
    character that is narrow on its own, such as ❤ in ❤️.

    Terminals disagree on how wide ❤️ is: some draw it in two cells, some in one, and layout
    code may count either. Without the selector it is the text heart, one cell everywhere, so
    columns and borders line up. Selectors inside a joined sequence (👩‍❤️‍👨) are kept, and so
    is the stored text: this is for showing only.
    """
    if _EMOJI_STYLE not in text:
        return text
    kept = []
    for index, char in enumerate(text):
        if char == _EMOJI_STYLE and index > 0:
            before = text[index - 1]
            after = text[index + 1] if index + 1 < len(text) else ""
            joined = _JOINER in (after, text[index - 2] if index > 1 else "")
            if not joined and unicodedata.east_asian_width(before) not in ("W", "F"):
                continue
        kept.append(char)
    return "".join(kept)


def is_clean(text: str) -> bool:
    """True when ``clean`` would leave ``text`` unchanged."""
    return clean(text) == text


def cells(text: str) -> int:
    """The columns a terminal gives ``text``: two for a wide character (日, 🙂), none for a
    combining mark, a joiner or what a joiner joins (👩‍❤️‍👨 is two), one for the rest.

    The pure layers measure with this (they never import Rich); the screens measure with Rich's
    ``cell_len``, which agrees on the text the workbook shows (``one_width``).
    """
    total = 0
    joined = False
    for char in text:
        if char == _JOINER:
            joined = True
            continue
        if joined:
            joined = False
            continue
        if unicodedata.combining(char) or "\ufe00" <= char <= "\ufe0f":
            continue
        if unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        total += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return total


def fit(text: str, width: int) -> str:
    """``text`` cut to at most ``width`` cells, then padded with spaces to exactly ``width``."""
    end = len(text)
    while end and cells(text[:end]) > width:
        end -= 1
    kept = text[:end]
    return kept + " " * (width - cells(kept))


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` cells: broken at spaces, and inside a word only
    when the word alone is wider (as Chinese and Japanese, written without spaces, always are).
    """
    lines: list[str] = []
    line = ""
    for word in text.split():
        joined = f"{line} {word}" if line else word
        if cells(joined) <= width:
            line = joined
            continue
        if line:
            lines.append(line)
        while cells(word) > width:
            cut = fit(word, width).rstrip(" ")
            cut = cut or word[0]
            lines.append(cut)
            word = word[len(cut) :]
        line = word
    if line or not lines:
        lines.append(line)
    return lines
