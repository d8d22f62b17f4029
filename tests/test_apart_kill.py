"""Kill -9 a seat at any moment (DESIGN.md section 9): two seats' processes walk an apart session
at once, each keeping its private answers in its own file, saying it is done, revealing and
moving on, and are killed at random moments, many times, during their saves. After every kill:
every file reads; no answer a seat had saved is lost (in its own file until the reveal, in the
session file after it, never in both once the seat reopens); every revealed step holds both
answers; and both seats resume where the session file says they are, with their own answer.

The seats run in forked children of the test (already imported, so a round costs milliseconds,
not an interpreter's start); each tells the test on a pipe what it has saved, once saved.
"""

from __future__ import annotations

import os
import random
import signal
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from tests.packs_helpers import write_pack
from workbook.data import trail
from workbook.data.files import read_table
from workbook.data.seat_answers import SeatAnswers, seat_path
from workbook.data.store import Store
from workbook.packs.load import load_pack
from workbook.service import apart

WHEN = datetime(2026, 11, 22, 19, 5, tzinfo=timezone(timedelta(hours=1)))
STEPS = "".join(
    f'\n[[steps]]\nid = "s{n}"\nkind = "text"\nprompt = "{{me}}, step {n}?"\n' for n in range(60)
)
ROUNDS = 14


def walk(data: Path, session_id: str, pack: Any, key: str, tag: str, said: int) -> None:
    """One seat's process: answer, be done, reveal, go on, over and over; after each answer
    is saved, say so on ``said``."""
    store = Store(data)
    couple = store.load_couple(store.couple_ids()[0])
    seat = apart.Seat(store, couple, session_id, [pack], key, lambda: WHEN)
    seat.arrive()
    number = 0
    while True:
        seat.reload()
        stage = seat.stage()
        if stage.mode == apart.FINISHED or stage.place is None:
            return
        step = seat.walk.step(stage.place).id
        if stage.mode == apart.ANSWER:
            number += 1
            words = f"{key}-{tag}-{number}"
            seat.keep(stage.place, {key: words})
            os.write(said, f"{step} {words}\n".encode())
            seat.finish_turn(stage.place)
        elif stage.mode == apart.REVEALED:
            seat.move(stage.place, forward=True)
        else:
            time.sleep(0.005)


def start(data: Path, session_id: str, pack: Any, key: str, tag: str) -> tuple[int, int]:
    """A forked seat: its pid, and the pipe it speaks on."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the seat's process: it never returns into the test
        code = 0
        try:
            os.close(read_end)
            walk(data, session_id, pack, key, tag, write_end)
        except BaseException:
            code = 1
        os._exit(code)
    os.close(write_end)
    return pid, read_end


def said_lines(read_end: int, count: int) -> bytes:
    """What a seat has said, read until ``count`` lines have come (or it has ended)."""
    chunks: list[bytes] = []
    while b"".join(chunks).count(b"\n") < count and (chunk := os.read(read_end, 65536)):
        chunks.append(chunk)
    return b"".join(chunks)


def heard(read_end: int, early: bytes = b"") -> list[tuple[str, str]]:
    chunks = [early]
    while chunk := os.read(read_end, 65536):
        chunks.append(chunk)
    os.close(read_end)
    lines = b"".join(chunks).decode().splitlines()
    return [(line.split()[0], line.split()[1]) for line in lines if len(line.split()) == 2]


def test_seats_killed_at_random_during_saves_lose_nothing_and_resume(tmp_path: Path) -> None:
    data = tmp_path / "data"
    loaded = load_pack(write_pack(tmp_path / "packs", "respect", STEPS))
    assert loaded.pack is not None
    pack = loaded.pack
    store = Store(data)
    store.prepare()
    couple = store.create_couple("Lia", "Ben", when=WHEN)
    session_id = apart.begin(store, couple, [loaded])
    session_file = store.layout.session_file(couple.id, session_id)
    rng = random.Random(26)
    last: dict[str, tuple[str, str]] = {}
    kills = 0
    for round_number in range(ROUNDS):
        children = {key: start(data, session_id, pack, key, f"r{round_number}") for key in "ab"}
        early: dict[str, bytes] = {}
        if round_number % 2 == 0:
            # Every other round, the kills wait for work, not time: each seat has saved two
            # answers (so the step before has been revealed), however slow the machine is.
            early = {key: said_lines(read_end, 2) for key, (_, read_end) in children.items()}
            time.sleep(rng.uniform(0.0, 0.05))
        else:
            time.sleep(rng.uniform(0.0, 0.25))
        order = rng.sample("ab", 2)
        for key in order:
            os.kill(children[key][0], signal.SIGKILL)
            if rng.random() < 0.5:
                time.sleep(rng.uniform(0.0, 0.02))
        for key, (pid, read_end) in children.items():
            _, status = os.waitpid(pid, 0)
            # Killed, or done with the whole walk: never failed.
            assert os.WIFSIGNALED(status) or os.WEXITSTATUS(status) == 0, (key, status)
            kills += os.WIFSIGNALED(status)
            said = heard(read_end, early.get(key, b""))
            if said:
                last[key] = said[-1]
        # Every file reads, whatever moment the kills came at.
        session = store.peek_session(couple.id, session_id)
        for key in "ab":
            path = seat_path(session_file, key)
            if path.exists():
                read_table(path)
        revealed = {m.step for m in trail.moves(session.trail) if m.phase == "reveal"}
        for step in revealed:
            assert set(session.answer("respect", step)) == {"a", "b"}, step
        # Both seats resume where the session file says, each with its own answer.
        resumed = {
            key: apart.Seat(Store(data), couple, session_id, [pack], key, lambda: WHEN)
            for key in "ab"
        }
        for key, seat in resumed.items():
            seat.arrive()  # a reopened seat tidies what a kill left behind
            stage = seat.stage()
            if session.finished is None:
                assert stage.place is not None
                assert session.position is not None
                assert seat.walk.step(stage.place).id == session.position.step
            # Nothing saved is lost: the last answer the seat had saved, or a later one.
            if key in last:
                step, words = last[key]
                own = SeatAnswers(session_file, key).value("respect", step)
                if step in revealed:
                    assert own is None, (key, step)
                    found = session.answer("respect", step).get(key)
                else:
                    found = own
                assert isinstance(found, str), (key, step)
                assert _number(found) >= _number(words), (key, step, found, words)
        if session.finished is not None:
            break
    assert kills >= ROUNDS, kills
    assert len(revealed) >= 3, "the seats never got far enough to be killed mid-walk"
    print(f"{kills} kills, {len(revealed)} steps revealed")


def _number(words: str) -> tuple[int, int]:
    """(round, answer) of a seat's words: later words are greater."""
    _, tag, number = words.split("-")
    return int(tag.removeprefix("r")), int(number)
