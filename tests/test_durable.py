"""Durable saving: complete or not at all, private, and loud when it fails."""

from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from workbook import tomlio
from workbook.data import durable
from workbook.data.durable import SaveError, private_folder, sweep_temp_files
from workbook.data.places import write_atomic


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_write_atomic_makes_private_files_and_folders(tmp_path: Path) -> None:
    target = tmp_path / "new" / "deeper" / "file.toml"
    old_umask = os.umask(0o000)
    try:
        write_atomic(target, b"x = 1\n")
    finally:
        os.umask(old_umask)
    assert target.read_bytes() == b"x = 1\n"
    assert mode(target) == 0o600
    assert mode(target.parent) == 0o700
    assert mode(tmp_path / "new") == 0o700
    assert [p.name for p in target.parent.iterdir()] == ["file.toml"]


def test_write_atomic_replaces_and_leaves_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "f"
    write_atomic(target, b"one")
    write_atomic(target, b"two")
    assert target.read_bytes() == b"two"
    assert [p.name for p in tmp_path.iterdir()] == ["f"]


def test_private_folder_leaves_existing_parents_alone(tmp_path: Path) -> None:
    tmp_path.chmod(0o755)
    private_folder(tmp_path / "mine")
    assert mode(tmp_path) == 0o755
    assert mode(tmp_path / "mine") == 0o700


@pytest.mark.parametrize("failing", ["write", "fsync", "replace"])
def test_a_failed_save_keeps_the_old_file_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    target = tmp_path / "answers.toml"
    write_atomic(target, b"old")

    def disk_full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, failing, disk_full)
    with pytest.raises(SaveError, match="No space left on device"):
        write_atomic(target, b"new")
    monkeypatch.undo()
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["answers.toml"]


def test_a_failed_folder_fsync_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(folder: Path) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(durable, "fsync_folder", broken)
    with pytest.raises(SaveError, match="Input/output error"):
        write_atomic(tmp_path / "f", b"data")


def test_sweep_removes_only_stale_temp_files(tmp_path: Path) -> None:
    stale = tmp_path / "couples" / ".wb-session.toml.1234abcd.tmp"
    fresh = tmp_path / ".wb-couple.toml.5678abcd.tmp"
    other = tmp_path / "notes.tmp"
    stale.parent.mkdir()
    for path in (stale, fresh, other):
        path.write_text("partial")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    assert sweep_temp_files(tmp_path) == [stale]
    assert fresh.exists()
    assert other.exists()
    assert not stale.exists()


KILLED_WRITER = """
import sys
from pathlib import Path
from workbook import tomlio
from workbook.data.places import write_atomic
target = Path(sys.argv[1])
version = 0
print("ready", flush=True)
while True:
    version += 1
    table = {"version": version, "answer": "x" * (50_000 + version % 7 * 10_000)}
    write_atomic(target, tomlio.dumps(table).encode())
"""


def test_kill_9_during_saves_always_leaves_a_complete_file(tmp_path: Path) -> None:
    """Kill the writer at random moments; every time, the file is a whole earlier version."""
    target = tmp_path / "session.toml"
    write_atomic(target, tomlio.dumps({"version": 0, "answer": ""}).encode())
    seen = set()
    for round_number in range(12):
        writer = subprocess.Popen(
            [sys.executable, "-c", KILLED_WRITER, str(target)], stdout=subprocess.PIPE
        )
        assert writer.stdout is not None
        assert writer.stdout.readline() == b"ready\n"
        time.sleep(0.02 + (round_number % 4) * 0.03)
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        table = tomlio.loads(target.read_text(encoding="utf-8"))
        assert set(table) == {"version", "answer"}
        assert len(table["answer"]) in {0, *(50_000 + k * 10_000 for k in range(7))}
        seen.add(table["version"])
        sweep_temp_files(tmp_path, now=time.time() + 3600)
    assert len(seen) > 1, "the writer never got to save: the test proves nothing"
