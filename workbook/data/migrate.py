"""Bringing files of an older format up to the current one.

Each step is a pure function from the table of format ``n`` to the table of format ``n + 1``.
Format 1 is the first, so the chains are empty today; the store already makes a backup copy and
runs them, so a future format only adds a function here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from workbook.data.version import FORMAT
from workbook.i18n.catalog import N_
from workbook.i18n.said import Said

Table = dict[str, Any]
Step = Callable[[Table], Table]
# MIGRATIONS[file kind][n] turns format n into format n + 1.
MIGRATIONS: dict[str, dict[int, Step]] = {"couple": {}, "session": {}, "agreements": {}}


class MigrationError(Said, ValueError):
    """A file's format is older than any this workbook can bring up to date: ``str`` is the
    English, ``said(tr)`` the same in ``tr``'s language."""


def migrate(
    kind: str, table: Table, chains: Mapping[str, Mapping[int, Step]] | None = None
) -> Table:
    """``table`` brought from its format to the current one; raises ``MigrationError``."""
    chain = (MIGRATIONS if chains is None else chains).get(kind, {})
    version = table.get("format")
    if not isinstance(version, int):
        raise MigrationError(N_("the file has no format number"))
    while version < FORMAT:
        if version not in chain:
            raise MigrationError(
                N_("format {version} is too old for this workbook to read"), version=version
            )
        table = chain[version](dict(table))
        version = table["format"] = version + 1
    return table
