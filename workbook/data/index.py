"""``index.toml``: a cache of what Home shows of each couple, so a caseload opens at once.

Each couple's entry carries a fingerprint of its files (the modification times, sizes and
names of ``couple.toml``, ``agreements.toml`` and ``sessions/*.toml``). A couple is read from its
files again only when its fingerprint has changed; otherwise Home takes the entry as it is. Opening
a caseload of 200 couples then costs a look at each file's modification time, not a reading of
ten thousand sessions.

It is only a cache: deleting it loses nothing. One that cannot be read, that has been edited by
hand (its checksum no longer fits its entries), or whose entries are of the wrong shape or type
(a date where text belongs, anywhere), is ignored and written anew. One written by a newer
workbook is ignored and left as it is, as every file of a newer format is: Home then reads every
couple from its files. It is written durably, under its own lock, and never through a link; a
failure to write it only makes the next start slower, so it is reported once, quietly. In an
encrypted folder it also keeps the counters of the sealed files (``places``), written again
with it; deleting it there forgets which copies are the newest.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import zlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbook import tomlio
from workbook.data import couple_problems, places, vault
from workbook.data.durable import SaveError
from workbook.data.files import MAX_BYTES, DataError
from workbook.data.layout import is_id
from workbook.data.locks import Busy, held
from workbook.data.overview import Facts, Overview, read_facts
from workbook.data.places import read_limited, write_atomic
from workbook.i18n.catalog import N_
from workbook.i18n.said import AS_GIVEN, Words
from workbook.reading import Unreadable, reason_for

if TYPE_CHECKING:
    from workbook.data.store import Store
    from workbook.i18n.catalog import Translations

INDEX_FORMAT = 1
LOCK_WAIT_SECONDS = 1.0


UNSAVED = N_(
    "index.toml could not be saved ({problem}); the couples are read from their files "
    "instead, which is slower"
)
LINKED = Words(N_("index.toml is a link, so workbook neither reads nor writes it"))
NEWER = Words(N_("index.toml was written by a newer workbook, so it is left as it is"))
NOT_HERE = Words(N_("index.toml cannot be written here"))
LINKS = Words(N_("it or its lock file is a link"))


@dataclass
class Caseload:
    """Every couple of a data folder at a glance, as Home and ``workbook couples`` show them."""

    couples: list[Overview] = field(default_factory=list)
    # Couple folders whose couple.toml cannot be read: folder name, and why (in English as
    # ``str``, said in a screen's language with ``said_in``).
    unreadable: list[tuple[str, Words]] = field(default_factory=list)
    # Why the index was not used or not saved, if so, in English; the couples are right all
    # the same.
    note: str | None = None
    # The same words, for saying them in a screen's language (``note_in``).
    note_words: Words | None = None
    # The couples read from their files this time, not taken from the index.
    rebuilt: list[str] = field(default_factory=list)

    def noted(self, words: Words | None) -> None:
        """Say ``words`` (or nothing) in ``note``."""
        self.note_words = words
        self.note = None if words is None else words.message

    def note_in(self, tr: Translations) -> str:
        """``note`` (or "") in ``tr``'s language (the command line keeps English)."""
        if self.note_words is None:
            return self.note or ""
        return self.note_words.said(tr)


def load_caseload(store: Store, today: date, *, save: bool = True) -> Caseload:
    """Every couple's overview on ``today``: from the index where a couple's files have not
    changed, else from the files. With ``save``, the index is brought up to date on disk."""
    path = index_file(store)
    cached, note, writable = _read(store, path)
    found = Caseload()
    found.noted(note)
    entries: dict[str, dict[str, Any]] = {}
    for couple_id in store.couple_ids():
        # The fingerprint is taken before the files are read: a file changed in between then
        # leaves a stale fingerprint, read again next time, never a stale entry kept.
        fingerprint, sessions = _fingerprint(store, couple_id)
        entry = cached.get(couple_id)
        facts = _facts(couple_id, entry) if _fits(entry, fingerprint) else None
        if facts is None:
            try:
                facts = read_facts(store.layout, couple_id, store.read, store.read_head, sessions)
            except DataError as error:
                # Not kept: a file that cannot be read may be put right without its time changing.
                found.unreadable.append((couple_id, error.words))
                continue
            found.rebuilt.append(couple_id)
            entry = _entry(facts, fingerprint)
        entries[couple_id] = entry  # type: ignore[assignment]
        found.couples.append(facts.on(today, store.layout.couple_folder(couple_id)))
    if save and writable and (found.rebuilt or set(cached) != set(entries)):
        problem = _write(store, path, entries)
        if problem is not None:
            found.noted(Words(UNSAVED, problem=problem))
    return found


