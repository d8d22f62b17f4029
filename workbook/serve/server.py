"""The web server of ``workbook serve``: textual-serve's, with the locks it leaves out.

textual-serve starts one process of the app for each browser connection and has no
authentication (DESIGN.md section 9b). This subclass keeps its websocket protocol, downloads and
static files, and adds what ``links.Gate`` decides (a private link per seat, its token spent
for a cookie, 403 without it, from another Origin or for another Host), one connection per link
at a time (a new one with the link's cookie takes the place of the old), frames read so that none
can hurt the app (``frames``), and pages that load nothing from outside and may not be framed.
The private names of textual-serve it overrides are listed in ``OVERRIDDEN``; a test fails,
saying which, when an update takes one away.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import socket
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Any

import aiohttp_jinja2
import jinja2
from aiohttp import WSCloseCode, WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

from workbook.serve.app_process import LinkService
from workbook.serve.frames import LIMIT, query_size, read_frame
from workbook.serve.links import WRONG_HOST, Gate, Link
from workbook.serve.logs import plain_logging, where

log = logging.getLogger("workbook.serve")

TEMPLATES = Path(__file__).parent / "templates"
# textual-serve's private names this package overrides or calls, by class: if an update of
# textual-serve renames one, the server would break in a browser only; tests/test_serve_links.py
# checks each is still there.
OVERRIDDEN = {
    AppService: (
        "_build_environment",
        "_open_app_process",
        "_process",
        "_stdin",
        "_task",
        "_download_manager",
        "app_service_id",
        "on_meta",
        "remote_close",
        "run",
        "send_meta",
        "stop",
    ),
    Server: (
        "_make_app",
        "_process_messages",
        "handle_download",
        "initialize_logging",
        "on_startup",
        "statics_path",
        "download_manager",
        "debug",
        "request_exit",
    ),
}
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
# Sent with every response: no sniffing a download into a page, no framing (clickjacking), no
# address of the workbook told to another site.
HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": (
        "frame-ancestors 'none'; base-uri 'none'; object-src 'none'; form-action 'none'"
    ),
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
# The close code and reason a window gets when its link was opened in another.
REPLACED = 4000


class ServeError(Exception):
    """``workbook serve`` cannot start (the port is in use): said before any link is printed."""


class Connection:
    """A link's live websocket, and when its app has stopped."""

    def __init__(self, websocket: web.WebSocketResponse) -> None:
        self.websocket = websocket
        self.service: LinkService | None = None
        self.finished = asyncio.Event()

    async def end(self, reason: str) -> None:
        """Close the browser's side and wait for the app to have saved and stopped."""
        with contextlib.suppress(Exception):
            await asyncio.wait_for(
                self.websocket.close(code=REPLACED, message=reason.encode()), timeout=2
            )
        await self.finished.wait()


