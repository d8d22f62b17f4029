"""Hermetic tests: every test gets its own data folder and sees no pack folders of the machine.

The TUI tests fix the theme through the app (tests/tui/conftest.py) and turn cursor blink off.
"""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _hermetic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBOOK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("WORKBOOK_EXERCISES", raising=False)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"
