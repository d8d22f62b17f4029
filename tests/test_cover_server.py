"""``workbook serve``'s server on the paths the HTTP tests leave: focus and blur reaching the
app, a socket for a link that does not exist, an app that cannot start, and listening (an
address that cannot be had, a port in use, the socket handed to aiohttp)."""

from __future__ import annotations

import asyncio
import json
import logging
import socket
from collections.abc import AsyncIterator
from typing import Any

import pytest

pytest.importorskip("textual_serve", reason="workbook serve needs the serve extra")

from aiohttp import WSServerHandshakeError, web

from tests.serve_helpers import ClientSession, Running, enter, said, start
from workbook.serve import server as server_module
from workbook.serve.links import Link
from workbook.serve.server import ServeError, WorkbookServer


@pytest.fixture
async def running() -> AsyncIterator[Running]:
    made = await start()
    yield made
    await made.runner.cleanup()


async def test_focus_and_blur_reach_the_app_as_meta_messages(running: Running) -> None:
    async with ClientSession() as session:
        assert await enter(session, running.link()) == 200
        websocket = await running.open(session)
        await websocket.send_str(json.dumps(["blur"]))
        assert await said(websocket) == "meta:" + json.dumps({"type": "blur"})
        await websocket.send_str(json.dumps(["focus"]))
        assert await said(websocket) == "meta:" + json.dumps({"type": "focus"})
        await websocket.close()


async def test_a_socket_for_a_link_that_does_not_exist_is_refused(running: Running) -> None:
    async with ClientSession() as session:
        assert await enter(session, running.link()) == 200
        with pytest.raises(WSServerHandshakeError) as refused:
            await running.open(session, name="nobody")
        assert refused.value.status in (403, 404)


async def test_an_app_that_cannot_start_is_logged_without_a_crash(
    caplog: pytest.LogCaptureFixture,
) -> None:
    made = await start(command=["/nonexistent/workbook-app"])
    try:
        async with ClientSession() as session:
            assert await enter(session, made.link()) == 200
            with caplog.at_level(logging.WARNING, logger="workbook.serve"):
                websocket = await made.open(session)
                # The server closes the connection once the app has failed to start.
                assert await said(websocket) == ""
            assert "the couple link's app stopped" in caplog.text
            # The server still admits the other link.
            assert await enter(session, made.link("console")) == 200
    finally:
        await made.runner.cleanup()


def test_an_address_that_cannot_be_had_is_a_serve_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def unresolvable(*args: Any, **kwargs: Any) -> Any:
        raise socket.gaierror(-2, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", unresolvable)
    server = WorkbookServer([], host="127.0.0.1", port=8000, announce=lambda _: None)
    with pytest.raises(ServeError, match=r"cannot listen on 127\.0\.0\.1: Name or service"):
        server.listen()


def test_a_port_in_use_is_a_serve_error_naming_the_port() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        server = WorkbookServer([], port=port, announce=lambda _: None)
        with pytest.raises(ServeError, match=rf"port {port} on 127\.0\.0\.1 is in use"):
            server.listen()


def test_serve_hands_the_listening_socket_to_aiohttp(monkeypatch: pytest.MonkeyPatch) -> None:
    given: dict[str, Any] = {}
    logged: list[bool] = []

    def run_app(app: Any, **kwargs: Any) -> None:
        app.close()  # the coroutine that makes the app, never run here
        given.update(kwargs)

    monkeypatch.setattr(web, "run_app", run_app)
    monkeypatch.setattr(server_module, "plain_logging", lambda: logged.append(True))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = WorkbookServer(
        [Link("couple", ["true"], "the couple's workbook")], port=port, announce=lambda _: None
    )
    try:
        server.serve(debug=True)
        listener = given["sock"]
        assert isinstance(listener, socket.socket)
        assert listener.getsockname() == ("127.0.0.1", port)
        assert listener.getblocking() is False
        assert given["handle_signals"] is False
        assert server.debug is True
        assert logged == [True]
    finally:
        if "sock" in given:
            given["sock"].close()
        if "loop" in given:
            given["loop"].close()
        asyncio.set_event_loop(None)
