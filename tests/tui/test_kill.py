"""Kill -9 the running app in a pseudo-terminal, about 2 s after an answer was typed.

The session file must hold that answer: saving is debounced to about a second while typing.
"""

from __future__ import annotations

import fcntl
import os
import pty
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path
from typing import Any

from workbook import tomlio
from workbook.data.store import Store

TYPED = "kept after kill -9"


def _wait_for(check: Any, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    raise AssertionError("timed out")


def _session(folder: Path) -> dict[str, Any] | None:
    files = list(folder.glob("*.toml"))
    if not files:
        return None
    try:
        return tomlio.loads(files[0].read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def test_an_answer_typed_two_seconds_before_kill_9_is_saved(tmp_path: Path) -> None:
    data = tmp_path / "data"
    store = Store(data)
    store.prepare()
    couple = store.create_couple("Sam", "Alex")
    couple.care_note_seen = True
    store.save_couple(couple)
    sessions = data / "couples" / couple.id / "sessions"

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
    stop = threading.Event()

    def drain() -> None:
        while not stop.is_set():
            try:
                if not os.read(master, 65536):
                    return
            except OSError:
                return

    threading.Thread(target=drain, daemon=True).start()
    try:
        _wait_for(lambda: _session(sessions) is not None)
        os.write(master, b"\x0e")  # ctrl+n: from the opening read step to the first question
        _wait_for(lambda: (_session(sessions) or {}).get("position", {}).get("step") == "meaning")
        time.sleep(0.5)
        for char in TYPED:
            os.write(master, char.encode())
            time.sleep(0.01)
        time.sleep(2.0)
        app.send_signal(signal.SIGKILL)
        app.wait(timeout=10)
    finally:
        stop.set()
        if app.poll() is None:
            app.kill()
        os.close(master)
    session = _session(sessions)
    assert session is not None
    assert session["answers"]["respect"]["meaning"]["a"] == TYPED
