"""The session recorder: when it saves while answers change, and what it says is unsaved."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from workbook import tomlio
from workbook.data.debounce import MAX_WAIT, QUIET
from workbook.data.durable import SaveError
from workbook.data.store import Store
from workbook.i18n.said import Words
from workbook.service.recorder import SessionRecorder

WHEN = datetime(2026, 11, 22, 19, 5, tzinfo=timezone(timedelta(hours=1)))


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def made(data_dir: Path) -> tuple[Store, SessionRecorder, Clock]:
    store = Store(data_dir)
    store.prepare()
    couple = store.create_couple("Sam", "Alex", when=WHEN)
    session = store.new_session(couple.id, ["respect"], when=WHEN)
    clock = Clock()
    return store, SessionRecorder(store, couple.id, session, clock=clock), clock


def test_steady_typing_is_saved_at_most_a_second_after_each_key(
    made: tuple[Store, SessionRecorder, Clock],
) -> None:
    _, recorder, clock = made
    assert recorder.due_in() is None
    typed_at: list[float] = []
    saved: dict[int, float] = {}  # key number -> when a save first held it
    # A key every 0.15 s for 10 s; time runs in steps of 10 ms, and a timer saves when due.
    for tick in range(1100):
        clock.now = 100.0 + tick / 100
        if tick % 15 == 0 and tick < 1000:
            typed_at.append(clock.now)
            recorder.record("respect", "meaning", {"a": "x" * len(typed_at)})
        due = recorder.due_in()
        if due is not None and due <= 1e-9:
            assert recorder.save()
            for key in range(len(typed_at)):
                saved.setdefault(key, clock.now)
    assert len(saved) == len(typed_at) == 67
    assert max(saved[key] - at for key, at in enumerate(typed_at)) <= MAX_WAIT + 1e-6
    saves = sorted(set(saved.values()))
    assert len(saves) >= 9


def test_slow_typing_gives_one_save_per_burst(made: tuple[Store, SessionRecorder, Clock]) -> None:
    _, recorder, clock = made
    for key in range(3):
        clock.now = 100.0 + key * 0.1
        recorder.record("respect", "meaning", {"a": "x" * key})
    assert recorder.due_in() == pytest.approx(QUIET)
    clock.now = 100.2 + QUIET
    assert recorder.due_in() == pytest.approx(0.0)
    assert recorder.save()
    assert recorder.due_in() is None
    assert recorder.unsaved() is None


def test_a_failed_save_keeps_the_answers_and_says_how_much_is_unsaved(
    made: tuple[Store, SessionRecorder, Clock], monkeypatch: pytest.MonkeyPatch
) -> None:
    store, recorder, _clock = made
    recorder.record("respect", "meaning", {"a": "Being asked"})
    assert recorder.save()
    saved_at = recorder.saved_at
    recorder.record("respect", "meaning", {"a": "Being asked, not told"})
    recorder.record("respect", "areas", {"a": {"Work": 4}})

    def full(*args: object, **kwargs: object) -> None:
        raise SaveError(Path("x"), "No space left on device")

    monkeypatch.setattr(store, "save_session", full)
    assert not recorder.save()
    unsaved = recorder.unsaved()
    assert unsaved is not None
    assert unsaved.steps == 2
    assert unsaved.since == saved_at
    assert "No space left on device" in str(unsaved.reason)
    assert unsaved.describe().startswith("2 answers changed since ")
    assert recorder.session.answer("respect", "areas") == {"a": {"Work": 4}}
    monkeypatch.undo()
    assert recorder.save()
    assert recorder.failure is None
    assert recorder.unsaved() is None


def test_only_a_move_unsaved_is_nothing_to_ask_about(
    made: tuple[Store, SessionRecorder, Clock], monkeypatch: pytest.MonkeyPatch
) -> None:
    store, recorder, _ = made

    def full(*args: object, **kwargs: object) -> None:
        raise SaveError(Path("x"), "No space left on device")

    monkeypatch.setattr(store, "save_session", full)
    recorder.changed()
    assert not recorder.save()
    assert recorder.unsaved() is None


def test_a_read_only_recorder_records_and_writes_nothing(data_dir: Path) -> None:
    store = Store(data_dir)
    couple = store.create_couple("Sam", "Alex", when=WHEN)
    session = store.new_session(couple.id, ["respect"], when=WHEN)
    path = data_dir / "couples" / couple.id / "sessions" / f"{session.id}.toml"
    before = path.read_bytes()
    recorder = SessionRecorder(store, couple.id, session, read_only=Words("open elsewhere"))
    recorder.record("respect", "meaning", {"a": "x"})
    assert recorder.save()
    assert recorder.unsaved() is None
    assert path.read_bytes() == before
    assert "meaning" not in tomlio.loads(before.decode()).get("answers", {}).get("respect", {})
