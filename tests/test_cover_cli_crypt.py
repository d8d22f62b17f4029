"""``decrypt``, ``rekey``, ``passphrase`` and ``pin`` on a plain folder, through the command
line: refused with exit 2, or the PIN set from a file or the prompt and cleared."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.crypt_helpers import pin_written
from workbook.cli import crypt, main
from workbook.data.store import Store


@pytest.fixture
def data(tmp_path: Path) -> Path:
    store = Store(tmp_path / "data")
    store.prepare()
    return store.root


def run(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str]:
    code = main(["--data-dir", str(data), *args])
    return code, capsys.readouterr().err


@pytest.mark.parametrize("args", [["decrypt"], ["rekey"], ["passphrase"], ["passphrase", "--lost"]])
def test_a_plain_folder_is_refused(
    capsys: pytest.CaptureFixture[str], data: Path, args: list[str]
) -> None:
    code, err = run(capsys, data, *args)
    assert code == 2
    assert "is not encrypted" in err


def test_a_pin_is_set_from_a_file_and_cleared(
    capsys: pytest.CaptureFixture[str], data: Path, tmp_path: Path
) -> None:
    pin_file = tmp_path / "pin.txt"
    pin_file.write_text("2468\n")
    code, err = run(capsys, data, "pin", "set", "--pin-file", str(pin_file))
    assert code == 0
    assert "The practice PIN is set" in err
    assert "[pin]" in (data / "settings.toml").read_text()
    assert not pin_written((data / "settings.toml").read_text(), "2468")
    code, err = run(capsys, data, "pin", "clear")
    assert code == 0
    assert "The practice PIN is cleared." in err
    assert "[pin]" not in (data / "settings.toml").read_text()


def answers(monkeypatch: pytest.MonkeyPatch, *said: str) -> None:
    given: Iterator[str] = iter(said)
    monkeypatch.setattr(crypt, "ask", lambda prompt: next(given))


def test_the_prompt_asks_again_then_gives_up(
    capsys: pytest.CaptureFixture[str], data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers(monkeypatch, "12", "2468", "1357", " 2468", "")
    code, err = run(capsys, data, "pin", "set")
    assert code == 2
    assert "Not set: the PIN needs at least 4 characters" in err
    assert "Not set: the two did not match" in err
    assert "no practice PIN was set" in err
    assert (
        not (data / "settings.toml").exists() or "[pin]" not in (data / "settings.toml").read_text()
    )


def test_the_prompt_sets_a_pin_typed_twice(
    capsys: pytest.CaptureFixture[str], data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers(monkeypatch, "2468", "2468")
    code, err = run(capsys, data, "pin", "set")
    assert code == 0
    assert "The practice PIN is set" in err
