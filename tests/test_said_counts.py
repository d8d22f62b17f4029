"""A sentence about a count is one plural message (issue 25): a removal that left files behind
says "1 file … it is" or "3 files … they are" in English, and each language's own form for
0, 1, 2, 3, 11 and 100 (Arabic has six), with no English word."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest

from tests.test_said import ARABIC, SPANISH
from tests.test_said_data import english_left
from workbook.data import removal
from workbook.data.durable import SaveError
from workbook.data.store import Store
from workbook.i18n.catalog import SOURCE_TRANSLATIONS
from workbook.i18n.os_words import OsProblem
from workbook.i18n.said import said_in

COUNTS = (0, 1, 2, 3, 11, 100)
FIRST = "/t/f0.toml"
# What each language says of the files for each count, and where they are now.
SPANISH_FORMS = {
    1: f"no se pudo borrar 1 archivo ({FIRST}: no hay permiso); está en ",
    **{
        count: f"no se pudieron borrar {count} archivos (el primero: {FIRST}: no hay permiso); "
        "están en "
        for count in (0, 2, 3, 11, 100)
    },
}
ARABIC_FORMS = {
    0: f"حذف 0 ملف ({FIRST}: الإذن مرفوض)؛ وما بقي الآن في ",
    1: f"حذف ملف واحد ({FIRST}: الإذن مرفوض)؛ وهو الآن في ",
    2: f"حذف ملفين (أولهما: {FIRST}: الإذن مرفوض)؛ وهما الآن في ",
    3: f"حذف 3 ملفات (أولها: {FIRST}: الإذن مرفوض)؛ وهي الآن في ",
    11: f"حذف 11 ملفًا (أولها: {FIRST}: الإذن مرفوض)؛ وهي الآن في ",
    100: f"حذف 100 ملف (أولها: {FIRST}: الإذن مرفوض)؛ وهي الآن في ",
}


@pytest.fixture
def left_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[Store, str, dict[int, SaveError]]:
    """The error of a removal that could not remove ``count`` files, for each count but 0 (a
    removal with nothing left says nothing)."""
    store = Store(tmp_path / "data")
    denied = OsProblem(PermissionError(13, "Permission denied"))
    monkeypatch.setattr("workbook.data.index.forget", lambda store, couple_id: None)
    raised = {}
    for count in COUNTS[1:]:
        couple = store.create_couple("Sam", "Alex", when=datetime(2026, 12, 1, 18, 0))
        failures = [(f"/t/f{n}.toml", denied) for n in range(count)]
        monkeypatch.setattr(removal, "remove_tree", lambda path, failures=failures: failures)
        with pytest.raises(SaveError) as left:
            removal.remove_couple(store, couple.id)
        raised[count] = left.value
    return store, str(store.layout.couples), raised


def test_a_removal_that_left_files_says_how_many_in_each_language(
    left_behind: tuple[Store, str, dict[int, SaveError]],
) -> None:
    _store, couples, raised = left_behind
    english = "the couple is no longer listed, but 1 file could not be removed"
    assert raised[1].reason.startswith(f"{english} ({FIRST}: Permission denied); it is in ")
    for count in (2, 3, 11, 100):
        reason = raised[count].reason
        assert f"but {count} files could not be removed (the first: {FIRST}: " in reason
        assert "); they are in " in reason
    for count, error in raised.items():
        assert "file(s)" not in str(error)
        trash = error.reason.split(" in ")[-1].split(",")[0]
        assert trash.startswith(couples)
        for tr, forms in ((SPANISH, SPANISH_FORMS), (ARABIC, ARABIC_FORMS)):
            said = said_in(error, tr)
            assert forms[count] + trash in said, (tr, count, said)
            assert english_left(said, str(error), str(error.path), trash, FIRST) == []


def test_none_left_has_its_own_form_too(
    left_behind: tuple[Store, str, dict[int, SaveError]],
) -> None:
    from workbook.i18n.said import Counted

    words = left_behind[2][1].given
    assert isinstance(words, Counted)
    fields = {name: value for name, value in words.fields.items() if name != "count"}
    none = Counted(words.singular, words.plural, 0, **fields)
    assert "0 files could not be removed (the first: " in none.message
    assert SPANISH_FORMS[0] in none.said(SPANISH)
    assert ARABIC_FORMS[0] in none.said(ARABIC)
    assert none.said(SOURCE_TRANSLATIONS) == none.message


def test_a_file_that_cannot_be_removed_says_what_the_os_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workbook.data import trash

    folder = tmp_path / ".removed-sam-and-alex-0000abcd"
    folder.mkdir()
    (folder / "kept.toml").write_text("x", encoding="utf-8")
    (folder / "gone.toml").write_text("x", encoding="utf-8")
    unlink = os.unlink

    def refuse(path: str, *args: object, **kwargs: object) -> None:
        if str(path).endswith("kept.toml"):
            raise PermissionError(13, "Permission denied", path)
        unlink(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "unlink", refuse)
    failures = trash.remove_tree(folder)
    # The folder cannot go either, with a file left in it.
    assert [Path(where).name for where, _reason in failures] == ["kept.toml", folder.name]
    assert said_in(failures[1][1], SPANISH) == "la carpeta no está vacía"
    reason = failures[0][1]
    # A removal's words, not a reader's ("permission to read it is denied").
    assert str(reason) == "Permission denied"
    assert said_in(reason, SPANISH) == "no hay permiso"
    assert said_in(reason, ARABIC) == "الإذن مرفوض"
    assert not (folder / "gone.toml").exists()
