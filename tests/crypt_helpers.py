"""Helpers for the tests of encrypted data folders.

Wrapping the data key with age's scrypt takes seconds on purpose; most tests swap it for a quick
stand-in (``quick_wrap``), and the tests of the real thing (the ``age`` tool, the CLI's first
encrypt) use it as it is.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from workbook.data import vault

pyrage = pytest.importorskip("pyrage", reason="pyrage (the crypt extra) is not installed")

PASSPHRASE = "correct horse battery staple"


def _quick_wrap(secret: str, plain: bytes) -> bytes:
    return b"quick:" + hashlib.sha256(secret.encode()).hexdigest().encode() + b":" + plain


def _quick_unwrap(secret: str, sealed: bytes) -> bytes:
    head = b"quick:" + hashlib.sha256(secret.encode()).hexdigest().encode() + b":"
    if not sealed.startswith(head):
        raise vault.WrongSecret("that passphrase does not open this folder")
    return sealed[len(head) :]


def quick_wrap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(vault, "WRAP", _quick_wrap)
    monkeypatch.setattr(vault, "UNWRAP", _quick_unwrap)


def use_quick_wrap() -> None:
    """For a child process of a test: the same quick stand-in, without pytest."""
    vault.WRAP = _quick_wrap
    vault.UNWRAP = _quick_unwrap


def every_file(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` by its relative path, with its bytes."""
    found = {}
    for folder, _, files in os.walk(root):
        for name in files:
            path = Path(folder) / name
            found[str(path.relative_to(root))] = path.read_bytes()
    return found
