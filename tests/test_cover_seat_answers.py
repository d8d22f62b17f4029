"""A partner's own answers file in an apart session: lenient reading, refused writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbook import tomlio
from workbook.data.durable import SaveError
from workbook.data.seat_answers import SeatAnswers, seat_path


@pytest.fixture
def session(tmp_path: Path) -> Path:
    (tmp_path / "sessions").mkdir()
    return tmp_path / "sessions" / "2026-11-22-1905.toml"


def test_seat_path_refuses_a_third_partner(session: Path) -> None:
    assert seat_path(session, "b").name == "2026-11-22-1905.b.toml"
    with pytest.raises(ValueError, match="no partner 'c'"):
        seat_path(session, "c")


def test_an_unreadable_file_reads_as_nothing_and_is_never_written_over(session: Path) -> None:
    seat = SeatAnswers(session, "a")
    seat.path.write_text("answers = [ broken")
    assert seat.read() == {}
    with pytest.raises(SaveError, match="cannot be read"):
        seat.put("pack", "step", "x")
    assert seat.path.read_text() == "answers = [ broken"


def test_a_linked_file_is_neither_read_nor_written(session: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.toml"
    other.write_text('format = 1\n[answers.p]\ns = { a = "secret" }\n')
    seat = SeatAnswers(session, "a")
    seat.path.symlink_to(other)
    assert seat.read() == {}
    with pytest.raises(SaveError, match="link"):
        seat.put("p", "s", "new")
    assert "secret" in other.read_text()


def test_hand_edited_parts_of_the_wrong_shape_are_left_out(session: Path) -> None:
    seat = SeatAnswers(session, "a")
    seat.path.write_text(
        'format = 1\n[answers]\nodd = 3\n[answers.p]\ns = { a = "mine", b = "theirs" }\n'
        't = "not a table"\nu = { b = "theirs only" }\n'
    )
    assert seat.read() == {"p": {"s": "mine"}}
    assert seat.value("p", "s") == "mine"
    assert seat.value("p", "u") is None
    seat.path.write_text('format = 1\nanswers = "odd"\n')
    assert seat.read() == {}


def test_take_removes_revealed_steps_and_their_empty_pack(session: Path) -> None:
    seat = SeatAnswers(session, "b")
    seat.take([("p", "s")])
    assert not seat.path.exists()
    seat.put("p", "s", "one")
    seat.put("q", "s", "two")
    seat.take([("p", "s"), ("gone", "x")])
    assert seat.read() == {"q": {"s": "two"}}
    table = tomlio.loads(seat.path.read_text())
    assert table["partner"] == "b"
    assert "p" not in table["answers"]


def test_a_lock_that_cannot_be_used_is_a_save_error(session: Path) -> None:
    seat = SeatAnswers(session, "a")
    lock = seat.path.with_name(seat.path.name + ".lock")
    lock.mkdir()
    with pytest.raises(SaveError):
        seat.put("p", "s", "x")
    assert not seat.path.exists()
