"""Ten years of weekly check-ins: home, history and export for a couple with 520 sessions.

Each command runs as a whole process, alternating, and its median is printed next to the same
command for a quarter of the sessions, so the ratio shows whether cost grows linearly (about 4
for four times the sessions, plus the fixed start-up). The target: each under half a second.

    python bench/large_couple.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from workbook.data.models import PackUse
from workbook.data.store import Store
from workbook.packs.library import load_library

HOME = (
    "import sys\n"
    "from pathlib import Path\n"
    "from workbook.data.store import Store\n"
    "store = Store(Path(sys.argv[1]))\n"
    "for couple_id in store.couple_ids():\n"
    "    store.load_couple(couple_id); store.session_ids(couple_id)\n"
    "    store.load_agreements(couple_id)\n"
)


def fill(root: Path, count: int) -> str:
    """A couple with ``count`` weekly check-ins, every scale answered by both."""
    library = load_library(environ={})
    pack = library.pack("check-in")
    store = Store(root)
    store.prepare()
    couple = store.create_couple("Sam", "Alex")
    start = datetime(2016, 1, 4, 19, 0, tzinfo=UTC)
    rng = random.Random(1)
    for week in range(count):
        when = start + timedelta(weeks=week)
        session = store.new_session(couple.id, ["check-in"], when=when)
        session.packs["check-in"] = PackUse(title=pack.title, digest="x")
        for step in pack.steps:
            if step.kind == "scale":
                session.set_answer(
                    "check-in",
                    step.id,
                    {
                        key: (
                            {i: rng.randint(step.min, step.max) for i in step.items}
                            if step.items
                            else rng.randint(step.min, step.max)
                        )
                        for key in "ab"
                    },
                )
            elif step.kind == "text":
                session.set_answer("check-in", step.id, {"a": "Fine week", "b": "Busy week"})
        session.finished = when + timedelta(minutes=30)
        store.save_session(couple.id, session, stamp=False)
        store.release_session(couple.id, session.id)
    return couple.id


def timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        results: dict[str, dict[int, float]] = {}
        for count in (130, 520):
            root = Path(folder) / str(count)
            couple = fill(root, count)
            env = {**os.environ, "WORKBOOK_DATA_DIR": str(root)}
            sessions = sorted(
                p.stem for p in (root / "couples" / couple / "sessions").glob("*.toml")
            )
            commands = {
                "home (couples, sessions, agreements)": [sys.executable, "-c", HOME, str(root)],
                "workbook history": [sys.executable, "-m", "workbook", "history", couple],
                "workbook export (agreements)": [
                    sys.executable,
                    "-m",
                    "workbook",
                    "export",
                    couple,
                ],
                "workbook export --session (last)": [
                    sys.executable,
                    "-m",
                    "workbook",
                    "export",
                    couple,
                    "--session",
                    sessions[-1],
                ],
            }
            times: dict[str, list[float]] = {name: [] for name in commands}
            for _ in range(runs):
                for name, command in commands.items():
                    times[name].append(timed(command, env))
            for name, samples in times.items():
                results.setdefault(name, {})[count] = statistics.median(samples)
    print(f"median of {runs} alternating runs, whole processes")
    print(f"  {'':<38} {'130 sessions':>12} {'520 sessions':>12} {'ratio':>6}")
    for name, by_count in results.items():
        small, large = by_count[130], by_count[520]
        print(f"  {name:<38} {small * 1000:9.0f} ms {large * 1000:9.0f} ms {large / small:6.2f}")


if __name__ == "__main__":
    main()
