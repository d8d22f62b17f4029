"""A counsellor's caseload: 200 couples with 50 sessions each, against an empty data folder, in
the same run. Each couple has goals, homework and a next appointment too (the counsellor's week).
Targets: Home ready within 1.25× of the same app on an empty folder, and a search
keystroke within 1.2× of a keystroke in an empty table.

- Home ready: each run is a whole process of the workbook in a pseudo-terminal of 80×24, from
  launch until Home has put the couples in its table (they are read in a worker) and drawn it;
  then it quits. The caseload's index.toml has been written once before, as by an earlier
  opening; how long that first reading took (every session file parsed) is printed too.
- Search: headless through Textual's Pilot at 80×24, the same keys typed into Home's search box
  (names typed and taken back, so that every key changes what the table shows), against the
  same keys typed into the search box over an empty table: Home on an empty folder, with the
  search box shown (it has none of its own), where the table says at each key that nothing
  matches.

Both measures alternate the two cases, and compare medians, because these machines are noisy.

    python bench/caseload.py [--runs N] [--couples N] [--sessions N]
"""

from __future__ import annotations

import argparse
import asyncio
import fcntl
import os
import pty
import random
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from workbook import tomlio
from workbook.data.index import load_caseload
from workbook.data.store import Store
from workbook.packs.library import load_library
from workbook.tui.app import WorkbookApp
from workbook.tui.screens.home import HomeScreen

# Quits once Home has filled its table and drawn it.
READY_APP = """
import sys
from pathlib import Path
from workbook.data.store import Store
from workbook.tui import app

class Ready(app.WorkbookApp):
    # Found from this class's file otherwise, which a script given with -c has not.
    CSS_PATH = str(Path(app.__file__).with_name("workbook.tcss"))

    def on_home_screen_loaded(self, message):
        self.call_after_refresh(self.exit)

Ready(Store(Path(sys.argv[1])), lambda: None).run()
"""
NAMES = ["Sam", "Alex", "Jo", "Kim", "Robin", "Lee", "Ana", "Ben", "Chris", "Dana"]
NAMES += ["Eli", "Fran", "Gus", "Hana", "Ivo", "Jun", "Kai", "Lou", "Mia", "Noor"]
SEARCHES = ["ana", "jo", "robin", "kim", "eli", "noor mia"]
# Each name typed, then taken back a key at a time.
KEYS = [
    key
    for name in SEARCHES
    for key in [*("space" if c == " " else c for c in name), *["backspace"] * len(name)]
]
ITEMS = ["We respect each other", "We trust each other", "I feel heard", "I feel valued"]


def timed(command: list[str], env: dict[str, str]) -> float:
    """Seconds from launch to exit of ``command`` in an 80×24 pseudo-terminal (as in
    bench/startup.py)."""
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

    threading.Thread(target=drain, daemon=True).start()
    if process.wait(timeout=60) != 0:
        raise SystemExit(f"{command[-1]}: the workbook did not quit cleanly")
    elapsed = time.perf_counter() - start
    os.close(master)
    return elapsed


def fill(root: Path, couples: int, sessions: int) -> None:
    """A caseload written straight to files (the store's fsyncs would take minutes): weekly
    check-ins with answers and a trail, three agreements, two goals, three pieces of homework
    and a next appointment each, a third with a session left unfinished."""
    rng = random.Random(1)
    for n in range(couples):
        a, b = NAMES[n % 20], f"{NAMES[(n // 20 + n + 1) % 20]} {n}"
        couple_id = f"couple-{n:03d}"
        folder = root / "couples" / couple_id / "sessions"
        folder.mkdir(parents=True)
        start = datetime(2025, 1, 6, 18, 0, tzinfo=UTC) + timedelta(hours=n)
        couple = {"format": 1, "id": couple_id, "created": start, "care_note_seen": True}
        # The counsellor's week: the next appointment, two goals (one measured), homework.
        couple["next_session"] = datetime(2026, 12, 1, 9, 0, tzinfo=UTC) + timedelta(hours=n)
        couple["partners"] = [{"key": "a", "name": a}, {"key": "b", "name": b}]
        couple["goals"] = [
            {
                "id": "g1",
                "text": "Argue without shouting",
                "set": date(2025, 1, 6),
                "measure": "csi-4.satisfaction",
                "target": 16,
                "status": "open",
            },
            {"id": "g2", "text": "A walk every Sunday", "set": date(2025, 1, 6), "status": "met"},
        ]
        _write(folder.parent / "couple.toml", couple)
        last = start + timedelta(weeks=sessions - 1)
        homework = [
            {
                "id": f"h{i}",
                "pack": "check-in",
                "assigned": last + timedelta(days=i),
                "due": (last + timedelta(days=7 + i)).date(),
                "note": "On Sunday evening.",
            }
            for i in range(3)
        ]
        _write(folder.parent / "homework.toml", {"format": 1, "homework": homework})
        agreements = [
            {
                "id": f"a{i}",
                "text": "Walk on Sundays",
                "made": date(2025, 1, 6),
                "review_on": date(2026, 11, 1) + timedelta(days=rng.randint(0, 60)),
                "confirmed_by": ["a", "b"],
            }
            for i in range(3)
        ]
        _write(folder.parent / "agreements.toml", {"format": 1, "agreements": agreements})
        for week in range(sessions):
            when = start + timedelta(weeks=week)
            session_id = when.strftime("%Y-%m-%d-%H%M")
            table: dict[str, object] = {
                "format": 1,
                "id": session_id,
                "started": when,
                "updated": when + timedelta(minutes=30),
                "agenda": ["check-in"],
            }
            if week < sessions - 1 or n % 3:
                table["finished"] = when + timedelta(minutes=30)
            table["packs"] = {"check-in": {"title": "Weekly check-in", "digest": "sha256:0"}}
            table["position"] = {"pack": "check-in", "step": "asks", "phase": "reveal"}
            table["trail"] = [
                {"at": when + timedelta(minutes=i), "pack": "check-in", "step": step}
                for i, step in enumerate(["welcome", "appreciations", "self-check", "asks"])
            ]
            table["answers"] = {
                "check-in": {
                    "appreciations": {"a": "You made dinner when I was late.", "b": "Thanks."},
                    "self-check": {k: {i: rng.randint(1, 5) for i in ITEMS} for k in "ab"},
                }
            }
            _write(folder / f"{session_id}.toml", table)


