"""Whether text cursors blink: off in tests, so that screenshots are stable."""

from __future__ import annotations

import os


def cursor_blink() -> bool:
    return os.environ.get("WORKBOOK_CURSOR_BLINK", "1") != "0"
