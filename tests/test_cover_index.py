"""The caseload's index: a couple whose file cannot be read, and an index that cannot be saved."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from workbook.data import index
from workbook.data.store import Store

TODAY = date(2026, 11, 22)


@pytest.fixture
def store(data_dir: Path) -> Store:
    made = Store(data_dir)
    made.prepare()
    return made


def test_a_couple_that_cannot_be_read_is_listed_as_unreadable_and_not_kept(store: Store) -> None:
    good = store.create_couple("Sam", "Alex").id
    bad = store.create_couple("Kim", "Jo").id
    store.layout.couple_file(bad).write_text("not toml [")
    found = index.load_caseload(store, TODAY)
    assert [c for c, _ in found.unreadable] == [bad]
    assert [c.id for c in found.couples] == [good]
    text = index.index_file(store).read_text()
    assert good in text
    assert bad not in text


def test_an_index_whose_lock_is_a_link_is_not_saved_and_the_caseload_said_slower(
    store: Store, tmp_path: Path
) -> None:
    couple = store.create_couple("Sam", "Alex").id
    target = tmp_path / "elsewhere.lock"
    target.write_text("")
    index.index_file(store).with_name("index.toml.lock").symlink_to(target)
    found = index.load_caseload(store, TODAY)
    assert [c.id for c in found.couples] == [couple]
    assert found.note is not None
    assert "index.toml could not be saved (it or its lock file is a link)" in found.note
    assert not index.index_file(store).exists()


def test_forget_a_couple_not_in_the_index_does_nothing(store: Store) -> None:
    couple = store.create_couple("Sam", "Alex").id
    assert index.forget(store, couple) is None
    index.load_caseload(store, TODAY)
    assert couple in index.index_file(store).read_text()
    assert index.forget(store, couple) is None
    assert couple not in index.index_file(store).read_text()
