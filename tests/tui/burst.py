"""Keys sent as a fast typist (or ``tmux send-keys``) sends them: all at once, nothing waiting
for the app between them; then a wait on the work they cause, never on time."""

from __future__ import annotations

import unicodedata
from typing import Any

from textual import events
from textual.keys import REPLACED_KEYS, _character_to_key, _get_unicode_name_from_key


def key_event(key: str) -> events.Key:
    """The event a terminal gives for ``key``, as Textual's Pilot makes it."""
    if len(key) == 1 and not key.isalnum():
        key = _character_to_key(key)
    original = REPLACED_KEYS.get(key, key)
    try:
        character: str | None = unicodedata.lookup(_get_unicode_name_from_key(original))
    except KeyError:
        character = key if len(key) == 1 else None
    return events.Key(key, character)


async def at_once(app: Any, pilot: Any, *keys: str) -> None:
    """Send ``keys`` at once, then wait until the app has handled every one of them."""
    driver = app._driver
    assert driver is not None
    for key in keys:
        made = key_event(key)
        made.set_sender(app)
        driver.send_message(made)
    await settled(app, pilot)


async def settled(app: Any, pilot: Any) -> None:
    """Wait until every key sent so far has been handled and the screen drawn."""
    await pilot.pause()
    await app.key_gate.settled()
    await pilot.pause()
