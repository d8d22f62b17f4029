"""Where ``workbook serve`` may listen: this machine, unless a TLS address is given.

Pure Python (no Textual, no web server), so the command line checks the address before it loads
either, and the rule is tested on its own.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

WARNING = (
    "workbook serve listens on {host}, beyond this machine. Only the private links open it; "
    "make sure {url} reaches it through TLS (a reverse proxy), never plain http."
)


def is_loopback(host: str) -> bool:
    """True for an address only this machine can reach."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_address(host: str, public_url: str | None) -> str | ValueError | None:
    """None when all is well, a warning to print, or the error that refuses to start."""
    if public_url is not None:
        parts = urlsplit(public_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return ValueError(f"--public-url {public_url!r} is not an http(s) address")
        if parts.path not in ("", "/") or parts.query or parts.fragment:
            return ValueError(
                "--public-url is the address of the server itself, with no path: the proxy "
                "must pass the whole site through"
            )
    if is_loopback(host):
        return None
    if public_url is None or not public_url.startswith("https://"):
        return ValueError(
            f"--host {host} lets other machines reach the workbook; it needs "
            "--public-url https://... (a TLS reverse proxy in front), so that the links and "
            "the couple's answers never cross the network in the clear. For one remote "
            "person, an SSH tunnel to 127.0.0.1 is simpler (see the README)."
        )
    return WARNING.format(host=host, url=public_url)
