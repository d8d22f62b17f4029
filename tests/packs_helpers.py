"""Small packs for tests, written as TOML text."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workbook.packs.library import Library

HEADER = 'format = 1\nid = "{id}"\ntitle = "A pack"\nsummary = "For tests."\n'


def write_pack(folder: Path, pack_id: str, steps: str = "", name: str | None = None) -> Path:
    """Write a pack file with the standard header and ``steps`` (TOML) after it."""
    steps = steps or '[[steps]]\nid = "s"\nkind = "text"\nprompt = "Say something."\n'
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name or pack_id}.toml"
    path.write_text(HEADER.format(id=pack_id) + "\n" + steps, encoding="utf-8")
    return path


@functools.cache
def builtin_library() -> Library:
    """The built-in packs, loaded once for a test run (each load takes a tenth of a second):
    read by the tests, never changed."""
    from workbook.packs.library import load_library

    return load_library(environ={})
