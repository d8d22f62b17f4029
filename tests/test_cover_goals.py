"""A couple's goals: each change kept, refused words and statuses, a goal that is not there."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from workbook.data.store import Store
from workbook.service import goals
from workbook.service.errors import NotFound, NotSaved, Refused

ON = date(2026, 11, 22)


@pytest.fixture
def store(data_dir: Path) -> Store:
    made = Store(data_dir)
    made.prepare()
    return made


@pytest.fixture
def couple(store: Store) -> str:
    return store.create_couple("Sam", "Alex").id


def test_a_goal_is_changed_in_each_of_its_parts(store: Store, couple: str) -> None:
    goals.add_goal(store, couple, "  Walk on Sundays ", ON, "csi-4.satisfaction", 16)
    goals.change_goal(store, couple, "g1", text="Walk every Sunday", target=18.5)
    (goal,), problems = goals.goals(store.load_couple(couple))
    assert problems == []
    assert (goal.text, goal.measure, goal.target) == (
        "Walk every Sunday",
        "csi-4.satisfaction",
        18.5,
    )
    goals.change_goal(store, couple, "g1", clear_measure=True)
    (goal,), _ = goals.goals(store.load_couple(couple))
    assert (goal.measure, goal.target) == (None, None)
    goals.change_goal(store, couple, "g1", measure="csi-4.satisfaction", target=20.0)
    kept = store.load_couple(couple).goals[0]
    assert kept["target"] == 20
    assert isinstance(kept["target"], int)


def test_empty_or_long_words_are_refused(store: Store, couple: str) -> None:
    with pytest.raises(Refused, match="needs a few words"):
        goals.add_goal(store, couple, " \x07 ", ON)
    with pytest.raises(Refused, match="at most 500 characters"):
        goals.add_goal(store, couple, "x" * 501, ON)
    assert store.load_couple(couple).goals == []


def test_a_status_that_is_not_one_is_refused(store: Store, couple: str) -> None:
    goals.add_goal(store, couple, "Talk", ON)
    with pytest.raises(Refused, match="not finished"):
        goals.change_goal(store, couple, "g1", status="finished")
    (goal,), _ = goals.goals(store.load_couple(couple))
    assert goal.status == "open"


def test_a_goal_that_is_not_there_is_not_found(store: Store, couple: str) -> None:
    with pytest.raises(NotFound, match='no goal "g9"'):
        goals.change_goal(store, couple, "g9", status="met")


def test_a_couple_file_that_cannot_be_read_is_not_saved(store: Store, couple: str) -> None:
    store.layout.couple_file(couple).write_text("not toml [")
    with pytest.raises(NotSaved, match="The couple could not be changed"):
        goals.add_goal(store, couple, "Talk", ON)


def test_schedule_sets_and_clears_the_next_appointment(store: Store, couple: str) -> None:
    when = datetime(2026, 12, 1, 18, 0, tzinfo=UTC)
    assert goals.schedule(store, couple, when).next_session == when
    assert store.load_couple(couple).next_session == when
    goals.schedule(store, couple, None)
    assert store.load_couple(couple).next_session is None
    with pytest.raises(NotFound):
        goals.schedule(store, "nobody", when)
