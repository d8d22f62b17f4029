"""The commands that open a window end at once, with a message and exit 2, when what they are
asked for cannot be: before Textual is loaded, so no window opens in these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbook.cli import main
from workbook.data.store import Store


def run(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str]:
    code = main(["--data-dir", str(data), *args])
    return code, capsys.readouterr().err


@pytest.fixture
def data(tmp_path: Path) -> Path:
    store = Store(tmp_path / "data")
    store.prepare()
    return store.root


def test_start_with_a_pack_needs_the_couple_when_there_are_several(
    capsys: pytest.CaptureFixture[str], data: Path
) -> None:
    store = Store(data)
    store.create_couple("Sam", "Alex")
    store.create_couple("Kim", "Jo")
    code, err = run(capsys, data, "start", "--pack", "respect")
    assert code == 2
    assert "there are 2 couples here" in err


def test_start_with_a_pack_that_is_not_there(
    capsys: pytest.CaptureFixture[str], data: Path
) -> None:
    code, err = run(capsys, data, "start", "--pack", "no-such-pack")
    assert code == 2
    assert "no pack no-such-pack in the library" in err


def test_start_for_a_couple_that_is_not_there(
    capsys: pytest.CaptureFixture[str], data: Path
) -> None:
    code, err = run(capsys, data, "start", "--couple", "nobody")
    assert code == 2
    assert "no couple" in err


def test_facilitate_a_session_needs_its_couple(
    capsys: pytest.CaptureFixture[str], data: Path
) -> None:
    code, err = run(capsys, data, "facilitate", "--session", "2026-11-22-1905")
    assert code == 2
    assert "--session needs the couple too" in err


def test_facilitate_with_nothing_to_follow_tells_a_script_at_once(
    capsys: pytest.CaptureFixture[str], data: Path
) -> None:
    code, err = run(capsys, data, "facilitate")
    assert code == 2
    assert "no couple has an unfinished session to follow" in err
    couple = Store(data).create_couple("Sam", "Alex").id
    code, err = run(capsys, data, "facilitate", couple)
    assert code == 2
    assert f"{couple} has an unfinished session to follow" in err
    code, err = run(capsys, data, "facilitate", couple, "--session", "2026-01-01-1200")
    assert code == 2
    assert "has no session" in err


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--port", "0"], "--port 0 is not a port"),
        (["--port", "70000"], "--port 70000 is not a port"),
        (["--passphrase-file", "p.txt"], "takes no --passphrase-file"),
    ],
)
def test_serve_refuses_what_it_cannot_do(
    capsys: pytest.CaptureFixture[str], data: Path, args: list[str], words: str
) -> None:
    code, err = run(capsys, data, "serve", *args)
    assert code == 2
    assert words in err


def test_the_collector_waits_for_the_window_and_is_back_after_a_refusal(
    capsys: pytest.CaptureFixture[str], data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gc

    from workbook.cli import app

    during: list[bool] = []
    monkeypatch.setattr(app, "run_app", lambda window: during.append(gc.isenabled()))
    assert run(capsys, data) == (0, "")
    # Start-up ran with the collector off; it is on again once the command is over.
    assert during == [False]
    assert gc.isenabled()
    code, _err = run(capsys, data, "start", "--couple", "nobody")
    assert code == 2
    assert gc.isenabled()


def test_a_window_runs_with_the_collector_on(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    from textual.app import App

    from workbook.packs.library import load_library
    from workbook.tui.app import WorkbookApp

    collecting: list[bool] = []
    monkeypatch.setattr(App, "run", lambda self, **kwargs: collecting.append(gc.isenabled()))
    window = WorkbookApp(Store(data), library=load_library)
    gc.disable()
    try:
        window.run()
    finally:
        gc.enable()
        gc.unfreeze()
    assert collecting == [True]