def _write(path: Path, table: dict[str, object]) -> None:
    path.write_text(tomlio.dumps(table), encoding="utf-8")


async def typing(root: Path, show_bar: bool) -> float:
    """Seconds to type ``KEYS`` into Home's search box."""
    app = WorkbookApp(Store(root), lambda: load_library(environ={}), theme="textual-dark")
    async with app.run_test(size=(80, 24)) as pilot:
        home = app.screen
        assert isinstance(home, HomeScreen)
        await home.loaded()
        if show_bar:
            # An empty folder has no search box: it is made and shown here, over the empty
            # table, as Home does for a caseload.
            await home._caseload_bar(True)
        await pilot.pause()
        await pilot.press("slash")
        start = time.perf_counter()
        await pilot.press(*KEYS)
        await pilot.pause()
        elapsed = time.perf_counter() - start
        assert home.view.query == "", "the keys did not all arrive"
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--couples", type=int, default=200)
    parser.add_argument("--sessions", type=int, default=50)
    options = parser.parse_args()
    runs = max(options.runs, 3)
    with tempfile.TemporaryDirectory() as folder:
        empty, full = Path(folder) / "empty", Path(folder) / "caseload"
        Store(empty).prepare()
        fill(full, options.couples, options.sessions)
        start = time.perf_counter()
        first = load_caseload(Store(full), date.today())
        cold = time.perf_counter() - start
        assert len(first.couples) == options.couples
        env = {**os.environ, "TERM": "xterm-256color"}
        env.pop("WORKBOOK_EXERCISES", None)
        commands = {
            "empty folder": [sys.executable, "-c", READY_APP, str(empty)],
            f"{options.couples} couples x {options.sessions} sessions": [
                sys.executable,
                "-c",
                READY_APP,
                str(full),
            ],
        }
        for command in commands.values():
            timed(command, env)  # warm the file cache once
        ready: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(runs):
            for name, command in commands.items():
                ready[name].append(timed(command, env))
        keys: dict[str, list[float]] = {"empty table": [], "caseload": []}
        for _ in range(runs):
            keys["empty table"].append(asyncio.run(typing(empty, show_bar=True)))
            keys["caseload"].append(asyncio.run(typing(full, show_bar=False)))
    (base, ours) = (statistics.median(samples) for samples in ready.values())
    print(f"Home ready: median of {runs} alternating runs, each a whole process in 80x24")
    for name, samples in ready.items():
        print(f"  {name:<36} {statistics.median(samples) * 1000:7.1f} ms")
    print(f"  ratio caseload / empty: {ours / base:.2f} (target 1.25 or less)")
    print(f"  (the first reading, before index.toml existed: {cold * 1000:.0f} ms, in a worker)")
    empty_keys, caseload_keys = (statistics.median(samples) for samples in keys.values())
    print(f"Search: median of {runs} alternating runs, {len(KEYS)} keys each")
    for name, seconds in (("empty table", empty_keys), ("caseload", caseload_keys)):
        print(f"  {name:<36} {seconds / len(KEYS) * 1000:7.2f} ms a key")
    print(f"  ratio caseload / empty: {caseload_keys / empty_keys:.2f} (target 1.2 or less)")


if __name__ == "__main__":
    main()
