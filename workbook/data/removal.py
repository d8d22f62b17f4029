"""Deleting a couple: every file in its folder, and its entry in the index, or a clear refusal.

The folder is first renamed, in one step, to a hidden name in ``couples/`` that is not a couple
id, so the couple leaves every list at once and is never half there. Only then are its files
removed. A removal that is interrupted (a crash, a file that cannot be removed) leaves that
hidden folder, which the next start of the workbook sweeps away.

Nothing is followed through a link: a couple folder that is a link, or lies elsewhere than it
seems, is refused; links inside it are removed as links, never followed (``shutil.rmtree``
guards against links swapped in while it works, on systems that allow it).
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbook.data import vault
from workbook.data.durable import SaveError, fsync_folder
from workbook.data.forget import forget_leftovers, pack_digests
from workbook.data.locks import Busy, file_lock, release
from workbook.data.trash import remove_tree
from workbook.i18n.catalog import N_
from workbook.i18n.os_words import OsProblem
from workbook.i18n.said import Counted, Words
from workbook.reading import reason_for

if TYPE_CHECKING:
    from workbook.data.store import Store

IN_USE = Words(
    N_(
        "another workbook window has a session of this couple open, or is saving it; close it "
        "there first, then delete the couple"
    )
)
LINK = Words(N_("it is a link to another place; workbook never deletes through links"))
NO_FOLDER = Words(N_("there is no such couple folder"))
THROUGH_LINK = Words(N_("it is reached through a link; workbook never deletes through links"))
LOCK_WAIT_SECONDS = 2.0


def remove_couple(store: Store, couple_id: str) -> None:
    """Remove the couple's folder and its index entry; raises ``SaveError`` when nothing was
    removed (and why), or when some files were left behind (and where)."""
    from workbook.data import index

    couples = store.layout.couples
    folder = store.layout.couple_folder(couple_id)
    if os.path.islink(folder):
        raise SaveError(folder, LINK)
    if not folder.is_dir():
        raise SaveError(folder, NO_FOLDER)
    real = Path(os.path.realpath(folder))
    if real != Path(os.path.realpath(couples)) / couple_id or couples.is_symlink():
        raise SaveError(folder, THROUGH_LINK)
    # Every lock of the couple is held while the folder is renamed: no other window is
    # walking a session or saving agreements then.
    locks = hold_locks(folder)
    digests = pack_digests(store, couple_id)
    trash = couples / f".removed-{couple_id}-{secrets.token_hex(4)}"
    try:
        os.rename(folder, trash)
    except OSError as error:
        raise SaveError(folder, OsProblem(error)) from error
    finally:
        release_all(locks)
    with contextlib.suppress(OSError):
        fsync_folder(couples)
    # The names are in the index too: they go before the files, so that a failure below still
    # leaves no trace of the couple on Home.
    unindexed = index.forget(store, couple_id)
    failures = remove_tree(trash)
    # The kept pack versions only this couple's sessions used go too (DESIGN.md section 5).
    forget_leftovers(store, digests, cache=unindexed is not None)
    if failures:
        path, reason = failures[0]
        # TRANSLATORS: {path} and {reason} are the first file that could not be removed, and
        # why; {trash} the hidden folder the files are in.
        left = Counted(
            "the couple is no longer listed, but {count} file could not be removed "
            "({path}: {reason}); it is in {trash}, which workbook tries again to remove at "
            "its next start",
            "the couple is no longer listed, but {count} files could not be removed (the "
            "first: {path}: {reason}); they are in {trash}, which workbook tries again to "
            "remove at its next start",
            len(failures),
            path=path,
            reason=reason,
            trash=trash,
        )
        raise SaveError(folder, left)
    if unindexed is not None:
        named = Words(
            N_(
                "every file of the couple is removed, but index.toml still names them "
                "({problem}); Home takes them out of it when it can write it again"
            ),
            problem=unindexed,
        )
        raise SaveError(folder, named)


def hold_locks(folder: Path) -> list[Any]:
    """Take the couple's lock and every session's; raises ``SaveError`` when one is held
    elsewhere or cannot be used. A lock file that is a link is never opened: it goes with the
    folder."""
    sessions = folder / "sessions"
    held: list[Any] = []
    try:
        lock_paths = [folder / "couple.lock"]
        if sessions.is_dir() and not sessions.is_symlink():
            # Session and notes files, named as the code names them: in an encrypted folder
            # they are ``.toml.age`` on disk, with opaque lock names.
            lock_paths += [
                vault.lock_file(sessions / f"{stem}.toml")
                for stem in sorted(vault.stems(sessions, ".toml"))
            ]
        for lock_path in lock_paths:
            if lock_path.is_symlink():
                continue
            wait = LOCK_WAIT_SECONDS if lock_path.name == "couple.lock" else 0
            held.append(file_lock(lock_path, wait))
    except Busy as error:
        release_all(held)
        raise SaveError(folder, IN_USE) from error
    except OSError as error:
        release_all(held)
        raise SaveError(
            folder, Words(N_("a lock file cannot be used: {problem}"), problem=reason_for(error))
        ) from error
    return held


def release_all(locks: list[Any]) -> None:
    for lock in locks:
        release(lock)
