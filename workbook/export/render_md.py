"""Blocks (``blocks.py``) as CommonMark, every piece of text escaped by ``markdown.py``."""

from __future__ import annotations

from workbook.export.blocks import (
    Block,
    Chart,
    Heading,
    Items,
    Lines,
    Notice,
    Page,
    Para,
    Span,
    Table,
)
from workbook.export.markdown import block, heading, inline, phrase


def render_md(page: Page) -> str:
    return "\n\n".join(_block(b) for b in page.blocks) + "\n"


def _block(item: Block) -> str:
    if isinstance(item, Heading):
        return heading(item.level, item.text)
    if isinstance(item, Para):
        return _spans(item.spans)
    if isinstance(item, Notice):
        return "> " + _spans(item.spans)
    if isinstance(item, Lines):
        text = block(item.text, indent="") or "*(empty)*"
        return f"**{inline(item.label)}** {text}" if item.label else text
    if isinstance(item, Items):
        # Items of several blocks read better apart, as CommonMark's loose list shows them.
        between = "\n\n" if any(len(entry) > 1 for entry in item.items) else "\n"
        return between.join(_item(entry) for entry in item.items)
    if isinstance(item, Table):
        return _table(item)
    if isinstance(item, Chart):
        return _table(item.table)
    raise TypeError(f"not a block: {item!r}")


def _spans(spans: tuple[Span, ...]) -> str:
    out = []
    for span in spans:
        if span.style == "br":
            out.append("\\\n")
        elif span.style:
            text = inline(span.text)
            if text:
                mark = "*" if span.style == "em" else "**"
                out.append(f"{mark}{text}{mark}")
        else:
            out.append(phrase(span.text))
    # Spaces first on a line could make a code block, and spaces last a line break.
    return "".join(out).strip(" ")


def _item(blocks: tuple[Block, ...]) -> str:
    """A list item: its blocks, each line after the first indented to stay inside it."""
    body = "\n\n".join(_block(b) for b in blocks)
    lines = body.split("\n")
    return "- " + "\n".join([lines[0], *(f"  {line}" if line else line for line in lines[1:])])


def _table(table: Table) -> str:
    rule = ["---:" if i in table.numeric else "---" for i in range(len(table.header))]
    rows = [
        _row(table.header),
        "|" + "|".join(rule) + "|",
        *(_row(row) for row in table.rows),
    ]
    return "\n".join(rows)


def _row(cells: tuple[str, ...]) -> str:
    return "| " + " | ".join(inline(cell) for cell in cells) + " |"
