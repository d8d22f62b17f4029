"""Keys as a browser's terminal sends them, read whole where keys are parsed (DESIGN.md 3.9).

xterm.js, the terminal in the page, sends each key as one piece of data, and Alt with a letter
as ESC and the letter. Textual's parser, made for a terminal's stream, reads ESC b and ESC f as
Ctrl+Left and Ctrl+Right (so Alt+B, Back in a browser, moved the cursor a word left in a text
box), waits a moment after ESC n to see whether more is coming, and types "^n" when another key
that starts with ESC follows quickly. In the app ``workbook serve`` starts, a piece of data that
is ESC alone, or ESC and one character, is read as that key: Escape, or Alt with the character,
which never types it. Anything else goes to Textual's parser as before.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual import events
from textual._xterm_parser import XTermParser
from textual.keys import _character_to_key
from textual.message import Message

ESC = "\x1b"
# ESC [ and ESC O begin the codes of arrows, function keys and the mouse.
CODE_STARTS = "[O"


def one_key(data: str) -> events.Key | None:
    """The key a browser sent as ``data``, when it is ESC alone or Alt with a character."""
    if data == ESC:
        return events.Key("escape", ESC)
    if len(data) != 2 or data[0] != ESC or data[1] in CODE_STARTS or not data[1].isprintable():
        return None
    character = data[1]
    name = character if character.isalnum() else _character_to_key(character)
    if character.isupper():
        name = f"shift+{character.lower()}"
    return events.Key(f"alt+{name}", None)


class BrowserKeyParser(XTermParser):
    def feed(self, data: str) -> Iterable[Message]:
        key = one_key(data)
        return super().feed(data) if key is None else [key]


def read_browser_keys_whole() -> None:
    """Make the browser's driver read keys with ``BrowserKeyParser``; once, before any key."""
    import textual.drivers.web_driver as web_driver

    setattr(web_driver, "XTermParser", BrowserKeyParser)  # noqa: B010
