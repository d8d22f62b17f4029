"""Small packs for tests, written as TOML text."""

from __future__ import annotations

from pathlib import Path

HEADER = 'format = 1\nid = "{id}"\ntitle = "A pack"\nsummary = "For tests."\n'


def write_pack(folder: Path, pack_id: str, steps: str = "", name: str | None = None) -> Path:
    """Write a pack file with the standard header and ``steps`` (TOML) after it."""
    steps = steps or '[[steps]]\nid = "s"\nkind = "text"\nprompt = "Say something."\n'
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name or pack_id}.toml"
    path.write_text(HEADER.format(id=pack_id) + "\n" + steps, encoding="utf-8")
    return path
