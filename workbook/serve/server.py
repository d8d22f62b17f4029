"""The web server of ``workbook serve``: textual-serve's, with the locks it leaves out.

textual-serve starts one process of the app for each browser connection and has no
authentication (DESIGN.md section 9b). This subclass keeps its websocket protocol, downloads and
static files, and adds what ``links.Gate`` decides (a private link per role, its token spent
for a cookie, 403 without it or from another Origin), one connection per link at a time, and a
page that loads nothing from outside. The private names of textual-serve it overrides are
listed in ``OVERRIDDEN``; a test fails, saying which, when an update takes one away.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Any

import aiohttp_jinja2
import jinja2
from aiohttp import WSCloseCode, web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

from workbook.serve.links import SERVED, Gate, Link

log = logging.getLogger("textual-serve")

TEMPLATES = Path(__file__).parent / "templates"
# textual-serve's private names this module overrides or calls, by class: if an update of
# textual-serve renames one, the server would break in a browser only; tests/test_serve_http.py
# checks each is still there.
OVERRIDDEN = {
    AppService: (
        "_build_environment",
        "_open_app_process",
        "_process",
        "_stdin",
        "remote_close",
        "run",
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
    ),
}
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class LinkService(AppService):
    """textual-serve's app process, started without a shell and told that it is served."""

    def __init__(self, argv: Sequence[str], **kwargs: Any) -> None:
        super().__init__(" ".join(argv), **kwargs)
        self.argv = list(argv)

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        environment = super()._build_environment(width, height)
        environment[SERVED] = "1"
        return environment

    async def stop(self) -> None:
        await super().stop()
        # The app has been told to quit; it is waited for, so no process is left behind.
        if self._process is not None and self._process.returncode is None:
            try:
                await asyncio.wait_for(self._process.wait(), timeout=10)
            except TimeoutError:
                self._process.kill()
                await self._process.wait()

    async def run(self) -> None:
        await super().run()
        # The app has ended, by quitting or by failing to start: the page says it has closed,
        # instead of showing a screen that no longer answers.
        await self.remote_close()

    async def _open_app_process(self, width: int = 80, height: int = 24) -> Any:
        # The base class runs the command through a shell; a list of arguments needs none, and
        # a data folder's name can then hold any character.
        environment = self._build_environment(width=width, height=height)
        self._process = process = await asyncio.create_subprocess_exec(
            *self.argv,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=environment,
        )
        assert process.stdin is not None
        self._stdin = process.stdin
        return process


class WorkbookServer(Server):
    """textual-serve's server with a link per role, tokens, cookies and an Origin check."""

    def __init__(
        self,
        links: Sequence[Link],
        *,
        host: str = "127.0.0.1",
        port: int = 8000,
        public_url: str | None = None,
        announce: Callable[[str], None] = print,
    ) -> None:
        if public_url is None:
            shown = f"[{host}]" if ":" in host else host
            public_url = f"http://{shown}:{port}"
        super().__init__(
            "workbook",
            host=host,
            port=port,
            title="workbook",
            public_url=public_url.rstrip("/"),
            templates_path=TEMPLATES,
        )
        self.gate = Gate(links, self.public_url)
        self.links = self.gate.links
        self.origin = self.gate.origin
        self.secure = self.public_url.startswith("https://")
        self.announce = announce
        self._sockets: set[web.WebSocketResponse] = set()

    def url(self, link: Link) -> str:
        """The private address to give to the person the link is for."""
        return f"{self.public_url}{link.path}?token={link.token}"

    def initialize_logging(self) -> None:
        # textual-serve logs every request with a rich console; the workbook prints its links
        # and warnings only, and an error from the server is still shown.
        logging.basicConfig(level="WARNING", format="workbook serve: %(message)s")

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
        for websocket in list(self._sockets):
            await websocket.close(code=WSCloseCode.GOING_AWAY, message=b"workbook serve stopped")

    # The locks

    def _link_of(self, request: web.Request) -> Link | None:
        """The link a page or websocket request is for (None for static files and downloads)."""
        return self.gate.link_of(request.match_info.get("link") or request.path.strip("/"))

    @web.middleware
    async def guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        admitted = self.gate.admit(
            request.path, self._link_of(request), request.query, request.headers, request.cookies
        )
        if admitted.what == "refuse":
            return self._refuse(admitted.text)
        if admitted.link is not None:
            return self._enter(request, admitted.link)
        response = await handler(request)
        response.headers.setdefault("Cache-Control", "no-store")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
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
        response.headers["Cache-Control"] = "no-store"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    @staticmethod
    def _refuse(text: str) -> web.Response:
        return web.Response(status=403, text=f"403 Forbidden: {text}\n")

    def _in_use(self, request: web.Request, link: Link) -> web.Response:
        return aiohttp_jinja2.render_template(
            "notice.html",
            request,
            {
                "title": "This link is already in use",
                "text": (
                    f"The {link.title} is open in another window or tab. Close it there "
                    "first: each link admits one connection at a time."
                ),
                "again": link.path,
            },
            status=409,
        )

    # Pages

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        link = self._link_of(request)
        assert link is not None
        if link.busy:
            return self._in_use(request, link)
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
        if link.busy:
            return self._in_use(request, link)
        link.busy = True
        try:
            return await self._run_app(request, link)
        finally:
            link.busy = False

    async def _run_app(self, request: web.Request, link: Link) -> web.WebSocketResponse:
        # As textual-serve's handler, with this link's command.
        websocket = web.WebSocketResponse(heartbeat=15)
        width = max(20, min(500, to_int(request.query.get("width", "80"), 80)))
        height = max(10, min(300, to_int(request.query.get("height", "24"), 24)))
        service: LinkService | None = None
        try:
            await websocket.prepare(request)
            self._sockets.add(websocket)
            service = LinkService(
                link.command,
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
            log.warning("the %s link's app stopped: %s", link.name, error)
        finally:
            self._sockets.discard(websocket)
            if service is not None:
                await service.stop()
        return websocket

    async def on_startup(self, app: web.Application) -> None:
        self.announce(f"workbook is served at {self.public_url} (Ctrl+C stops it).")
        for link in self.links.values():
            self.announce(f"  {link.title}: {self.url(link)}")
        self.announce(
            "Each link opens in one browser, once; keep them private. New links: start again."
        )
