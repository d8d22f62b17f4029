"""How fast the commands that never open the workbook start, against Textual's own import.

The commands that only read packs or data must start well under the interactive workbook, which
pays for importing Textual before it can draw anything. Each run is a whole process; runs
alternate between the candidates, and the median of each is compared with a baseline measured
in the same run, because these machines are noisy.

    python bench/cli_startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

EXERCISES = str(Path(__file__).resolve().parents[1] / "exercises")
CANDIDATES = {
    "python (nothing)": [sys.executable, "-c", "pass"],
    "import textual.app (baseline)": [sys.executable, "-c", "import textual.app"],
    "workbook list --json": [sys.executable, "-m", "workbook", "list", "--json"],
    "workbook validate exercises": [sys.executable, "-m", "workbook", "validate", EXERCISES],
    "workbook schema": [sys.executable, "-m", "workbook", "schema"],
}
BASELINE = "import textual.app (baseline)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=9)
    runs = parser.parse_args().runs
    times: dict[str, list[float]] = {name: [] for name in CANDIDATES}
    for _ in range(runs):
        for name, command in CANDIDATES.items():
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            times[name].append(time.perf_counter() - start)
    base = statistics.median(times[BASELINE])
    print(f"median of {runs} alternating runs; ratio = median / {BASELINE}")
    for name, samples in times.items():
        median = statistics.median(samples)
        print(f"  {name:<32} {median * 1000:7.1f} ms   ratio {median / base:5.2f}")


if __name__ == "__main__":
    main()
