"""The interface's languages: catalogs complete and with each language's plural forms, the
language chosen per couple (never for the whole process), the pseudo-language, and no message
built before it reaches the catalog."""

from __future__ import annotations

import ast
import asyncio
import re
from pathlib import Path

import pytest
from babel.messages.plurals import get_plural

from workbook.i18n import extract
from workbook.i18n.catalog import (
    PSEUDO,
    _,
    available,
    current,
    ngettext,
    speaking,
    translations,
)
from workbook.i18n.pseudo import is_pseudo, pseudo
from workbook.i18n.tags import best_match, is_rtl, normalize

ROOT = Path(__file__).parents[1] / "workbook"
LANGUAGES = available()[1:]
MARKERS = {"_", "gettext", "N_", "ngettext", "pgettext", "npgettext"}


def test_spanish_and_arabic_are_there() -> None:
    assert {"es", "ar"} <= set(LANGUAGES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_catalog_has_every_message(language: str) -> None:
    assert extract.missing(language) == []


@pytest.mark.parametrize("domain", extract.DOMAINS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_each_catalog_has_its_language_s_plural_forms(language: str, domain: str) -> None:
    catalog = extract.read(language, domain)
    rule = get_plural(language)
    assert catalog.num_plurals == rule.num_plurals
    assert catalog.plural_expr == rule.plural_expr
    for message in catalog:
        if message.id and message.pluralizable:
            assert isinstance(message.string, tuple), message.id
            assert len(message.string) == rule.num_plurals, message.id
            assert all(message.string), message.id


def test_plural_forms_follow_the_language_s_rules() -> None:
    # Arabic has six forms: the catalog compiled at load time picks each by its rule.
    one = "{pack}: {step} ({count} check-in, {first} to {last})"
    many = "{pack}: {step} ({count} check-ins, {first} to {last})"
    arabic = translations("ar")
    found = extract.read("ar").get(one)
    assert found is not None
    assert isinstance(found.string, tuple)
    forms = list(found.string)
    assert [arabic.ngettext(one, many, n) for n in (0, 1, 2, 3, 11, 100)] == forms
    spanish = translations("es")
    assert spanish.ngettext(one, many, 1) != spanish.ngettext(one, many, 2)


def built_messages(source: str) -> list[int]:
    """The lines of ``source`` where a message is built before it reaches the catalog:
    ``_(f"...")``, ``_("..." + x)``, ``_("...".format(x))``. (A name is allowed: a message
    marked with ``N_`` where it is defined is translated where it is shown.)"""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        if name not in MARKERS:
            continue
        for arg in node.args:
            if isinstance(arg, (ast.JoinedStr, ast.BinOp)) or (
                isinstance(arg, ast.Call) and getattr(arg.func, "attr", None) == "format"
            ):
                found.append(node.lineno)
    return found


def test_a_message_is_a_fixed_string_never_built_before_the_catalog() -> None:
    """A built message never matches a catalog entry: the placeholders are named in the
    message and filled after it is translated."""
    found = [
        f"{path.relative_to(ROOT.parent)}:{line}"
        # The machinery itself (workbook/i18n) passes messages on by name, as it must.
        for path in ROOT.rglob("*.py")
        if "i18n" not in path.parts
        for line in built_messages(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_the_check_finds_each_way_of_building_a_message() -> None:
    source = '_(f"Hi {name}")\n_("a" + b)\ntr.gettext("{x}".format(x=1))\n_("fine")\n_(NAME)\n'
    assert built_messages(source) == [1, 2, 3]


def test_the_language_is_per_context_never_for_the_whole_process() -> None:
    async def speak(language: str) -> str:
        with speaking(language):
            await asyncio.sleep(0)
            return _("feels safe to speak openly here")

    async def both() -> list[str]:
        return list(await asyncio.gather(speak("es"), speak("ar"), speak("en")))

    spanish, arabic, english = asyncio.run(both())
    assert spanish.startswith("se siente")
    assert "بالأمان" in arabic
    assert english == "feels safe to speak openly here"
    assert current().language == "en"


def test_tags_match_a_region_to_its_language_and_know_right_to_left() -> None:
    assert normalize("pt_br") == "pt-BR"
    assert normalize("es_ES.UTF-8") == "es-ES"
    assert normalize("not a tag") is None
    assert best_match("es-MX", ["en", "es"]) == "es"
    assert best_match("fr", ["en", "es"]) is None
    assert translations("es-MX").language == "es"
    assert translations("xx").language == "en"
    assert is_rtl("ar")
    assert is_rtl("fa-IR")
    assert not is_rtl("es")


def test_the_pseudo_language_is_accented_longer_and_keeps_placeholders() -> None:
    said = pseudo("Pass the screen to {name}. %(count)s left")
    assert "{name}" in said
    assert "%(count)s" in said
    assert len(said) >= 1.4 * len("Pass the screen to {name}. %(count)s left")
    assert is_pseudo(said)
    assert not is_pseudo("Pass the screen")
    tr = translations(PSEUDO)
    assert is_pseudo(tr.ngettext("{count} check-in", "{count} check-ins", 3))
    assert tr.format_date(__import__("datetime").date(2026, 12, 18)) == "December 18, 2026"
    assert ngettext("a", "b", 2) == "b"


@pytest.mark.parametrize("domain", extract.DOMAINS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_app_reads_each_catalog_as_babel_and_gettext_do(language: str, domain: str) -> None:
    """The app's own ``.po`` reader (no Babel at start-up) gives what gettext gives from the
    ``.mo`` Babel compiles, for every message and every count's plural form, in each of the
    language's files."""
    import gettext
    import io

    from babel.messages.mofile import write_mo

    from workbook.i18n.catalog import catalog_path
    from workbook.i18n.po import PoTranslations

    catalog = extract.read(language, domain)
    if not catalog_path(language, domain).is_file():
        pytest.skip(f"{language} has no {domain}.po yet")
    mo = io.BytesIO()
    write_mo(mo, catalog)
    mo.seek(0)
    reference = gettext.GNUTranslations(mo)
    ours = PoTranslations(catalog_path(language, domain))
    for message in catalog:
        if not message.id:
            continue
        context = message.context
        if isinstance(message.id, tuple):
            one, many = message.id[0], message.id[1]
            for n in range(0, 112):
                if context:
                    assert ours.npgettext(context, one, many, n) == reference.npgettext(
                        context, one, many, n
                    )
                else:
                    assert ours.ngettext(one, many, n) == reference.ngettext(one, many, n)
        elif isinstance(message.id, str) and context:
            assert ours.pgettext(context, message.id) == reference.pgettext(context, message.id)
        elif isinstance(message.id, str):
            assert ours.gettext(message.id) == reference.gettext(message.id)
    assert ours.gettext("not in any catalog") == "not in any catalog"


PLACEHOLDER = re.compile(r"\{(\w*)\}")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_translation_keeps_its_message_s_placeholders(language: str) -> None:
    """A translation names only the message's placeholders, and all of them (a plural form
    may leave out the count it spells out: "دقيقتان" for two minutes)."""
    for message in extract.read(language):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, (list, tuple)) else (message.id,)
        wanted = set().union(*(set(PLACEHOLDER.findall(text)) for text in ids))
        strings = message.string if isinstance(message.string, (list, tuple)) else (message.string,)
        for text in strings:
            found = set(PLACEHOLDER.findall(text or ""))
            assert found <= wanted, (message.id, text)
            if len(ids) == 1:
                assert found == wanted, (message.id, text)


def test_a_language_s_po_files_are_read_as_one_catalog(tmp_path: Path) -> None:
    """``workbook.po`` and ``tui.po`` are one catalog when loaded: each file's messages are
    found, the first file's word wins where both have one, and the plural rule is read."""
    from workbook.i18n.po import PoTranslations

    header = (
        'msgid ""\nmsgstr ""\n"Plural-Forms: nplurals=3; plural=(n == 1 ? 0 : '
        'n != 0 && n % 1000000 == 0 ? 1 : 2);\\n"\n\n'
    )
    (tmp_path / "tui.po").write_text(
        header + 'msgid "Next"\nmsgstr "Siguiente"\n\nmsgid "Both"\nmsgstr "tui"\n\n'
        'msgid "{n} step"\nmsgid_plural "{n} steps"\n'
        'msgstr[0] "{n} paso"\nmsgstr[1] "{n} de pasos"\nmsgstr[2] "{n} pasos"\n',
        encoding="utf-8",
    )
    (tmp_path / "workbook.po").write_text(
        header + 'msgid "Agreements"\nmsgstr "Acuerdos"\n\nmsgid "Both"\nmsgstr "workbook"\n',
        encoding="utf-8",
    )
    merged = PoTranslations(tmp_path / "tui.po", tmp_path / "workbook.po")
    assert merged.gettext("Next") == "Siguiente"
    assert merged.gettext("Agreements") == "Acuerdos"
    assert merged.gettext("Both") == "tui"
    assert merged.gettext("Elsewhere") == "Elsewhere"
    assert [merged.ngettext("{n} step", "{n} steps", n) for n in (1, 2, 1000000)] == [
        "{n} paso",
        "{n} pasos",
        "{n} de pasos",
    ]


def test_the_loader_reads_every_po_file_of_the_language() -> None:
    from workbook.i18n import catalog

    assert [path.name for path in catalog.catalog_paths("es")] == sorted(
        path.name for path in (catalog.LOCALE_FOLDER / "es" / "LC_MESSAGES").glob("*.po")
    )
    assert catalog.catalog_paths("xx") == []


def test_a_screen_s_message_goes_to_tui_po_and_a_shared_one_to_workbook_po() -> None:
    assert extract.domain_of([("workbook/tui/screens/home.py", None)]) == extract.TUI
    assert extract.domain_of([("workbook/export/agreement_doc.py", None)]) == extract.DOMAINS[0]
    mixed = [("workbook/tui/screens/home.py", None), ("workbook/logic/terms.py", None)]
    assert extract.domain_of(mixed) == extract.DOMAINS[0]
