"""What the console may show of a session in progress: never a private answer before its reveal,
open answers at once, scores only from what may be shown, and the time on a step and against
the budget."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from workbook.data import trail
from workbook.data.models import Position, Session
from workbook.data.sealed import Given
from workbook.export.console import answers_markdown, doing, sealed_markdown
from workbook.logic.live import live
from workbook.packs.load import load_pack
from workbook.packs.models import Pack

WHEN = datetime(2026, 11, 22, 19, 5, tzinfo=timezone(timedelta(hours=1)))
NAMES = {"a": "Sam", "b": "Alex"}
PACK = """format = 1
id = "live"
title = "Live pack"
summary = "For tests."
minutes = 25

[[steps]]
id = "private"
kind = "text"
title = "Private words"
prompt = "Say it."

[[steps]]
id = "open"
kind = "scale"
title = "Open scale"
answer = "each-open"
prompt = "How much?"
min = 1
max = 5

[[steps]]
id = "rate"
kind = "scale"
title = "Private scale"
prompt = "How much?"
min = 1
max = 5

[[scores]]
id = "rated"
title = "Rated"
from = ["rate"]
"""


@pytest.fixture
def pack(tmp_path: Path) -> Pack:
    path = tmp_path / "live.toml"
    path.write_text(PACK, encoding="utf-8")
    loaded = load_pack(path)
    assert loaded.pack is not None, loaded.problems
    return loaded.pack


def session_at(*moves: tuple[str, str], answers: Mapping[str, Any]) -> Session:
    """A session whose trail is ``moves`` (step, phase), a minute apart, standing at the last."""
    session = Session(id="2026-11-22-1905", started=WHEN, updated=WHEN, agenda=["live"])
    for number, (step, phase) in enumerate(moves):
        session.trail.append(trail.entry(WHEN + timedelta(minutes=number), "live", step, phase))
    step, phase = moves[-1]
    session.position = Position(pack="live", step=step, phase=phase)
    for step_id, table in answers.items():
        session.set_answer("live", step_id, table)
    return session


SECRET = {"private": {"a": "SECRET-A", "b": "SECRET-B"}}


@pytest.mark.parametrize("phase", ["lookaway", "first", "handover", "second", "handback"])
def test_a_private_answer_never_shows_before_its_reveal(pack: Pack, phase: str) -> None:
    moves = [("private", p) for p in ("lookaway", "first", "handover", "second")]
    moves = moves[: ["lookaway", "first", "handover", "second", "handback"].index(phase) + 1]
    if phase == "handback":
        moves = [*moves[:4], ("private", "handback")]
    session = session_at(*moves, answers=SECRET)
    found = live(session, [pack], WHEN + timedelta(minutes=9))
    text = answers_markdown(found, NAMES)
    assert "SECRET" not in text
    assert found.shown == []
    assert "show here once the couple reaches the reveal" in text
    assert found.answered_so_far == ["a", "b"]


def test_a_private_answer_shows_at_its_reveal_and_after_but_not_when_back_in_a_turn(
    pack: Pack,
) -> None:
    walked = [("private", p) for p in ("lookaway", "first", "handover", "second", "reveal")]
    at_reveal = live(session_at(*walked, answers=SECRET), [pack], WHEN)
    assert "SECRET-A" in answers_markdown(at_reveal, NAMES)
    later = live(session_at(*walked, ("open", "first"), answers=SECRET), [pack], WHEN)
    assert "SECRET-B" in answers_markdown(later, NAMES)
    # Back to the second turn: Alex may change the answer, unseen by Sam.
    back = live(session_at(*walked, ("private", "second"), answers=SECRET), [pack], WHEN)
    assert "SECRET" not in answers_markdown(back, NAMES)


def test_a_step_skipped_past_its_reveal_stays_private(pack: Pack) -> None:
    # "Go to step" from the first private turn to a later step: never revealed.
    session = session_at(
        ("private", "lookaway"), ("private", "first"), ("open", "first"), answers=SECRET
    )
    assert "SECRET" not in answers_markdown(live(session, [pack], WHEN), NAMES)


def test_open_answers_show_at_once_and_say_whose_turn(pack: Pack) -> None:
    # Who starts alternates: Sam started the private step, so Alex starts this one.
    session = session_at(("open", "first"), answers={"open": {"b": 4}})
    found = live(session, [pack], WHEN)
    assert found.where is not None
    assert doing(found.where, NAMES) == "Alex's turn"
    text = answers_markdown(found, NAMES)
    assert "Now: Open scale" in text
    assert "Alex 4" in text


def test_a_score_shows_only_once_every_step_it_reads_is_revealed(pack: Pack) -> None:
    answers = {"rate": {"a": 4, "b": 2}}
    steps = [("rate", p) for p in ("lookaway", "first", "handover", "second")]
    hidden = live(session_at(*steps, answers=answers), [pack], WHEN)
    assert hidden.scores == []
    assert "Scores" not in answers_markdown(hidden, NAMES)
    shown = live(session_at(*steps, ("rate", "reveal"), answers=answers), [pack], WHEN)
    assert [(v.a, v.b) for _, v in shown.scores] == [(4.0, 2.0)]
    assert "Rated: Sam 4, Alex 2" in answers_markdown(shown, NAMES)


def test_a_session_without_a_trail_shows_what_the_couple_walked_past(pack: Pack) -> None:
    session = session_at(("open", "first"), answers=SECRET)
    session.trail.clear()
    assert "SECRET-A" in answers_markdown(live(session, [pack], WHEN), NAMES)
    session.position = Position(pack="live", step="private", phase="second")
    assert "SECRET" not in answers_markdown(live(session, [pack], WHEN), NAMES)


def test_time_on_this_step_and_against_the_budget(pack: Pack) -> None:
    session = session_at(
        ("private", "lookaway"),
        ("private", "first"),
        ("private", "handover"),
        ("private", "second"),
        ("private", "reveal"),
        ("open", "first"),
        answers={},
    )
    found = live(session, [pack], WHEN + timedelta(minutes=7, seconds=30))
    assert found.on_step == timedelta(minutes=2, seconds=30)
    assert found.spent == timedelta(minutes=7, seconds=30)
    assert found.budget_minutes == 25
    # A break longer than half an hour is not time spent.
    late = live(session, [pack], WHEN + timedelta(hours=2))
    assert late.spent == timedelta(minutes=5)


def test_a_pause_stops_the_clocks_and_says_so_until_the_couple_comes_back(pack: Pack) -> None:
    session = session_at(("private", "reveal"), ("open", "first"), answers={})
    # Two minutes on "open", then a pause of ten minutes: shorter than a break, still not spent.
    session.trail.append(trail.pause_entry(WHEN + timedelta(minutes=3), "live", "open", "first"))
    away = live(session, [pack], WHEN + timedelta(minutes=13))
    assert away.paused_at == WHEN + timedelta(minutes=3)
    assert away.on_step == timedelta(minutes=2)
    assert away.spent == timedelta(minutes=3)
    session.trail.append(trail.entry(WHEN + timedelta(minutes=13), "live", "open", "first"))
    back = live(session, [pack], WHEN + timedelta(minutes=14))
    assert back.paused_at is None
    assert back.on_step == timedelta(minutes=3)
    assert back.spent == timedelta(minutes=4)
    assert trail.time_per_pack(trail.moves(session.trail), WHEN + timedelta(minutes=14)) == {
        "live": timedelta(minutes=4)
    }


def test_sealed_answers_are_marked_private_and_escaped(pack: Pack) -> None:
    given = [Given(WHEN, "b", "unsure [x](http://e.org)"), Given(WHEN, "b", "sure")]
    text = sealed_markdown({"live": {"private": given}}, {"live": pack}, NAMES)
    assert "Private to you" in text
    assert "Live pack › Private words" in text
    assert "Alex: unsure \\[x\\](http://e.org) at 19:05, then sure at 19:05" in text
    assert sealed_markdown({}, {}, NAMES) == ""


def test_the_console_flags_a_safety_answer_that_asks_for_care() -> None:
    from workbook.export.console import sealed_markdown

    names = {"a": "Sam", "b": "Alex"}
    given = [Given(None, "a", "Yes"), Given(None, "b", "Not sure"), Given(None, "b", "Yes")]
    asks = sealed_markdown({"before-we-begin": {"safe": given}}, {}, names)
    # The first answer that asked for care keeps the flag up, whatever came after it.
    assert '⚑ Alex: "Not sure" (feels safe to speak openly here), then "Yes" later' in asks
    assert "⚑ Sam" not in asks
    calm = sealed_markdown(
        {"before-we-begin": {"safe": [Given(None, "a", "Yes"), Given(None, "b", "Yes")]}}, {}, names
    )
    assert "⚑" not in calm
    assert "Alex: Yes" in calm


def test_the_session_walked_now_is_the_unfinished_one_saved_last_and_only_changes_are_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from workbook.data.store import Store
    from workbook.service.follow import walking_now

    store = Store(tmp_path / "data")
    store.prepare()
    first, second, idle = (
        store.create_couple(a, b) for a, b in [("A", "B"), ("C", "D"), ("E", "F")]
    )
    assert walking_now(store) is None
    ended = store.new_session(idle.id, ["values"], when=WHEN)
    ended.finished = WHEN
    store.save_session(idle.id, ended, stamp=False)
    older = store.new_session(first.id, ["values"], when=WHEN)
    store.save_session(first.id, older, stamp=False)
    newer = store.new_session(second.id, ["values"], when=WHEN)
    store.save_session(second.id, newer, stamp=False)
    store.close()
    # Saved last by file time, whatever the ids say.
    stamp = os.stat(store.layout.session_file(second.id, newer.id)).st_mtime
    os.utime(store.layout.session_file(first.id, older.id), (stamp + 5, stamp + 5))
    memo: dict[str, Any] = {}
    assert walking_now(store, memo=memo) == (first.id, older.id)
    assert walking_now(store, [second.id]) == (second.id, newer.id)
    read: list[Path] = []
    real = store.read_head

    def counted(path: Path) -> dict[str, Any]:
        read.append(path)
        return real(path)

    monkeypatch.setattr(store, "read_head", counted)
    assert walking_now(store, memo=memo) == (first.id, older.id)
    assert read == []
    older.finished = WHEN
    store.save_session(first.id, older, stamp=False)
    store.close()
    assert walking_now(store, memo=memo) == (second.id, newer.id)
    assert {path.parent.parent.name for path in read} == {first.id}
