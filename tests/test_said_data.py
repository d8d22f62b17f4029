"""A data file's read errors, the reasons a file cannot be read, and two key-file errors (issue
25): English for the command line, byte for byte as before, and said in Spanish and Arabic."""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path

import pytest

from tests.test_said import ARABIC, SPANISH
from workbook.data import crypt_keys, crypt_run, key_files, overview, vault
from workbook.data.durable import SaveError
from workbook.data.files import DataError, read_table
from workbook.data.store import Store
from workbook.i18n.said import said_in
from workbook.reading import reason_for

# Names that stay as they are in every language: the app, keys and formats of a file.
KEPT = {"workbook", "TOML", "UTF", "format", "partners", "agreements", "name", "key", "age"}


def english_left(said: str, english: str, *literals: str) -> list[str]:
    """The words of ``english`` (three letters or more) that ``said`` still has, ``literals``
    (paths, a parser's own words) and ``KEPT`` aside."""
    for literal in literals:
        said, english = said.replace(literal, " "), english.replace(literal, " ")
    words = set(re.findall(r"[A-Za-z]{3,}", english)) - KEPT
    return sorted(word for word in words if re.search(rf"\b{word}\b", said))


def _said_everywhere(error: Exception, english: str, *literals: str) -> None:
    assert str(error) == english
    for tr in (SPANISH, ARABIC):
        said = said_in(error, tr)
        assert said != english
        assert english_left(said, english, *literals) == []


def _damaged(folder: Path, how: str) -> Path:
    path = folder / "couple.toml"
    if how == "missing":
        pass
    elif how == "not UTF-8":
        path.write_bytes(b"\xff\xfeab")
    elif how == "not TOML":
        path.write_text("a = \n", encoding="utf-8")
    elif how == "too deep":
        path.write_text("a = " + "[" * 40 + "]" * 40 + "\n", encoding="utf-8")
    elif how == "a folder":
        path.mkdir()
    elif how == "too large":
        with path.open("wb") as grown:
            grown.truncate(32_000_001)
    elif how == "a pipe":
        os.mkfifo(path)
    elif how == "a loop":
        os.symlink(path, path)
    elif how == "under a file":
        (folder / "plain").write_text("x", encoding="utf-8")
        path = folder / "plain" / "couple.toml"
    elif how == "a long name":
        path = folder / ("n" * 300)
    return path


@pytest.mark.parametrize(
    ("how", "english", "detail"),
    [
        ("missing", "cannot read the file: the file does not exist", ""),
        ("not UTF-8", "the file is not UTF-8 text", ""),
        ("not TOML", "line 1, column 5: not valid TOML: Invalid value", "Invalid value"),
        ("too deep", "{deep}: values are nested more than 32 levels deep", ""),
        ("a folder", "cannot read the file: it is a folder, not a file", ""),
        ("too large", "cannot read the file: it is larger than 32 MB", ""),
        (
            "a pipe",
            "cannot read the file: it is not a regular file (a pipe, a socket or a device)",
            "",
        ),
        ("a loop", "cannot read the file: it is a link that leads back to itself", ""),
        ("under a file", "cannot read the file: a part of its path is not a folder", ""),
        ("a long name", "cannot read the file: its name is too long", ""),
    ],
)
def test_each_read_error_is_english_as_before_and_said_in_spanish_and_arabic(
    tmp_path: Path, how: str, english: str, detail: str
) -> None:
    path = _damaged(tmp_path, how)
    with pytest.raises(DataError) as raised:
        read_table(path)
    english = english.format(deep="a" + "[0]" * 32)
    assert raised.value.message == english
    assert raised.value.path == path
    _said_everywhere(raised.value, f"{path}: {english}", str(path), "a[0]", detail)
    assert raised.value.said(SPANISH).startswith(f"{path}: ")


def _couple(store: Store, text: str, agreements: str = "") -> DataError:
    folder = store.layout.couple_folder("c")
    folder.mkdir(parents=True)
    (folder / "couple.toml").write_text(text, encoding="utf-8")
    path = store.layout.agreements_file("c")
    if agreements:
        path.write_text(agreements, encoding="utf-8")

    def read() -> object:
        if agreements:
            return overview._agreements(path, store.read)
        if "partners" in text:
            return store.load_couple("c")
        return overview.read_facts(store.layout, "c", store.read, store.read_head, [])

    with pytest.raises(DataError) as raised:
        read()
    return raised.value


