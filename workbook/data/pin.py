"""The practice lock (DESIGN.md section 3.10): what guards the caseload from a couple's window.

An encrypted data folder is locked by its passphrase. Any other folder may have a practice PIN
(``workbook pin set``), kept in ``settings.toml`` only as a salted scrypt hash, never as the
PIN itself::

    [pin]
    kdf = "scrypt"
    n = 16384
    r = 8
    p = 1
    salt = "<32 hex digits: 16 random bytes>"
    hash = "<64 hex digits: scrypt of the PIN with that salt>"

A ``[pin]`` table that cannot be read keeps the lock shut: it never opens the caseload without
asking. Wrong entries are slowed down by the window that asks; nothing counts them in a file.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Any

from workbook.i18n.catalog import N_
from workbook.i18n.said import Words

PASSPHRASE, PIN = "passphrase", "pin"
MIN_PIN = 4
MAX_PIN = 200
# scrypt's cost: 16 MiB and a few hundredths of a second on an ordinary machine.
N, R, P = 2**14, 8, 1
SETTING = "pin"


def lock_of(encrypted: bool, settings: dict[str, Any]) -> str | None:
    """Which lock guards the caseload: the passphrase, the PIN, or None (neither is set)."""
    if encrypted:
        return PASSPHRASE
    return PIN if SETTING in settings else None


def problem(pin: str) -> str | None:
    """Why ``pin`` cannot be a practice PIN, in English, or None."""
    words = wrong(pin)
    return None if words is None else words.message


def wrong(pin: str) -> Words | None:
    """Why ``pin`` cannot be a practice PIN (``said(tr)`` in any language), or None."""
    if len(pin) < MIN_PIN:
        return Words(N_("the PIN needs at least {count} characters"), count=MIN_PIN)
    if len(pin) > MAX_PIN:
        return Words(N_("the PIN may have at most {count} characters"), count=MAX_PIN)
    if pin != pin.strip():
        return Words(N_("the PIN may not begin or end with a space"))
    return None


def hashed(pin: str, salt: bytes | None = None) -> dict[str, Any]:
    """The ``[pin]`` table for ``pin``: a fresh salt and the scrypt hash, never the PIN."""
    salt = salt if salt is not None else secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=N, r=R, p=P, dklen=32)
    return {"kdf": "scrypt", "n": N, "r": R, "p": P, "salt": salt.hex(), "hash": digest.hex()}


def matches(table: Any, pin: str) -> bool:
    """True when ``pin`` is the PIN whose hash ``table`` keeps; False for any other, and for
    a table that cannot be read."""
    if not isinstance(table, dict) or table.get("kdf") != "scrypt":
        return False
    try:
        n, r, p = (int(table[key]) for key in ("n", "r", "p"))
        salt, expected = bytes.fromhex(table["salt"]), bytes.fromhex(table["hash"])
        if not (2 <= n <= 2**20 and 1 <= r <= 32 and 1 <= p <= 16 and expected):
            return False
        found = hashlib.scrypt(
            pin.encode("utf-8"),
            salt=salt,
            n=n,
            r=r,
            p=p,
            dklen=len(expected),
            maxmem=256 * 1024 * 1024,
        )
    except (KeyError, TypeError, ValueError, OverflowError, MemoryError):
        return False
    return hmac.compare_digest(found, expected)
