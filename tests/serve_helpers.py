"""A ``workbook serve`` running for real on a free port of 127.0.0.1, for the HTTP and websocket
tests, with a stand-in for the app that tells what reached it: each meta message it is sent
(a resize) comes back as ``meta:<json>``, and each keystroke packet as ``data:<length>``."""

from __future__ import annotations

import socket
import sys
from collections.abc import Sequence
from typing import Any

from aiohttp import ClientSession as _ClientSession
from aiohttp import ClientWebSocketResponse, CookieJar, web

from workbook.serve.links import Link
from workbook.serve.server import WorkbookServer

ECHO = r"""
import json, os, sys
out, given = sys.stdout.buffer, sys.stdin.buffer
out.write(b"__GANGLION__\n"); out.flush()
def send(kind, payload):
    out.write(kind + len(payload).to_bytes(4, "big") + payload); out.flush()
if os.environ.get("ASK_FOR"):
    # A console that asks for a new link for a seat as soon as it starts.
    send(b"M", json.dumps({"type": "workbook_new_link", "seat": os.environ["ASK_FOR"]}).encode())
while True:
    head = given.read(5)
    if len(head) < 5:
        break
    payload = given.read(int.from_bytes(head[1:], "big"))
    if head[:1] == b"M":
        if json.loads(payload).get("type") == "quit":
            break
        send(b"D", b"meta:" + payload)
    else:
        send(b"D", b"data:%d" % len(payload))
"""
STAND_IN = [sys.executable, "-c", ECHO]
# The same, as a console that asks for a new link for the seat named in ASK_FOR.
ASKER = ["env", "ASK_FOR=couple", *STAND_IN]


def ClientSession() -> _ClientSession:
    # The server is at an IP address, whose cookies aiohttp keeps only when told to.
    return _ClientSession(cookie_jar=CookieJar(unsafe=True))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class Running:
    def __init__(self, server: WorkbookServer, runner: web.AppRunner) -> None:
        self.server = server
        self.runner = runner
        self.base = server.public_url
        self.couple = server.links["couple"]

    def link(self, name: str = "couple") -> str:
        return self.server.url(self.server.links[name])

    def socket_url(self, name: str = "couple") -> str:
        return self.base.replace("http", "ws", 1) + f"/ws/{name}"

    async def open(
        self, session: _ClientSession, name: str = "couple", **kwargs: Any
    ) -> ClientWebSocketResponse:
        """The link's websocket, as its page would open it (its cookie already held)."""
        headers = {"Origin": self.base, **kwargs.pop("headers", {})}
        opened: ClientWebSocketResponse = await session.ws_connect(
            self.socket_url(name), headers=headers, **kwargs
        )
        return opened


async def start(
    public_url: str | None = None, command: Sequence[str] = STAND_IN, links: Any = None
) -> Running:
    port = free_port()
    links = links or [
        Link("couple", command, "the couple's workbook"),
        Link("console", command, "c"),
    ]
    server = WorkbookServer(links, port=port, public_url=public_url, announce=lambda _: None)
    runner = web.AppRunner(await server._make_app())
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    return Running(server, runner)


async def enter(session: _ClientSession, url: str, **kwargs: Any) -> int:
    async with session.get(url, allow_redirects=False, **kwargs) as response:
        return response.status


async def said(websocket: ClientWebSocketResponse, timeout: float = 20) -> str:
    """The next thing the app (or the server) sent, as text; "" once the connection is closed."""
    import asyncio

    message = await asyncio.wait_for(websocket.receive(), timeout)
    if isinstance(message.data, bytes):
        return message.data.decode("utf-8", "replace")
    return message.data if isinstance(message.data, str) else ""
