"""The catalogs' upkeep (``workbook.i18n.extract``) on a language of its own in a temporary
folder: init, update and check, against a small template instead of the whole source."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.catalog import Catalog

from workbook.i18n import extract
from workbook.i18n.catalog import DOMAIN


@pytest.fixture
def locale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    def path(language: str, domain: str) -> Path:
        return tmp_path / language / "LC_MESSAGES" / f"{domain}.po"

    def whole() -> Catalog:
        made = Catalog(domain=DOMAIN, project="workbook", charset="utf-8")
        made.add("Export", locations=[("workbook/tui/screens/home.py", 3)])
        made.add("Our agreements", locations=[("workbook/export/agreement_doc.py", 9)])
        made.add(("One file", "{n} files"), locations=[("workbook/cli/app.py", 4)])
        made.add("Open", locations=[("workbook/tui/screens/home.py", 5)], context="a door")
        return made

    monkeypatch.setattr(extract, "catalog_path", path)
    monkeypatch.setattr(extract, "available", lambda: ["en", "xx"])
    monkeypatch.setattr(extract, "_whole_template", whole)
    return tmp_path


def test_the_template_splits_the_screens_words_from_the_rest(locale: Path) -> None:
    assert {m.id for m in extract.template(extract.TUI) if m.id} == {"Export", "Open"}
    rest = {m.id for m in extract.template(DOMAIN) if m.id}
    assert rest == {"Our agreements", ("One file", "{n} files")}
    assert len([m for m in extract.template() if m.id]) == 4


def test_init_writes_both_files_and_check_names_what_is_not_translated(
    locale: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert [m for m in extract.read("xx") if m.id] == []  # no file yet: an empty catalog
    assert extract.main(["init", "xx"]) == 0
    assert (locale / "xx" / "LC_MESSAGES" / "tui.po").is_file()
    assert (locale / "xx" / "LC_MESSAGES" / f"{DOMAIN}.po").is_file()
    assert sorted(extract.missing("xx")) == ["Export", "One file", "Open", "Our agreements"]
    assert extract.main(["check"]) == 1
    assert "xx: not translated: 'Export'" in capsys.readouterr().out


def test_a_catalog_translated_whole_passes_the_check_and_a_fuzzy_one_does_not(
    locale: Path,
) -> None:
    extract.init("xx")
    for domain in extract.DOMAINS:
        catalog = extract.read("xx", domain)
        for message in catalog:
            if message.id:
                message.string = (
                    ("Un", "{n}") if isinstance(message.id, tuple) else f"[{message.id}]"
                )
        extract.write("xx", catalog)
    assert extract.missing("xx") == []
    assert extract.main(["check"]) == 0
    tui = extract.read("xx", extract.TUI)
    found = tui.get("Export")
    assert found is not None
    found.flags.add("fuzzy")
    extract.write("xx", tui)
    assert extract.missing("xx") == ["Export"]


def test_update_adds_new_messages_and_keeps_translations(
    locale: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    extract.init("xx")
    catalog = extract.read("xx", extract.TUI)
    found = catalog.get("Export")
    assert found is not None
    found.string = "Exporter"
    extract.write("xx", catalog)
    whole = extract._whole_template()
    whole.add("Resume", locations=[("workbook/tui/screens/home.py", 7)])
    monkeypatch.setattr(extract, "_whole_template", lambda: whole)
    assert extract.main(["update"]) == 0
    again = extract.read("xx", extract.TUI)
    kept, new = again.get("Export"), again.get("Resume")
    assert kept is not None
    assert kept.string == "Exporter"
    assert new is not None
    assert not new.string


def test_an_unknown_command_prints_the_usage(capsys: pytest.CaptureFixture[str]) -> None:
    assert extract.main(["translate"]) == 2
    assert extract.main(["init"]) == 2
    assert "python -m workbook.i18n.extract check" in capsys.readouterr().err
