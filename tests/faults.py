"""A fault corpus: every kind of data file, with every fault a disk or a hand edit can leave.

``build`` makes a data folder with two couples: the victim (whose files get the faults) and a
bystander, who must never notice. ``CASES`` pairs each kind of file with each fault that applies
to it; ``snapshot`` records every entry of a folder (its type, bytes or link target), so a test can
say exactly what changed.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from workbook.data.models import Agreements, FacilitatorNotes, Position
from workbook.data.store import Store
from workbook.logic.agreements import add_agreement

VICTIM, BYSTANDER = "sam-and-alex", "jo-and-kim"
FINISHED, UNFINISHED = "2026-11-20-1905", "2026-11-22-1905"
WHEN = datetime(2026, 11, 22, 19, 5, tzinfo=timezone(timedelta(hours=1)))
BYSTANDER_WORDS = "Cook on Mondays, Jo's way"


def build(data: Path) -> None:
    """Two couples, each with a finished and an unfinished session, agreements, and locks."""
    store = Store(data)
    store.prepare()
    for a, b in (("Sam", "Alex"), ("Jo", "Kim")):
        couple = store.create_couple(a, b, "Dr. Lee", when=WHEN)
        couple.care_note_seen = True
        store.save_couple(couple)
        done = store.new_session(couple.id, ["respect"], when=WHEN - timedelta(days=2))
        done.set_answer("respect", "meaning", {"a": f"{a}'s words", "b": f"{b}'s words"})
        done.facilitator = FacilitatorNotes(notes="private")
        done.finished = WHEN - timedelta(days=2, hours=-1)
        store.save_session(couple.id, done)
        open_one = store.new_session(couple.id, ["respect"], when=WHEN)
        open_one.set_answer("respect", "meaning", {"a": f"{a} again"})
        open_one.position = Position(pack="respect", step="meaning", phase="first")
        store.save_session(couple.id, open_one)

        _agree(store, couple.id, f"Cook on Mondays, {a}'s way", done.id)
    store.save_settings({"theme": "textual-dark"})
    store.close()


def _agree(store: Store, couple_id: str, words: str, session_id: str) -> None:
    def change(agreements: Agreements) -> Agreements:
        add_agreement(
            agreements,
            text=words,
            made=date(2026, 10, 1),
            session=session_id,
            source="respect.agree",
            review_days=28,
            confirmed_by=["a", "b"],
        )
        return agreements

    store.update_agreements(couple_id, change, lambda _: "# Our agreements\n")


def couple_folder(data: Path, couple: str = VICTIM) -> Path:
    return data / "couples" / couple


def targets(data: Path, kind: str) -> list[Path]:
    """The victim's files of ``kind``."""
    folder = couple_folder(data)
    return {
        "couple": [folder / "couple.toml"],
        "session": [folder / "sessions" / f"{UNFINISHED}.toml"],
        "agreements": [folder / "agreements.toml"],
        "settings": [data / "settings.toml"],
        "lock": [folder / "sessions" / f"{UNFINISHED}.toml.lock", folder / "couple.lock"],
    }[kind]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _replace(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


Apply = Callable[[Path, Path, str], None]


def truncated(path: Path, outside: Path, kind: str) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def garbage(path: Path, outside: Path, kind: str) -> None:
    path.write_bytes(b"\x00\xff\xfe garbage = [[[ \n\x1b[31m{{{\n")


def deep(path: Path, outside: Path, kind: str) -> None:
    with path.open("a", encoding="utf-8") as file:
        file.write("\ndeep = " + "[" * 600 + "]" * 600 + "\n")


def nested(path: Path, outside: Path, kind: str) -> None:
    with path.open("a", encoding="utf-8") as file:
        file.write("\nnested = " + "[" * 100 + "]" * 100 + "\n")


def fifo(path: Path, outside: Path, kind: str) -> None:
    path.unlink()
    os.mkfifo(path)


def directory(path: Path, outside: Path, kind: str) -> None:
    path.unlink()
    path.mkdir()


def link_out(path: Path, outside: Path, kind: str) -> None:
    moved = outside / f"{kind}-{path.name}"
    shutil.move(path, moved)
    path.symlink_to(moved)


def link_loop(path: Path, outside: Path, kind: str) -> None:
    path.unlink()
    path.symlink_to(path)


def newer(path: Path, outside: Path, kind: str) -> None:
    if kind == "settings":
        _replace(path, 'format = 99\ntheme = "from-the-future"\n[future]\nkept = true\n')
    else:
        _edit(path, "format = 1", "format = 99")


def id_mismatch(path: Path, outside: Path, kind: str) -> None:
    if kind == "couple":
        _edit(path, f'id = "{VICTIM}"', f'id = "{BYSTANDER}"')
    else:
        _edit(path, f'id = "{UNFINISHED}"', f'id = "{FINISHED}"')


def dates(path: Path, outside: Path, kind: str) -> None:
    if kind == "couple":
        _edit(path, "created = 2026-11-22 19:05:00+01:00", "created = 0001-01-01T00:00:00")
    elif kind == "session":
        _edit(path, "started = 2026-11-22 19:05:00+01:00", "started = 9999-12-31T23:59:59Z")
    else:
        _edit(path, "review_on = 2026-10-29", "review_on = 9999-12-31")


WRONG_TYPES: dict[str, list[str]] = {
    "couple": [
        'format = 1\nid = "sam-and-alex"\ncreated = "yesterday"\npartners = 5\n',
        'format = 1\nid = "sam-and-alex"\ncreated = 2026-11-22T19:05:00+01:00\n'
        'facilitator = []\ncare_note_seen = "yes"\n'
        'partners = [{ key = "a", name = 5 }, { key = "b", name = "Alex" }]\n',
    ],
    "session": [
        "agenda = []",
        "agenda = 5",
        "answers = 5",
        "answers = { respect = 5 }",
        "answers = { respect = { meaning = [1, 2] } }",
        'position = "meaning"',
        'facilitator = { notes = ["x"] }',
    ],
    "agreements": [
        "format = 1\nagreements = 5\n",
        'format = 1\n[[agreements]]\nid = "x"\ntext = "t"\nmade = 2026-01-01\n'
        "review_on = 2026-01-02T10:00:00\nconfirmed_by = 5\n",
        'format = 1\nagreements = [5, "x", { text = 7 }]\n',
    ],
    "settings": ["theme = 5\n", 'theme = "no-such-theme"\n', "theme = { a = 1 }\n"],
}


def _wrong(number: int) -> Apply:
    def apply(path: Path, outside: Path, kind: str) -> None:
        text = WRONG_TYPES[kind][number]
        if kind == "session":
            _session_key(path, text)
        else:
            _replace(path, text)

    return apply


def _session_key(path: Path, line: str) -> None:
    """Put ``line`` (one top-level key) into a session file in place of that key."""
    key = line.split("=", 1)[0].strip()
    lines = path.read_text(encoding="utf-8").split("\n")
    out, skipping = [], False
    for row in lines:
        is_table = row.startswith("[")
        if is_table:
            header = row.strip("[]").split(".")[0]
            skipping = header == key
        elif not skipping and row.split("=", 1)[0].strip() == key:
            continue
        if not skipping:
            out.append(row)
    first_table = next(i for i, row in enumerate(out) if row.startswith("["))
    out.insert(first_table, line)
    path.write_text("\n".join(out), encoding="utf-8")


@dataclass(frozen=True)
class Case:
    kind: str
    fault: str
    apply: Apply

    @property
    def id(self) -> str:
        return f"{self.kind}-{self.fault}"


COMMON: list[tuple[str, Apply]] = [
    ("truncated", truncated),
    ("garbage", garbage),
    ("deep", deep),
    ("nested", nested),
    ("fifo", fifo),
    ("directory", directory),
    ("link-out", link_out),
    ("link-loop", link_loop),
]
ONLY: dict[str, list[str]] = {
    "newer": ["couple", "session", "agreements", "settings"],
    "id-mismatch": ["couple", "session"],
    "dates": ["couple", "session", "agreements"],
}
SPECIAL: dict[str, Apply] = {"newer": newer, "id-mismatch": id_mismatch, "dates": dates}
LOCK_FAULTS = {"garbage", "fifo", "directory", "link-out", "link-loop"}
KINDS = ["couple", "session", "agreements", "settings", "lock"]


def _cases() -> list[Case]:
    cases = []
    for kind in KINDS:
        for name, apply in COMMON:
            if kind != "lock" or name in LOCK_FAULTS:
                cases.append(Case(kind, name, apply))
        for name, kinds in ONLY.items():
            if kind in kinds:
                cases.append(Case(kind, name, SPECIAL[name]))
        for number in range(len(WRONG_TYPES.get(kind, []))):
            cases.append(Case(kind, f"wrong-types-{number + 1}", _wrong(number)))
    return cases


CASES = _cases()


def apply(case: Case, data: Path, outside: Path) -> list[Path]:
    """Put ``case``'s fault into the victim's files; returns the faulted paths."""
    outside.mkdir(parents=True, exist_ok=True)
    paths = targets(data, case.kind)
    for path in paths:
        if case.kind == "lock" and not path.exists():
            path.write_bytes(b"")
        case.apply(path, outside, case.kind)
    return paths


Entry = tuple[str, bytes | str | None]


def snapshot(root: Path) -> dict[Path, Entry]:
    """Every entry under ``root``, links not followed: its type and its bytes or target."""
    found: dict[Path, Entry] = {}
    for folder, dirs, files in os.walk(root, followlinks=False):
        for name in dirs + files:
            path = Path(folder) / name
            if path.is_symlink():
                found[path] = ("link", os.readlink(path))
            elif path.is_dir():
                found[path] = ("folder", None)
            elif path.is_file():
                found[path] = ("file", path.read_bytes())
            else:
                found[path] = ("other", None)
    return found


def changed(before: dict[Path, Entry], after: dict[Path, Entry]) -> set[Path]:
    """The paths added, removed or changed between two snapshots."""
    return {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}


# Sessions that open in spite of an odd value (read as no answer), so resuming them may save
# them: the odd value must still be in the file, untouched. Key path and value, by case id.
KEPT_WHEN_RESUMED: dict[str, tuple[tuple[str, ...], object]] = {
    "session-wrong-types-4": (("answers", "respect"), 5),
    "session-wrong-types-5": (("answers", "respect", "meaning"), [1, 2]),
}


def kept(data: Path, case: Case) -> bool:
    """For a session resumed in spite of an odd value: is that value still in the file?"""
    from workbook import tomlio

    keys, value = KEPT_WHEN_RESUMED[case.id]
    node: object = tomlio.loads(targets(data, case.kind)[0].read_text(encoding="utf-8"))
    for key in keys:
        node = node.get(key) if isinstance(node, dict) else None
    return node == value


def allowed_changes(data: Path, case: Case, acted: bool) -> Callable[[Path], bool]:
    """Which changed paths an action the user took may explain: exports, the agreement
    document and agreements (the review), the resumed session, and lock files. Never the
    faulted file (but for a session that opens in spite of an odd value, which ``kept``
    checks), and nothing of the bystander's or the settings."""
    victim = couple_folder(data)
    faulted = set(targets(data, case.kind))
    if case.id in KEPT_WHEN_RESUMED:
        faulted = set()

    def ok(path: Path) -> bool:
        if path in faulted or any(part in faulted for part in path.parents):
            return False
        if path.parent == data and path.name in ("index.toml", "index.toml.lock"):
            return True  # Home's cache: it holds nothing that is not in the couples' files
        if not acted or not path.is_relative_to(victim):
            return False
        if path.name.endswith(".lock") or path.is_relative_to(victim / "exports"):
            return True
        return path in {
            victim / "agreement.md",
            victim / "agreements.toml",
            victim / "sessions" / f"{UNFINISHED}.toml",
        }

    return ok
