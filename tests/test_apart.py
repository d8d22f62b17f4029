"""The apart walk's core (service/apart.py, data/seat_answers.py): each partner's private answers
stay in a file of their own until the reveal, which the other seat's process never reads
before then; the session file holds the place and what was revealed; a killed seat resumes."""

from __future__ import annotations

import os
import stat
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from tests.packs_helpers import write_pack
from workbook import tomlio
from workbook.data import seat_answers
from workbook.data.store import Store
from workbook.packs.load import load_pack
from workbook.service import apart

WHEN = datetime(2026, 11, 22, 19, 5, tzinfo=timezone(timedelta(hours=1)))
STEPS = """
[[steps]]
id = "meaning"
kind = "text"
prompt = "{me}, what does respect look like?"

[[steps]]
id = "open"
kind = "text"
answer = "each-open"
prompt = "{me}, say it openly."

[[steps]]
id = "both"
kind = "text"
answer = "together"
prompt = "One answer for you both."

[[steps]]
id = "sealed"
kind = "choice"
answer = "each-sealed"
prompt = "Anything you want only the counsellor to know?"
options = ["Yes", "No"]
"""


def seats(
    tmp_path: Path, facilitator: str | None = None, steps: str = STEPS
) -> tuple[Store, apart.Seat, apart.Seat]:
    """One data folder, one apart session of a pack "respect" of ``steps``, and a seat for each
    partner, each with a store of its own (two processes)."""
    data = tmp_path / "data"
    pack = load_pack(write_pack(tmp_path / "packs", "respect", steps))
    store = Store(data)
    store.prepare()
    couple = store.create_couple("Lia", "Ben", facilitator, when=WHEN)
    session_id = apart.begin(store, couple, [pack])
    assert apart.begin(Store(data), couple, [pack]) == session_id  # the second seat joins
    assert pack.pack is not None
    made = [
        apart.Seat(Store(data), couple, session_id, [pack.pack], key, lambda: WHEN) for key in "ab"
    ]
    return store, made[0], made[1]


