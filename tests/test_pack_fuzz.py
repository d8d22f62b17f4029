"""A mutation fuzzer over the built-in packs, and poison files: the loader never raises or hangs.

Each case mutates a built-in pack, either as data (a key removed, renamed or given a value of
another type) or as text (spans cut, lines repeated, brackets and quotes dropped in), and loads
it. ``_parse`` is the loader (after it has read the file's bytes) without its last-resort guard,
so a mistake in a rule shows here as an exception instead of hiding behind "could not be
checked". The suite runs 1,200 cases (the same every run); set ``WORKBOOK_FUZZ_CASES`` for a
longer run.

"Never take a second" is a guard against a hang, counted in the CPU time of the loading thread,
so that a loaded machine never fails it.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.mutations import mutate_data, mutate_text
from workbook import tomlio
from workbook.packs import load
from workbook.packs.library import builtin_folder, load_library

BUILTIN = sorted(builtin_folder().glob("*.toml"))
CASES = int(os.environ.get("WORKBOOK_FUZZ_CASES", "1200"))
CHUNKS = 8


def _case(seed: int) -> str | None:
    rng = random.Random(seed)
    source = rng.choice(BUILTIN).read_text(encoding="utf-8")
    if rng.random() < 0.6:
        try:
            return tomlio.dumps(mutate_data(tomlio.loads(source), rng))
        except ValueError:
            return None
    return mutate_text(source, rng)


@pytest.mark.parametrize("chunk", range(CHUNKS))
def test_mutated_builtin_packs_never_raise_and_never_take_a_second(chunk: int) -> None:
    file = Path("mutated.toml")  # named in problems, never written
    loaded_ok = broken = 0
    for seed in range(chunk, CASES, CHUNKS):
        text = _case(seed)
        if text is None:
            continue
        started = time.thread_time()
        try:
            loaded = load._parse(text.encode("utf-8"), file, False)
        except Exception as error:  # pragma: no cover - the failure being looked for
            raise AssertionError(f"seed {seed}: {type(error).__name__}: {error}") from error
        # A hang guard, not a benchmark: a load takes milliseconds.
        assert time.thread_time() - started < 1.0, f"seed {seed} took too long"
        if loaded.ok:
            loaded_ok += 1
        else:
            broken += 1
            assert loaded.problems, f"seed {seed}: broken without a problem"
    # Both kinds of outcome happen, or the mutations test nothing.
    assert broken > CASES // CHUNKS // 2
    assert loaded_ok > 0


def _nested_array(depth: int) -> str:
    return "[" * depth + "1" + "]" * depth


POISON_TEXT = {
    "deep-array.toml": f"format = 1\nid = {_nested_array(600)}\n",
    "deep-inline.toml": "format = 1\nid = " + "{a = " * 600 + "1" + "}" * 600 + "\n",
    "long-key.toml": "format = 1\n" + ".".join(["k"] * 1500) + " = 1\n",
    "deep-header.toml": "format = 1\n[" + ".".join(["t"] * 1500) + "]\n",
    "value-350.toml": f'format = 1\nid = "x"\ntitle = {_nested_array(350)}\n',
    "kind-list.toml": (
        'format = 1\nid = "k"\ntitle = "K"\nsummary = "S"\n\n[[steps]]\nid = "a"\n'
        'kind = ["text"]\nprompt = "P"\n'
    ),
    "not-utf8.toml": "format = 1\ntitle = \udcff\n",
    "too-large.toml": "# " + "x" * load.MAX_BYTES + "\n",
}


def _poison_folder(folder: Path) -> list[str]:
    """Write every poison file into ``folder``; return the names of the special files."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in POISON_TEXT.items():
        (folder / name).write_bytes(text.encode("utf-8", "surrogateescape"))
    os.mkfifo(folder / "fifo.toml")
    (folder / "zero.toml").symlink_to("/dev/zero")
    (folder / "loop.toml").symlink_to(folder / "loop.toml")
    (folder / "folder.toml").mkdir()
    (folder / "gone.toml").symlink_to(folder / "nowhere")
    return ["fifo.toml", "zero.toml", "loop.toml", "folder.toml", "gone.toml"]


def test_poison_files_each_give_a_located_problem(tmp_path: Path) -> None:
    _poison_folder(tmp_path)
    for file in sorted(tmp_path.iterdir()):
        started = time.thread_time()
        loaded = load._load(file, False)
        assert time.thread_time() - started < 1.0, file.name
        assert not loaded.ok, file.name
        assert len(loaded.problems) >= 1, file.name
        shown = str(loaded.problems[0])
        assert shown.startswith(f"{file}:"), shown


def test_a_pipe_and_a_device_are_refused_without_being_read(tmp_path: Path) -> None:
    _poison_folder(tmp_path)
    fifo = load.load_pack(tmp_path / "fifo.toml")
    zero = load.load_pack(tmp_path / "zero.toml")
    assert "not a regular file" in fifo.problems[0].message
    assert "not a regular file" in zero.problems[0].message
    assert "larger than 1 MB" in load.load_pack(tmp_path / "too-large.toml").problems[0].message
    assert "nested" in load.load_pack(tmp_path / "long-key.toml").problems[0].message


def test_the_library_loads_every_good_pack_beside_poison(tmp_path: Path) -> None:
    specials = _poison_folder(tmp_path / "packs")
    library = load_library([tmp_path / "packs"], environ={})
    assert {p.name.split(".")[0] for p in BUILTIN} <= set(library.packs)
    broken = {loaded.file.name for loaded in library.broken}
    # A folder named like a pack is not a pack file; every other poison file is reported.
    assert broken == set(POISON_TEXT) | (set(specials) - {"folder.toml"})


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "workbook", *args],
        capture_output=True,
        text=True,
        timeout=30,
        cwd=cwd,
        env={**os.environ, "WORKBOOK_DATA_DIR": str(cwd / "data")},
    )


def test_validate_and_list_go_on_past_poison_packs(tmp_path: Path) -> None:
    folder = tmp_path / "packs"
    _poison_folder(folder)
    good = folder / "good.toml"
    good.write_bytes((builtin_folder() / "respect.toml").read_bytes().replace(b"respect", b"mine"))
    checked = _cli("validate", str(folder), cwd=tmp_path)
    assert checked.returncode == 1, checked.stderr
    assert "Traceback" not in checked.stdout + checked.stderr
    for name in [*POISON_TEXT, "fifo.toml", "zero.toml", "loop.toml"]:
        assert f"{folder / name}:" in checked.stdout, name
    assert str(good) not in checked.stdout
    listed = _cli("--exercises", str(folder), "list", "--json", cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    assert '"id": "mine"' in listed.stdout
    assert '"id": "respect"' in listed.stdout
    assert "Traceback" not in listed.stderr
