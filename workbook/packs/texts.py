"""The kinds of text a pack holds: plain or Markdown, filled in or shown as written.

A prompt and its help are templates: ``{me}`` and ``{partner}`` are filled in for whoever reads
them. Every other text is shown as written, so braces there must be doubled, and are kept single
once read (``shown.py`` says which brace is wrong, and why). Every text is cleaned of control
characters and bidirectional overrides as it is read.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field
from pydantic_core import PydanticCustomError

from workbook.packs import placeholders
from workbook.packs.rules import ID_PATTERN
from workbook.text import clean, clean_line


def _not_empty(text: str) -> str:
    if not text.strip():
        raise PydanticCustomError("empty", "must not be empty")
    return text


def _as_written(text: str) -> str:
    try:
        return placeholders.literal(text)
    except ValueError:
        # The loader reads the rules of shown texts (shown.py), in the words of each key.
        words = (
            "{me} and {partner} are filled in only in prompts and help"
            if placeholders.used(text)
            else "braces are shown only when doubled: write {{ and }}"
        )
        raise PydanticCustomError("braces", words) from None


Id = Annotated[str, Field(pattern=ID_PATTERN, max_length=64)]
# A BCP 47 language tag, as packs and couples name their language: "en", "es", "ar", "pt-BR".
LANGUAGE_PATTERN = r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
LanguageTag = Annotated[str, Field(pattern=LANGUAGE_PATTERN, max_length=35)]
# Plain text shown on one line as written (titles, options, items, labels); never read as markup.
# Braces are doubled in the file and kept single here.
Line = Annotated[
    str,
    Field(min_length=1),
    AfterValidator(clean_line),
    AfterValidator(_not_empty),
    AfterValidator(_as_written),
]
# Plain text that may run over several lines: a prompt, whose placeholders are filled in.
Plain = Annotated[str, Field(min_length=1), AfterValidator(clean), AfterValidator(_not_empty)]
# Plain text over several lines, shown as written (the summary, the credits).
Text = Annotated[Plain, AfterValidator(_as_written)]
# Markdown: a help text, whose placeholders are filled in.
Markdown = Annotated[str, Field(min_length=1), AfterValidator(clean), AfterValidator(_not_empty)]
# Markdown shown as written: a read step's body.
Body = Annotated[Markdown, AfterValidator(_as_written)]
# Options, items and task names are unique ignoring case: a rule says so, at the repeated entry.
Options = Annotated[list[Line], Field(min_length=2, max_length=50)]
