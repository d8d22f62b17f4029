"""A quick stand-in for age's scrypt, for tests and their child processes (no pytest here, so a
child starts quickly). Wrapping with scrypt takes seconds on purpose; the tests of the real
thing use it as it is."""

from __future__ import annotations

import base64
import hashlib

from workbook.data import vault

# Shaped as age shapes a file wrapped by a passphrase (one scrypt stanza, a MAC, a nonce, the
# payload and its tag), so that the checks of a damaged key.age see what they see in use.
_EDGE = b"\0" * 16


def _head(secret: str) -> bytes:
    digest = base64.b64encode(hashlib.sha256(secret.encode()).digest()).rstrip(b"=")
    return (
        b"age-encryption.org/v1\n-> scrypt "
        + digest[:22]
        + b" 10\n"
        + digest
        + b"\n--- "
        + digest
        + b"\n"
        + _EDGE
    )


def quick_wrap_bytes(secret: str, plain: bytes) -> bytes:
    return _head(secret) + plain + _EDGE


def quick_unwrap_bytes(secret: str, sealed: bytes) -> bytes:
    if not sealed.startswith(_head(secret)):
        raise vault.WrongSecret("that passphrase does not open this folder")
    return sealed[len(_head(secret)) : -len(_EDGE)]


def use_quick_wrap() -> None:
    vault.WRAP = quick_wrap_bytes
    vault.UNWRAP = quick_unwrap_bytes
