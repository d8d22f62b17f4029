"""Kill -9 during ``workbook encrypt``, during ``workbook decrypt`` and during an encrypted save.

Each round copies a folder, runs the command (or a loop of saves) in a child process, and kills it
at a random moment within the time a whole run takes (measured first, in the same test), or, for
every third round of encrypt and decrypt, as it is about to convert a folder (the child waits for
the test's word there, so that those rounds land mid-run on a loaded machine too). The
folder must then open with the passphrase (which finishes an interrupted run in the direction it
went) and hold everything it held: decrypted, every file is the one we started from, byte for
byte. Rounds run a few at a time, ten in the suite (every run kills at new moments);
WORKBOOK_KILL_ROUNDS asks for more.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from tests.crypt_helpers import PASSPHRASE, every_file, quick_wrap
from workbook.data import crypt_folder, vault
from workbook.data.store import Store

ROUNDS = max(int(os.environ.get("WORKBOOK_KILL_ROUNDS", "10")), 10)
AT_ONCE = 6
REPO = Path(__file__).resolve().parent.parent
WHEN = datetime(2026, 11, 22, 19, 5, tzinfo=timezone(timedelta(hours=1)))
FILLER = "y" * 400

CHILD = r"""
import sys
sys.path.insert(0, sys.argv[4])
from pathlib import Path
from tests.quick_wrap import use_quick_wrap
from workbook.cli import main
from workbook.data import crypt_folder
from workbook.data.store import Store

use_quick_wrap()
mode, root, secret_file = sys.argv[1:4]
if mode in ("encrypt", "decrypt"):
    # "converting" marks where the files begin to change: half the rounds are killed after it.
    for name in ("_finish_encrypt", "_finish_decrypt"):
        def marked(*args, _run=getattr(crypt_folder, name)):
            print("converting", flush=True)
            return _run(*args)
        setattr(crypt_folder, name, marked)
    if sys.argv[5] == "stepped":
        # Before each folder is converted, "step", and wait for the test's word to go on: a
        # kill there lands in the middle of the run, however loaded the machine.
        def stepped(*args, _run=crypt_folder._convert, **kwargs):
            print("step", flush=True)
            sys.stdin.readline()
            return _run(*args, **kwargs)
        crypt_folder._convert = stepped
    print("go", flush=True)
    sys.exit(main(["--data-dir", root, mode, "--passphrase-file", secret_file]))
secret = Path(secret_file).read_text().strip()
crypt_folder.open_folder(Path(root), secret, lambda code: None)
store = Store(Path(root))
(couple_id,) = store.couple_ids()
session = store.load_session(couple_id, store.session_ids(couple_id)[0])
print("go", flush=True)
number = 0
while True:
    number += 1
    session.set_answer("respect", "meaning", {"a": f"answer {number} " + "y" * 400, "b": "b"})
    store.save_session(couple_id, session)
    if number == 1:
        # Half the rounds are killed after a first save (each also keeps its counter in the
        # index), so that a loaded machine still shows saves being killed; half from the start.
        print("converting", flush=True)
"""


@pytest.fixture(autouse=True)
def _quick(monkeypatch: pytest.MonkeyPatch) -> None:
    quick_wrap(monkeypatch)


def fill(root: Path, couples: int, sessions: int) -> None:
    store = Store(root)
    store.prepare()
    for c in range(couples):
        couple = store.create_couple(f"Partner{c}", f"Other{c}", "Dr. Lee", when=WHEN)
        for s in range(sessions):
            session = store.new_session(couple.id, ["respect"], when=WHEN + timedelta(days=s))
            session.set_answer("respect", "meaning", {"a": f"answer {s} {FILLER}", "b": "b"})
            store.save_session(couple.id, session, stamp=False)
            store.notes(couple.id, session.id).add_note("a note", "respect", "meaning", WHEN)
    store.save_settings({"theme": "textual-light"})
    store.close()


def data_files(root: Path) -> dict[str, bytes]:
    skip = (".lock", vault.JOURNAL)
    # A temp file that a kill left half-written is never read as data, and is swept once stale.
    return {
        k: v
        for k, v in every_file(root).items()
        if not k.endswith(skip) and not (Path(k).name.startswith(".wb-") and k.endswith(".tmp"))
    }


def said_step(out: Any) -> None:
    """Read the child's lines up to its next "step" (``encrypt`` prints the recovery code)."""
    while (line := out.readline()) != b"":
        if line.strip() == b"step":
            return
    raise AssertionError("the child ended before the step it was to be killed at")


