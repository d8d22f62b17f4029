"""Right-to-left text laid out for a terminal that does no bidirectional layout itself.

Most terminals, and xterm.js in the browser, draw characters in the order they are stored, so
Arabic shows reversed and its letters unjoined. With ``bidi = "app"`` (settings.toml; the
default) the workbook lays out each line itself: the text is wrapped in logical order first,
by the cells each line takes, then each line is joined into its letter shapes (arabic-reshaper)
and put in visual order (python-bidi, the Unicode bidirectional algorithm), and a paragraph
whose first strong letter is right to left is set against the right edge. With ``bidi =
"terminal"`` the text goes out in logical order, for terminals that do the layout (VTE,
Konsole, mlterm). Text is always stored and exported in logical order: this is for showing.
"""

from __future__ import annotations

import unicodedata
from typing import Literal

from workbook.text import cells, wrap

Mode = Literal["app", "terminal"]
APP: Mode = "app"
TERMINAL: Mode = "terminal"
MODES: tuple[Mode, ...] = (APP, TERMINAL)


def mode(value: object) -> Mode:
    """The ``bidi`` setting as written, or the default for anything else."""
    return TERMINAL if value == TERMINAL else APP


def _direction(char: str) -> str:
    return unicodedata.bidirectional(char)


def has_rtl(text: str) -> bool:
    """True when ``text`` holds a right-to-left letter (Arabic, Hebrew, ...)."""
    return any(_direction(char) in ("R", "AL") for char in text)


def base_rtl(paragraph: str) -> bool:
    """True when the paragraph's first strong letter is right to left (rule P2 of the
    algorithm); a paragraph with none is left to right."""
    for char in paragraph:
        direction = _direction(char)
        if direction in ("R", "AL"):
            return True
        if direction == "L":
            return False
    return False


def visual(line: str, rtl: bool | None = None) -> str:
    """One line (no newline) in the order a left-to-right terminal must draw it, Arabic
    letters in their joined forms. ``rtl`` gives the paragraph's direction (else its first
    strong letter's)."""
    if not has_rtl(line):
        return line
    import arabic_reshaper
    from bidi import get_display

    rtl = base_rtl(line) if rtl is None else rtl
    shaped = arabic_reshaper.reshape(line)
    return str(get_display(shaped, base_dir="R" if rtl else "L"))


def lay_out(text: str, width: int, how: Mode = APP) -> list[tuple[str, bool]]:
    """``text`` as the lines a screen ``width`` cells wide shows, each with whether it is set
    against the right edge. With ``how = "terminal"`` the lines are wrapped and left in
    logical order."""
    out: list[tuple[str, bool]] = []
    width = max(width, 1)
    for paragraph in text.split("\n"):
        rtl = base_rtl(paragraph)
        for line in wrap(paragraph, width):
            if how == APP:
                out.append((visual(line, rtl), rtl))
            else:
                out.append((line, False))
    return out


def aligned(text: str, width: int, how: Mode = APP) -> list[str]:
    """``lay_out``'s lines, a right-to-left paragraph's padded on the left to ``width``."""
    return [
        " " * max(width - cells(line), 0) + line if right else line
        for line, right in lay_out(text, width, how)
    ]
