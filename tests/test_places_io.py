"""Reading and writing through ``data/places.py`` when the folder's key cannot be looked up:
the error is the one the callers handle (``Unreadable`` / ``SaveError``), with the system's
reason, and nothing is written."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from workbook.data import places, vault
from workbook.data.durable import SaveError
from workbook.reading import Unreadable


@pytest.fixture
def no_key(monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(path: Path) -> None:
        raise OSError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(vault, "key_for", refused)


@pytest.mark.usefixtures("no_key")
def test_a_read_where_the_key_cannot_be_looked_up_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "couple.toml"
    path.write_bytes(b"x = 1\n")
    with pytest.raises(Unreadable, match="Permission denied"):
        places.read_limited(path, 1000)


@pytest.mark.usefixtures("no_key")
def test_a_write_where_the_key_cannot_be_looked_up_is_a_save_error(tmp_path: Path) -> None:
    path = tmp_path / "couple.toml"
    with pytest.raises(SaveError):
        places.write_atomic(path, b"x = 1\n")
    assert not path.exists()


def test_a_plain_folder_reads_and_writes_the_file_itself(tmp_path: Path) -> None:
    path = tmp_path / "couple.toml"
    places.write_atomic(path, b"x = 1\n")
    assert places.read_limited(path, 1000) == b"x = 1\n"
    assert path.stat().st_mode & 0o777 == 0o600
    with pytest.raises(Unreadable):
        places.read_limited(path, 3)