class WorkbookServer(Server):
    """textual-serve's server with a link per seat, tokens, cookies, Origin and Host checks."""

    def __init__(
        self,
        links: Sequence[Link],
        *,
        host: str = "127.0.0.1",
        port: int = 8000,
        public_url: str | None = None,
        announce: Callable[[str], None] = print,
    ) -> None:
        shown = f"[{host}]" if ":" in host else host
        served_at = f"http://{shown}:{port}"
        super().__init__(
            "workbook",
            host=host,
            port=port,
            title="workbook",
            public_url=(public_url or served_at).rstrip("/"),
            templates_path=TEMPLATES,
        )
        self.gate = Gate(links, self.public_url, served_at)
        self.links = self.gate.links
        self.origin = self.gate.origin
        self.secure = self.public_url.startswith("https://")
        self.announce = announce
        self.connections: dict[str, Connection] = {}
        self._turns = {name: asyncio.Lock() for name in self.links}
        self._tasks: set[asyncio.Future[Any]] = set()

    def url(self, link: Link) -> str:
        """The private address to give to the person the link is for."""
        return f"{self.public_url}{link.path}?token={link.token}"

    def initialize_logging(self) -> None:
        # textual-serve logs every request, and tracebacks with their local variables; the
        # workbook prints its links and warnings, and an error as its type and place only.
        plain_logging()

    async def _make_app(self) -> web.Application:
        app = web.Application(middlewares=[self.guard])
        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True)
        app.add_routes(
            [
                web.get("/ws/{link}", self.handle_link_socket, name="websocket"),
                web.get("/download/{key}", self.handle_download, name="download"),
                web.static("/static", self.statics_path, name="static"),
            ]
            + [web.get(link.path, self.handle_index) for link in self.links.values()]
        )
        app.on_startup.append(self.on_startup)
        app.on_shutdown.append(self._close_sockets)
        return app

    async def _close_sockets(self, app: web.Application) -> None:
        # On Ctrl+C, each browser's connection is closed, so that its app is told to quit (and
        # does, having saved as it goes) instead of the server waiting for the browsers to leave.
        for connection in list(self.connections.values()):
            await connection.websocket.close(
                code=WSCloseCode.GOING_AWAY, message=b"workbook serve stopped"
            )

    # Listening: the port is taken before anything is printed.

    def listen(self) -> socket.socket:
        """The listening socket; ServeError when the address or port cannot be had."""
        try:
            found = socket.getaddrinfo(
                self.host, self.port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
            )
            family, kind, proto, _, address = found[0]
            listener = socket.socket(family, kind, proto)
        except OSError as error:
            raise ServeError(f"cannot listen on {self.host}: {error.strerror or error}") from error
        try:
            listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            listener.bind(address)
            listener.listen(128)
        except OSError as error:
            listener.close()
            raise ServeError(
                f"port {self.port} on {self.host} is in use ({error.strerror or error}): stop "
                "what uses it, or choose another with --port"
            ) from error
        listener.setblocking(False)
        return listener

    def serve(self, debug: bool = False) -> None:
        listener = self.listen()
        self.debug = debug
        self.initialize_logging()
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(signal.SIGINT, self.request_exit)
            loop.add_signal_handler(signal.SIGTERM, self.request_exit)
        web.run_app(
            self._make_app(),
            sock=listener,
            handle_signals=False,
            loop=loop,
            print=lambda *args: None,
        )

    # The locks

    def _link_of(self, request: web.Request) -> Link | None:
        """The link a page or websocket request is for (None for static files and downloads)."""
        return self.gate.link_of(request.match_info.get("link") or request.path.strip("/"))

    @web.middleware
    async def guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        response: web.StreamResponse
        if not self.gate.host_ok(request.headers.get("Host")):
            response = self._refuse(WRONG_HOST)
        else:
            admitted = self.gate.admit(
                request.path,
                self._link_of(request),
                request.query,
                request.headers,
                request.cookies,
            )
            if admitted.what == "refuse":
                response = self._refuse(admitted.text)
            elif admitted.link is not None:
                response = self._enter(request, admitted.link)
            else:
                try:
                    response = await handler(request)
                except web.HTTPException as error:
                    error.headers.update(HEADERS)
                    raise
        if not response.prepared:
            response.headers.update(HEADERS)
        return response

    def _enter(self, request: web.Request, link: Link) -> web.StreamResponse:
        """The token is spent: set the cookie, and leave the token out of the address bar."""
        # A page, not a redirect: a browser keeps SameSite=Strict cookies back from a redirect
        # that began on another site (a link clicked in a mail), and this page is this site.
        response = aiohttp_jinja2.render_template(
            "enter.html", request, {"target": link.path}, status=200
        )
        response.set_cookie(
            link.cookie,
            link.session or "",
            path="/",
            httponly=True,
            samesite="Strict",
            secure=self.secure,
        )
        return response

    @staticmethod
    def _refuse(text: str) -> web.Response:
        return web.Response(status=403, text=f"403 Forbidden: {text}\n")

    # Pages

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        link = self._link_of(request)
        assert link is not None
        scheme = "wss" if self.secure else "ws"
        context = {
            "static": f"{self.public_url}/static/",
            "websocket": f"{scheme}:{self.public_url.split(':', 1)[1]}/ws/{link.name}",
            "font_size": max(8, min(40, to_int(request.query.get("fontsize", "16"), 16))),
        }
        return aiohttp_jinja2.render_template("page.html", request, context)

    async def handle_link_socket(self, request: web.Request) -> web.StreamResponse:
        link = self._link_of(request)
        if link is None:
            raise web.HTTPNotFound()
        # A frame over LIMIT is refused by aiohttp before it is read, and the connection closed.
        websocket = web.WebSocketResponse(heartbeat=15, max_msg_size=LIMIT, timeout=2)
        connection = Connection(websocket)
        try:
            async with self._turns[link.name]:
                # The link opened again (a reload, a drop, another tab of the same browser):
                # the new connection takes the old one's place at once.
                previous = self.connections.get(link.name)
                if previous is not None:
                    await previous.end("This link was opened in another window.")
                await websocket.prepare(request)
                self.connections[link.name] = connection
            await self._run_app(request, link, connection)
        finally:
            if self.connections.get(link.name) is connection:
                del self.connections[link.name]
            connection.finished.set()
        return websocket

    async def end_link(self, name: str, reason: str) -> None:
        """Close the connection of link ``name``, if any, once its app has stopped."""
        connection = self.connections.get(name)
        if connection is not None:
            await connection.end(reason)

    def on_app_meta(self, link: Link, meta: dict[str, Any], service: LinkService) -> None:
        """A workbook message from a link's app: the console asking for a new link."""
        if link.name != "console" or meta.get("type") != "workbook_new_link":
            return
        seat = self.links.get(str(meta.get("seat")))
        if seat is None or seat is link:
            return
        # Its own task: the old seat's app is given time to save, and the console's output is
        # read meanwhile.
        task = asyncio.ensure_future(self.renew(seat, service))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def renew(self, seat: Link, console: LinkService | None = None) -> str:
        """A new link for ``seat``: the old token and cookie open nothing, its window closes,
        and the new address is printed (and sent to the console that asked)."""
        seat.renew()
        url = self.url(seat)
        self.announce(f"  A new link for {seat.title}: {url}")
        await self.end_link(seat.name, "This link has been replaced by a new one.")
        if console is not None:
            await console.send_meta(
                {"type": "workbook_link", "seat": seat.name, "title": seat.title, "url": url}
            )
        return url

    async def _run_app(self, request: web.Request, link: Link, connection: Connection) -> None:
        # As textual-serve's handler, with this link's command and frames read safely.
        websocket = connection.websocket
        width, height = query_size(request.query.get("width"), request.query.get("height"))
        service: LinkService | None = None

        def service_of() -> LinkService:
            assert service is not None
            return service

        try:
            service = connection.service = LinkService(
                link.command,
                environment=link.environment,
                on_meta=lambda meta: self.on_app_meta(link, meta, service_of()),
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=websocket.close,
                download_manager=self.download_manager,
                debug=self.debug,
            )
            await service.start(width, height)
            await self._process_messages(websocket, service)
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:
            log.warning("the %s link's app stopped: %s", link.name, where(error))
        finally:
            if service is not None:
                await service.stop()

    async def _process_messages(
        self, websocket: web.WebSocketResponse, app_service: AppService
    ) -> None:
        async for message in websocket:
            if message.type != WSMsgType.TEXT:
                continue
            frame = read_frame(message.data)
            if frame is None:
                continue
            if frame.what == "stdin":
                assert isinstance(frame.data, bytes)
                await app_service.send_bytes(frame.data)
            elif frame.what == "resize":
                await app_service.set_terminal_size(*frame.size)
            elif frame.what == "ping":
                await websocket.send_json(["pong", frame.data])
            elif frame.what == "blur":
                await app_service.blur()
            elif frame.what == "focus":
                await app_service.focus()

    async def on_startup(self, app: web.Application) -> None:
        self.announce(f"workbook is served at {self.public_url} (Ctrl+C stops it).")
        for link in self.links.values():
            self.announce(f"  {link.title}: {self.url(link)}")
        self.announce(
            "Each link opens in one browser; keep them private. A new link: the console's "
            '"New link", or start again.'
        )
