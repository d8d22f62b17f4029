"""A tried pack's session follows the pack from one reload to the next."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from workbook.data.models import Position, Session
from workbook.logic.trial import follow
from workbook.packs.models import Pack

WHEN = datetime(2026, 11, 22, tzinfo=UTC)


def pack(*steps: dict[str, Any], pack_id: str = "p") -> Pack:
    top = {"format": 1, "id": pack_id, "title": "T", "summary": "S"}
    return Pack.model_validate({**top, "steps": list(steps)})


TEXT = {"id": "t", "kind": "text", "prompt": "Why?"}
CHOICE = {"id": "c", "kind": "choice", "prompt": "Which?", "options": ["a", "b"]}
READ = {"id": "r", "kind": "read", "body": "Hello"}


def walked(old: Pack, step: str, phase: str) -> Session:
    session = Session(id="s", started=WHEN, updated=WHEN)
    follow(session, None, old, "sha256:0")
    session.answers = {old.id: {"t": {"a": "Because."}, "c": {"a": ["a"]}}}
    session.position = Position(pack=old.id, step=step, phase=phase)
    return session


def test_a_first_load_starts_at_the_first_step() -> None:
    session = Session(id="s", started=WHEN, updated=WHEN)
    follow(session, None, pack(READ, TEXT), "sha256:1")
    assert (session.agenda, session.position) == (["p"], Position(pack="p", step="r"))
    assert session.packs["p"].digest == "sha256:1"


def test_new_words_keep_the_answers_and_the_phase() -> None:
    old = pack(TEXT, CHOICE)
    session = walked(old, "t", "second")
    follow(session, old, pack({**TEXT, "prompt": "Why, really?", "title": "New"}, CHOICE), "x")
    assert session.answers["p"] == {"t": {"a": "Because."}, "c": {"a": ["a"]}}
    assert session.position == Position(pack="p", step="t", phase="second")


def test_a_step_that_asks_something_else_starts_again() -> None:
    old = pack(TEXT, CHOICE)
    session = walked(old, "c", "reveal")
    follow(session, old, pack(TEXT, {**CHOICE, "options": ["a", "b", "c"]}), "x")
    assert session.answers["p"] == {"t": {"a": "Because."}}
    assert session.position == Position(pack="p", step="c")


def test_a_renamed_step_keeps_its_place_and_a_removed_last_step_moves_back() -> None:
    old = pack(READ, TEXT, CHOICE)
    session = walked(old, "t", "first")
    follow(session, old, pack(READ, {**TEXT, "id": "why"}, CHOICE), "x")
    assert session.position == Position(pack="p", step="why")
    session = walked(old, "c", "first")
    follow(session, old, pack(READ, TEXT), "x")
    assert session.position == Position(pack="p", step="t")


def test_a_new_pack_id_carries_the_answers_over() -> None:
    old = pack(TEXT)
    session = walked(old, "t", "first")
    session.finished = WHEN
    follow(session, old, pack(TEXT, pack_id="renamed"), "x")
    assert session.answers == {"renamed": {"t": {"a": "Because."}}}
    assert session.agenda == ["renamed"]
    assert session.finished is None
