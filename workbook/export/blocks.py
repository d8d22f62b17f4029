"""A small document model for exports that come out both as CommonMark and as HTML.

The case record is laid out once, as blocks holding plain, unescaped text; ``render_md`` and
``render_html`` each escape every piece of text for their own format. So no text is escaped
twice, none is left unescaped, and the two formats say the same things.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

# "br": a line break inside a paragraph (its text is empty).
Style = Literal["", "em", "strong", "br"]


@dataclass(frozen=True)
class Span:
    """A run of text on one line; newlines in it read as spaces."""

    text: str
    style: Style = ""


def plain(text: str) -> Span:
    return Span(text)


def em(text: str) -> Span:
    return Span(text, "em")


def strong(text: str) -> Span:
    return Span(text, "strong")


@dataclass(frozen=True)
class Heading:
    level: int
    text: str


@dataclass(frozen=True)
class Para:
    """One paragraph of spans."""

    spans: tuple[Span, ...]


@dataclass(frozen=True)
class Lines:
    """Text typed by a person: it keeps its lines, and blank lines part its paragraphs."""

    text: str
    # Said first, on the same line: "Sam:", "Data:".
    label: str = ""


@dataclass(frozen=True)
class Items:
    """A bullet list; each item is a list of blocks."""

    items: tuple[tuple[Block, ...], ...]


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    # Columns of numbers, aligned right.
    numeric: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Series:
    """One partner's line of a chart: a value (or None, a gap) at each point."""

    name: str
    values: tuple[float | None, ...]
    # What each point says when asked: "4.1 (Mostly good)".
    labels: tuple[str, ...]


@dataclass(frozen=True)
class Chart:
    """A line chart of scores over time. HTML draws it (``svg_chart.py``) above its table;
    Markdown gives the table alone."""

    title: str
    low: float
    high: float
    # Where each point lies on the time axis (seconds), and its label ("4 January 2016").
    times: tuple[float, ...]
    dates: tuple[str, ...]
    series: tuple[Series, ...]
    table: Table
    # Lines across the chart at a value, with what they mark: a goal's target, a cut-off.
    marks: tuple[tuple[float, str], ...] = ()


@dataclass(frozen=True)
class Notice:
    """A line that must stand out, such as "Confidential"."""

    spans: tuple[Span, ...]


Block = Heading | Para | Lines | Items | Table | Chart | Notice


@dataclass
class Page:
    title: str
    blocks: list[Block] = field(default_factory=list)
    # The language the page is written in (a BCP 47 tag): HTML's ``lang`` and direction.
    language: str = "en"

    def add(self, *blocks: Block) -> None:
        self.blocks.extend(blocks)


def para(*spans: Span | str) -> Para:
    """A paragraph; plain strings are plain spans."""
    return Para(tuple(s if isinstance(s, Span) else Span(s) for s in spans))


def notice(*spans: Span | str) -> Notice:
    return Notice(para(*spans).spans)


def items(*entries: tuple[Block, ...] | Block) -> Items:
    return Items(tuple(e if isinstance(e, tuple) else (e,) for e in entries))
