"""The counsellor's week from the command line: homework given (``assign``), shown (``due``),
done by the right session and never by an earlier one; the next appointment (``schedule``);
and a couple's goals and appointment read leniently from a hand-edited ``couple.toml``."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from workbook.cli import main
from workbook.data.dates import now
from workbook.data.models import Session
from workbook.data.store import Store
from workbook.service import caseload, goals, homework
from workbook.service.errors import Refused
from workbook.service.when import parse_day, parse_when


@pytest.fixture
def store(data_dir: Path) -> Store:
    made = Store(data_dir)
    made.prepare()
    return made


def session(store: Store, couple_id: str, started: datetime, packs: list[str], done: bool) -> str:
    made = Session(
        id=started.strftime("%Y-%m-%d-%H%M"),
        started=started,
        updated=started,
        agenda=packs,
        finished=started + timedelta(minutes=40) if done else None,
    )
    store.save_session(couple_id, made, stamp=False)
    return made.id


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 0, capsys.readouterr().err
    return capsys.readouterr().out


def test_homework_is_given_shown_and_done_by_the_right_session(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    couple = store.create_couple("Sam", "Alex", "Dr. Ade").id
    due = (date.today() + timedelta(days=5)).isoformat()
    said = run(capsys, "assign", couple, "--pack", "check-in", "--due", due, "--note", "Sunday")
    assert f"Assigned check-in to {couple} by {due}" in said
    (item,) = homework.read(store, couple).items
    assert (item.pack, item.due, item.note, item.done) == (
        "check-in",
        date.fromisoformat(due),
        "Sunday",
        None,
    )
    listed = json.loads(run(capsys, "due", "--json"))
    assert listed == [
        {
            "couple": couple,
            "what": "homework",
            "pack": "check-in",
            "agreement": None,
            "due": due,
            "overdue": False,
        }
    ]
    assert json.loads(run(capsys, "couples", "--json"))[0]["homework_open"] == 1
    # A finished check-in begun before the homework was given does not count; nor does an
    # unfinished one after it, nor a finished one without the pack.
    session(store, couple, item.assigned - timedelta(hours=2), ["check-in"], True)
    session(store, couple, item.assigned + timedelta(minutes=1), ["check-in"], False)
    session(store, couple, item.assigned + timedelta(minutes=2), ["values"], True)
    assert len(json.loads(run(capsys, "due", "--json"))) == 1
    right = session(
        store, couple, item.assigned + timedelta(minutes=3), ["values", "check-in"], True
    )
    session(store, couple, item.assigned + timedelta(minutes=4), ["check-in"], True)
    # Home's overview counts it done at once, before it is written down.
    assert json.loads(run(capsys, "couples", "--json"))[0]["homework_open"] == 0
    assert json.loads(run(capsys, "due", "--json")) == []
    (item,) = homework.read(store, couple).items
    assert item.done == right
    assert "Nothing is due." in run(capsys, "due")


def test_due_lists_overdue_homework_first_then_reviews(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    first = store.create_couple("Sam", "Alex").id
    second = store.create_couple("Noor", "Kai").id
    today = date.today()
    homework.assign(
        store, first, "values", ["values"], now() - timedelta(days=9), today - timedelta(days=2)
    )
    homework.assign(store, second, "check-in", ["check-in"], now(), today + timedelta(days=3))
    homework.assign(store, second, "respect", ["respect"], now())
    agreements = store.layout.agreements_file(second)
    agreements.write_text(
        'format = 1\n[[agreements]]\nid = "x-1"\ntext = "Walk on Sundays"\n'
        f'made = {today - timedelta(days=30)}\nreview_on = {today}\nsource = "chores.tasks"\n'
        'confirmed_by = ["a", "b"]\n',
        encoding="utf-8",
    )
    rows = json.loads(run(capsys, "due", "--json"))
    assert [(r["couple"], r["what"], r["pack"], r["overdue"]) for r in rows] == [
        (first, "homework", "values", True),
        (second, "review", "chores", False),
        (second, "homework", "check-in", False),
        (second, "homework", "respect", False),
    ]
    assert rows[1]["agreement"] == "x-1"
    assert [r["couple"] for r in json.loads(run(capsys, "due", "--json", "--couple", first))] == [
        first
    ]
    text = run(capsys, "due")
    assert text.splitlines()[0] == (
        f"{first}: homework: values, due {today - timedelta(days=2)} (overdue)"
    )


def test_assign_refuses_a_pack_it_does_not_know_and_a_day_gone_by(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    couple = store.create_couple("Sam", "Alex").id
    assert main(["assign", couple, "--pack", "nope"]) == 2
    assert 'no pack "nope"' in capsys.readouterr().err
    assert main(["assign", couple, "--pack", "values", "--due", "2001-01-01"]) == 2
    assert "already passed" in capsys.readouterr().err
    assert main(["assign", couple, "--pack", "values", "--due", "someday"]) == 2
    assert "is not a day" in capsys.readouterr().err
    assert not store.layout.homework_file(couple).exists()


def test_schedule_sets_and_clears_the_next_appointment(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    couple = store.create_couple("Sam", "Alex").id
    assert "Next appointment" in run(capsys, "schedule", couple, "2026-12-01 18:00")
    when = store.load_couple(couple).next_session
    assert isinstance(when, datetime)
    assert (when.year, when.month, when.day, when.hour, when.minute) == (2026, 12, 1, 18, 0)
    assert json.loads(run(capsys, "couples", "--json"))[0]["next_session"] == when.isoformat()
    run(capsys, "schedule", couple, "none")
    assert store.load_couple(couple).next_session is None
    assert main(["schedule", couple, "soon"]) == 2


def test_days_and_times_as_people_type_them() -> None:
    monday = date(2026, 11, 23)
    assert parse_day("friday", monday) == date(2026, 11, 27)
    assert parse_day("monday", monday) == date(2026, 11, 30)
    assert parse_day("+7", monday) == date(2026, 11, 30)
    assert parse_day("tomorrow", monday) == date(2026, 11, 24)
    at = parse_when("friday 18:30", monday)
    assert (at.date(), at.hour, at.minute) == (date(2026, 11, 27), 18, 30)
    assert parse_when("2026-12-01T09:00+01:00", monday).utcoffset() == timedelta(hours=1)
    with pytest.raises(Refused):
        parse_when("2026-12-01", monday)


def test_goals_are_kept_and_a_hand_edited_one_is_never_dropped(store: Store) -> None:
    couple = store.create_couple("Sam", "Alex").id
    made = goals.add_goal(
        store, couple, "Argue without shouting", date(2026, 11, 22), "csi-4.satisfaction", 16
    )
    assert made.id == "g1"
    path = store.layout.couple_file(couple)
    text = path.read_text(encoding="utf-8")
    # A goal a newer workbook (or a person) wrote that this one cannot read, and a bad time.
    text = text.replace("partners = [", 'next_session = "soon"\npartners = [')
    text = text.replace("[[goals]]", "[[goals]]\ntext = 3\n\n[[goals]]", 1)
    path.write_text(text, encoding="utf-8")
    (overview,) = caseload.caseload(store, date.today()).couples
    assert overview.goals_open == 1
    assert overview.problem is not None
    assert "goal 1 in couple.toml cannot be read" in overview.problem
    assert "next_session" in overview.problem
    goals.change_goal(store, couple, "g1", status="met")
    kept = store.load_couple(couple)
    assert kept.goals[0] == {"text": 3}
    assert kept.next_session == "soon"
    (found,), problems = goals.goals(kept)[0], goals.goals(kept)[1]
    assert (found.text, found.status, found.measure, found.target) == (
        "Argue without shouting",
        "met",
        "csi-4.satisfaction",
        16,
    )
    assert problems


def test_homework_from_a_newer_workbook_is_shown_and_never_written(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    couple = store.create_couple("Sam", "Alex").id
    path = store.layout.homework_file(couple)
    written = (
        'format = 2\nshiny = true\n[[homework]]\nid = "h"\npack = "values"\n'
        "assigned = 2026-01-01T10:00:00Z\nwhen = 1\n[[homework]]\nid = 3\n"
    )
    path.write_text(written, encoding="utf-8")
    found = homework.read(store, couple)
    assert [item.id for item in found.items] == ["h"]
    assert found.problems
    assert found.read_only
    assert main(["assign", couple, "--pack", "values"]) == 2
    assert "newer workbook" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == written


def test_renaming_a_couple_can_rename_their_folder(store: Store, data_dir: Path) -> None:
    old = store.create_couple("Sma", "Alex").id
    assert old == "sma-and-alex"
    when = datetime(2026, 1, 5, 19, 0).astimezone()
    session(store, old, when, ["check-in"], True)
    homework.assign(store, old, "values", ["values"], now())
    caseload.caseload(store, date.today())  # the index now names the old folder
    renamed = caseload.rename(store, old, ("Sam", "Alex"), "", date.today, folder=True)
    assert renamed.folder_problem is None
    assert renamed.couple.id == "sam-and-alex"
    assert not (data_dir / "couples" / old).exists()
    again = Store(data_dir)
    assert again.couple_ids() == ["sam-and-alex"]
    assert again.load_couple("sam-and-alex").names == ("Sam", "Alex")
    assert again.couple_reason("sam-and-alex") is None
    assert again.session_ids("sam-and-alex") == ["2026-01-05-1900"]
    assert len(homework.read(again, "sam-and-alex").items) == 1
    (overview,) = caseload.caseload(again, date.today()).couples
    assert (overview.id, overview.names, overview.problem) == (
        "sam-and-alex",
        ("Sam", "Alex"),
        None,
    )
    index = (data_dir / "index.toml").read_text(encoding="utf-8")
    assert "sma-and-alex" not in index
    assert "Sma" not in index


def test_the_folder_keeps_its_name_while_a_session_is_open(store: Store, data_dir: Path) -> None:
    old = store.create_couple("Sma", "Alex").id
    other = Store(data_dir)
    session_id = other.new_session(old, ["check-in"]).id
    assert other.lock_session(old, session_id) is None
    renamed = caseload.rename(store, old, ("Sam", "Alex"), "", date.today, folder=True)
    assert renamed.folder_problem is not None
    assert "open in another workbook window" in str(renamed.folder_problem)
    assert store.couple_ids() == [old]
    assert store.load_couple(old).names == ("Sam", "Alex")
    other.close()
