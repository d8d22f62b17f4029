"""Giving a couple's folder the name their (new) names make, so that a typo does not stay in
every path and export command.

Only plain folders: in an encrypted folder a couple's folder name says nothing, on purpose.
Refused while any session of the couple is open in another window: every lock of the couple is
held while the folder is renamed, in one step. Then ``couple.toml`` takes the new id, and the
index forgets the old one (Home reads the couple again under the new). A crash between the two
leaves a folder whose file names the old id: it opens read-only, and says which id to set.
"""

from __future__ import annotations

import contextlib
import os
from typing import TYPE_CHECKING

from workbook.data import vault
from workbook.data.durable import SaveError, fsync_folder
from workbook.data.folder_files import ReadOnlyError
from workbook.data.layout import couple_id_base, unique
from workbook.data.removal import hold_locks, release_all
from workbook.i18n.catalog import N_
from workbook.i18n.said import Words
from workbook.reading import reason_for

if TYPE_CHECKING:
    from workbook.data.store import Store

OPEN = Words(
    N_(
        "a session of this couple is open in another workbook window; close it there first, "
        "then rename the folder"
    )
)
ENCRYPTED = Words(N_("in an encrypted folder a couple's folder name says nothing"))
LINKED = Words(N_("it is reached through a link; workbook never renames through links"))


def folder_name_for(store: Store, couple_id: str) -> str | None:
    """The folder name the couple's names make, when it differs from ``couple_id`` (and the
    folder may be renamed at all), else None."""
    if vault.key_of(store.root) is not None:
        return None
    couple = store.load_couple(couple_id)
    base = couple_id_base(*couple.names)
    if couple_id == base or (
        couple_id.startswith(base + "-") and couple_id[len(base) + 1 :].isdigit()
    ):
        return None
    return base


def move_couple(store: Store, couple_id: str) -> str:
    """Rename the couple's folder after their names; returns the new id (the old one when
    there is nothing to change). Raises ``SaveError`` saying why it could not be done."""
    from workbook.data import index

    folder = store.layout.couple_folder(couple_id)
    if vault.key_of(store.root) is not None:
        raise SaveError(folder, ENCRYPTED)
    reason = store.couple_reason(couple_id)
    if reason is not None:
        raise ReadOnlyError(folder, reason)
    base = folder_name_for(store, couple_id)
    if base is None:
        return couple_id
    if os.path.islink(folder) or store.layout.couples.is_symlink():
        raise SaveError(folder, LINKED)
    couple = store.load_couple(couple_id)
    new_id = unique(base, lambda c: os.path.lexists(store.layout.couple_folder(c)))
    store.release_couple(couple_id)
    try:
        locks = hold_locks(folder)
    except SaveError as error:
        raise SaveError(
            folder, OPEN if "another workbook window" in error.reason else error.given
        ) from error
    try:
        os.rename(folder, store.layout.couple_folder(new_id))
    except OSError as error:
        raise SaveError(folder, reason_for(error)) from error
    finally:
        release_all(locks)
    with contextlib.suppress(OSError):
        fsync_folder(store.layout.couples)
    for path in [p for p in store.read_only if p.is_relative_to(folder)]:
        store.read_only.pop(path)
    couple.id = new_id
    store.save_couple(couple)
    index.forget(store, couple_id)
    return new_id
