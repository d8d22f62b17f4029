"""A data file of the wrong shape (couple.toml, a session file: ``model_files.describe``) is
said in our own words, never pydantic's: chosen by the error's type, or a validator's own
``Refusal``; in the screen's language, its problems joined as the language joins a list. The
command line's English names the keys as before."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from workbook.data.files import DataError
from workbook.data.model_files import from_table
from workbook.data.models import Couple, Session
from workbook.i18n.catalog import translations

PATH = Path("/x/couple.toml")
WORD = re.compile(r"[A-Za-z]{3,}")
KEYS = {"partners", "created", "name", "started", "updated", "key", "toml", "workbook", "couple"}


def refused(table: dict[str, Any], model: type[Any] = Couple) -> DataError:
    with pytest.raises(DataError) as caught:
        from_table(PATH, "couple", {"format": 1, "id": "x", **table}, model)
    return caught.value


PARTNERS = [{"key": "a", "name": "Ana"}, {"key": "b", "name": "Ben"}]
CASES: dict[str, dict[str, Any]] = {
    "wrong types": {"partners": [{"key": "a", "name": 3}, {"key": "b", "name": "Ben"}]},
    "missing": {},
    "same names": {"partners": [{"key": "a", "name": "Ana"}, {"key": "b", "name": "ana"}]},
    "keys": {"partners": [{"key": "b", "name": "Ana"}, {"key": "a", "name": "Ben"}]},
    "old date": {"partners": PARTNERS, "created": date(1200, 1, 1)},
    "one partner": {"partners": PARTNERS[:1], "created": date(2026, 1, 1)},
}


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("language", ["es", "ar"])
def test_a_file_of_the_wrong_shape_is_said_in_the_screen_s_language(
    case: str, language: str
) -> None:
    error = refused(CASES[case])
    said = error.said(translations(language))
    english = set(WORD.findall(str(error))) - KEYS
    assert english, str(error)
    assert english & set(WORD.findall(said)) == set(), said


def test_the_command_line_keeps_its_english_in_our_words() -> None:
    assert str(refused(CASES["wrong types"])) == (
        f"{PATH}: created: must be given; partners.0.name: must be text"
    )
    same = str(refused({**CASES["same names"], "created": date(2026, 1, 1)}))
    assert same == f"{PATH}: the two partners need different names"
    old = str(refused(CASES["old date"]))
    assert "the date 1200-01-01 is out of range: workbook reads dates from 1900 to 2999" in old
    assert str(refused(CASES["one partner"])) == f"{PATH}: partners: has too few entries"
    missing = str(refused({}, Session))
    assert "Field required" not in missing
    assert "started: must be given" in missing


def test_several_problems_are_joined_as_the_language_lists_them() -> None:
    error = refused({"partners": [{"key": "a", "name": 3}, {"key": "b", "name": 4}]})
    assert "; " in str(error)
    arabic = error.said(translations("ar"))
    assert "؛ " in arabic
    assert "; " not in arabic