def forget(store: Store, couple_id: str) -> Words | None:
    """Take a couple out of the index, at once (its names must not outlive its files); returns
    why that could not be done (``str`` the English, said in any language), or None."""
    path = index_file(store)
    cached, _, writable = _read(store, path)
    if couple_id not in cached:
        return None
    if not writable:
        return NOT_HERE
    cached.pop(couple_id)
    return _write(store, path, cached)


def index_file(store: Store) -> Path:
    return store.root / "index.toml"


def _read(store: Store, path: Path) -> tuple[dict[str, dict[str, Any]], Words | None, bool]:
    """The entries of the index worth looking at, a note on why there are none, and whether
    the index may be written."""
    if os.path.islink(vault.disk(path)):
        return {}, LINKED, False
    if not vault.exists(path):
        return {}, None, True
    try:
        # Parsed, not cleaned as data files are: every entry is checked against the checksum
        # and its shape below, and names are cleaned again where they are shown.
        table = tomlio.loads(read_limited(path, MAX_BYTES).decode("utf-8"))
    except (Unreadable, UnicodeDecodeError, tomlio.TOMLDecodeError):
        return {}, None, True  # a cache that cannot be read is written anew
    version = table.get("format")
    if isinstance(version, int) and not isinstance(version, bool) and version > INDEX_FORMAT:
        return {}, NEWER, False
    couples = table.get("couples")
    if version != INDEX_FORMAT or not isinstance(couples, dict):
        return {}, None, True
    expected = _checksum(couples)
    if expected is None or table.get("checksum") != expected:
        return {}, None, True  # edited by hand: nothing in it is trusted
    return {k: v for k, v in couples.items() if isinstance(v, dict) and is_id(k)}, None, True


def _write(store: Store, path: Path, entries: dict[str, dict[str, Any]]) -> Words | None:
    """Save the index under its lock; returns why it could not be saved (the OS's own words
    as they are), or None."""
    lock_path = vault.lock_file(path)
    if os.path.islink(vault.disk(path)) or os.path.islink(lock_path):
        return LINKS
    table: dict[str, Any] = {
        "format": INDEX_FORMAT,
        "checksum": _checksum(entries),
        "couples": entries,
    }
    try:
        with held(lock_path, LOCK_WAIT_SECONDS):
            if vault.key_of(store.root) is not None:
                # Read under the lock: a save in another window may have just added one.
                table[places.TABLE] = places.counters(store.root)
            write_atomic(path, tomlio.dumps(table).encode("utf-8"))
    except Busy:
        return None  # another window is writing it this moment: its copy does as well
    except SaveError as error:
        return error.why
    except (OSError, ValueError) as error:
        return Words(AS_GIVEN, problem=reason_for(error) if isinstance(error, OSError) else error)
    return None


