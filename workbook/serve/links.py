"""The private links of ``workbook serve``, and who may come in through them (DESIGN.md section
9b): a link per role, each with a one-time token of 128 bits that is exchanged for an HttpOnly,
SameSite=Strict cookie; a request without that cookie, or from another Origin, is refused.

Pure Python: the web server (``server.py``) asks ``Gate.admit`` about each request and does what
it says, so the rules are tested without a server.
"""

from __future__ import annotations

import json
import secrets
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

# What the apps are told through their environment (``env``), here too for the server's side.
from workbook.serve.env import DRIVER as DRIVER
from workbook.serve.env import SEAT as SEAT
from workbook.serve.env import SEATS as SEATS
from workbook.serve.env import SERVED as SERVED
from workbook.serve.env import served as served

OWN_ADDRESS = "This page may only be opened from its own address."
NEEDS_LINK = "This address needs the private link that workbook serve printed."
SPENT = (
    "This link has already been opened, or it is not right. Each link opens in one "
    'browser only; for a new link, ask the counsellor (the console\'s "New link"), or start '
    "workbook serve again."
)
WRONG_HOST = "This address is not the workbook's own."


@dataclass
class Link:
    """One private link: who it is for, the command it runs, and its secrets."""

    name: str
    command: Sequence[str]
    title: str
    token: str = field(default_factory=lambda: secrets.token_urlsafe(16))
    # The cookie's value once the token is spent: the token itself is never a credential twice.
    session: str | None = None
    # What the app of this link is told beyond the usual (a partner's own seat).
    environment: Mapping[str, str] = field(default_factory=dict)
    # The couple's names, for a seat of ``serve --couple``: the console words its title from
    # them in the counsellor's language (``title`` is the English printed in the terminal).
    names: tuple[str, str] | None = None

    @property
    def path(self) -> str:
        return f"/{self.name}"

    @property
    def cookie(self) -> str:
        return f"workbook_{self.name}"

    def renew(self) -> None:
        """A new token; the old one, and the cookie it was spent for, open nothing any more."""
        self.token = secrets.token_urlsafe(16)
        self.session = None

    def held_by(self, given: str | None) -> bool:
        """True when ``given`` (a cookie's value) is this link's spent token."""
        return (
            self.session is not None
            and given is not None
            and secrets.compare_digest(given.encode(), self.session.encode())
        )


@dataclass(frozen=True)
class Admission:
    """What to do with a request: ``refuse`` (403, with ``text``), ``enter`` (the token spent
    for the cookie of ``link``: a page that sets it), or ``pass`` (to the handler)."""

    what: str
    text: str = ""
    link: Link | None = None


def origin_of(url: str) -> str:
    """``scheme://host[:port]`` of a URL, as a browser sends it in the Origin header."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def host_of(url: str) -> str:
    """``host[:port]`` of a URL, lower case, without the scheme's own port."""
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:
        return ""
    host = (parts.hostname or "").lower()
    shown = f"[{host}]" if ":" in host else host
    if port is None or (parts.scheme, port) in (("http", 80), ("https", 443)):
        return shown
    return f"{shown}:{port}"


class Gate:
    """The links of one server at ``public_url``, and the rules of coming in."""

    def __init__(
        self, links: Sequence[Link], public_url: str, served_at: str | None = None
    ) -> None:
        self.links = {link.name: link for link in links}
        self.origin = origin_of(public_url)
        # The Host header a browser may send: the public URL's, or the address served (what a
        # proxy that does not pass the Host on sends). Any other is a name that points here
        # without being this server's (DNS rebinding), and gets nothing.
        self.hosts = {host_of(public_url)}
        if served_at is not None:
            self.hosts.add(host_of(served_at))

    def host_ok(self, host: str | None) -> bool:
        """True when a request's Host header names this server."""
        return host is not None and host_of(f"http://{host}") in self.hosts

    def link_of(self, name: str) -> Link | None:
        return self.links.get(name)

    def admit(
        self,
        path: str,
        link: Link | None,
        query: Mapping[str, str],
        headers: Mapping[str, str],
        cookies: Mapping[str, str],
    ) -> Admission:
        """Whether a request for ``path`` (a page or websocket of ``link``, or None for static
        files and downloads) comes in."""
        origin = headers.get("Origin")
        if origin is not None and origin.lower() != self.origin:
            return Admission("refuse", OWN_ADDRESS)
        if link is not None and "token" in query and path == link.path:
            return self._enter(link, query.get("token", ""), cookies)
        if headers.get("Sec-Fetch-Site") in ("cross-site", "same-site"):
            # A browser says another site asked for this; only the link itself may come so.
            return Admission("refuse", OWN_ADDRESS)
        allowed = [link] if link is not None else list(self.links.values())
        if not any(one.held_by(cookies.get(one.cookie)) for one in allowed):
            return Admission("refuse", NEEDS_LINK)
        return Admission("pass")

    @staticmethod
    def _enter(link: Link, token: str, cookies: Mapping[str, str]) -> Admission:
        """Spend the token for a cookie, once; a wrong token, or one already spent in another
        browser, is refused."""
        if link.session is None and secrets.compare_digest(token.encode(), link.token.encode()):
            link.session = secrets.token_urlsafe(32)
        elif not link.held_by(cookies.get(link.cookie)):
            return Admission("refuse", SPENT)
        return Admission("enter", link=link)


def workbook_command(data_dir: Path, *rest: str, exercises: Sequence[Path] = ()) -> list[str]:
    """The command a link runs: this Python, this workbook, this data folder."""
    folders = [arg for folder in exercises for arg in ("--exercises", str(folder))]
    return [sys.executable, "-m", "workbook", "--data-dir", str(data_dir), *folders, *rest]


def default_links(data_dir: Path, exercises: Sequence[Path] = ()) -> list[Link]:
    """The couple's link (the workbook) and the counsellor's (the console)."""
    return with_console(
        [Link("couple", workbook_command(data_dir, exercises=exercises), "the couple's workbook")],
        workbook_command(data_dir, "facilitate", exercises=exercises),
    )


def couple_links(
    data_dir: Path, couple_id: str, names: tuple[str, str], exercises: Sequence[Path] = ()
) -> list[Link]:
    """``serve --couple``: the couple at one screen, each partner on their own device, and the
    console following them. Each opens that couple's window and no other."""
    start = workbook_command(data_dir, "start", "--couple", couple_id, exercises=exercises)
    first, second = names
    seats = [
        Link("couple", start, f"{first} and {second}, both at one screen", names=names),
        Link("a", start, f"{first}, on their own device", environment={SEAT: "a"}, names=names),
        Link("b", start, f"{second}, on their own device", environment={SEAT: "b"}, names=names),
    ]
    return with_console(
        seats, workbook_command(data_dir, "facilitate", couple_id, exercises=exercises)
    )


def with_console(seats: list[Link], command: Sequence[str]) -> list[Link]:
    """``seats`` and the counsellor's console, which may issue a new link for any of them."""
    listed = json.dumps(
        [[seat.name, seat.title, *([list(seat.names)] if seat.names else [])] for seat in seats]
    )
    console = Link("console", command, "the counsellor's console", environment={SEATS: listed})
    return [*seats, console]
