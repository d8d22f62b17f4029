"""A document as made: its text, title and suggested file name, and what could not be read on
the way (for the caller to report)."""

from __future__ import annotations

from dataclasses import dataclass, field

from workbook.i18n.said import Words


@dataclass(frozen=True)
class Document:
    text: str
    title: str
    # A file name to suggest: agreement.md, 2026-11-22-1905.md, ...
    name: str
    # Each said in English by ``str``, in any language by ``said_in``.
    problems: list[Words] = field(default_factory=list)