@pytest.mark.parametrize(
    ("text", "agreements", "english"),
    [
        ('format = 1\nid = "c"\n', "", "partners must be two tables, each with a name"),
        ('id = "c"\npartners = []\n', "", "the file has no format number (format = 1)"),
        (
            'format = 1\nid = "c"\n[[partners]]\nname = "A"\n[[partners]]\nname = "B"\n',
            "agreements = 3\n",
            "agreements must be a list of tables ([[agreements]])",
        ),
    ],
)
def test_a_data_file_of_the_wrong_shape_is_said_in_spanish_and_arabic(
    tmp_path: Path, text: str, agreements: str, english: str
) -> None:
    store = Store(tmp_path / "data")
    store.prepare()
    error = _couple(store, text, agreements)
    _said_everywhere(error, f"{error.path}: {english}", str(error.path))


def test_a_link_outside_the_folder_is_said_and_a_parser_s_words_pass_as_they_are(
    tmp_path: Path,
) -> None:
    store = Store(tmp_path / "data")
    store.prepare()
    (tmp_path / "elsewhere.toml").write_text("format = 1\n", encoding="utf-8")
    store.layout.couple_folder("c").mkdir(parents=True)
    os.symlink(tmp_path / "elsewhere.toml", store.layout.couple_file("c"))
    with pytest.raises(DataError) as raised:
        store.load_couple("c")
    english = "it is a link to a place outside the data folder, which workbook does not follow"
    _said_everywhere(raised.value, f"{raised.value.path}: {english}", str(raised.value.path))
    # As a save's reason (a care flag, a seat's answers), said in the save's language.
    saved = SaveError(raised.value.path, raised.value.problem)
    assert str(saved) == f"could not save {raised.value.path}: {english}"
    assert english_left(said_in(saved, SPANISH), english, str(raised.value.path)) == []
    # pydantic's own words have none of ours: they stay as pydantic gives them.
    braces = DataError(Path("/x.toml"), "partners.0.{name}: Field required")
    assert braces.said(SPANISH) == str(braces) == "/x.toml: partners.0.{name}: Field required"


@pytest.mark.parametrize(
    ("code", "english"),
    [
        (errno.ENOENT, "the file does not exist"),
        (errno.ELOOP, "it is a link that leads back to itself"),
        (errno.EACCES, "permission to read it is denied"),
        (errno.EPERM, "permission to read it is denied"),
        (errno.EISDIR, "it is a folder, not a file"),
        (errno.ENAMETOOLONG, "its name is too long"),
        (errno.ENOTDIR, "a part of its path is not a folder"),
    ],
)
def test_each_reason_a_file_cannot_be_read_is_said_in_spanish_and_arabic(
    code: int, english: str
) -> None:
    _said_everywhere(reason_for(OSError(code, os.strerror(code))), english)
    # One a reader has no words for: the OS's, by its errno where the catalog has words for it
    # (os_words), else as the OS gives them; the English is the OS's.
    full = reason_for(OSError(errno.ENOSPC, "No space left on device"))
    assert str(full) == "No space left on device"
    assert said_in(full, SPANISH) == "el disco está lleno"
    own = reason_for(OSError(errno.EXDEV, "Invalid cross-device link"))
    assert str(own) == said_in(own, SPANISH) == "Invalid cross-device link"


def test_a_key_file_that_is_a_folder_or_cannot_be_read_is_said_in_spanish_and_arabic(
    tmp_path: Path,
) -> None:
    (tmp_path / vault.KEY_FILE).mkdir()
    with pytest.raises(key_files.KeyProblem) as folder:
        crypt_keys.change_passphrase(tmp_path, vault.Key.generate(), "a new one")
    english = f"key.age in {tmp_path} is a folder: move it out of the way; nothing was changed"
    _said_everywhere(folder.value, english, str(tmp_path))
    missing = tmp_path / "gone.toml.age"
    with pytest.raises(key_files.CryptError) as unread:
        crypt_run.read_file(missing)
    english = f"{missing} cannot be read: the file does not exist"
    _said_everywhere(unread.value, english, str(missing))
