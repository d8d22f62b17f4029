"""The built-in packs ship inside the wheel, and an installed copy finds them from anywhere; the
README's own install command (``pip install .``) brings everything ``workbook encrypt`` needs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).parents[1]


def test_wheel_carries_the_packs_and_finds_them_from_another_folder(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path / "dist"),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = (tmp_path / "dist").glob("workbook-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        archive.extractall(tmp_path / "site")
        (metadata,) = [n for n in names if n.endswith(".dist-info/METADATA")]
        requires = [
            line.removeprefix("Requires-Dist: ")
            for line in archive.read(metadata).decode().splitlines()
            if line.startswith("Requires-Dist: ")
        ]
    # pyrage comes with a plain install, not only with an extra; the old extra still works.
    assert any(r.startswith("pyrage") and "extra ==" not in r for r in requires), requires
    assert any(r.startswith("pyrage") and "extra == 'crypt'" in r for r in requires), requires
    packs = sorted(n for n in names if n.startswith("workbook/exercises/"))
    assert "workbook/exercises/respect.toml" in packs
    assert not [n for n in names if n.startswith(("tests/", "exercises/"))]
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "site")}
    out = subprocess.run(
        [sys.executable, "-m", "workbook", "list", "--json"],
        cwd=elsewhere,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    files = {row["id"]: Path(row["file"]) for row in json.loads(out.stdout)}
    assert files["respect"] == tmp_path / "site" / "workbook" / "exercises" / "respect.toml"
