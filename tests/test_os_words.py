"""An OS error on a Spanish or Arabic screen (issue 25): the catalog's words for the errors a
person can meet (``i18n/os_words.py``), with the file's name, cleaned; the OS's own words for
one not in the list; and the English of the command line, the logs and an English screen as
the OS gives it, as before."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from tests.test_said import ARABIC, PSEUDO_WORDS, SPANISH
from tests.test_said_data import english_left
from workbook.data.durable import SaveError
from workbook.data.places import write_atomic
from workbook.data.store import Store
from workbook.i18n.catalog import SOURCE_TRANSLATIONS
from workbook.i18n.os_words import OsProblem
from workbook.i18n.pseudo import is_pseudo
from workbook.i18n.said import said_in
from workbook.service import apart_session

PATH = "/datos/couples/sam-alex/couple.toml"
ERRORS = {
    "denied": (PermissionError(errno.EACCES, "Permission denied"), "no hay permiso"),
    "full": (OSError(errno.ENOSPC, "No space left on device"), "el disco está lleno"),
    "read-only": (OSError(errno.EROFS, "Read-only file system"), "el disco es de solo lectura"),
}
ARABIC_WORDS = {"denied": "الإذن مرفوض", "full": "القرص ممتلئ", "read-only": "القرص للقراءة فقط"}


@pytest.mark.parametrize("kind", sorted(ERRORS))
def test_an_os_error_is_said_in_spanish_and_arabic_with_no_english_word(kind: str) -> None:
    bare, spanish = ERRORS[kind]
    named = type(bare)(bare.errno, bare.strerror, PATH)
    assert said_in(bare, SPANISH) == spanish
    assert said_in(named, SPANISH) == f"{spanish}: {PATH}"
    assert said_in(bare, ARABIC) == ARABIC_WORDS[kind]
    assert said_in(named, ARABIC) == f"{ARABIC_WORDS[kind]}: {PATH}"
    for error in (bare, named):
        for tr in (SPANISH, ARABIC):
            said = said_in(error, tr)
            assert english_left(said, str(error), PATH) == []
            assert "Errno" not in said
        assert is_pseudo(said_in(error, PSEUDO_WORDS).replace(PATH, ""))
        # The command line, the logs and an English screen: the OS's words, as before.
        assert said_in(error, SOURCE_TRANSLATIONS) == str(error)
    assert str(named) == f"[Errno {bare.errno}] {bare.strerror}: '{PATH}'"


def test_an_errno_not_in_the_list_keeps_the_os_s_words() -> None:
    odd = OSError(errno.EXDEV, "Invalid cross-device link", "/a", None, "/b")
    assert said_in(odd, SPANISH) == said_in(odd, ARABIC) == str(odd)
    assert OsProblem(odd).said(SPANISH) == "Invalid cross-device link"
    assert said_in(OSError("no errno at all"), ARABIC) == "no errno at all"


def test_a_hostile_file_name_is_cleaned() -> None:
    name = "/x/\x1b[31mrojo\x07\nline\u202eevil\x00.toml"
    said = said_in(PermissionError(errno.EACCES, "Permission denied", name), SPANISH)
    assert said == "no hay permiso: /x/[31mrojo lineevil.toml"
    raw = OSError(errno.EXDEV, "Invalid cross-device link", name)
    assert "\x1b" not in said_in(raw, SPANISH)
    assert "\u202e" not in said_in(raw, SPANISH)
    as_bytes = OSError(errno.ENOENT, "No such file or directory", os.fsencode("/x/\x1bb"))
    assert said_in(as_bytes, ARABIC) == "غير موجود: /x/b"


def test_a_failed_save_says_what_the_disk_did_in_the_screen_s_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "answers.toml"

    def read_only(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system", str(tmp_path / ".wb-temp.tmp"))

    monkeypatch.setattr(os, "open", read_only)
    with pytest.raises(SaveError) as failed:
        write_atomic(target, b"new")
    # English as before: the OS's words for the problem, the file named once.
    assert str(failed.value) == f"could not save {target}: Read-only file system"
    assert failed.value.reason == "Read-only file system"
    assert said_in(failed.value, SPANISH) == (
        f"no se pudo guardar {target}: el disco es de solo lectura"
    )
    arabic = said_in(failed.value, ARABIC)
    assert "القرص للقراءة فقط" in arabic
    assert "Read" not in arabic
    assert ".wb-temp" not in arabic
    assert said_in(failed.value.why, SPANISH) == "el disco es de solo lectura"


def test_a_session_lock_that_cannot_be_used_says_why_in_the_language() -> None:
    path = Path("/d/s.toml")
    denied = SaveError(path, apart_session.lock_unusable(PermissionError(13, "Permission denied")))
    assert str(denied) == f"could not save {path}: its lock cannot be used: Permission denied"
    assert said_in(denied, SPANISH).endswith(": no hay permiso")
    assert english_left(said_in(denied, ARABIC), str(denied), str(path)) == []


def test_a_recorder_s_os_error_is_said_by_its_errno(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workbook.service.recorder import SessionRecorder

    store = Store(tmp_path / "data")
    couple = store.create_couple("Sam", "Alex")
    session = store.new_session(couple.id, ["respect"])
    recorder = SessionRecorder(store, couple.id, session)

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store, "save_session", full)
    assert not recorder.save()
    assert recorder.failure is not None
    assert recorder.failure.message == "No space left on device"
    assert recorder.failure.said(SPANISH) == "el disco está lleno"
