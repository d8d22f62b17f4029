"""Answers survive the trip to TOML and back, whatever the text."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.hostile import HOSTILE
from workbook.data.models import FacilitatorNotes, Session
from workbook.data.store import Store
from workbook.text import clean

WHEN = datetime(2026, 11, 22, 19, 5, tzinfo=UTC)
texts = st.text(max_size=200).map(clean) | st.sampled_from(HOSTILE).map(clean)
keys = st.text(min_size=1, max_size=30).map(clean).filter(bool)
values = st.one_of(
    texts,
    st.integers(-10, 10),
    st.dictionaries(keys, st.integers(0, 10), max_size=8),
    st.lists(texts, max_size=6),
)
tables = st.dictionaries(st.sampled_from(["a", "b", "together"]), values, max_size=3)
answers = st.dictionaries(
    st.from_regex(r"[a-z0-9][a-z0-9-]{0,8}", fullmatch=True),
    st.dictionaries(st.from_regex(r"[a-z0-9][a-z0-9-]{0,8}", fullmatch=True), tables, max_size=4),
    max_size=3,
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(answers=answers, notes=texts)
def test_answers_round_trip_through_the_session_file(
    tmp_path: Path, answers: dict[str, Any], notes: str
) -> None:
    store = Store(tmp_path / "rt")
    # The couple's folder is there: a save for a couple whose folder is gone is refused.
    store.layout.couple_folder("c").mkdir(parents=True, exist_ok=True)
    session = Session(
        id="2026-11-22-1905",
        started=WHEN,
        updated=WHEN,
        agenda=list(answers),
        answers=answers,
        facilitator=FacilitatorNotes(notes=notes),
    )
    store.save_session("c", session, stamp=False)
    loaded = store.load_session("c", session.id)
    assert loaded.answers == answers
    assert loaded.facilitator is not None
    assert loaded.facilitator.notes == notes
    assert loaded.started == WHEN.astimezone(timezone(timedelta(0)))
