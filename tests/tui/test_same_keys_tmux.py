"""A real terminal: a whole session's keys sent by ``tmux send-keys`` in one call, as fast as a
terminal can deliver them, leave the same answers as the same keys pressed one by one with the
app settled after each (``typing_scripts``). Skipped where tmux is not installed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from tests.tui.test_same_keys import SEGMENTS, answers
from tests.tui.typing_scripts import KEYS_PACKS, fix_the_clock, keys_of, library, run
from workbook import tomlio
from workbook.data.store import Store

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

TMUX_NAMES = {
    "ctrl+n": "C-n",
    "ctrl+b": "C-b",
    "ctrl+q": "C-q",
    "enter": "Enter",
    "space": "Space",
    "backspace": "BSpace",
    "tab": "Tab",
    "shift+tab": "BTab",
    "up": "Up",
    "down": "Down",
    "left": "Left",
    "right": "Right",
}


def tmux(*arguments: str, timeout: float = 30) -> str:
    done = subprocess.run(
        ["tmux", *arguments], capture_output=True, text=True, timeout=timeout, check=True
    )
    return done.stdout


async def test_a_whole_session_sent_by_tmux_in_one_call(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fix_the_clock(monkeypatch)
    keys = [
        "ctrl+n",
        *keys_of(SEGMENTS["text in each answer mode"][1]),
        *keys_of(SEGMENTS["scale, choice and rank"][1]),
    ]
    slow = answers(await run(tmp_path / "slow", library(), keys, "settled", pack="every-kind"))

    data = tmp_path / "fast"
    store = Store(data)
    store.prepare()
    couple = store.create_couple("Sam", "Alex")
    couple.care_note_seen = True
    store.save_couple(couple)
    name = f"workbook-keys-{uuid.uuid4().hex[:8]}"
    command = [
        sys.executable, "-m", "workbook", "--data-dir", str(data), "--exercises", str(KEYS_PACKS),
        "start", "--couple", couple.id, "--pack", "every-kind",
    ]  # fmt: skip
    shell = " ".join(f"'{part}'" for part in command) + f"; tmux wait-for -S {name}"
    environment = {**os.environ, "WORKBOOK_CURSOR_BLINK": "0"}
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", name, "-x", "80", "-y", "24", shell],
        env=environment,
        check=True,
    )
    try:
        # The app's first step is on screen: the keys go to an app that is running.
        # No deadline of its own: the suite's timeout ends a hang.
        while "step 1 of 12" not in tmux("capture-pane", "-p", "-t", name):
            time.sleep(0.05)
        tmux("send-keys", "-t", name, *[TMUX_NAMES.get(k, k) for k in [*keys, "ctrl+q"]])
        tmux("wait-for", name, timeout=120)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True, check=False)
    (session_file,) = (data / "couples" / couple.id / "sessions").glob("*.toml")
    fast = tomlio.loads(session_file.read_text(encoding="utf-8"))
    assert fast["answers"] == slow
    assert fast["answers"]["every-kind"]["private"] == {"a": "hi", "b": "yo"}
