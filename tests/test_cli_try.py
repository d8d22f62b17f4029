"""``workbook try PACK``: a throwaway data folder, removed at exit whatever happens."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from tests.packs_helpers import write_pack
from workbook.cli import main
from workbook.tui import trying


@pytest.fixture
def runs(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Each TryApp run, by its data folder; the run checks the folder is there and in use."""
    seen: list[Path] = []

    def run(app: trying.TryApp) -> None:
        seen.append(app.store.root)
        assert app.file.name == "mine.toml"
        (app.store.root / "couples").mkdir(parents=True)
        (app.store.root / "couples" / "answers.toml").write_text("kept only for now")

    monkeypatch.setattr(trying.TryApp, "run", run)
    return seen


def test_try_walks_in_a_folder_that_is_removed_at_exit(
    tmp_path: Path, runs: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    file = write_pack(tmp_path, "mine")
    assert main(["try", str(file)]) == 0
    (folder,) = runs
    assert folder.parent == tmp_path / "tmp"
    assert not folder.exists()
    assert not (tmp_path / "data").exists()


def test_the_folder_is_removed_when_the_app_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    made: list[Path] = []

    def fail(app: trying.TryApp) -> None:
        made.append(app.store.root)
        raise RuntimeError("boom")

    monkeypatch.setattr(trying.TryApp, "run", fail)
    assert main(["try", str(write_pack(tmp_path, "mine"))]) == 2
    assert "unexpected error: RuntimeError: boom" in capsys.readouterr().err
    assert not made[0].exists()


def test_a_missing_pack_file_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["try", str(tmp_path / "nope.toml")]) == 2
    assert "no such pack file" in capsys.readouterr().err


def test_a_folder_with_one_pack_opens_it_and_one_with_several_lists_them(
    tmp_path: Path, runs: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    write_pack(tmp_path / "one", "mine")
    assert main(["try", str(tmp_path / "one")]) == 0
    assert len(runs) == 1
    write_pack(tmp_path / "two", "mine")
    write_pack(tmp_path / "two", "yours")
    assert main(["try", str(tmp_path / "two")]) == 2
    err = capsys.readouterr().err
    assert "holds 2 packs; try one of them:" in err
    assert f"workbook try {tmp_path / 'two' / 'yours.toml'}" in err
    assert len(runs) == 1
