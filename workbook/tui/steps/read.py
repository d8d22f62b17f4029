"""A read step: the pack's Markdown, with links shown but never opened."""

from __future__ import annotations

from textual.widgets import Markdown

from workbook.text import clean


def read_body(body: str) -> Markdown:
    return Markdown(clean(body), open_links=False, classes="body")
