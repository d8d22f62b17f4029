"""Helpers for the tests of encrypted data folders.

Wrapping the data key with age's scrypt takes seconds on purpose; most tests swap it for a quick
stand-in (``quick_wrap``), and the tests of the real thing (the ``age`` tool, the CLI's first
encrypt) use it as it is.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tests.quick_wrap import quick_unwrap_bytes, quick_wrap_bytes
from workbook.data import vault

pyrage = pytest.importorskip("pyrage", reason="pyrage (a dependency) is not installed")

PASSPHRASE = "correct horse battery staple"


def quick_wrap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(vault, "WRAP", quick_wrap_bytes)
    monkeypatch.setattr(vault, "UNWRAP", quick_unwrap_bytes)


def every_file(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` by its relative path, with its bytes."""
    found = {}
    for folder, _, files in os.walk(root):
        for name in files:
            path = Path(folder) / name
            found[str(path.relative_to(root))] = path.read_bytes()
    return found


def pin_written(text: str, pin: str) -> bool:
    """``pin`` is in ``text`` other than by chance inside a salt's or a hash's hex digits (a
    random 96 hex digits hold a given 4 digits about once in 700 files)."""
    return re.search(rf"(?<![0-9a-f]){re.escape(pin)}(?![0-9a-f])", text) is not None
