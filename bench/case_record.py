"""The case record of a couple with 520 weekly sessions (ten years), against the summary of one
session of the same couple, in the same run. Target: the case record in under half a second.

The folder is built once: 520 check-ins, each keeping its pack, with both partners' scales
answered, a trail of moves, a counsellor's notes file (notes and a DAP note) for every session,
and 60 agreements with reviews. Each command then runs as a whole process (``python -m
workbook``), alternating with the baseline; the medians are printed, and their ratio.

    python bench/case_record.py [--runs N] [--sessions N]
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

from workbook.data.models import Agreement, Agreements, Review, Session
from workbook.data.store import Store
from workbook.data.trail import entry
from workbook.logic.session_packs import begin_packs
from workbook.packs.library import load_library

START = datetime(2016, 1, 4, 19, 0, tzinfo=UTC)


def fill(root: Path, count: int) -> tuple[str, list[str]]:
    """A couple with ``count`` weekly check-ins; returns the couple's id and the session ids."""
    library = load_library(environ={})
    loaded = library.packs["check-in"]
    pack = loaded.pack
    assert pack is not None
    store = Store(root)
    store.prepare()
    couple = store.create_couple("Sam", "Alex", facilitator="Dr. Lee")
    rng = random.Random(1)
    ids = []
    for week in range(count):
        when = START + timedelta(weeks=week)
        session = Session(
            id=when.strftime("%Y-%m-%d-%H%M"), started=when, updated=when, agenda=["check-in"]
        )
        begin_packs(session, store, [loaded])
        for number, step in enumerate(pack.steps):
            moved = when + timedelta(minutes=2 * number)
            session.trail.append(entry(moved, pack.id, step.id, "only"))
            if step.kind == "scale":
                items = getattr(step, "items", [])
                session.set_answer(
                    pack.id,
                    step.id,
                    {
                        key: (
                            {i: rng.randint(step.min, step.max) for i in items}
                            if items
                            else rng.randint(step.min, step.max)
                        )
                        for key in "ab"
                    },
                )
            elif step.kind == "text":
                session.set_answer(pack.id, step.id, {"a": "Fine week", "b": "Busy week"})
        session.finished = when + timedelta(minutes=25)
        store.save_session(couple.id, session, stamp=False)
        notes = store.notes(couple.id, session.id)
        notes.add_note("Talked about the week.", pack.id, "self-check", when)
        notes.set_dap("plan", "Carry on weekly.")
        ids.append(session.id)
    agreements = Agreements(
        agreements=[
            Agreement(
                id=f"{ids[n]}-1",
                text=f"Agreement {n}: a walk together on Sundays.",
                made=(START + timedelta(weeks=n)).date(),
                session=ids[n],
                source="check-in.agree",
                source_title=pack.title,
                review_on=(START + timedelta(weeks=n + 4)).date(),
                confirmed_by=["a", "b"],
                reviews=[
                    Review(on=(START + timedelta(weeks=n + 2)).date(), outcome="kept"),
                    Review(
                        on=(START + timedelta(weeks=n + 3)).date(),
                        outcome="changed",
                        before="An older wording.",
                    ),
                ],
            )
            for n in range(0, count, max(count // 60, 1))
        ]
    )
    store._save(store.layout.agreements_file(couple.id), agreements)
    store.close()
    return couple.id, ids


def timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sessions", type=int, default=520)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "data"
        couple, ids = fill(root, args.sessions)
        out = Path(folder) / "out"
        env = {**os.environ, "WORKBOOK_DATA_DIR": str(root)}
        workbook = [sys.executable, "-m", "workbook", "export", couple]
        commands = {
            "export --session (the last one)": [*workbook, "--session", ids[-1]],
            "export --case": [*workbook, "--case", "--out", str(out)],
            "export --case --format html": [
                *workbook,
                "--case",
                "--format",
                "html",
                "--out",
                str(out),
            ],
            "export --case --include-notes": [
                *workbook,
                "--case",
                "--include-notes",
                "--out",
                str(out),
            ],
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, command in commands.items():
                times[name].append(timed(command, env))
    baseline = statistics.median(times["export --session (the last one)"])
    print(f"{args.sessions} sessions; median of {args.runs} alternating runs, whole processes")
    for name, samples in times.items():
        median = statistics.median(samples)
        print(f"  {name:<36} {median * 1000:7.0f} ms  ratio {median / baseline:5.2f}")


if __name__ == "__main__":
    main()
