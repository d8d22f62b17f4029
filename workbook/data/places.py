"""Where a sealed file belongs and whether it is the newest copy: the header inside each sealed
file, and the counters that the sealed ``index.toml`` keeps (DESIGN.md section 5).

In an unlocked folder every file is sealed with one line before its bytes, inside the
encryption::

    #workbook-sealed {"v":1,"place":"couples/<id>/sessions/<id>.toml","key":"<id>","counter":N}

``place`` is the file's path relative to the data folder (as the code names it, without
``.age``), ``key`` the data key's id (``vault.Key.id``), and ``counter`` a number that grows at
every save of the file: the time in microseconds, or one more than the last counter known for
that place, whichever is higher. The line is a TOML comment, so what ``age -d`` gives of a TOML
file is still TOML.

Reading checks the header. A file whose place is not where it is read was moved or copied from
elsewhere: it is refused (``Refused``), with the fix, and left as it is. A file whose counter is
lower than the one ``index.toml`` keeps for its place is an older copy put back: it is read, but
``flag`` says why it must not be saved over, so the store opens it read-only and Home says so.
A file sealed before headers existed is read as it is, and gets a header at its next save.

Every sealed save is made under the index's lock and recorded in its ``[counters]`` table at
once (place = [counter, saved]), so the table never holds a counter newer than the file. A
counter that cannot be recorded (the lock is busy, the disk is full) is left out: the file is
then newer than the table, which is never a false alarm. Deleting ``index.toml`` forgets the
counters, and with them what an older copy could be told from.
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from workbook import reading
from workbook.data import vault
from workbook.data.dates import now
from workbook.data.durable import SaveError, reason_words, replace_file
from workbook.data.read_only_reasons import Reason, older
from workbook.data.read_only_reasons import misplaced as misplaced
from workbook.i18n.catalog import N_
from workbook.i18n.said import AS_GIVEN, Said
from workbook.reading import Unreadable, too_large
from workbook.reading import read_limited as read_on_disk

MAGIC = b"#workbook-sealed "
INDEX = "index.toml"
TABLE = "counters"
LOCK_WAIT_SECONDS = 1.0
_INDEX_LIMIT = 32_000_000


class Refused(Said, ValueError):
    """A sealed file that is not read here: from another place, or with a damaged header."""


@dataclass
class _Ledger:
    """The counters of one folder as last read from (or written to) its index."""

    signature: tuple[int, int, int] | None = None
    loaded: bool = False
    writable: bool = True
    table: dict[str, Any] | None = None
    counters: dict[str, tuple[int, datetime]] = field(default_factory=dict)


_ledgers: dict[Path, _Ledger] = {}
# Why a file read in this process must not be written over, by its path.
_flags: dict[Path, Reason] = {}
# The counter of the copy of each file last read or written here.
_seen: dict[Path, int] = {}
_guard = threading.RLock()


def place_of(root: Path, path: Path) -> str:
    """``path`` relative to the data folder ``root``, as the code names it (no ``.age``)."""
    # Strings, not Path arithmetic: this runs at every read and save of a sealed file.
    top, here = os.path.abspath(root), os.path.abspath(path)
    if not here.startswith(top + os.sep):
        raise ValueError(f"{path} is not in {root}")
    return here[len(top) + 1 :].replace(os.sep, "/").removesuffix(vault.SUFFIX)


def header(place: str, key: vault.Key, counter: int) -> bytes:
    fields = {"v": 1, "place": place, "key": key.id, "counter": counter}
    return MAGIC + json.dumps(fields, separators=(",", ":")).encode("ascii") + b"\n"


def seal_bytes(key: vault.Key, place: str, counter: int, data: bytes) -> bytes:
    """``data`` sealed with its header."""
    return key.seal(header(place, key, counter) + data)


def split(plain: bytes) -> tuple[dict[str, Any] | None, bytes]:
    """The header's fields (None for a file sealed before headers) and the file's own bytes;
    raises ``Refused`` for a header that cannot be read."""
    if not plain.startswith(MAGIC):
        return None, plain
    end = plain.find(b"\n")
    try:
        fields = json.loads(plain[len(MAGIC) : end]) if end > 0 else None
    except ValueError:
        fields = None
    if not (
        isinstance(fields, dict)
        and isinstance(fields.get("place"), str)
        and isinstance(fields.get("key"), str)
        and _is_counter(fields.get("counter"))
    ):
        raise Refused(N_("its sealed header is damaged, so where it belongs cannot be told"))
    return fields, plain[end + 1 :]


def now_counter() -> int:
    return time.time_ns() // 1000


# Reading and writing in an unlocked folder (read_limited here, write_atomic, here)


def read_limited(path: Path, limit: int) -> bytes:
    """The plain bytes of the data file at ``path``: ``reading.read_limited``, and in an
    unlocked encrypted folder ``path.age`` unsealed, once its header says it belongs at
    ``path``. Raises ``Unreadable``."""
    try:
        found = vault.key_for(path)
    except OSError as error:
        # Locked says itself; any other OS error by its errno (``os_words``).
        raise Unreadable(path, reading.Reason.given(reason_words(error))) from error
    if found is None:
        return read_on_disk(path, limit)
    root, key = found
    raw = read_on_disk(vault.disk(path), vault.raw_limit(limit))
    try:
        plain = opened(path, root, key, key.unseal(raw))
    except ValueError as error:
        # Refused and NotThisKey say themselves in a screen's language.
        raise Unreadable(path, reading.Reason.given(error)) from error
    if len(plain) > limit:
        raise Unreadable(path, too_large(limit))
    return plain


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` durably, as a 0600 file; raise ``SaveError`` on failure.

    In an unlocked encrypted folder the bytes are sealed, with the header that names their
    place (``places``), and written to ``path.age``; in a locked one nothing is written.
    """
    try:
        found = vault.key_for(path)
    except OSError as error:
        raise SaveError(path, reason_words(error)) from error
    if found is None:
        replace_file(path, data)
        return
    try:
        with sealed_write(path, *found, data) as (disk, sealed):
            replace_file(disk, sealed)
    except Refused as error:
        raise SaveError(path, error) from error


