"""``workbook serve`` against a hostile connection (DESIGN.md section 9b): frames over the
limit, sizes out of range or not numbers, malformed frames, another Host, the headers of every
page, a port already in use, and a crash told without the couple's words.

Each test failed before the server read frames itself: the frames went to the app as they came.
"""

from __future__ import annotations

import json
import logging
import socket
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("textual_serve", reason="workbook serve needs textual-serve")

from aiohttp import WSMsgType, WSServerHandshakeError

from tests.serve_helpers import ClientSession, Running, enter, said, start
from workbook.cli import main

ROOT = Path(__file__).parents[1]
LIMIT = 256 * 1024


@pytest.fixture
async def running() -> AsyncIterator[Running]:
    made = await start()
    yield made
    await made.runner.cleanup()


SYNC = {"width": 77, "height": 23}


async def heard(websocket: Any) -> list[str]:
    """What came of the frames sent before: everything the app said until it heard a resize
    to 77x23 (the stand-in answers in order, so that resize is heard last)."""
    await websocket.send_str(json.dumps(["resize", SYNC]))
    marker = "meta:" + json.dumps({"type": "resize", **SYNC})
    told: list[str] = []
    while (text := await said(websocket)) != marker:
        assert text, f"the connection closed; heard {told!r}"
        told.append(text)
    return told


async def test_a_frame_over_the_limit_is_refused_and_the_link_opens_again(
    running: Running,
) -> None:
    async with ClientSession() as session:
        assert await enter(session, running.link()) == 200
        first = await running.open(session)
        # A pasted answer of 20,000 characters, at four bytes each, goes through.
        await first.send_str(json.dumps(["stdin", "😀" * 20_000]))
        assert await heard(first) == ["data:80000"]
        await first.send_str(json.dumps(["stdin", "x" * (LIMIT + 1)]))
        while (message := await first.receive(timeout=20)).type not in (
            WSMsgType.CLOSE,
            WSMsgType.CLOSED,
        ):
            assert message.type != WSMsgType.BINARY, "the app was sent the frame"
        assert first.close_code == 1009  # message too big
        # The link opens again at once, and the new app hears keys.
        again = await running.open(session)
        await again.send_str(json.dumps(["stdin", "ok"]))
        assert await heard(again) == ["data:2"]
        await again.close()


async def test_a_resize_is_clamped_and_anything_but_numbers_is_ignored(
    running: Running,
) -> None:
    async with ClientSession() as session:
        assert await enter(session, running.link()) == 200
        websocket = await running.open(session, params={"width": "-4", "height": "x"})
        sizes = [
            {"width": 5000, "height": 3000},
            {"width": -3, "height": 0},
            {"width": "80", "height": 24},
            {"width": 80.5, "height": 24},
            {"width": True, "height": 24},
            {"width": 120},
            [80, 24],
            "80x24",
            {"width": 100, "height": 30, "extra": "x" * 100},
        ]
        for size in sizes:
            await websocket.send_str(json.dumps(["resize", size]))
        told = [json.loads(text.removeprefix("meta:")) for text in await heard(websocket)]
        assert told == [
            {"type": "resize", "width": 500, "height": 500},
            {"type": "resize", "width": 10, "height": 10},
            {"type": "resize", "width": 100, "height": 30},
        ]
        await websocket.close()


async def test_malformed_frames_are_ignored_and_never_end_the_app(running: Running) -> None:
    async with ClientSession() as session:
        assert await enter(session, running.link()) == 200
        websocket = await running.open(session)
        for text in (
            "not json",
            "[]",
            "{}",
            "null",
            "[5]",
            '["stdin"]',
            '["stdin", 5]',
            '["stdin", "\\ud800"]',
            '["resize"]',
            '["ping", {"a": 1}]',
            '["nothing", 1]',
            "[" * 100_000,
        ):
            await websocket.send_str(text)
        await websocket.send_bytes(b"\x00\xff binary")
        await websocket.send_str(json.dumps(["stdin", "abc"]))
        assert await heard(websocket) == ["data:3"]
        await websocket.close()


