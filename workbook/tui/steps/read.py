"""A read step: the pack's Markdown, with links shown but never opened."""

from __future__ import annotations

from textual.widget import Widget
from textual.widgets import Markdown

from workbook.text import clean
from workbook.tui.steps.context import StepContext


def build(context: StepContext) -> list[Widget]:
    return [Markdown(clean(context.step.body), open_links=False, classes="body dir-auto")]
