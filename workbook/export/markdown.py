"""CommonMark that user text cannot break out of.

Every character that can start Markdown structure anywhere in a line is backslash-escaped, and
so are the markers that only count at the start of a line. Multi-line text keeps its lines as
hard line breaks. Leading spaces are dropped, since four of them would start a code block.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from workbook.i18n.catalog import PSEUDO, _, current
from workbook.i18n.tags import SOURCE
from workbook.text import clean, clean_line

# Emphasis, code, links and images, autolinks and HTML, tables, strikethrough and fences,
# entities, headings, and the backslash itself.
_ANYWHERE = re.compile(r"([\\`*_\[\]<>|~&#])")
# List items, setext underlines, thematic breaks, and ordered list markers ("1." or "1)").
_LINE_START = re.compile(r"^([-+=])|^(\d{1,9})([.)])")
_LINE_BREAKS = re.compile(r"\s*\n\s*")
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def _escape(line: str) -> str:
    line = _ANYWHERE.sub(r"\\\1", line)
    return _LINE_START.sub(
        lambda m: f"\\{m.group(1)}" if m.group(1) else f"{m.group(2)}\\{m.group(3)}", line
    )


def inline(text: str) -> str:
    """``text`` as one line of literal Markdown, for names, titles, items and options."""
    return _escape(clean_line(text))


def phrase(text: str) -> str:
    """``text`` as literal Markdown for a run inside a line: like ``inline``, but the spaces at
    its ends stay, so runs can be joined. Never put one first on a line with leading spaces."""
    return _escape(_LINE_BREAKS.sub(" ", clean(text)).replace("\t", " "))


def block(text: str, indent: str = "") -> str:
    """``text`` as literal Markdown paragraphs that keep its lines.

    ``indent`` goes before every line after the first, to keep the text inside a list item.
    """
    paragraphs: list[list[str]] = [[]]
    for line in clean(text).split("\n"):
        line = line.strip()
        if line:
            paragraphs[-1].append(_escape(line.replace("\t", " ")))
        elif paragraphs[-1]:
            paragraphs.append([])
    kept = [p for p in paragraphs if p]
    return f"\n\n{indent}".join(f"\\\n{indent}".join(lines) for lines in kept)


def paragraphs(text: str, indent: str = "") -> str:
    """``text`` as literal Markdown, one paragraph per line, so that it keeps its lines and reads
    the same as plain text (no backslash line breaks).

    ``indent`` goes before every paragraph after the first, to keep them inside a list item.
    """
    lines = [_escape(line.strip().replace("\t", " ")) for line in clean(text).split("\n")]
    return f"\n\n{indent}".join(line for line in lines if line)


def heading(level: int, text: str) -> str:
    return f"{'#' * level} {inline(text)}"


def bullets(items: Iterable[str]) -> str:
    """Lines of Markdown (already escaped) as a bullet list."""
    return "\n".join(f"- {item}" for item in items)


def names_and(names: Iterable[str]) -> str:
    """ "Sam", "Sam and Alex", "Sam, Alex and Kim", escaped, in the language being spoken."""
    escaped = [inline(name) for name in names]
    if len(escaped) <= 1:
        return "".join(escaped)
    # TRANSLATORS: the last two of a list of names: "Sam and Alex".
    return _("{first} and {last}").format(first=", ".join(escaped[:-1]), last=escaped[-1])


def long_date(day: date) -> str:
    """22 November 2026 in English (the same whatever the machine's locale); in another
    language being spoken, as that language writes a date ("22 de noviembre de 2026")."""
    tr = current()
    if tr.language != SOURCE and tr.language != PSEUDO:
        return tr.format_date(day)
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def number(shown: str | int) -> str:
    """A number as written in English ("4", "4.5"), in the language being spoken ("4,5")."""
    tr = current()
    if tr.language in (SOURCE, PSEUDO):
        return str(shown)
    return tr.format_number(float(shown))
