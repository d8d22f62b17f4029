"""A data file as a model: its format checked, an older one migrated, the model validated; and
the helpers the store keeps its files safe with (links, backups, ids that disagree with a name).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from workbook import tomlio
from workbook.data import vault
from workbook.data.durable import SaveError
from workbook.data.files import MAX_BYTES, DataError
from workbook.data.layout import unique
from workbook.data.migrate import MigrationError, migrate
from workbook.data.places import write_atomic
from workbook.data.version import FORMAT
from workbook.i18n.catalog import N_
from workbook.i18n.said import AS_GIVEN, Listed, Words
from workbook.reading import Unreadable

if TYPE_CHECKING:
    from pydantic import BaseModel

# The models (and pydantic) load when a file is first read or written, not at start-up, so
# that the home screen, which needs only an overview, draws sooner.
M = TypeVar("M", bound="BaseModel")

OUTSIDE = "it is a link to a place outside the data folder, which workbook does not follow"


def from_table(path: Path, what: str, table: dict[str, Any], model: type[M]) -> tuple[M, int]:
    """The ``model`` in ``table`` (read from ``path``), migrated from an older format, and the
    format the file had; raises ``DataError``."""
    from pydantic import ValidationError

    version = table.get("format")
    if not isinstance(version, int) or isinstance(version, bool):
        raise DataError(path, "the file has no format number (format = 1)")
    try:
        if version < FORMAT:
            table = migrate(what, table)
        return model.model_validate(table), version
    except MigrationError as error:
        raise DataError(path, error) from error
    except ValidationError as error:
        raise DataError(path, describe(error)) from error


def dumps(path: Path, table: dict[str, Any]) -> bytes:
    try:
        return tomlio.dumps(table).encode("utf-8")
    except ValueError as error:
        raise SaveError(path, str(error)) from error


def linked(path: Path, root: Path) -> str | None:
    """``"outside"`` when ``path`` leads out of the data folder through a link, ``"inside"``
    when it leads somewhere else inside it, else None."""
    real_root = Path(os.path.realpath(root))
    real = Path(os.path.realpath(path))
    try:
        expected = real_root / path.absolute().relative_to(root.absolute())
    except ValueError:
        return "outside"
    if real == expected:
        return None
    return "inside" if real.is_relative_to(real_root) else "outside"


def backup(path: Path, label: str) -> Path:
    """Copy ``path`` aside, durably, never over an earlier backup."""
    from workbook.data.places import read_limited

    target = unique(str(path.with_name(f"{path.name}.{label}.bak")), vault.exists_name)
    try:
        data = read_limited(path, MAX_BYTES)
    except Unreadable as error:
        raise SaveError(path, error.reason) from error
    write_atomic(Path(target), data)
    return Path(target)


# TRANSLATORS: {where} is a key in a data file (partners.0.name), {what} what is wrong with it.
AT_KEY = N_("{where}: {what}")


def describe(error: Any) -> Listed:
    """A validation error as ``key.path: what is wrong``, for at most five problems: in our
    own words (chosen by pydantic's error type, or a validator's ``Refusal``), never
    pydantic's, so that a screen says them in its language."""
    parts: list[object] = []
    for detail in error.errors()[:5]:
        where = ".".join(str(part) for part in detail["loc"])
        what = _what(detail)
        parts.append(Words(AT_KEY, where=where, what=what) if where else what)
    return Listed(parts)


def _what(detail: Any) -> Words:
    from workbook.data.answers.unread import what_is_wrong

    refused = (detail.get("ctx") or {}).get("error")
    if isinstance(refused, Words):
        return refused
    if detail.get("type") == "value_error":
        # A validator's own words that are not ``Words``: as given, never guessed at.
        return Words(AS_GIVEN, problem=str(detail.get("msg", "")).removeprefix("Value error, "))
    return what_is_wrong(detail)
