"""The ``{me}`` and ``{partner}`` placeholders of prompts and help texts.

``{{`` and ``}}`` write literal braces. Anything else between braces is a mistake that the loader
reports, so a typo such as ``{parter}`` never reaches a couple.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator

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


def neutral(template: str) -> str:
    """``template`` worded for a reader who is neither partner, as in an exported summary.

    A leading ``{me},`` is dropped ("{me}, what matters?" reads "What matters?"); any other
    ``{me}`` reads "you" and ``{partner}`` reads "your partner".
    """
    stripped = re.sub(r"^\{me\}\s*[,:]\s*", "", template)
    # A name that starts a sentence reads with a capital: "{partner} asks" is "Your partner asks".
    starts = r"(^|[.!?]\s+|\n\s*)"
    stripped = re.sub(starts + r"\{me\}", r"\1You", stripped)
    stripped = re.sub(starts + r"\{partner\}", r"\1Your partner", stripped)
    text = fill(stripped, me="you", partner="your partner")
    if text:
        text = text[0].upper() + text[1:]
    return text
