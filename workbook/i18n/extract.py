"""The catalogs' upkeep, for translators and tests: find every marked message in the source
(Babel's extractor, with gettext's keywords), and bring each language's ``.po`` up to date.

    python -m workbook.i18n.extract check     # every catalog has every message (exit 1 if not)
    python -m workbook.i18n.extract update    # add new messages, mark vanished ones obsolete
    python -m workbook.i18n.extract init XX   # start a catalog for the language XX

Nothing here runs in the app; the template (``.pot``) is made in memory, never committed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog

from workbook.i18n.catalog import DOMAIN, LOCALE_FOLDER, available, catalog_path

SOURCE_FOLDER = Path(__file__).resolve().parent.parent
# Message ids are the English source; context separates the same words meaning other things.
KEYWORDS = {
    "_": None,
    "gettext": None,
    "N_": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
}


def template() -> Catalog:
    """Every message marked in the workbook's source, with where it is."""
    from babel.messages.extract import extract_from_dir

    catalog = Catalog(domain=DOMAIN, project="workbook", charset="utf-8")
    found = extract_from_dir(
        str(SOURCE_FOLDER),
        method_map=[("**/locale/**", "ignore"), ("**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=("TRANSLATORS:",),
        strip_comment_tags=True,
    )
    for filename, lineno, message, comments, context in found:
        path = (SOURCE_FOLDER / filename).relative_to(SOURCE_FOLDER.parent).as_posix()
        catalog.add(message, None, [(path, lineno)], auto_comments=comments, context=context)
    return catalog


def read(language: str) -> Catalog:
    from babel.messages.pofile import read_po

    with catalog_path(language).open("rb") as po:
        return read_po(po, locale=language.replace("-", "_"), domain=DOMAIN)


def write(language: str, catalog: Catalog) -> None:
    from babel.messages.pofile import write_po

    path = catalog_path(language)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as po:
        # No line numbers: a catalog changes when a message does, not when code moves.
        write_po(po, catalog, width=100, include_lineno=False)


def missing(language: str) -> list[str]:
    """The messages of the source that ``language``'s catalog does not translate."""
    catalog = read(language)
    out = []
    for message in template():
        if not message.id:
            continue
        found = catalog.get(message.id, message.context)
        strings = found.string if found is not None else None
        texts = strings if isinstance(strings, (list, tuple)) else [strings]
        if found is None or found.fuzzy or not all(texts):
            out.append(message.id if isinstance(message.id, str) else message.id[0])
    return out


def update() -> None:
    source = template()
    for language in available()[1:]:
        catalog = read(language)
        catalog.update(source, no_fuzzy_matching=True)
        write(language, catalog)


def init(language: str) -> None:
    catalog = Catalog(
        locale=language.replace("-", "_"),
        domain=DOMAIN,
        project="workbook",
        copyright_holder="the workbook's authors",
        msgid_bugs_address="",
        fuzzy=False,
    )
    catalog.update(template(), no_fuzzy_matching=True)
    write(language, catalog)


def main(argv: list[str]) -> int:
    if argv[:1] == ["update"]:
        update()
        return 0
    if argv[:1] == ["init"] and len(argv) == 2:
        init(argv[1])
        return 0
    if argv[:1] == ["check"]:
        gaps = {language: missing(language) for language in available()[1:]}
        for language, messages in gaps.items():
            for message in messages:
                print(f"{LOCALE_FOLDER.name}/{language}: not translated: {message!r}")
        return 1 if any(gaps.values()) else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
