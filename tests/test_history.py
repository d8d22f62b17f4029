"""``workbook history COUPLE --format text|csv|json`` for a couple who did the check-in twice:
the trends of every scale line, and the check-in's score with its bands; and the score in the
summary of one sitting."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.packs_helpers import builtin_library
from workbook.cli import main
from workbook.data.models import Session
from workbook.data.store import Store
from workbook.logic.session_packs import begin_packs
from workbook.packs.load import parse_pack

LIBRARY = builtin_library()
ITEMS = LIBRARY.pack("check-in").step("self-check").items
START = datetime(2026, 1, 5, 19, 0, tzinfo=UTC)
SESSIONS = ["2026-01-05-1900", "2026-01-12-1900"]
SCORE = "How things feel between us"


def sitting(
    store: Store, couple_id: str, week: int, sam: tuple[int, int], alex: tuple[int, int]
) -> None:
    """A check-in where each partner rates every self-check line one number, then overall."""
    when = START + timedelta(weeks=week)
    session = Session(
        id=when.strftime("%Y-%m-%d-%H%M"), started=when, updated=when, agenda=["check-in"]
    )
    begin_packs(session, store, [LIBRARY.packs["check-in"]])
    (lines_a, overall_a), (lines_b, overall_b) = sam, alex
    session.set_answer(
        "check-in",
        "self-check",
        {"a": dict.fromkeys(ITEMS, lines_a), "b": dict.fromkeys(ITEMS, lines_b)},
    )
    session.set_answer("check-in", "satisfaction", {"a": overall_a, "b": overall_b})
    store.save_session(couple_id, session, stamp=False)


@pytest.fixture
def couple(data_dir: Path) -> str:
    store = Store(data_dir)
    store.prepare()
    couple = store.create_couple("Sam", "Alex")
    # Sam: 3.0, then 29 / 7 = 4.1. Alex: 4.0, then 5.0.
    sitting(store, couple.id, 0, (3, 3), (4, 4))
    sitting(store, couple.id, 1, (4, 5), (5, 5))
    store.close()
    return couple.id


def history(couple: str, capsys: pytest.CaptureFixture[str], *format: str) -> str:
    assert main(["history", couple, *format]) == 0
    return capsys.readouterr().out


def test_text_gives_each_partner_the_latest_score_its_band_and_the_change(
    couple: str, capsys: pytest.CaptureFixture[str]
) -> None:
    text = history(couple, capsys)
    assert text == history(couple, capsys, "--format", "text")
    assert "Weekly check-in: Overall (2 check-ins, 2026-01-05 to 2026-01-12)" in text
    scores = text.split("\nScores\n", 1)[1]
    assert scores.splitlines() == [
        f"  Weekly check-in: {SCORE} (2 sessions, 2026-01-05 to 2026-01-12)",
        "    Sam          latest 4.1 (Mostly good), up 1.1 since the first",
        "    Alex         latest 5 (Going well), up 1 since the first",
    ]


def test_csv_has_a_row_per_partner_per_session_a_column_per_item_and_score(
    couple: str, capsys: pytest.CaptureFixture[str]
) -> None:
    text = history(couple, capsys, "--format", "csv")
    assert not text.startswith("\ufeff")
    reader = csv.DictReader(io.StringIO(text))
    rows = list(reader)
    assert [(row["session"], row["name"]) for row in rows] == [
        (SESSIONS[0], "Sam"),
        (SESSIONS[0], "Alex"),
        (SESSIONS[1], "Sam"),
        (SESSIONS[1], "Alex"),
    ]
    column = f"Weekly check-in / {SCORE}"
    assert reader.fieldnames is not None
    # The session and partner, six self-check items and the overall line, the score and band.
    assert reader.fieldnames[:3] == ["session", "partner", "name"]
    assert f"Weekly check-in / Self-check / {ITEMS[0]}" in reader.fieldnames
    assert "Weekly check-in / Overall" in reader.fieldnames
    assert len(reader.fieldnames) == 3 + 7 + 2
    # Scores to two decimals, always.
    assert [(row[column], row[f"{column} (band)"]) for row in rows] == [
        ("3.00", "Some things to talk about"),
        ("4.00", "Mostly good"),
        ("4.14", "Mostly good"),
        ("5.00", "Going well"),
    ]
    assert [row["Weekly check-in / Overall"] for row in rows] == ["3", "4", "5", "5"]


def test_excel_begins_the_csv_with_a_byte_order_mark(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = Store(data_dir)
    store.prepare()
    couple = store.create_couple("Théo", "Zoë")
    sitting(store, couple.id, 0, (3, 3), (4, 4))
    store.close()
    text = history(couple.id, capsys, "--format", "csv", "--excel")
    assert text.startswith("\ufeffsession,partner,name,")
    encoded = text.encode("utf-8")
    assert encoded.startswith(b"\xef\xbb\xbf")
    assert "Théo" in encoded.decode("utf-8-sig")
    assert main(["history", couple.id, "--excel"]) == 2
    assert "--excel goes with --format csv" in capsys.readouterr().err


def test_json_keeps_each_score_as_one_series(
    couple: str, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(history(couple, capsys, "--format", "json"))
    assert data["partners"] == {"a": "Sam", "b": "Alex"}
    overall = [t for t in data["trends"] if t["step"] == "Overall"]
    assert overall == [
        {
            "pack": "Weekly check-in",
            "step": "Overall",
            "item": None,
            "low": 1,
            "high": 5,
            "sessions": SESSIONS,
            "a": [3, 5],
            "b": [4, 5],
        }
    ]
    (score,) = data["scores"]
    assert score["a"] == pytest.approx([3.0, 29 / 7])
    assert {k: v for k, v in score.items() if k != "a"} == {
        "pack": "Weekly check-in",
        "score": "feeling",
        "title": SCORE,
        "sessions": SESSIONS,
        "b": [4.0, 5.0],
        "band_a": ["Some things to talk about", "Mostly good"],
        "band_b": ["Mostly good", "Going well"],
    }


def test_a_check_in_left_half_done_has_no_score_for_that_partner(
    couple: str, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = Store(data_dir)
    when = START + timedelta(weeks=2)
    session = Session(
        id=when.strftime("%Y-%m-%d-%H%M"), started=when, updated=when, agenda=["check-in"]
    )
    begin_packs(session, store, [LIBRARY.packs["check-in"]])
    session.set_answer("check-in", "self-check", {"a": dict.fromkeys(ITEMS, 2)})
    session.set_answer("check-in", "satisfaction", {"a": 2, "b": 2})
    store.save_session(couple, session, stamp=False)
    store.close()
    (score,) = json.loads(history(couple, capsys, "--format", "json"))["scores"]
    assert score["sessions"][-1] == "2026-01-19-1900"
    assert score["a"][-1] == 2
    assert score["b"][-1] is None
    assert score["band_b"][-1] is None
    text = history(couple, capsys)
    # Alex's latest is still the last complete one.
    assert "    Alex         latest 5 (Going well), up 1 since the first" in text
    assert "    Sam          latest 2 (A hard stretch), down 1 since the first" in text


def test_the_summary_of_a_check_in_gives_each_partner_the_score_and_band(
    couple: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", couple, "--session", SESSIONS[1]]) == 0
    summary = capsys.readouterr().out
    scores = summary.split("### Scores\n", 1)[1]
    assert scores.startswith(f"\n- {SCORE}: Sam 4.1 (Mostly good), Alex 5 (Going well)\n")


def test_trends_and_scores_use_the_pack_version_each_session_kept(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A session that began with an older check-in shows its words, not today's library's."""
    store = Store(data_dir)
    store.prepare()
    couple = store.create_couple("=SUM(A1)", "@Alex")
    raw = LIBRARY.packs["check-in"].raw
    old = parse_pack(raw.replace(b'"Weekly check-in"', b'"Our old check-in"', 1), Path("x.toml"))
    when = START
    session = Session(id="2026-01-05-1900", started=when, updated=when, agenda=["check-in"])
    begin_packs(session, store, [old])
    session.set_answer("check-in", "satisfaction", {"a": 3, "b": 4})
    session.set_answer(
        "check-in", "self-check", {"a": dict.fromkeys(ITEMS, 3), "b": dict.fromkeys(ITEMS, 4)}
    )
    store.save_session(couple.id, session, stamp=False)
    store.close()
    data = json.loads(history(couple.id, capsys, "--format", "json"))
    assert {t["pack"] for t in data["trends"]} == {"Our old check-in"}
    assert [s["pack"] for s in data["scores"]] == ["Our old check-in"]
    assert data["partners"] == {"a": "=SUM(A1)", "b": "@Alex"}
    reader = csv.DictReader(io.StringIO(history(couple.id, capsys, "--format", "csv")))
    rows = list(reader)
    # Names that look like formulas stay text in a spreadsheet.
    assert [row["name"] for row in rows] == ["'=SUM(A1)", "'@Alex"]
    assert reader.fieldnames is not None
    assert all(name.startswith("Our old check-in / ") for name in reader.fieldnames[3:]), (
        reader.fieldnames
    )
