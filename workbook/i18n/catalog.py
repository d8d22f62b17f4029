"""The catalogs: English is the source, and each other language is a gettext catalog: the
``.po`` files in ``workbook/locale/<tag>/LC_MESSAGES/``, read as they are loaded and merged
into one (``workbook.po`` the documents' and the core's words, ``tui.po`` the screens'; see
``extract.DOMAINS``).

Reading the ``.po`` at load time (``po.py``; no ``.mo`` is made) keeps generated files out of
the repository and out of the build: a clean clone, an editable install and a wheel all read the
same files. It costs a few milliseconds, once per language per process, and nothing at all for
English, which needs no catalog. Babel writes and checks the catalogs (``extract.py``) and
formats dates and numbers, imported only when one is formatted.

A ``Translations`` object speaks one language. It is passed to whatever speaks (a couple's
window has the couple's, Home the app's), or made current for a stretch of synchronous code
with ``speaking(...)``; nothing here is global to the process. ``pseudo`` (the tag ``en-XA``)
is a made-up language for tests: every letter accented and each message 40% longer, so that a
word that never went through the catalog, or a line that cannot take a longer language, shows.
"""

from __future__ import annotations

import gettext
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime
from functools import cache
from pathlib import Path

from workbook.i18n import pseudo as _pseudo
from workbook.i18n.tags import SOURCE, best_match, is_rtl, normalize

DOMAIN = "workbook"
LOCALE_FOLDER = Path(__file__).resolve().parent.parent / "locale"
PSEUDO = "en-XA"


class Translations:
    """The interface's words in one language (``language``, a tag the workbook has)."""

    def __init__(self, language: str, table: gettext.NullTranslations | None = None) -> None:
        self.language = language
        self._table = table or gettext.NullTranslations()
        self._pseudo = language == PSEUDO

    def __repr__(self) -> str:
        return f"Translations({self.language!r})"

    @property
    def rtl(self) -> bool:
        """True when the language is written right to left."""
        return is_rtl(self.language)

    @property
    def locale(self) -> str:
        """The locale Babel formats dates and numbers in ("es", "ar"; English for the
        pseudo-language)."""
        return "en" if self._pseudo else self.language.replace("-", "_")

    def gettext(self, message: str) -> str:
        """``message`` (the English source) in this language."""
        if self._pseudo:
            return _pseudo.pseudo(message)
        return self._table.gettext(message)

    _ = gettext

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        """The form for ``n`` by this language's plural rules (Arabic has six)."""
        if self._pseudo:
            return _pseudo.pseudo(singular if n == 1 else plural)
        return self._table.ngettext(singular, plural, n)

    def pgettext(self, context: str, message: str) -> str:
        """``message`` where the same English says different things ("Back" a key, "back" a
        direction): ``context`` tells the translator which."""
        if self._pseudo:
            return _pseudo.pseudo(message)
        return self._table.pgettext(context, message)

    def npgettext(self, context: str, singular: str, plural: str, n: int) -> str:
        if self._pseudo:
            return _pseudo.pseudo(singular if n == 1 else plural)
        return self._table.npgettext(context, singular, plural, n)

    def format_date(self, day: date | datetime, fmt: str = "long") -> str:
        """``day`` as this language writes it ("18 de diciembre de 2026")."""
        from babel.dates import format_date

        return format_date(day, format=fmt, locale=self.locale)

    def format_number(self, number: float) -> str:
        """``number`` with this language's digits and separators."""
        from babel.numbers import format_decimal

        return format_decimal(number, locale=self.locale)


def available() -> list[str]:
    """The languages the interface speaks: English, then each language with a catalog, in
    name order."""
    found = (
        sorted(path.name for path in LOCALE_FOLDER.iterdir() if catalog_paths(path.name))
        if LOCALE_FOLDER.is_dir()
        else []
    )
    return [SOURCE, *found]


def catalog_path(language: str, domain: str = DOMAIN) -> Path:
    return LOCALE_FOLDER / language / "LC_MESSAGES" / f"{domain}.po"


def catalog_paths(language: str) -> list[Path]:
    """Every ``.po`` file of ``language``, in name order: together they are its catalog."""
    folder = LOCALE_FOLDER / language / "LC_MESSAGES"
    return sorted(folder.glob("*.po")) if folder.is_dir() else []


@cache
def translations(tag: str | None) -> Translations:
    """The interface in the language of ``tag``, or in the nearest the workbook has ("es" for
    "es-MX"), else in English. Loaded once per process."""
    if normalize(tag) == PSEUDO:
        return Translations(PSEUDO)
    language = best_match(tag, available())
    if language is None or language == SOURCE:
        return SOURCE_TRANSLATIONS
    return Translations(language, _compile(catalog_paths(language)))


def _compile(paths: list[Path]) -> gettext.NullTranslations:
    from workbook.i18n.po import PoTranslations

    return PoTranslations(*paths)


SOURCE_TRANSLATIONS = Translations(SOURCE)
_current: ContextVar[Translations] = ContextVar("workbook_language", default=SOURCE_TRANSLATIONS)


def current() -> Translations:
    """The language made current by ``speaking``, else English."""
    return _current.get()


@contextmanager
def speaking(language: Translations | str | None) -> Iterator[Translations]:
    """Make ``language`` current for the code inside the ``with`` (a document being written,
    a test), in this thread or task only."""
    tr = language if isinstance(language, Translations) else translations(language)
    token = _current.set(tr)
    try:
        yield tr
    finally:
        _current.reset(token)


def _(message: str) -> str:
    """``message`` in the current language."""
    return _current.get().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _current.get().ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return _current.get().pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, n: int) -> str:
    return _current.get().npgettext(context, singular, plural, n)


def N_(message: str) -> str:
    """Mark ``message`` for the catalog without translating it: for strings fixed when a
    class is made (bindings, help), translated when shown with ``tr.gettext(...)``."""
    return message
