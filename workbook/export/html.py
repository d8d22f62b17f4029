"""HTML from the exported Markdown, through markdown-it-py, with raw HTML switched off."""

from __future__ import annotations

import html

from markdown_it import MarkdownIt

from workbook.text import clean_line

_STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;"
    "line-height:1.5;color:#222}h1,h2,h3{line-height:1.2}em{color:#555}"
)


def to_html(markdown: str, title: str) -> str:
    """A complete, self-contained HTML page of ``markdown``."""
    # Raw HTML stays text even if escaping ever missed a case.
    body = MarkdownIt("commonmark", {"html": False}).enable("table").render(markdown)
    return (
        '<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(clean_line(title))}</title>\n<style>{_STYLE}</style>\n</head>\n"
        f"<body>\n{body}</body>\n</html>\n"
    )
