"""Blocks (``blocks.py``) as one standalone HTML page: every text escaped, the styles inline,
charts drawn as inline SVG, and no script, no web font and nothing loaded from anywhere.

The page says its language (``lang``) and that language's direction (``dir`` on the root), and
every element that holds text has ``dir="auto"``: the text is in logical order, and an Arabic
answer in a Spanish document (or a name in Latin letters in an Arabic one) is set the way its
own first letter runs.
"""

from __future__ import annotations

import html
import re

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
from workbook.export.svg_chart import svg_chart
from workbook.i18n.catalog import _, speaking
from workbook.i18n.tags import is_rtl, normalize
from workbook.text import clean, clean_line

_LINE_BREAKS = re.compile(r"\s*\n\s*")
# System fonts only: a web font would be loaded from somewhere.
_STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;"
    "line-height:1.5;color:#222;background:#fff}h1,h2,h3{line-height:1.2}em{color:#555}"
    "table{border-collapse:collapse;margin:0.5rem 0}th,td{border:1px solid #ccc;"
    "padding:0.2rem 0.5rem;text-align:start;vertical-align:top}td.num,th.num{text-align:end}"
    ".notice{border-inline-start:4px solid #b00;padding:0.3rem 0.8rem;background:#fdf3f3}"
    "li>p{margin:0.2rem 0}figure{margin:1rem 0}svg{max-width:100%;height:auto}"
    "summary{cursor:pointer}"
    "@media print{details{display:block}summary{display:none}}"
)


AUTO = ' dir="auto"'


def values_label() -> str:
    # TRANSLATORS: under a chart, opens the table of the values it draws.
    return _("The values")


def render_html(page: Page) -> str:
    language = normalize(page.language) or "en"
    direction = "rtl" if is_rtl(language) else "ltr"
    with speaking(language):
        body = "\n".join(_block(b, index) for index, b in enumerate(page.blocks))
    return (
        f'<!DOCTYPE html>\n<html lang="{html.escape(language)}" dir="{direction}">\n<head>\n'
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_text(page.title)}</title>\n<style>{_STYLE}</style>\n</head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    )


def _text(text: str) -> str:
    """One line of text, safe anywhere in HTML: in an element or in a quoted attribute."""
    return html.escape(_LINE_BREAKS.sub(" ", clean(text)).replace("\t", " "), quote=True)


def _block(item: Block, index: int) -> str:
    if isinstance(item, Heading):
        level = min(max(item.level, 1), 6)
        return f"<h{level}{AUTO}>{_text(clean_line(item.text))}</h{level}>"
    if isinstance(item, Para):
        return f"<p{AUTO}>{_spans(item.spans)}</p>"
    if isinstance(item, Notice):
        return f'<p class="notice"{AUTO}>{_spans(item.spans)}</p>'
    if isinstance(item, Lines):
        return _lines(item)
    if isinstance(item, Items):
        entries = (
            f"<li{AUTO}>" + "\n".join(_block(b, index) for b in entry) + "</li>"
            for entry in item.items
        )
        return "<ul>\n" + "\n".join(entries) + "\n</ul>"
    if isinstance(item, Table):
        return _table(item)
    if isinstance(item, Chart):
        return (
            f"<figure>\n{svg_chart(item, f'chart-{index}')}\n<details><summary{AUTO}>"
            f"{_text(values_label())}</summary>\n{_table(item.table)}\n</details>\n</figure>"
        )
    raise TypeError(f"not a block: {item!r}")


def _spans(spans: tuple[Span, ...]) -> str:
    out = []
    for span in spans:
        if span.style == "br":
            out.append("<br>\n")
            continue
        text = _text(span.text)
        out.append(f"<{span.style}>{text}</{span.style}>" if span.style and text else text)
    return "".join(out).strip()


def _lines(item: Lines) -> str:
    """Typed text: a paragraph for each run of lines between blank ones, each line kept."""
    paragraphs: list[list[str]] = [[]]
    for line in clean(item.text).split("\n"):
        line = line.strip()
        if line:
            paragraphs[-1].append(_text(line))
        elif paragraphs[-1]:
            paragraphs.append([])
    empty = _("(empty)")
    kept = [p for p in paragraphs if p] or [[f"<em>{_text(empty)}</em>"]]
    if item.label:
        kept[0][0] = f"<strong>{_text(item.label)}</strong> {kept[0][0]}"
    return "\n".join(f"<p{AUTO}>" + "<br>\n".join(p) + "</p>" for p in kept)


def _table(table: Table) -> str:
    def cells(row: tuple[str, ...], tag: str) -> str:
        return "".join(
            f'<{tag} class="num"{AUTO}>{_text(c)}</{tag}>'
            if i in table.numeric
            else f"<{tag}{AUTO}>{_text(c)}</{tag}>"
            for i, c in enumerate(row)
        )

    head = f"<thead><tr>{cells(table.header, 'th')}</tr></thead>"
    body = "\n".join(f"<tr>{cells(row, 'td')}</tr>" for row in table.rows)
    return f"<table>\n{head}\n<tbody>\n{body}\n</tbody>\n</table>"
