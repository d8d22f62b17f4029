"""The catalogs' upkeep (update, init, check) on a temporary locale folder and a small template."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.catalog import Catalog

from workbook.i18n import extract


@pytest.fixture
def locale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    def path(language: str) -> Path:
        return tmp_path / language / "LC_MESSAGES" / "workbook.po"

    def template() -> Catalog:
        catalog = Catalog(domain="workbook")
        catalog.add("Save", None, [("workbook/x.py", 1)])
        catalog.add(("One answer", "Many answers"), None, [("workbook/x.py", 2)])
        return catalog

    monkeypatch.setattr(extract, "catalog_path", path)
    monkeypatch.setattr(extract, "template", template)
    monkeypatch.setattr(
        extract,
        "available",
        lambda: ["en", *sorted(p.name for p in tmp_path.iterdir() if path(p.name).is_file())],
    )
    return tmp_path


def test_init_writes_a_catalog_with_every_message_untranslated(locale: Path) -> None:
    assert extract.main(["init", "xx"]) == 0
    catalog = extract.read("xx")
    assert catalog.get("Save") is not None
    assert extract.missing("xx") == ["Save", "One answer"]


def test_check_lists_the_gaps_and_fails(locale: Path, capsys: pytest.CaptureFixture[str]) -> None:
    extract.init("xx")
    assert extract.main(["check"]) == 1
    out = capsys.readouterr().out
    assert "xx: not translated: 'Save'" in out
    assert "xx: not translated: 'One answer'" in out


def test_check_passes_once_everything_is_translated(locale: Path) -> None:
    extract.init("xx")
    catalog = extract.read("xx")
    catalog["Save"].string = "Sauver"
    catalog.get(("One answer", "Many answers")).string = ("Une", "Plusieurs")
    extract.write("xx", catalog)
    assert extract.missing("xx") == []
    assert extract.main(["check"]) == 0


def test_a_fuzzy_translation_counts_as_missing(locale: Path) -> None:
    extract.init("xx")
    catalog = extract.read("xx")
    catalog["Save"].string = "Sauver"
    catalog["Save"].flags.add("fuzzy")
    catalog.get(("One answer", "Many answers")).string = ("Une", "")
    extract.write("xx", catalog)
    assert extract.missing("xx") == ["Save", "One answer"]


def test_update_adds_new_messages_and_keeps_translations(locale: Path) -> None:
    old = Catalog(locale="xx", domain="workbook")
    old.add("Save", "Sauver")
    old.add("Gone", "Parti")
    extract.write("xx", old)
    assert extract.main(["update"]) == 0
    catalog = extract.read("xx")
    assert catalog["Save"].string == "Sauver"
    assert catalog.get(("One answer", "Many answers")) is not None
    assert catalog.get("Gone") is None
    assert "Gone" in catalog.obsolete


@pytest.mark.parametrize("argv", [[], ["init"], ["nonsense"]])
def test_a_wrong_command_prints_the_usage(
    locale: Path, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert extract.main(argv) == 2
    assert "python -m workbook.i18n.extract check" in capsys.readouterr().err
