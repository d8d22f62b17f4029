"""What a browser may send on a link's websocket, read so that no frame can hurt the app
(DESIGN.md section 9b).

textual-serve reads each frame as JSON and hands it on as it is: a text size became the app's
terminal size (and crashed it), 5000 columns made the server send megabytes a second, and a frame
that was not a list ended the connection's loop with an exception. Here a frame is read into a
``Frame`` or ignored (None). The size limit itself is aiohttp's (``LIMIT``, given to the
websocket), which refuses a larger frame before reading it and closes the connection.

Pure Python, so the rules are tested without a server.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

# Well above a pasted 20,000-character answer (80 KB in the worst case of UTF-8), far below what
# made the app grow without bound (3.9 MB).
LIMIT = 256 * 1024
# A terminal's columns and rows, each.
SMALLEST, LARGEST = 10, 500
# A ping's token is echoed back; anything longer than a browser's timestamp is not.
PING_LIMIT = 64


@dataclass(frozen=True)
class Frame:
    """One frame worth acting on: ``stdin`` (``data`` is bytes), ``resize`` (``size`` is
    columns and rows), ``ping`` (``data`` is the token to echo), ``focus`` or ``blur``."""

    what: str
    data: bytes | str = b""
    size: tuple[int, int] = (0, 0)


def clamp(value: int) -> int:
    """A number of columns or rows within what the app may be asked to draw."""
    return max(SMALLEST, min(LARGEST, value))


def size_of(given: object) -> tuple[int, int] | None:
    """Columns and rows from a resize frame's data, clamped; None unless both are whole
    numbers."""
    if not isinstance(given, dict):
        return None
    width, height = given.get("width"), given.get("height")
    numbers = [n for n in (width, height) if isinstance(n, int) and not isinstance(n, bool)]
    if len(numbers) != 2:
        return None
    return clamp(numbers[0]), clamp(numbers[1])


def query_size(width: str | None, height: str | None) -> tuple[int, int]:
    """The first size, from the websocket address's query (80x24 where it is not a number)."""

    def number(text: str | None, default: int) -> int:
        try:
            return int(text or "")
        except ValueError:
            return default

    return clamp(number(width, 80)), clamp(number(height, 24))


def read_frame(text: str) -> Frame | None:
    """The frame a browser sent, or None when it is not one to act on."""
    try:
        envelope = json.loads(text)
    except (ValueError, RecursionError):
        return None
    if not isinstance(envelope, list) or not envelope or not isinstance(envelope[0], str):
        return None
    what, data = envelope[0], envelope[1] if len(envelope) > 1 else None
    if what == "stdin":
        if not isinstance(data, str):
            return None
        try:
            return Frame("stdin", data.encode("utf-8"))
        except UnicodeEncodeError:
            # A lone surrogate cannot be a key; the app would never see it anyway.
            return None
    if what == "resize":
        size = size_of(data)
        return None if size is None else Frame("resize", size=size)
    if what == "ping":
        if isinstance(data, str) and len(data) <= PING_LIMIT:
            return Frame("ping", data)
        return None
    if what in ("focus", "blur"):
        return Frame(what)
    return None
