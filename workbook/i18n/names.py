"""Languages named in a language: "inglés" for "en" said in Spanish (Babel's CLDR names)."""

from __future__ import annotations

from workbook.i18n.catalog import PSEUDO, translations
from workbook.i18n.tags import SOURCE, normalize


def language_name(tag: str, in_language: str | None = None) -> str:
    """The name of the language ``tag`` in ``in_language`` (English by default); the tag itself
    when Babel does not know it."""
    from babel import Locale, UnknownLocaleError

    speaker = normalize(in_language) or SOURCE
    speaker = SOURCE if speaker == PSEUDO else speaker
    try:
        locale = Locale.parse((normalize(tag) or tag).replace("-", "_"))
        try:
            name = locale.get_display_name(Locale.parse(speaker.replace("-", "_")))
        except (ValueError, UnknownLocaleError):
            name = locale.get_display_name(SOURCE)
    except (ValueError, TypeError, UnknownLocaleError):
        return tag
    return name or tag


def only_in(tags: list[str], language: str | None) -> str:
    """What a couple speaking ``language`` is told of a pack written only in ``tags``."""
    tr = translations(language or SOURCE)
    names = [language_name(tag, language) for tag in tags] or ["?"]
    if len(names) == 1:
        return tr.gettext("only in {language}").format(language=names[0])
    return tr.gettext("only in {languages}").format(languages=", ".join(names))
