"""The pack store: the exact bytes of every pack version a session used, named by their digest.

``<data>/packs/<sha256 hex>.toml`` is written once, when a session first uses that version, and
never rewritten; many sessions share one copy. A session therefore always resumes and exports
with the pack as it was, even after the pack is edited or removed from the library.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from workbook.data import vault
from workbook.data.places import read_limited, write_atomic
from workbook.reading import Unreadable

MAX_BYTES = 1_000_000
_DIGEST = re.compile(r"^sha256:([0-9a-f]{64})$")


class PackStore:
    """The ``packs`` folder of one data folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path(self, digest: str) -> Path | None:
        """Where the pack with ``digest`` is kept; None for a digest that is not one of ours."""
        match = _DIGEST.match(digest)
        return self.folder / f"{match.group(1)}.toml" if match else None

    def keep(self, raw: bytes) -> str:
        """Keep ``raw`` (once), and return its digest. Raises ``SaveError``."""
        digest = "sha256:" + hashlib.sha256(raw).hexdigest()
        path = self.path(digest)
        assert path is not None
        if not (vault.disk(path).is_file() and self.load(digest) == raw):
            write_atomic(path, raw)
        return digest

    def load(self, digest: str) -> bytes | None:
        """The bytes kept for ``digest``, or None when there are none, or they do not match."""
        path = self.path(digest)
        if path is None or not vault.exists(path):
            return None
        try:
            raw = read_limited(path, MAX_BYTES)
        except Unreadable:
            return None
        # A copy that was changed by hand is not the version the session used.
        return raw if "sha256:" + hashlib.sha256(raw).hexdigest() == digest else None
