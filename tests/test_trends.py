"""Check-in trends over sessions, and the history command."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.packs_helpers import builtin_library
from workbook.cli import main
from workbook.data.models import Session
from workbook.data.store import Store
from workbook.logic.trends import history_text, sparkline, trends
from workbook.packs.models import Pack

LIBRARY = builtin_library()
PACKS = {k: v.pack for k, v in LIBRARY.packs.items() if v.pack}
START = datetime(2026, 1, 5, 19, 0, tzinfo=UTC)


def check_in(week: int, a: int, b: int | None) -> Session:
    when = START + timedelta(weeks=week)
    table = {"a": a} if b is None else {"a": a, "b": b}
    return Session(
        id=when.strftime("%Y-%m-%d-%H%M"),
        started=when,
        updated=when,
        agenda=["check-in"],
        answers={"check-in": {"satisfaction": table}},
    )


def test_trends_follow_each_partner_in_session_order() -> None:
    sessions = [check_in(2, 4, 5), check_in(0, 2, 3), check_in(1, 3, None)]
    (series,) = [s for s in trends(sessions, PACKS) if s.item is None]
    assert series.sessions == ["2026-01-05-1900", "2026-01-12-1900", "2026-01-19-1900"]
    assert series.a == [2, 3, 4]
    assert series.b == [3, None, 5]


def test_sparkline_and_text() -> None:
    assert sparkline([1, 3, 5, None], 1, 5) == "▁▅█ "
    text = history_text(
        trends([check_in(0, 2, 3), check_in(1, 4, 3)], PACKS), {"a": "Sam", "b": "Alex"}
    )
    assert "Weekly check-in: Overall (2 check-ins, 2026-01-05 to 2026-01-12)" in text
    assert "Sam          ▃▆  latest 4, up 2 since the first" in text
    assert "Alex         ▅▅  latest 3, steady since the first" in text


def test_no_check_ins_yet() -> None:
    assert history_text(trends([], PACKS), {"a": "Sam", "b": "Alex"}) == (
        "No check-ins with scale answers yet."
    )


def test_history_command(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = Store(data_dir)
    store.prepare()
    couple = store.create_couple("Sam", "Alex")
    for week, (a, b) in enumerate([(2, 3), (3, 3), (5, 4)]):
        store.save_session(couple.id, check_in(week, a, b), stamp=False)
    assert main(["history", couple.id]) == 0
    out = capsys.readouterr().out
    assert "3 check-ins" in out
    assert "latest 5, up 3 since the first" in out


def test_a_check_in_in_spanish_continues_the_english_lines() -> None:
    """A line is an item's place in its step: the same check-in in two languages is one trend,
    named as the latest session's version names it."""
    english = LIBRARY.pack("check-in", "en")
    spanish = LIBRARY.pack("check-in", "es")
    steps = {s.id: s for s in english.steps}
    first_en, first_es = steps["self-check"].items[0], spanish.steps[3].items[0]
    assert spanish.steps[3].id == "self-check"
    assert first_en != first_es

    def session(week: int, item: str, rating: int, pack: Pack) -> tuple[Session, Pack]:
        when = START + timedelta(weeks=week)
        answers = {"check-in": {"self-check": {"a": {item: rating}, "b": {item: rating}}}}
        made = Session(
            id=when.strftime("%Y-%m-%d-%H%M"),
            started=when,
            updated=when,
            agenda=["check-in"],
            answers=answers,
        )
        return made, pack

    kept = [session(0, first_en, 2, english), session(1, first_es, 4, spanish)]
    packs_of = {s.id: {"check-in": p} for s, p in kept}
    found = trends([s for s, _ in kept], lambda s: packs_of[s.id])
    (line,) = [s for s in found if s.item in (first_en, first_es)]
    assert line.item == first_es
    assert line.a == [2, 4]
    assert line.b == [2, 4]
