"""Sealed files in an unlocked folder, the paths left: a file larger than the limit once opened,
another data key, a flagged file never written over, a deleted couple's counters dropped, and an
index of counters that is a link, unreadable, cannot be written or whose lock is busy (the data
file is saved every time; only the check of an older copy waits)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.crypt_helpers import PASSPHRASE, quick_wrap
from workbook.data import crypt_folder, locks, places, vault
from workbook.data.durable import SaveError, replace_file
from workbook.reading import Unreadable


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An encrypted folder, unlocked; let go of after the test."""
    quick_wrap(monkeypatch)
    made = tmp_path / "data"
    crypt_folder.encrypt(made, PASSPHRASE, lambda code: None)
    crypt_folder.open_folder(made, PASSPHRASE, lambda code: None)
    yield made
    vault.forget_all()


def index(root: Path) -> Path:
    return root / (places.INDEX + vault.SUFFIX)


def read(path: Path) -> bytes:
    return places.read_limited(path, 1000)


def test_a_file_larger_than_the_limit_once_opened_is_unreadable(root: Path) -> None:
    path = root / "big.toml"
    places.write_atomic(path, b"x" * 500)
    assert read(path) == b"x" * 500
    with pytest.raises(Unreadable, match="larger than"):
        places.read_limited(path, 100)


def test_a_header_naming_another_data_key_is_refused(root: Path) -> None:
    path = root / "a.toml"
    found = vault.key_for(path)
    assert found is not None
    _, key = found
    plain = places.seal_bytes(key, "a.toml", 5, b"body")
    assert places.opened(path, root, key, key.unseal(plain)) == b"body"
    forged = key.unseal(plain).replace(key.id.encode(), b"another-key")
    with pytest.raises(places.Refused, match="another data key"):
        places.opened(path, root, key, forged)


def test_a_file_from_another_place_is_never_written_over(root: Path) -> None:
    places.write_atomic(root / "a.toml", b"a = 1\n")
    shutil.copy(vault.disk(root / "a.toml"), vault.disk(root / "b.toml"))
    with pytest.raises(Unreadable, match=r"was sealed as a\.toml"):
        read(root / "b.toml")
    copied = vault.disk(root / "b.toml").read_bytes()
    with pytest.raises(SaveError, match=r"was sealed as a\.toml"):
        places.write_atomic(root / "b.toml", b"b = 2\n")
    assert vault.disk(root / "b.toml").read_bytes() == copied


def test_a_deleted_couples_counters_are_dropped(root: Path) -> None:
    for couple in ("ana-and-ben", "cy-and-di"):
        (root / "couples" / couple).mkdir(parents=True, exist_ok=True)
        places.write_atomic(root / "couples" / couple / "couple.toml", b"x = 1\n")
    kept = places.counters(root)
    assert {"couples/ana-and-ben/couple.toml", "couples/cy-and-di/couple.toml"} <= set(kept)
    shutil.rmtree(root / "couples" / "ana-and-ben")
    kept = places.counters(root)
    assert "couples/ana-and-ben/couple.toml" not in kept
    assert "couples/cy-and-di/couple.toml" in kept


def test_an_index_that_is_a_link_is_left_alone(root: Path, tmp_path: Path) -> None:
    places.write_atomic(root / "a.toml", b"a = 1\n")
    elsewhere = tmp_path / "elsewhere.age"
    elsewhere.write_bytes(b"not ours")
    index(root).unlink()
    index(root).symlink_to(elsewhere)
    places.forget(root)
    places.write_atomic(root / "b.toml", b"b = 2\n")
    assert read(root / "b.toml") == b"b = 2\n"
    assert index(root).is_symlink()
    assert elsewhere.read_bytes() == b"not ours"
    assert places.counters(root) == {}


def test_an_unreadable_index_is_written_anew(root: Path) -> None:
    index(root).write_bytes(b"damaged, not sealed")
    places.forget(root)
    places.write_atomic(root / "a.toml", b"a = 1\n")
    assert read(root / "a.toml") == b"a = 1\n"
    places.forget(root)
    assert set(places.counters(root)) == {"a.toml"}


def test_an_index_that_cannot_be_written_leaves_the_file_saved(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = places.counters(root)
    given = replace_file

    def replace(path: Path, data: bytes) -> None:
        if path.name.startswith(places.INDEX):
            raise OSError(28, "No space left on device")
        given(path, data)

    monkeypatch.setattr(places, "replace_file", replace)
    places.write_atomic(root / "a.toml", b"a = 1\n")
    assert read(root / "a.toml") == b"a = 1\n"
    places.forget(root)
    assert places.counters(root) == before


def test_a_busy_index_lock_leaves_the_file_saved_uncounted(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def busy(path: Path, wait: float) -> Any:
        raise locks.Busy(path)

    monkeypatch.setattr(locks, "file_lock", busy)
    places.write_atomic(root / "a.toml", b"a = 1\n")
    assert read(root / "a.toml") == b"a = 1\n"
    assert "a.toml" not in places.counters(root)
