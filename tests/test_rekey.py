"""``workbook rekey``: a new data key, every file sealed again under it, and a new recovery code;
killed at 20 points along the way, the folder opens and the rekey finishes in the same direction,
whether the app opens it or the command is run again."""

from __future__ import annotations

import re
import shutil
import signal
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.crypt_helpers import PASSPHRASE, quick_wrap
from tests.test_crypt import SECRETS, assert_nothing_in_the_clear, play, run, secret_file
from tests.test_crypt_kill import REPO, fill
from workbook.data import crypt_folder, key_files, places, vault
from workbook.data.crypt_run import sealed_files
from workbook.data.store import Store

POINTS = 20
CODE = re.compile(r"^    ([A-Z2-7]{5}(?:-[A-Z2-7]{5}){7})$", re.M)

# Killed just before its ``at``-th change on disk (a rename into place or a removal): every
# durable step of a rekey is one of those. With ``at`` 0 it runs through and says how many.
CHILD = r"""
import os, signal, sys
sys.path.insert(0, sys.argv[4])
from tests.quick_wrap import use_quick_wrap
use_quick_wrap()
root, secret, at = sys.argv[1], sys.argv[2], int(sys.argv[3])
done = [0]
def counted(run):
    def step(*args, **kwargs):
        done[0] += 1
        if done[0] == at:
            os.kill(os.getpid(), signal.SIGKILL)
        return run(*args, **kwargs)
    return step
for name in ("replace", "rename", "unlink"):
    setattr(os, name, counted(getattr(os, name)))
from workbook.cli import main
code = main(["--data-dir", root, "rekey", "--passphrase-file", secret])
print(f"steps {done[0]}", flush=True)
sys.exit(code)
"""


@pytest.fixture(autouse=True)
def _quick(monkeypatch: pytest.MonkeyPatch) -> None:
    quick_wrap(monkeypatch)


def contents(root: Path, key: vault.Key) -> dict[str, tuple[str, bytes]]:
    """Each sealed data file: its header's place, and its bytes, opened with ``key``."""
    found = {}
    for path in sealed_files(root):
        fields, body = places.split(key.unseal(path.read_bytes()))
        assert fields is not None, path
        assert fields["key"] == key.id, path
        found[str(path.relative_to(root))] = (str(fields["place"]), body)
    return found


def opens_any(root: Path, key: vault.Key) -> bool:
    for path in sealed_files(root):
        try:
            key.unseal(path.read_bytes())
            return True
        except ValueError:
            continue
    return False


def test_rekey_seals_everything_under_a_new_key_with_a_new_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "data"
    play(Store(root))
    codes: list[str] = []
    crypt_folder.encrypt(root, PASSPHRASE, codes.append)
    old = key_files.unwrap(root, PASSPHRASE)
    before = {name: body for name, (_, body) in contents(root, old).items()}
    good = secret_file(tmp_path, "pass", PASSPHRASE)
    said, out, err = run(capsys, "--data-dir", str(root), "rekey", "--passphrase-file", good)
    assert said == 0, err
    (code,) = CODE.findall(out)
    new = key_files.unwrap(root, PASSPHRASE)
    assert new.id != old.id
    assert {name: body for name, (_, body) in contents(root, new).items()} == before
    # The old key (an old key.age and the passphrase, or the old code) opens nothing now.
    assert not opens_any(root, old)
    with pytest.raises(vault.WrongSecret):
        key_files.unwrap(root, vault.normal_code(codes[0]), vault.RECOVERY_FILE)
    assert key_files.unwrap(root, code, vault.RECOVERY_FILE).id == new.id
    assert crypt_folder.state(root) == crypt_folder.ENCRYPTED
    assert not (root / vault.NEXT_KEY_FILE).exists()
    said, out, err = run(capsys, "--data-dir", str(root), "couples", "--passphrase-file", good)
    assert (said, SECRETS[0] in out) == (0, True), err
    assert_nothing_in_the_clear(root, SECRETS)


def run_child(root: Path, secret: Path, at: int) -> str:
    child = subprocess.run(
        [sys.executable, "-c", CHILD, str(root), str(secret), str(at), str(REPO)],
        capture_output=True,
        cwd=REPO,
        timeout=120,
    )
    if at == 0:
        assert child.returncode == 0, child.stderr.decode()
    else:
        assert child.returncode == -signal.SIGKILL, child.stderr.decode()
    return child.stdout.decode()


def test_rekey_killed_at_20_points_finishes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    template = tmp_path / "template"
    fill(template, couples=3, sessions=2)
    crypt_folder.encrypt(template, PASSPHRASE, lambda code: None)
    old = key_files.unwrap(template, PASSPHRASE)
    expected = contents(template, old)
    secret = tmp_path / "passphrase"
    secret.write_text(PASSPHRASE + "\n")
    measure = tmp_path / "measure"
    shutil.copytree(template, measure)
    (steps,) = re.findall(r"^steps (\d+)$", run_child(measure, secret, 0), re.M)
    # 20 points spread over every step, the first and the last among them.
    last = int(steps)
    assert last >= POINTS, last
    points = sorted({1 + round(n * (last - 1) / (POINTS - 1)) for n in range(POINTS)})
    assert len(points) == POINTS
    folders = []
    for at in points:
        folder = tmp_path / f"at-{at}"
        shutil.copytree(template, folder)
        folders.append(folder)
    with ThreadPoolExecutor(max_workers=4) as pool:
        shown = list(
            pool.map(lambda f, at: CODE.findall(run_child(f, secret, at)), folders, points)
        )
    started = 0
    for number, (folder, codes) in enumerate(zip(folders, shown, strict=True)):
        begun = crypt_folder.state(folder) == crypt_folder.REKEYING
        started += begun
        # Half are finished by the app's way in (the passphrase), half by the command again.
        if number % 2:
            crypt_folder.open_folder(folder, PASSPHRASE, codes.append)
            vault.forget_all()
        else:
            said, out, err = run(
                capsys, "--data-dir", str(folder), "rekey", "--passphrase-file", str(secret)
            )
            assert said == 0, err
            codes += CODE.findall(out)
            begun = True
        assert crypt_folder.state(folder) == crypt_folder.ENCRYPTED, folder
        assert not (folder / vault.NEXT_KEY_FILE).exists()
        key = key_files.unwrap(folder, PASSPHRASE)
        assert (key.id != old.id) == begun, folder
        # Every file whole, under the one key, with its place and bytes as before.
        assert contents(folder, key) == {
            name: (place, body) for name, (place, body) in expected.items()
        }, folder
        if begun:
            assert not opens_any(folder, old), folder
            assert key_files.unwrap(folder, codes[-1], vault.RECOVERY_FILE).id == key.id
    # Most points fall inside the rekey, or the test shows nothing.
    assert started >= POINTS - 3, started
