"""Kill -9 the running app in a pseudo-terminal while someone types steadily, many times.

Each round starts the real app on the first written question of "respect", types a key every
0.15 s as a person would, without pausing, and kills the process with SIGKILL at a random moment
up to 7 s in: a save timer that restarts at every key lost everything typed after the first
second. The session file must then hold every key typed up to 1.2 s before the kill: the app
saves at most about a second after the first unsaved change, however long the typing goes on.
Rounds run a few at a time, each in its own data folder, to keep the suite quick;
WORKBOOK_KILL_ROUNDS asks for more.
"""

from __future__ import annotations

import fcntl
import os
import pty
import random
import re
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from workbook import tomlio
from workbook.data.store import Store

ROUNDS = int(os.environ.get("WORKBOOK_KILL_ROUNDS", "12"))
AT_ONCE = 6
KEY_EVERY = 0.15
LONGEST = 7.0
# What may be lost: the save comes at most a second after the first unsaved key; the rest is
# room for the key to reach the app and the save to reach the disk on a busy machine.
MAY_LOSE = 1.2
LETTERS = "abcdefghijklmnopqrstuvwxyz"
# Terminal control sequences, between the characters the app draws.
_CSI = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]")


@dataclass
class Outcome:
    seed: int
    typed: str
    saved: str
    lost_seconds: float


def _wait_for(check: Any) -> None:
    """Wait until ``check()`` holds: no deadline of its own (the suite's timeout ends a hang)."""
    while not check():
        time.sleep(0.05)


def _session(folder: Path) -> dict[str, Any] | None:
    files = list(folder.glob("*.toml"))
    if not files:
        return None
    try:
        return tomlio.loads(files[0].read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _start(data: Path) -> tuple[subprocess.Popen[bytes], int, Path]:
    store = Store(data)
    store.prepare()
    couple = store.create_couple("Sam", "Alex")
    couple.care_note_seen = True
    store.save_couple(couple)
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = {
        **os.environ,
        "WORKBOOK_DATA_DIR": str(data),
        "TERM": "xterm-256color",
        "WORKBOOK_CURSOR_BLINK": "0",
        "COLUMNS": "80",
        "LINES": "24",
    }
    app = subprocess.Popen(
        [sys.executable, "-m", "workbook", "start", "--couple", couple.id, "--pack", "respect"],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        start_new_session=True,
    )
    os.close(slave)
    return app, master, data / "couples" / couple.id / "sessions"


def _drain(master: int, stop: threading.Event, seen: bytearray) -> None:
    # Keeps what the app drew, so a round starts typing only once the answer box is on screen.
    while not stop.is_set():
        try:
            chunk = os.read(master, 65536)
        except OSError:
            return
        if not chunk:
            return
        seen.extend(chunk)
        del seen[: max(len(seen) - 65536, 0)]


def one_round(seed: int, data: Path) -> Outcome:
    rng = random.Random(seed)
    kill_after = rng.uniform(MAY_LOSE, LONGEST)
    app, master, sessions = _start(data)
    stop = threading.Event()
    seen = bytearray()
    threading.Thread(target=_drain, args=(master, stop, seen), daemon=True).start()
    typed: list[tuple[float, str]] = []
    try:
        _wait_for(lambda: _session(sessions) is not None)
        os.write(master, b"\x0e")  # ctrl+n: from the opening read step to the first question
        _wait_for(lambda: (_session(sessions) or {}).get("position", {}).get("step") == "meaning")
        os.write(master, b"\r")  # Enter: "I'm Sam, and I'm ready", past the look-away screen
        # The box's placeholder is drawn once the box is there to take the keys.
        _wait_for(lambda: b"Type your answer here" in _CSI.sub(b"", bytes(seen)))
        started = time.monotonic()
        text = ""
        while True:
            moment = started + len(typed) * KEY_EVERY
            kill_at = started + kill_after
            if moment >= kill_at:
                time.sleep(max(kill_at - time.monotonic(), 0))
                break
            time.sleep(max(moment - time.monotonic(), 0))
            char = LETTERS[len(typed) % len(LETTERS)]
            os.write(master, char.encode())
            text += char
            typed.append((time.monotonic(), text))
        killed = time.monotonic()
        app.send_signal(signal.SIGKILL)
        app.wait(timeout=10)
    finally:
        stop.set()
        if app.poll() is None:
            app.kill()
        os.close(master)
    session = _session(sessions) or {}
    saved = session.get("answers", {}).get("respect", {}).get("meaning", {}).get("a", "")
    # The moment the first key the file does not hold was typed: everything before is saved.
    missing = [at for at, text in typed if len(text) > len(saved)]
    lost = killed - missing[0] if missing else 0.0
    return Outcome(seed, typed[-1][1] if typed else "", saved, lost)


@pytest.mark.parametrize("batch", range(max(ROUNDS // AT_ONCE, 1)))
def test_steady_typing_survives_kill_9_at_random_moments(batch: int, tmp_path: Path) -> None:
    seeds = [batch * AT_ONCE + number for number in range(AT_ONCE)]
    with ThreadPoolExecutor(max_workers=AT_ONCE) as pool:
        outcomes = list(pool.map(lambda s: one_round(s, tmp_path / f"round-{s}"), seeds))
    for outcome in outcomes:
        assert outcome.typed.startswith(outcome.saved), outcome.seed
        assert outcome.lost_seconds <= MAY_LOSE, (
            f"seed {outcome.seed}: the keys of the last {outcome.lost_seconds:.2f} s were lost "
            f"({len(outcome.saved)} of {len(outcome.typed)} characters saved)"
        )
    print("lost seconds:", ", ".join(f"{o.lost_seconds:.2f}" for o in outcomes))