def session_table(seat: apart.Seat) -> dict[str, Any]:
    return tomlio.loads(seat.path.read_text(encoding="utf-8"))


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every own answers file read, in order."""
    found: list[Path] = []
    real = seat_answers.read_table  # type: ignore[attr-defined]

    def spy(path: Path) -> dict[str, Any]:
        found.append(path)
        return real(path)

    monkeypatch.setattr(seat_answers, "read_table", spy)
    return found


def test_private_answers_stay_in_own_files_until_both_are_done(
    tmp_path: Path, reads: list[Path]
) -> None:
    _, lia, ben = seats(tmp_path)
    place = lia.stage().place
    assert place is not None
    assert lia.stage().mode == apart.ANSWER
    lia.keep(place, {"a": "Being asked, not told."})
    ben.keep(place, {"b": "Time to think."})
    # Each file is the partner's own, private, beside the session file.
    a_file, b_file = lia.own.path, ben.own.path
    assert a_file.name.endswith(".a.toml")
    assert b_file.name.endswith(".b.toml")
    assert stat.S_IMODE(os.stat(a_file).st_mode) == 0o600
    assert tomlio.loads(a_file.read_text())["answers"]["respect"]["meaning"] == {
        "a": "Being asked, not told."
    }
    # The session file holds neither answer, only who is done.
    lia.finish_turn(place)
    table = session_table(lia)
    assert "Being asked" not in lia.path.read_text()
    assert "Time to think" not in str(table)
    assert table["apart"]["done"] == ["a"]
    # Before the reveal, Ben's seat opens only Ben's file, and Lia's only Lia's.
    reads.clear()
    ben.reload()
    assert ben.stage().done == ("a",)
    assert ben.stage().mode == apart.ANSWER
    ben.keep(place, {"b": "Time to think, really."})
    assert ben.answer_table(place) == {"b": "Time to think, really."}
    assert reads
    assert set(reads) == {b_file}
    reads.clear()
    lia.reload()
    assert lia.stage().mode == apart.WAITING
    assert lia.answer_table(place) == {"a": "Being asked, not told."}
    assert reads
    assert set(reads) == {a_file}
    ben.finish_turn(place)
    assert ben.stage().mode == apart.REVEALED
    lia.reload()
    assert lia.stage().mode == apart.REVEALED
    assert lia.session.answer("respect", "meaning") == {
        "a": "Being asked, not told.",
        "b": "Time to think, really.",
    }
    # Moved, not copied: the own files keep nothing of a revealed step.
    for path in (a_file, b_file):
        assert "meaning" not in path.read_text()


def test_who_is_done_can_take_it_back_before_the_reveal(tmp_path: Path) -> None:
    _, lia, ben = seats(tmp_path)
    place = lia.stage().place
    assert place is not None
    lia.keep(place, {"a": "first"})
    lia.finish_turn(place)
    lia.undo_turn(place)
    assert lia.stage().mode == apart.ANSWER
    lia.keep(place, {"a": "second"})
    assert lia.answer_table(place) == {"a": "second"}
    ben.keep(place, {"b": "his"})
    ben.finish_turn(place)
    assert ben.stage().mode == apart.WAITING
    lia.reload()
    lia.finish_turn(place)
    assert lia.session.answer("respect", "meaning") == {"a": "second", "b": "his"}


def test_a_killed_seat_resumes_with_its_own_answer_and_nothing_of_the_other(
    tmp_path: Path,
) -> None:
    store, lia, ben = seats(tmp_path)
    place = lia.stage().place
    assert place is not None
    lia.keep(place, {"a": "mine"})
    ben.keep(place, {"b": "his"})
    ben.finish_turn(place)
    # Lia's process is gone; a new one opens her seat.
    again = apart.Seat(Store(store.root), lia.couple, lia.session_id, lia.walk.packs, "a", lia.now)
    assert again.stage().mode == apart.ANSWER
    assert again.answer_table(place) == {"a": "mine"}
    assert "his" not in str(again.session.answers)


def test_a_move_is_made_once_whoever_makes_it(tmp_path: Path) -> None:
    _, lia, ben = seats(tmp_path)
    place = lia.stage().place
    assert place is not None
    for seat, key in ((lia, "a"), (ben, "b")):
        seat.keep(place, {key: key})
        seat.finish_turn(place)
    lia.reload()
    revealed = lia.stage().place
    assert revealed is not None
    lia.move(revealed, forward=True)
    ben.move(revealed, forward=True)  # from a place the session has left: nothing
    ben.reload()
    now = ben.stage()
    assert now.place is not None
    assert lia.walk.step(now.place).id == "open"
    assert len([m for m in lia.session.trail if m["step"] == "open"]) == 1


def test_open_and_together_answers_are_in_the_session_file_at_once(tmp_path: Path) -> None:
    _, lia, ben = seats(tmp_path)
    first = lia.stage().place
    assert first is not None
    for seat, _key in ((lia, "a"), (ben, "b")):
        seat.finish_turn(first)
    lia.reload()
    revealed = lia.stage().place
    assert revealed is not None
    lia.move(revealed, forward=True)
    ben.reload()
    open_step = ben.stage().place
    assert open_step is not None
    ben.keep(open_step, {"b": "said openly"})
    lia.keep(open_step, {"a": "me too"})
    lia.reload()
    assert lia.answer_table(open_step) == {"a": "me too", "b": "said openly"}
    for seat in (lia, ben):
        seat.reload()
        seat.finish_turn(open_step)
    lia.reload()
    after = lia.stage().place
    assert after is not None
    lia.move(after, forward=True)
    both = lia.stage()
    assert both.mode == apart.SHARED
    assert both.place is not None
    ben.reload()
    ben.keep(both.place, {"together": "ours"})
    lia.reload()
    assert lia.answer_table(both.place) == {"together": "ours"}


def test_a_sealed_step_goes_to_the_notes_file_and_never_to_the_session(tmp_path: Path) -> None:
    store, lia, ben = seats(tmp_path, facilitator="Dr. Lee")
    for _ in range(3):
        lia.reload()
        here = lia.stage()
        assert here.place is not None
        if here.mode == apart.ANSWER:
            for seat in (lia, ben):
                seat.reload()
                seat.finish_turn(here.place)
            lia.reload()
            here = lia.stage()
        assert here.place is not None
        lia.move(here.place, forward=True)
    sealed = lia.stage().place
    assert sealed is not None
    assert lia.walk.step(sealed).id == "sealed"
    lia.keep(sealed, {"a": ["No"]})
    ben.keep(sealed, {"b": ["Yes"]})
    lia.finish_turn(sealed)
    ben.reload()
    ben.finish_turn(sealed)
    assert ben.stage().mode == apart.REVEALED
    assert "sealed" not in str(session_table(ben).get("answers", {}))
    notes = store.notes(lia.couple.id, lia.session_id).read()
    assert notes.sealed["respect"]["sealed"] == {"a": ["No"], "b": ["Yes"]}
    assert "Yes" not in lia.own.path.read_text() + ben.own.path.read_text()


def test_the_last_next_finishes_and_an_unfinished_apart_session_is_found(tmp_path: Path) -> None:
    store, lia, ben = seats(tmp_path)
    assert apart.find(store, lia.couple.id) == lia.session_id
    last = lia._at(lia.walk.start_of_step(0, 3), lia.session)
    lia._change(lambda s: lia._arrive(s, last))
    for seat in (lia, ben):
        seat.reload()
        seat.finish_turn(last)
    ben.reload()
    revealed = ben.stage().place
    assert revealed is not None
    ben.move(revealed, forward=True)
    lia.reload()
    assert lia.stage().mode == apart.FINISHED
    assert apart.find(store, lia.couple.id) is None


def test_the_console_shows_a_private_answer_only_after_its_reveal(tmp_path: Path) -> None:
    from workbook.logic.live import live

    _, lia, ben = seats(tmp_path)
    place = lia.stage().place
    assert place is not None
    lia.arrive()
    lia.keep(place, {"a": "hers"})
    ben.keep(place, {"b": "his"})
    lia.finish_turn(place)
    before = live(lia.reload(), lia.walk.packs, WHEN)
    assert before.where is not None
    assert before.where.step_id == "meaning"
    assert not before.shown
    # Nobody's turn: both answer at once; the console says who is done, never what.
    assert before.where.turn is None
    assert before.answered_so_far == ["a"]
    from workbook.export.console import answers_markdown, doing

    names = {"a": "Lia", "b": "Ben"}
    assert doing(before.where, names) == "Both answering in private, each on their own device"
    assert "Done so far: Lia" in answers_markdown(before, names)
    assert "hers" not in answers_markdown(before, names)
    ben.reload()
    ben.finish_turn(place)
    after = live(lia.reload(), lia.walk.packs, WHEN)
    assert [dict(shown.table) for shown in after.shown] == [{"a": "hers", "b": "his"}]


def test_a_revealed_answer_left_in_an_own_file_is_taken_out_when_the_seat_opens(
    tmp_path: Path,
) -> None:
    _, lia, ben = seats(tmp_path)
    place = lia.stage().place
    assert place is not None
    lia.keep(place, {"a": "hers"})
    ben.keep(place, {"b": "his"})
    lia.finish_turn(place)
    ben.reload()
    ben.finish_turn(place)
    # As if Lia's process was killed between the reveal and the taking out.
    lia.own.put("respect", "meaning", "hers")
    lia.reload()
    lia.arrive()
    assert "meaning" not in lia.own.path.read_text()
    assert lia.session.answer("respect", "meaning") == {"a": "hers", "b": "his"}


def test_ending_early_from_a_sealed_step_still_gives_the_counsellor_a_call_for_care(
    tmp_path: Path,
) -> None:
    from workbook.packs.library import load_library

    data = tmp_path / "data"
    store = Store(data)
    store.prepare()
    couple = store.create_couple("Lia", "Ben", "Dr. Lee", when=WHEN)
    loaded = load_library(environ={}).packs["before-we-begin"]
    session_id = apart.begin(store, couple, [loaded])
    assert loaded.pack is not None
    lia, ben = (
        apart.Seat(Store(data), couple, session_id, [loaded.pack], key, lambda: WHEN)
        for key in "ab"
    )
    afraid = next(
        lia._at(lia.walk.start_of_step(0, s), lia.session)
        for s, step in enumerate(loaded.pack.steps)
        if step.id == "afraid"
    )
    lia._change(lambda s: lia._arrive(s, afraid))
    ben.keep(afraid, {"b": ["Yes"]})
    lia.keep(afraid, {"a": ["No"]})
    # Ben ends the session from his own turn, before Lia is done.
    ben.reload()
    ben.end_now()
    assert ben.stage().mode == apart.FINISHED
    notes = store.notes(couple.id, session_id).read()
    assert notes.sealed["before-we-begin"]["afraid"] == {"b": ["Yes"]}
    assert store.load_couple(couple.id).care is not None
    # Lia's seat sees the end, and keeps her own sealed answer where it belongs too.
    lia.reload()
    assert lia.stage().mode == apart.FINISHED
    lia.settle_own()
    notes = store.notes(couple.id, session_id).read()
    assert notes.sealed["before-we-begin"]["afraid"] == {"a": ["No"], "b": ["Yes"]}
    for seat in (lia, ben):
        assert "afraid" not in seat.own.path.read_text()


def test_in_an_encrypted_folder_the_own_files_are_sealed_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.crypt_helpers import PASSPHRASE, every_file, quick_wrap
    from workbook.data import crypt_folder

    quick_wrap(monkeypatch)
    root = tmp_path / "data"
    crypt_folder.encrypt(root, PASSPHRASE, lambda code: None)
    crypt_folder.open_folder(root, PASSPHRASE, lambda code: None)
    pack = load_pack(write_pack(tmp_path / "packs", "respect", STEPS))
    assert pack.pack is not None
    store = Store(root)
    couple = store.create_couple("Lia", "Ben", when=WHEN)
    session_id = apart.begin(store, couple, [pack])
    lia, ben = (
        apart.Seat(Store(root), couple, session_id, [pack.pack], key, lambda: WHEN) for key in "ab"
    )
    place = lia.stage().place
    assert place is not None
    lia.keep(place, {"a": "Secret-words-of-Lia"})
    lia.finish_turn(place)
    ben.reload()
    ben.keep(place, {"b": "Secret-words-of-Ben"})
    assert ben.answer_table(place) == {"b": "Secret-words-of-Ben"}
    files = every_file(root)
    assert any(name.endswith(".a.toml.age") for name in files)
    assert not any(b"Secret-words" in data for data in files.values())
    ben.finish_turn(place)
    lia.reload()
    assert lia.session.answer("respect", "meaning") == {
        "a": "Secret-words-of-Lia",
        "b": "Secret-words-of-Ben",
    }


def test_the_trail_says_the_couple_left_once_neither_seat_is_here(tmp_path: Path) -> None:
    from workbook.logic.live import live

    _, lia, ben = seats(tmp_path)
    lia.arrive()
    ben.arrive()
    lia.leave()
    # Ben is still at his device: no pause.
    assert live(lia.reload(), lia.walk.packs, WHEN).paused_at is None
    ben.leave()
    assert live(lia.reload(), lia.walk.packs, WHEN).paused_at == WHEN
    ben.leave()  # said once
    assert sum(1 for raw in lia.reload().trail if raw.get("paused")) == 1
    # The first seat back ends the pause.
    lia.arrive()
    assert live(lia.reload(), lia.walk.packs, WHEN).paused_at is None


def test_a_session_file_that_cannot_be_saved_says_why_not_the_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A save that fails under the session's lock is told as that save's failure: it used to be
    caught as the lock's own OS error ("its lock cannot be used: None")."""
    from workbook.data.durable import SaveError

    _store, lia, _ben = seats(tmp_path)
    place = lia.stage().place
    assert place is not None

    def full(*_args: Any, **_kwargs: Any) -> None:
        raise SaveError(lia.path, "No space left on device")

    monkeypatch.setattr(lia.store, "save_session", full)
    with pytest.raises(SaveError) as failed:
        lia.move(place, forward=True)
    assert "No space left on device" in str(failed.value)
    assert "lock" not in str(failed.value)