def _checksum(couples: dict[str, Any]) -> str | None:
    """A checksum of the entries; None when they hold what no index of ours holds (a date)."""
    try:
        text = json.dumps(couples, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    except (TypeError, ValueError):
        return None
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _fingerprint(store: Store, couple_id: str) -> tuple[str, list[str]]:
    """The couple's session ids in order, and a fingerprint of its files: the modification
    time (to the nanosecond) and size of each, with its name. This runs for every file of a
    caseload each time Home opens, so it adds numbers rather than hashing text: any change
    of a time, a size or a name changes it, short of changes that cancel out to the
    nanosecond."""
    folder = os.fspath(store.layout.couple_folder(couple_id))
    sessions: list[str] = []
    count = times = sizes = names = 0
    # In an encrypted folder a session file is named ``<id>.toml.age`` on disk.
    ending = vault.disk(Path(folder) / "sessions" / "x.toml").name[1:]
    with contextlib.suppress(OSError), os.scandir(os.path.join(folder, "sessions")) as entries:
        for entry in entries:
            name = entry.name
            stem = name[: -len(ending)]
            if name.endswith(ending) and is_id(stem):
                sessions.append(stem)
                try:
                    info = entry.stat()
                except OSError:
                    continue
                count += 1
                times += info.st_mtime_ns
                sizes += info.st_size
                names += zlib.crc32(name.encode())
    sessions.sort()
    files = [
        _stamp(os.fspath(vault.disk(Path(folder) / name)))
        for name in ("couple.toml", "agreements.toml", "homework.toml")
    ]
    fingerprint = (
        f"{files[0]} {files[1]} {files[2]} {len(sessions)}:{count}:{times}:{sizes}:{names}"
    )
    return fingerprint, sessions


def _stamp(path: str) -> str:
    try:
        info = os.stat(path)
    except OSError:
        return "-"
    return f"{info.st_mtime_ns}:{info.st_size}"


def _fits(entry: dict[str, Any] | None, fingerprint: str) -> bool:
    return entry is not None and entry.get("fingerprint") == fingerprint


def _entry(facts: Facts, fingerprint: str) -> dict[str, Any]:
    """A couple's entry: plain strings, numbers, booleans and lists, so it reads back as
    written and its checksum is the same in any workbook."""
    entry: dict[str, Any] = {
        "fingerprint": fingerprint,
        "names": list(facts.names),
        "archived": facts.archived,
        "sessions": facts.sessions,
        "unfinished": facts.unfinished,
        "agreements_active": facts.agreements_active,
        "reviews": list(facts.reviews),
        # Always there, so that an entry written before the care flag is read again.
        "care": list(facts.care or ()),
        # Always there too, for entries written before the counsellor's week.
        "homework": list(facts.homework),
        "goals_open": facts.goals_open,
    }
    if facts.problems:
        # The problems' words as well as the English ``problem``, for saying them in any language.
        entry["problems"] = couple_problems.tables(facts.problems)
    optional = {
        "facilitator": facts.facilitator,
        "created": facts.created,
        "last_session": facts.last_session,
        "last_session_at": facts.last_session_at,
        "problem": facts.problem,
        "next_session": facts.next_session,
    }
    entry.update({key: value for key, value in optional.items() if value is not None})
    return entry


def _facts(couple_id: str, entry: dict[str, Any] | None) -> Facts | None:
    """The facts in an entry, or None when anything in it is not of its shape."""
    if entry is None:
        return None
    names = entry.get("names")
    reviews = entry.get("reviews")
    care = entry.get("care")
    homework = entry.get("homework")
    strings = (
        "facilitator",
        "created",
        "last_session",
        "last_session_at",
        "problem",
        "next_session",
    )
    if (
        not isinstance(names, list)
        or len(names) != 2
        or not all(isinstance(name, str) and name for name in names)
        or not isinstance(reviews, list)
        or not all(isinstance(day, str) and _is_day(day) for day in reviews)
        or not all(isinstance(entry.get(key, ""), str) for key in strings)
        or not all(isinstance(entry.get(key), bool) for key in ("archived", "unfinished"))
        or not all(_count(entry.get(key)) for key in ("sessions", "agreements_active"))
        or not isinstance(care, list)
        or len(care) not in (0, 2)
        or not all(isinstance(part, str) for part in care)
        or not isinstance(homework, list)
        or not all(isinstance(day, str) and (day == "" or _is_day(day)) for day in homework)
        or not _count(entry.get("goals_open"))
    ):
        return None
    return Facts(
        id=couple_id,
        names=(names[0], names[1]),
        facilitator=entry.get("facilitator"),
        created=entry.get("created"),
        archived=entry["archived"],
        sessions=entry["sessions"],
        last_session=entry.get("last_session"),
        last_session_at=entry.get("last_session_at"),
        unfinished=entry["unfinished"],
        agreements_active=entry["agreements_active"],
        reviews=tuple(sorted(reviews)),
        problem=entry.get("problem"),
        care=(care[0], care[1]) if care else None,
        next_session=entry.get("next_session"),
        homework=tuple(homework),
        goals_open=entry["goals_open"],
        problems=_problems(entry),
    )


def _problems(entry: dict[str, Any]) -> tuple[Words, ...]:
    """The problems' words, when they are ours and say what ``problem`` says in English; else
    none, and ``problem`` is shown as given."""
    found = couple_problems.from_tables(entry.get("problems"))
    if not found or "; ".join(words.message for words in found) != entry.get("problem"):
        return ()
    return found


def _count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _is_day(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10
