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

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import Literal, TypeVar

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
    # Asked of every line every widget draws (tui/bidi_lines.py): most are ASCII.
    if text.isascii():
        return False
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
    letters in their joined forms: python-bidi's order of the reshaped line, with brackets in
    right-to-left runs mirrored (rule L4, which its ``get_display`` leaves out). ``rtl`` gives
    the paragraph's direction (else its first strong letter's)."""
    if not has_rtl(line):
        return line
    return _laid_out(line, base_rtl(line) if rtl is None else rtl)[0]


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


S = TypeVar("S")


def visual_runs(
    runs: Sequence[tuple[str, S]], rtl: bool | None = None, lead: int = 0
) -> list[tuple[str, S]]:
    """One line already wrapped, as runs of text each with its style, in logical order: the
    runs a left-to-right terminal must draw. The letters are ``visual``'s and each keeps its
    style. Spaces at the two ends of the line stay where they are, so a line that was centred
    or set against an edge stays so; a line shortened by joining (lam and alef make one
    letter) is padded back to its cells on the side it starts from. The line's first ``lead``
    characters are one unit kept as it is, where the line starts (a key's name before what it
    does, "^q" in "^q خروج": on the right, whole, in a right-to-left line)."""
    text = "".join(part for part, _ in runs)
    if not has_rtl(text):
        return list(runs)
    if lead > 0 and (base_rtl(text) if rtl is None else rtl):
        head, tail = cut_runs(runs, lead)
        # Spaces around the words are mirrored: those between the key and them stay between.
        text = "".join(part for part, _ in tail)
        gap, end = len(text) - len(text.lstrip(" ")), len(text.rstrip(" "))
        spaces, rest = cut_runs(tail, gap)
        words, after = cut_runs(rest, end - gap)
        return _joined([*after, *visual_runs(words, True), *spaces, *head])
    styles = [style for part, style in runs for _ in part]
    start = len(text) - len(text.lstrip(" "))
    end = len(text.rstrip(" "))
    core = text[start:end]
    rtl = base_rtl(core) if rtl is None else rtl
    shown, owners = _laid_out(core, rtl)
    chars = [(char, styles[start + owner]) for char, owner in zip(shown, owners, strict=True)]
    short = cells(core) - cells(shown)
    if short > 0:
        pad = [(" ", styles[end - 1])] * short
        chars = pad + chars if rtl else chars + pad
    chars = list(zip(text[:start], styles[:start], strict=True)) + chars
    chars += list(zip(text[end:], styles[end:], strict=True))
    return _joined(chars)


def _joined(runs: Sequence[tuple[str, S]]) -> list[tuple[str, S]]:
    """``runs`` with neighbours of the same style made one."""
    out: list[tuple[str, S]] = []
    for part, style in runs:
        if not part:
            continue
        if out and out[-1][1] == style:
            out[-1] = (out[-1][0] + part, style)
        else:
            out.append((part, style))
    return out


def cut_runs(
    runs: Sequence[tuple[str, S]], at: int
) -> tuple[list[tuple[str, S]], list[tuple[str, S]]]:
    """``runs`` (text and style) cut after their first ``at`` characters."""
    head: list[tuple[str, S]] = []
    tail: list[tuple[str, S]] = []
    for part, style in runs:
        room = at - sum(len(text) for text, _ in head)
        if room >= len(part):
            head.append((part, style))
        elif room > 0:
            head.append((part[:room], style))
            tail.append((part[room:], style))
        else:
            tail.append((part, style))
    return head, tail


# A key named with a modifier or a caret ("Shift+↑", "Ctrl+[", "^q"), as the app names keys
# (``tui/keys.label``; Textual's footer): one unit, left to right, as on the keyboard, where
# the algorithm would put a trailing arrow or bracket before the rest ("↑+Shift", "q^").
KEY_NAME = re.compile(
    r"(?<![A-Za-z])(?:(?:Ctrl|Alt|Shift|Meta|Super|Hyper)\+)+(?:[A-Za-z0-9]+|\S)|\^\S"
)
# A letter of the left-to-right class that no text uses (private use): a key stands in as it.
_STRONG = "\ue000"


def _keys_kept(line: str) -> tuple[str, set[int]]:
    """``line`` with each key's name (``KEY_NAME``) made of strong left-to-right letters, and the
    places of those letters."""
    kept: set[int] = set()
    for found in KEY_NAME.finditer(line):
        kept.update(range(found.start(), found.end()))
    if not kept:
        return line, kept
    return "".join(_STRONG if at in kept else char for at, char in enumerate(line)), kept


@lru_cache(maxsize=512)
def _laid_out(core: str, rtl: bool) -> tuple[str, tuple[int, ...]]:
    """``visual(core)`` and, for each of its letters, the place in ``core`` it came from."""
    masked, kept = _keys_kept(core)
    shown, owners = _reordered(masked, rtl)
    if kept:
        shown = "".join(
            core[owner] if owner in kept else char
            for char, owner in zip(shown, owners, strict=True)
        )
    return shown, owners


def _reordered(core: str, rtl: bool) -> tuple[str, tuple[int, ...]]:
    import arabic_reshaper
    from bidi import get_display

    shaped = arabic_reshaper.reshape(core)
    shown = str(get_display(shaped, base_dir="R" if rtl else "L"))
    # Joining keeps one letter for one letter, except a ligature (two letters, one shape) and
    # a dropped vowel mark: then each shape's owner is found from the prefixes' lengths.
    if len(shaped) == len(core):
        source = list(range(len(core)))
    else:
        source = []
        for place in range(len(core)):
            grown = len(arabic_reshaper.reshape(core[: place + 1]))
            source += [place] * max(grown - len(source), 0)
        source = (source + [len(core) - 1] * len(shaped))[: len(shaped)]
    return _mirrored(shaped, shown, _sources(shaped, shown, _order(shaped, rtl)), source)


def _sources(shaped: str, shown: str, order: list[tuple[int, int]]) -> list[int]:
    """For each letter of ``shown``, its place in ``shaped``. python-bidi's fast
    ``get_display`` does not say; its pure Python steps (``order``: place and level in visual
    order) do, but lack the rule for bracket pairs, so each shown letter takes the same letter
    of ``shaped`` that those steps put nearest to it."""
    guide = {place: at for at, (place, _) in enumerate(order)}
    free: dict[str, list[int]] = {}
    for place, char in enumerate(shaped):
        free.setdefault(char, []).append(place)
    out = []
    for at, char in enumerate(shown):
        places = free.get(char)
        if places:
            # A letter those steps leave out (a format character, rule X9) is taken where met.
            best = min(places, key=lambda place: abs(guide.get(place, at) - at))
            places.remove(best)
        else:  # never seen: get_display only moves letters
            best = order[min(at, len(order) - 1)][0]
        out.append(best)
    return out


_PAIRS = {"(": ")", "[": "]", "{": "}"}


def _mirrored(
    shaped: str, shown: str, sources: list[int], source: list[int]
) -> tuple[str, tuple[int, ...]]:
    """``shown`` with each bracket pair that the order turned round mirrored (rule L4, which
    python-bidi's ``get_display`` leaves out), and each letter's place in the logical line."""
    at = {place: index for index, place in enumerate(sources)}
    letters = list(shown)
    opened: list[int] = []
    for place, char in enumerate(shaped):
        if char in _PAIRS:
            opened.append(place)
        elif opened and char == _PAIRS[shaped[opened[-1]]]:
            start = opened.pop()
            if _keys_named(shaped[start + 1 : place]):
                continue
            if start in at and place in at and at[start] > at[place]:
                letters[at[start]], letters[at[place]] = char, shaped[start]
    return "".join(letters), tuple(source[place] for place in sources)


def _keys_named(inner: str) -> bool:
    """True when a pair of brackets, by what is between them, are two keys' names: "[ و]",
    "[ أو ]" (the keys [ and ], shown as on the keyboard), not brackets that hold what they
    hug ("(نعم)", "[x]") nor an empty box ("[ ]")."""
    return bool(inner.strip()) and (inner[0] == " " or inner[-1] == " ")


# The classes python-bidi's steps know. A letter of another class (an isolate, which text is
# cleaned of; or a code point this Python's Unicode has not assigned, which has none) would
# stop them with an AssertionError: it takes its class by UAX #9's defaults instead.
_KNOWN = frozenset(
    {"L", "R", "AL", "EN", "ES", "ET", "AN", "CS", "NSM", "BN", "B", "S", "WS", "ON"}
    | {"LRE", "LRO", "RLE", "RLO", "PDF"}
)
# Unassigned code points in these blocks default to right to left (UAX #9, DerivedBidiClass).
_RTL_BLOCKS = (
    (0x0590, 0x08FF),
    (0xFB1D, 0xFDFF),
    (0xFE70, 0xFEFF),
    (0x10800, 0x10FFF),
    (0x1E800, 0x1EFFF),
)


def _default_class(char: str) -> str:
    if unicodedata.bidirectional(char) in ("LRI", "RLI", "FSI", "PDI"):
        return "ON"
    code = ord(char)
    return "R" if any(low <= code <= high for low, high in _RTL_BLOCKS) else "L"


def _order(shaped: str, rtl: bool) -> list[tuple[int, int]]:
    """The places of ``shaped``'s letters in visual order, with their levels: python-bidi's
    own steps of the algorithm (its pure Python version), which keep each letter's place."""
    from bidi import algorithm

    storage = algorithm.get_empty_storage()
    storage["base_level"] = 1 if rtl else 0
    storage["base_dir"] = "R" if rtl else "L"
    algorithm.get_embedding_levels(shaped, storage)
    for place, char in enumerate(storage["chars"]):
        char["place"] = place
        if char["type"] not in _KNOWN:
            char["type"] = char["orig"] = _default_class(char["ch"])
    algorithm.explicit_embed_and_overrides(storage)
    algorithm.resolve_weak_types(storage)
    algorithm.resolve_neutral_types(storage, False)
    algorithm.resolve_implicit_levels(storage, False)
    algorithm.reorder_resolved_levels(storage, False)
    return [(char["place"], char["level"]) for char in storage["chars"]]
