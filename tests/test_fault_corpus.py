"""Every command against every fault in every kind of data file (tests/faults.py).

For each case: no traceback and no "unexpected error", no hang (the suite's timeout ends one), no
file changed, and the bystander couple fully served: listed, exported, with their own words.

The folder is built once and copied for each case, and the commands share one library of the
built-in packs: neither is what a fault in a data file could change.
"""

from __future__ import annotations

import contextlib
import io
import shutil
import threading
from pathlib import Path

import pytest

from tests import faults
from workbook.cli import main

COMMANDS = [
    ["couples"],
    ["couples", "--json"],
    ["export", faults.VICTIM],
    ["export", faults.VICTIM, "--session", faults.FINISHED, "--include-notes"],
    ["export", faults.VICTIM, "--session", faults.UNFINISHED, "--format", "html"],
    ["history", faults.VICTIM],
    ["export", faults.BYSTANDER],
    ["export", faults.BYSTANDER, "--session", faults.FINISHED],
    ["history", faults.BYSTANDER],
]


def run(data: Path, args: list[str]) -> tuple[int | None, str, str]:
    """Run one command in a thread, so that a hang is seen instead of waited for."""
    out, err = io.StringIO(), io.StringIO()
    result: list[int] = []

    def target() -> None:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            result.append(main(["--data-dir", str(data), *args]))

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    # No deadline here: a hang (a FIFO opened for reading, say) is ended by the suite's timeout,
    # whose signal interrupts this join.
    thread.join()
    return (result[0] if result else None), out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("faults") / "data"
    faults.build(data)
    return data


@pytest.mark.usefixtures("one_library")
@pytest.mark.parametrize("case", faults.CASES, ids=lambda case: case.id)
def test_every_command_survives_the_fault(case: faults.Case, built: Path, tmp_path: Path) -> None:
    data, outside = tmp_path / "data", tmp_path / "outside"
    shutil.copytree(built, data, symlinks=True)
    faulted = faults.apply(case, data, outside)
    before, before_outside = faults.snapshot(data), faults.snapshot(outside)
    for args in COMMANDS:
        code, out, err = run(data, args)
        assert code is not None, f"{args} ended without an exit code"
        assert code in (0, 2), (args, code, err)
        assert "Traceback" not in out + err
        assert "unexpected error" not in err, (args, err)
        if args[0] == "export" and args[1] == faults.BYSTANDER:
            assert code == 0, err
            assert "Jo" in out
            assert "Kim" in out
            if "--session" in args:
                assert "Jo's words" in out
        if args[:1] == ["couples"]:
            assert "jo-and-kim" in out
        elif args[1] == faults.VICTIM:
            # Nothing of the other couple's ever comes out under this couple's name.
            assert "Jo" not in out, (args, out)
            assert "Kim" not in out, (args, out)
    assert faults.changed(before, faults.snapshot(data)) == set(), faulted
    assert faults.snapshot(outside) == before_outside
