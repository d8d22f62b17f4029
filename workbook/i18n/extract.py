"""The catalogs' upkeep, for translators and tests: find every marked message in the source
(Babel's extractor, with gettext's keywords), and bring each language's ``.po`` up to date.

    python -m workbook.i18n.extract check     # every catalog has every message (exit 1 if not)
    python -m workbook.i18n.extract update    # add new messages, mark vanished ones obsolete
    python -m workbook.i18n.extract init XX   # start a catalog for the language XX

A language's catalog is two files, merged when loaded (``catalog.py``): ``tui.po`` holds the
messages found only in the screens (``workbook/tui/``), ``workbook.po`` every other (the
documents, the core; a message also used outside the screens is there). Two files let the
screens' words and the documents' be translated, and changed, apart.

Nothing here runs in the app; the template (``.pot``) is made in memory, never committed.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from babel.messages.catalog import Catalog

from workbook.i18n.catalog import DOMAIN, LOCALE_FOLDER, available, catalog_path

TUI = "tui"
DOMAINS = (DOMAIN, TUI)

SOURCE_FOLDER = Path(__file__).resolve().parent.parent
# Message ids are the English source; context separates the same words meaning other things.
KEYWORDS = {
    "_": None,
    "gettext": None,
    "N_": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
    # ``said.Counted(singular, plural, count, ...)``: words with a count, said later.
    "Counted": (1, 2),
}


def domain_of(locations: Sequence[tuple[str, int | None]]) -> str:
    """The file a message belongs in: ``tui`` when every place it is used is a screen."""
    screens = all(path.startswith("workbook/tui/") for path, _line in locations)
    return TUI if locations and screens else DOMAIN


def template(domain: str | None = None) -> Catalog:
    """Every message marked in the workbook's source, with where it is (only those of
    ``domain``'s file, when given)."""
    catalog = _whole_template()
    if domain is None:
        return catalog
    part = Catalog(domain=domain, project="workbook", charset="utf-8")
    for message in catalog:
        if message.id and domain_of(message.locations) == domain:
            part[message.id] = message
    return part


def _whole_template() -> Catalog:
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


def read(language: str, domain: str = DOMAIN) -> Catalog:
    """``language``'s catalog file of ``domain`` (empty when there is none yet)."""
    from babel.messages.pofile import read_po

    path = catalog_path(language, domain)
    if not path.is_file():
        return _new(language, domain)
    with path.open("rb") as po:
        return read_po(po, locale=language.replace("-", "_"), domain=domain)


def write(language: str, catalog: Catalog) -> None:
    from babel.messages.pofile import write_po

    path = catalog_path(language, catalog.domain or DOMAIN)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as po:
        # No line numbers: a catalog changes when a message does, not when code moves.
        write_po(po, catalog, width=100, include_lineno=False)


def missing(language: str) -> list[str]:
    """The messages of the source that none of ``language``'s catalog files translates."""
    catalogs = [read(language, domain) for domain in DOMAINS]
    out = []
    for message in template():
        if not message.id:
            continue
        if not any(_translated(catalog, message) for catalog in catalogs):
            out.append(message.id if isinstance(message.id, str) else message.id[0])
    return out


def _translated(catalog: Catalog, message: object) -> bool:
    found = catalog.get(message.id, message.context)  # type: ignore[attr-defined]
    if found is None or found.fuzzy:
        return False
    strings = found.string
    texts = strings if isinstance(strings, (list, tuple)) else [strings]
    return all(texts)


def update() -> None:
    for domain in DOMAINS:
        source = template(domain)
        for language in available()[1:]:
            catalog = read(language, domain)
            catalog.update(source, no_fuzzy_matching=True)
            write(language, catalog)


def _new(language: str, domain: str) -> Catalog:
    return Catalog(
        locale=language.replace("-", "_"),
        domain=domain,
        project="workbook",
        copyright_holder="the workbook's authors",
        msgid_bugs_address="",
        fuzzy=False,
    )


def init(language: str) -> None:
    for domain in DOMAINS:
        catalog = _new(language, domain)
        catalog.update(template(domain), no_fuzzy_matching=True)
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
