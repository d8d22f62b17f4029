"""The clock and the early end in the core: the time spent against the budget, the trail's mark
of the steps not reached, and the summary that says which they were."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path
from types import SimpleNamespace

from tests.packs_helpers import write_pack
from workbook import tomlio
from workbook.data import trail
from workbook.data.models import Agreements, PackUse
from workbook.data.store import Store
from workbook.export.summary import summary_markdown
from workbook.logic.clock import Budget, clock_text, spent, total_text
from workbook.logic.session_packs import SessionPack
from workbook.packs.load import load_pack
from workbook.service.recorder import SessionRecorder

ZONE = timezone(timedelta(hours=1))
START = datetime(2026, 11, 22, 19, 0, tzinfo=ZONE)


def at(minutes: float) -> datetime:
    return START + timedelta(minutes=minutes)


def moves(*minutes: float) -> list[trail.Move]:
    return [trail.Move(at(m), "p", f"s{n}", None) for n, m in enumerate(minutes)]


def test_the_clock_counts_earlier_sittings_without_breaks_then_runs_from_this_one() -> None:
    # Last week: 0, 10, 20 minutes (20 spent); a week's break; this sitting opened at +7 days.
    week = 7 * 24 * 60
    trail_ = moves(0, 10, 20, week)
    assert spent(trail_, at(week + 23), since=at(week)) == timedelta(minutes=43)
    # A long stay on one step still counts while the window is open: the count never jumps back.
    assert spent(trail_, at(week + 95), since=at(week)) == timedelta(minutes=115)
    # A clock that is behind the trail never counts backwards.
    assert spent(trail_, at(week - 5), since=at(week)) == timedelta(minutes=20)
    # A window that only watches counts the trail, and the time since its last move unless that
    # is a break.
    assert spent(moves(0, 10), at(25)) == timedelta(minutes=25)
    assert spent(moves(0, 10), at(80)) == timedelta(minutes=10)
    assert spent([], at(5)) == timedelta(0)


def test_the_budget_adds_up_minutes_and_says_which_packs_have_none() -> None:
    timed = [SimpleNamespace(minutes=25), SimpleNamespace(minutes=30)]
    untimed = SimpleNamespace(minutes=None)
    assert clock_text(timedelta(minutes=23, seconds=59), Budget.of(timed)) == "23 of 55 min"
    assert clock_text(timedelta(minutes=70), Budget.of(timed)) == "70 of 55 min"
    assert (
        clock_text(timedelta(minutes=3), Budget.of([*timed, untimed]))
        == "3 of 55 min (1 pack without a time)"
    )
    assert clock_text(timedelta(0), Budget.of([untimed, untimed])) == "0 min (no time suggested)"
    assert total_text(Budget.of(timed), 2) == "2 packs, about 55 min."
    assert (
        total_text(Budget.of([*timed, untimed, untimed]), 4)
        == "4 packs, about 55 min, and 2 packs without a time."
    )
    assert total_text(Budget.of([]), 0) == "No packs chosen yet."


def test_the_ending_is_read_leniently() -> None:
    entry = trail.ending_entry(at(9), "p", "b", "first", ["p.c", "q.a"])
    found = trail.ending([trail.entry(at(0), "p", "a", None), entry])
    assert found == trail.Ending(at(9), ("p.c", "q.a"))
    # Still one more move to a reader that does not know the keys.
    assert [m.step for m in trail.moves([entry])] == ["b"]
    assert trail.ending([trail.entry(at(0), "p", "a", None)]) is None
    odd = {**entry, "not_reached": ["p.c", 5, None]}
    assert trail.ending([odd]) == trail.Ending(at(9), ("p.c",))
    assert trail.ending([{**entry, "not_reached": "p.c"}]) == trail.Ending(at(9), ())
    assert trail.ending([{**entry, "at": "yesterday"}]) is None


STEPS = """
[[steps]]
id = "one"
kind = "text"
prompt = "First."

[[steps]]
id = "two"
kind = "text"
title = "The second"
prompt = "Second."

[[steps]]
id = "three"
kind = "text"
prompt = "Third."
"""


def test_ending_now_marks_the_steps_not_reached_and_the_summary_names_them(
    data_dir: Path, tmp_path: Path
) -> None:
    first = load_pack(write_pack(tmp_path, "first", STEPS))
    later = load_pack(write_pack(tmp_path, "later", STEPS))
    assert first.pack is not None
    assert later.pack is not None
    store = Store(data_dir)
    store.prepare()
    couple = store.create_couple("Sam", "Alex")
    session = store.new_session(couple.id, ["first", "later"], when=START)
    for loaded in (first, later):
        assert loaded.pack is not None
        session.packs[loaded.pack.id] = PackUse(title=loaded.pack.title, digest=loaded.digest)
    clock = iter(at(m) for m in range(100))
    recorder = SessionRecorder(
        store, couple.id, session, packs=[first.pack, later.pack], now=lambda: next(clock)
    )
    recorder.move("first", "one", "first")
    recorder.record("first", "one", {"a": "Mine", "b": "Yours"})
    # Jumped ahead with "go to step": the second step was never reached.
    recorder.move("first", "three", "first")
    assert recorder.end_now() == ["first.two", "later.one", "later.two", "later.three"]
    assert recorder.save()

    saved = tomlio.loads(store.layout.session_file(couple.id, session.id).read_text())
    last = saved["trail"][-1]
    assert last["ended"] is True
    assert last["step"] == "three"
    assert last["not_reached"] == ["first.two", "later.one", "later.two", "later.three"]
    assert saved["finished"] == last["at"]

    used = {"first": SessionPack("first", first.pack), "later": SessionPack("later", later.pack)}
    summary = summary_markdown(couple, session, used, Agreements())
    assert "before the end of its agenda" in summary
    assert "*Not reached, as the session was ended early: The second.*" in summary
    later_part = summary.split("## A pack")[2]
    assert "*Not reached in this session.*" in later_part


def test_an_end_that_cannot_be_saved_is_taken_back(data_dir: Path) -> None:
    store = Store(data_dir)
    store.prepare()
    couple = store.create_couple("Sam", "Alex")
    session = store.new_session(couple.id, ["p"], when=START)
    recorder = SessionRecorder(store, couple.id, session, now=lambda: at(1))
    recorder.move("p", "one", None)
    recorder.end_now()
    recorder.unfinish()
    assert session.finished is None
    assert trail.ending(session.trail) is None
    assert len(session.trail) == 1


def test_the_console_and_the_walk_show_the_same_minutes_for_one_session() -> None:
    """One rule for minutes: at 43 min 59 s the walk (which counts from its sitting's start)
    and the console (which counts the trail) both say 43, where the console once said 44."""
    from workbook.logic.clock import console_text, walk_text

    week = 7 * 24 * 60
    trail_ = moves(0, 10, 20, week, week + 3, week + 9.5)
    budget = Budget.of([SimpleNamespace(minutes=55)])
    for now, minutes in ((at(week + 23 + 59 / 60), 43), (at(week + 10.5), 30)):
        walk = walk_text(trail_, now, at(week), budget)
        console = console_text(trail_, now, budget.minutes, None)
        assert walk == f"{minutes} of 55 min"
        assert console == walk
    assert console_text(trail_, at(week + 30), 45, timedelta(minutes=65, seconds=5)) == (
        "1:05:05 on this step · 50 of 45 min (5 over)"
    )