async def test_the_host_must_be_the_servers_own(running: Running) -> None:
    port = running.server.port
    async with ClientSession() as session:
        assert await enter(session, running.link()) == 200
        page = running.base + "/couple"
        for host in (f"evil.example:{port}", "127.0.0.1", f"localhost:{port}", ""):
            assert await enter(session, page, headers={"Host": host}) == 403, host
            with pytest.raises(WSServerHandshakeError) as refused:
                await running.open(session, headers={"Host": host})
            assert refused.value.status == 403
        assert await enter(session, page, headers={"Host": f"127.0.0.1:{port}"}) == 200
        # A token is never spent through another name for the server.
        console = running.link("console")
        assert await enter(session, console, headers={"Host": f"evil.example:{port}"}) == 403
        assert running.server.links["console"].session is None


async def test_a_public_url_host_is_the_servers_own_too() -> None:
    made = await start(public_url="https://workbook.example.org")
    try:
        local = f"http://127.0.0.1:{made.server.port}"
        async with ClientSession() as session:
            proxied = {"Host": "workbook.example.org"}
            spend = f"{local}/couple?token={made.couple.token}"
            assert await enter(session, spend, headers=proxied) == 200
            assert await enter(session, f"{local}/console", headers={"Host": "x.example"}) == 403
    finally:
        await made.runner.cleanup()


async def test_every_response_says_nosniff_no_framing_and_no_referrer(running: Running) -> None:
    async with ClientSession() as session:
        checked = []
        for url in (
            running.base + "/couple",  # refused: no cookie yet
            running.link(),  # the page that spends the token
            running.base + "/couple",
            running.base + "/static/js/textual.js",
            running.base + "/download/nothing",
        ):
            async with session.get(url, allow_redirects=False) as response:
                checked.append(response.status)
                headers = response.headers
                assert headers.get("X-Content-Type-Options") == "nosniff", url
                assert "frame-ancestors 'none'" in headers.get("Content-Security-Policy", ""), url
                assert headers.get("Referrer-Policy") == "no-referrer", url
        assert checked == [403, 200, 200, 200, 404]


def test_a_port_in_use_fails_before_any_link_is_printed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        code = main(["--data-dir", str(tmp_path / "data"), "serve", "--port", str(port)])
    printed = capsys.readouterr()
    assert code == 2
    assert "token=" not in printed.out + printed.err
    assert f"port {port}" in printed.err
    assert "--port" in printed.err


async def test_a_served_app_tells_a_crash_without_its_values(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from textual.app import App

    from workbook.tui.crash import plain_crashes

    class Crashing(App[None]):
        def on_mount(self) -> None:
            answer = "what I typed, in secret"
            raise ValueError(f"cannot take {answer}")

    app = Crashing()
    plain_crashes(app)
    with pytest.raises(ValueError, match="cannot take"):
        async with app.run_test():
            pass
    told = capsys.readouterr().err
    assert "ValueError" in told
    assert "on_mount" in told
    assert "secret" not in told
    assert "answer" not in told


def test_the_server_logs_an_error_without_its_values(capsys: pytest.CaptureFixture[str]) -> None:
    from workbook.serve.logs import plain_logging

    root = logging.getLogger()
    kept = (list(root.handlers), root.level)
    plain_logging()
    try:
        answer = "what I typed, in secret"
        try:
            raise KeyError(answer)
        except KeyError:
            logging.getLogger("aiohttp.server").exception("Error handling %s", answer)
    finally:
        root.handlers[:] = kept[0]
        root.setLevel(kept[1])
    told = capsys.readouterr().err
    assert "KeyError" in told
    assert "test_the_server_logs_an_error_without_its_values" in told
    assert "secret" not in told


def test_the_readmes_install_command_gives_a_workbook_that_serves() -> None:
    import tomllib

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/workbook" in readme
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert any(d.startswith("textual-serve") for d in project["dependencies"])
