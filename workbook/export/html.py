"""HTML of a document made as Markdown (the agreement document, a session's summary): the
Markdown is read back into blocks (``blocks.py``) and drawn by the one HTML renderer
(``render_html.py``), so every HTML document has the same look and the same escaping.

The Markdown is read with markdown-it-py, raw HTML switched off: markup that escaping ever
missed stays text. Only the structure the exports write is kept (headings, paragraphs with
emphasis and line breaks, lists, tables, quoted lines); anything else reads as its text.
"""

from __future__ import annotations

from typing import Any

from markdown_it import MarkdownIt

from workbook.export.blocks import Block, Heading, Items, Notice, Page, Para, Span, Style, Table
from workbook.export.render_html import render_html


def to_html(markdown: str, title: str, language: str = "en") -> str:
    """A complete, self-contained HTML page of ``markdown``, written in ``language``."""
    return render_html(page_of(markdown, title, language))


def page_of(markdown: str, title: str, language: str = "en") -> Page:
    """``markdown`` as blocks."""
    tokens = MarkdownIt("commonmark", {"html": False}).enable("table").parse(markdown)
    blocks, _ = _blocks(tokens, 0, None)
    return Page(title, blocks, language)


def _blocks(tokens: list[Any], at: int, until: str | None) -> tuple[list[Block], int]:
    """The blocks from ``tokens[at]`` to the token of type ``until`` (or the end); returns
    them and the index after it."""
    found: list[Block] = []
    quoted = 0
    while at < len(tokens):
        token = tokens[at]
        name = token.type
        if name == until:
            return found, at + 1
        if name == "heading_open":
            found.append(Heading(int(token.tag[1:]), _plain(tokens[at + 1])))
            at += 3
        elif name == "paragraph_open":
            spans = _spans(tokens[at + 1])
            found.append(Notice(spans) if quoted else Para(spans))
            at += 3
        elif name in ("bullet_list_open", "ordered_list_open"):
            items, at = _items(tokens, at + 1, name.replace("_open", "_close"))
            found.append(items)
        elif name == "table_open":
            table, at = _table(tokens, at + 1)
            found.append(table)
        elif name == "blockquote_open":
            quoted += 1
            at += 1
        elif name == "blockquote_close":
            quoted -= 1
            at += 1
        elif name in ("code_block", "fence"):
            found.append(_lines(token.content))
            at += 1
        else:  # a rule, or what no export writes: nothing to draw
            at += 1
    return found, at


def _items(tokens: list[Any], at: int, until: str) -> tuple[Items, int]:
    entries: list[tuple[Block, ...]] = []
    while tokens[at].type != until:
        blocks, at = _blocks(tokens, at + 1, "list_item_close")
        entries.append(tuple(blocks))
    return Items(tuple(entries)), at + 1


def _table(tokens: list[Any], at: int) -> tuple[Table, int]:
    rows: list[tuple[str, ...]] = []
    numeric: set[int] = set()
    row: list[str] = []
    while tokens[at].type != "table_close":
        token = tokens[at]
        if token.type in ("th_open", "td_open"):
            if "text-align:right" in str(token.attrs.get("style", "")):
                numeric.add(len(row))
            row.append(_plain(tokens[at + 1]))
        elif token.type == "tr_close":
            rows.append(tuple(row))
            row = []
        at += 1
    header, *body = rows or [()]
    return Table(header, tuple(body), frozenset(numeric)), at + 1


def _spans(inline: Any) -> tuple[Span, ...]:
    """The inline token's text, with its emphasis and line breaks."""
    spans: list[Span] = []
    styles: list[Style] = []
    for child in inline.children or []:
        name = child.type
        if name in ("em_open", "strong_open"):
            styles.append("em" if name == "em_open" else "strong")
        elif name in ("em_close", "strong_close"):
            styles.pop()
        elif name == "hardbreak":
            spans.append(Span("", "br"))
        elif name == "softbreak":
            spans.append(Span(" "))
        elif name == "image":
            spans.append(Span(child.content))
        elif child.content:
            style: Style = "strong" if "strong" in styles else (styles[-1] if styles else "")
            spans.append(Span(child.content, style))
    return tuple(spans)


def _plain(inline: Any) -> str:
    return "".join(span.text if span.style != "br" else " " for span in _spans(inline))


def _lines(text: str) -> Para:
    lines = text.rstrip("\n").split("\n")
    spans: list[Span] = []
    for number, line in enumerate(lines):
        if number:
            spans.append(Span("", "br"))
        spans.append(Span(line))
    return Para(tuple(spans))
