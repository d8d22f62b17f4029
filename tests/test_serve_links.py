"""workbook serve's rules of coming in, without a server: a link's token is spent once for a
cookie, and nothing else opens a page; and the private names of textual-serve that the server
overrides are still there (a textual-serve update that takes one away fails here, by name)."""

from __future__ import annotations

import pytest

from workbook.serve.links import NEEDS_LINK, OWN_ADDRESS, SPENT, Gate, Link

URL = "http://127.0.0.1:8000"


def gate() -> tuple[Gate, Link]:
    link = Link("couple", ["workbook"], "the couple's workbook")
    return Gate([link, Link("console", ["workbook", "facilitate"], "the console")], URL), link


def test_a_token_is_spent_once_for_a_cookie() -> None:
    made, link = gate()
    first = made.admit("/couple", link, {"token": link.token}, {}, {})
    assert (first.what, first.link) == ("enter", link)
    assert link.session is not None
    # The same token in another browser (no cookie) is refused; the browser that has the
    # cookie may come back through the link.
    assert made.admit("/couple", link, {"token": link.token}, {}, {}).text == SPENT
    again = made.admit("/couple", link, {"token": link.token}, {}, {link.cookie: link.session})
    assert again.what == "enter"
    assert made.admit("/couple", link, {}, {}, {link.cookie: link.session}).what == "pass"


def test_without_the_cookie_or_from_elsewhere_nothing_opens() -> None:
    made, link = gate()
    made.admit("/couple", link, {"token": link.token}, {}, {})
    cookie = {link.cookie: link.session or ""}
    assert made.admit("/couple", link, {}, {}, {}).text == NEEDS_LINK
    assert made.admit("/couple", link, {}, {}, {link.cookie: "guess"}).text == NEEDS_LINK
    console = made.link_of("console")
    assert made.admit("/console", console, {}, {}, cookie).text == NEEDS_LINK
    # Static files and downloads take any link's cookie.
    assert made.admit("/static/x.js", None, {}, {}, cookie).what == "pass"
    elsewhere = {"Origin": "https://evil.example"}
    assert made.admit("/couple", link, {}, elsewhere, cookie).text == OWN_ADDRESS
    cross = {"Sec-Fetch-Site": "cross-site"}
    assert made.admit("/couple", link, {}, cross, cookie).text == OWN_ADDRESS
    assert made.admit("/couple", link, {}, {"Origin": URL.upper()}, cookie).what == "pass"


def test_the_private_textual_serve_names_the_server_overrides_are_there() -> None:
    pytest.importorskip("textual_serve", reason="textual-serve (the serve extra) is not installed")
    from workbook.serve.server import OVERRIDDEN, LinkService, WorkbookServer

    missing = [
        f"{owner.__module__}.{owner.__name__}.{name}"
        for owner, names in OVERRIDDEN.items()
        for name in names
        if not _has(owner, name)
    ]
    assert not missing, (
        "textual-serve no longer has what workbook serve overrides or calls: "
        f"{', '.join(missing)}; see workbook/serve/server.py before updating textual-serve"
    )
    assert {"_build_environment", "_open_app_process"} <= set(vars(LinkService))
    assert "_make_app" in vars(WorkbookServer)


def _has(owner: type, name: str) -> bool:
    """A class attribute, or one its ``__init__`` sets (found in its source)."""
    import inspect
    import re

    if hasattr(owner, name):
        return True
    assigned = re.compile(rf"self\.{re.escape(name)}\s*[:=]")
    return assigned.search(inspect.getsource(vars(owner)["__init__"])) is not None
