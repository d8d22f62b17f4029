"""The trail (DESIGN §5 ``[[trail]]``): every move appends one entry, read leniently; the summary
gives each pack's duration from it, says in one line when a pack was not reached, and gives
times with their time zone."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from tests.test_lenient_answers import COUPLE, USED
from workbook import tomlio
from workbook.data import trail
from workbook.data.models import Agreements, Session
from workbook.data.store import Store
from workbook.export.summary import summary_markdown
from workbook.i18n.said import Words
from workbook.service.recorder import SessionRecorder

WINTER = timezone(timedelta(hours=1))
SUMMER = timezone(timedelta(hours=2))
START = datetime(2026, 3, 29, 0, 50, tzinfo=WINTER)


def _at(minutes: int, zone: timezone = WINTER) -> datetime:
    return (START + timedelta(minutes=minutes)).astimezone(zone)


def _entry(minutes: int, pack: str, step: str, zone: timezone = WINTER) -> dict[str, Any]:
    return trail.entry(_at(minutes, zone), pack, step, None)


def test_moves_skip_what_cannot_be_read_and_keep_the_rest_in_order() -> None:
    raw = [
        _entry(0, "values", "why"),
        "not a table",
        {"at": "19:05", "pack": "values", "step": "x"},
        {"at": date(2026, 3, 29), "pack": "values", "step": "x"},
        {"at": datetime(9999, 1, 1, tzinfo=WINTER), "pack": "values", "step": "x"},
        {"at": _at(1), "pack": 5, "step": "x"},
        {"at": _at(1), "pack": "values"},
        {"at": _at(2), "pack": "values", "step": "pick", "phase": 3},
        {"at": datetime(2026, 3, 29, 1, 0), "pack": "values", "step": "order"},
    ]
    found = trail.moves(raw)
    assert [(m.pack, m.step, m.phase) for m in found] == [
        ("values", "why", None),
        ("values", "pick", None),
        ("values", "order", None),
    ]
    # A time without an offset is read as this machine's local time, never left naive.
    assert all(move.at.tzinfo is not None for move in found)


def test_time_per_pack_leaves_out_breaks_and_crosses_a_change_of_clocks() -> None:
    moves = trail.moves(
        [
            _entry(0, "values", "why"),
            _entry(5, "values", "pick"),
            # The clocks go forward an hour at 02:00 on this night: 10 minutes, not 70.
            _entry(15, "values", "order", SUMMER),
            _entry(20, "respect", "why", SUMMER),
            # A break of an hour is not time on the step.
            _entry(90, "respect", "meaning", SUMMER),
            _entry(95, "respect", "agree", SUMMER),
        ]
    )
    spent = trail.time_per_pack(moves, _at(100, SUMMER))
    assert spent == {"values": timedelta(minutes=20), "respect": timedelta(minutes=10)}
    assert trail.reached(moves) == {"values", "respect"}
    # Without an end, the last step counts nothing; an end before the last move neither.
    assert trail.time_per_pack(moves, None)["respect"] == timedelta(minutes=5)
    assert trail.time_per_pack(moves, _at(0))["respect"] == timedelta(minutes=5)


def test_the_summary_gives_each_pack_its_time_and_says_in_one_line_what_was_not_reached() -> None:
    session = Session(
        id="2026-03-29-0050",
        started=START,
        updated=_at(100, SUMMER),
        finished=_at(100, SUMMER),
        agenda=["values", "respect", "chores"],
        trail=[
            _entry(0, "values", "why"),
            _entry(15, "values", "order", SUMMER),
            _entry(20, "respect", "why", SUMMER),
            _entry(90, "respect", "meaning", SUMMER),
        ],
    )
    text = summary_markdown(COUPLE, session, USED, Agreements())
    assert "Started at 00:50 (UTC+01:00), finished at 03:30 (UTC+02:00): 100 minutes." in text
    values, respect, chores = text.split("\n## ")[1:4]
    assert "*Time on this pack: about 20 minutes.*" in values
    assert "*Time on this pack: about 10 minutes.*" in respect
    assert chores.strip().splitlines() == ["Sharing the work", "", "*Not reached in this session.*"]


def test_the_summary_of_a_session_without_a_trail_gives_no_times() -> None:
    session = Session(
        id="2026-03-29-0050",
        started=START,
        updated=START,
        agenda=["values"],
        answers={"values": {"pick": {"a": ["Fun"]}}},
    )
    text = summary_markdown(COUPLE, session, USED, Agreements())
    assert "Time on this pack" not in text
    assert "Not reached" not in text
    assert "This session is not finished yet." in text


def test_every_move_appends_one_entry_that_a_save_keeps(data_dir: Path) -> None:
    store = Store(data_dir)
    store.prepare()
    couple = store.create_couple("Sam", "Alex")
    session = store.new_session(couple.id, ["values"])
    recorder = SessionRecorder(store, couple.id, session)
    places = [("values", "why", None), ("values", "pick", "first"), ("values", "pick", "handover")]
    for place in places:
        recorder.move(*place)
    recorder.move(*places[-1])  # staying put is not a move
    recorder.move(*places[1])
    assert recorder.save()
    saved = store.load_session(couple.id, session.id)
    found = trail.moves(saved.trail)
    assert [(m.pack, m.step, m.phase) for m in found] == [*places, places[1]]
    assert all(m.at.utcoffset() is not None for m in found)
    assert [m.at for m in found] == sorted(m.at for m in found)
    # Read-only windows record nothing.
    reader = SessionRecorder(store, couple.id, saved, read_only=Words("another window has it"))
    reader.move("values", "order", None)
    assert len(saved.trail) == len(places) + 1


def test_a_trail_written_by_hand_as_one_table_still_opens_and_is_kept(data_dir: Path) -> None:
    store = Store(data_dir)
    store.prepare()
    couple = store.create_couple("Sam", "Alex")
    session = store.new_session(couple.id, ["values"])
    path = store.layout.session_file(couple.id, session.id)
    table = tomlio.loads(path.read_text(encoding="utf-8"))
    # [trail] for [[trail]]: one table, not a list of them.
    table["trail"] = {"at": START, "pack": "values", "step": "why"}
    path.write_text(tomlio.dumps(table), encoding="utf-8")
    assert "\n[trail]\n" in path.read_text(encoding="utf-8")
    loaded = store.load_session(couple.id, session.id)
    assert [(m.pack, m.step) for m in trail.moves(loaded.trail)] == [("values", "why")]
    recorder = SessionRecorder(store, couple.id, loaded)
    recorder.move("values", "pick", "first")
    assert recorder.save()
    saved = store.load_session(couple.id, session.id)
    assert [m.step for m in trail.moves(saved.trail)] == ["why", "pick"]
    # Anything else that is not a list is kept too, and skipped.
    table["trail"] = "lost?"
    path.write_text(tomlio.dumps(table), encoding="utf-8")
    assert store.load_session(couple.id, session.id).trail == ["lost?"]
