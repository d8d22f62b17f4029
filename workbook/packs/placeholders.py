"""The ``{me}`` and ``{partner}`` placeholders of prompts and help texts.

``{{`` and ``}}`` write literal braces. Anything else between braces is a mistake that the loader
reports, so a typo such as ``{parter}`` never reaches a couple.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator

from workbook.i18n.catalog import current, translations
from workbook.packs.said import Said

NAMES = ("me", "partner")
_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")


def _tokens(template: str) -> Iterator[re.Match[str]]:
    return _TOKEN.finditer(template)


def problems(template: str) -> list[str]:
    """Everything wrong with the placeholders of ``template``, in words for a pack author."""
    found: list[str] = []
    for match in _tokens(template):
        token = match.group(0)
        if token in ("{{", "}}"):
            continue
        if token in ("{", "}"):
            found.append(
                Said(
                    f'a lone "{token}": write "{token}{token}" for a literal brace',
                    f'write "{token}{token}"',
                    spot=token,
                )
            )
        elif match.group(1) not in NAMES:
            close = nearest(match.group(1), NAMES)
            found.append(
                Said(
                    f"unknown placeholder {token}: use {{me}} or {{partner}}, "
                    "or write {{ and }} for literal braces",
                    f"write {{{close}}}" if close else "write {me} or {partner}, or {{ and }}",
                    spot=token,
                )
            )
    return found


def nearest(word: str, names: tuple[str, ...]) -> str | None:
    close = difflib.get_close_matches(word, names, n=1, cutoff=0.6)
    return close[0] if close else None


def braces(text: str) -> Iterator[tuple[str, str | None]]:
    """Each brace of ``text`` that is not doubled: ``("{x}", "x")``, or ``("{", None)`` for a
    lone one."""
    for match in _tokens(text):
        token = match.group(0)
        if token not in ("{{", "}}"):
            yield token, match.group(1) if token not in ("{", "}") else None


def literal(text: str) -> str:
    """A text shown as written, with its doubled braces as single ones."""
    if "{" not in text and "}" not in text:
        return text
    if any(True for _ in braces(text)):
        raise ValueError("braces must be doubled")
    return _TOKEN.sub(lambda m: m.group(0)[0], text)


def used(template: str) -> bool:
    """True when ``template`` names either partner through a placeholder."""
    return any(m.group(1) in NAMES for m in _tokens(template))


def fill(
    template: str, *, me: str, partner: str, escape: Callable[[str], str] = lambda s: s
) -> str:
    """``template`` with the placeholders replaced by the (escaped) names.

    ``escape`` lets Markdown texts (help) escape the names, which are user text.
    """
    values = {"me": escape(me), "partner": escape(partner)}

    def replace(match: re.Match[str]) -> str:
        token = match.group(0)
        if token in ("{{", "}}"):
            return token[0]
        name = match.group(1)
        return values.get(name, token)

    return _TOKEN.sub(replace, template)


# A leading "{me}" and the mark after it, in any script: "{me}, ", "{me}،", "{me}，", "{me}、".
_LEADING_ME = re.compile(r"^(\s*[¿¡]?)\{me\}\s*[,:،，、：;؛]\s*")
# Where a sentence starts: the text's start, after a full stop (in any script) and a space, or
# a new line; then any opening marks (¿, ¡, quotes) before the first letter.
_STARTS = r"(^|[.!?。！？؟]\s*|\n\s*)([¿¡\"'«“‘(]*)"
_FIRST_LETTER = re.compile(r"^([^\w]*)(\w)")


def neutral(template: str, language: str | None = None) -> str:
    """``template`` worded for a reader who is neither partner, as in an exported summary, in
    the words of ``language`` (the pack's; else the language being spoken).

    A leading ``{me},`` is dropped, whatever the comma ("{me}, what matters?" reads "What
    matters?", "{me}، ماذا..." reads "ماذا...", "¿{me}, qué...?" reads "¿Qué...?"); any other
    ``{me}`` reads "you" and ``{partner}`` "your partner", as the language's catalog says them,
    with a capital where a sentence starts, after ``¿`` and ``¡`` too.
    """
    tr = current() if language is None else translations(language)
    # TRANSLATORS: {me} in a question read by both partners, or in a document: "you" in the
    # middle of a sentence (the four words below are what the placeholders become).
    me = tr.pgettext("placeholder", "you")
    partner = tr.pgettext("placeholder", "your partner")
    me_first = tr.pgettext("placeholder", "You")
    partner_first = tr.pgettext("placeholder", "Your partner")
    stripped = _LEADING_ME.sub(r"\1", template)
    stripped = re.sub(_STARTS + r"\{me\}", lambda m: m.group(1) + m.group(2) + me_first, stripped)
    stripped = re.sub(
        _STARTS + r"\{partner\}", lambda m: m.group(1) + m.group(2) + partner_first, stripped
    )
    text = fill(stripped, me=me, partner=partner)
    return _FIRST_LETTER.sub(lambda m: m.group(1) + m.group(2).upper(), text, count=1)