def run_child(mode: str, root: Path, secret: Path, kill: tuple[bytes, float] | None) -> float:
    """Run the child; kill it ``kill[1]`` seconds after it says ``kill[0]``, or (``kill[0]`` is
    ``step``) as it is about to convert its ``kill[1]``-th folder. Returns how long it ran after
    it began converting."""
    stepped = kill is not None and kill[0] == b"step"
    how = "stepped" if stepped else "free"
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, mode, str(root), str(secret), str(REPO), how],
        stdin=subprocess.PIPE if stepped else subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        cwd=REPO,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == b"go"
    if kill is not None and stepped:
        assert child.stdin is not None
        assert child.stdout.readline().strip() == b"converting"
        for _ in range(int(kill[1])):
            said_step(child.stdout)
            child.stdin.write(b"on\n")
            child.stdin.flush()
        # Waiting for its word before the next folder: killed there.
        said_step(child.stdout)
    elif kill is not None and kill[0] == b"go":
        time.sleep(kill[1])
    else:
        assert child.stdout.readline().strip() == b"converting"
        started = time.monotonic()
        if kill is None:
            child.wait(timeout=120)
            child.stdout.close()
            return time.monotonic() - started
        time.sleep(kill[1])
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    child.stdout.close()
    return 0.0


def rounds(mode: str, template: Path, tmp_path: Path, secret: Path, longest: float) -> list[Path]:
    rng = random.Random(f"{mode}-{os.getpid()}-{time.time()}")
    folders = []
    for number in range(ROUNDS):
        folder = tmp_path / f"{mode}-{number}"
        shutil.copytree(template, folder)
        folders.append(folder)
    # Half are killed at any moment from the start, half once the files begin to change.
    # Within the first part of the measured run: on a loaded machine one run may take longer
    # than the next, and a kill after the end shows nothing.
    kills = [
        (b"go" if n % 2 else b"converting", rng.uniform(0, longest * 0.6)) for n in range(ROUNDS)
    ]
    if mode in ("encrypt", "decrypt"):
        # Every third round is killed as it is about to convert its first, second or third
        # folder: those land in the middle whatever the machine's load (the timed ones may not).
        for n in range(0, ROUNDS, 3):
            kills[n] = (b"step", float(rng.randrange(3)))
    with ThreadPoolExecutor(max_workers=AT_ONCE) as pool:
        list(pool.map(lambda f, k: run_child(mode, f, secret, k), folders, kills))
    return folders


def opens(root: Path) -> None:
    """The folder opens: with the passphrase if it has a key (finishing any run), and reads."""
    if vault.is_encrypted(root) or crypt_folder.state(root) != crypt_folder.PLAIN:
        crypt_folder.open_folder(root, PASSPHRASE, lambda code: None)
    store = Store(root)
    for couple_id in store.couple_ids():
        store.load_couple(couple_id)
        for session_id in store.session_ids(couple_id):
            store.load_session(couple_id, session_id)
    vault.forget(root)


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "passphrase"
    path.write_text(PASSPHRASE + "\n")
    return path


@pytest.mark.parametrize("mode", ["encrypt", "decrypt"])
def test_kill_during_encrypt_or_decrypt(tmp_path: Path, secret: Path, mode: str) -> None:
    plain = tmp_path / "plain"
    fill(plain, couples=2, sessions=3)
    expected = data_files(plain)
    template = plain
    if mode == "decrypt":
        template = tmp_path / "sealed"
        shutil.copytree(plain, template)
        crypt_folder.encrypt(template, PASSPHRASE, lambda code: None)
    measure = tmp_path / "measure"
    shutil.copytree(template, measure)
    longest = run_child(mode, measure, secret, None)
    interrupted = 0
    for folder in rounds(mode, template, tmp_path, secret, longest):
        state = crypt_folder.state(folder)
        interrupted += state in (crypt_folder.ENCRYPTING, crypt_folder.DECRYPTING)
        opens(folder)
        if mode == "encrypt" and state != crypt_folder.PLAIN:
            assert crypt_folder.state(folder) == crypt_folder.ENCRYPTED
            crypt_folder.decrypt(folder, PASSPHRASE)
        if mode == "decrypt" and state == crypt_folder.ENCRYPTED:
            crypt_folder.decrypt(folder, PASSPHRASE)
        assert crypt_folder.state(folder) == crypt_folder.PLAIN
        assert data_files(folder) == expected, folder
    # Most rounds must land in the middle, or the test shows nothing.
    assert interrupted >= ROUNDS // 5, interrupted


def test_kill_during_encrypted_saves(tmp_path: Path, secret: Path) -> None:
    template = tmp_path / "sealed"
    fill(template, couples=1, sessions=1)
    crypt_folder.encrypt(template, PASSPHRASE, lambda code: None)
    saved = 0
    for folder in rounds("save", template, tmp_path, secret, 0.6):
        crypt_folder.open_folder(folder, PASSPHRASE, lambda code: None)
        store = Store(folder)
        (couple_id,) = store.couple_ids()
        (session_id,) = store.session_ids(couple_id)
        answer = store.load_session(couple_id, session_id).answers["respect"]["meaning"]
        text = answer.a if hasattr(answer, "a") else answer["a"]
        assert text.endswith(FILLER)
        saved += not text.startswith("answer 0 ")
        for name, raw in every_file(folder).items():
            assert FILLER.encode() not in raw, name
        vault.forget(folder)
    assert saved >= ROUNDS // 4, saved