def opened(path: Path, root: Path, key: vault.Key, plain: bytes) -> bytes:
    """The bytes of the sealed file ``path`` (decrypted as ``plain``) after its header is
    checked; raises ``Refused`` for a file from another place."""
    where = Path(os.path.abspath(path))
    place = place_of(root, path)
    with _guard:
        _flags.pop(where, None)
    fields, body = split(plain)
    if fields is None:
        return body
    if fields["key"] != key.id:
        raise Refused(N_("its header names another data key than this folder's"))
    if fields["place"] != place:
        reason = misplaced(place, fields["place"])
        with _guard:
            _flags[where] = reason
        raise Refused(AS_GIVEN, problem=reason)
    counter = int(fields["counter"])
    with _guard:
        _seen[where] = counter
        if place != INDEX:
            newer = _refresh(root).counters.get(place)
            if newer is not None and counter < newer[0]:
                _flags[where] = older(place, newer[1])
    return body


@contextlib.contextmanager
def sealed_write(
    path: Path, root: Path, key: vault.Key, data: bytes
) -> Iterator[tuple[Path, bytes]]:
    """Where to write ``path`` on disk and its sealed bytes; once the caller has written them,
    the counter is recorded. Raises ``Refused`` for a file that must not be written over."""
    where = Path(os.path.abspath(path))
    with _guard:
        reason = _flags.get(where)
    if reason is not None:
        raise Refused(AS_GIVEN, problem=reason)
    place = place_of(root, where)
    disk = vault.disk(path)
    if place == INDEX:
        # The index is written under its own lock by those who write it.
        yield disk, seal_bytes(key, place, now_counter(), data)
        return
    lock = _lock(root)
    try:
        with _guard:
            known = _refresh(root).counters.get(place)
            counter = max(now_counter(), known[0] + 1 if known else 0, _seen.get(where, 0) + 1)
        yield disk, seal_bytes(key, place, counter, data)
        with _guard:
            _seen[where] = counter
            _flags.pop(where, None)
        if lock is not None:
            _record(root, key, place, counter)
    finally:
        if lock is not None:
            with contextlib.suppress(OSError):
                lock.release()


