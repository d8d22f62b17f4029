"""The two partners' keys, ``a`` and ``b``, and the one way to name the other of them."""

from __future__ import annotations

PARTNERS = ("a", "b")


def other(partner: str) -> str:
    """The other partner's key: ``b`` for ``a``, and ``a`` for ``b``."""
    return "b" if partner == "a" else "a"
