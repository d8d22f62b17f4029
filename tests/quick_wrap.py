"""A quick stand-in for age's scrypt, for tests and their child processes (no pytest here, so a
child starts quickly). Wrapping with scrypt takes seconds on purpose; the tests of the real
thing use it as it is."""

from __future__ import annotations

import hashlib

from workbook.data import vault


def _head(secret: str) -> bytes:
    return b"quick:" + hashlib.sha256(secret.encode()).hexdigest().encode() + b":"


def quick_wrap_bytes(secret: str, plain: bytes) -> bytes:
    return _head(secret) + plain


def quick_unwrap_bytes(secret: str, sealed: bytes) -> bytes:
    if not sealed.startswith(_head(secret)):
        raise vault.WrongSecret("that passphrase does not open this folder")
    return sealed[len(_head(secret)) :]


def use_quick_wrap() -> None:
    vault.WRAP = quick_wrap_bytes
    vault.UNWRAP = quick_unwrap_bytes
