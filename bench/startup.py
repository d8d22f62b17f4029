"""Start-up of the workbook to its home screen, against a bare Textual app, in the same run.

The data folder holds one couple with a few sessions and an agreement, as at home. Each run is
a whole process in a pseudo-terminal of 80×24 that starts, draws its first screen,
and quits at once through ``TEXTUAL_PRESS=ctrl+q``. The two apps alternate, and the medians are
compared, because these machines are noisy. The target is a ratio of 1.25 or less.

    python bench/startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from pathlib import Path

BARE_APP = """
from textual.app import App
from textual.widgets import Footer, Header

class Bare(App):
    def compose(self):
        yield Header()
        yield Footer()

Bare().run()
"""


def timed(command: list[str], env: dict[str, str]) -> float:
    """Seconds from launch to exit of ``command`` in an 80×24 pseudo-terminal."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    start = time.perf_counter()
    process = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave, env=env)
    os.close(slave)

    def drain() -> None:
        try:
            while os.read(master, 65536):
                pass
        except OSError:
            return

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    process.wait(timeout=60)
    elapsed = time.perf_counter() - start
    os.close(master)
    return elapsed


def _a_couple(root: Path) -> None:
    """A data folder as a couple has it after a few weeks: sessions and agreements."""
    from datetime import date

    from workbook.data.store import Store
    from workbook.logic.agreements import add_agreement

    store = Store(root)
    store.prepare()
    couple = store.create_couple("Sam", "Alex")
    for _ in range(3):
        session = store.new_session(couple.id, ["check-in"])
        store.release_session(couple.id, session.id)

    def change(agreements):  # type: ignore[no-untyped-def]
        add_agreement(
            agreements,
            text="Walk on Sundays",
            made=date(2026, 1, 1),
            session=None,
            source=None,
            review_days=28,
            confirmed_by=["a", "b"],
        )
        return agreements

    store.update_agreements(couple.id, change, lambda agreements: "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = max(parser.parse_args().runs, 5)
    with tempfile.TemporaryDirectory() as data:
        _a_couple(Path(data) / "wb")
        env = {
            **os.environ,
            "TEXTUAL_PRESS": "ctrl+q",
            "TERM": "xterm-256color",
            "WORKBOOK_DATA_DIR": str(Path(data) / "wb"),
        }
        env.pop("WORKBOOK_EXERCISES", None)
        commands = {
            "bare Textual app (Header + Footer)": [sys.executable, "-c", BARE_APP],
            "workbook (home screen)": [sys.executable, "-m", "workbook"],
        }
        for command in commands.values():
            timed(command, env)  # warm the file cache once
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(runs):
            for name, command in commands.items():
                times[name].append(timed(command, env))
    bare, ours = (statistics.median(samples) for samples in times.values())
    print(f"median of {runs} alternating runs, each a whole process to its first screen")
    for name, samples in times.items():
        print(f"  {name:<36} {statistics.median(samples) * 1000:7.1f} ms")
    print(f"  ratio workbook / bare: {ours / bare:.2f} (target 1.25 or less)")


if __name__ == "__main__":
    main()
