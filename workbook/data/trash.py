"""What a deletion leaves while it works: a couple folder renamed to a hidden name in
``couples/`` (``removal``), removed here, and swept at the next start if that was interrupted."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
from pathlib import Path
from typing import Any

from workbook.data.durable import fsync_folder
from workbook.i18n.os_words import OsProblem
from workbook.reading import Reason

_REMOVED = re.compile(r"^\.removed-[a-z0-9-]+-[0-9a-f]{8}$")


def sweep_removed(couples: Path) -> list[Path]:
    """Finish the removals that were interrupted; returns the folders now gone."""
    swept: list[Path] = []
    try:
        entries = list(os.scandir(couples))
    except OSError:
        return swept
    for entry in entries:
        if _REMOVED.match(entry.name) and entry.is_dir(follow_symlinks=False):
            path = Path(entry.path)
            if not remove_tree(path):
                swept.append(path)
    return swept


def remove_tree(path: Path) -> list[tuple[str, Exception]]:
    """Remove ``path`` and everything in it, links as links; returns what could not go, and
    why (said in a screen's language: an OS error by its errno, ``os_words``)."""
    failures: list[tuple[str, Exception]] = []

    def failed(_function: Any, where: str, info: Any) -> None:
        error = info[1]
        # Not ``reading.reason_for``: its words are a reader's ("permission to read it is
        # denied"), and removing needs the right to change the folder.
        reason = OsProblem(error) if isinstance(error, OSError) else Reason.given(str(error))
        failures.append((where, reason))

    shutil.rmtree(path, onerror=failed)
    with contextlib.suppress(OSError):
        fsync_folder(path.parent)
    return failures
