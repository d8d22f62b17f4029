"""A 3.9 MB keystroke frame against the real app (DESIGN.md section 9b): once, such a frame made
the app grow to 2.5 GB over minutes while every reconnect got 409. Now it is refused before it
is read, the app stays small, and the link opens again at once."""

from __future__ import annotations

import contextlib
import json
import time
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("textual_serve", reason="workbook serve needs textual-serve")

from aiohttp import WSMsgType

from tests.serve_helpers import ClientSession, enter, start
from workbook.serve.links import Link, workbook_command

MB = 1024 * 1024


def peak_kib(pid: int) -> int | None:
    """The process's peak resident memory, in KiB (None once it has gone)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="ascii")
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return None


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads memory from /proc")
async def test_a_huge_frame_leaves_the_app_small_and_the_link_opens_again(
    tmp_path: Path, record_property: Any
) -> None:
    command = workbook_command(tmp_path / "data")
    made = await start(links=[Link("couple", command, "the couple's workbook")])
    try:
        async with ClientSession() as session:
            assert await enter(session, made.link()) == 200
            first = await made.open(session)
            drawn = await first.receive(timeout=60)
            assert drawn.type == WSMsgType.BINARY, drawn
            connection = made.server.connections["couple"]
            assert connection.service is not None
            pid = connection.service.pid
            assert pid is not None
            # The server may close before the whole frame is sent: the sender then sees the
            # connection lost, as a browser would.
            with contextlib.suppress(ConnectionError):
                await first.send_str(json.dumps(["stdin", "x" * int(3.9 * MB)]))
            peak = 0
            while (await first.receive(timeout=60)).type not in (
                WSMsgType.CLOSE,
                WSMsgType.CLOSED,
                WSMsgType.ERROR,
            ):
                peak = max(peak, peak_kib(pid) or 0)
            refused = time.monotonic()
            assert first.closed
            assert first.close_code in (1009, 1006, None), first.close_code
            # The app is told to quit; its peak memory is read until it has gone.
            while (now := peak_kib(pid)) is not None:
                peak = max(peak, now)
                await _tick()
            again = await made.open(session)
            reopened = time.monotonic() - refused
            drawn = await again.receive(timeout=60)
            assert drawn.type == WSMsgType.BINARY, drawn
            redrawn = time.monotonic() - refused
            record_property("peak_mib", round(peak / 1024, 1))
            record_property("reopened_s", round(reopened, 2))
            record_property("redrawn_s", round(redrawn, 2))
            print(f"peak {peak / 1024:.1f} MiB, reopened {reopened:.2f} s, drawn {redrawn:.2f} s")
            assert peak < 200 * 1024
            assert reopened < 5
            await again.close()
    finally:
        await made.runner.cleanup()


async def _tick() -> None:
    import asyncio

    await asyncio.sleep(0.05)
