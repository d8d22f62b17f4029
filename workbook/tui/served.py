"""A served app and ``workbook serve`` talking to each other through textual-serve's own channel
(its meta messages): the console asks for a new link for a seat, and the server answers with it.

The server starts a served app with this module's ``ServedDriver`` (textual-serve's web driver,
which ignores a message it does not know); the workbook's own messages (``workbook_...``) reach
the app as ``ServerSaid``.
"""

from __future__ import annotations

import json
import os
from typing import Any

from textual.app import App
from textual.drivers.web_driver import WebDriver
from textual.message import Message

from workbook.serve.links import SEATS, served


class ServerSaid(Message):
    """A workbook message from ``workbook serve``: ``what`` it is, and its fields."""

    def __init__(self, kind: str, fields: dict[str, Any]) -> None:
        super().__init__()
        self.what = kind
        self.fields = fields


class ServedDriver(WebDriver):
    """textual-serve's driver, with the workbook's messages handed to the app."""

    def on_meta(self, packet_type: str, payload: dict[str, object]) -> None:
        if packet_type.startswith("workbook_"):
            self._app.post_message(ServerSaid(packet_type, dict(payload)))
            return
        super().on_meta(packet_type, payload)


def tell_server(app: App[Any], kind: str, **fields: object) -> bool:
    """Send ``workbook_<kind>`` to the server; False when the app is not served."""
    driver = app._driver
    if not served() or not isinstance(driver, WebDriver):
        return False
    driver.write_meta({"type": f"workbook_{kind}", **fields})
    return True


def seats() -> list[tuple[str, str]]:
    """The links the server can renew, as (name, title), as it told this app; [] when none."""
    return [(str(item[0]), str(item[1])) for item in _listed()]


def seat_names() -> tuple[str, str] | None:
    """The couple's names, when the server's seats are a couple's (``serve --couple``): the
    console names the seats from them in its own language, following a couple or not."""
    for item in _listed():
        names = item[2] if len(item) == 3 else None
        if isinstance(names, list) and len(names) == 2:
            return (str(names[0]), str(names[1]))
    return None


def _listed() -> list[list[Any]]:
    try:
        listed = json.loads(os.environ.get(SEATS, "[]"))
    except ValueError:
        return []
    if not isinstance(listed, list):
        return []
    return [item for item in listed if isinstance(item, list) and len(item) in (2, 3)]
