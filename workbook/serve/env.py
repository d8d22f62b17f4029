"""What ``workbook serve`` tells the apps it starts, through their environment: the names of the
variables, and whether this app is one of them. Apart from ``links`` so that every start-up can
ask ``served()`` without loading what the links need (``secrets``, ``json``)."""

from __future__ import annotations

import os

# The environment variable that tells the app it is in a browser (keys, exports).
SERVED = "WORKBOOK_SERVED"
# The console's: the links it may renew, as a JSON list of [name, title].
SEATS = "WORKBOOK_SEATS"
# A partner's own seat: "a" or "b" (DESIGN.md section 3, the apart walk).
SEAT = "WORKBOOK_SEAT"
# The served app's Textual driver: textual-serve's, with the workbook's messages from the server.
DRIVER = "workbook.tui.served:ServedDriver"


def served() -> bool:
    """True in the app ``workbook serve`` started for a browser."""
    return os.environ.get(SERVED) == "1"
