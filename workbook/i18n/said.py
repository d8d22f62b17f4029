"""Errors that are told in English and shown in any language: the message is a template marked
with ``N_`` where the error is raised, with named placeholders, and its fields. ``message`` (and
``str(error)``) is the English, for the command line and the logs; ``said(tr)`` is the same
message in ``tr``'s language, for a screen.

Every field is cleaned of control characters, since paths and names can come from hostile
files. A field that is itself a ``Said`` error (a lower layer's reason) is said in the same
language, as is any error with a ``said(tr)`` of its own (``durable.SaveError``); an
``OSError`` in the catalog's words for its ``errno`` (``os_words``: "the disk is full"), the
OS's own words for an errno not there; any other as it is. A count's sentence is ``Counted``,
with each language's plural forms.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from workbook.i18n.catalog import N_
from workbook.i18n.os_words import said_os
from workbook.text import clean

if TYPE_CHECKING:
    from workbook.i18n.catalog import Translations

# A lower layer's own words (a data file's problem, an OS error), passed on as they are; a
# reason that is ``Said`` itself is said in the screen's language all the same.
AS_GIVEN = "{problem}"
# TRANSLATORS: what goes between problems said on one line ("; " in English).
LIST_SEPARATOR = N_("; ")


class Words:
    """A message in English (``message``) that can be said in any language (``said(tr)``):
    a catalog template (``N_``-marked English) and its fields."""

    def __init__(self, template: str, /, **fields: object) -> None:
        self.template = template
        self.fields = fields
        self.message = self._fill(template, None)

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r})"

    def said(self, tr: Translations) -> str:
        """The message in ``tr``'s language (a lower layer's words passed on whole, as they
        are: ``AS_GIVEN`` has no words of its own to translate)."""
        template = self.template if self.template == AS_GIVEN else tr.gettext(self.template)
        return self._fill(template, tr)

    def _fill(self, template: str, tr: Translations | None) -> str:
        words = {name: clean(_words(value, tr)) for name, value in self.fields.items()}
        return clean(template.format(**words))


class Counted(Words):
    """Words that speak of a count (``count``, a field too): the singular or the plural
    English, and in another language the form its plural rules give (Arabic has six). Marked
    for the catalog like ``ngettext`` (``extract.KEYWORDS``)."""

    def __init__(self, singular: str, plural: str, count: int, /, **fields: object) -> None:
        self.singular, self.plural, self.count = singular, plural, count
        super().__init__(singular if count == 1 else plural, count=count, **fields)

    def said(self, tr: Translations) -> str:
        return self._fill(tr.ngettext(self.singular, self.plural, self.count), tr)


class Listed(Words):
    """Several ``Words`` on one line: joined by "; " in English, and as ``tr``'s language joins
    a list in ``said(tr)`` (Arabic "؛ ")."""

    def __init__(self, items: Iterable[object]) -> None:
        self.items = list(items)
        super().__init__(AS_GIVEN, problem="; ".join(str(item) for item in self.items))

    def said(self, tr: Translations) -> str:
        separator = tr.gettext(LIST_SEPARATOR)
        return clean(separator.join(said_in(item, tr) for item in self.items))


class Said(Words, Exception):
    """An error whose words are ``Words``: ``str(error)`` is the English."""

    def __init__(self, template: str, /, **fields: object) -> None:
        Words.__init__(self, template, **fields)
        Exception.__init__(self, self.message)

    __str__ = Words.__str__
    __repr__ = Words.__repr__


class Refusal(Said, ValueError):
    """A value a model's validator refuses, in ``Words``: pydantic passes it on in the error's
    ``ctx``, so a data file's problem says it in the screen's language."""


def _words(value: object, tr: Translations | None) -> str:
    return str(value) if tr is None else said_in(value, tr)


def said_in(value: object, tr: Translations) -> str:
    """What ``value`` (an error, a reason) says in ``tr``'s language: one with a ``said(tr)``
    of its own translated, an ``OSError`` by its errno (``os_words``), any other (a data
    file's problem) as it is, cleaned."""
    os_error = getattr(value, "os_error", None)
    if isinstance(os_error, OSError):
        return said_os(os_error, tr, named=False)
    own = getattr(value, "said", None)
    if callable(own) and not isinstance(value, str):
        return clean(str(own(tr)))
    if isinstance(value, OSError):
        return said_os(value, tr)
    return clean(str(value))
