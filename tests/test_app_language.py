"""Which language the app speaks where no couple decides: settings.toml, else --lang, else the
locale, else English; and --lang reaches the app through the command line."""

from __future__ import annotations

import os

import pytest

from workbook.cli.parser import parser
from workbook.i18n.catalog import translations
from workbook.i18n.choose import COMMAND_LINE, app_language, from_locale


def test_the_setting_comes_first_then_the_command_line_then_the_locale() -> None:
    env = {COMMAND_LINE: "ar", "LANG": "de_DE.UTF-8"}
    assert app_language("es", env) == "es"
    assert app_language(None, env) == "ar"
    assert app_language(None, {"LANG": "es_MX.UTF-8"}) == "es-MX"
    assert app_language(None, {}) == "en"


def test_a_setting_that_is_no_language_is_passed_over() -> None:
    assert app_language("!!", {COMMAND_LINE: "ar"}) == "ar"
    assert app_language(42, {"LANG": "es_ES"}) == "es-ES"
    assert app_language("", {}) == "en"


def test_the_locale_is_read_as_gettext_reads_it() -> None:
    # LC_ALL over LC_MESSAGES over LANG; the first one set decides, the plain locale is English.
    assert from_locale({"LC_ALL": "ar_EG.UTF-8", "LC_MESSAGES": "es", "LANG": "fr"}) == "ar-EG"
    assert from_locale({"LC_MESSAGES": "es_ES.UTF-8", "LANG": "ar"}) == "es-ES"
    assert from_locale({"LC_ALL": "C.UTF-8", "LANG": "es_ES"}) == "en"
    assert from_locale({"LC_ALL": "", "LANG": "POSIX"}) == "en"
    assert from_locale({}) is None


def test_a_language_without_a_catalog_is_spoken_as_english() -> None:
    assert translations(app_language(None, {"LANG": "de_DE.UTF-8"})).language == "en"
    assert translations(app_language(None, {"LANG": "es_AR.UTF-8"})).language == "es"


@pytest.mark.parametrize("where", [["--lang", "es"], ["couples", "--lang", "es"]])
def test_lang_is_an_option_of_every_command(where: list[str]) -> None:
    assert parser().parse_args(where).lang == "es"


def test_lang_is_passed_on_to_the_windows_the_command_line_starts(
    monkeypatch: pytest.MonkeyPatch, tmp_path: object
) -> None:
    from workbook.cli.main import main

    # Set first, so that the test's end puts the environment back as it was.
    monkeypatch.setenv(COMMAND_LINE, "en")
    assert main(["--lang", "ar", "--data-dir", str(tmp_path), "couples", "--json"]) == 0
    assert os.environ[COMMAND_LINE] == "ar"
