"""Homework given between sessions: refused packs, days and notes; a file that cannot be read."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from workbook.data.store import Store
from workbook.service import homework
from workbook.service.errors import NotFound, NotSaved, Refused

WHEN = datetime(2026, 11, 22, 19, 0, tzinfo=UTC)
PACKS = ("respect", "check-in")


@pytest.fixture
def store(data_dir: Path) -> Store:
    made = Store(data_dir)
    made.prepare()
    return made


@pytest.fixture
def couple(store: Store) -> str:
    return store.create_couple("Sam", "Alex", "Dr. Lee").id


def test_assign_keeps_the_due_day_and_the_clean_note(store: Store, couple: str) -> None:
    given = homework.assign(store, couple, "respect", PACKS, WHEN, date(2026, 11, 29), " Talk\x07 ")
    assert given.by == "Dr. Lee"
    assert given.homework.pack == "respect"
    assert given.homework.due == date(2026, 11, 29)
    assert given.homework.note == "Talk"
    (item,) = homework.read(store, couple).items
    assert item.id == given.homework.id


@pytest.mark.parametrize(
    ("pack", "due", "note", "words"),
    [
        ("no-such", None, "", 'no pack "no-such" in the library'),
        ("respect", date(2026, 11, 21), "", "has already passed"),
        ("respect", None, "x" * 2001, "longer than 2000 characters"),
    ],
)
def test_assign_refuses_what_cannot_be_given(
    store: Store, couple: str, pack: str, due: date | None, note: str, words: str
) -> None:
    with pytest.raises(Refused, match=words):
        homework.assign(store, couple, pack, PACKS, WHEN, due, note)
    assert homework.read(store, couple).items == []


def test_assign_for_a_couple_that_is_not_there(store: Store) -> None:
    with pytest.raises(NotFound):
        homework.assign(store, "nobody", "respect", PACKS, WHEN)


def test_a_homework_list_of_the_wrong_shape_is_kept_beside(store: Store, couple: str) -> None:
    path = store.layout.homework_file(couple)
    path.write_text('format = 1\nhomework = "odd"\n')
    homework.assign(store, couple, "respect", PACKS, WHEN)
    text = path.read_text()
    assert 'homework-unreadable = "odd"' in text
    assert [i.pack for i in homework.read(store, couple).items] == ["respect"]


def test_a_file_that_cannot_be_read_is_not_saved(store: Store, couple: str) -> None:
    store.layout.homework_file(couple).write_text("not toml [")
    with pytest.raises(NotSaved):
        homework.read(store, couple)
    with pytest.raises(NotSaved):
        homework.settle(store, couple)
    with pytest.raises(NotSaved, match="could not be saved"):
        homework.assign(store, couple, "respect", PACKS, WHEN)


def test_nothing_open_settles_to_nothing(store: Store, couple: str) -> None:
    settled = homework.settle(store, couple)
    assert settled.open == []
    assert settled.problem is None
    assert homework.session_heads(store, couple, []) == []
