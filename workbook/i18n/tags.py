"""Language tags (BCP 47, as packs and couples name their language) and how they match.

A tag is compared without case and with ``_`` read as ``-`` ("pt_BR" is "pt-BR"). A couple's
"es-MX" is served by a pack in "es-MX", else in "es", else in another "es-..." (the first in
the order given), else not at all: the caller falls back to the source language.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

SOURCE = "en"
_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
# Scripts written right to left, by the language's primary subtag: Arabic, Hebrew, Persian,
# Urdu, Pashto, Sindhi, Uyghur, Kurdish (Sorani), Yiddish, Dhivehi, Syriac.
_RTL = frozenset({"ar", "he", "iw", "fa", "ur", "ps", "sd", "ug", "ckb", "yi", "dv", "syr"})


def normalize(tag: str | None) -> str | None:
    """``tag`` in its canonical spelling ("pt-BR", "es", "zh-Hant"), or None when it is not a
    language tag (a hand-edited file may hold anything)."""
    if not isinstance(tag, str):
        return None
    tag = tag.strip().replace("_", "-").split(".")[0].split("@")[0]
    if not _TAG.match(tag):
        return None
    parts = tag.split("-")
    out = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 2:
            out.append(part.upper())
        elif len(part) == 4 and part.isalpha():
            out.append(part.title())
        else:
            out.append(part.lower())
    return "-".join(out)


def primary(tag: str) -> str:
    """The language without region or script: "es" for "es-MX"."""
    return (normalize(tag) or tag).split("-")[0]


def best_match(wanted: str | None, available: Iterable[str]) -> str | None:
    """The tag of ``available`` that serves ``wanted`` best, or None when none speaks it."""
    want = normalize(wanted)
    if want is None:
        return None
    offered = [(tag, normalize(tag)) for tag in available]
    for tag, norm in offered:
        if norm == want:
            return tag
    for tag, norm in offered:
        if norm == primary(want):
            return tag
    for tag, norm in offered:
        if norm is not None and primary(norm) == primary(want):
            return tag
    return None


def is_rtl(tag: str | None) -> bool:
    """True for a language written right to left."""
    norm = normalize(tag)
    if norm is None:
        return False
    if "-Arab" in norm or "-Hebr" in norm:
        return True
    return primary(norm) in _RTL and "-Latn" not in norm
