"""``workbook serve`` over HTTP: tokens, cookies, Origin, one connection per link, the address.

The server runs for real on a free port of 127.0.0.1; its links run a small stand-in for the app
(it says it is a Textual app, then waits for the quit message), so no test waits for the app.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator
from typing import Any

import pytest

pytest.importorskip("textual_serve", reason="workbook serve needs the serve extra")

from aiohttp import WSMsgType, WSServerHandshakeError

from tests import serve_helpers
from tests.serve_helpers import ClientSession, Running, enter
from workbook.cli import main
from workbook.serve.address import check_address
from workbook.serve.server import WorkbookServer

STAND_IN = [
    sys.executable,
    "-c",
    "import sys; print('__GANGLION__', flush=True); sys.stdin.buffer.read(1)",
]


async def start(public_url: str | None = None) -> Running:
    return await serve_helpers.start(public_url, STAND_IN)


@pytest.fixture
async def running() -> AsyncIterator[Running]:
    made = await start()
    yield made
    await made.runner.cleanup()


async def test_without_a_token_every_address_is_refused(running: Running) -> None:
    async with ClientSession() as session:
        for path in ("/couple", "/console", "/static/js/textual.js", "/download/x", "/"):
            assert await enter(session, running.base + path) == 403, path
        with pytest.raises(WSServerHandshakeError) as refused:
            await session.ws_connect(running.base.replace("http", "ws") + "/ws/couple")
        assert refused.value.status == 403


async def test_a_wrong_token_is_refused(running: Running) -> None:
    async with ClientSession() as session:
        wrong = running.link().rsplit("=", 1)[0] + "=" + "A" * 22
        assert await enter(session, wrong) == 403
        # The console's token does not open the couple's link.
        console_token = running.server.links["console"].token
        assert await enter(session, f"{running.base}/couple?token={console_token}") == 403
        assert await enter(session, running.base + "/couple") == 403


async def test_the_token_is_spent_for_a_cookie_and_leaves_the_address(running: Running) -> None:
    async with ClientSession() as session:
        async with session.get(running.link(), allow_redirects=False) as response:
            assert response.status == 200
            page = await response.text()
            cookie = response.headers["Set-Cookie"]
        assert 'location.replace("/couple")' in page
        assert running.couple.token not in page
        flags = [part.strip() for part in cookie.split(";")]
        assert flags[0].startswith("workbook_couple=")
        assert running.couple.token not in flags[0]
        assert {"HttpOnly", "SameSite=Strict", "Path=/"} <= set(flags)
        assert "Secure" not in flags
        async with session.get(running.base + "/couple") as response:
            assert response.status == 200
            assert "ws://" in await response.text()
        assert await enter(session, running.base + "/static/js/textual.js") == 200
        # The couple's cookie does not open the console.
        assert await enter(session, running.base + "/console") == 403


async def test_a_replayed_token_is_refused(running: Running) -> None:
    async with ClientSession() as first:
        assert await enter(first, running.link()) == 200
    async with ClientSession() as second:
        assert await enter(second, running.link()) == 403
        assert await enter(second, running.base + "/couple") == 403


async def test_a_foreign_origin_is_refused_even_with_the_cookie(running: Running) -> None:
    async with ClientSession() as session:
        assert await enter(session, running.link()) == 200
        evil = {"Origin": "http://evil.example"}
        assert await enter(session, running.base + "/couple", headers=evil) == 403
        assert await enter(session, running.base + "/couple", headers={"Origin": "null"}) == 403
        cross = {"Sec-Fetch-Site": "cross-site"}
        assert await enter(session, running.base + "/couple", headers=cross) == 403
        socket_url = running.base.replace("http", "ws") + "/ws/couple"
        with pytest.raises(WSServerHandshakeError) as refused:
            await session.ws_connect(socket_url, headers=evil)
        assert refused.value.status == 403
        own = {"Origin": running.base}
        assert await enter(session, running.base + "/couple", headers=own) == 200


async def test_a_link_admits_one_connection_and_a_new_one_takes_its_place(
    running: Running,
) -> None:
    socket_url = running.base.replace("http", "ws") + "/ws/couple"
    own = {"Origin": running.base}
    async with ClientSession() as session:
        assert await enter(session, running.link()) == 200
        first = await session.ws_connect(socket_url, headers=own)
        assert running.server.connections["couple"].websocket is not None
        # The same browser opens the link again (a reload, a drop, another tab): the page
        # opens, and its connection takes the first one's place at once; no 409, no wait.
        async with session.get(running.base + "/couple") as response:
            assert response.status == 200
        # The first window listens, as a browser does, and hears the close.
        heard = asyncio.ensure_future(first.receive(timeout=20))
        second = await session.ws_connect(socket_url, headers=own)
        closed = await heard
        assert closed.type in (WSMsgType.CLOSE, WSMsgType.CLOSED), closed
        assert first.close_code == 4000
        assert "opened in another window" in str(closed.extra)
        assert len(running.server.connections) == 1
        await second.close()


async def test_a_https_public_url_makes_the_cookie_secure() -> None:
    made = await start(public_url="https://workbook.example.org")
    try:
        local = f"http://127.0.0.1:{made.server.port}"
        token = made.couple.token
        async with ClientSession() as session:
            async with session.get(f"{local}/couple?token={token}") as response:
                assert response.status == 200
                cookie = response.headers["Set-Cookie"]
                assert "; Secure" in cookie
            # A browser sends a Secure cookie over https only: here the proxy is left out.
            sent = {"Cookie": cookie.split(";")[0], "Origin": made.server.origin}
            page = await session.get(f"{local}/couple", headers=sent)
            assert "wss://workbook.example.org/ws/couple" in await page.text()
            # The proxy's address is the only Origin allowed: not the local one.
            sent["Origin"] = local
            assert await enter(session, f"{local}/couple", headers=sent) == 403
    finally:
        await made.runner.cleanup()


def test_it_listens_on_this_machine_only_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    server = WorkbookServer([], announce=lambda _: None)
    assert (server.host, server.port, server.public_url) == ("127.0.0.1", 8000, server.public_url)
    assert server.public_url == "http://127.0.0.1:8000"
    from workbook.cli.parser import parser

    args = parser().parse_args(["serve"])
    assert (args.host, args.port, args.public_url) == ("127.0.0.1", 8000, None)


@pytest.mark.parametrize(
    ("host", "url", "outcome"),
    [
        ("127.0.0.1", None, None),
        ("::1", None, None),
        ("localhost", "http://localhost:9000", None),
        ("0.0.0.0", None, ValueError),
        ("192.168.1.5", "http://192.168.1.5:8000", ValueError),
        ("0.0.0.0", "https://workbook.example.org", str),
        ("127.0.0.1", "https://x.example/workbook", ValueError),
        ("127.0.0.1", "ftp://x.example", ValueError),
    ],
)
def test_another_host_needs_a_https_public_url(host: str, url: str | None, outcome: Any) -> None:
    result = check_address(host, url)
    assert result is None if outcome is None else isinstance(result, outcome)


def test_the_command_refuses_a_host_beyond_this_machine(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--host", "0.0.0.0"]) == 2
    assert "--public-url https://" in capsys.readouterr().err


async def test_the_page_names_no_address_but_the_server(running: Running) -> None:
    import re

    async with ClientSession() as session:
        assert await enter(session, running.link()) == 200
        async with session.get(running.base + "/couple") as response:
            page = await response.text()
        async with session.get(running.base + "/static/css/xterm.css") as response:
            css = await response.text()
    # The stylesheet's licence comment names its origins; only what is read as CSS counts.
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    addresses = re.findall(r"""(?:[a-z]+:)?//[^\s"')]+""", page + css)
    socket_base = running.base.replace("http", "ws", 1)
    assert addresses
    assert [a for a in addresses if not a.startswith((running.base, socket_base))] == []
    assert "fonts.googleapis" not in page
    assert "RobotoMono" in page


async def test_stopping_the_server_closes_the_browsers_connections() -> None:
    import asyncio

    made = await start()
    async with ClientSession() as session:
        assert await enter(session, made.link()) == 200
        socket_url = made.base.replace("http", "ws") + "/ws/couple"
        opened = await session.ws_connect(socket_url, headers={"Origin": made.base})
        # Within the hang guard, not the minute aiohttp would wait for a browser to leave.
        await asyncio.wait_for(made.runner.cleanup(), timeout=30)
        message = await asyncio.wait_for(opened.receive(), timeout=30)
        assert opened.closed, message
