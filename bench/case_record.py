"""The case record of a couple with 520 weekly sessions (ten years), against the summary of one
session of the same couple, in the same run. Target: the case record in under half a second.

The folder is built once: 520 check-ins, each keeping its pack, with both partners' scales
answered, a trail of moves, a counsellor's notes file (notes and a DAP note) for every session,
and 60 agreements with reviews. Each export runs twice per round, alternating with the
baseline: as a whole process (``python -m workbook export``), and alone in a process that has
done its imports (the cost of the export itself). Medians of wall and CPU time are printed, with
the ratio of CPU time to the baseline.

    python bench/case_record.py [--runs N] [--sessions N]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
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


# The export alone, in a process that has already imported everything: what the case record
# itself costs, without Python's start-up and the imports every command pays.
INSIDE = (
    "import sys, time, json\n"
    "from datetime import date\n"
    "from pathlib import Path\n"
    "from workbook.data.store import Store\n"
    "from workbook.export.documents import export\n"
    "import workbook.export.case_record\n"
    "from workbook.packs.library import load_library\n"
    "library = load_library()\n"
    "root, couple, session, case, fmt, notes = sys.argv[1:]\n"
    "wall, cpu = time.perf_counter(), time.process_time()\n"
    "export(Store(Path(root)), couple, library.packs, date.today(), session_id=session or None,\n"
    "       case=case == '1', fmt=fmt, include_notes=notes == '1')\n"
    "print(json.dumps([time.perf_counter() - wall, time.process_time() - cpu]))\n"
)


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time and CPU time of a whole process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def inside(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    done = subprocess.run(
        [sys.executable, "-c", INSIDE, *args], check=True, capture_output=True, env=env, text=True
    )
    wall, cpu = json.loads(done.stdout)
    return float(wall), float(cpu)


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
        workbook = [sys.executable, "-m", "workbook", "export", couple, "--out", str(out)]
        # name: (the command's own arguments, the same export as arguments of INSIDE)
        cases = {
            "export --session (the last one)": (["--session", ids[-1]], [ids[-1], "0", "md", "0"]),
            "export --case": (["--case"], ["", "1", "md", "0"]),
            "export --case --format html": (["--case", "--format", "html"], ["", "1", "html", "0"]),
            "export --case --include-notes": (
                ["--case", "--include-notes"],
                ["", "1", "md", "1"],
            ),
        }
        whole: dict[str, list[tuple[float, float]]] = {name: [] for name in cases}
        alone: dict[str, list[tuple[float, float]]] = {name: [] for name in cases}
        for _ in range(args.runs):
            for name, (flags, inner) in cases.items():
                whole[name].append(timed([*workbook, *flags], env))
                alone[name].append(inside([str(root), couple, *inner], env))
    base = "export --session (the last one)"
    print(f"{args.sessions} sessions; medians of {args.runs} alternating runs (wall / CPU, ms)")
    print(f"  {'':<34} {'export alone':>17} {'ratio':>6}   {'whole process':>17} {'ratio':>6}")
    for name in cases:
        a_wall, a_cpu = (statistics.median(x) for x in zip(*alone[name], strict=True))
        w_wall, w_cpu = (statistics.median(x) for x in zip(*whole[name], strict=True))
        b_cpu = statistics.median(c for _, c in alone[base])
        bw_cpu = statistics.median(c for _, c in whole[base])
        print(
            f"  {name:<34} {a_wall * 1000:7.0f} / {a_cpu * 1000:5.0f} {a_cpu / b_cpu:6.1f}   "
            f"{w_wall * 1000:7.0f} / {w_cpu * 1000:5.0f} {w_cpu / bw_cpu:6.2f}"
        )
    print("  (ratios of CPU time, which a busy machine disturbs less than wall time)")


if __name__ == "__main__":
    main()
