"""The unlock screen's key-file problems and the practice PIN's problems (issue 25): English for
the command line, word for word as before, and said in the screen's language."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from workbook.data import key_files, pin, vault
from workbook.i18n.catalog import translations
from workbook.i18n.said import said_in
from workbook.service import folder
from workbook.service.errors import Refused

SPANISH, ARABIC = translations("es"), translations("ar")
# English words that no Spanish or Arabic problem may keep (paths and commands aside).
ENGLISH = ("missing", "damaged", "cannot", "restore", "folder,", "link", "empty", "PIN needs")
FIX = (
    "restore key.age from a backup. key.recovery.age is damaged: it is empty, so the recovery "
    "code cannot help until it is restored as well"
)


def _english_left(said: str, root: Path) -> list[str]:
    words = said.replace(str(root), "").replace(key_files.LOST_HINT, "")
    words = words.replace(key_files.NEW_CODE_HINT, "")
    return [word for word in ENGLISH if word in words]


def _key_age(root: Path, how: str) -> None:
    key = root / vault.KEY_FILE
    if how == "empty":
        key.write_bytes(b"")
    elif how == "not age":
        key.write_bytes(b"hello")
    elif how == "folder":
        key.mkdir()
    elif how == "link":
        os.symlink(root / "elsewhere", key)


@pytest.mark.parametrize(
    ("how", "wrong"),
    [
        (
            "missing",
            "key.age is missing from {root}, which is encrypted (it holds key.recovery.age)",
        ),
        ("empty", "key.age in {root} is damaged: it is empty"),
        ("not age", "key.age in {root} is damaged: it is not an age file"),
        ("folder", "key.age in {root} is a folder, not the key file (move it out of the way)"),
        (
            "link",
            "key.age in {root} is a link, which workbook never follows for a key (put a copy of "
            "the file it leads to in its place)",
        ),
    ],
)
def test_each_key_age_problem_is_english_as_before_and_said_in_spanish_and_arabic(
    tmp_path: Path, how: str, wrong: str
) -> None:
    (tmp_path / vault.RECOVERY_FILE).write_bytes(b"")
    _key_age(tmp_path, how)
    problem = key_files.problem(tmp_path)
    assert problem is not None
    english = (
        f"{wrong.format(root=tmp_path)}, so the folder cannot be opened; nothing in it was read "
        f"or changed. To open it, {FIX}."
    )
    assert problem.message == english
    with pytest.raises(folder.KeyBroken) as raised:
        folder.check_keys(tmp_path)
    assert str(raised.value) == english
    for tr in (SPANISH, ARABIC):
        said = said_in(raised.value, tr)
        assert str(tmp_path) in said
        assert _english_left(said, tmp_path) == []
    assert "no se puede abrir" in raised.value.said(SPANISH)


def test_a_damaged_key_age_is_said_in_spanish_when_it_is_unwrapped(tmp_path: Path) -> None:
    _key_age(tmp_path, "empty")
    with pytest.raises(key_files.KeyProblem) as raised:
        key_files.unwrap(tmp_path, "a passphrase")
    said = raised.value.said(SPANISH)
    assert str(raised.value).startswith(f"key.age in {tmp_path} is damaged: it is empty, so")
    assert "está vacío" in said
    assert "También falta key.recovery.age" in said
    assert _english_left(said, tmp_path) == []


def test_the_recovery_note_is_said_in_spanish(tmp_path: Path) -> None:
    (tmp_path / vault.KEY_FILE).write_bytes(b"x")
    note = folder.recovery_note(tmp_path)
    assert note is not None
    assert note.message == (
        "key.recovery.age is missing: without it a lost passphrase cannot be recovered. Make a "
        f"new recovery code now: {key_files.NEW_CODE_HINT} (it needs the passphrase)."
    )
    said = said_in(note, SPANISH)
    assert "código de recuperación" in said
    assert _english_left(said, tmp_path) == []
    with pytest.raises(Refused) as raised:
        folder.require_recovery(tmp_path)
    assert "ningún código de recuperación" in raised.value.said(SPANISH)


@pytest.mark.parametrize(
    ("secret", "english", "spanish"),
    [
        ("12", "the PIN needs at least 4 characters", "el PIN necesita al menos 4 caracteres"),
        ("1" * 201, "the PIN may have at most 200 characters", "como máximo 200"),
        (" 1234", "the PIN may not begin or end with a space", "ni terminar con un espacio"),
    ],
)
def test_each_pin_problem_is_english_as_before_and_said_in_spanish(
    secret: str, english: str, spanish: str
) -> None:
    assert pin.problem(secret) == folder.pin_problem(secret) == english
    wrong = pin.wrong(secret)
    assert wrong is not None
    assert spanish in wrong.said(SPANISH)
    assert "PIN" in wrong.said(ARABIC)
    assert "characters" not in wrong.said(ARABIC)
    assert pin.wrong("1234") is None
