"""A step's answer table that a hand edit left partly unreadable is never lost: recording the
answer it reads as leaves it as it is in the file, and a changed answer keeps it whole under
``as_found`` (data/answers/as_found.py), which later saves carry on and no document shows."""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.packs_helpers import builtin_library
from tests.test_unread_said import BROKEN, broken_session
from workbook import tomlio
from workbook.data.answers.as_found import AS_FOUND, to_record
from workbook.data.answers.kinds import read_answer
from workbook.data.store import Store
from workbook.export.documents import export
from workbook.service.recorder import SessionRecorder

PACK = builtin_library().packs["chores"].pack
assert PACK is not None
STEPS = {step.id: step for step in PACK.steps}


def opened(data_dir: Path) -> tuple[Store, SessionRecorder, Path]:
    store = Store(data_dir)
    store.prepare()
    couple_id, session_id = broken_session(store, "en")
    session = store.load_session(couple_id, session_id)
    recorder = SessionRecorder(store, couple_id, session, packs=[PACK])
    return store, recorder, store.layout.session_file(couple_id, session_id)


def in_file(path: Path) -> dict[str, Any]:
    return dict(tomlio.loads(path.read_text(encoding="utf-8"))["answers"]["chores"])


def test_the_answer_a_broken_table_reads_as_leaves_it_as_it_is(data_dir: Path) -> None:
    _, recorder, path = opened(data_dir)
    for step_id in ("share", "checking", "agree"):
        as_read = read_answer(STEPS[step_id], BROKEN[step_id])
        recorder.record("chores", step_id, as_read)
    recorder.save()
    assert in_file(path) == BROKEN


def test_a_changed_answer_keeps_the_table_as_it_was_found(data_dir: Path) -> None:
    store, recorder, path = opened(data_dir)
    answer = read_answer(STEPS["share"], BROKEN["share"])
    answer.tasks[0].minutes = 30
    recorder.record("chores", "share", answer)
    recorder.save()
    share = in_file(path)["share"]
    assert share[AS_FOUND] == BROKEN["share"]
    assert share["tasks"][0]["minutes"] == 30
    # Carried on by the next change, never nested again nor lost.
    again = read_answer(STEPS["share"], share)
    again.tasks[0].minutes = 45
    recorder.record("chores", "share", again)
    recorder.save()
    assert in_file(path)["share"][AS_FOUND] == BROKEN["share"]
    session_id = recorder.session.id
    summary = export(
        store, recorder.couple_id, builtin_library().packs, date(2026, 12, 2), session_id=session_id
    )
    assert AS_FOUND not in summary.text
    assert "nadie" not in summary.text


TABLES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)


@settings(max_examples=150, deadline=None)
@given(step_id=st.sampled_from(sorted(STEPS)), found=TABLES)
def test_whatever_was_found_is_either_kept_in_place_or_under_as_found(
    step_id: str, found: Any
) -> None:
    step = STEPS[step_id]
    table = read_answer(step, found).to_table()
    kept = copy.deepcopy(found)
    # What the file holds reads as this answer: it stays as it is (or is this very table).
    assert to_record(step, found, table) in (None, table)
    assert to_record(step, found, table) is None or found in (None, table)
    changed = {**table, "changed": True}
    written = to_record(step, found, changed)
    assert written is not None
    assert written == changed or written[AS_FOUND] == kept
    assert found == kept


def test_an_answer_that_is_not_a_table_is_kept_under_as_found(data_dir: Path) -> None:
    _, recorder, path = opened(data_dir)
    recorder.session.answers["chores"]["checking"] = "a hand edit"
    answer = read_answer(STEPS["checking"], None)
    recorder.record("chores", "checking", answer)
    assert recorder.session.found_answer("chores", "checking") == "a hand edit"
    changed = {**answer.to_table(), "together": {"words": "Sí"}}
    recorder.record("chores", "checking", changed)
    recorder.save()
    assert in_file(path)["checking"][AS_FOUND] == "a hand edit"
