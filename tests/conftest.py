"""Hermetic tests: every test gets its own data folder and sees no pack folders of the machine.

The TUI tests fix the theme through the app (tests/tui/conftest.py) and turn cursor blink off.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from workbook.packs.library import Library


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """Half again as many workers as cores for ``-n auto``: every pilot pause sleeps at
    least 20 ms waiting for the app to go idle, so two workers on two cores leave a third of the
    time unused (measured: 181 s with two workers, 158 s with three)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max((cores or 1) * 3 // 2, 1)


# Tests that drive the app (Pilot, a pseudo-terminal, tmux or a browser): all of tests/tui/, the
# browsers' tests, and the real app sent a huge frame. Every other test is a unit test.
# ``pytest -m unit`` runs those alone.
DRIVE_THE_APP = (
    "tests/tui/",
    "tests/test_serve_browser.py",
    "tests/test_serve_apart_browser.py",
    "tests/test_serve_phone.py",
    "tests/test_serve_big_frame.py",
)


ROOT = Path(__file__).parent.parent


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """``pytest -m unit`` does not even import the tests that drive the app (Textual and every
    screen): a second or two of each worker's start."""
    if config.getoption("markexpr") != "unit" or not collection_path.is_relative_to(ROOT):
        return None
    where = collection_path.relative_to(ROOT).as_posix()
    if collection_path.is_dir():
        where += "/"
    return True if where.startswith(DRIVE_THE_APP) else None


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        where = item.path.relative_to(ROOT).as_posix()
        marker = pytest.mark.pilot if where.startswith(DRIVE_THE_APP) else pytest.mark.unit
        item.add_marker(marker)


def pytest_collection_finish(session: pytest.Session) -> None:
    """The collector, made cheaper for a test run: a sixth to a quarter of a Pilot test's CPU
    was its full passes over every object alive (measured). What is alive once the tests are
    imported (Textual, the workbook, Hypothesis) lives until the run ends, so it is set aside
    from those passes (``gc.freeze``); and the young objects are looked at after 7,000
    allocations rather than 700. What is collected, and when a test asks for it, is unchanged."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(7000, 10, 10)


@pytest.fixture(autouse=True)
def _hermetic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("WORKBOOK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("WORKBOOK_EXERCISES", raising=False)
    # The app's language is English whatever the machine's locale (a test that wants another
    # says so: settings.toml, --lang, or its own environment).
    monkeypatch.setenv("WORKBOOK_LANG", "en")
    yield
    # A data key held for one test's folder never outlives the test.
    from workbook.data import vault

    vault.forget_all()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture(scope="session")
def _builtin_library() -> Library:
    from tests.packs_helpers import builtin_library

    return builtin_library()


@pytest.fixture
def one_library(monkeypatch: pytest.MonkeyPatch, _builtin_library: Library) -> Library:
    """The built-in packs loaded once for the whole run: every command that loads the library
    with no folder of packs is given this one. For the tests that run many commands whose
    library is not what they test (loading it is most of a command's time)."""
    from workbook.packs import library

    real = library.load_library

    def load_library(
        folders: Sequence[Path] = (), environ: Any = None, *, builtin: bool = True
    ) -> Library:
        if not folders and builtin and environ is None:
            return _builtin_library
        return real(folders, environ, builtin=builtin)

    monkeypatch.setattr(library, "load_library", load_library)
    return _builtin_library