def flag(path: Path) -> Reason | None:
    """Why the file at ``path``, as last read here, must not be written over, or None."""
    with _guard:
        return _flags.get(Path(os.path.abspath(path)))


def counters(root: Path) -> dict[str, list[Any]]:
    """The counters to keep in the index of ``root`` (as on disk now), for ``index`` to write
    again with its own table; call under the index's lock."""
    root = Path(os.path.abspath(root))
    with _guard:
        found = _refresh(root).counters
    # A deleted couple's places go with it; every other place is kept, read or not.
    gone: dict[str, bool] = {}
    kept = {}
    for place, (counter, saved) in found.items():
        parts = place.split("/", 2)
        if parts[0] == "couples" and len(parts) == 3:
            if parts[1] not in gone:
                gone[parts[1]] = not (root / "couples" / parts[1]).is_dir()
            if gone[parts[1]]:
                continue
        kept[place] = [counter, saved]
    return kept


def forget(root: Path | None = None) -> None:
    """Let go of what is known of ``root`` (of every folder with None)."""
    with _guard:
        for table in (_flags, _seen):
            for path in [p for p in table if root is None or p.is_relative_to(root)]:
                del table[path]
        if root is None:
            _ledgers.clear()
        else:
            _ledgers.pop(root, None)


vault.on_forget(forget)


# The counters in the index


def _index(root: Path) -> Path:
    return root / (INDEX + vault.SUFFIX)


def _signature(path: Path) -> tuple[int, int, int] | None:
    try:
        info = path.lstat()
    except OSError:
        return None
    return info.st_ino, info.st_mtime_ns, info.st_size


def _refresh(root: Path) -> _Ledger:
    """The ledger of ``root``, read again when its index changed on disk (call under _guard)."""
    ledger = _ledgers.setdefault(root, _Ledger())
    path = _index(root)
    signature = _signature(path)
    if ledger.loaded and signature == ledger.signature:
        return ledger
    from workbook import tomlio

    ledger.loaded, ledger.signature, ledger.writable = True, signature, True
    ledger.table, ledger.counters = None, {}
    if signature is None:
        return ledger
    if path.is_symlink():
        ledger.writable = False
        return ledger
    try:
        table = tomlio.loads(read_limited(root / INDEX, _INDEX_LIMIT).decode("utf-8"))
    except (Unreadable, UnicodeDecodeError, ValueError):
        return ledger  # a cache that cannot be read is written anew
    version = table.get("format")
    if not isinstance(version, int) or isinstance(version, bool) or version != 1:
        ledger.writable = not (isinstance(version, int) and version > 1)
        return ledger
    ledger.table = table
    listed = table.get(TABLE)
    for place, entry in (listed if isinstance(listed, dict) else {}).items():
        if (
            isinstance(entry, list)
            and len(entry) == 2
            and _is_counter(entry[0])
            and isinstance(entry[1], datetime)
        ):
            ledger.counters[place] = (entry[0], entry[1])
    return ledger


def _record(root: Path, key: vault.Key, place: str, counter: int) -> None:
    """Keep ``counter`` for ``place`` in the index (under its lock, held by the caller)."""
    from workbook import tomlio

    with _guard:
        ledger = _refresh(root)
        if not ledger.writable:
            return
        kept = dict(ledger.counters)
        kept[place] = (counter, now())
        table = dict(ledger.table or {"format": 1})
        table[TABLE] = {p: [c, saved] for p, (c, saved) in kept.items()}
        path = _index(root)
        try:
            replace_file(path, seal_bytes(key, INDEX, now_counter(), tomlio.dumps(table).encode()))
        except (SaveError, OSError, ValueError):
            return  # the file is saved; only the check of an older copy waits
        ledger.table, ledger.counters, ledger.signature = table, kept, _signature(path)


def _lock(root: Path) -> Any:
    """The index's lock, held; None when it cannot be had in time."""
    from workbook.data.locks import Busy, file_lock

    try:
        return file_lock(vault.lock_file(root / INDEX), LOCK_WAIT_SECONDS)
    except (Busy, OSError):
        return None


def _is_counter(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 2**63
